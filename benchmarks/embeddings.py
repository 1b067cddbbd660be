"""Merge time with `--cluster embeddings` on generated briefings: 1,000 / 5,000 / 10,000.

    python benchmarks/embeddings.py [--dimensions 1536]

The briefings of benchmarks/merge.py, each given an embedding of text-embedding-3-small's size: a
direction shared by every briefing (real embeddings are not centred: unrelated texts are not
orthogonal), one per event, and noise per briefing, so that briefings of one event have a cosine of
about 0.8 and of different events about 0.1. Synthetic vectors: they measure the time of the
grouping, not how well a real model's embeddings tell events apart. Prints the time per size and the
grouping against the known events; target: near-linear growth (the pairs compared are the text
blocking's candidates, each one 1,536-dimension dot product in pure Python).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.merge import generate
from summarizer.merge.assemble import merge_briefings
from summarizer.merge.cluster import cluster
from summarizer.models import ArticleBriefing
from summarizer.text.normalize import clear_caches


def _direction(rng: random.Random, dimensions: int) -> list[float]:
    vector = [rng.gauss(0, 1) for _ in range(dimensions)]
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector]


def embeddings(
    items: list[ArticleBriefing], truth: dict[str, int], dimensions: int
) -> dict[str, list[float]]:
    rng = random.Random(7)
    common = _direction(rng, dimensions)
    events: dict[int, list[float]] = {}
    vectors = {}
    for item in items:
        event = truth[item.ref.article_id]
        if event not in events:
            events[event] = _direction(rng, dimensions)
        noise = _direction(rng, dimensions)
        vectors[item.ref.article_id] = [
            0.4 * c + e + 0.5 * n for c, e, n in zip(common, events[event], noise, strict=True)
        ]
    return vectors


def pairwise(
    items: list[ArticleBriefing], truth: dict[str, int], vectors: dict[str, list[float]]
) -> tuple[float, float]:
    ordered = sorted(items, key=lambda i: (i.ref.source, i.ref.origin, i.ref.article_id))
    groups = cluster(ordered, [vectors[item.ref.article_id] for item in ordered])
    found = {pair for group in groups for pair in combinations(sorted(group), 2)}
    by_event: dict[int, list[int]] = defaultdict(list)
    for index, item in enumerate(ordered):
        by_event[truth[item.ref.article_id]].append(index)
    true = {pair for members in by_event.values() for pair in combinations(sorted(members), 2)}
    return len(found & true) / (len(found) or 1), len(found & true) / (len(true) or 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dimensions", type=int, default=1536)
    args = parser.parse_args()
    per: list[float] = []
    for count in (1_000, 5_000, 10_000):
        items, truth = generate(count)
        vectors = embeddings(items, truth, args.dimensions)
        clear_caches()
        start = time.perf_counter()
        brief = merge_briefings(items, embeddings=vectors)
        took = time.perf_counter() - start
        per.append(took / count * 1000)
        precision, recall = pairwise(items, truth, vectors)
        print(f"{count:6,} briefings: {took:5.2f} s ({per[-1]:.3f} ms each), {len(brief.stories):,} stories; "
              f"grouping precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip
    growth = per[-1] / per[0]
    print(f"time per briefing grows {growth:.2f}x from 1,000 to 10,000 (near-linear: < 2x)")
    return 0 if growth < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
