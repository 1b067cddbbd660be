"""The living brief on a labelled sequence of runs: each story's status and changed figures; and speed.

    python benchmarks/living.py [--corpus benchmarks/fresh-a] [--style plain|attributive|terse|titled]
    python benchmarks/living.py --speed

A corpus with a `sequence.json` (see benchmarks/fresh-a/README.md) lists runs as an editor would make
them, each with its articles (a rolling window), and the labels of someone who never read this code:
per run and event, the status (new, updated, unchanged, no longer reported), the changed figures (the
fact, the old and new value, the outlets of each) and the new outlets. Each run merges its articles'
briefings as `summarizer brief` does and marks the brief against the previous run's
(summarizer.living.mark_changes). Printed per run and event: what was found against the label; then
PASS when every status, every labelled figure (its fact, old and new value and outlets) and every set
of new outlets is right, and no fact the labels cover shows a change they do not give. A change of a
fact the labels do not cover (they give the whole toll and one state's; other states' moved too) is
listed, not judged. Also printed: whether each event kept one story id from run to run. Exit status 0
on PASS.

`--speed`: matching a brief of 1,000 stories against a previous brief of 1,000 (generated events as
in benchmarks/merge.py: 200 gone, 200 new, 400 carried on by a shared article, 200 by new articles
alone), timed three times. Target: under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import Entry, briefing_of, read_article
from merge import briefing as generated_briefing
from merge import event as generated_event

from summarizer.living import mark_changes
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Brief, FigureChange, SourceRef, Story
from summarizer.text.numbers import figures

DEFAULT = Path(__file__).resolve().parent / "fresh-a"


def load_items(corpus: Path, style: str) -> dict[str, ArticleBriefing]:
    """Every article of the corpus's events with its briefing in the given style."""
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    folder = corpus / ("briefings" if style == "plain" else f"styles/{style}")
    items = {}
    for event in labels["events"]:
        for aid in event["articles"]:
            meta, text = read_article(corpus / "articles" / f"{aid}.md")
            data = json.loads((folder / f"{aid}.json").read_text(encoding="utf-8"))
            ref = Entry(aid, meta, text, data).ref()
            items[aid] = ArticleBriefing(ref=ref, briefing=briefing_of(data), model="corpus")
    return items


def event_of(corpus: Path) -> dict[str, str]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    return {aid: event["id"] for event in labels["events"] for aid in event["articles"]}


def run_sequence(corpus: Path, style: str = "plain") -> list[tuple[str, Brief]]:
    """Each run's brief, marked against the one before (the first against none)."""
    sequence = json.loads((corpus / "sequence.json").read_text(encoding="utf-8"))
    items = load_items(corpus, style)
    previous: Brief | None = None
    briefs = []
    for run in sequence["runs"]:
        chosen = [items[aid] for aid in run["articles"]]
        brief = merge_briefings(chosen)
        marked = mark_changes(brief, previous, briefings=chosen, origin=f"run before {run['name']}")
        briefs.append((run["name"], marked))
        previous = marked
    return briefs


def _numbers(text: str) -> set[float]:
    return set(figures(text, idiomatic=False))


def _met(label: dict[str, Any], change: FigureChange) -> bool:
    return (
        _numbers(label["old"]) == _numbers(change.old.value)
        and _numbers(label["new"]) == _numbers(change.new.value)
        and set(label["old_outlets"]) == set(change.old.sources)
        and set(label["new_outlets"]) == set(change.new.sources)
    )


def _shown(change: FigureChange) -> str:
    old, new = change.old, change.new
    return f"{change.fact}: {old.value} ({', '.join(old.sources)}) -> {new.value} ({', '.join(new.sources)})"


def check(corpus: Path, style: str = "plain") -> tuple[bool, list[str]]:
    """Compare each run's marks with the labels; (every label met, the lines of the report)."""
    sequence = json.loads((corpus / "sequence.json").read_text(encoding="utf-8"))
    events = event_of(corpus)
    covered: dict[str, set[str]] = {}  # per event, the facts the labels give figures for
    for label in sequence["expected"]:
        covered.setdefault(label["event"], set()).update(f["fact"] for f in label["changed_figures"])
    briefs = dict(run_sequence(corpus, style))
    ok, lines = True, []
    ids: dict[str, list[str]] = {}
    for label in sequence["expected"]:
        run, event = label["run"], label["event"]
        stories = [s for s in briefs[run].stories if _event(s.sources, events) == event]
        changes = briefs[run].changes
        gone = (
            [g for g in changes.no_longer_reported if _event(g.sources, events) == event] if changes else []
        )
        found, problems, extra = _judge(label, stories, gone, covered.get(event, set()))
        if len(stories) == 1 and label["status"] != "no longer reported":
            ids.setdefault(event, []).append(stories[0].id)
        ok &= not problems
        lines.append(f"{'ok  ' if not problems else 'FAIL'} {run} {event}: " + "; ".join(found))
        lines += [f"       ! {p}" for p in problems]
        lines += [f"       (not covered by the labels) {e}" for e in extra]
    for event, seen in ids.items():
        kept = len(set(seen)) == 1
        ok &= kept
        named = ", ".join(dict.fromkeys(seen))
        lines.append(
            f"{'ok  ' if kept else 'FAIL'} {event}: {'one id' if kept else 'ids'} {named}, {len(seen)} runs"
        )
    return ok, lines


def _judge(
    label: dict[str, Any], stories: list[Story], gone: list[Any], covered: set[str]
) -> tuple[list[str], list[str], list[str]]:
    """One label against the run's stories of its event: what was found, what is wrong, and the
    changes of facts the labels do not cover."""
    if label["status"] == "no longer reported":
        status = "no longer reported" if gone and not stories else _status(stories)
        problems = [] if status == label["status"] else [f"status {status}, labelled {label['status']}"]
        return [f"status {status}"], problems, []
    if len(stories) != 1:
        return [f"{len(stories)} stories"], [f"{len(stories)} stories, labelled one"], []
    story = stories[0]
    change = story.change
    assert change is not None
    found, problems, extra = [f"status {change.status}", f"id {story.id}"], [], []
    if change.status != label["status"]:
        problems.append(f"status {change.status}, labelled {label['status']}")
    if set(change.new_outlets) != set(label["new_outlets"]):
        problems.append(f"new outlets {change.new_outlets}, labelled {label['new_outlets']}")
    met: set[int] = set()
    for wanted in label["changed_figures"]:
        hit = [i for i, c in enumerate(change.figures) if c.fact == wanted["fact"] and _met(wanted, c)]
        if hit:
            met.add(hit[0])
            found.append("figure " + _shown(change.figures[hit[0]]))
        else:
            old, new = ", ".join(wanted["old_outlets"]), ", ".join(wanted["new_outlets"])
            problems.append(
                f"figure not found: {wanted['fact']}: {wanted['old']} ({old}) -> {wanted['new']} ({new})"
            )
    for i, c in enumerate(change.figures):
        if i not in met:
            (problems if c.fact in covered else extra).append(
                ("figure not labelled: " if c.fact in covered else "") + _shown(c)
            )
    return found, problems, extra


def _status(stories: list[Story]) -> str:
    return stories[0].change.status if stories and stories[0].change else "absent"


def _event(sources: list[SourceRef], events: dict[str, str]) -> str:
    return Counter(events.get(ref.article_id, "?") for ref in sources).most_common(1)[0][0]


# --- speed ----------------------------------------------------------------------------------------------


def _day(items: list[ArticleBriefing], day: int) -> list[ArticleBriefing]:
    return [
        i.model_copy(update={"ref": i.ref.model_copy(update={"article_id": f"{i.ref.article_id}-d{day}"})})
        for i in items
    ]


def speed() -> bool:
    """Time mark_changes on 1,000 stories against 1,000, and check it kept the ids it should have."""
    rng = random.Random(7)
    specs = [generated_event(number, rng) for number in range(1_200)]
    first = {
        n: [generated_briefing(specs[n], o, rng, n) for o in range(rng.randint(1, 3))] for n in range(1_000)
    }
    later: dict[int, list[ArticleBriefing]] = {}
    for n in range(200, 1_200):
        fresh = _day([generated_briefing(specs[n], o, rng, n) for o in range(3, 3 + rng.randint(1, 2))], 2)
        later[n] = fresh + first[n][:1] if n < 600 else fresh  # 200..599 keep an article; 600..999 do not
    previous = mark_changes(merge_briefings([i for items in first.values() for i in items]), None)
    brief = merge_briefings([i for items in later.values() for i in items])
    print(f"previous brief {len(previous.stories):,} stories, new brief {len(brief.stories):,} stories")
    took, cpu = [], []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        marked = mark_changes(brief, previous, briefings=[i for items in later.values() for i in items])
        took.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    event_of_id = {s.id: _number(s) for s in previous.stories}
    carried = sum(
        1 for s in marked.stories if s.change and s.change.continues and event_of_id.get(s.id) == _number(s)
    )
    wrong = sum(
        1
        for s in marked.stories
        if s.change and s.change.continues and event_of_id.get(s.change.continues[0]) != _number(s)
    )
    gone = len(marked.changes.no_longer_reported) if marked.changes else 0
    times, cpus = ", ".join(f"{t:.2f}" for t in took), ", ".join(f"{t:.2f}" for t in cpu)
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(f"matching: {times} s ({cpus} s of CPU; {load})")
    print(f"{carried:,} stories kept their event's id (800 carried on), {wrong} carried on another event's, "
          f"{gone} no longer reported (200 gone)")  # fmt: skip
    ok = min(took) < 1.0 and wrong == 0
    print("PASS: under 1 s (the best of three)" if ok else "FAIL")
    return ok


def _number(story: Story) -> int:
    return int(story.sources[0].article_id.split("-")[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="a corpus folder with sequence.json")
    parser.add_argument("--style", default="plain", choices=["plain", "attributive", "terse", "titled"])
    parser.add_argument("--speed", action="store_true", help="time matching 1,000 stories against 1,000")
    args = parser.parse_args()
    if args.speed:
        return 0 if speed() else 1
    ok, lines = check(args.corpus, args.style)
    print(f"living brief on {args.corpus.name} ({args.style} briefings)")
    print("\n".join(lines))
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
