"""Which outlets of one story give different figures for the same fact, however they word it.

"The death toll ... has risen to more than 5,000" and "killing more than 28,000 people" say nothing
alike word for word, yet both count the dead. Each figure in a statement is read with what it counts
(its measure: the dead, the injured, a noun such as 'page' or 'minute', a scale such as 'billion') and
the places its clause names; two outlets that give different figures for one measure at one place,
in statements about the same thing, disagree."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import combinations

from ..models import Disagreement, ReportedValue
from ..text.groups import connected_groups
from ..text.lexicon import word_list
from ..text.normalize import fold
from ..text.numbers import ORDINAL_MARK, shown
from ..text.similarity import jaccard
from .measures import AGE
from .statements import DURATION, FACT_SIMILARITY, TIME_OF_DAY, TOLLS, Statement
from .subjects import one_subject

__all__ = ["count_stage", "figure_disagreements"]


def _values(statement: Statement, measure: str, places: frozenset[str]) -> frozenset[float] | None:
    """What the statement gives for the measure at places compatible with `places` (a clause that names
    no place fits any)."""
    found = [
        v for (m, p), v in statement.measures.items() if m == measure and (p == places or not p or not places)
    ]
    return frozenset().union(*found) if found else None


def _counterparts(
    a: list[int], b: list[int], statements: list[Statement], measure: str
) -> list[tuple[int, int]]:
    """The pairs of one outlet's and another's statements on a measure that are each other's closest:
    the statement of the other outlet that speaks of the same fact, if any does."""

    def best(i: int, others: list[int]) -> int | None:
        scored = [
            (jaccard(statements[i].frame, statements[j].frame), -j)
            for j in others
            if _comparable(statements[i], statements[j], measure)
            # An age is someone's: two outlets' ages of people none of whom both name are not one fact
            # (a 21-year-old man freed by a Chinese team, Pema Lama, 15).
            and not (measure == AGE and _other_people(statements[i].text, statements[j].text))
        ]
        top = max(scored, default=None)
        if top is None:
            return None
        bar = _bar(statements[i], statements[-top[1]], measure)
        if top[0] >= bar:
            return -top[1]
        # The one statement each outlet gives of the measure, with figures near each other's: nothing
        # else of theirs could be its counterpart ('the roughly 11-minute mission' and 'returning about
        # 10 minutes later', 0.07), and outlets at odds differ by a little.
        j = -top[1]
        near = _near(_all_values(statements[i], measure), _all_values(statements[j], measure))
        return j if lone and near and top[0] >= bar * LONE_SHARE else None

    # Not a moment ('the 68th minute' and 'the 89th minute' are two happenings), nor statements whose
    # people are all others ('Messi had seven goals', 'Mbappe won the Golden Boot with eight goals').
    lone = (
        len(a) == 1
        and len(b) == 1
        and not measure.endswith(ORDINAL_MARK)
        and not _other_people(statements[a[0]].text, statements[b[0]].text)
    )
    return [(i, j) for i in a if (j := best(i, b)) is not None and best(j, a) == i]


#: How much of FACT_SIMILARITY two statements need when each is its outlet's only one on the measure
#: and their figures are near (NEAR_SHARE). On fresh-a: the spaceflight's minutes 0.07 and 0.095
#: (labelled: 11 against 10 minutes of flight, 4 against 3 weightless). Similarity alone does not
#: tell them from two facts: 'the plane had 73 passengers' and 'the train with 275 passengers', 'a
#: 14-minute first game' and 'in two hours and 27 minutes' share 0.083 each.
LONE_SHARE = 0.5
#: Figures near each other: within this share of the larger (4 and 3, 11 and 10; not 73 and 275, nor
#: 14 and 27 minutes).
NEAR_SHARE = 0.35


def _all_values(statement: Statement, measure: str) -> frozenset[float]:
    return frozenset().union(*(v for (m, _), v in statement.measures.items() if m == measure))


def _near(a: frozenset[float], b: frozenset[float]) -> bool:
    """Each figure of the fewer has a figure of the other within NEAR_SHARE of the larger of the two."""
    few, many = sorted((a, b), key=len)
    return bool(few) and all(any(abs(x - y) <= NEAR_SHARE * max(x, y) for y in many) for x in few)


#: A capital after a space: the capital first, to be searched for in C (statements.py's _ISO_DAY).
_NAME = re.compile(r"[A-Z](?<=\s[A-Z])[a-z]+")


def _other_people(a: str, b: str) -> bool:
    """Each statement names someone or something, and none of the same (capitalised words past the first)."""
    named_a, named_b = set(_NAME.findall(a)), set(_NAME.findall(b))
    return bool(named_a and named_b) and not named_a & named_b


def _bar(a: Statement, b: Statement, measure: str) -> float:
    """How alike two statements must be to speak of one fact: half as alike when both name the same
    place for the measure ('died in Turkey' and 'the death toll in Turkey')."""
    for (m, places), _ in a.measures.items():
        if m == measure and places and (m, places) in b.measures:
            return FACT_SIMILARITY / 2
    return FACT_SIMILARITY


def _comparable(a: Statement, b: Statement, measure: str) -> bool:
    if count_stage(a.text) != count_stage(b.text):
        # Figures of a count at different stages ('with 98.9% of districts counted', 'with 99.1% of
        # votes counted', the final result): one quantity at different times, not outlets at odds.
        return False
    if measure == TIME_OF_DAY and max(len(_all_values(a, measure)), len(_all_values(b, measure))) > 1:
        # Several times of day in one statement are several moments ('took off at 8:38; last recorded
        # at 8:41') or one moment in several zones ('21:00 local time, 23:00 in Cape Verde'): which of
        # them is the other outlet's moment cannot be told, so none is set against it.
        return False
    if not one_subject(_subjects(a, measure), _subjects(b, measure)):
        return False  # one party's seats and another's ('the PVV wins 35 seats', 'the VVD 23 seats')
    return any(_values(b, m, p) is not None for m, p in a.measures if m == measure)


def _subjects(statement: Statement, measure: str) -> list[frozenset[str]]:
    """Whom each of the statement's figures on the measure is given to (empty: no name of the story)."""
    return [statement.subjects.get((measure, v), frozenset()) for v in _all_values(statement, measure)]


#: The stage of a count a statement's figures hold at: 'with 98.9% of districts counted', 'after
#: processing 94.44% of the ballots'.
_STAGE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s?(?:%|percent|per cent) of (?:the )?(?:[a-z]+ ){0,3}?(?:counted|tallied|processed)"
    r"|processing (\d+(?:[.,]\d+)?)\s?(?:%|percent|per cent)",
    re.IGNORECASE,
)
_NO_STAGE: frozenset[str] = frozenset()


def count_stage(text: str) -> frozenset[str]:
    """The stages of a count a statement gives its figures at (none: a result given as it stands)."""
    if "%" not in text and "cent" not in text.lower():
        # Every stage is a share ('%', 'percent', 'per cent'), and most statements give none: the
        # pattern's scan of every one was a twentieth of a 10,000-briefing merge (34,000 asks).
        return _NO_STAGE
    return frozenset(figure for match in _STAGE.finditer(text) for figure in match.groups() if figure)


def _differ(a: Statement, b: Statement, measure: str, scope: frozenset[str] | None) -> bool:
    """No figure in common on the measure (at `scope`, when given), wherever both speak of one place."""
    if measure == TIME_OF_DAY and a.utc & b.utc:
        return False  # one instant, given in two zones
    for (m, places), values in a.measures.items():
        if m != measure or (scope is not None and places != scope):
            continue
        other = b.measures.get((m, places)) if scope is not None else _values(b, m, places)
        if other is not None and values & other:
            return False
    return True


def _time(value: float) -> str:
    """A time of day as shown: '11:49'; the clock's words as written ('just before midnight')."""
    return _CLOCK_NAMES.get(value) or f"{int(value) // 100}:{int(value) % 100:02d}"


_CLOCK_NAMES = {2400.0: "midnight"}


def _length(minutes: float) -> str:
    """A length of time as shown: '14 min', '2 h 27 min', '1 day 12 h'."""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [
        f"{shown(days)} day{'s' if days != 1 else ''}" if days else "",
        f"{shown(hours)} h" if hours else "",
        f"{shown(mins)} min" if mins else "",
    ]
    return " ".join(part for part in parts if part) or "0 min"


def figure_disagreements(statements: list[Statement]) -> list[Disagreement]:
    """Every fact on which statements of different outlets give different figures: each a Disagreement
    naming every outlet's figures, outlets in the order their statements come.

    A toll (the dead, the injured, the missing) is one fact per place: each outlet's first statement of
    it, the most important by the prompt's order, is its figure. Anything else is compared only with
    its closest counterpart in each other outlet, so that the 79th-minute penalty of one report meets
    the 80th-minute penalty of another, never the 23rd-minute goal.
    """
    by_measure: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, statement in enumerate(statements):
        for measure in sorted({m for m, _ in statement.measures}):
            by_measure[measure][statement.source].append(index)
    found: list[Disagreement | None] = []
    for measure, outlets in by_measure.items():
        pairs: dict[frozenset[str] | None, list[tuple[int, int]]] = defaultdict(list)
        for first, second in combinations(outlets, 2):
            a, b = outlets[first], outlets[second]
            if measure in TOLLS:
                for scope, i, j in _toll_pairs(a, b, statements, measure):
                    if _differ(statements[i], statements[j], measure, scope):
                        pairs[scope].append((i, j))
            else:
                for i, j in _counterparts(a, b, statements, measure):
                    if _differ(statements[i], statements[j], measure, None):
                        pairs[None].append((i, j))
        # An outlet that names no place joins the place-by-place disagreements it pairs into.
        loose = connected_groups(pairs.pop(None, []))
        for scope, joined in pairs.items():
            for group in connected_groups(joined):
                for other in [g for g in loose if set(g) & set(group)]:
                    loose.remove(other)
                    group = sorted(set(group) | set(other))
                found.append(_disagreement(measure, scope, [statements[i] for i in group]))
        found += [_disagreement(measure, None, [statements[i] for i in group]) for group in loose]
    return [d for d in found if d is not None]


def _toll_pairs(
    a: list[int], b: list[int], statements: list[Statement], measure: str
) -> Iterator[tuple[frozenset[str] | None, int, int]]:
    """Each outlet's first statement of a toll at each place, paired with the other's at the same
    place; an outlet that never names a place for it is paired with the other's first statement."""

    def firsts(members: list[int]) -> dict[frozenset[str], int]:
        found: dict[frozenset[str], int] = {}
        for i in members:
            for m, places in statements[i].measures:
                if m == measure:
                    found.setdefault(places, i)
        return found

    mine, theirs = firsts(a), firsts(b)
    for places, i in mine.items():
        if places and places in theirs:
            yield places, i, theirs[places]
    if frozenset() in mine and frozenset() in theirs and len(mine) > 1 and len(theirs) > 1:
        # Both give the event's toll, naming no place, and tolls by place: the event's against the event's.
        yield frozenset(), mine[frozenset()], theirs[frozenset()]
    elif set(mine) == {frozenset()} or set(theirs) == {frozenset()}:
        # An outlet that names no place for it: its toll is the other's without a place, if it gives
        # one ('32 dead across the region', not its first, '7 dead in Chiapas'), else the other's first.
        if frozenset() in mine and frozenset() in theirs:
            yield None, mine[frozenset()], theirs[frozenset()]
        else:
            yield None, a[0], b[0]


def _disagreement(measure: str, scope: frozenset[str] | None, group: list[Statement]) -> Disagreement | None:
    """One report per outlet (its first statement in the group); outlets giving the same figures share it.
    A toll that every later day gives higher is a progression, its reports in the order of the days."""
    reports: dict[str, tuple[set[str], str]] = {}
    days: dict[str, set[date]] = {}
    bounds: set[str] = set()  # the values given as lower bounds ('more than 20')
    undated = False
    seen: set[str] = set()
    for statement in group:
        given = statement.measures.items()
        chosen = [v for (m, p), v in given if m == measure and (scope is None or p in (scope, frozenset()))]
        if statement.source in seen or not chosen:
            continue  # an outlet's first statement of it; one of another place joined through a third outlet
        seen.add(statement.source)
        values = sorted(set().union(*chosen))
        show = _time if measure == TIME_OF_DAY else _length if measure == DURATION else shown
        value = ", ".join(show(v) for v in values)
        sources, _ = reports.setdefault(value, (set(), statement.text))
        sources.add(statement.source)
        if len(values) == 1 and _at_least(statement.text, values[0]):
            bounds.add(value)
        days.setdefault(value, set())
        if statement.day is None:
            undated = True
        else:
            days[value].add(statement.day)
    if measure in MOVING and not undated:
        at_odds = _at_odds(days, bounds)
        if not at_odds and len(set().union(*days.values())) == 1:
            return None  # 'more than 20' and 'at least 32' the same day
        if not at_odds:  # a toll that rose day by day; lower bounds of one day, the lowest first
            ordered = sorted(reports, key=lambda value: (min(days[value]), max(_figures(value))))
            return Disagreement(reports=[_reported(v, reports[v]) for v in ordered], progression=True)
        reports = {value: reports[value] for value in reports if value in at_odds}
    # Each value says what it counts: the dead against the dead ('13 dead' vs '12 dead'), never a toll
    # and an injury count as one value. (A progression reads '36 → 67 → 89' under its statement.)
    counts = f" {measure}" if measure in TOLLS else ""
    return Disagreement(reports=[_reported(value + counts, report) for value, report in reports.items()])


#: Counts that move as an event goes on: a toll, and the people pulled out alive (215 on the 25th, 238
#: on the 28th is a count that rose, not outlets at odds).
MOVING = TOLLS | {"survived"}


def _figures(value: str) -> list[float]:
    """The figures of a shown value ('6,300', or '2,562, 2,862' for two)."""
    return [float(figure) for figure in value.replace(",", "").split()]


def _reported(value: str, report: tuple[set[str], str]) -> ReportedValue:
    sources, text = report
    return ReportedValue(value=value, sources=sorted(sources), text=text)


_LOWER_BOUNDS = word_list("lower_bounds")


def _within(a: str, b: str, figures: dict[str, list[float]], bounds: set[str]) -> bool:
    """Two figures of one day that agree: 'more than 20' and 'at least 32'."""
    low, high = sorted((a, b), key=lambda value: max(figures[value]))
    return low in bounds and high in bounds and min(figures[high]) >= max(figures[low])


def _at_least(text: str, value: float) -> bool:
    """The statement gives the figure as a lower bound ('leaving more than 20 dead')."""
    folded = fold(text)
    return any(re.search(rf"\b{bound} {re.escape(shown(value))}\b", folded) for bound in _LOWER_BOUNDS)


def _at_odds(days: dict[str, set[date]], bounds: set[str]) -> set[str]:
    """Of a toll's figures given on several days, those at odds: two given on one day, or a later day's
    lower than an earlier's (13 dead on the 25th, 12 on the 27th). A toll that rose (36 dead on the
    10th, 67 on the 12th) is news moving, not outlets at odds: none is."""

    figures = {value: _figures(value) for value in days}
    odds: set[str] = set()
    for a, b in combinations(days, 2):
        for day_a in days[a]:
            for day_b in days[b]:
                early, late = (a, b) if day_a <= day_b else (b, a)
                one_day = day_a == day_b
                if (one_day and not _within(a, b, figures, bounds)) or (
                    not one_day and max(figures[late]) < min(figures[early])
                ):
                    odds |= {a, b}
    return odds
