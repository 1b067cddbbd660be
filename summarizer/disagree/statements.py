"""A statement read for its figures: each figure with what it counts (its measure: the dead, the
injured, a noun such as 'page', a scale such as 'billion') and the places its clause names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from ..text.groups import Groups
from ..text.lexicon import table, word_set
from ..text.normalize import (
    MONTHS,
    VAGUE_PLACE,
    WEEKDAYS,
    cached,
    cached_sets,
    content_words,
    fold,
    statement_frame,
    words,
)
from ..text.numbers import ORDINAL_MARK, TIME_MARK, Token, is_year, shown
from ..text.numbers import tokens as read_tokens
from .clocks import clocks
from .measures import (
    COUNT_REACH,
    CURRENCIES,
    DURATION,
    SCALES,
    TIME_OF_DAY,
    TOLLS,
    UNOWNED,
    YEARS,
    duration_of,
    in_utc,
    measure_of,
    owner_of,
    priced,
    zone_of,
)
from .subjects import given_to_someone, listed_after, subject_of

__all__ = [
    "COUNT_REACH",
    "DURATION",
    "FACT_SIMILARITY",
    "Statement",
    "TIME_OF_DAY",
    "TOLLS",
    "other_events",
    "read_statement",
    "statement_tokens",
    "statement_values",
    "story_places",
]


#: 'in 2004', 'a 1960 tsunami': another time ('Musk's 2018 pay deal' is not).
_BEFORE_A_YEAR = word_set("year_prepositions")


#: A clause with one of these gives a projection or a hypothesis ('could reach 20,000'), not a report.
_MODAL = word_set("modal_words")

_WEEKDAYS = frozenset(WEEKDAYS)
#: 'in May' is a month, 'may reach' a hypothesis.
_BEFORE_A_MONTH = frozenset(("in", "of", "since", "until", "by", "early", "late", "mid", "from"))


#: Two statements about one fact (other than a toll) share at least this part of their words, figures
#: apart. Measured on benchmarks/corpus: two outlets' 79th- and 80th-minute penalty 0.30, the other's
#: 23rd-minute goal against that penalty 0.12 (kept apart as it is not the closest); 'the 200-page
#: ruling' and 'her 201-page opinion' just under 0.10, so not paired.
FACT_SIMILARITY = 0.1


@dataclass(frozen=True)
class Statement:
    """One outlet's statement, read for its figures: (measure, places) -> the values given."""

    source: str
    text: str
    frame: frozenset[str]
    measures: dict[tuple[str, frozenset[str]], frozenset[float]]
    #: The day its article was published: a toll that rose from one day to the next is no disagreement.
    day: date | None = None
    #: Its times of day given with a zone, in UTC: '8:12 a.m. Central' and '9:12 a.m. Eastern' are one.
    utc: frozenset[float] = frozenset()
    #: Whom each figure of a measure is given to (subjects.py): (measure, figure) -> the story's names.
    subjects: dict[tuple[str, float], frozenset[str]] = field(default_factory=dict)


def story_places(wheres: Iterable[str], others: Iterable[str]) -> dict[str, str]:
    """The story's place words, each mapped to the place it belongs to. Within an event's `where`,
    commas run from the specific to the general ('Lahaina, Maui, Hawaii': one place, however many of
    its names a clause uses) while 'and' joins separate places ('southern Turkey and northern Syria');
    every other place the briefings name is a place of its own."""
    places: Groups[str] = Groups()
    wholes: set[str] = set()
    for where in wheres:
        for part in re.split(r"\band\b|&|/", fold(where)):
            names = [w for w in words(part, folded=True) if w not in VAGUE_PLACE]
            for name in names[1:]:
                places.join(names[0], name)
            for name in names[:1]:
                places.root(name)
            segments = part.split(",")
            if len(segments) >= WHOLE_AFTER:
                wholes.update(words(segments[-1], folded=True))
    for place in others:
        for name in words(place):
            if name not in VAGUE_PLACE:
                places.root(name)
    # The country a town and its region lie in names the whole event, not a place within it: 'more
    # than 20 dead in southern Mexico' is the event's toll, '7 dead in Chiapas' the state's.
    return {name: "" if name in wholes else root for name, root in places.roots().items()}


#: How many comma-separated names an event's `where` gives before its last is the whole country
#: ('Pijijiapan, Chiapas, Mexico'); 'Lahaina, Maui' is a town and its island, one place.
WHOLE_AFTER = 3


def _places(tokens: Iterable[str], places: dict[str, str]) -> frozenset[str]:
    """The story's places a clause names ('Syrian' names Syria)."""
    found = set()
    for token in tokens:
        if token in places:
            found.add(places[token])
        elif len(token) >= 4 and token.isalpha():
            found.update(
                place for name, place in places.items() if len(name) >= 5 and token.startswith(name[:-1])
            )
    return frozenset(found - {""})


def _day_of_month(tokens: Sequence[Token], at: int) -> bool:
    """'September 8', '8 September': a date, not a count."""
    near = {tokens[i][0] for i in (at - 1, at + 1, at + 2) if 0 <= i < len(tokens)}
    return bool(near & MONTHS.keys())


#: 'less than two weeks earlier', 'a year ago': a clause of another time (another event recalled).
_SPANS = frozenset(("week", "weeks", "month", "months", "year", "years", "decade", "decades"))
_BACK = frozenset(("earlier", "ago", "before"))
#: 'up 60% from a year ago' compares with a year before; it does not speak of it.
_NOT_A_SPAN = frozenset(("a", "an", "the", "one", "last", "this"))


def _before_it(clause: list[str]) -> int | None:
    """Where the clause says it speaks of weeks, months or years before ('two weeks earlier'): the
    index of the span's word, or None."""
    found = (
        i
        for i, (a, b) in enumerate(pairwise(clause))
        if a in _SPANS and b in _BACK and i > 0 and clause[i - 1] not in _NOT_A_SPAN
    )
    return next(found, None)


#: How many words from a year not the story's a figure is of that year's time ('the 61 killed by a
#: 1960 tsunami': 4). 'founded in 1995 and has a net worth of nearly $185 billion' (9) is not.
YEAR_REACH = 6


def _modal(tokens: Sequence[Token], start: int, end: int) -> bool:
    """The clause speaks of what could be ('could reach', 'may rise'); 'in May' is a month, and what
    is measured against an expectation is known ('a margin far greater than expected', 'fell as
    forecast': the figures are reported, the expectation is only what they are compared with)."""
    for i in range(start, end):
        word = tokens[i][0]
        before = tokens[i - 1][0] if i > 0 else ""
        if word in _MODAL and not (word in MONTHS and before in _BEFORE_A_MONTH) and before not in _COMPARED:
            return True
    return False


#: Words before an expectation that make it what a figure is compared with ('than expected').
_COMPARED = frozenset(("than", "as"))


def _own_places(
    tokens: Sequence[Token], start: int, end: int, places: dict[str, str]
) -> dict[int, frozenset[str]]:
    """The figures of a clause that name their own place ('55 died in Morelos, 49 in Mexico City'):
    each with the place after its 'in', as written ('the State of Mexico' is 'mexico state')."""
    found: dict[int, frozenset[str]] = {}
    for at in range(start, end):
        if tokens[at][1] is None:
            continue
        i = at + 1
        while i < min(end, at + 1 + COUNT_REACH) and tokens[i][0] != "in" and tokens[i][1] is None:
            i += 1
        if i >= end or tokens[i][0] != "in":
            continue
        phrase: list[str] = []
        for n, (token, value) in enumerate(tokens[i + 1 : min(end, i + 6)], i + 1):
            # 'in Mexico State and three in Guerrero': two places; 'in Turkey and Syria': one phrase.
            following = tokens[n + 1][1] if n + 1 < len(tokens) else None
            if value is not None or token in {",", ";", "."} or (token == "and" and following is not None):
                break
            if token not in {"the", "his", "her", "its", "their"}:
                phrase.append(token)
        if phrase[:2] == ["state", "of"] and len(phrase) > 2:
            phrase = [*phrase[2:], "state"]
        if phrase:
            found[at] = frozenset((" ".join(phrase),))
    # A place the story names is a place; in a list by place ('..., 10 in Mexico State and three in
    # Guerrero'), so is each other ('49 in the capital' alone may be anything).
    named = [at for at, (phrase,) in found.items() if next(words(phrase, folded=True), "") in places]

    if len(named) > 1:
        return found
    # One figure alone in its clause has the clause's places already.
    return {at: found[at] for at in named} if sum(v is not None for _, v in tokens[start:end]) > 1 else {}


def _people_of_a_place(measure: str, places: dict[str, str]) -> str:
    """'50 million Mexicans' are '50 million people': a scale's count of a story's place's people."""
    scale, _, counted = measure.partition(" ")
    if not counted or len(counted) < 4 or " " in counted:
        return measure
    named = any(len(name) >= 5 and counted.startswith(name[:-1]) for name in places)
    return f"{scale} peopl" if named else measure


_NAMED_HAPPENINGS = table("named_happenings")
#: A word and the capitalised word after it ('Cyclone Idai'), at every word: they overlap.
_NAMED = re.compile(r"(?<![A-Za-z])(?=([A-Za-z]+) ([A-Z][a-z]+)\b)")


def other_events(texts: Iterable[str], own: Iterable[str]) -> frozenset[str]:
    """The names of happenings of the story's kind that its texts recall and that are not its own
    (`own`: its events' `what`): 'Cyclone Idai' in a report of Cyclone Kenneth names 'idai'
    (named_happenings.txt). Part of a longer name is none ('the National Hurricane Center')."""
    mine = {word for what in own for word in re.findall(r"[a-z]+", fold(what))}
    kinds = {_NAMED_HAPPENINGS[word] for word in mine if word in _NAMED_HAPPENINGS}
    if not kinds:
        return frozenset()
    found = set()
    for text in texts:
        for match in _NAMED.finditer(text):
            kind, name = match.groups()
            before = text[: match.start()].split()[-1:]
            if _NAMED_HAPPENINGS.get(fold(kind)) in kinds and not (before and before[0][:1].isupper()):
                found.add(fold(name))
    return frozenset(found - mine)


@cached_sets
def statement_tokens(text: str) -> tuple[Token, ...]:
    """A statement's words, punctuation and figures (text.numbers.tokens), read once: the merge reads
    each statement for the values it gives and again, in a story of several outlets, for its measures."""
    # A day written the ISO way ('2015-04-26') is a day, not the figures 4 and 26. Money's sign is read
    # as its code, apart from the figure: '$700' and '€700' (folded 'eur700') give 700.
    folded = _MONEY_CODE.sub(_code_apart, fold(text).replace("$", " usd "))
    folded = _MAGNITUDE.sub("magnitude ", folded)  # 'M7.1' is magnitude 7.1, not 'm', '.', '1'
    return tuple(read_tokens(clocks(_ISO_DAY.sub(" ", folded))))


# Each pattern starts with what it looks for and looks behind it after: one that starts with a
# look-behind is tried at every character of the text, one that starts with a digit, a letter or one of
# a few words goes straight to where one stands (in C). And the money code's replacement is a function:
# a template ('\1 ') is parsed in Python at each call, matched or not. The three took a third of the
# time they did, of 24,500 statements a 10,000-briefing merge reads (2.5% of its CPU).
# plain() spaces the dashes of an ISO day.
_ISO_DAY = re.compile(r"\d(?<![\d-]\d)\d{3}(?: ?- ?)\d{2}(?: ?- ?)\d{2}(?![\d-])")
_MONEY_CODE = re.compile(r"(?:eur|gbp|usd|rs)(?=\d)")
_MAGNITUDE = re.compile(r"m(?<![a-z0-9]m)(?=\d+\.\d)")


def _code_apart(code: re.Match[str]) -> str:
    """A currency's code apart from its figure ('eur700' is 'eur 700'); not a word's last letters ('5
    hours10')."""
    at = code.start()
    return code[0] if at and "a" <= code.string[at - 1] <= "z" else f"{code[0]} "


@cached
def _gives_figures(text: str) -> bool:
    """Whether a statement gives any figure (asked once a text: most of a story's give none)."""
    return any(value is not None for _, value in statement_tokens(text))


def statement_values(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a statement is about (its words without figures and days), and the figures, times of day
    and days it gives, as shown: what outlets may disagree on ('8.1', '12:42', 'Monday')."""
    given = {
        token[: -len(TIME_MARK)] if token.endswith(TIME_MARK) else shown(value)
        for token, value in statement_tokens(text)
        if value is not None
    }
    given |= {day.capitalize() for day in content_words(text) & _WEEKDAYS}
    return statement_frame(text), frozenset(given)


def read_statement(
    source: str,
    text: str,
    places: dict[str, str],
    years: frozenset[int] = frozenset(),
    day: date | None = None,
    others: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> Statement:
    """A statement's figures by measure and place (`places` from story_places). A clause that names a
    year other than the story's (`years`) speaks of another time ('the 61 killed by a 1960 tsunami'),
    one that names another event (`others`, from other_events: 'Idai' in a report of Cyclone Kenneth)
    of that event, and one with 'could' or 'may' of what is not known: their figures are left out. A
    figure is given to the story's `names` its clause puts beside it (subjects.py)."""
    if not _gives_figures(text):
        return Statement(source, text, frozenset(), {}, day)  # no figure: nothing to compare
    tokens = statement_tokens(text)
    measures: dict[tuple[str, frozenset[str]], set[float]] = defaultdict(set)
    utc: set[float] = set()
    subjects: dict[tuple[str, float], frozenset[str]] = {}
    elided: list[tuple[float, frozenset[str]]] = []  # ordinals without their noun ('in the 60th')
    start = 0
    year = [is_year(t) for t, _ in tokens]
    for end in [*(i for i, (t, _) in enumerate(tokens) if t in {";", ".", "!", "?"}), len(tokens)]:
        clause = [t for t, _ in tokens[start:end]]
        other_years = [
            i
            for i in range(start, end)
            if year[i] and tokens[i - 1][0] in _BEFORE_A_YEAR and int(tokens[i][0]) not in years
        ]
        # What is not known ('could reach'), or another place ('killed about 170 people elsewhere in
        # Libya').
        if _modal(tokens, start, end) or "elsewhere" in clause or (others and not others.isdisjoint(clause)):
            start = end + 1
            continue
        span = _before_it(clause)
        lasting: tuple[int, float] | None = None  # the clause's last length of time, and where
        clause_places = _places(clause, places)
        own = _own_places(tokens, start, end, places)
        listed: str | None = None  # what the clause's last figure given to a name counts
        for at in range(start, end):
            value = tokens[at][1]
            if value is None or year[at] or _day_of_month(tokens, at):
                continue
            subject = subject_of(tokens, at, start, names) if names else frozenset()
            # Another time: near a year not the story's ('the 61 killed by a 1960 tsunami'; not
            # 'founded in 1995 and has a net worth of $185 billion'), or in a clause of weeks before
            # ('a quake ... two weeks earlier, killing about 100'), but for that span itself.
            if any(abs(i - at) <= YEAR_REACH for i in other_years) or (
                span is not None and at - start != span - 1
            ):
                continue
            if at >= 3 and tokens[at - 1][0] == "and" and tokens[at - 2][0] in YEARS and tokens[at - 3][1]:
                continue  # '21 years and 70 days': the days are part of the years' figure
            measure = measure_of(tokens, at, start, end)
            if measure is None and listed and value.is_integer() and subject & listed_after(tokens, at):
                measure = listed  # 'Labour 191 seats, the SNP 55': each party's seats
            elif measure is None:
                if tokens[at][0].endswith(ORDINAL_MARK):
                    elided.append((value, own.get(at, clause_places)))
                continue
            measure = priced(_people_of_a_place(measure, places), tokens, at)
            if (minutes := duration_of(tokens, at, end)) is not None:
                measure, value = DURATION, value * minutes
                # 'two hours and 27 minutes' is one length: 147 minutes.
                if lasting is not None and lasting[0] == at - 3 and tokens[at - 1][0] == "and":
                    measures[(DURATION, own.get(lasting[0], clause_places))].discard(lasting[1])
                    value += lasting[1]
                lasting = (at, value)
            elif measure == TIME_OF_DAY and (zone := zone_of(tokens, at)) is not None:
                utc.add(in_utc(value, zone))
            elif measure not in UNOWNED and (owner := owner_of(tokens, at, places)):
                measure = f"{owner} {measure}"  # 'Federer's eight titles' are not Djokovic's seven
            measures[(measure, own.get(at, clause_places))].add(value)
            if given_to_someone(measure) and measure not in (DURATION, TIME_OF_DAY):
                listed = measure
                if subject:
                    subjects[(measure, value)] = subjects.get((measure, value), frozenset()) | subject
        start = end + 1
    # 'in the 20th and 63rd minutes, Casemiro in the 60th': an ordinal without its noun counts what the
    # statement's other ordinals count, when they count one thing.
    points = {m for m, _ in measures if m.endswith(ORDINAL_MARK)}
    if len(points) == 1:
        for value, where in elided:
            measures[(next(iter(points)), where)].add(value)
    # A list's sums after the first are in its currency ('LVMH pledged 200 million euros, the Pinault
    # family 100 million'), when the statement gives one currency for that scale.
    for measure, where in [key for key in measures if key[0] in SCALES]:
        currencies = {m for m, _ in measures if m.partition(" ")[::2] in {(measure, c) for c in CURRENCIES}}
        if len(currencies) == 1:
            measures[(currencies.pop(), where)] |= measures.pop((measure, where))
    return Statement(
        source,
        text,
        statement_frame(text),
        {key: frozenset(v) for key, v in measures.items()},
        day,
        frozenset(utc),
        subjects,
    )
