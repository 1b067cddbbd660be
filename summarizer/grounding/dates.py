"""Which dates in a briefing the article supports: the days it states or lets a reader work out, in
its own language, and whether a timeline entry's date is one of them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from ..models import Briefing
from ..text.language import MONTH_NUMBERS, day_months, relative_days, weekday_days
from ..text.normalize import fold
from ..text.numbers import figures, in_english_notation
from .facts import ArticleFacts

__all__ = [
    "Support",
    "article_days",
    "date_found",
    "date_support",
    "inferred_dates",
    "weekday_neighbours",
    "weekday_named",
    "years_worked_out",
]

Support = Literal["stated", "inferred"]


def article_days(facts: ArticleFacts) -> frozenset[date]:
    """The days the article gives: the publication day (the prompt gives it), each day and month it
    states, in the publication's year or the one before; each weekday it names, the last one on or
    before publication ('Vendredi', 'Thursday'), or with its day of the month ('viernes 8'); and each
    day its words count from publication ('yesterday', 'hier', 'anoche')."""
    published = facts.published
    if published is None:
        return frozenset()
    days = {published}
    for month, day in facts.day_months:
        for year in (published.year, published.year - 1):
            try:
                stated = date(year, month, day)
            except ValueError:
                continue
            if stated <= published + timedelta(days=7):
                days.add(stated)
                break
    for weekday, number in weekday_days(facts.folded):
        for back in range(-1, 21):
            then = published - timedelta(days=back)
            if then.weekday() == weekday and (number is None or then.day == number):
                days.add(then)
                if number is None and back >= 0:
                    break
    for pattern, offset in relative_days(facts.lang):
        if pattern.search(facts.folded):
            days.add(published + timedelta(days=offset))
    return frozenset(days)


def weekday_neighbours(facts: ArticleFacts) -> frozenset[date]:
    """Each weekday the article names without its day of the month, the one in the week after
    publication and the one in the week before it: an article of Wednesday 19 July says 'on Saturday'
    of the 22nd, one of Thursday 12 December 'next Thursday' of the 19th, one of Friday 22 March 'last
    Friday' of the 15th. A statement that gives such a day ('on 22 July') gives a day the article names;
    a timeline entry's date is read from its own words instead (date_support)."""
    published = facts.published
    if published is None:
        return frozenset()
    named = {weekday for weekday, number in weekday_days(facts.folded) if number is None}
    steps = [timedelta(days=step) for step in range(1, 8)]
    return frozenset(
        day for step in steps for day in (published + step, published - step) if day.weekday() in named
    )


def weekday_named(iso: str, text: str, facts: ArticleFacts) -> bool:
    """A statement that gives a day in ISO form names its weekday, in the week before or after
    publication, as weekday_neighbours reads the article's: 'the Queen's Speech next Thursday
    (2019-12-19)' in an article of Thursday 12 December. A statement naming a day of a month too is
    read as a date only."""
    folded = fold(text)
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return False
    return (
        facts.published is not None
        and abs((day - facts.published).days) <= 7
        and not day_months(folded)
        and any(weekday == day.weekday() for weekday, _ in weekday_days(folded))
    )


#: A day named from another the article gives: the day before it, or the day after.
_NEIGHBOUR = (
    (
        re.compile(
            r"\b(?:the )?(?:previous|day before|day earlier|la veille|el dia anterior|am vortag|tags zuvor"
            r"|no dia anterior|na vespera)\b"
        ),
        1,
    ),
    (
        re.compile(
            r"\b(?:the )?(?:next|following|day after|day later|le lendemain|al dia siguiente|am folgetag"
            r"|tags darauf|am nachsten tag|no dia seguinte)\b"
        ),
        -1,
    ),
)
#: A count of days, months or years back from publication ('nine days earlier', '12 months ago').
_AGO = re.compile(r"\b([a-z0-9]+) (day|week|month|year)s? (?:earlier|before|ago|previously)\b")
#: The same count in the article's words, as a `when` may keep them: 'vor drei Tagen', 'há dois anos',
#: 'hace tres días', 'il y a deux ans'; each unit word with its English unit.
_AGO_ABROAD = re.compile(
    r"\b(?:vor|ha|hace|il y a) ([a-z0-9]+) (tag|tage|tagen|woche|wochen|monat|monaten|jahr|jahren|dia|dias"
    r"|semana|semanas|mes|meses|ano|anos|jour|jours|semaine|semaines|mois|an|ans|annee|annees)\b"
)
_UNITS = {
    **dict.fromkeys(("tag", "tage", "tagen", "dia", "dias", "jour", "jours"), "day"),
    **dict.fromkeys(("woche", "wochen", "semana", "semanas", "semaine", "semaines"), "week"),
    **dict.fromkeys(("monat", "monaten", "mes", "meses", "mois"), "month"),
    **dict.fromkeys(("jahr", "jahren", "ano", "anos", "an", "ans", "annee", "annees"), "year"),
}
_LAST = re.compile(r"\b(?:last|l'an|el ano|l'annee) ?(month|year|dernier|derniere|pasado)?\b")
#: 'Last year' and 'last month' as German and Portuguese write them.
_LAST_ABROAD = (
    (re.compile(r"\b(?:im vorjahr|letztes jahr|vergangenes jahr|(?:n?o )?ano passado)\b"), "year"),
    (re.compile(r"\b(?:im vormonat|letzten monat|vergangenen monat|(?:n?o )?mes passado)\b"), "month"),
)
_NIGHT = re.compile(r"\b(?:midnight|overnight|night|nuit|noche|madrugada|nacht|mitternacht|noite)\b")
_QUARTER = re.compile(r"\b(first|second|third|fourth) quarter\b")


#: A bracket that gives a time of day in another zone: '(23:30 GMT on Sunday)', '(0055 GMT on Thursday)'.
_OTHER_CLOCK = re.compile(
    r"\((?=[^()]*(?<![\d.,])(?:\d{1,2}[:.h]\d{2}|\d{4}(?= ?(?:gmt|utc)\b))(?![\d.,]))[^()]*\)"
)


def date_support(iso: str, when: str, facts: ArticleFacts) -> Support | None:
    """How the article supports an ISO date for the moment `when` names: 'stated' when it gives the
    day; 'inferred' when it follows from what `when` says and what the article and its date give: the
    weekday named, in the week before publication ('Sunday', 'vendredi'); 'yesterday', 'hier';
    'the next morning' after a day it gives; 'nine days earlier'; or a moment inside the event that
    names no day of its own ('just before midnight', 'the 23rd minute', 'overnight'), dated with a
    day the article gives. None when `when` names another day, or the day is not one the article gives.
    A year ('1995') or a month ('2023-06') is supported when the article states it or `when` counts it
    from publication ('last month', '12 months ago', 'the third quarter')."""
    # '06:20 on Monday (23:30 GMT on Sunday)': the bracket gives the same moment on another clock; the
    # day is the one before it.
    # `when` in the article's words reads in its notation: 'am 31.12.2022' is 31 December 2022.
    folded_when = in_english_notation(fold(when), facts.lang)
    folded_when = _OTHER_CLOCK.sub(" ", folded_when).strip() or folded_when
    if re.fullmatch(r"\d{4}", iso):
        return _year_support(int(iso), folded_when, facts)
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return _month_support(int(iso[:4]), int(iso[5:]), folded_when, facts)
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    if (day.month, day.day) in facts.day_months:
        return "stated"
    days = article_days(facts)
    words = re.findall(r"[a-z]+", folded_when)
    if (named := day_months(folded_when)) or any(w in MONTH_NUMBERS for w in words):
        # '25 September' for the day of publication (the prompt states it); a month without the day
        # names no day.
        if (day.month, day.day) not in named or day not in days:
            return None
        return "stated" if day == facts.published else "inferred"
    weekdays = {weekday for weekday, _ in weekday_days(folded_when)}
    if weekdays:
        offset = (day - facts.published).days if facts.published else 99
        # 'later on Thursday and Friday', 'nella notte tra venerdì e sabato': a date on one of the days.
        return "inferred" if day.weekday() in weekdays and abs(offset) <= 6 else None
    for pattern, step in _NEIGHBOUR:
        if pattern.search(folded_when):
            return "inferred" if day + timedelta(days=step) in days or day in days else None
    if (ago := _ago(folded_when, facts.lang)) is not None:
        counted = ago[0] * (7 if ago[1] == "week" else 1)
        return "inferred" if ago[1] in ("day", "week") and day + timedelta(days=counted) in days else None
    relative = [offset for pattern, offset in relative_days(facts.lang) if pattern.search(folded_when)]
    if relative:
        published = facts.published
        moments = {published + timedelta(days=o) for o in relative} if published else set()
        return "inferred" if day in moments else None
    # A night runs over two days: 'just before midnight', 'overnight' may be the eve of a day it gives.
    night = _NIGHT.search(folded_when) is not None
    return "inferred" if day in days or (night and day + timedelta(days=1) in days) else None


def _ago(folded_when: str, lang: str) -> tuple[int, str] | None:
    """How many days, weeks, months or years back from publication `when` counts ('nine days earlier',
    'vor drei Tagen'), and which unit; None when it counts none."""
    if (ago := _AGO.search(folded_when)) is not None:
        return _count(ago[1], "en"), ago[2]
    if (abroad := _AGO_ABROAD.search(folded_when)) is not None:
        return _count(abroad[1], lang), _UNITS[abroad[2]]
    return None


def _last(folded_when: str) -> str | None:
    """'year' for 'last year', 'l'an dernier', 'im Vorjahr'; 'month' for 'last month'; else None."""
    if (last := _LAST.search(folded_when)) is not None and last[1]:
        return "month" if last[1] == "month" else "year"
    return next((unit for pattern, unit in _LAST_ABROAD if pattern.search(folded_when)), None)


def _count(word: str, lang: str) -> int:
    if word in ("a", "an", "one"):  # 'a week ago', 'one year earlier'
        return 1
    values = list(figures(word, folded=True, lang=lang))
    return int(values[0]) if values else 0


def _year_support(year: int, folded_when: str, facts: ArticleFacts) -> Support | None:
    """A year: stated when the article gives it; inferred from 'last year', 'l'an dernier' or 'N years
    ago' and the publication's year."""
    # A year before news copy's range ('1415', the last resignation before) that `when` names and the
    # article states.
    if year in facts.years or (str(year) in re.findall(r"\d{4}", folded_when) and year in facts.values):
        return "stated"
    if facts.published is None:
        return None
    back = facts.published.year - year
    if (ago := _ago(folded_when, facts.lang)) is not None and ago[1] == "year":
        return "inferred" if ago[0] == back else None
    if _last(folded_when) == "year":
        return "inferred" if back == 1 else None
    return "inferred" if back == 0 else None


def _month_support(year: int, month: int, folded_when: str, facts: ArticleFacts) -> Support | None:
    """A month ('2023-05' for 'late May', 'junio'): stated when `when` names the month and the article
    names it with that year; inferred when the year is the publication's (or the year before, for a
    month still to come in it), or when `when` counts it from publication ('last month', '12 months
    ago', 'the third quarter' for its first month)."""
    published = facts.published
    named = {MONTH_NUMBERS[word] for word in re.findall(r"[a-z]+", folded_when) if word in MONTH_NUMBERS}
    if not 1 <= month <= 12:
        return None
    if not named and published is not None:
        back = (published.year - year) * 12 + published.month - month
        if (ago := _ago(folded_when, facts.lang)) is not None and ago[1] in ("month", "year"):
            return "inferred" if ago[0] * (12 if ago[1] == "year" else 1) == back else None
        if _last(folded_when) == "month":
            return "inferred" if back == 1 else None
        quarter = _QUARTER.search(folded_when)
        if quarter is not None:
            first = 1 + 3 * ("first", "second", "third", "fourth").index(quarter[1])
            return "inferred" if month == first and year in (published.year, *facts.years) else None
    if month not in named:
        return None
    if year in facts.years:
        return "stated"
    if published is None:
        return None
    # A month after publication's is the last one of the year before, or still to come ('the conclave
    # in March', written in February).
    expected = {published.year} | ({published.year - 1} if month > published.month else set())
    return "inferred" if year in expected else None


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


#: A day written out with its year: '1 january 2019', 'january 1, 2019'.
_DAY_MONTH_YEAR = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(MONTHS)|(MONTHS)\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+((?:19|20)\d\d)\b".replace(
        "MONTHS", "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    )
)


def years_worked_out(folded: str, facts: ArticleFacts) -> set[float]:
    """The years of days a statement writes out in full ('1 January 2019') that the article gives
    without a year ('on January 1'): the year of that day nearest the publication date, as a reader
    works it out (an article of 28 October 2018 means 1 January 2019, not 2018 nor 2020)."""
    if facts.published is None:
        return set()
    published = facts.published
    years: set[float] = set()
    for match in _DAY_MONTH_YEAR.finditer(folded):
        day, month, year = int(match[1] or match[4]), MONTH_NUMBERS[match[2] or match[3]], int(match[5])
        if (month, day) not in facts.day_months:
            continue
        try:
            near = min(
                (date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)),
                key=lambda day: abs(day - published),
            )
        except ValueError:  # 29 February
            continue
        if near.year == year:
            years.add(float(year))
    return years
