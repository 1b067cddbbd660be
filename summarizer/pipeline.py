"""Orchestration: read articles, summarise them concurrently, merge, render. The library's entry points."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import AsyncIterator, Coroutine, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from os import PathLike
from typing import Any, TypeVar

from .cache import store_for
from .embeddings import embed_briefings
from .engine import Engine, Unrecoverable, is_client, make_client
from .errors import UsageError
from .ingest import SUFFIXES, Ingested, aread_articles, read_articles
from .merge import merge_briefings
from .models import Article, Brief
from .paths import is_url
from .ratelimit import RateController
from .run import Gate, Progress, ProgressEvent, Run, Summaries
from .settings import Settings
from .sources import FeedReport
from .synthesis import synthesize_brief

__all__ = [
    "Progress",
    "ProgressEvent",
    "RunResult",
    "Summaries",
    "amake_brief",
    "aselect_articles",
    "asummarize",
    "make_brief",
    "run_sync",
    "select_articles",
    "summarize",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: An OpenAI client (openai.AsyncOpenAI or AsyncAzureOpenAI); typed loosely so that only the engine
#: imports the SDK.
Client = Any


@dataclass
class RunResult:
    brief: Brief
    summaries: Summaries
    articles: list[Article]
    #: Articles outside the date window, not summarised on purpose.
    left_out: list[Article] = field(default_factory=list)
    #: What each feed fetched from a URL held: entries, new since the last run, skipped, failed.
    feeds: list[FeedReport] = field(default_factory=list)
    #: What the user should know that is no failure of an article (embeddings that could not be had).
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every input became a briefing."""
        return not self.brief.failures


@asynccontextmanager
async def _run(
    settings: Settings, client: Client | None, progress: Progress | None, unrecoverable: Unrecoverable | None
) -> AsyncIterator[Run]:
    """A run against the caller's client, or against one made from the settings and closed at the end."""
    if client is not None and not is_client(client):
        raise UsageError(
            f"client must be an openai.AsyncOpenAI (or AsyncAzureOpenAI), not {type(client).__name__}"
        )
    own = client is None
    client = make_client(settings) if client is None else client
    try:
        limiter = RateController(settings.rpm, settings.tpm)
        gate = Gate(
            settings.concurrency, settings.max_run_tokens, limiter=limiter, deadline=settings.deadline
        )
        engine = Engine(client, settings, gate, unrecoverable=unrecoverable)
        store = store_for(settings)
        yield Run(engine, gate, settings, store=store, progress=progress)
    finally:
        if own:
            await client.close()


async def asummarize(
    articles: Sequence[Article],
    *,
    client: Client | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    unrecoverable: Unrecoverable | None = None,
) -> Summaries:
    """Summarise articles concurrently: at most `settings.concurrency` requests in flight.

    Every article ends as a briefing or a failure. A briefing is stored in the cache the moment it
    arrives, so an interrupted run resumes where it stopped; an article already cached costs nothing;
    the same text given twice costs one call. A rejected API key, a wrong endpoint, or the run's token
    budget stops new requests: the articles not yet sent are reported as not summarised, with the reason.

        >>> client = openai.AsyncAzureOpenAI(max_retries=0)  # doctest: +SKIP
        >>> summaries = await asummarize(read_articles("today/").articles, client=client)  # doctest: +SKIP
    """
    settings = settings or Settings()
    async with _run(settings, client, progress, unrecoverable) as run:
        _announce(progress, len(articles))
        return await run.summarize(articles, len(articles))


def summarize(
    articles: Sequence[Article],
    *,
    client: Client | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    unrecoverable: Unrecoverable | None = None,
) -> Summaries:
    """The synchronous form of `asummarize`; builds a client from `settings` when none is given.

    >>> summaries = summarize(read_articles("today/").articles)  # doctest: +SKIP
    >>> [b.briefing.headline for b in summaries.briefings]  # doctest: +SKIP
    """
    return run_sync(
        asummarize(articles, client=client, settings=settings, progress=progress, unrecoverable=unrecoverable)
    )


Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def make_brief(
    paths: Paths,
    *,
    settings: Settings | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    unrecoverable: Unrecoverable | None = None,
    feeds: Paths = (),
) -> RunResult:
    """Read the inputs, summarise every article, and merge the briefings into one brief.

    `paths` is one input or several: files, folders, "-" for stdin, or URLs of pages and feeds;
    `feeds` names files that list more URLs (OPML, or one URL a line). URLs are fetched as
    `settings.fetch` says (private addresses refused, robots.txt honoured), conditionally against the
    cache. Inputs that cannot be read or fetched and articles that cannot be summarised are listed in
    the brief's failures. `fields` maps article fields to a JSON export's names (see read_articles);
    paths in `exclude` (your own output) are not read. Articles outside `settings.window` are left
    out (a feed's entries outside it are not even fetched). With `settings.cluster="embeddings"` the
    stories are found by the endpoint's embeddings (summarizer.embeddings), else by text; a fall back
    to text is said in `warnings`.
    Works from a running event loop too (Jupyter): the run has a loop of its own.

        >>> result = make_brief("today/", settings=Settings(concurrency=16))  # doctest: +SKIP
        >>> result.complete, len(result.brief.stories)  # doctest: +SKIP
    """
    coroutine = amake_brief(
        paths,
        settings=settings,
        client=client,
        progress=progress,
        fields=fields,
        exclude=exclude,
        unrecoverable=unrecoverable,
        feeds=feeds,
    )
    return run_sync(coroutine)


async def amake_brief(
    paths: Paths,
    *,
    settings: Settings | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    unrecoverable: Unrecoverable | None = None,
    feeds: Paths = (),
) -> RunResult:
    """The asynchronous form of `make_brief`: `await amake_brief("today/", client=my_client)`. URLs
    are fetched on the caller's event loop."""
    settings = settings or Settings()
    if client is None:
        settings.key()  # fail before reading anything
    ingested, articles, left_out = await aselect_articles(paths, settings, fields, exclude, feeds)
    async with _run(settings, client, progress, unrecoverable) as run:
        _announce(progress, len(articles))
        summaries = await run.summarize(articles, len(articles))
        failures = [*ingested.failures, *summaries.failures]
        embedded = None
        if settings.cluster == "embeddings" and not summaries.stopped:
            embedded = await embed_briefings(summaries.briefings, run)
            summaries.spent = run.gate.spent
            if embedded.stop is not None:
                # A rejected key stops the run here as it would have stopped the summaries: the brief
                # is still written (grouped by text), and the exit status says the run stopped.
                run.gate.stop(embedded.stop)
                summaries.stopped, summaries.stop_code = embedded.stop.message, embedded.stop.exit_code
        brief = merge_briefings(
            summaries.briefings, failures, embeddings=embedded.vectors if embedded is not None else None
        )
        if embedded is not None:
            brief = brief.model_copy(update={"usage": brief.usage + embedded.usage})
        if settings.synthesize and not summaries.stopped:
            headlines = {item.ref.article_id: item.briefing.headline for item in summaries.briefings}
            brief = await synthesize_brief(brief, headlines, run)
            summaries.spent = run.gate.spent
    if settings.prices is not None:
        brief = brief.model_copy(update={"cost": round(settings.prices.cost(brief.usage), 6)})
    warnings = [embedded.warning] if embedded is not None and embedded.warning else []
    return RunResult(
        brief=brief,
        summaries=summaries,
        articles=articles,
        left_out=left_out,
        feeds=ingested.feeds,
        warnings=warnings,
    )


def _announce(progress: Progress | None, total: int) -> None:
    """Tell a progress display with a `start(total)` (the command line's bar) how many articles the run
    has, so that it shows 0/N before the first answer."""
    start = getattr(progress, "start", None)
    if callable(start):
        start(total)


def select_articles(
    paths: Paths,
    settings: Settings,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
) -> tuple[Ingested, list[Article], list[Article]]:
    """What reading the inputs gave, the articles inside the settings' window, and those left out.
    Paths in `exclude` (the run's own output) are not read."""
    paths = _listed(paths)
    ingested = read_articles(paths, fields=fields, exclude=exclude, **_fetching(settings, paths, feeds))
    return _select(ingested, settings, paths)


async def aselect_articles(
    paths: Paths,
    settings: Settings,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
) -> tuple[Ingested, list[Article], list[Article]]:
    """select_articles on the caller's event loop (URLs are fetched there)."""
    paths = _listed(paths)
    ingested = await aread_articles(
        paths, fields=fields, exclude=exclude, **_fetching(settings, paths, feeds)
    )
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
    if not ingested.articles and not ingested.failures and not ingested.feeds:
        # (A feed with nothing new in the window is not a mistake: an hourly run makes an empty brief.)
        names = ", ".join(os.fspath(path) for path in paths[:3]) + (", ..." if len(paths) > 3 else "")
        raise UsageError(
            f"no articles found in {names or 'the given paths'} (articles are "
            f"{' '.join(sorted(SUFFIXES))} files)"
        )
    window = settings.window
    kept = [article for article in ingested.articles if window.keeps(article)]
    left_out = [article for article in ingested.articles if not window.keeps(article)]
    return ingested, kept, left_out


# --- the synchronous facade ----------------------------------------------------------------------------

_portal_lock = threading.Lock()
_portal_loop: asyncio.AbstractEventLoop | None = None


def _portal() -> asyncio.AbstractEventLoop:
    """One event loop on a thread of its own, for every synchronous call of this process.

    One loop, not a new one per call: a client given to make_brief twice keeps working (its connections
    belong to the loop that opened them), and a caller that already runs a loop (Jupyter) can still call
    the synchronous API.
    """
    global _portal_loop
    with _portal_lock:
        if _portal_loop is None or _portal_loop.is_closed():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="summarizer-loop", daemon=True).start()
            _portal_loop = loop
        return _portal_loop


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` to its end on the portal loop; Ctrl-C cancels it there and is raised here."""
    future = asyncio.run_coroutine_threadsafe(coroutine, _portal())
    try:
        return future.result()
    except BaseException:
        if future.done():
            raise
        # Ctrl-C (or SIGTERM turned into one) in this thread: stop the run's requests, let its
        # cancellation finish (clients closed, nothing half-written), then let the caller see it.
        future.cancel()
        with suppress(BaseException):
            future.result(timeout=10)
        raise
