"""Key points and what-next items of one story: the same statement from several outlets kept once with
every source, and statements that differ only in a figure shown as a disagreement."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from ..disagree import count_stage, statement_values
from ..models import (
    Disagreement,
    Point,
    ReportedValue,
)
from ..text.normalize import cached_sets

__all__ = ["POINT_SIMILARITY", "as_points", "merge_statements", "values_of"]


#: Word overlap above which two points (apart from their figures and days) say the same thing.
POINT_SIMILARITY = 0.5

#: A statement's frame and values (disagree.statement_values), read once for its story: outlets repeat
#: each other's wording, and the 50,000 statements of a 10,000-briefing merge are 20,000 texts (the set
#: of values built again for each repeat was a quarter of the merge's story work). The points, the
#: restated points, the timeline and the versions of one point all read them here.
values_of = cached_sets(statement_values)


def _rivals(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements' values disagree: their days, or their figures and times, differ with neither
    giving all the other's ('3 dead on Monday' and '3 dead, 275 aboard, at 12:42' say two things,
    not one thing two ways)."""
    days_a, days_b = {v for v in a if v.isalpha()}, {v for v in b if v.isalpha()}
    return any(x and y and not (x <= y or y <= x) for x, y in ((days_a, days_b), (a - days_a, b - days_b)))


@dataclass
class _Group:
    """Statements kept as one: the first wording, every source, the figures they share."""

    frame: frozenset[str]
    values: frozenset[str]
    text: str
    sources: set[str]
    flags: list[bool]


def as_points(said: Iterable[tuple[str, str, bool]]) -> tuple[list[Point], list[Disagreement]]:
    """A lone briefing's statements, each its own point."""
    return [
        Point(text=text, sources=[source], unverified=flagged, restated=[]) for source, text, flagged in said
    ], []


def merge_statements(said: Iterable[tuple[str, str, bool]]) -> tuple[list[Point], list[Disagreement]]:
    """Statements that say the same thing are kept once with every source, in the wording that gives no
    figure or day that one of those sources did not.

    Two that say the same thing with different figures or days, from different outlets, are not merged:
    each stays, and a Disagreement names every value and its source. Past a few dozen statements,
    only those sharing a word are compared (an index by word), never every one with every other.
    """
    groups: list[_Group] = []
    by_word = _ByWord(groups)
    conflicts: dict[int, list[int]] = {}
    for source, text, flagged in said:
        frame, values = values_of(text)
        similar = by_word.similar(frame)
        # Compatible: one gives every figure and day the other does, and perhaps more detail.
        same = next((i for i in similar if groups[i].values <= values or values < groups[i].values), None)
        if same is not None:
            group = groups[same]
            group.sources.add(source)
            group.flags.append(flagged)
            if len(values) < len(group.values):
                # Show what they all said: no outlet is credited with a figure it did not give.
                group.text, group.values = text, values
            continue
        groups.append(_Group(frame, values, text, {source}, [flagged]))
        index = len(groups) - 1
        rival = next(
            (
                i
                for i in similar
                if _rivals(groups[i].values, values)
                and source not in groups[i].sources
                # A count at another stage ('with 98.9% of districts counted') is another time.
                and count_stage(groups[i].text) == count_stage(text)
            ),
            None,
        )
        if rival is not None:
            conflicts.setdefault(_root(conflicts, rival), []).append(index)
    # `restated` given: the default's deep copy for each was most of a point's making (validated thus,
    # a point costs two thirds of what model_construct's field-by-field loop in Python did).
    points = [
        Point(text=g.text, sources=sorted(g.sources), unverified=any(g.flags), restated=[]) for g in groups
    ]
    return points, [
        _disagreement([groups[first], *(groups[i] for i in rest)]) for first, rest in conflicts.items()
    ]


#: Up to this many statements kept so far, a new one is compared with each (a set intersection each,
#: in C); past it, only with those that share a word with it, found off an index by word. A story's
#: key points from a few outlets are a dozen or two: counting the shared words off the index (a
#: Counter over its lists) cost more than the intersections it spared.
COMPARED_WITH_EACH = 48


class _ByWord:
    """The statements kept so far, found by the words of their frames once there are many."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        self.index: dict[str, list[int]] = defaultdict(list)
        self.indexed = 0  # how many of the groups the index holds

    def similar(self, frame: frozenset[str]) -> list[int]:
        """The statements kept (by index, in order) whose words are POINT_SIMILARITY alike with
        `frame`: their Jaccard similarity, off the number of words they share."""
        groups = self.groups
        size = len(frame)
        if len(groups) <= COMPARED_WITH_EACH:
            found = []
            for i, group in enumerate(groups):
                shared = len(frame & group.frame)
                if shared and shared / (size + len(group.frame) - shared) >= POINT_SIMILARITY:
                    found.append(i)
            return found
        for i in range(self.indexed, len(groups)):
            for word in groups[i].frame:
                self.index[word].append(i)
        self.indexed = len(groups)
        # How many words each kept statement shares with this one, counted off the index: their Jaccard
        # similarity without building the two sets' union and intersection for every pair.
        index = self.index
        counted = Counter(chain.from_iterable(index[word] for word in frame if word in index))
        return [
            i
            for i in sorted(counted)
            if counted[i] / (size + len(groups[i].frame) - counted[i]) >= POINT_SIMILARITY
        ]


def _root(conflicts: dict[int, list[int]], index: int) -> int:
    """The first statement of the disagreement `index` belongs to (or itself, starting one)."""
    for first, rest in conflicts.items():
        if index == first or index in rest:
            return first
    return index


def _disagreement(groups: list[_Group]) -> Disagreement:
    shared = frozenset.intersection(*(g.values for g in groups))
    reports = [
        ReportedValue(
            value=", ".join(sorted(g.values - shared)) or "-", sources=sorted(g.sources), text=g.text
        )
        for g in groups
    ]
    return Disagreement(reports=reports)
