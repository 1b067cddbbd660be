"""A user's own template (--template): rendered in a sandbox (sandbox.py) that reaches no file or
attribute and is bounded in what it builds, writes and runs, with the brief's data and nothing else."""

from __future__ import annotations

from pathlib import Path

from jinja2 import (
    DictLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from ..errors import UsageError
from ..models import Brief
from .escape import bracketed, escape_markdown, markdown_link
from .sandbox import TemplateSandbox

__all__ = ["check_template", "render_template"]


def render_template(brief: Brief, template: str | Path) -> str:
    """The brief rendered through a user's own jinja2 template, in a read-only sandbox.

    The template sees `brief` as plain data, the same dicts, lists, strings, numbers and nulls as the
    JSON output: no model objects, whose methods (pydantic's `parse_file`, `model_construct`...) would
    read files or build objects. It also has the filters `md` (escape text for Markdown), `sources` (a
    list of outlets as `[A, B]`) and `link` (`label | link(url)`, only for http(s) URLs). It is one
    file: it cannot include, import or extend another. A template whose name ends in .html or .htm is
    autoescaped. Raises UsageError naming the template when it cannot be read or rendered.
    """
    path = Path(template)
    env, source = _load(path)
    env.filters.update(md=escape_markdown, link=markdown_link, sources=lambda names: bracketed(list(names)))
    try:
        return env.from_string(source).render(brief=brief.model_dump(mode="json"))
    except TemplateNotFound as error:
        raise UsageError(
            f"the template {path}: cannot include, import or extend {error.name!r}: a template is one file"
        ) from None
    except TemplateError as error:
        line = f" (line {error.lineno})" if isinstance(error, TemplateSyntaxError) else ""
        raise UsageError(f"the template {path}{line}: {error}") from None
    except Exception as error:  # the data is plain and the filters are ours: the template is at fault
        raise UsageError(f"the template {path}: {type(error).__name__}: {error}") from None


def check_template(template: str | Path) -> None:
    """Before the first request: a template that cannot be read or has a syntax error is a usage
    error now, not after the run's answers were paid for."""
    path = Path(template)
    env, source = _load(path)
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        raise UsageError(f"the template {path} (line {error.lineno}): {error}") from None


def _load(path: Path) -> tuple[TemplateSandbox, str]:
    """The sandbox a template renders in, and the template's text."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read the template {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"cannot read the template {path}: not UTF-8 text") from None
    env = TemplateSandbox(
        loader=DictLoader({}),  # a loader that reaches nothing: {% include %} and the like fail cleanly
        undefined=StrictUndefined,
        autoescape=path.suffix.lower() in (".html", ".htm"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env, source
