"""A statement's tolls, each figure with the place it counts.

"Puente said 55 died in Morelos, 49 in Mexico City, 32 in Puebla" gives three tolls at three places:
the figure is read with the death, injury or loss it counts (its own word, 'died', or, in a list, the
one before it) and with the place named right after it ('in Mexico City'), else the one its clause
names before it ('The governor of Oaxaca said 71 people had died in his state'). A place the event
happened at rather than the toll's ('the quake that struck Mexico City ... rose to 273'), the story's
country ('Mexico's civil defence chief said the toll rose to 149') and places named together ('in
Turkey and Syria') scope nothing: the figure is the whole toll.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..disagree import TOLLS
from ..models import Story
from ..text.lexicon import table, word_list, word_set
from ..text.normalize import MONTHS, VAGUE_PLACE, WEEKDAYS, fold
from ..text.numbers import WORD_NUMBERS

__all__ = ["TOLL_WORDS", "Figure", "Places", "story_places", "tolls"]

#: The words that say what a toll counts ('killed', 'fatalities': the dead), the disagreement finder's
#: own list (text/data/<lang>/tolls.txt), its tolls only. Measured on benchmarks/fresh-a's quake reports
#: (English briefings of English, French and Spanish articles).
TOLL_WORDS = {word: measure for word, measure in table("tolls").items() if measure in TOLLS}

#: Words between a figure and the toll word it counts: '71 people had died', '137 of the deaths'.
_BETWEEN = word_set("toll_between")
#: A figure followed by one of these has no noun of its own: in a list ('49 in Mexico City'), or at the
#: end of its phrase ('rose to 273 as ...'), it counts what the clause named before it.
_NO_NOUN = frozenset("in at for and or as on by after while with from across including , ; . ) (".split())
#: Verbs after which a place is where the event happened, not what a toll counts.
_EVENT_VERBS = word_set("event_verbs")
#: Words before a figure that qualify it, kept with it: 'at least 32'.
_QUALIFIERS = tuple(tuple(entry.split()) for entry in word_list("toll_qualifiers"))
_TOKEN = re.compile(
    r"\d{1,2}:\d\d|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)*|[;,.:()$\u20ac\u00a3\u00a5]"
)
#: A figure after one of these is money ('one million rubles ($15,300)'), never a toll.
_CURRENCY = frozenset("$\u20ac\u00a3\u00a5")
_CLAUSE_END = frozenset(";.")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Figure:
    """One toll a statement gives: what it counts, where ('' for the whole story), its value."""

    measure: str
    place: str
    value: float
    shown: str


Places = dict[tuple[str, ...], str]


def story_places(stories: Iterable[Story]) -> tuple[Places, frozenset[str]]:
    """The places the stories name, as folded word sequences mapped to their display form, and the
    ones that scope nothing: the country or region that ends an event's `where` ('Mexico' of 'Raboso,
    Puebla, Mexico') and is never a part before another."""
    names: dict[tuple[str, ...], str] = {}
    last: set[tuple[str, ...]] = set()
    inner: set[tuple[str, ...]] = set()
    for story in stories:
        for where in (story.event.where or "").split(";") if story.event else ():
            parts = [p.strip() for p in re.split(r",|\band\b|&|/", where) if p.strip()]
            for index, part in enumerate(parts):
                if key := _key(part):
                    names.setdefault(key, part)
                    if len(parts) > 1:  # a place alone says nothing of what it is part of
                        (last if index == len(parts) - 1 else inner).add(key)
        named = [e.name for e in story.entities if e.kind == "place"]
        named += [m for point in story.key_points for m in _NAMED_AFTER_IN.findall(point.text)]
        for name in named:
            if (key := _key(name)) and not {word.removesuffix("'s") for word in key} & _NOT_PLACES:
                names.setdefault(key, name)
    general = frozenset(" ".join(key) for key in last - inner)
    for key in list(names):  # 'the State of Mexico' is a place of its own, not Mexico
        if " ".join(key) in general:
            names[("state", "of", *key)] = names[(*key, "state")] = f"State of {names[key]}"
    return names, general


#: A capitalised name after 'in' ('15 deaths in Chiapas and four in Tabasco'): a place, though no
#: entity names it.
_NAMED_AFTER_IN = re.compile(r"\bin (?:the )?([A-Z][\w'-]+(?: (?:of |de |del )?[A-Z][\w'-]+)*)")
_NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _key(name: str) -> tuple[str, ...]:
    words = tuple(_TOKEN.findall(fold(name)))
    return words[1:] if words[:1] == ("the",) else words


#: A figure shortly after one of these is a projection ('could rise to 20,000'), not a count; later in
#: its clause ('137 died in the capital, where people could still be trapped') it says nothing of it.
_MODAL = frozenset("could might may would".split())


def tolls(text: str, places: Places, general: frozenset[str]) -> Iterator[Figure]:
    """The tolls a statement gives, in order; not one at a venue ('22 died at a school in Mexico
    City' is the school's toll, not the city's)."""
    tokens = _clauses(_TOKEN.findall(fold(text)))
    if TOLL_WORDS.keys().isdisjoint(tokens):
        return  # most statements count no toll: nothing more to read
    spans: dict[int, tuple[int, str]] | None = None
    for at in range(len(tokens)):
        value = _value(tokens, at)
        if value is None:
            continue
        measure = _measure(tokens, at)
        if measure is None or _MODAL & set(tokens[max(0, at - 4) : at]):
            continue
        spans = _place_spans(tokens, places) if spans is None else spans
        place = _place(tokens, at, measure, spans, general)
        if place is not None:
            yield Figure(measure, place, value, _shown(tokens, at))


def _clauses(tokens: list[str]) -> list[str]:
    """The tokens, with the full stop of an abbreviation ('Gov.', 'Mr.', 'U.S.') taken for no end."""
    return [
        "," if token == "." and at > 0 and tokens[at - 1].isalpha() and len(tokens[at - 1]) <= 3 else token
        for at, token in enumerate(tokens)
    ]


def _value(tokens: list[str], at: int) -> float | None:
    token = tokens[at]
    if ":" in token:  # a time of day
        return None
    if _NUMBER.fullmatch(token):
        if (len(token) == 4 and token[:2] in ("19", "20")) or (
            at and tokens[at - 1] in _CURRENCY
        ):  # a year, money
            return None
        near = {tokens[i] for i in (at - 1, at + 1) if 0 <= i < len(tokens)}
        if near & MONTHS.keys():  # '19 September'
            return None
        return float(token.replace(",", ""))
    number = WORD_NUMBERS.get(token)
    if number is None or token in ("zero", "dozen"):
        return None
    if token == "hundred" and at and tokens[at - 1] == "a":
        return 100.0
    return float(number) if token != "hundred" else None


def _measure(tokens: list[str], at: int) -> str | None:
    """The toll the figure counts: its own word close after it, else (with no noun of its own) the
    nearest toll word before it in its sentence ('At least 273 dead; 137 in Mexico City')."""
    for token in tokens[at + 1 : at + 7]:
        if token in TOLL_WORDS:
            return TOLL_WORDS[token]
        if token not in _BETWEEN:
            break
    following = next((t for t in tokens[at + 1 :] if t not in ("people", "persons")), ".")
    if following not in _NO_NOUN:
        return None  # '8.1 quake', '11 survivors', '50 million'
    for token in reversed(tokens[:at]):
        if token == ".":
            break
        if token in TOLL_WORDS:
            return TOLL_WORDS[token]
    return None


def _place_spans(tokens: list[str], places: Places) -> dict[int, tuple[int, str]]:
    """Where each place is named: its first token's index -> (its length, its display form)."""
    spans: dict[int, tuple[int, str]] = {}
    longest = max((len(key) for key in places), default=0)
    at = 0
    while at < len(tokens):
        for size in range(min(longest, len(tokens) - at), 0, -1):
            key = tuple(tokens[at : at + size])
            if key in places:
                spans[at] = (size, places[key])
                at += size - 1
                break
        at += 1
    return spans


def _place(
    tokens: list[str], at: int, measure: str, spans: dict[int, tuple[int, str]], general: frozenset[str]
) -> str | None:
    """The place named after the figure, before the next figure of the same toll ('Seven dead and about
    120 injured in Chiapas': both) or its clause's end, else the last one its clause names before it
    that is not where the event struck; '' for none, for the story's country, or for places named
    together ('in Turkey and Syria': the whole toll); None at a venue."""
    for index in range(at + 1, len(tokens)):
        token = tokens[index]
        if token in _CLAUSE_END:
            break
        if _value(tokens, index) is not None and _measure(tokens, index) in (measure, None):
            break
        if token == "at" and _venue(tokens[index + 1 : index + 3]):
            return None
        if index in spans:
            return _scoped(tokens, index, spans, general)
    start = next((i + 1 for i in range(at - 1, -1, -1) if tokens[i] in _CLAUSE_END), 0)
    for index in range(at - 1, start - 1, -1):
        if index in spans and not _struck(tokens, index, start, spans):
            return _scoped(tokens, index, spans, general)
    return ""


def _struck(tokens: list[str], index: int, start: int, spans: dict[int, tuple[int, str]]) -> bool:
    """The place at `index` is where the event happened: the object of 'struck', 'hit', 'shook' ('the
    quake that struck eastern Turkey and neighbouring Syria')."""
    inside = {i for first, (size, _) in spans.items() for i in range(first, first + size)}
    for i in range(index - 1, start - 1, -1):
        if tokens[i] in _EVENT_VERBS:
            return True
        if i not in inside and tokens[i] not in _IN_A_PLACE_LIST:
            return False
    return False


def _scoped(tokens: list[str], index: int, spans: dict[int, tuple[int, str]], general: frozenset[str]) -> str:
    """The place's name, or '' when it is the story's country or one of places named together."""
    size, place = spans[index]
    after = index + size
    ends = {first + length for first, (length, _) in spans.items()}
    listed = (after + 1 in spans and tokens[after] in ("and", ",")) or (
        index and tokens[index - 1] in ("and", ",") and index - 1 in ends
    )
    return "" if listed or " ".join(_key(place)) in general else place


#: What may stand between an event's verb and its places, or between places of one list.
_IN_A_PLACE_LIST = (
    frozenset(("and", ",", "the", "of", "off", "neighboring", "neighbouring", "parts")) | VAGUE_PLACE
)


def _venue(following: list[str]) -> bool:
    """'at a school', 'at the hospital': a place smaller than any the story names; not 'at the weekend'."""
    return len(following) == 2 and following[0] in ("a", "an", "the") and following[1] not in _TIMES


#: What 'at the' may name that is no venue.
_TIMES = frozenset("weekend end start time moment beginning height same latest".split()) | frozenset(WEEKDAYS)


def _shown(tokens: list[str], at: int) -> str:
    """The figure as written, with what qualifies it ('at least 273'); a number word as digits."""
    figure = tokens[at] if _NUMBER.fullmatch(tokens[at]) else f"{_value(tokens, at):,.0f}"
    for words in _QUALIFIERS:
        if tuple(tokens[max(0, at - len(words)) : at]) == words:
            return " ".join((*words, figure))
    return figure
