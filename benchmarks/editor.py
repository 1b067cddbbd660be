"""The brief as an editor reads it (issue #23): how long each story is, and what it repeats.

    python benchmarks/editor.py [--detail brief|full] [--show N] [--write PATH]

Builds one realistic brief from four corpora answered as a model answers: benchmarks/fresh-a (each
article in one of its four styles in turn, plain, attributive, terse, titled: outlets answered by
different models), benchmarks/corpus, benchmarks/heldout and benchmarks/heldout2 (their model-style
briefings). Every answer is checked against its article as a run checks it (grounding "strict": what
the article does not support is dropped), then merged and rendered, unchanged. The untouched parts
(benchmarks/parts.py) are read with --final only.

Prints, against the targets of issue #23:

- lines per story section of the default Markdown (from its "## N." heading to the next heading of
  that level, blank lines included): the biggest (target at most 40) and the median (at most 25);
- Who's who entries shown a story (at most 8), and places among them (0: a place only mentioned does
  not belong there);
- near-duplicate names left: two entries of one story's Who's who (every entity of the brief's JSON)
  that name one person or body, as this script judges it, independently of the merge (`same_name`);
- quotes shown a story (at most 4);
- key points that state one fact twice: two points of a story from different outlets that give the same
  telling figures (not a year or a small whole number) about the same subject (`same_fact`);
- the whole brief's length in lines, and the JSON's items (stories' key points, the other outlets'
  wordings joined into them, quotes, entities and the other spellings joined into them, timeline
  entries), which no cap may reduce: what is joined is kept inside what it joined.

Before issue #23 (main at f85ae38; the code of c64c125), 46 stories from 122 articles (4 stubs too
short to summarise): the brief 2,487 lines (full 2,754); story sections 25-78 lines, median 48.5;
Who's who up to 25 entries, 104 of them places; 8 near-duplicate names; up to 9 quotes a story; 13
facts stated twice. JSON: 560 key points, 128 quotes, 429 entities, 170 timeline entries.

After: the brief 1,539 lines (full 2,748); story sections 21-40 lines, median 25; Who's who at most 8,
no place; no near-duplicate name (the other spellings kept in `aliases`: 37); at most 3 quotes shown;
2 pairs of points judged one fact left (a day or a figure one gives and the other contradicts). JSON:
541 key points holding the 19 wordings joined into them (560), 128 quotes, 423 entities, 170 timeline
entries. The caps were set on these corpora: tuning figures, not held-out ones.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.parts import refused
from summarizer.grounding.check import ArticleFacts, apply_findings, check_briefing, inferred_dates
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Brief, Briefing, Checks, Failure, SourceRef, Usage
from summarizer.output.render import render_brief
from summarizer.sources.ingest import read_articles
from summarizer.text.normalize import content_words
from summarizer.text.numbers import figures, is_year

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("fresh-a", "corpus", "heldout", "heldout2")
STYLES = ("plain", "attributive", "terse", "titled")
TARGETS = {
    "biggest story": 40,
    "median story": 25,
    "who's who": 8,
    "places": 0,
    "near-duplicates": 0,
    "quotes": 4,
}


def answers(corpora: tuple[str, ...] = CORPORA) -> Iterator[tuple[Path, Path]]:
    """(article, answer) for every article of the corpora, a fresh part's in its styles in turn."""
    for corpus in corpora:
        folder = Path("benchmarks") / corpus
        for n, article in enumerate(sorted((folder / "articles").glob("*.md"))):
            style = STYLES[n % len(STYLES)] if (folder / "styles").is_dir() else "plain"
            base = folder / "briefings" if style == "plain" else folder / "styles" / style
            yield article, base / f"{article.stem}.json"


def checked(article_path: Path, answer_path: Path) -> ArticleBriefing | Failure:
    """The answer as a run keeps it, or the failure a run records (a stub too short to summarise)."""
    read = read_articles([article_path])
    if not read.articles:
        return read.failures[0]
    article = read.articles[0]
    data = json.loads(answer_path.read_text(encoding="utf-8"))
    if "event" not in Briefing.model_fields:
        data.pop("event", None)
    answer = Briefing.model_validate(data)
    facts = ArticleFacts.of_article(article)  # what the model was given, as a run checks it
    findings, count = check_briefing(answer, facts)
    kept = apply_findings(answer, findings, fallback_title=article.title) if findings else answer
    # Ids are the corpus's and the file's stem: two corpora may share a stem.
    ref = SourceRef.of(article).model_copy(update={"article_id": f"{article_path.parts[1]}/{article.id}"})
    return ArticleBriefing(
        ref=ref,
        briefing=kept,
        model="corpus",
        usage=Usage(),
        checks=Checks(policy="strict", checked=count, dropped=findings, inferred=inferred_dates(kept, facts)),
    )


def build(corpora: tuple[str, ...] = CORPORA) -> Brief:
    items = [checked(article, answer) for article, answer in answers(corpora)]
    return merge_briefings(
        [i for i in items if isinstance(i, ArticleBriefing)], [i for i in items if isinstance(i, Failure)]
    )


# --- the judge of names: written apart from the merge, to count what it leaves -----------------------

_SPELLED_OUT = {"us": "united states", "u s": "united states", "uk": "united kingdom", "un": "united nations"}


def _name_form(name: str) -> str:
    """A name as compared: ASCII, lower case, no punctuation or 'the', 'U.S.' read 'united states',
    a parenthesised acronym dropped."""
    text = anyascii(name).lower()
    text = re.sub(r"\([^)]*\)", " ", text).split(",")[0]
    text = re.sub(r"\b([a-z])\.\s*(?=[a-z]\.)", r"\1", text)  # 'u.s.' -> 'us.'
    text = re.sub(r"[^a-z0-9& ]+", " ", text)
    words = [w for w in text.split() if w != "the"]
    joined = " ".join(words)
    for short, long in _SPELLED_OUT.items():
        joined = re.sub(rf"\b{short}\b", long, joined)
    return joined


def _acronym(name: str) -> str | None:
    found = re.search(r"\(([A-Z][A-Za-z.]{1,8})\)", name)
    return found[1].replace(".", "").lower() if found else None


def same_name(a: str, b: str) -> bool:
    """Two names of one person or body: alike letter for letter once punctuation, 'the' and 'U.S.' are
    read alike (92 or more of rapidfuzz's 100), one an initial of the other's given name ('J. Powell',
    'Jerome Powell'), or one the acronym the other gives ('USGS', 'U.S. Geological Survey (USGS)')."""
    x, y = _name_form(a), _name_form(b)
    if not x or not y:
        return False
    if x == y or fuzz.ratio(x, y) >= 92:
        return True
    for one, other in ((a, b), (b, a)):
        acronym = _acronym(one)
        if acronym and _name_form(other).replace(" ", "") == acronym:
            return True
        initials = "".join(w[0] for w in _name_form(one).split() if w not in ("of", "and", "for"))
        if len(initials) >= 3 and _name_form(other).replace(" ", "") == initials:
            return True
    wx, wy = x.split(), y.split()
    if len(wx) == len(wy) >= 2 and wx[-1] == wy[-1]:
        return all(p == q or (p[0] == q[0] and 1 in (len(p), len(q))) for p, q in zip(wx, wy, strict=True))
    return False


def telling(text: str) -> frozenset[float]:
    """A statement's figures that tell one fact from another: not a year, not a whole number under 10."""
    return frozenset(v for v in figures(text, idiomatic=False) if not is_year(v) and (v >= 10 or v != int(v)))


def same_fact(a: tuple[str, list[str]], b: tuple[str, list[str]]) -> bool:
    """Two points from different outlets giving the same telling figures about one subject."""
    (ta, sa), (tb, sb) = a, b
    fa, fb = telling(ta), telling(tb)
    if set(sa) & set(sb) or not fa or fa != fb:
        return False
    wa, wb = content_words(ta), content_words(tb)
    return len(wa & wb) / len(wa | wb) >= 0.25


# --- the measures -----------------------------------------------------------------------------------


def story_sections(markdown: str) -> list[list[str]]:
    """Each story's lines, from its '## N.' heading up to the next '## '."""
    sections: list[list[str]] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = [] if re.match(r"## \d+\. ", line) else None
            if current is not None:
                sections.append(current)
        if current is not None:
            current.append(line)
    return sections


def listed(section: list[str], heading: str) -> list[str]:
    """The list items under one '### ' heading of a story's section ('- *...*' notes not counted)."""
    items, inside = [], False
    for line in section:
        if line.startswith("### "):
            inside = line == f"### {heading}"
        elif inside and line.startswith("- ") and not re.match(r"- \*[^*]", line):
            items.append(line)
    return items


def measure(brief: Brief, markdown: str) -> dict[str, object]:
    sections = story_sections(markdown)
    sizes = [len(s) for s in sections]
    who = [listed(s, "Who's who") for s in sections]
    shown_names = [[re.match(r"- \*\*(.+?)\*\*", line)[1] for line in entries] for entries in who]  # type: ignore[index]
    places = {e.name for story in brief.stories for e in story.entities if e.kind == "place"}
    dup_shown = sum(1 for names in shown_names for a, b in combinations(names, 2) if same_name(a, b))
    dup_all = [
        (a.name, b.name)
        for story in brief.stories
        for a, b in combinations(story.entities, 2)
        if same_name(a.name, b.name)
    ]
    facts = [
        (x.text, y.text)
        for story in brief.stories
        for x, y in combinations(story.key_points, 2)
        if same_fact((x.text, x.sources), (y.text, y.sources))
    ]
    quotes = [len(listed(s, "Quotes")) for s in sections]
    return {
        "stories": len(sections),
        "articles": len(brief.sources),
        "brief lines": len(markdown.splitlines()),
        "biggest story": max(sizes),
        "median story": statistics.median(sizes),
        "story sizes": sorted(sizes, reverse=True),
        "who's who": max(len(w) for w in who),
        "places": sum(1 for names in shown_names for n in names if n in places),
        "near-duplicates": dup_shown,
        "near-duplicates in the JSON": len(dup_all),
        "quotes": max(quotes),
        "same fact twice": len(facts),
        "json key points": sum(len(s.key_points) for s in brief.stories),
        "json wordings joined": sum(
            len(getattr(p, "restated", [])) for s in brief.stories for p in s.key_points
        ),
        "json quotes": sum(len(s.quotes) for s in brief.stories),
        "json entities": sum(len(s.entities) for s in brief.stories),
        "json other spellings": sum(
            len(getattr(e, "aliases", [])) for s in brief.stories for e in s.entities
        ),
        "json timeline": sum(len(s.timeline) for s in brief.stories),
        "_dups": dup_all,
        "_facts": facts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detail", default=None, help="render with this detail (default: the renderer's)")
    parser.add_argument("--show", type=int, default=0, help="print the N biggest story sections")
    parser.add_argument("--write", type=Path, help="write the default Markdown brief here")
    parser.add_argument("--misses", action="store_true", help="list the duplicates and repeated facts")
    parser.add_argument(
        "--corpus",
        action="append",
        help="a corpus folder of benchmarks/, instead of the four (repeat for more)",
    )
    parser.add_argument(
        "--final", action="store_true", help="allow the untouched parts (benchmarks/parts.py): the end only"
    )
    args = parser.parse_args()
    corpora = tuple(args.corpus or CORPORA)
    reason = refused(list(corpora), args.final)
    if reason:
        parser.error(reason)
    os.chdir(ROOT)
    brief = build(corpora)
    options = {"detail": args.detail} if args.detail else {}
    markdown = render_brief(brief, **options)  # type: ignore[arg-type]
    full = render_brief(brief, detail="full")
    if args.write:
        args.write.write_text(markdown, encoding="utf-8")
    found = measure(brief, markdown)
    print(f"{found['stories']} stories from {found['articles']} articles ({', '.join(corpora)})")
    for name, value in found.items():
        if name.startswith("_") or name in ("stories", "articles"):
            continue
        target = TARGETS.get(name)
        verdict = "" if target is None else ("  PASS" if float(value) <= target else "  FAIL")  # type: ignore[arg-type]
        print(f"  {name:30} {value}{'' if target is None else f' (target <= {target})'}{verdict}")
    print(f"  {'full brief lines':30} {len(full.splitlines())}")
    if args.misses:
        for a, b in found["_dups"]:  # type: ignore[attr-defined]
            print(f"  same name:  {a!r} / {b!r}")
        for a, b in found["_facts"]:  # type: ignore[attr-defined]
            print(f"  same fact:  {a!r}\n              {b!r}")
    for section in sorted(story_sections(markdown), key=len, reverse=True)[: args.show]:
        print("\n".join(section))
    return 0 if all(float(found[k]) <= t for k, t in TARGETS.items()) else 1  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
