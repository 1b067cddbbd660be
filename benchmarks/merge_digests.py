"""Digests of every merged brief the benchmarks make: a change to the merge must leave its output alone.

    python benchmarks/merge_digests.py --write /tmp/merge-digests.json   # before the change
    python benchmarks/merge_digests.py --check /tmp/merge-digests.json   # after it: exit 1 on a difference

For each tuning corpus of benchmarks/ (benchmarks/parts.py's TUNING) and each model style it has
(`briefings/`, `styles/<style>/`), the briefings are merged twice: as written, and as a run under the
strict policy leaves them after the grounding check (benchmarks/figures.py's `checked`). Then the
generated briefings of benchmarks/merge.py (300, 1,000 and 10,000) are merged as written. Every merged
brief is rendered as JSON and as Markdown at `--detail brief` and `--detail full`, and the SHA-256 of
each rendering is printed and written or compared. `--only NAME` keeps the cases whose name holds NAME;
`--save DIR` also writes each rendering there, to diff when a digest differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaluate import Entry, briefing_of, load
from benchmarks.figures import checked, in_style, styles_of
from benchmarks.merge import generate
from benchmarks.parts import TUNING
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Brief
from summarizer.output.render import render_brief

HERE = Path(__file__).resolve().parent
CORPORA = TUNING
SIZES = (300, 1_000, 10_000)
RENDERINGS: dict[str, Callable[[Brief], str]] = {
    "json": lambda brief: render_brief(brief, "json"),
    "markdown-brief": lambda brief: render_brief(brief, "markdown", detail="brief"),
    "markdown-full": lambda brief: render_brief(brief, "markdown", detail="full"),
}


def cases() -> Iterator[tuple[str, Callable[[], list[ArticleBriefing]]]]:
    """Each case's name and how to make its briefings."""
    for name in CORPORA:
        corpus = HERE / name
        entries, _ = load(corpus, None)
        for style in ["plain", *(s for s in styles_of(corpus) if s != "plain")]:
            styled = entries if style == "plain" else in_style(entries, corpus, style)

            def written(styled: list[Entry] = styled) -> list[ArticleBriefing]:
                return [
                    ArticleBriefing(ref=e.ref(), briefing=briefing_of(e.briefing), model="corpus")
                    for e in styled
                ]

            def grounded(styled: list[Entry] = styled) -> list[ArticleBriefing]:
                return [checked(e, e.briefing)[0] for e in styled]

            yield f"{name}/{style}/written", written
            yield f"{name}/{style}/grounded", grounded
    for size in SIZES:
        yield f"generated/{size}", lambda size=size: generate(size)[0]


def digests(only: str | None, save: Path | None = None) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, make in cases():
        if only and only not in name:
            continue
        brief = merge_briefings(make())
        for rendering, render in RENDERINGS.items():
            key = f"{name}/{rendering}"
            text = render(brief)
            found[key] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if save:
                path = save / key
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            print(f"{found[key][:16]}  {key}", flush=True)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the digests to this file")
    action.add_argument("--check", type=Path, help="compare the digests with this file's")
    parser.add_argument("--only", help="only the cases whose name holds this")
    parser.add_argument("--save", type=Path, help="also write each rendering under this folder")
    args = parser.parse_args()
    found = digests(args.only, args.save)
    if args.write:
        args.write.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(found)} digests written to {args.write}")
        return 0
    expected = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [key for key, value in found.items() if expected.get(key) != value]
    for key in differ:
        print(f"DIFFERS: {key}")
    print(f"{len(found) - len(differ)} of {len(found)} digests the same" + ("" if differ else ": identical"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
