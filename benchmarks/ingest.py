"""Reading a large JSON-lines export: time and peak memory, streamed (iter_articles) and kept (read_articles).

    python benchmarks/ingest.py [LINES]      # default 200,000

Generates LINES records of about 800 characters each (distinct texts, a title, a source, a date) into a
temporary file, then reads it in a fresh process per way of reading, so that each peak is its own:
`iter_articles`, counting the articles without keeping them, and `read_articles`, which keeps them all.
Peak memory is the process's maximum resident set (getrusage) less what it held before reading, so the
interpreter and the imported libraries are left out.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PARAGRAPH = (
    "The council of Aldmoor{n} approved the new bridge on Tuesday after a two-hour debate, and the "
    "works will start in spring. The mayor said the crossing would cost {cost} million and be paid for "
    "from the regional fund; opponents said the money would be better spent on the town's schools, "
    "whose roofs have leaked for three winters. A local shop owner said trade had fallen by a third "
    "since the old bridge closed, and that customers from the far bank had stopped coming at all. "
    "The council will publish the full budget at its meeting next month, officials said on Tuesday."
)


def generate(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            record = {
                "title": f"Aldmoor{n} approves the new bridge",
                "source": f"Gazette {n % 7}",
                "published": "2025-08-06T10:00:00Z",
                "text": PARAGRAPH.format(n=n, cost=n % 90 + 2),
            }
            out.write(json.dumps(record) + "\n")


def measure(how: str, path: Path) -> None:
    """In the child process: read the file one way and print seconds, articles and peak MiB."""
    from summarizer.models import Article
    from summarizer.sources.ingest import iter_articles, read_articles

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if how == "iter_articles":
        count = sum(1 for item in iter_articles(path) if isinstance(item, Article))
    else:
        count = len(read_articles(path).articles)
    seconds = time.perf_counter() - start
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024  # KiB on Linux
    print(f"{how:14} {count:>9,} articles  {seconds:6.1f} s  {count / seconds:8,.0f}/s  +{peak:7,.1f} MiB")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        measure(sys.argv[2], Path(sys.argv[3]))
        return
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.jsonl"
        generate(path, lines)
        print(f"{lines:,} lines, {path.stat().st_size / 2**20:,.0f} MiB")
        for how in ("iter_articles", "read_articles"):
            subprocess.run([sys.executable, __file__, "--child", how, str(path)], check=True)


if __name__ == "__main__":
    main()
