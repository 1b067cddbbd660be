"""What can be looked up in one article: its text normalised for quotes and names, its figures and
days; and which dates in a briefing follow from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from ..models import Article, Briefing
from ..text.lexicon import alternation
from ..text.normalize import MONTHS, WEEKDAYS, fold, plain
from ..text.numbers import figures, is_year, joined_totals, ordinal_counts

__all__ = [
    "ArticleFacts",
    "Support",
    "date_found",
    "date_support",
    "inferred_dates",
    "outlet_names",
    "without_outlets",
]

_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def _day_months(folded: str) -> set[tuple[int, int]]:
    """(month, day) pairs a folded text states: 'aug 6', '6 august', '6th of august'.

    Two patterns over the months list, not dateparser's search_dates: on 24 articles (12 of
    benchmarks/corpus, 12 of fresh-a) it agreed on 7, read 'now', 'today' and '27 years ago' as days
    counted from the day it ran, missed 'July 20' (bzspace-wapo), and took 100 times as long (0.76 s
    of CPU against 0.008).
    """
    found = set()
    for day, month in _DAY_MONTH.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    for month, day in _MONTH_DAY.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    return found


_HONORIFIC = re.compile(r"\b" + alternation("honorifics") + r"\.? ([a-z][a-z'-]+)")
_HANDLE = re.compile(r"[@#]([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b")
_CAMEL = re.compile(r"(?<=[a-z])([A-Z])")


def outlet_names(source: str | None) -> tuple[str, ...]:
    """The names a source line gives, folded, longest first: 'BBSNews (WPLG)' gives the outlet and the
    wire or station whose copy it carries, 'bbsnews (wplg)', 'bbsnews' and 'wplg'."""
    if not source:
        return ()
    folded = fold(source).strip()
    parts = [folded, *(p.strip() for p in re.split(r"[()/,;]", folded))]
    return tuple(sorted({p for p in parts if len(p) > 1}, key=lambda p: (-len(p), p)))


def without_outlets(folded: str, outlets: tuple[str, ...]) -> str:
    """A folded text with the outlets' names taken out: the 9 of '9News' and the 850 of '850 WFTL'
    are part of a name, not figures."""
    for name in outlets:
        folded = re.sub(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", " ", folded)
    return folded


@dataclass(frozen=True)
class ArticleFacts:
    """What can be looked up in one article: its text as normalised for quotes and names, its figures.

    What the model is given beside the text counts as the article's too (the prompt sends the outlet,
    title, author and date): the title's figures and names, the author's name, and the names of the
    source line (the outlet and the wire service whose copy it carries), whose figures are part of
    names and are never read as figures.
    """

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
    #: The names of the source line, folded, longest first (outlet_names).
    outlets: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        text: str,
        published: datetime | date | None = None,
        *,
        title: str | None = None,
        source: str | None = None,
        author: str | None = None,
    ) -> ArticleFacts:
        # A handle names its person too: '@AshwiniVaishnaw' is Ashwini Vaishnaw.
        handles = " ".join(_CAMEL.sub(r" \1", name) for name in _HANDLE.findall(text))
        given = "\n".join(part for part in (title, author, source) if part)
        folded = fold(text + ("\n" + handles if handles else "") + ("\n" + given if given else ""))
        outlets = outlet_names(source)
        counted = without_outlets(folded, outlets)
        values = frozenset(figures(counted, folded=True)) | joined_totals(counted) | ordinal_counts(counted)
        word_list = tuple(re.findall(r"[a-z0-9]+", folded))
        return cls(
            plain=plain(text),
            folded=folded,
            folded_words=frozenset(word_list),
            word_list=word_list,
            honorific=frozenset(_HONORIFIC.findall(folded)),
            capitalised=frozenset(
                fold(w).removesuffix("'s")
                for w in re.findall(r"(?<![\w'])[A-Z][\w'-]*", plain(text + "\n" + given))
            ),
            values=values,
            day_months=frozenset(_day_months(folded)),
            years=frozenset(int(v) for v in values if is_year(v)),
            published=published.date() if isinstance(published, datetime) else published,
            outlets=outlets,
        )

    @classmethod
    def of_article(cls, article: Article) -> ArticleFacts:
        """The facts of an article with all the prompt gives the model beside its text."""
        return cls.of(
            article.text, article.published, title=article.title, source=article.source, author=article.author
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
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
#: A day named from another the article states: the day before it, or the day after.
_NEIGHBOUR = (
    (re.compile(r"\b(?:the )?(?:previous day|day before|day earlier)\b"), 1),
    (re.compile(r"\b(?:the )?(?:next day|following day|day after|day later)\b"), -1),
)


def date_support(iso: str, when: str, facts: ArticleFacts) -> Support | None:
    """How the article supports an ISO date: 'stated' when it gives its day and month; 'inferred' when
    it follows from `when` and the publication date: the weekday named, within six days of it
    ('Sunday'), or 'tonight', 'yesterday', 'this morning', or a bare time of day on the day itself.
    None otherwise: a weekday that is not this date's, or not in the publication's week."""
    if _YEAR_MONTH.fullmatch(iso):
        return _month_support(int(iso[:4]), int(iso[5:]), when, facts)
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    if (day.month, day.day) in facts.day_months:
        return "stated"
    folded_when = fold(when)
    # 'the previous day' of a day the article states ('on September 28, after hitting Cuba the
    # previous day'), or the day after it.
    for pattern, step in _NEIGHBOUR:
        then = day + timedelta(days=step)
        if pattern.search(folded_when) and (then.month, then.day) in facts.day_months:
            return "inferred"
    if facts.published is None:
        return None
    offset = (day - facts.published).days
    named = {weekday for weekday in WEEKDAYS if weekday in folded_when}
    if named:
        return "inferred" if named == {WEEKDAYS[day.weekday()]} and abs(offset) <= 6 else None
    if any(pattern.search(folded_when) and offset == days for pattern, days in _RELATIVE):
        return "inferred"
    if not _CLOCK.fullmatch(folded_when.strip()):
        return None
    # A bare time of day is on the day of publication, or on a day the article's own words put
    # the story on: 'yesterday', or a weekday of the week before.
    if offset == 0:
        return "inferred"
    if offset == -1 and any(pattern.search(facts.folded) for pattern, days in _RELATIVE if days == -1):
        return "inferred"
    weekday = re.search(rf"\b{WEEKDAYS[day.weekday()]}\b", facts.folded)
    return "inferred" if -6 <= offset < 0 and weekday is not None else None


def _month_support(year: int, month: int, when: str, facts: ArticleFacts) -> Support | None:
    """A month ('2023-05' for 'late May'): stated when `when` names the month and the article names
    it with that year; inferred when the year is the publication's (or the year before, for a month
    still to come in it)."""
    named = {MONTHS[word] for word in re.findall(r"[a-z]+", fold(when)) if word in MONTHS}
    if month not in named or not 1 <= month <= 12:
        return None
    if year in facts.years:
        return "stated"
    if facts.published is None:
        return None
    expected = facts.published.year - (1 if month > facts.published.month else 0)
    return "inferred" if year == expected else None


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
