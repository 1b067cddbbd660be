"""Key points that state one fact from several outlets, in other words: one point credited to all."""

from __future__ import annotations

from ..models import Point, Wording
from ..text.groups import Groups
from ..text.similarity import jaccard
from .points import values_of
from .timeline import telling_figures

__all__ = ["RESTATED_SIMILARITY", "RESTATED_WORDS", "join_restated"]

#: Word overlap from which two outlets' points that give the same telling figure, and no figure or day
#: the other contradicts, state one fact ('Olga Carmona's 29th minute goal was decisive', 'Captain Olga
#: Carmona scored in the 29th minute after England lost possession'). Measured on the four corpora of
#: benchmarks/editor.py: the pairs of one fact from 0.12 ('Real Madrid beat Borussia Dortmund 2-0 ... a
#: 15th time', 'Two second-half goals ... their 15th UEFA Champions League title'); points of different
#: facts sharing a figure under 0.10 (a toll and the 7.8 magnitude of the quake that caused it).
RESTATED_SIMILARITY = 0.12
#: ... and share at least this many words (the subject and what happened to it).
RESTATED_WORDS = 3


def join_restated(points: list[Point]) -> list[Point]:
    """Points from different outlets that give the same telling figure (not a year, not a small whole
    number), about the same subject (RESTATED_SIMILARITY, RESTATED_WORDS), with no figure or day that
    the other does not give or contains (one says Thursday and the other nothing is compatible;
    Thursday against Friday is not, and stays two points for "Reports differ"), joined: the wording that
    credits no outlet with a figure it did not give, every outlet, the others' wordings kept in
    `restated`. In the first point's place."""
    read = [values_of(point.text) for point in points]
    # Each point's telling figures and outlets worked out once, not once for every pair it is in.
    telling = [telling_figures(values) for _, values in read]
    outlets = [set(point.sources) for point in points]
    groups: Groups[int] = Groups()
    members_of: dict[int, list[int]] = {}
    for i in range(len(points)):
        members_of[groups.join(i, i)] = [i]
    pairs = []
    for i, (frame_a, values_a) in enumerate(read):
        telling_a = telling[i]
        if not telling_a:
            continue
        for j in range(i + 1, len(points)):
            frame_b, values_b = read[j]
            if outlets[i] & outlets[j] or not telling_a & telling[j]:
                continue
            if not _compatible(values_a, values_b):
                continue
            if len(frame_a & frame_b) >= RESTATED_WORDS and jaccard(frame_a, frame_b) >= RESTATED_SIMILARITY:
                pairs.append((i, j))
    for i, j in pairs:
        # Each outlet's point compatible with every other of the group: a point without a day joins
        # one that says Thursday or one that says Friday, never both (they disagree).
        first, second = members_of[groups.root(i)], members_of[groups.root(j)]
        if first is second or any(not _compatible(read[a][1], read[b][1]) for a in first for b in second):
            continue
        if set().union(*(points[a].sources for a in first)) & set().union(
            *(points[b].sources for b in second)
        ):
            continue
        root = groups.join(i, j)
        members_of[root] = first + second
    joined = []
    for members in groups.groups():
        if len(members) == 1:
            joined.append(points[members[0]])
            continue
        shown = min(members, key=lambda i: (len(read[i][1]), i))
        joined.append(
            Point(
                text=points[shown].text,
                sources=sorted({source for i in members for source in points[i].sources}),
                unverified=any(points[i].unverified for i in members),
                restated=[
                    Wording(text=points[i].text, sources=points[i].sources, unverified=points[i].unverified)
                    for i in members
                    if i != shown
                ],
            )
        )
    return joined


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """One gives every figure and day the other does, and perhaps more."""
    return a <= b or b <= a
