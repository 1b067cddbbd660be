"""An outlet's short name: the outlet, not its syndication history ("Associated Press (published by ...)")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup

from ..models import AttributedQuote
from .escape import INVISIBLE, escape_markdown

__all__ = ["MAX_OUTLET_CHARS", "outlets_shown", "quote_outlets", "short_name", "unique"]

#: Longer short names are cut at a word and end with "…": a name, not a sentence.
MAX_OUTLET_CHARS = 40

# "X via Y", "X, published by Y", "X (syndicated by Y": the credit and everything after it.
_CREDIT = re.compile(
    r"(?<![^\s,;:(\[])(?:via|(?:re)?published (?:by|in|on)|syndicated by|distributed by|courtesy of"
    r"|as published (?:by|in|on)|reprinted (?:by|from|in)|first published (?:by|in|on))\b.*",
    re.IGNORECASE,
)
# "BBC News | World", "CNN Wire - KTLA", "Reuters / Yahoo": the first part names the outlet.
_SEPARATOR = re.compile(r"\s+[|/\-\u2013\u2014\u00b7\u2022]\s+")
_OPEN, _CLOSE = "([{", ")]}"
_READ_CHARS = 500
# Each round takes off one layer (a bracket, a credit, a section); real names need two or three.
_ROUNDS = 8
_TRIM = " ,;:|/-\u2013\u2014\u00b7\u2022"


def short_name(source: str) -> str:
    """The name to show for an outlet: no trailing "(...)", no "via ..." credit, no " | section", at most
    MAX_OUTLET_CHARS characters, on one line. The long form belongs in the brief's list of sources.

    A name that would come out empty is kept whole (brackets taken off if it is only a bracket).

        >>> short_name("Associated Press (published by the St. Paul Pioneer Press / TwinCities.com)")
        'Associated Press'
        >>> short_name("Reuters via Yahoo News")
        'Reuters'
    """
    # A name is short: a source of thousands of characters is not one, and need not be read whole.
    whole = " ".join(source[:_READ_CHARS].translate(INVISIBLE).split())
    name = whole
    for _ in range(_ROUNDS):
        before = name
        name = _drop_brackets(name).strip(_TRIM)
        name = _CREDIT.sub("", name).strip(_TRIM)
        name = next((part for part in _SEPARATOR.split(name) if part.strip(_TRIM)), name).strip(_TRIM)
        if not name or name == before:
            break
    if not name:
        name = whole.strip(_TRIM + _OPEN + _CLOSE) or whole
    return _cap(name)


def _drop_brackets(name: str) -> str:
    """Without its leading and trailing "(...)" groups (nested ones too), anything after an unclosed
    bracket, and its brackets when it is one group."""
    while name.endswith(tuple(_CLOSE)):
        start = _matching_open(name)
        if start is None or not name[:start].strip(_TRIM):
            break
        name = name[:start].rstrip()
    while name[:1] in _OPEN:
        end = _matching_close(name)
        if end is None:
            break
        if end == len(name) - 1:  # one group: what is inside names the outlet
            return name[1:-1]
        name = name[end + 1 :].lstrip()
    depth, cut = 0, None
    for index, char in enumerate(name):
        if char in _OPEN:
            if depth == 0:
                cut = index
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
    if depth and cut:  # an unclosed bracket: what follows it is a credit cut short
        name = name[:cut]
    return name


def _matching_open(name: str) -> int | None:
    depth = 0
    for index in range(len(name) - 1, -1, -1):
        if name[index] in _CLOSE:
            depth += 1
        elif name[index] in _OPEN:
            depth -= 1
            if depth == 0:
                return index
    return None


def _matching_close(name: str) -> int | None:
    depth = 0
    for index, char in enumerate(name):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return None


def _cap(name: str) -> str:
    if len(name) <= MAX_OUTLET_CHARS:
        return name
    cut = name[: MAX_OUTLET_CHARS - 1]
    if " " in cut[MAX_OUTLET_CHARS // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(_TRIM) + "…"


def unique(names: Iterable[str]) -> list[str]:
    """The names in order, each once."""
    return list(dict.fromkeys(names))


def outlets_shown(names: Iterable[str], days: Mapping[str, str] | None = None) -> Markup:
    """Outlets by short name, once each, as "(A, B)"; with `days`, each with its day of publication:
    "(A, 12 Aug; B, 13 Aug)"."""
    shown = unique(map(short_name, names))
    if days:
        dated = [
            f"{escape_markdown(name)}, {days[name]}" if name in days else escape_markdown(name)
            for name in shown
        ]
        return Markup("(" + "; ".join(dated) + ")")
    return Markup("(" + ", ".join(map(escape_markdown, shown)) + ")")


def quote_outlets(quote: AttributedQuote) -> Markup:
    """ "(LBC)", or "(LBC; CNA in part)" when an outlet printed only part of the words shown."""
    part = unique(map(short_name, quote.in_part))
    whole = [name for name in unique(map(short_name, quote.sources)) if name not in part]
    if not part:
        return outlets_shown(whole)
    shown = ", ".join(map(escape_markdown, whole))
    partly = ", ".join(map(escape_markdown, part)) + " in part"
    return Markup(f"({shown}; {partly})" if shown else f"({partly})")
