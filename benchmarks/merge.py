"""Merge time and story grouping on generated briefings: 1,000 / 5,000 / 10,000.

    python benchmarks/merge.py

Each generated event is reported by 1 to 5 outlets, each briefing with its own selection and wording of
the event's facts; a third of the events also name a famous person who appears across unrelated events.
Each briefing names its event (`Briefing.event`) the way a model would: what (the same few kinds of
happening recur across events), where (the event's town) and when (one of a few days, shared by many
events). Prints the time per size (target: near-linear growth, 10,000 in under 5 s on the 2-core
machine) and how well briefings were grouped against the known events (pairwise precision and recall).
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.merge.assemble import merge_briefings
from summarizer.merge.cluster import cluster
from summarizer.models import ArticleBriefing, Briefing, SourceRef
from summarizer.text.normalize import clear_caches

PLACES = "Aldmoor Brackenford Calderbridge Dunmere Elmstead Fairhaven Glenrock Harrowgate Ivybridge".split()
SUBJECTS = "bridge hospital school railway harbour reservoir stadium library airport tunnel".split()
VERBS = [("approved", "backed"), ("opened", "inaugurated"), ("closed", "shut"), ("delayed", "postponed")]
FIRST = "Ada Ben Cora Dev Elin Farid Greta Hugo Ines Jonas Kira Luca".split()


def event(number: int, rng: random.Random) -> dict[str, object]:
    place = f"{rng.choice(PLACES)}{number}"
    subject = rng.choice(SUBJECTS)
    verb = rng.choice(VERBS)
    person = f"{rng.choice(FIRST)} Official{number}"
    famous = rng.random() < 0.33
    facts = [
        f"The {place} council {verb[0]} the new {subject} project on Tuesday.",
        f"Mayor {person} said the {subject} would cost {rng.randint(2, 90)} million.",
        f"Residents of {place} had campaigned for the {subject} for {rng.randint(2, 9)} years.",
        f"Work on the {place} {subject} is due to start next spring.",
        f"Opponents in {place} said the money should go to roads instead.",
        f"A public meeting on the {subject} will be held in {place} next month.",
    ]
    if famous:
        facts.append(f"Donald Trump mentioned the {place} {subject} in a speech.")
    return {
        "place": place,
        "subject": subject,
        "verb": verb,
        "person": person,
        "facts": facts,
        "famous": famous,
        "day": f"2025-03-{rng.randint(10, 14)}",
    }


def briefing(spec: dict[str, object], outlet: int, rng: random.Random, number: int) -> ArticleBriefing:
    facts = list(spec["facts"])  # type: ignore[call-overload]
    rng.shuffle(facts)
    verb = spec["verb"][outlet % 2]  # type: ignore[index]
    headline = f"{spec['place']} {verb} {spec['subject']} plan"
    entities = [{"name": spec["person"], "kind": "person", "role": "mayor"}]
    if spec["famous"]:
        entities.append({"name": "Donald Trump", "kind": "person", "role": "president"})
    # Outlets word the event differently, and one in five leaves out the place or the day.
    event = {
        "what": f"{spec['subject']} {verb}" if outlet % 2 else f"{verb} {spec['subject']} plan",
        "where": None if rng.random() < 0.2 else str(spec["place"]),
        "when": None if rng.random() < 0.2 else spec["day"],
    }
    b = Briefing(
        headline=headline, summary=" ".join(facts[:2]), key_points=facts[:4], entities=entities, quotes=[],
        timeline=[], what_next=facts[4:5], topics=["local"], event=event,
    )  # fmt: skip
    ref = SourceRef(
        article_id=f"{number:06d}-{outlet}", source=f"Outlet {outlet}", origin=f"e{number}-o{outlet}"
    )
    return ArticleBriefing(ref=ref, briefing=b, model="generated")


def generate(count: int, seed: int = 1) -> tuple[list[ArticleBriefing], dict[str, int]]:
    rng = random.Random(seed)
    items: list[ArticleBriefing] = []
    truth: dict[str, int] = {}
    number = 0
    while len(items) < count:
        spec = event(number, rng)
        for outlet in range(min(rng.randint(1, 5), count - len(items))):
            item = briefing(spec, outlet, rng, number)
            items.append(item)
            truth[item.ref.article_id] = number
        number += 1
    return items, truth


def pairwise(items: list[ArticleBriefing], truth: dict[str, int]) -> tuple[float, float]:
    ordered = sorted(items, key=lambda i: (i.ref.source, i.ref.origin, i.ref.article_id))
    found = {pair for group in cluster(ordered) for pair in combinations(sorted(group), 2)}
    by_event: dict[int, list[int]] = defaultdict(list)
    for index, item in enumerate(ordered):
        by_event[truth[item.ref.article_id]].append(index)
    true = {pair for members in by_event.values() for pair in combinations(sorted(members), 2)}
    precision = len(found & true) / len(found) if found else 1.0
    recall = len(found & true) / len(true) if true else 1.0
    return precision, recall


def main() -> int:
    ok = True
    per: list[float] = []
    for count in (1_000, 5_000, 10_000):
        items, truth = generate(count)
        clear_caches()  # from cold: no text folded by an earlier run
        start = time.perf_counter()
        brief = merge_briefings(items)
        took = time.perf_counter() - start
        per.append(took / count * 1000)
        precision, recall = pairwise(items, truth)
        print(f"{count:6,} briefings: {took:5.2f} s ({per[-1]:.3f} ms each), {len(brief.stories):,} stories; "
              f"grouping precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip
        if count == 10_000:
            ok &= took < 5
    growth = per[-1] / per[0]
    ok &= growth < 2
    print(f"time per briefing grows {growth:.2f}x from 1,000 to 10,000 (near-linear: < 2x); 10,000 under 5 s")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
