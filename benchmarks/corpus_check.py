"""Check a labelled corpus (benchmarks/corpus, heldout, heldout2): every briefing fits the project's
Briefing model (its `event` included), every quote appears in its article (curly and straight quote
marks treated alike) except the corpus's listed deliberate model slips, front matter matches
labels.json, and every corruption starts from the briefing's real value.

Each corpus's check.py names its slips and calls check(): python benchmarks/corpus/check.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.models import Briefing


def fold(text: str) -> str:
    return text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))


def read_article(path: Path) -> tuple[dict[str, str], str]:
    raw = path.read_text(encoding="utf-8")
    _, head, body = raw.split("---\n", 2)
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value) if value.startswith('"') else value
    return meta, body


def field(briefing: dict, path: str):
    value = briefing
    for name, index, attr in re.findall(r"(\w+)\[(\d+)\](?:\.(\w+))?", path):
        value = value[name][int(index)]
        if attr:
            value = value[attr]
    return value


def check(root: Path, slips: set[tuple[str, int]]) -> int:
    """Check the corpus in `root`, whose deliberate model slips (article id, quote index) are `slips`;
    prints what it found, and returns 1 when anything is wrong."""
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    event_of = {a: e["id"] for e in labels["events"] for a in e["articles"]}
    problems, quotes, briefings = [], 0, {}
    for path in sorted((root / "articles").glob("*.md")):
        aid = path.stem
        meta, body = read_article(path)
        if meta.get("event") != event_of.get(aid):
            problems.append(f"{aid}: event {meta.get('event')} vs labels {event_of.get(aid)}")
        data = json.loads((root / "briefings" / f"{aid}.json").read_text(encoding="utf-8"))
        event = data["event"]
        if set(event) != {"what", "where", "when"}:
            problems.append(f"{aid}: event keys {sorted(event)}")
        Briefing.model_validate(data)
        briefings[aid] = data
        for i, quote in enumerate(data["quotes"]):
            quotes += 1
            found = fold(quote["text"]) in fold(body)
            if found == ((aid, i) in slips):
                problems.append(
                    f"{aid}: quotes[{i}] {'is a listed slip but found' if found else 'not in article'}"
                )
    if set(briefings) != set(event_of):
        problems.append("articles and labels differ")
    for c in json.loads((root / "corrupted.json").read_text(encoding="utf-8")):
        if field(briefings[c["article"]], c["field"]) != c["original"]:
            problems.append(f"corruption {c['article']} {c['field']}: original differs")
    counts = f"{len(briefings)} briefings, {quotes} quotes, {len(slips)} deliberate slips"
    print(f"{counts}, {len(problems)} problems")
    print("\n".join(problems))
    return 1 if problems else 0
