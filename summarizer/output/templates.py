"""A user's own template (--template): rendered in a sandbox that reaches no file, attribute or
huge number, with the brief's data and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import (
    DictLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment

from ..errors import UsageError
from ..models import Brief
from .escape import bracketed, escape_markdown, markdown_link

__all__ = ["render_template"]


# Far beyond any brief's figures, far below a number that takes minutes or gigabytes to compute.
_MAX_INT_BITS = 1 << 16


class _TemplateSandbox(ImmutableSandboxedEnvironment):
    """jinja2's sandbox, read-only, with `*` and `**` bounded the way the sandbox bounds `range`.

    Unbounded, `{{ 9 ** 999999999 }}` hangs beyond Ctrl-C while the template compiles (jinja2 folds
    constants) and `{{ 'x' * 10**10 }}` takes every byte of memory.
    """

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if _too_big(operator, left, right):
            raise SecurityError(f"the result of {operator} is too big for a template")
        return super().call_binop(context, operator, left, right)


def _too_big(operator: str, left: Any, right: Any) -> bool:
    ints = all(isinstance(side, int) for side in (left, right))
    if operator == "**":
        return ints and right > 0 and abs(left).bit_length() * right > _MAX_INT_BITS
    if ints:
        return bool(abs(left).bit_length() + abs(right).bit_length() > _MAX_INT_BITS)
    sequence, times = (left, right) if isinstance(right, int) else (right, left)
    return (
        isinstance(times, int)
        and isinstance(sequence, (str, list, tuple))
        and len(sequence) * times > MAX_RANGE
    )


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
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read the template {path}: {error.strerror or error}") from None
    env = _TemplateSandbox(
        loader=DictLoader({}),  # a loader that reaches nothing: {% include %} and the like fail cleanly
        undefined=StrictUndefined,
        autoescape=path.suffix.lower() in (".html", ".htm"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
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
