"""Render a Brief as Markdown, JSON or HTML; text from articles or the model can never inject markup."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from jinja2 import (
    DictLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from markdown_it import MarkdownIt
from markupsafe import Markup

from .errors import UsageError
from .models import Brief

__all__ = ["FORMATS", "Format", "escape_markdown", "render_brief", "render_template"]

Format = Literal["markdown", "json", "html"]
FORMATS: tuple[Format, ...] = ("markdown", "json", "html")

# Every ASCII character that can open inline Markdown or raw HTML, wherever it stands.
_INLINE = re.compile(r"([\\`*_\[\]<>#!|~&])")
# What may open a block (list, heading underline, thematic break, ordered list) at the start of a line.
_BLOCK_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
# Bare URLs that GitHub-flavoured Markdown would turn into links.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data)(:)|\b(www)(\.)")


def escape_markdown(value: object) -> str:
    """Make untrusted text inert in Markdown: one line, no markup, no links, no HTML.

    The text still reads the same once rendered; only backslashes are added.
    """
    if isinstance(value, Markup):  # trusted by the template itself
        return str(value)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", text)
    match = _BLOCK_START.match(text)
    if match:
        text = text[: match.end()] + "\\" + text[match.end() :] if match[0].isdigit() else "\\" + text
    return text


def _link(label: str, url: str | None) -> Markup:
    """A Markdown link to an article's own URL: only http(s), and percent-encoded so it cannot break out."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return Markup(escape_markdown(label))
    safe_url = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    return Markup(f"[{escape_markdown(label)}]({safe_url.replace('(', '%28').replace(')', '%29')})")


def _sources(names: list[str]) -> str:
    return "[" + ", ".join(escape_markdown(name) for name in names) + "]"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer", "templates"),
        undefined=StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["link"] = _link
    env.filters["bold"] = lambda text: Markup(f"**{escape_markdown(text)}**")
    env.filters["unverified"] = lambda item: Markup(" *(unverified)*" if item.unverified else "")
    env.filters["sources"] = lambda names: Markup(_sources(list(names)))
    return env


def render_brief(brief: Brief, format: Format = "markdown") -> str:
    """The brief as Markdown (the packaged template), JSON (the Brief model) or an HTML fragment.

    The HTML is the Markdown rendered by CommonMark with raw HTML off: it holds no script and no HTML
    from an article, and its only links are the articles' own http(s) URLs. Safe to put in a page.

        >>> print(render_brief(result.brief, "html"))  # doctest: +SKIP
    """
    if format == "json":
        return brief.model_dump_json(indent=2) + "\n"
    # Which sources were cut to the token cap: looked up once here, not once per source in the template.
    cut = {(r.article_id, r.origin): r.cut_at_tokens for r in brief.articles if r.cut_at_tokens}
    text = _environment().get_template("brief.md.j2").render(brief=brief, cut=cut)
    markdown = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    if format == "html":
        return _markdown_to_html(markdown)
    return markdown


def _markdown_to_html(markdown: str) -> str:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    body: str = parser.render(markdown)
    return '<article class="summarizer-brief">\n' + body + "</article>\n"


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
    env.filters.update(md=escape_markdown, link=_link, sources=lambda names: _sources(list(names)))
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
