"""The merge and the grounding check, measured on real articles and model-style briefings.

    python benchmarks/evaluate.py [--corpus benchmarks/heldout] [--half a|b] [--write-prompts DIR]
    python benchmarks/evaluate.py --corpus benchmarks/fresh-a --style all [--cluster text]

Runs the merge and the grounding check, unchanged, on benchmarks/corpus (39 real article
excerpts about 15 events, the briefing a capable model would write for each, labelled events and
disagreements, 64 corrupted variants) and prints every figure against the target of issue #11, PASS or
FAIL, then every miss: the pair of articles wrongly split or joined, the labelled disagreement that
"Reports differ" does not show, the faithful item dropped and why, the corruption let through.
`--corpus benchmarks/heldout` measures the held-out corpus instead (30 articles, 10 events, never used
to tune a rule).

"Reports differ" is measured twice: as the merge alone shows it, and as --synthesize shows it, with the
answer a model gave to each multi-outlet story's synthesis request (`syntheses/<article ids>.json` in
the corpus, checked by summarizer.synthesis.versions as in a run). `--write-prompts DIR` writes those requests
(the messages and the answer's JSON schema), one file per story, for a model to answer.

`--half a` / `--half b` measure only the events whose place in labels.json is even / odd (and the
briefings of those events), to show that a rule tuned on one half holds on the other.
Exit status 0 when every target is met.

`--style plain|attributive|terse|titled|all` prints instead every figure of shared EVALUATION.md on
the corpus part, per model style and per language (benchmarks/figures.py says how each is counted):
faithful items dropped and articles re-asked, planted errors that reach the brief by kind, the
grouping's pairwise precision and recall, and what "Reports differ" shows against the labels.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.parts import refused
from summarizer.disagree import statement_tokens
from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.llm.prompts import story_message, system_message
from summarizer.merge.assemble import merge_briefings
from summarizer.models import (
    ArticleBriefing,
    Brief,
    Briefing,
    Disagreement,
    Finding,
    SourceRef,
    Story,
    StoryDraft,
)
from summarizer.synthesis.versions import VersionCheck, merge_found
from summarizer.text.normalize import WEEKDAYS, fold, words
from summarizer.text.numbers import TIME_MARK, figures, tokens

CORPUS = Path(__file__).resolve().parent / "corpus"


def slips(corpus: Path) -> set[tuple[str, str]]:
    """Quotes the corpus gets wrong on purpose, as a model would (its README; SLIPS in its check.py):
    the check is right to drop them, so they do not count against it."""
    found = re.search(r"^SLIPS = (\{.*\})$", (corpus / "check.py").read_text(encoding="utf-8"), re.M)
    pairs: set[tuple[str, int]] = ast.literal_eval(found[1]) if found else set()
    return {(article, f"quotes[{index}]") for article, index in pairs}


TARGETS = {
    "grouping precision": 0.97,
    "grouping recall": 0.95,
    "disagreements shown": 1.0,
    "disagreements, merge alone": 0.0,
    "faithful items kept": 0.99,
    "corrupted quotes caught": 0.99,
    "corrupted figures caught": 0.95,
    "corrupted names caught": 0.95,
    "corrupted speakers caught": 0.95,
}

#: Which findings catch which kind of corruption (a finding on the corrupted field of that kind).
CAUGHT_BY = {
    "quote_reworded": ("quotes", {"quote"}),
    "quote_invented": ("quotes", {"quote"}),
    "figure_changed": ("figures", {"number"}),
    "name_invented": ("names", {"name"}),
    "speaker_swapped": ("speakers", {"speaker"}),
}


@dataclass
class Entry:
    """One article of the corpus with its briefing."""

    id: str
    meta: dict[str, str]
    text: str
    briefing: dict[str, Any]

    @property
    def published(self) -> datetime | None:
        day = self.meta.get("published")
        return datetime.fromisoformat(day) if day else None

    def facts(self) -> ArticleFacts:
        """What the check looks items up in: the text and what the prompt gives beside it."""
        meta = self.meta
        title, source, author = meta.get("title"), meta.get("source"), meta.get("author")
        return ArticleFacts.of(self.text, self.published, title=title, source=source, author=author)

    def ref(self) -> SourceRef:
        return SourceRef(
            article_id=self.id,
            source=self.meta["source"],
            origin=f"articles/{self.id}.md",
            title=self.meta.get("title"),
            url=self.meta.get("url"),
            published=self.published,
        )


@dataclass
class Report:
    """Each figure with what it counts, every miss, and the disagreements shown that no label names."""

    figures: dict[str, tuple[float, str]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    #: By figure ('disagreements shown', 'disagreements, merge alone'): what the labels do not name.
    unlabelled: dict[str, list[str]] = field(default_factory=dict)


def read_article(path: Path) -> tuple[dict[str, str], str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value) if value.startswith('"') else value
    return meta, body


def load(corpus: Path, half: str | None) -> tuple[list[Entry], dict[str, Any]]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    if half:
        keep = {e["id"] for i, e in enumerate(labels["events"]) if i % 2 == "ab".index(half)}
        labels["events"] = [e for e in labels["events"] if e["id"] in keep]
        labels["disagreements"] = [d for d in labels["disagreements"] if d["event"] in keep]
    ids = sorted(a for e in labels["events"] for a in e["articles"])
    entries = []
    for aid in ids:
        meta, text = read_article(corpus / "articles" / f"{aid}.md")
        data = json.loads((corpus / "briefings" / f"{aid}.json").read_text(encoding="utf-8"))
        entries.append(Entry(aid, meta, text, data))
    return entries, labels


def briefing_of(data: dict[str, Any]) -> Briefing:
    """The briefing as the installed model reads it: without `event` when the model has no such field."""
    if "event" not in Briefing.model_fields:
        data = {k: v for k, v in data.items() if k != "event"}
    return Briefing.model_validate(data)


# --- grouping ---------------------------------------------------------------------------------------


def grouping(entries: list[Entry], labels: dict[str, Any], report: Report) -> Brief:
    items = [ArticleBriefing(ref=e.ref(), briefing=briefing_of(e.briefing), model="corpus") for e in entries]
    brief = merge_briefings(items)
    story_of = {ref.article_id: n for n, story in enumerate(brief.stories) for ref in story.sources}
    event_of = {a: e["id"] for e in labels["events"] for a in e["articles"]}
    ids = sorted(event_of)
    found = {(a, b) for a, b in combinations(ids, 2) if story_of[a] == story_of[b]}
    true = {(a, b) for a, b in combinations(ids, 2) if event_of[a] == event_of[b]}
    report.figures["grouping precision"] = (
        len(found & true) / len(found) if found else 1.0,
        f"{len(found & true)}/{len(found)} pairs put together are one event",
    )
    report.figures["grouping recall"] = (
        len(found & true) / len(true) if true else 1.0,
        f"{len(found & true)}/{len(true)} pairs of one event put together; "
        f"{len(brief.stories)} stories for {len(labels['events'])} events",
    )
    for a, b in sorted(true - found):
        report.misses.append(f"split:  {a} / {b} ({event_of[a]})")
    for a, b in sorted(found - true):
        report.misses.append(f"joined: {a} ({event_of[a]}) / {b} ({event_of[b]})")
    return brief


# --- disagreements ----------------------------------------------------------------------------------


#: A day of a month in a label's note ('8.1 (magnitude; 8 Sep)': the day the outlet reported it).
_NOTED_DAY = re.compile(
    r"\b\d{1,2}(?:-\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)
#: A decimal comma in a label written in the article's language ('8,2'), not a thousands separator.
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,3}),(\d{1,2})(?![\d,])")


#: A figure in thousands in a label written in the article's language ('36 mil', 'deux mille').
_LABEL_THOUSANDS = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?) (?:mil|mille|mila|tausend)\b")
#: A time of day written the French way in a label ('19h06').
_FRENCH_CLOCK = re.compile(r"\b(\d{1,2})h(\d{2})\b")


def _times(text: str) -> set[str]:
    """The times of day a text gives, on the 24-hour clock ('7:07 p.m.', '19:07', '19h06' and 'at 19.06'
    as 'T1907', 'T1906'): a label writes a time as its outlet does, the brief shows it as 19:07."""
    folded = _FRENCH_CLOCK.sub(r"\1:\2", fold(text))
    # ... and the British way, as the merge reads it ('around 15.10' is 15:10).
    read = [*tokens(folded), *statement_tokens(text)]
    return {f"T{value:g}" for token, value in read if token.endswith(TIME_MARK) and value is not None}


def _marks(value: str) -> set[str]:
    """What identifies a labelled value in a statement: its figures, times of day and weekdays ('Monday
    (11 September)' is carried by 'Monday'), else its content words. A day of a month in parentheses
    says when the outlet reported it, not what it reported."""
    value = re.sub(r"\([^)]*\)", lambda note: _NOTED_DAY.sub(" ", note[0]), value)
    value = _DECIMAL_COMMA.sub(r"\1.\2", value)
    found = {f"{v:g}" for v in figures(value, idiomatic=False)} | (set(words(value)) & set(WEEKDAYS))
    # A thousand in the article's words ('más de 36 mil casas' is the 36,000 the brief shows).
    found |= {f"{float(n) * 1000:g}" for n in _LABEL_THOUSANDS.findall(fold(value))}
    return (found | _times(value)) or set(words(value))


def _carries(text: str, marks: set[str]) -> bool:
    """The text gives the value: its figures, times of day or words, or (a label's weekday) an ISO date
    on that day."""
    said = {f"{v:g}" for v in figures(text, idiomatic=False)} | set(words(text)) | _times(text)
    said |= {WEEKDAYS[date.fromisoformat(iso).weekday()] for iso in re.findall(r"\d{4}-\d{2}-\d{2}", text)}
    return bool(marks & said)


def matches(
    label: dict[str, Any], disagreement: Disagreement, source_of: dict[str, str], *, strict: bool = False
) -> bool:
    """The disagreement shows the labelled one: in different reports, two outlets of the label that
    give different values, each report carrying its outlet's value (`strict`: in the value it shows,
    not only somewhere in its statement, where the figures of other facts stand too)."""
    values = label["values"]
    matched: dict[str, int] = {}
    for n, reported in enumerate(disagreement.reports):
        for article, value in values.items():
            said = reported.value if strict else f"{reported.value} {reported.text}"
            if source_of[article] in reported.sources and _carries(said, _marks(value)):
                matched.setdefault(article, n)
    return any(
        matched[a] != matched[b] and fold(values[a]) != fold(values[b])
        for a, b in combinations(sorted(matched), 2)
    )


def side_by_side(brief: Brief) -> list[Disagreement]:
    """Every fact the brief shows as outlets' versions side by side: under "Reports differ", or, a toll
    that rose day by day, under "Over the days" (36 → 67 → 89, each with its outlet and day). A labelled
    disagreement shown either way is before the editor."""
    return [d for story in brief.stories for d in story.disagreements if len(d.reports) > 1]


def in_reports_differ(brief: Brief) -> list[Disagreement]:
    """What the brief calls a disagreement, under "Reports differ": the false alarms are among these.
    A progression (a toll reported higher each later day) is news moving, not outlets at odds."""
    return [d for d in side_by_side(brief) if not d.progression]


def shown(label: dict[str, Any], brief: Brief, source_of: dict[str, str]) -> bool:
    return any(matches(label, d, source_of) for d in side_by_side(brief))


def disagreements(
    entries: list[Entry],
    labels: dict[str, Any],
    brief: Brief,
    report: Report,
    name: str = "disagreements shown",
) -> None:
    source_of = {e.id: e.meta["source"] for e in entries}
    # Two spellings of one person's name are labelled for the record, not as a disagreement to show.
    labelled = [d for d in labels["disagreements"] if not d.get("note", "").startswith("same person")]
    hits = [d for d in labelled if shown(d, brief, source_of)]
    report.figures[name] = (
        len(hits) / len(labelled) if labelled else 1.0,
        f"{len(hits)}/{len(labelled)} labelled disagreements in 'Reports differ'",
    )
    # What else the brief shows: a labelled hard case (one quote worded differently), or a false alarm.
    quotes = [
        {"values": {a: w for a, w in case["articles"].items() if a in source_of}}
        for case in labels["hard_cases"].get("same_quote_differently_worded_across_outlets", [])
    ]
    every = in_reports_differ(brief)
    unlabelled = [
        d for d in every if not any(matches(x, d, source_of) for x in [*labels["disagreements"], *quotes])
    ]
    report.misses.append(
        f"({name}: the brief shows {len(every)} disagreements, {len(unlabelled)} not labelled)"
    )
    for d in unlabelled:
        about = f"{d.about}: " if d.about else ""
        shown_as = about + " vs ".join(f"{r.value} {r.sources}" for r in d.reports)
        report.unlabelled.setdefault(name, []).append(shown_as)
        report.misses.append(f"unlabelled ({name}): {shown_as}")
    for d in labelled:
        if d not in hits:
            values = "; ".join(f"{a}: {v}" for a, v in d["values"].items())
            report.misses.append(f"not shown ({name}): {d['event']}: {d['fact']} ({values})")


# --- synthesis ---------------------------------------------------------------------------------------


def story_name(story: Story) -> str:
    """A story's name in the corpus: its article ids, sorted, joined by '+'."""
    return "+".join(sorted(ref.article_id for ref in story.sources))


def compared(story: Story) -> bool:
    """The story would get a synthesis request: two outlets or more."""
    return len({ref.source for ref in story.sources}) >= 2


def _articles(story: Story, by_id: dict[str, Entry]) -> list[tuple[str, str]]:
    return [(ref.source, by_id[ref.article_id].text) for ref in story.sources]


def synthesized(corpus: Path, entries: list[Entry], brief: Brief, report: Report) -> Brief | None:
    """The brief as --synthesize leaves it, from the corpus's written answers; None when it has none."""
    folder = corpus / "syntheses"
    if not folder.is_dir():
        return None
    by_id = {e.id: e for e in entries}
    stories, missing, dropped = [], [], 0
    for story in brief.stories:
        path = folder / f"{story_name(story)}.json"
        if not compared(story):
            stories.append(story)
            continue
        if not path.exists():
            missing.append(story_name(story))
            stories.append(story)
            continue
        draft = StoryDraft.model_validate_json(path.read_text(encoding="utf-8"))
        found, unfound = VersionCheck.of(_articles(story, by_id)).check(draft.disagreements)
        dropped += len(unfound)
        for finding in unfound:
            report.misses.append(f"version left out: {story_name(story)} {finding.where}: {finding.reason}")
        stories.append(story.model_copy(update={"disagreements": merge_found(story.disagreements, found)}))
    for name in missing:
        report.misses.append(f"no synthesis answer for story {name}")
    return brief.model_copy(update={"stories": stories})


def write_prompts(brief: Brief, entries: list[Entry], folder: Path) -> int:
    """Each multi-outlet story's synthesis request, as a run would send it, for a model to answer."""
    by_id = {e.id: e for e in entries}
    folder.mkdir(parents=True, exist_ok=True)
    schema = json.dumps(StoryDraft.model_json_schema(), indent=1)
    written = 0
    for story in brief.stories:
        if not compared(story):
            continue
        headlines = [by_id[ref.article_id].briefing["headline"] for ref in story.sources]
        name = story_name(story)
        user = story_message(story, f"{abs(hash(name)) % 16**16:016x}", headlines, _articles(story, by_id))
        system = system_message(None, "StoryDraft")["content"]
        text = f"=== SYSTEM ===\n{system}\n\n=== USER ===\n{user['content']}\n\n"
        text += f"=== ANSWER: one JSON object conforming to this schema ===\n{schema}\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        written += 1
    return written


# --- grounding --------------------------------------------------------------------------------------


def _check(entry: Entry, data: dict[str, Any]) -> tuple[list[Finding], int]:
    return check_briefing(briefing_of(data), entry.facts())


def faithful(corpus: Path, entries: list[Entry], report: Report) -> None:
    dropped, checked, caught = 0, 0, 0
    slipped = slips(corpus)
    for entry in entries:
        findings, count = _check(entry, entry.briefing)
        checked += count
        # An item kept and marked (a quote the article attributes to no one named) is not dropped.
        for finding in [f for f in findings if not f.kept]:
            if (entry.id, finding.where) in slipped:
                caught += 1
                continue
            dropped += 1
            report.misses.append(
                f"dropped: {entry.id} {finding.where} {finding.kind} {finding.item[:70]!r}: {finding.reason}"
            )
    report.figures["faithful items kept"] = (
        1 - dropped / checked if checked else 1.0,
        f"{dropped}/{checked} faithful items dropped ({dropped / max(checked, 1):.1%}; "
        f"{caught} deliberate slip(s) caught)",
    )


def _set(data: dict[str, Any], path: str, value: str) -> None:
    target: Any = data
    parts = re.findall(r"(\w+)(?:\[(\d+)\])?", path)
    for n, (name, index) in enumerate(parts):
        last = n == len(parts) - 1
        if index:
            if last:
                target[name][int(index)] = value
            else:
                target = target[name][int(index)]
        elif last:
            target[name] = value
        else:
            target = target[name]


def corrupted(corpus: Path, entries: list[Entry], report: Report) -> None:
    by_id = {e.id: e for e in entries}
    caught: dict[str, list[bool]] = {}
    for corruption in json.loads((corpus / "corrupted.json").read_text(encoding="utf-8")):
        entry = by_id.get(corruption["article"])
        if entry is None:
            continue
        data = copy.deepcopy(entry.briefing)
        _set(data, corruption["field"], corruption["corrupted"])
        where = corruption["field"].split(".")[0]
        category, kinds = CAUGHT_BY[corruption["kind"]]
        findings, _ = _check(entry, data)
        hit = any(f.where == where and f.kind in kinds and not f.kept for f in findings)
        caught.setdefault(category, []).append(hit)
        if not hit:
            report.misses.append(
                f"let through: {corruption['kind']} {entry.id} {corruption['field']} "
                f"{corruption['corrupted'][:70]!r}"
            )
    for category, hits in caught.items():
        report.figures[f"corrupted {category} caught"] = (
            sum(hits) / len(hits),
            f"{sum(hits)}/{len(hits)} corrupted {category} flagged",
        )


def evaluate(corpus: Path = CORPUS, half: str | None = None) -> Report:
    entries, labels = load(corpus, half)
    report = Report()
    brief = grouping(entries, labels, report)
    with_synthesis = synthesized(corpus, entries, brief, report)
    if with_synthesis is None:
        disagreements(entries, labels, brief, report)
    else:
        disagreements(entries, labels, brief, report, "disagreements, merge alone")
        disagreements(entries, labels, with_synthesis, report)
    faithful(corpus, entries, report)
    corrupted(corpus, entries, report)
    return report


def lines(report: Report) -> Iterator[str]:
    for name, target in TARGETS.items():
        if name not in report.figures:
            continue
        value, detail = report.figures[name]
        verdict = "    " if not target else "PASS" if value >= target else "FAIL"
        yield f"{verdict}  {name:26} {value:6.3f}  (target >= {target})  {detail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="the corpus folder (default: %(default)s)"
    )
    parser.add_argument("--half", choices=["a", "b"], help="only the even (a) or odd (b) events")
    parser.add_argument(
        "--final", action="store_true", help="allow the untouched parts (benchmarks/parts.py): the end only"
    )
    parser.add_argument(
        "--write-prompts", type=Path, metavar="DIR", help="write the synthesis requests, then stop"
    )
    parser.add_argument(
        "--style",
        choices=["plain", "attributive", "terse", "titled", "all"],
        help="print every figure of EVALUATION.md for the briefings of this style (or all the part has)",
    )
    parser.add_argument(
        "--cluster",
        choices=["text"],
        default="text",
        help="how briefings are grouped into stories: by their words (the default grouping)",
    )
    args = parser.parse_args()
    missing = [name for name in ("labels.json", "articles", "briefings") if not (args.corpus / name).exists()]
    if missing:
        parser.error(f"{args.corpus} is not a corpus: it has no {', '.join(missing)}")
    reason = refused([args.corpus.resolve().name], args.final)
    if reason:
        parser.error(reason)
    if args.write_prompts and args.write_prompts.exists() and not args.write_prompts.is_dir():
        parser.error(f"--write-prompts {args.write_prompts}: not a folder")
    if args.style:
        from benchmarks.figures import print_figures

        return print_figures(args.corpus, args.style)
    if args.write_prompts:
        entries, labels = load(args.corpus, args.half)
        brief = grouping(entries, labels, Report())
        print(f"{write_prompts(brief, entries, args.write_prompts)} requests written to {args.write_prompts}")
        return 0
    report = evaluate(args.corpus, args.half)
    print("\n".join(lines(report)))
    print("\nmisses:")
    print("\n".join("  " + miss for miss in report.misses) or "  none")
    ok = all(value >= TARGETS[name] for name, (value, _) in report.figures.items())
    print("\nall targets met" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
