"""How well a merged story's headline and summary represent what its outlets report in common.

    python benchmarks/headlines.py [--corpus benchmarks/fresh-a] [--style plain]

For each story of several outlets:
- words in common: the share of its headline's and summary's content words that each other outlet's
  briefing (headline, summary, key points) also uses, averaged over those outlets; beside it, the best
  and the worst any one member's headline and summary would score;
- the lead: what most outlets' headlines give a figure of (the dead, by the statement reader), and
  whether the story's headline gives it too; for a toll, whether it gives the highest of the latest day's.
Printed per story and in all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaluate import briefing_of, load
from benchmarks.figures import in_style
from summarizer.disagree import TOLLS, read_statement
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing
from summarizer.text.normalize import content_words


def share(headline: str, summary: str, source: str, members: list[ArticleBriefing]) -> float:
    own = content_words(f"{headline} {summary}")
    others = [m for m in members if m.ref.source != source]
    if not own or not others:
        return 0.0
    total = 0.0
    for other in others:
        b = other.briefing
        total += len(own & content_words(" ".join([b.headline, b.summary, *b.key_points]))) / len(own)
    return total / len(others)


def lead(headline: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for (measure, _), values in read_statement("", headline, {}).measures.items():
        found[measure] = max(found.get(measure, 0.0), *values)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("benchmarks/fresh-a"))
    parser.add_argument("--style", default="plain")
    args = parser.parse_args()
    entries, _ = load(args.corpus, None)
    if args.style != "plain":
        entries = in_style(entries, args.corpus, args.style)
    items = [ArticleBriefing(ref=e.ref(), briefing=briefing_of(e.briefing), model="corpus") for e in entries]
    by_id = {i.ref.article_id: i for i in items}
    scores, best_count, stories = [], 0, 0
    led, with_lead, tolls, latest = 0, 0, 0, 0
    for story in merge_briefings(items).stories:
        if len({ref.source for ref in story.sources}) < 2:
            continue
        members = [by_id[ref.article_id] for ref in story.sources]
        chosen_source = next(m.ref.source for m in members if m.briefing.headline == story.headline)
        chosen = share(story.headline, story.summary, chosen_source, members)
        each = [share(m.briefing.headline, m.briefing.summary, m.ref.source, members) for m in members]
        stories += 1
        scores.append(chosen)
        best_count += chosen >= max(each) - 1e-9
        outlets = {m.ref.source for m in members}
        given: dict[str, set[str]] = {}
        for m in members:
            for measure in lead(m.briefing.headline):
                given.setdefault(measure, set()).add(m.ref.source)
        most = {measure for measure, said in given.items() if len(said) * 2 > len(outlets)}
        mine = lead(story.headline)
        note = ""
        if most:
            with_lead += 1
            led += most <= mine.keys()
            note = f"  [most lead with {sorted(most)}: {'yes' if most <= mine.keys() else 'NO'}]"
            if most & TOLLS and members[0].ref.published:
                day = max(m.ref.published.date() for m in members if m.ref.published)
                top = max(
                    (lead(m.briefing.headline).get(t, 0.0) for m in members for t in most & TOLLS
                     if m.ref.published and m.ref.published.date() == day),
                    default=0.0,
                )  # fmt: skip
                tolls += 1
                ok = max((mine.get(t, 0.0) for t in most & TOLLS), default=0.0) >= top
                latest += ok
                note += f" [latest day's toll {top:g}: {'yes' if ok else 'NO'}]"
        print(f"{chosen:.2f} (best {max(each):.2f}, worst {min(each):.2f})  {story.headline}{note}")
    print(
        f"{args.corpus.name} {args.style}: {stories} stories of several outlets, "
        f"mean {sum(scores) / stories:.3f}, headed by their best-scoring briefing {best_count}/{stories}; "
        f"leading with what most outlets lead with {led}/{with_lead}; a toll's latest day's {latest}/{tolls}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
