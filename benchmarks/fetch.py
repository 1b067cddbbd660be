"""Live sources: a cold run over several feeds, then the hourly rerun that finds nothing changed.

    python benchmarks/fetch.py [SITES] [ENTRIES]      # default 4 sites, 25 entries each

Each site is the test tooling's local news site on its own loopback address (127.0.0.1, .2, ...): one
RSS feed whose entries hold only a teaser, so every entry's page is fetched from its link. Pages answer
after 50 ms and carry an ETag. The default FetchPolicy is used (16 at once, 2 per host, 0.25 s between
a host's requests), with private addresses allowed. Prints, for each run: wall time, requests sent,
bytes downloaded, articles read.
"""

from __future__ import annotations

import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.config.settings import FetchPolicy
from summarizer.sources.ingest import read_articles
from summarizer.store import FileStore
from summarizer.web.fetch import Fetcher
from tests.webserver import NewsSite


def main() -> None:
    sites, entries = (int(arg) for arg in (sys.argv[1:] + ["4", "25"][len(sys.argv) - 1 :])[:2])
    policy = FetchPolicy(allow_private=True)
    counts: list[tuple[int, int]] = []
    original = Fetcher.aclose

    async def counting_close(self: Fetcher) -> None:  # note what each run's fetcher did
        counts.append((self.requests, self.downloaded))
        await original(self)

    Fetcher.aclose = counting_close  # type: ignore[method-assign]
    now = datetime.now(UTC)
    with ExitStack() as stack, tempfile.TemporaryDirectory() as cache:
        feeds = []
        for number in range(sites):
            site = stack.enter_context(NewsSite(f"127.0.0.{number + 1}"))
            first = number * entries
            feeds.append(site.feed("/feed.xml", [(i, now, False) for i in range(first, first + entries)]))
            site.routes["/feed.xml"].etag = '"feed"'
            for index in range(first, first + entries):
                site.page(f"/news/{index}", index, delay=0.05, etag=f'"{index}"')
        store = FileStore(cache)
        for label in ("cold", "hourly rerun"):
            started = time.perf_counter()
            result = read_articles(feeds, fetch=policy, store=store)
            elapsed = time.perf_counter() - started
            requests, downloaded = counts[-1]
            print(
                f"{label:>13}: {elapsed:5.2f} s, {requests} requests, {downloaded / 1e3:7.1f} kB downloaded, "
                f"{len(result.articles)} articles, {len(result.failures)} failures"
            )


if __name__ == "__main__":
    main()
