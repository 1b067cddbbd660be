"""Ranges of figures: a statement's range whose one end the article gives with another end is a
figure of something else ('aged between 11 and 25' where the article's boys are 11 to 15 and its 25 is
the coach's age); an article's stated ranges are no scores ('tra le 30 e le 35 auto')."""

from __future__ import annotations

import re

from ..text.normalize import fold
from ..text.numbers import is_year
from .facts import ArticleFacts

__all__ = ["moved_range_ends", "stated_ranges"]


#: A range as a briefing writes it ('aged between 11 and 15', 'from 11 to 15') ...
_RANGE = re.compile(r"\b(?:between|from) (\d+(?:\.\d+)?) (?:and|to) (\d+(?:\.\d+)?)\b")
#: ... and as an article writes it, in each shipped language ('tra 11 e 15', 'entre 11 y 15', '11 to
#: 15', '11-15'), an article before the second end ('tra le 30 e le 35 auto', 'entre los 30 y los 35').
_SAID_RANGE = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)(?: (?:and|to|e|y|et|a|à|und|bis) (?:(?:le|les|los|las|the|die) )?| ?- ?)"
    r"(\d+(?:\.\d+)?)(?![\d%]|[.,]\d)"
)


def stated_ranges(counted: str) -> set[tuple[str, str]]:
    """The ranges an article states, low end first ('tra le 30 e le 35 auto' is ('30', '35')): a
    briefing's '30-35 cars' is one of them, not a score."""
    return {(a, b) for a, b in _SAID_RANGE.findall(counted) if float(a) < float(b)}


def moved_range_ends(text: str, facts: ArticleFacts) -> list[str]:
    """The ranges `text` gives ('between 11 and 25') that the article gives with one end the same and
    the other another ('between 11 and 15'): the other end is a figure of something else (the coach's
    25 years). A range the article never gives is left to the other checks."""
    stated = {(float(a), float(b)) for a, b in _SAID_RANGE.findall(facts.counted)}
    found = []
    for a, b in _RANGE.findall(fold(text)):
        low, high = float(a), float(b)
        # 'from 2010 to 2018': a span of years is a date's, checked as such.
        if (low, high) in stated or is_year(low) or is_year(high):
            continue
        if any((x == low) != (y == high) for x, y in stated):
            found.append(f"{a}-{b} (a range the article gives as another)")
    return found
