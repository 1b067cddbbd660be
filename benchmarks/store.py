"""The answer stores side by side, and the cost of building batch files.

    python benchmarks/store.py [N]        # default N = 20,000 briefings

For the file store and the SQLite store: N puts from one process, N gets, `count()` (what `cache info`
runs), and N puts shared by 4 processes at once (nothing may be lost). Then `batch_lines` for N/10
synthetic articles (the request bodies of a batch submit) and their size. Prints one line per measure.
"""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import Settings
from summarizer.batch import batch_lines
from summarizer.models import ArticleBriefing, Briefing, SourceRef
from summarizer.sources.ingest import read_articles
from summarizer.store import open_store
from tests.synthetic import write_articles

BRIEFING = ArticleBriefing(
    ref=SourceRef(article_id="0" * 16, source="Gazette", origin="day/00.md"),
    briefing=Briefing(
        headline="The Aldmoor council voted to close the library",
        summary="The council voted 7 to 2 on Tuesday to close the Brackenford library. " * 3,
        key_points=[f"Point {n}: the council said the building would be sold by March." for n in range(5)],
        entities=[],
        quotes=[],
        timeline=[],
        what_next=["A public meeting will be held next month."],
        topics=["local news"],
    ),
    model="gpt-6-luna",
)


def key(n: int) -> str:
    return f"{n:064x}"


def _writer(url: str, start: int, count: int) -> None:
    store = open_store(url)
    for n in range(start, start + count):
        store.put(key(n), BRIEFING)


def measure(url: str, n: int) -> None:
    store = open_store(url)
    began = time.perf_counter()
    for i in range(n):
        store.put(key(i), BRIEFING)
    put = time.perf_counter() - began
    began = time.perf_counter()
    for i in range(n):
        assert store.get(key(i), ArticleBriefing) is not None
    get = time.perf_counter() - began
    began = time.perf_counter()
    entries, size = open_store(url).count()
    count = time.perf_counter() - began
    assert entries == n
    store.clear()
    context = multiprocessing.get_context("spawn")
    began = time.perf_counter()
    workers = [context.Process(target=_writer, args=(url, w * n, n // 4)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    shared = time.perf_counter() - began
    kept = open_store(url).count()[0]
    scheme = url.split(":", 1)[0]
    print(
        f"{scheme:6} {n:,} puts {n / put:,.0f}/s, gets {n / get:,.0f}/s, count {count * 1000:.1f} ms "
        f"({size / 1e6:.1f} MB); 4 processes x {n // 4:,} puts {shared:.1f} s, {kept:,}/{n // 4 * 4:,} kept"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        measure(f"file:{tmp}/files", n)
        measure(f"sqlite:{tmp}/cache.db", n)
        write_articles(Path(tmp) / "day", n // 10)
        articles = read_articles([Path(tmp) / "day"]).articles
        began = time.perf_counter()
        lines = list(batch_lines(Settings(cache_dir=None), articles))
        took = time.perf_counter() - began
        size = sum(len(line.encode()) + 1 for *_, line in lines)
        print(
            f"batch_lines {len(lines):,} articles {took:.2f} s ({len(lines) / took:,.0f}/s), "
            f"{size / 1e6:.1f} MB, {size / len(lines) / 1e3:.1f} kB a line: "
            f"{200e6 / (size / len(lines)):,.0f} lines fit 200 MB"
        )


if __name__ == "__main__":
    main()
