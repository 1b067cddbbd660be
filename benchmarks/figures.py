"""Every figure of shared EVALUATION.md on one corpus part, per model style and per language.

    python benchmarks/evaluate.py --corpus benchmarks/fresh-a --style all [--cluster text]

The part's folders: `briefings/` (the plain style), `styles/<style>/` (attributive, terse, titled),
`planted/<id>.json` with `<id>.errors.json` (three planted mistakes per article), `labels.json` with
`events`, `disagreements` and `not_disagreements`. Printed, with the part named:

- faithful items dropped (of the items checked) and faithful articles re-asked, per style and language:
  a run re-asks every answer with at least one finding, and each re-ask is paid for. A quote the part's
  check.py lists as a deliberate slip (SLIPS) is rightly dropped: it counts as caught, not as a drop;
  an article whose only finding is such a slip is counted apart;
- planted errors that reach the brief, per kind: the planted copy is checked as a run checks it (the
  "strict" policy; the one re-ask is taken to return the same answer, so what is still unsupported is
  dropped), merged with every other article's checked faithful briefing, and a leak is the error's
  `wrong` string in an item of the brief credited to that article's outlet (a point, a quote, an entity
  or a timeline entry it is a source of, a "Reports differ" version it gives, the story's headline or
  summary when they are its briefing's). A `wrong` string that the brief shows, credited to that
  outlet, with the faithful briefing in its place says nothing of the check: listed, not counted;
- pairwise precision and recall of the grouping against the labelled events, per style (`--cluster
  text`: the TF-IDF grouping; pairs across languages counted apart);
- labelled disagreements that "Reports differ" shows (the merge alone, on the briefings as written),
  and the disagreements it shows that are false alarms: those a `not_disagreements` label names, and
  those no label names at all, listed for a human to judge.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.evaluate import (
    Entry,
    Report,
    briefing_of,
    grouping,
    in_reports_differ,
    load,
    matches,
    side_by_side,
    slips,
)
from summarizer.grounding.check import apply_findings, check_briefing, inferred_dates
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Brief, Checks, Disagreement, Finding
from summarizer.text.normalize import fold

STYLES = ("plain", "attributive", "terse", "titled")
KINDS = (
    "figure_swapped",
    "figure_misremembered",
    "quote_drifted",
    "quote_misattributed",
    "date_unsupported",
    "name_invented",
)


def folder(corpus: Path, style: str) -> Path:
    return corpus / "briefings" if style == "plain" else corpus / "styles" / style


def styles_of(corpus: Path) -> list[str]:
    return [style for style in STYLES if folder(corpus, style).is_dir()]


def in_style(entries: list[Entry], corpus: Path, style: str) -> list[Entry]:
    """The part's articles with the briefings of one style."""
    return [
        Entry(e.id, e.meta, e.text, json.loads((folder(corpus, style) / f"{e.id}.json").read_text("utf-8")))
        for e in entries
    ]


def checked(entry: Entry, data: dict[str, Any]) -> tuple[ArticleBriefing, list[Finding], int]:
    """The briefing as a run under the strict policy leaves it (summarize_article), the re-ask taken to
    return the same answer: what its check finds is dropped, except what it keeps and marks (`kept`:
    a quote the article attributes to no one named), which is flagged. The findings returned are the
    dropped ones."""
    facts = entry.facts()
    briefing = briefing_of(data)
    findings, count = check_briefing(briefing, facts)
    dropped = [f for f in findings if not f.kept]
    if dropped:
        briefing = apply_findings(briefing, dropped, fallback_title=entry.meta.get("title"))
    checks = Checks(
        policy="strict",
        checked=count,
        # A date alone is taken out without asking again (grounding/workflow.py).
        reasked=any(f.kind != "date" for f in dropped),
        dropped=dropped,
        flagged=[f for f in findings if f.kept],
        inferred=inferred_dates(briefing, facts),
    )
    item = ArticleBriefing(ref=entry.ref(), briefing=briefing, model="corpus", checks=checks)
    return item, dropped, count


@dataclass
class Tally:
    """Faithful items checked and dropped, and articles re-asked, for one style and language."""

    articles: int = 0
    checked: int = 0
    dropped: int = 0
    reasked: int = 0
    reasked_for_slip: int = 0
    caught_slips: int = 0
    #: Items kept and marked unverified: a quote the article attributes to no one named.
    marked: int = 0
    #: Timeline dates the article does not give, taken out while their entries stay: not items dropped,
    #: and not asked again for.
    undated: int = 0

    def line(self) -> str:
        share = self.dropped / self.checked if self.checked else 0.0
        slip = f" (+{self.reasked_for_slip} for a deliberate slip only)" if self.reasked_for_slip else ""
        return (
            f"{self.dropped:3}/{self.checked:<4} dropped ({share:5.1%})   "
            f"{self.reasked:2}/{self.articles:<2} articles re-asked{slip}   {self.marked} kept and marked   "
            f"{self.undated} dates taken out"
        )


@dataclass
class Figures:
    """What one command prints: each table's lines, then what a human should look at."""

    tables: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    #: The figures as numbers, for tests/test_evaluation.py: 'plain dropped', 'leaked figure_swapped', ...
    counts: dict[str, float] = field(default_factory=dict)


def _slip_texts(corpus: Path, entries: list[Entry]) -> set[tuple[str, str]]:
    """(article, quote text) of each deliberate slip: the same words in any style are the same slip."""
    by_id = {e.id: e for e in entries}
    found = set()
    for article, where in slips(corpus):
        index = int(where[len("quotes[") : -1])
        found.add((article, by_id[article].briefing["quotes"][index]["text"]))
    return found


def faithful(corpus: Path, entries: list[Entry], styles: list[str], figures: Figures) -> None:
    slipped = _slip_texts(corpus, entries)
    langs = sorted({e.meta.get("lang", "?") for e in entries})
    figures.tables.append("faithful items dropped, and faithful articles re-asked")
    for style in styles:
        tallies: dict[str, Tally] = defaultdict(Tally)
        for entry in in_style(entries, corpus, style):
            item, findings, count = checked(entry, entry.briefing)
            quotes = entry.briefing["quotes"]
            slip = [
                f
                for f in findings
                if f.kind == "quote" and (entry.id, quotes[int(f.where[7:-1])]["text"]) in slipped
            ]
            undated = [f for f in findings if f not in slip and f.kind == "date"]
            real = [f for f in findings if f not in slip and f.kind != "date"]
            for key in ("all", entry.meta.get("lang", "?")):
                tally = tallies[key]
                tally.articles += 1
                tally.checked += count
                tally.dropped += len(real)
                tally.undated += len(undated)
                tally.caught_slips += len(slip)
                tally.reasked += bool(real)
                tally.reasked_for_slip += bool(slip) and not real
                tally.marked += len(item.checks.flagged)
            for finding in undated:
                figures.details.append(
                    f"date taken out ({style}): {entry.id} {finding.where} {finding.item[:70]!r}: "
                    f"{finding.reason}"
                )
            for finding in item.checks.flagged:
                figures.details.append(
                    f"kept and marked ({style}): {entry.id} {finding.where} {finding.item[:70]!r}: "
                    f"{finding.reason}"
                )
            for finding in real:
                figures.details.append(
                    f"dropped ({style}): {entry.id} {finding.where} {finding.kind} "
                    f"{finding.item[:70]!r}: {finding.reason}"
                )
        figures.counts[f"{style} dropped"] = tallies["all"].dropped
        figures.counts[f"{style} re-asked"] = tallies["all"].reasked
        figures.counts[f"{style} marked"] = tallies["all"].marked
        figures.counts[f"{style} dates taken out"] = tallies["all"].undated
        for key in ["all", *langs] if len(langs) > 1 else ["all"]:
            figures.tables.append(f"  {style:12} {key:4} {tallies[key].line()}")


# --- planted errors -----------------------------------------------------------------------------------


#: Which items of the brief an error in a field can reach: a point's wording is also what "Reports
#: differ" quotes; a quote's speaker counts only on that quote.
REACHES = {
    "headline": ("headline", "summary", "key point", "what next", "reports differ"),
    "summary": ("headline", "summary", "key point", "what next", "reports differ"),
    "key_points": ("headline", "summary", "key point", "what next", "reports differ"),
    "what_next": ("key point", "what next", "reports differ"),
    "timeline": ("timeline", "reports differ"),
    "quotes.text": ("quote", "reports differ"),
    "quotes.speaker": ("speaker",),
    "entities": ("entity",),
}


def credited(brief: Brief, item: ArticleBriefing) -> Iterator[tuple[str, str, str]]:
    """(kind, text, quotation) of every item of the brief credited to the article's outlet, in its
    story; the quotation is a quote's words, for its speaker."""
    source, own = item.ref.source, item.briefing
    for story in brief.stories:
        if item.ref.article_id not in {ref.article_id for ref in story.sources}:
            continue
        if story.headline == own.headline:
            yield "headline", story.headline, ""
        if story.summary == own.summary:
            yield "summary", story.summary, ""
        for name, points in (("key point", story.key_points), ("what next", story.what_next)):
            yield from ((name, p.text, "") for p in points if source in p.sources)
        for q in story.quotes:
            if source in q.sources:
                yield "quote", q.text, q.text
                yield "speaker", q.speaker, q.text
        yield from (("entity", f"{e.name} | {e.role}", "") for e in story.entities if source in e.sources)
        yield from (
            ("timeline", f"{e.when} | {e.date} | {e.event}", "")
            for e in story.timeline
            if source in e.sources
        )
        for d in story.disagreements:
            yield from (
                ("reports differ", f"{r.value} | {r.text}", "") for r in d.reports if source in r.sources
            )


def _standing(error: dict[str, Any], data: dict[str, Any], brief: Brief, item: ArticleBriefing) -> str | None:
    """Where the error's `wrong` string stands in the brief, in an item credited to the article's outlet
    that its field can reach; None if nowhere. `data` is the answer the error was planted in."""
    root = error["field"].split("[")[0].split(".")[0]
    # event.*: the brief shows no event field, so its error is looked for everywhere.
    reaches = REACHES.get(root) or REACHES.get(re.sub(r"\[\d+\]", "", error["field"]))
    wrong = fold(error["wrong"])
    quoted = ""
    if root == "quotes":
        quoted = fold(data["quotes"][int(error["field"][7:].split("]")[0])]["text"])
    for kind, text, quotation in credited(brief, item):
        if (reaches is not None and kind not in reaches) or wrong not in fold(text):
            continue
        if kind == "speaker" and not (quoted in fold(quotation) or fold(quotation) in quoted):
            continue  # the name speaks another quote of the article
        return kind
    return None


def planted(corpus: Path, entries: list[Entry], figures: Figures) -> None:
    folder = corpus / "planted"
    if not folder.is_dir():
        figures.tables.append("planted errors: this part has none (no planted/ folder)")
        return
    faithful_items = {e.id: checked(e, e.briefing)[0] for e in entries}
    baseline = merge_briefings(faithful_items.values())
    leaked: dict[str, list[bool]] = defaultdict(list)
    unseen: Counter[str] = Counter()
    for entry in entries:
        path = folder / f"{entry.id}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text("utf-8"))
        item, findings, _ = checked(entry, data)
        brief = merge_briefings([item, *(v for k, v in faithful_items.items() if k != entry.id)])
        caught = {f.where for f in findings}
        for error in json.loads((folder / f"{entry.id}.errors.json").read_text("utf-8")):
            kind, where, wrong = error["kind"], error["field"], error["wrong"]
            if (already := _standing(error, data, baseline, faithful_items[entry.id])) is not None:
                figures.details.append(
                    f"not measurable: {kind} {entry.id} {where} {wrong!r} stands in the brief of the "
                    f"faithful briefing too ({already})"
                )
                continue
            if where.startswith("event."):
                unseen[kind] += 1  # the brief shows no event field: it can reach it only by grouping
            found = _standing(error, data, brief, item)
            leaked[kind].append(found is not None)
            if found is not None:
                flagged = " (flagged there, yet it stands)" if where.split(".")[0] in caught else ""
                figures.details.append(
                    f"leaked: {kind} {entry.id} {where} {wrong!r} in the brief's {found}{flagged}"
                )
    total = [hit for hits in leaked.values() for hit in hits]
    figures.counts["planted errors counted"] = len(total)
    figures.tables.append(
        "planted errors that reach the brief (plain planted copies; strict policy, the re-ask returning "
        "the same answer)"
    )
    for kind in [*KINDS, *sorted(set(leaked) - set(KINDS))]:
        hits = leaked.get(kind, [])
        figures.counts[f"leaked {kind}"] = sum(hits)
        note = f"   ({unseen[kind]} in event.*, a field the brief does not show)" if unseen[kind] else ""
        figures.tables.append(f"  {kind:22} {sum(hits):3}/{len(hits):<3} leaked{note}")
    figures.tables.append(
        f"  {'all':22} {sum(total):3}/{len(total):<3} leaked ({sum(total) / max(len(total), 1):.1%})"
    )


# --- grouping and "Reports differ" --------------------------------------------------------------------


def _grouped(entries: list[Entry], labels: dict[str, Any]) -> tuple[Brief, Report, str]:
    report = Report()
    brief = grouping(entries, labels, report)
    story_of = {ref.article_id: n for n, story in enumerate(brief.stories) for ref in story.sources}
    event_of = {a: e["id"] for e in labels["events"] for a in e["articles"]}
    lang = {e.id: e.meta.get("lang", "?") for e in entries}
    across = [(a, b) for a, b in combinations(sorted(event_of), 2) if event_of[a] == event_of[b]]
    across = [(a, b) for a, b in across if lang[a] != lang[b]]
    together = sum(story_of[a] == story_of[b] for a, b in across)
    return brief, report, f"{together}/{len(across)} across languages"


def _label_name(label: dict[str, Any]) -> str:
    return f"{label['event']}: {label.get('fact') or label.get('what')}"


def _shown_as(d: Disagreement) -> str:
    about = f"{d.about}: " if d.about else ""
    return about + " vs ".join(f"{r.value} {r.sources}" for r in d.reports)


def _wordings(case: dict[str, Any], n: int) -> dict[str, str]:
    """One outlet's wording of the quote per article, or SystemExit naming the label that is not so."""
    if not isinstance(case.get("articles"), dict):
        raise SystemExit(
            f"labels.json: hard_cases.same_quote_differently_worded_across_outlets[{n}].articles must map "
            "each article id to that article's wording of the quote (as in benchmarks/fresh-b)"
        )
    wordings: dict[str, str] = case["articles"]
    return wordings


def grouped_and_differ(corpus: Path, entries: list[Entry], labels: dict[str, Any], styles: list[str],
                       figures: Figures) -> None:  # fmt: skip
    source_of = {e.id: e.meta["source"] for e in entries}
    labelled = [d for d in labels["disagreements"] if not d.get("note", "").startswith("same person")]
    in_briefings = [d for d in labelled if d.get("in_briefings", True)]
    not_labels = labels.get("not_disagreements", [])
    worded = labels.get("hard_cases", {}).get("same_quote_differently_worded_across_outlets", [])
    quotes = [
        {"values": {a: w for a, w in _wordings(case, n).items() if a in source_of}}
        for n, case in enumerate(worded)
    ]
    grouping_lines, differ_lines = [], []
    for style in styles:
        brief, report, across = _grouped(in_style(entries, corpus, style), labels)
        (precision, p_detail), (recall, r_detail) = (
            report.figures["grouping precision"],
            report.figures["grouping recall"],
        )
        stories = r_detail.split("; ", 1)[1]
        grouping_lines.append(
            f"  {style:12} precision {precision:.3f} ({p_detail.split(' ')[0]})   recall {recall:.3f} "
            f"({r_detail.split(' ')[0]}; {across})   {stories}"
        )
        figures.details += [f"grouping ({style}): {m}" for m in report.misses]
        every = in_reports_differ(brief)
        visible = side_by_side(brief)
        hits = [d for d in labelled if any(matches(d, x, source_of, strict=True) for x in visible)]
        # A disagreement that shows a labelled one is no false alarm, whatever else it matches.
        false_alarms = [
            (d, next(n for n in not_labels if matches(n, d, source_of, strict=True)))
            for d in every
            if any(matches(n, d, source_of, strict=True) for n in not_labels)
            and not any(matches(x, d, source_of, strict=True) for x in labelled)
        ]
        unnamed = [
            d
            for d in every
            if not any(matches(x, d, source_of, strict=True) for x in [*labelled, *not_labels, *quotes])
        ]
        for d in visible:
            for x in labelled:
                if matches(x, d, source_of, strict=True):
                    figures.details.append(f"shown ({style}): {_label_name(x)} as {_shown_as(d)}")
        figures.counts[f"{style} grouping precision"] = precision
        figures.counts[f"{style} grouping recall"] = recall
        figures.counts[f"{style} labelled shown"] = len(hits)
        figures.counts[f"{style} false alarms"] = len(false_alarms) + len(unnamed)
        differ_lines.append(
            f"  {style:12} {len(hits):2}/{len(labelled)} labelled shown "
            f"({sum(d in hits for d in in_briefings)}/{len(in_briefings)} of those in the briefings)   "
            f"{len(every):2} shown: {len(false_alarms)} a not_disagreements label names, "
            f"{len(unnamed)} no label names"
        )
        for d in labelled:
            if d not in hits:
                where = "" if d.get("in_briefings", True) else " (not in the briefings)"
                figures.details.append(f"not shown ({style}): {_label_name(d)}{where}")
        for d, label in false_alarms:
            figures.details.append(
                f"false alarm ({style}): {_shown_as(d)}  [not_disagreements: {_label_name(label)}]"
            )
        for d in unnamed:
            figures.details.append(f"unlabelled, for a human to judge ({style}): {_shown_as(d)}")
    figures.tables.append("grouping against the labelled events (--cluster text), pairwise")
    figures.tables += grouping_lines
    figures.tables.append("'Reports differ' (the merge alone)")
    figures.tables += differ_lines


def measure(corpus: Path, styles: list[str]) -> Figures:
    entries, labels = load(corpus, None)
    figures = Figures()
    langs = Counter(e.meta.get("lang", "?") for e in entries)
    figures.tables.append(
        f"corpus part: {corpus.name} ({len(entries)} articles, {len(labels['events'])} events; "
        + ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items()))
        + f"); styles: {', '.join(styles)}"
    )
    faithful(corpus, entries, styles, figures)
    planted(corpus, entries, figures)
    grouped_and_differ(corpus, entries, labels, styles, figures)
    return figures


def print_figures(corpus: Path, style: str) -> int:
    styles = styles_of(corpus) if style == "all" else [style]
    missing = [s for s in styles if not folder(corpus, s).is_dir()]
    if missing or not styles:
        raise SystemExit(f"{corpus} has no briefings in the style {', '.join(missing) or style}")
    figures = measure(corpus, styles)
    print("\n".join(figures.tables))
    print("\nfor a human to look at:")
    print("\n".join("  " + line for line in figures.details) or "  nothing")
    return 0
