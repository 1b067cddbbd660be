"""Check a briefing against its article: every quote, number and name must be found in the text."""

from __future__ import annotations

import re

from ..llm.prompts import phrases_of, prompt_phrases
from ..models import Briefing, Finding
from ..text.language import MONTH_NUMBERS, day_months, without_days
from ..text.lexicon import LANGUAGES
from ..text.normalize import fold
from ..text.numbers import figures, in_english_notation
from .acronyms import numbers_of_acronyms
from .attached import misattached_figures, misdated_figures
from .cased import cased_as_a_sentence
from .counts import miscounts
from .dates import (
    article_days,
    date_found,
    date_support,
    inferred_dates,
    weekday_named,
    weekday_neighbours,
    years_worked_out,
)
from .facts import ArticleFacts, without_outlets
from .forms import found_form
from .frames import reframed_figures
from .fuller import fuller_names
from .glossed import glossed, glossed_names
from .measured import mismeasured_figures
from .names import aliases, name_found
from .places import country_named, place_found
from .quoted import check_quotes, quote_found, quote_spans
from .scores import levels_as_changes, unstated_scores
from .speakers import (
    attributed_to,
    speaker_near,
)
from .translated import initials_given, names_without_figures
from .units import misunited_figures, repeated_figures
from .unread import unreadable
from .written import unknown_names

__all__ = [
    "ArticleFacts",
    "aliases",
    "apply_findings",
    "attributed_to",
    "check_briefing",
    "check_echo",
    "check_figures",
    "check_free_text",
    "date_found",
    "date_support",
    "inferred_dates",
    "missing_figures",
    "name_found",
    "quote_found",
    "quote_spans",
    "speaker_near",
    "unknown_names",
]


# --- the checks -----------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: A day written the ISO way in a sentence, as the prompt asks for dates: '2016-08-24'.
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")


#: A time or a duration written the French way in an English sentence ('in 2h18', 'at 13h14').
_HOURS_MINUTES = re.compile(r"(?<![\w.,:])(\d{1,2})h(\d\d)(?!\d)")


def missing_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures in `text` that the article does not state (empty when all are grounded). A time
    written '2h28' is read as one, as the article's '2h18' is, not as a 2 with its minutes left out."""
    missing = []
    read = _HOURS_MINUTES.sub(r"\1:\2", without_outlets(fold(text), facts.outlets))
    for value in figures(read, idiomatic=False, folded=True):
        if value not in facts.values:
            missing.append(f"{value:g}")
    return missing


def as_the_article_writes(text: str, facts: ArticleFacts) -> str:
    """`text` with its figures read the article's way where the English way gives figures the article
    does not state and the article's way none: 'près de 17.000 personnes', 'more than 16 000 cases',
    'Santa Maria (470,7 mm)' copied into an English sentence as the article writes them."""
    if facts.lang not in LANGUAGES or facts.lang == "en" or not missing_figures(text, facts):
        return text
    theirs = in_english_notation(text, facts.lang)
    return text if missing_figures(theirs, facts) else theirs


#: Words that place a moment relative to the publication day, and how many days from it.


def check_briefing(briefing: Briefing, facts: ArticleFacts) -> tuple[list[Finding], int]:
    """Every quote, speaker, figure and name in the briefing that the article does not support.

    Returns the findings and how many items were checked. Pure and deterministic.
    """
    findings: list[Finding] = []
    checked = 0
    # The days the article gives, and those its weekdays name in the weeks either side ('on Saturday').
    days = article_days(facts) | weekday_neighbours(facts)
    given_days = facts.day_months | {(day.month, day.day) for day in days}
    # 'Hellenic Broadcasting Corporation' where Who's who glosses it 'ERT, public broadcaster'.
    glosses = glossed_names(briefing, facts)

    def figures(where: str, text: str) -> None:
        nonlocal checked
        checked += 1
        # A date written as a date ('on 2016-08-24') is checked as a day the article gives, not as the
        # figures 2016, 8 and 24 (nor as a score '08-24').
        undated = [
            iso
            for iso in _ISO_DATE.findall(text)
            if not date_found(iso, "", facts) and not weekday_named(iso, text, facts)
        ]
        if undated:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="a day the article does not give: " + ", ".join(dict.fromkeys(undated)),
            ))  # fmt: skip
        words = _ISO_DATE.sub(" ", text)
        # Where figures are read: a day the article gives ('21 July') is a date, no figure; nor is the
        # number of a name the article gives in its own words ('Five Star' for 'Vijfsterrenbeweging')
        # or by its acronym ('Democrats 66' for 'D66').
        counted = as_the_article_writes(
            numbers_of_acronyms(names_without_figures(words, facts), facts), facts
        )
        named = day_months(fold(words))
        if named and named <= given_days:
            counted = without_days(fold(counted))
        if not undated and (months := _months_not_given(fold(words), facts)):
            # 'in March 2008' where the article's rate last stood there in April 2008.
            findings.append(Finding(
                kind="number", where=where, item=text, reason="a month the article does not give: " + months,
            ))  # fmt: skip
        elif (
            named - given_days and not undated and (days := _days_not_given(named - given_days, text, facts))
        ):
            # 'on January 6' where the article's funeral is on 5 January and its 6 another figure.
            findings.append(Finding(
                kind="number", where=where, item=text, reason="a day the article does not give: " + days,
            ))  # fmt: skip
        # 'takes office on 1 January 2019' where the article of 28 October 2018 says 'on January 1'.
        years = {f"{year:g}" for year in years_worked_out(fold(words), facts)}
        missing = [value for value in missing_figures(counted, facts) if value not in years]
        if missing:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="not stated in the article: " + ", ".join(dict.fromkeys(missing)),
            ))  # fmt: skip
        miscounted, reworded = miscounts(counted, facts)
        misattached = misattached_figures(counted, facts) or miscounted
        misattached = misattached or misdated_figures(counted, facts) or levels_as_changes(counted, facts)
        misattached = misattached or reframed_figures(counted, facts) or misunited_figures(counted, facts)
        misattached = misattached or repeated_figures(counted, facts) or mismeasured_figures(counted, facts)
        misattached = misattached or [f"{score} (a score)" for score in unstated_scores(counted, facts)]
        if misattached and not missing:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="the article gives this figure for something else: " + ", ".join(misattached),
            ))  # fmt: skip
        elif reworded and not missing:
            # '34 counts' for the article's '34 charges': one thing in two words, or two things.
            findings.append(Finding(
                kind="number", where=where, item=text, kept=True,
                reason="the article gives this figure with another word: " + ", ".join(reworded),
            ))  # fmt: skip
        unknown = [name for name in unknown_names(words, facts) if not glossed(name, glosses)]
        if unknown:
            findings.append(Finding(
                kind="name", where=where, item=text,
                reason="names not in the article: " + ", ".join(unknown),
            ))  # fmt: skip

    figures("headline", cased_as_a_sentence(briefing, facts))
    figures("summary", briefing.summary)
    for index, point in enumerate(briefing.key_points):
        figures(f"key_points[{index}]", point)
    for index, point in enumerate(briefing.what_next):
        figures(f"what_next[{index}]", point)
    for index, event in enumerate(briefing.timeline):
        where = f"timeline[{index}]"
        # The day of the month in `when` is the date's, checked below as a date ('25 September').
        # A semicolon, not a colon: "at 20:00: ..." would hide the time of day from the clock reader.
        # `when` keeps the article's own words ('um 1.02 Uhr', 'ore 11,45', 'am 31.12.2022'): it is read
        # in the article's notation, the rest of the briefing in English.
        said = without_days(in_english_notation(fold(event.when), facts.lang))
        figures(where, f"{said}; {event.event}")
        if event.date is not None:
            checked += 1
            if not date_found(event.date, event.when, facts):
                findings.append(
                    Finding(
                        kind="date",
                        where=where,
                        item=f"{event.when} ({event.date})",
                        reason="the date is not stated in the article",
                    )
                )
    quoted, count = check_quotes(briefing, facts)
    findings += quoted
    checked += count
    for index, entity in enumerate(briefing.entities):
        # Every kind is checked: a place left unchecked stayed in Who's who while the appendix said
        # the same name was not in the article.
        checked += 1
        if entity.kind == "place":
            found = place_found(entity.name, facts) or fold(entity.name) in glosses
        else:
            person = entity.kind == "person"
            # An organisation translated from the article's language, which gives it by its initials.
            found = found_form(entity.name, facts, person=person) is not None or (
                not person
                and (
                    initials_given(entity.name, facts)
                    or fold(entity.name) in glosses
                    or country_named(entity.name, facts)
                )
            )
        if not found:
            # "Turkey" filed as a person, where the article says "Turkish": the name is there, not as
            # that kind. Said so, the appendix never says "not mentioned" of a name Who's who shows.
            given = entity.kind != "place" and place_found(entity.name, facts)
            reason = (
                f"not mentioned as {_KINDS[entity.kind]} in the article"
                if given
                else "not mentioned in the article"
            )
            findings.append(Finding(kind="name", where=f"entities[{index}]", item=entity.name, reason=reason))
    return fuller_names(unreadable(findings, briefing, facts), briefing, facts), checked


def _days_not_given(named: set[tuple[int, int]], text: str, facts: ArticleFacts) -> str:
    """The (month, day) pairs of a statement that the article gives another day of that month instead
    of, written out: '6 January' where its funeral is on 5 January. A day its wording works out from
    the publication date ('Sunday 15 July') is supported (dates.py); a day of a month the article
    gives no day of is left alone (a model works days out from 'domenica prossima' too)."""
    if facts.published is None:
        return ""
    years = (facts.published.year - 1, facts.published.year)
    months = {month for month, _ in facts.day_months}
    return ", ".join(
        f"{day} {_MONTH_NAMES[month - 1]}"
        for month, day in sorted(named)
        if month in months
        and not any(date_found(f"{year}-{month:02d}-{day:02d}", text, facts) for year in years)
    )


#: A month with its year: 'april 2008', 'aprile 2008', 'avril 2008'.
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?\s+(?:de\s+)?((?:19|20)\d\d)\b"
)


def _months_not_given(folded: str, facts: ArticleFacts) -> str:
    """The months of a year a statement gives ('March 2008') where the article gives that year only
    with other months ('April 2008') and never names this month: a month the article names anywhere,
    or a year it gives with no month, is left alone."""
    theirs = {(MONTH_NUMBERS[m], int(y)) for m, y in _MONTH_YEAR.findall(facts.counted) if m in MONTH_NUMBERS}
    mine = {(MONTH_NUMBERS[m], int(y)) for m, y in _MONTH_YEAR.findall(folded) if m in MONTH_NUMBERS}
    named = {MONTH_NUMBERS[m] for m in _MONTH_WORD.findall(facts.counted)}
    return ", ".join(
        f"{_MONTH_NAMES[month - 1]} {year}"
        for month, year in sorted(mine - theirs)
        if any(y == year for _, y in theirs) and month not in named and not _published_in(month, year, facts)
    )


def _published_in(month: int, year: int, facts: ArticleFacts) -> bool:
    """The month is the publication's or the one before it (a model dates 'yesterday' and 'last week')."""
    if facts.published is None:
        return False
    since = (facts.published.year - year) * 12 + facts.published.month - month
    return 0 <= since <= 1


_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b")


_KINDS = {"person": "a person", "organization": "an organisation", "place": "a place"}


def check_figures(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Figures in free text (a synthesised headline or summary) that the articles do not state."""
    findings = []
    for where, text in fields.items():
        missing = missing_figures(text, facts)
        if missing:
            reason = "not stated in the articles: " + ", ".join(dict.fromkeys(missing))
            findings.append(Finding(kind="number", where=where, item=text, reason=reason))
    return findings


def check_free_text(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Free text a model wrote from several articles (a synthesised headline and summary), checked as a
    briefing's headline and summary are: figures and names the articles do not give, and, beyond
    them, the tool's own prompt echoed back (check_echo)."""
    findings = check_figures(fields, facts)
    for where, text in fields.items():
        unknown = unknown_names(text, facts)
        if unknown:
            reason = "names not in the articles: " + ", ".join(unknown)
            findings.append(Finding(kind="name", where=where, item=text, reason=reason))
    return findings + check_echo(fields, facts)


def check_echo(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Text that repeats the tool's own prompts, in phrases the articles do not hold: an endpoint that
    echoes the request gave the re-ask's "Some items in your briefing are not supported by the
    article" as a headline. No faithful headline or summary of benchmarks/ (277, planted errors
    included) nor of tests/answers shares a phrase with the prompts."""
    findings = []
    for where, text in fields.items():
        echoed = (phrases_of(text) & prompt_phrases()) - phrases_of(facts.folded)
        if echoed:
            phrase = " ".join(min(echoed))
            reason = f"the tool's own prompt, not the articles (\u201c{phrase}\u201d)"
            findings.append(Finding(kind="quote", where=where, item=text, reason=reason))
    return findings


def apply_findings(briefing: Briefing, findings: list[Finding], *, fallback_title: str | None) -> Briefing:
    """The briefing with every ungrounded item removed.

    A list item is dropped (one the article does not contradict, `kept`, stays); a timeline entry whose
    only unsupported part is its date loses the date.
    An ungrounded headline is replaced by the article's own title (or the first grounded key point); an
    ungrounded summary by the grounded key points.
    """
    bad = {finding.where for finding in findings if finding.kind != "date" and not finding.kept}
    # A date the article does not give goes; the rest of its timeline entry stays.
    undated = {finding.where for finding in findings if finding.kind == "date"}

    def keep(field: str, items: list[object]) -> list[object]:
        return [item for index, item in enumerate(items) if f"{field}[{index}]" not in bad]

    timeline = [
        event.model_copy(update={"date": None}) if f"timeline[{index}]" in undated else event
        for index, event in enumerate(briefing.timeline)
    ]

    key_points = [str(p) for p in keep("key_points", list(briefing.key_points))]
    headline, summary = briefing.headline, briefing.summary
    if "headline" in bad:
        headline = fallback_title or (key_points[0] if key_points else "Untitled")
    if "summary" in bad:
        summary = " ".join(key_points[:2]) or headline
    return briefing.model_copy(update={
        "headline": headline,
        "summary": summary,
        "key_points": key_points or [headline],
        "what_next": keep("what_next", list(briefing.what_next)),
        "timeline": keep("timeline", list(timeline)),
        "quotes": keep("quotes", list(briefing.quotes)),
        "entities": keep("entities", list(briefing.entities)),
    })  # fmt: skip
