"""Untrusted text made inert in Markdown: escaped only where CommonMark or GitHub would read markup."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

__all__ = ["INVISIBLE", "bracketed", "escape_markdown", "markdown_link", "printable", "section_link"]

#: Control characters are spaces; characters that reorder or hide text (bidi overrides and isolates,
#: zero-width space, BOM) are dropped: a value's "\u202e" would turn the rest of its line around, an
#: ESC reach the terminal of whoever reads the brief with `cat`.
INVISIBLE: dict[int, str | None] = {
    **dict.fromkeys([*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)], " "),
    **dict.fromkeys([0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]),
}

#: What a terminal would act on rather than show: escape sequences whole (CSI, OSC, and an ESC with
#: the character after it), their 8-bit forms, and every control character but newline and tab.
_TERMINAL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, clearing the screen
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: the window's title, links
    r"|\x1b[\x20-\x7e]?"
)
_SHOWN = {code: None for code, replacement in INVISIBLE.items() if code not in (0x09, 0x0A)}


def printable(text: str) -> str:
    """Text as it may reach a terminal (stderr, a log viewed with `less -R`, a pipe into one): no
    escape sequence, no control character but newline and tab, nothing that reorders or hides text
    (bidi overrides and isolates). The command line's output edge passes all it prints through this."""
    return _TERMINAL.sub("", text).translate(_SHOWN)


# Anywhere in a line: a backslash that would escape what follows, code spans, emphasis, link and
# reference closers (`](`, `][`, `]:`, or last in the value, where a template's text follows), HTML and
# autolinks (`<` before a tag, comment or address), entities, strikethrough, e-mail autolinks.
_INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)|[`*_~]|\](?=[(\[:]|$)|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<=\w)@(?=\w)"
)
# At the start of a value, which may start a line: headings, lists, quotes, breaks, setext underlines.
_BLOCK_START = re.compile(r"^(?:#{1,6}(?= |$)|[-+](?= |$)|\d{1,9}(?=[.)](?: |$))|>|=+ *$|-+ *$)")
# A closing run of `#` ends an ATX heading's text: "We're #1 #" would lose its last word.
_CLOSING_HASHES = re.compile(r"(?<= )#+$")
# Bare URLs that GitHub-flavoured Markdown would turn into links.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data)(:)|\b(www)(\.)")


def escape_markdown(value: object) -> str:
    """Make untrusted text inert in Markdown: one line, no markup, no links, no HTML.

    Only characters that would be read as markup where they stand are escaped ("Great progress!",
    "$0.0464" and "5 < 6" stay as they are); the text reads the same once rendered.
    """
    if isinstance(value, Markup):  # trusted by the template itself
        return str(value)
    if value is None:
        return ""
    return _escape(_one_line(str(value)), label=False)


def _one_line(text: str) -> str:
    """The text on one line, its runs of space one space, with nothing invisible left in it."""
    return " ".join(text.translate(INVISIBLE).split())


def _escape(text: str, *, label: bool) -> str:
    """Escape one line. A link label (`label`) may hold no bracket at all: one would end it early."""
    tildes = text.count("~") > 1  # a single ~ ("~5,000") strikes nothing through

    def inline(match: re.Match[str]) -> str:
        char, at = match[0], match.start()
        if char == "~" and not tildes:
            return char
        if char == "_" and 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
            return char  # snake_case: CommonMark never reads an underscore inside a word as emphasis
        return "\\" + char

    pattern = _LABEL if label else _INLINE
    escaped = pattern.sub(inline, text)
    escaped = _AUTOLINK.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", escaped)
    escaped = _CLOSING_HASHES.sub(lambda m: "\\" + m[0], escaped)
    start = _BLOCK_START.match(escaped)
    if start:
        escaped = (
            escaped[: start.end()] + "\\" + escaped[start.end() :]
            if start[0][:1].isdigit()
            else "\\" + escaped
        )
    return escaped


_LABEL = re.compile(_INLINE.pattern + r"|[\[\]]")


def markdown_link(label: str, url: str | None) -> Markup:
    """A Markdown link to an article's own URL: only http(s), and percent-encoded so it cannot break out."""
    text = _escape(_one_line(str(label)), label=True)
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return Markup(text)
    safe_url = quote(url, safe=":/?#@!$&'*+,;=%-._~")
    return Markup(f"[{text}]({safe_url.replace('(', '%28').replace(')', '%29')})")


def section_link(label: str, slug: str) -> Markup:
    """A Markdown link to a section of the brief itself, by the anchor GitHub and our HTML give it."""
    if not re.fullmatch(r"[\w-]+", slug):
        raise ValueError(f"not an anchor: {slug!r}")
    return Markup(f"[{_escape(_one_line(str(label)), label=True)}](#{slug})")


def bracketed(names: list[str]) -> str:
    return "[" + ", ".join(escape_markdown(name) for name in names) + "]"
