"""What can be looked up in one article: its text normalised for quotes and names, its figures and
days; and which dates in a briefing follow from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from .models import Briefing
from .text import MONTHS, WEEKDAYS, figures, fold, plain

__all__ = ["ArticleFacts", "Support", "date_found", "date_support", "inferred_dates"]

_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def _day_months(folded: str) -> set[tuple[int, int]]:
    """(month, day) pairs a folded text states: 'aug 6', '6 august', '6th of august'."""
    found = set()
    for day, month in _DAY_MONTH.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    for month, day in _MONTH_DAY.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    return found


_HONORIFIC = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr)\.? ([a-z][a-z'-]+)")


@dataclass(frozen=True)
class ArticleFacts:
    """What can be looked up in one article: its text as normalised for quotes and names, its figures."""

    plain: str
    folded: str
    folded_words: frozenset[str]
    #: The folded words in order, for names spelt with a slip ('Coast Gaurd').
    word_list: tuple[str, ...]
    #: Surnames the article gives with an honorific ('Mr Abdulla'): the forms an alias may take.
    honorific: frozenset[str]
    #: The words the article writes with a capital (folded): the words of its names.
    capitalised: frozenset[str]
    values: frozenset[float]
    day_months: frozenset[tuple[int, int]]
    years: frozenset[int]
    published: date | None

    @classmethod
    def of(cls, text: str, published: datetime | date | None = None) -> ArticleFacts:
        folded = fold(text)
        values = frozenset(figures(folded, folded=True))
        word_list = tuple(re.findall(r"[a-z0-9]+", folded))
        return cls(
            plain=plain(text),
            folded=folded,
            folded_words=frozenset(word_list),
            word_list=word_list,
            honorific=frozenset(_HONORIFIC.findall(folded)),
            capitalised=frozenset(
                fold(w).removesuffix("'s") for w in re.findall(r"(?<![\w'])[A-Z][\w'-]*", plain(text))
            ),
            values=values,
            day_months=frozenset(_day_months(folded)),
            years=frozenset(int(v) for v in values if v.is_integer() and 1900 <= v <= 2100),
            published=published.date() if isinstance(published, datetime) else published,
        )


_RELATIVE = (
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|(?:earlier|later) today)\b"), 0),
    (re.compile(r"\b(?:yesterday|last night)\b"), -1),
    (re.compile(r"\btomorrow\b"), 1),
)
#: A time of day and nothing else ('4:21 p.m. ET', 'at noon'): the day is the publication's.
_CLOCK = re.compile(
    r"(?:at |around |about |(?:shortly|just) (?:after|before) )?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midday)(?:\s+[a-z]{2,4})?\.?"
)

Support = Literal["stated", "inferred"]


def date_support(iso: str, when: str, facts: ArticleFacts) -> Support | None:
    """How the article supports an ISO date: 'stated' when it gives its day and month; 'inferred' when
    it follows from `when` and the publication date: the weekday named, within six days of it
    ('Sunday'), or 'tonight', 'yesterday', 'this morning', or a bare time of day on the day itself.
    None otherwise: a weekday that is not this date's, or not in the publication's week."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    if (day.month, day.day) in facts.day_months:
        return "stated"
    if facts.published is None:
        return None
    folded_when = fold(when)
    offset = (day - facts.published).days
    named = {weekday for weekday in WEEKDAYS if weekday in folded_when}
    if named:
        return "inferred" if named == {WEEKDAYS[day.weekday()]} and abs(offset) <= 6 else None
    if any(pattern.search(folded_when) and offset == days for pattern, days in _RELATIVE):
        return "inferred"
    return "inferred" if offset == 0 and _CLOCK.fullmatch(folded_when.strip()) else None


def date_found(iso: str, when: str, facts: ArticleFacts) -> bool:
    """An ISO date the article states, or that follows from its wording and the publication date."""
    return date_support(iso, when, facts) is not None


def inferred_dates(briefing: Briefing, facts: ArticleFacts) -> list[str]:
    """The timeline entries (e.g. 'timeline[0]') whose date is not stated but worked out from a weekday
    or 'tonight' and the publication date: the brief marks them '(inferred)'."""
    return [
        f"timeline[{index}]"
        for index, event in enumerate(briefing.timeline)
        if event.date and date_support(event.date, event.when, facts) == "inferred"
    ]
