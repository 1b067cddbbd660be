"""Which briefings report the same event: grouped into stories in near-linear time."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from .models import ArticleBriefing
from .text import name_key, words

__all__ = ["cluster", "same_story"]

#: Cosine similarity of two briefings' TF-IDF vectors from which they are one story. Measured: the
#: example articles' briefings 0.38; an unrelated story sharing a famous name 0.15; sixty unrelated
#: briefings all naming Trump at most 0.20; generated distinct events at most 0.24, the same event at
#: least 0.70 (benchmarks/merge.py).
STORY_SIMILARITY = 0.30
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


def same_story(a: ArticleBriefing, b: ArticleBriefing) -> bool:
    """Whether two briefings, on their own, report the same event."""
    (va, vb), _ = _vectors([_terms(a), _terms(b)])
    return _cosine(va, vb) >= STORY_SIMILARITY


def cluster(items: list[ArticleBriefing]) -> list[list[int]]:
    """Group briefings (by index) into stories; each group and the groups are in index order.

    Only briefings that share one of their rarest words are compared (a blocking index), so the work
    grows with the number of briefings, not with its square; a word that many briefings use cannot
    join them. Union-find joins the pairs whose TF-IDF cosine reaches STORY_SIMILARITY.
    """
    vectors, spread = _vectors([_terms(item) for item in items])
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        usable = [w for w in vector if 2 <= spread[w] <= MAX_KEY_SPREAD]
        for word in sorted(usable, key=lambda w: (spread[w], w))[:KEYS_PER_BRIEFING]:
            blocks[word].append(index)

    parent = list(range(len(items)))

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
            a, b = root(pair[0]), root(pair[1])
            if a != b and _cosine(vectors[pair[0]], vectors[pair[1]]) >= STORY_SIMILARITY:
                parent[max(a, b)] = min(a, b)

    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        groups[root(index)].append(index)
    return [groups[key] for key in sorted(groups)]
