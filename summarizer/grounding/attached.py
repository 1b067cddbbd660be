"""Figures given to the wrong name: '45 in Morelos' where the article gives 45 for Puebla and 74 for
Morelos; '45 for Djokovic' where it gives Djokovic 40 and Alcaraz 45. A figure is supported only where
the article states it for the same thing."""

from __future__ import annotations

import re

from ..text.language import MONTH_NUMBERS
from ..text.normalize import STOPWORDS, TITLES, fold
from ..text.numbers import figures
from .facts import ArticleFacts

__all__ = ["misattached_figures", "misdated_figures"]

#: A figure a statement gives to a name: '45 in Morelos', '186 deaths in Mexico City', '40 for Djokovic'.
_ATTACHED = re.compile(
    r"(?<![\w.,-])(\d[\d,]*(?:\.\d+)?)\s+(?:[a-z-]+\s+){0,2}?(?:in|for)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)
#: A figure a statement gives to the one it names first in its clause: 'Fred Kerley took bronze in 9.85'.
_SAID_OF = re.compile(
    r"(?<![\w'-])([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)\s+(?:[a-z-]+\s+){1,3}?in\s+(\d[\d,]*(?:\.\d+)?)(?![\d,.]\d)"
)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\d])")
#: What ends the stretch of text a figure belongs to: a clause's end, a bracket, a line.
_BOUNDARY = re.compile(r"[;()\n:]|\.(?!\d)")


def misattached_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives to a name ('45 in Morelos') that the article gives, wherever it states
    them, to a name the statement gives another figure ('74 in Puebla'), and never to this one; shown
    as '45 (Morelos)'."""
    attached = [
        (figure, name, list(figures(figure)), _words(name)) for figure, name in _ATTACHED.findall(text)
    ]
    found = []
    for figure, name, values, own in attached:
        # The names the statement gives other figures: 74 in Puebla, where 45 is said to be Morelos's.
        others = set().union(*(words for _, _, v, words in attached if v != values)) - own
        if len(values) != 1 or not own or not others:
            continue
        verdicts = [
            _owner(span, facts.counted, own, others) for span in _occurrences(values[0], facts.counted)
        ]
        if verdicts and all(verdict == "other" for verdict in verdicts):
            found.append(f"{figure} ({name})")
    return found or _said_of_another(text, facts)


def _said_of_another(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives to the one it names ('Kerley took bronze in 9.85') that the article
        states only of others, and states another figure of this one, as precise and as large ('Fred Kerley,
    in 9''81'): a figure
        of the article given to the wrong person, in any language; shown as '9.85 (Kerley)'."""
    found = []
    others = facts.capitalised - STOPWORDS - TITLES
    for name, figure in _SAID_OF.findall(text):
        own = {fold(w) for w in name.split()} - STOPWORDS - TITLES
        values = list(figures(figure))
        if len(values) != 1 or not own:
            continue
        rest = set(others - own)
        verdicts = [_owner(span, facts.counted, own, rest) for span in _occurrences(values[0], facts.counted)]
        if not verdicts or any(verdict != "other" for verdict in verdicts):
            continue
        # The article states this one's same quantity as another value: a figure as precise and as large.
        theirs = (
            m
            for m in _NUMBER.finditer(facts.counted)
            if _decimals(m[0]) == _decimals(figure)
            and _comparable(list(figures(m[0], folded=True)), values[0])
        )
        if any(_owner(m.span(), facts.counted, own, rest) == "own" for m in theirs):
            found.append(f"{figure} ({name})")
    return found


def _words(name: str) -> set[str]:
    """A name's words as _owner reads the article's: 'Clermont-Ferrand' is 'clermont' and 'ferrand' (read
    whole, a hyphenated place never met its own figure: '19,000 in Clermont-Ferrand' was given to the
    Nantes before it in the article's list of cities, fresh-j)."""
    return set(re.findall(r"[a-z]+", fold(name))) - STOPWORDS - TITLES


def _decimals(figure: str) -> int:
    return len(figure.partition(".")[2])


def _comparable(values: list[float], value: float) -> bool:
    """One other figure of the same order: 9.81 beside 9.85, not 100 or 2024."""
    return len(values) == 1 and values[0] != value and value > 0 and 0.5 <= values[0] / value <= 2


def _occurrences(value: float, counted: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NUMBER.finditer(counted) if list(figures(m[0], folded=True)) == [value]]


def _owner(span: tuple[int, int], counted: str, own: set[str], others: set[str]) -> str | None:
    """Whose the figure at `span` is, among the statement's names: the one after it, up to the next
    figure or the clause's end ('45 pour Alcaraz'), else the one before it ('Puebla, 45')."""
    start, end = span
    after = counted[end:]
    stop = min((m.start() for m in (_NUMBER.search(after), _BOUNDARY.search(after)) if m), default=len(after))
    before = counted[:start]
    marks = [m.end() for m in _NUMBER.finditer(before)] + [m.end() for m in _BOUNDARY.finditer(before)]
    for stretch in (after[:stop], before[max(marks, default=0) :]):
        words = set(re.findall(r"[a-z]+", stretch))
        if words & own:
            return "own"
        if words & others:
            return "other"
    return None


_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
#: A figure a statement gives to a month: '8.7% in July', '7.9 per cent in June'.
_IN_MONTH = re.compile(
    r"(?<![\w.,-])(\d[\d,]*(?:\.\d+)?)(?:%| ?per ?cent| percent)?\s+(?:[a-z]+\s+){0,2}?in\s+("
    + _MONTHS
    + r")\b"
)
_MONTH_WORD = re.compile(r"(?<![a-z])(" + _MONTHS + r")(?![a-z])")
_SENTENCE = re.compile(r"[.!?;](?:\s|$)")


def misdated_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives to a month ('8.7% in July') that the article, wherever it states them,
    gives to another month, the nearest one in its sentence ('im Juni mit 8,7 Prozent'), and never to
    this one; shown as '8.7 (July)'. A figure the article states once without a month is not judged."""
    found = []
    for figure, month in _IN_MONTH.findall(fold(text)):
        values = list(figures(figure, folded=True))
        if len(values) != 1 or month not in MONTH_NUMBERS:
            continue
        months = [_nearest_month(span, facts.counted) for span in _occurrences(values[0], facts.counted)]
        if months and None not in months and MONTH_NUMBERS[month] not in months:
            found.append(f"{figure} ({month.capitalize()})")
    return found


def _nearest_month(span: tuple[int, int], counted: str) -> int | None:
    """The month named nearest the figure at `span` within its sentence, if any."""
    start, end = span
    opening = max((m.end() for m in _SENTENCE.finditer(counted, 0, start)), default=0)
    closing = m.start() if (m := _SENTENCE.search(counted, end)) else len(counted)
    named = [
        (min(abs(m.start() - end), abs(start - m.end())), MONTH_NUMBERS[m[1]])
        for m in _MONTH_WORD.finditer(counted, opening, closing)
    ]
    return min(named)[1] if named else None
