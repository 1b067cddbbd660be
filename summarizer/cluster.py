"""Which briefings report the same event: grouped into stories in near-linear time."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from .models import ArticleBriefing, Briefing
from .text import VAGUE_PLACE, name_key, words

__all__ = ["cluster", "place_words", "same_story"]

#: Cosine similarity of two briefings' TF-IDF vectors from which they are one story. Measured: the
#: example articles' briefings 0.38; an unrelated story sharing a famous name 0.15; sixty unrelated
#: briefings all naming Trump at most 0.20; generated distinct events at most 0.24, the same event at
#: least 0.70 (benchmarks/merge.py).
STORY_SIMILARITY = 0.30
#: Cosine from which two briefings whose events agree (the same kind of happening, at the same place,
#: in the same days) are one story. Measured on benchmarks/corpus: one event's briefings as different
#: as a wire death-toll report and a survivor story five days later from 0.09; different events of the
#: same kind (two World Cup finals) reach 0.21, but their days are months apart.
EVENT_SIMILARITY = 0.05
#: Days within which two dated reports may be of one event: a story is followed for a week or so.
EVENT_DAYS = 10
#: A block of more briefings than this under one event key (what|where) is not compared pairwise.
MAX_EVENT_BLOCK = 200
#: A batch is taken as a sample of a larger day of news: document frequencies are smoothed as though
#: this many more briefings shared none of the words, so that in a brief of two, the words both share
#: do not count as common.
PRIOR_BRIEFINGS = 20
#: The rarest words of a briefing that may link it to another (its blocking keys).
KEYS_PER_BRIEFING = 8
#: A word in more briefings than this says nothing about which event a briefing is on ('trump').
MAX_KEY_SPREAD = 40

Vector = dict[str, float]


def _terms(item: ArticleBriefing) -> Counter[str]:
    """Word counts of the headline, summary and key points, plus each person's and organisation's name."""
    b = item.briefing
    terms = Counter(word for text in (b.headline, b.summary, *b.key_points) for word in words(text))
    for entity in b.entities:
        if entity.kind != "place":
            terms["@" + name_key(entity.name)] += 1
    return terms


def _vectors(all_terms: list[Counter[str]]) -> tuple[list[Vector], Counter[str]]:
    """Unit TF-IDF vectors (sublinear term frequency), and how many briefings use each word."""
    spread: Counter[str] = Counter(word for terms in all_terms for word in terms)
    total = len(all_terms) + PRIOR_BRIEFINGS
    idf = {word: math.log1p(total / count) for word, count in spread.items()}
    vectors = []
    for terms in all_terms:
        vector = {w: (1 + math.log(n)) * idf[w] if n > 1 else idf[w] for w, n in terms.items()}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        vectors.append({w: x / norm for w, x in vector.items()})
    return vectors, spread


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


@dataclass(frozen=True)
class _Event:
    """A briefing's event as comparable keys: what happened (words that name no person in the story),
    where (the place words of `where` and of the places it names), and the day or month."""

    what: frozenset[str]
    where: frozenset[str]
    when: date | None
    month_only: bool

    def keys(self) -> set[str]:
        """Blocking keys: each word of what happened with each place (specific, unlike either alone)."""
        return {f"{w}|{p}" for w in self.what for p in self.where}


def _event(item: ArticleBriefing) -> _Event | None:
    b = item.briefing
    if b.event is None:
        return None
    people = {name_key(e.name) for e in b.entities if e.kind == "person"}
    what = frozenset(w for w in words(b.event.what) if w not in people and not w.isdigit())
    day, month_only = _day(b.event.when)
    if day is None and item.ref.published is not None:
        # An undated event is taken to be about the day it was reported: two hurricanes' landfalls
        # reported two years apart are not one story for want of a date.
        day = item.ref.published.date()
    return _Event(what, place_words(b), day, month_only)


def place_words(briefing: Briefing) -> frozenset[str]:
    """The words that name a briefing's places: its event's `where` and the places among its entities."""
    places = [briefing.event.where or "" if briefing.event else ""]
    places += [e.name for e in briefing.entities if e.kind == "place"]
    return frozenset(w for text in places for w in words(text) if w not in VAGUE_PLACE)


def _day(when: str | None) -> tuple[date | None, bool]:
    """The event's ISO day (or the first of its month, for 'YYYY-MM'); None when it gives neither."""
    text = (when or "").strip()
    try:
        return date.fromisoformat(text[:10]), False
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:7] + "-01"), True
    except ValueError:
        return None, False


def _apart(a: _Event | None, b: _Event | None) -> bool:
    """Both events are dated, and too far apart to be one: never one story, however alike the text."""
    if a is None or b is None or a.when is None or b.when is None:
        return False
    window = EVENT_DAYS + (31 if a.month_only or b.month_only else 0)
    return abs((a.when - b.when).days) > window


def _agree(a: _Event | None, b: _Event | None) -> bool:
    """Both name the same kind of happening at the same place (and, when both are dated, in the same
    days): then little shared wording suffices, as two outlets' very different reports of one event."""
    if a is None or b is None or _apart(a, b):
        return False
    return bool(a.what & b.what) and bool(a.where & b.where)


def _joined(a: _Event | None, b: _Event | None, similarity: float) -> bool:
    if _apart(a, b):
        return False
    return similarity >= STORY_SIMILARITY or (similarity >= EVENT_SIMILARITY and _agree(a, b))


Span = tuple[date, date, bool]


def _span(a: Span | None, b: Span | None) -> Span | tuple[None, None, bool] | None:
    """The days two groups span together; None when that is too long for one event."""
    if a is None or b is None:
        return a or b or (None, None, False)
    first, last, month_only = min(a[0], b[0]), max(a[1], b[1]), a[2] or b[2]
    if (last - first).days > EVENT_DAYS + (31 if month_only else 0):
        return None
    return first, last, month_only


def same_story(a: ArticleBriefing, b: ArticleBriefing) -> bool:
    """Whether two briefings, on their own, report the same event."""
    (va, vb), _ = _vectors([_terms(a), _terms(b)])
    return _joined(_event(a), _event(b), _cosine(va, vb))


def cluster(items: list[ArticleBriefing]) -> list[list[int]]:
    """Group briefings (by index) into stories; each group and the groups are in index order.

    Only briefings that share one of their rarest words, or a word of what happened with a word of
    where, are compared (a blocking index), so the work grows with the number of briefings, not with
    its square; a word that many briefings use cannot join them. Union-find joins the pairs whose
    TF-IDF cosine reaches STORY_SIMILARITY, or EVENT_SIMILARITY when their events agree, and never two
    whose events are dated too far apart.
    """
    vectors, spread = _vectors([_terms(item) for item in items])
    events = [_event(item) for item in items]
    named: Counter[str] = Counter(word for event in events if event is not None for word in event.what)
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        usable = [w for w in vector if 2 <= spread[w] <= MAX_KEY_SPREAD]
        for word in sorted(usable, key=lambda w: (spread[w], w))[:KEYS_PER_BRIEFING]:
            blocks[word].append(index)
        event = events[index]
        for key in sorted(event.keys()) if event is not None else ():
            blocks["event:" + key].append(index)
        # A word of what happened that few events use ('intel', 'helene') compares them even when
        # one names no place and their rarest words differ.
        for word in sorted(event.what) if event is not None else ():
            if 2 <= named[word] <= MAX_KEY_SPREAD:
                blocks["what:" + word].append(index)
    blocks = {
        key: members
        for key, members in blocks.items()
        if not key.startswith("event:") or len(members) <= MAX_EVENT_BLOCK
    }

    parent = list(range(len(items)))
    # The days each group's dated events span: a chain of close days must not join far ones.
    spans = {i: (e.when, e.when, e.month_only) for i, e in enumerate(events) if e is not None and e.when}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        for pair in combinations(members, 2):
            if pair in compared:
                continue
            compared.add(pair)
            first, second = pair
            a, b = root(first), root(second)
            if a == b:
                continue
            similarity = _cosine(vectors[first], vectors[second])
            if not _joined(events[first], events[second], similarity):
                continue
            span = _span(spans.get(a), spans.get(b))
            if span is None:
                continue
            parent[max(a, b)] = min(a, b)
            if span[0] is not None:
                spans[min(a, b)] = span

    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        groups[root(index)].append(index)
    return [groups[key] for key in sorted(groups)]
