"""Which outlets of one story give different figures for the same fact, however they word it.

"The death toll ... has risen to more than 5,000" and "killing more than 28,000 people" say nothing
alike word for word, yet both count the dead. Each figure in a statement is read with what it counts
(its measure: the dead, the injured, a noun such as 'page' or 'minute', a scale such as 'billion') and
the places its clause names; two outlets that give different figures for one measure at one place,
in statements about the same thing, disagree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from .models import Disagreement, ReportedValue
from .text import MONTHS, STOPWORDS, VAGUE_PLACE, WEEKDAYS, WORD_NUMBERS, fold, plain, statement_frame, words

__all__ = [
    "TOLLS",
    "Statement",
    "figure_disagreements",
    "quotations",
    "quote_disagreements",
    "read_statement",
    "spelling_disagreements",
    "story_places",
]

#: The tolls of an event: one fact per place, however an outlet words it ('killed', 'fatalities').
TOLLS = frozenset(("dead", "injured", "missing"))
_COUNTS = {
    word: measure
    for measure, spelled in {
        "dead": "dead death deaths died die dies killed killing kill kills fatalities fatality toll lives",
        "injured": "injured injuries injury wounded hurt",
        "missing": "missing",
        "survived": "survived survive survives survivor survivors escaped escape rescued alive",
    }.items()
    for word in spelled.split()
}
_SCALES = frozenset("thousand million billion trillion".split())
_PERCENT = frozenset("% percent per pct".split())
#: Words after a figure that say nothing about what it counts ('5,000 as rescuers ...', '36 people').
_NOT_MEASURES = (
    STOPWORDS
    | frozenset(WEEKDAYS)
    | frozenset(
        "people person others more than least just some by per early late earlier later last this next "
        "now so far yet already overnight ago today tonight yesterday tomorrow according including "
        "following amid during despite due because "
        "since until among across".split()
    )
)
#: 'in 2004', 'a 1960 tsunami': another time ('Musk's 2018 pay deal' is not).
_BEFORE_A_YEAR = frozenset("in since of from by until before after a an the".split())
#: A clause with one of these gives a projection or a hypothesis ('could reach 20,000'), not a report.
_MODAL = frozenset("could might may would".split())
#: Two statements about one fact (other than a toll) share at least this part of their words, figures
#: apart. Measured on benchmarks/corpus: two outlets' 79th- and 80th-minute penalty 0.30, the other's
#: 23rd-minute goal against that penalty 0.12 (kept apart as it is not the closest); 'the 200-page
#: ruling' and 'her 201-page opinion' just under 0.10, so not paired.
FACT_SIMILARITY = 0.1

_TOKEN = re.compile(
    r"(?<![a-z0-9:])(\d{1,2}:\d\d)(?![\d:])|(?<![a-z0-9])(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th)?(%?)|([a-z]+(?:'[a-z]+)*)|([;,.!?])"
)
#: The mark put on a time of day ('12:42'): its own measure, never a count.
_CLOCK = "@"
TIME_OF_DAY = "time of day"
#: The mark put on an ordinal figure ('80th'): a point ('the 80th minute'), never a count ('120 minutes').
_ORDINAL = "#"


@dataclass(frozen=True)
class Statement:
    """One outlet's statement, read for its figures: (measure, places) -> the values given."""

    source: str
    text: str
    frame: frozenset[str]
    measures: dict[tuple[str, frozenset[str]], frozenset[float]]


def _tokens(folded: str) -> list[tuple[str, float | None]]:
    """The words and punctuation of a folded text, each figure with its value ('3%' is 3 then '%')."""
    tokens: list[tuple[str, float | None]] = []
    for clock, number, ordinal, percent, word, stop in _TOKEN.findall(folded):
        if clock:
            hours, minutes = clock.split(":")
            tokens.append((clock + _CLOCK, float(int(hours) * 100 + int(minutes))))
        elif number:
            digits = number.rstrip(",")
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", digits):
                tokens.append((digits + (_ORDINAL if ordinal else ""), float(digits.replace(",", ""))))
            if digits != number:  # '1,782, according to ...': the comma ends the figure's phrase
                tokens.append((",", None))
            if percent:
                tokens.append(("%", None))
        elif word:
            value = WORD_NUMBERS.get(word) if word not in ("one", "zero") else None
            tokens.append((word, float(value) if value is not None else None))
        else:
            tokens.append((stop, None))
    return tokens


def _measure(tokens: list[tuple[str, float | None]], at: int, start: int, end: int) -> str | None:
    """What the figure at `at` counts, reading the clause tokens[start:end] (then the whole statement):
    a word of death, injury or loss close after it ('six workers presumed dead'), else the noun right
    after it ('201-page', '80th minute', '$56 billion'), else the nearest such word in its clause."""
    if tokens[at][0].endswith(_CLOCK):
        return TIME_OF_DAY
    after = [t for t, _ in tokens[at + 1 : end] if t != "-"]
    counted = next((_COUNTS[t] for t in after[:3] if t in _COUNTS), None)
    if counted is not None:
        return counted
    following = after[0] if after else ""
    # 'the 80th minute' is a moment, '120 minutes' a length: never the same measure.
    point = _ORDINAL if tokens[at][0].endswith(_ORDINAL) else ""
    if following in _SCALES:
        return following
    if following in _PERCENT:
        return "percent"
    if following.isalpha() and following not in _NOT_MEASURES and len(following) > 1:  # not ','
        noun = next(words(following, folded=True), following) + point
        # '33 passengers ... escaped' are survivors, '73 passengers on board' all aboard: a noun is
        # counted with what its clause says happened to it.
        fate = next((_COUNTS[t] for t, _ in tokens[start:end] if t in _COUNTS), None)
        return f"{noun} {fate}" if fate else noun
    for lo, hi in ((start, end), (0, len(tokens))):
        near = sorted((abs(i - at), _COUNTS[t]) for i, (t, _) in enumerate(tokens[lo:hi], lo) if t in _COUNTS)
        # Beyond its clause, only a toll reaches a figure ('... to escape; five people are in
        # hospital' are not five survivors).
        near = [(distance, m) for distance, m in near if lo == start or m in TOLLS]
        if near:
            return near[0][1]
    return None


def _year(token: str) -> bool:
    """A year: news copy writes counts in the thousands with a comma ('2,012 deaths', 'a 2004 tremor')."""
    return len(token) == 4 and token[:2] in ("19", "20") and token.isdigit()


def story_places(wheres: Iterable[str], others: Iterable[str]) -> dict[str, str]:
    """The story's place words, each mapped to the place it belongs to. Within an event's `where`,
    commas run from the specific to the general ('Lahaina, Maui, Hawaii': one place, however many of
    its names a clause uses) while 'and' joins separate places ('southern Turkey and northern Syria');
    every other place the briefings name is a place of its own."""
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        while parent.setdefault(word, word) != word:
            word = parent[word]
        return word

    for where in wheres:
        for part in re.split(r"\band\b|&|/", fold(where)):
            names = [w for w in words(part, folded=True) if w not in VAGUE_PLACE]
            for name in names[1:]:
                a, b = sorted((root(names[0]), root(name)))
                parent[b] = a
            for name in names[:1]:
                root(name)
    for place in others:
        for name in words(place):
            if name not in VAGUE_PLACE:
                root(name)
    return {word: root(word) for word in parent}


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
    return frozenset(found)


def _day_of_month(tokens: list[tuple[str, float | None]], at: int) -> bool:
    """'September 8', '8 September': a date, not a count."""
    near = {tokens[i][0] for i in (at - 1, at + 1, at + 2) if 0 <= i < len(tokens)}
    return bool(near & MONTHS.keys())


def read_statement(
    source: str, text: str, places: dict[str, str], years: frozenset[int] = frozenset()
) -> Statement:
    """A statement's figures by measure and place (`places` from story_places). A clause that names a
    year other than the story's (`years`) speaks of another time ('the 61 killed by a 1960 tsunami'),
    and one with 'could' or 'may' of what is not known: their figures are left out."""
    folded = fold(text)
    tokens = _tokens(folded)
    measures: dict[tuple[str, frozenset[str]], set[float]] = defaultdict(set)
    if all(value is None for _, value in tokens):
        return Statement(source, text, frozenset(), {})  # no figure: nothing to compare
    start = 0
    year = [_year(t) for t, _ in tokens]
    for end in [*(i for i, (t, _) in enumerate(tokens) if t in {";", ".", "!", "?"}), len(tokens)]:
        clause = [t for t, _ in tokens[start:end]]
        named_years = {
            int(tokens[i][0]) for i in range(start, end) if year[i] and tokens[i - 1][0] in _BEFORE_A_YEAR
        }
        # Another time ('the 61 killed by a 1960 tsunami'), what is not known ('could reach'), or
        # another place ('killed about 170 people elsewhere in Libya').
        if named_years - years or not _MODAL.isdisjoint(clause) or "elsewhere" in clause:
            start = end + 1
            continue
        clause_places = _places(clause, places)
        for at in range(start, end):
            value = tokens[at][1]
            if value is None or year[at] or _day_of_month(tokens, at):
                continue
            measure = _measure(tokens, at, start, end)
            if measure is not None:
                measures[(measure, clause_places)].add(value)
        start = end + 1
    return Statement(source, text, statement_frame(text), {key: frozenset(v) for key, v in measures.items()})


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of words two statements have in common (Jaccard)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


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
            (similarity(statements[i].frame, statements[j].frame), -j)
            for j in others
            if _comparable(statements[i], statements[j], measure)
        ]
        top = max(scored, default=None)
        return -top[1] if top and top[0] >= _bar(statements[i], statements[-top[1]], measure) else None

    return [(i, j) for i in a if (j := best(i, b)) is not None and best(j, a) == i]


def _bar(a: Statement, b: Statement, measure: str) -> float:
    """How alike two statements must be to speak of one fact: half as alike when both name the same
    place for the measure ('died in Turkey' and 'the death toll in Turkey')."""
    for (m, places), _ in a.measures.items():
        if m == measure and places and (m, places) in b.measures:
            return FACT_SIMILARITY / 2
    return FACT_SIMILARITY


def _comparable(a: Statement, b: Statement, measure: str) -> bool:
    return any(_values(b, m, p) is not None for m, p in a.measures if m == measure)


def _differ(a: Statement, b: Statement, measure: str, scope: frozenset[str] | None) -> bool:
    """No figure in common on the measure (at `scope`, when given), wherever both speak of one place."""
    for (m, places), values in a.measures.items():
        if m != measure or (scope is not None and places != scope):
            continue
        other = b.measures.get((m, places)) if scope is not None else _values(b, m, places)
        if other is not None and values & other:
            return False
    return True


def _figure(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


def _time(value: float) -> str:
    return f"{int(value) // 100}:{int(value) % 100:02d}"


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
    found: list[Disagreement] = []
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
        loose = _groups(pairs.pop(None, []))
        for scope, joined in pairs.items():
            for group in _groups(joined):
                for other in [g for g in loose if set(g) & set(group)]:
                    loose.remove(other)
                    group = sorted(set(group) | set(other))
                found.append(_disagreement(measure, scope, [statements[i] for i in group]))
        found += [_disagreement(measure, None, [statements[i] for i in group]) for group in loose]
    return found


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
    if set(mine) == {frozenset()} or set(theirs) == {frozenset()}:
        yield None, a[0], b[0]


def _groups(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of statements the pairs join, each in statement order."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        groups[root(i)].append(i)
    return list(groups.values())


def _disagreement(measure: str, scope: frozenset[str] | None, group: list[Statement]) -> Disagreement:
    """One report per outlet (its first statement in the group); outlets giving the same figures share it."""
    reports: dict[str, tuple[set[str], str]] = {}
    seen: set[str] = set()
    for statement in group:
        if statement.source in seen:
            continue
        seen.add(statement.source)
        given = statement.measures.items()
        chosen = [v for (m, p), v in given if m == measure and (scope is None or p in (scope, frozenset()))]
        values = sorted(set().union(*chosen))
        shown = _time if measure == TIME_OF_DAY else _figure
        value = ", ".join(shown(v) for v in values)
        sources, _ = reports.setdefault(value, (set(), statement.text))
        sources.add(statement.source)
    return Disagreement(
        reports=[
            ReportedValue(value=value, sources=sorted(sources), text=text)
            for value, (sources, text) in reports.items()
        ]
    )


# --- the same words, quoted differently ---------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]{8,})"')
#: How alike two quotations must be, letter for letter, to be one utterance quoted differently:
#: 'The bird is free' and 'the bird is freed' (0.97); unrelated words of one speaker stay apart (< 0.6).
QUOTE_LIKENESS = 0.8


def quotations(text: str) -> list[str]:
    """The passages a statement quotes ('Musk tweeted "the bird is freed" hours later')."""
    return _QUOTED.findall(plain(text))


def _quote_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _worded_apart(a: list[str], b: list[str]) -> bool:
    """The shorter quotation matches a stretch of the longer closely, but not word for word."""
    short, long = sorted((a, b), key=len)
    if not short:
        return False
    joined = " ".join(short)
    best = 0.0
    for start in range(len(long) - len(short) + 1):
        window = long[start : start + len(short)]
        if window == short:
            return False  # the one is a fragment of the other: the same words
        best = max(best, SequenceMatcher(None, joined, " ".join(window), autojunk=False).ratio())
    return best >= QUOTE_LIKENESS or _overlap_worded_apart(short, long)


#: Two quotations that each run past the other share at least this many words in a row before they
#: are read as one utterance ('In my 40 years ..., this is the most tragic aircraft incident we've had'
#: and 'This is the most tragic aircraft incident that we had. We had some helicopters ...').
QUOTE_SHARED_RUN = 5


def _overlap_worded_apart(a: list[str], b: list[str]) -> bool:
    """The stretch two quotations share, from their first words in common to their last, is worded
    alike but not the same: one utterance, each quoting more of it, and in other words."""
    run = QUOTE_SHARED_RUN
    if not {tuple(a[i : i + run]) for i in range(len(a) - run + 1)} & {
        tuple(b[i : i + run]) for i in range(len(b) - run + 1)
    }:
        return False  # no run of words in common: two things said (the quick test, most pairs)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or max(block.size for block in blocks) < QUOTE_SHARED_RUN:
        return False
    longest = max(blocks, key=lambda block: block.size)
    # The shared stretch: the longest run, and the runs next to it while they stay close.
    first = last = blocks.index(longest)
    while first > 0 and longest.a - blocks[first - 1].a < 8 and longest.b - blocks[first - 1].b < 8:
        first -= 1
    while last < len(blocks) - 1 and blocks[last + 1].a - (blocks[last].a + blocks[last].size) < 3:
        last += 1
    a_span = a[blocks[first].a : blocks[last].a + blocks[last].size]
    b_span = b[blocks[first].b : blocks[last].b + blocks[last].size]
    if a_span == b_span:
        return False  # the same words: one quotes more of the utterance than the other
    ratio = SequenceMatcher(None, " ".join(a_span), " ".join(b_span), autojunk=False).ratio()
    return ratio >= QUOTE_LIKENESS


def quote_disagreements(quoted: list[tuple[str, str, str]]) -> list[Disagreement]:
    """(source, quotation, statement) from several outlets: each utterance that two outlets quote in
    different words, as a Disagreement showing each wording."""
    words_of = [_quote_words(q) for _, q, _ in quoted]
    pairs = [
        (i, j)
        for i, j in combinations(range(len(quoted)), 2)
        if quoted[i][0] != quoted[j][0] and _worded_apart(words_of[i], words_of[j])
    ]
    found = []
    for group in _groups(pairs):
        reports: dict[str, tuple[set[str], str]] = {}
        for i in group:
            source, quotation, statement = quoted[i]
            reports.setdefault(quotation, (set(), statement))[0].add(source)
        if len(reports) > 1:
            found.append(
                Disagreement(
                    reports=[
                        ReportedValue(value=f'"{value}"', sources=sorted(sources), text=text)
                        for value, (sources, text) in reports.items()
                    ]
                )
            )
    return found


# --- one person, spelt two ways ----------------------------------------------------------------------

#: How alike two outlets' spellings of a name must be to be one person spelt differently: 'Sarina
#: Wiegman' and 'Serina Weighman' (0.83), 'Volodymyr Zelensky' and 'Volodymyr Zelenskiy' (0.97);
#: 'Ned Segal' and 'Ted Sagan' are two people (0.67).
SPELLING_LIKENESS = 0.8


_SUFFIXES = {"jr": "junior", "sr": "senior"}


def _alike(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SPELLING_LIKENESS


def _given(name: str) -> str:
    """The given names of a person's name, without initials: 'Manuel P. Neves' gives 'manuel'."""
    words = _suffixed(name).split()[:-1]
    return " ".join(word for word in words if len(word.strip(".")) > 1)


def _suffixed(name: str) -> str:
    """A name with 'Jr' and 'Sr' written out: 'Vinicius Jr' and 'Vinicius Junior' are one spelling."""
    return " ".join(_SUFFIXES.get(word, word) for word in re.findall(r"[a-z0-9']+", fold(name)))


def spelling_disagreements(people: list[tuple[str, str, str, str]]) -> list[Disagreement]:
    """(source, name, surname key, role) of the people a story's outlets name: each person two outlets
    spell differently (surnames that do not meet under one key, names alike letter for letter), as a
    Disagreement showing each spelling, for an editor to check."""
    pairs = []
    for i, j in combinations(range(len(people)), 2):
        (source_a, name_a, key_a, _), (source_b, name_b, key_b, _) = people[i], people[j]
        if source_a == source_b or _suffixed(name_a) == _suffixed(name_b):
            continue
        if key_a == key_b:
            # One surname: the given names may be spelt two ways ('Niklas', 'Niclas'); an initial
            # more or less ('Manuel P. Neves') is not a spelling.
            given_a, given_b = _given(name_a), _given(name_b)
            if given_a and given_b and given_a != given_b and _alike(given_a, given_b):
                pairs.append((i, j))
            continue
        if _alike(fold(name_a), fold(name_b)):
            pairs.append((i, j))
    found = []
    for group in _groups(pairs):
        spellings: dict[str, tuple[set[str], str]] = {}
        for i in group:
            source, name, _, role = people[i]
            spellings.setdefault(name, (set(), f"{name}, {role}"))[0].add(source)
        found.append(
            Disagreement(
                reports=[
                    ReportedValue(value=name, sources=sorted(sources), text=text)
                    for name, (sources, text) in spellings.items()
                ]
            )
        )
    return found
