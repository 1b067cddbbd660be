"""The articles of a run: read from its inputs, and those inside its date window kept."""

from __future__ import annotations

import asyncio
import os
import queue
import threading
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any

from ..config.settings import Settings
from ..errors import UsageError
from ..models import Article, Failure
from ..store import store_for
from .ingest import SUFFIXES, Ingested, aread_articles, iter_articles, read_articles
from .notes import Notes, collecting
from .paths import is_url

__all__ = ["Paths", "Selection", "select_articles"]

#: One input or several: files, folders, "-" for stdin, URLs of pages and feeds.
Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def select_articles(
    paths: Paths,
    settings: Settings,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
) -> tuple[Ingested, list[Article], list[Article]]:
    """What reading the inputs gave, the articles inside the settings' window, and those left out
    (outside the window, or undated with `settings.undated` "drop"). Paths in `exclude` (the run's own
    output) are not read."""
    paths = _listed(paths)
    ingested = read_articles(paths, fields=fields, exclude=exclude, **_fetching(settings, paths, feeds))
    return _select(ingested, settings, paths)


def _listed(paths: Paths) -> list[str | PathLike[str]]:
    """The inputs as a list: read once, and named again when they hold no article."""
    return [paths] if isinstance(paths, (str, PathLike)) else list(paths)


def _fetching(settings: Settings, paths: list[str | PathLike[str]], feeds: Paths) -> dict[str, Any]:
    """How a run reads its inputs: its fetch policy and window, the fetch records kept in its cache
    (no cache, no conditional requests), and whether links may lead out of a folder. The store is
    opened only when there is something to fetch: a run of files opens it once, for its briefings."""
    feed_lists = [feeds] if isinstance(feeds, (str, PathLike)) else list(feeds)
    fetches = bool(feed_lists) or any(is_url(os.fspath(path)) for path in paths)
    store = store_for(settings) if fetches else None
    return {
        "feeds": feed_lists,
        "fetch": settings.fetch,
        "store": store,
        "window": settings.window,
        "follow_symlinks": settings.follow_symlinks,
    }


def _select(
    ingested: Ingested, settings: Settings, paths: Sequence[str | PathLike[str]] = ()
) -> tuple[Ingested, list[Article], list[Article]]:
    _check_found(ingested, paths)
    kept = [article for article in ingested.articles if _keeps(settings, article)]
    left_out = [article for article in ingested.articles if not _keeps(settings, article)]
    return ingested, kept, left_out


def _check_found(ingested: Ingested, paths: Sequence[str | PathLike[str]]) -> None:
    if not ingested.articles and not ingested.failures and not ingested.feeds:
        # (A feed with nothing new in the window is not a mistake: an hourly run makes an empty brief.)
        names = ", ".join(os.fspath(path) for path in paths[:3]) + (", ..." if len(paths) > 3 else "")
        raise UsageError(
            f"no articles found in {names or 'the given paths'} (articles are "
            f"{' '.join(sorted(SUFFIXES))} files)"
        )


def _keeps(settings: Settings, article: Article) -> bool:
    if article.published is None:
        return settings.undated == "keep"
    return settings.window.keeps(article)


class Selection:
    """The articles of a run as they are read, so that the first request leaves before the last file
    is read (issue #24): `await start()`, then `async for article in articles()`; once they are all
    taken, `ingested`, `kept` and `left_out` are what select_articles would have returned.

    Files and stdin are read on a worker thread, up to READ_AHEAD articles ahead, so that a slow source (a
    pipe, a network drive) does not hold up the requests of the articles read before it. URLs and feeds
    are fetched first, all of them (their order is known only then).
    """

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        fields: Mapping[str, str] | None = None,
        exclude: Iterable[str | PathLike[str]] = (),
        feeds: Paths = (),
    ) -> None:
        self.paths, self.settings = _listed(paths), settings
        self.fields, self.exclude = fields, list(exclude)
        self.feeds = [feeds] if isinstance(feeds, (str, PathLike)) else list(feeds)
        self.ingested = Ingested()
        self.kept: list[Article] = []
        self.left_out: list[Article] = []
        self._items: AsyncIterator[Article | Failure] | None = None
        self._first: Article | None = None

    async def start(self) -> None:
        """Read up to the first article kept; a UsageError, before anything is sent, when the inputs
        hold no article (nor a failure, nor a feed)."""
        self._items = self._read()
        async for item in self._items:
            if self._take(item):
                self._first = item if isinstance(item, Article) else None
                return
        _check_found(self.ingested, self.paths)

    async def articles(self) -> AsyncIterator[Article]:
        """The articles kept, in input order, as they are read."""
        if self._items is None:
            await self.start()
        if self._first is not None:
            yield self._first
            self._first = None
        assert self._items is not None
        async for item in self._items:
            if self._take(item):
                assert isinstance(item, Article)
                yield item

    def _take(self, item: Article | Failure) -> bool:
        """Note `item`; whether it is an article to summarise."""
        if isinstance(item, Failure):
            self.ingested.failures.append(item)
            return False
        self.ingested.articles.append(item)
        if not _keeps(self.settings, item):
            self.left_out.append(item)
            return False
        self.kept.append(item)
        return True

    async def _read(self) -> AsyncIterator[Article | Failure]:
        if self.feeds or any(is_url(os.fspath(path)) for path in self.paths):
            # URLs: fetched together, then given in input order.
            fetching = _fetching(self.settings, self.paths, self.feeds)
            read = await aread_articles(self.paths, fields=self.fields, exclude=self.exclude, **fetching)
            self.ingested.feeds, self.ingested.notes = read.feeds, read.notes
            for failure in read.failures:
                yield failure
            for article in read.articles:
                yield article
            return
        reading = iter_articles(
            self.paths,
            fields=self.fields,
            exclude=self.exclude,
            follow_symlinks=self.settings.follow_symlinks,
        )
        async for item in _read_ahead(reading, self.ingested.notes):
            yield item


#: How many articles a run's reader may hold read before the run takes them: enough for a first wave
#: of requests to go out together (the slots), few enough that reading them while the SDK is imported
#: delays the first request by little (about 15 ms for 64 files).
READ_AHEAD = 64

_END = object()


async def _read_ahead(items: Iterator[Article | Failure], notes: Notes) -> AsyncIterator[Article | Failure]:
    """`items`, read on a thread of their own up to READ_AHEAD ahead: a slow source (a pipe, a network
    drive) holds up only the articles after it, and what is read is there at once, not a hand-over
    each (which spread a run's first wave out: it reached the server as a trickle)."""
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    held: queue.Queue[object] = queue.Queue(READ_AHEAD)
    stop = threading.Event()

    def put(item: object) -> None:
        while not stop.is_set():
            try:
                held.put(item, timeout=0.1)
            except queue.Full:
                continue
            loop.call_soon_threadsafe(ready.set)
            return

    def read() -> None:
        try:
            with collecting(notes):
                for item in items:
                    put(item)
                    if stop.is_set():
                        return
        except BaseException as error:  # raised where the articles are taken
            put(error)
        put(_END)

    threading.Thread(target=read, name="summarizer-reader", daemon=True).start()
    try:
        while True:
            try:
                item = held.get_nowait()
            except queue.Empty:
                ready.clear()
                if held.empty():  # set again, on this loop, after the next put
                    await ready.wait()
                continue
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, Article | Failure)
            yield item
    finally:
        stop.set()
