"""The names a source line gives (the outlet and the wire whose copy it carries), and a text without them."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import every_language
from .normalize import fold

__all__ = ["news_organisations", "outlet_names", "without_outlets"]


@cache
def news_organisations() -> tuple[tuple[str, ...], ...]:
    """The news agencies and outlets stories credit, each with its forms ('Agence France-Presse', 'AFP'):
    text/data/<lang>/news_organisations.txt, one organisation a line, its forms parted by '|'."""
    return tuple(
        tuple(form.strip() for form in line.split("|")) for line in every_language("news_organisations")
    )


def outlet_names(source: str | None) -> tuple[str, ...]:
    """The names a source line gives, folded, longest first: 'BBSNews (WPLG)' gives the outlet and the
    wire or station whose copy it carries, 'bbsnews (wplg)', 'bbsnews' and 'wplg'; 'Teller Report
    (Europe 1 with AFP)' each of the two it carries, 'with' or 'via' joining them."""
    if not source:
        return ()
    folded = fold(source).strip()
    parts = [folded, *(p.strip() for p in re.split(r"[()/,;]|\s(?:with|via)\s", folded))]
    parts += [short for part in parts if (short := _numbered(part))]
    return tuple(sorted({p for p in parts if len(p) > 1}, key=lambda p: (-len(p), p)))


def _numbered(name: str) -> str | None:
    """A name's words up to its number, where words follow it: 'antena 3' of 'antena 3 noticias',
    'channel 4' of 'channel 4 news', as a model names the outlet by its brand; None for a name with
    no number after its first word, or none before its last."""
    words = name.split()
    at = next((i for i, word in enumerate(words) if any(c.isdigit() for c in word)), None)
    return " ".join(words[: at + 1]) if at is not None and 0 < at < len(words) - 1 else None


def without_outlets(folded: str, outlets: tuple[str, ...]) -> str:
    """A folded text with the outlets' names taken out: the 9 of '9News' and the 850 of '850 WFTL'
    are part of a name, not figures."""
    for name in outlets:
        folded = re.sub(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", " ", folded)
    return folded
