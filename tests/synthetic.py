"""Synthetic articles for tests and benchmarks: distinct local events, each with its own names and figures."""

from __future__ import annotations

import random
from pathlib import Path

CITIES = [
    "Aldmoor",
    "Brackenford",
    "Calderbridge",
    "Dunmere",
    "Elmstead",
    "Fairhaven",
    "Glenrock",
    "Harrowgate",
    "Ivybridge",
    "Jesmond",
    "Kingsreach",
    "Larkhill",
    "Marlow Vale",
    "Northwick",
    "Oakhurst",
    "Pendle",
]
FIRST = ["Ada", "Ben", "Cora", "Dev", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca"]
LAST = [
    "Abbott",
    "Bryce",
    "Castell",
    "Drummond",
    "Everett",
    "Fenwick",
    "Garland",
    "Holloway",
    "Ingram",
    "Jarvis",
    "Kendrick",
    "Lindqvist",
    "Mercer",
    "Norbury",
    "Okafor",
    "Pryce",
]
PROJECTS = [
    "homes",
    "classrooms",
    "hospital beds",
    "bus routes",
    "street lights",
    "allotments",
    "cycle lanes",
]


def article_text(index: int, paragraphs: int = 6) -> str:
    """One article, about 1.5 kB; the same index always gives the same text."""
    rng = random.Random(index)
    city = f"{CITIES[index % len(CITIES)]} {index}"
    mayor = f"{rng.choice(FIRST)} {LAST[(index // len(CITIES)) % len(LAST)]}{index}"
    count, cost, votes_for = rng.randint(12, 900), rng.randint(2, 90), rng.randint(7, 15)
    project = rng.choice(PROJECTS)
    lines = [
        f"{city} council approved {count} new {project} on Tuesday after a vote of {votes_for} to 3, "
        f"mayor {mayor} said.",
        f"The plan will cost {cost} million pounds over four years and will be paid for from the "
        f"{city} reserve fund.",
        f"Council leader {mayor} said the decision followed {rng.randint(2, 9)} months of consultation "
        f"with residents.",
        f"Work on the first {count // 3} {project} is due to start in spring, officials said.",
        f"Opponents argued that the {cost} million pounds should have gone to road repairs instead.",
        f"A public meeting on the plan will be held in {city} town hall next month.",
    ]
    return "\n".join(lines[:paragraphs])


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        path = folder / f"{index:05d}.md"
        path.write_text(f"---\nsource: Gazette {index % 7}\n---\n{article_text(index)}\n", encoding="utf-8")
        paths.append(path)
    return paths
