"""Orchestration: read articles, summarise them concurrently, merge, render. The library's entry points."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import openai

from .cache import BriefingCache
from .errors import ArticleError, UsageError
from .ingest import read_articles
from .llm import Gate, LLMSettings, redact, summarize_article
from .merge import merge_briefings
from .models import Article, ArticleBriefing, Brief, Failure, SourceRef, Usage
from .synthesis import synthesize_brief

__all__ = [
    "Prices",
    "Progress",
    "ProgressEvent",
    "RunResult",
    "Settings",
    "Summaries",
    "Window",
    "amake_brief",
    "asummarize",
    "cut_article",
    "make_brief",
    "make_client",
    "summarize",
]

logger = logging.getLogger(__name__)

#: Characters per token when estimating an article's length (no tokenizer is downloaded at run time).
CHARS_PER_TOKEN = 4


@dataclass(frozen=True)
class Prices:
    """Dollars per million tokens. Only what the user configures: summarizer never guesses a price."""

    input: float
    output: float
    cached_input: float | None = None

    def cost(self, usage: Usage) -> float:
        cached = usage.cached_prompt_tokens
        cached_price = self.input if self.cached_input is None else self.cached_input
        return (
            (usage.prompt_tokens - cached) * self.input
            + cached * cached_price
            + usage.completion_tokens * self.output
        ) / 1_000_000


@dataclass(frozen=True)
class Settings:
    """How to reach the model, how hard to push it, and what a run may spend."""

    llm: LLMSettings = field(default_factory=LLMSettings)
    #: Requests in flight at once (backoff sleeps hold none).
    concurrency: int = 8
    base_url: str | None = None
    timeout: float = 120.0
    api_key: str | None = field(default=None, repr=False)
    #: Where briefings are stored as they arrive; None: no cache.
    cache_dir: Path | None = None
    #: Longer articles are cut to about this many tokens (the brief says so); None: no cap.
    max_article_tokens: int | None = 12_000
    #: Once this run has spent this many tokens, no new request is sent; None: no budget.
    max_run_tokens: int | None = None
    prices: Prices | None = None
    #: One more call per story reported by two outlets or more, to write its headline and summary.
    synthesize: bool = False


@dataclass(frozen=True)
class ProgressEvent:
    """What the pipeline tells a progress callback: an article finished, came from the cache, failed,
    or is being retried; with the run's totals so far."""

    status: Literal["done", "cached", "failed", "retry"]
    article: Article
    total: int
    detail: str = ""
    briefing: ArticleBriefing | None = None
    spent: Usage = field(default_factory=Usage)


Progress = Callable[[ProgressEvent], None]


@dataclass
class Summaries:
    """Every article's outcome, in input order: a briefing or a failure."""

    briefings: list[ArticleBriefing] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: Why the run stopped before every article was tried (a rejected API key), else None.
    stopped: str | None = None
    #: What this run itself spent (cached briefings cost nothing now).
    spent: Usage = field(default_factory=Usage)
    cached: int = 0


@dataclass(frozen=True)
class Window:
    """Articles published before `since` or after `until` are left out (those without a date are kept)."""

    since: datetime | None = None
    until: datetime | None = None

    def keeps(self, article: Article) -> bool:
        published = article.published
        if published is None:
            return True
        if published.tzinfo is not None:
            published = published.astimezone(UTC).replace(tzinfo=None)
        return (self.since is None or published >= self.since) and (
            self.until is None or published <= self.until
        )


@dataclass
class RunResult:
    brief: Brief
    summaries: Summaries
    articles: list[Article]
    #: Articles outside the date window, not summarised on purpose.
    left_out: list[Article] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every input became a briefing."""
        return not self.brief.failures


def make_client(settings: Settings) -> openai.AsyncOpenAI:
    """An AsyncOpenAI client with the SDK's own retries off (tenacity retries, in llm.py).

    The key comes from `settings.api_key` or OPENAI_API_KEY; the endpoint from `settings.base_url` or
    OPENAI_BASE_URL.
    """
    return openai.AsyncOpenAI(
        api_key=_require_key(settings),
        base_url=settings.base_url or os.environ.get("OPENAI_BASE_URL") or None,
        max_retries=0,
        timeout=settings.timeout,
    )


def _require_key(settings: Settings) -> str:
    api_key = settings.api_key or os.environ.get("OPENAI_API_KEY")
    if not api_key:
        raise UsageError(
            "no API key: set OPENAI_API_KEY (and OPENAI_BASE_URL for another endpoint), "
            "or replay a recorded run with --cassette FILE"
        )
    return api_key


def cut_article(article: Article, max_tokens: int | None) -> tuple[Article, int | None]:
    """The article cut to about `max_tokens` at a paragraph or sentence end, and the cap when it was cut."""
    if max_tokens is None or len(article.text) <= max_tokens * CHARS_PER_TOKEN:
        return article, None
    limit = max_tokens * CHARS_PER_TOKEN
    head = article.text[:limit]
    ends = [head.rfind("\n"), *(m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019]?\s", head))]
    cut = max(ends)
    text = head[:cut].rstrip() if cut > limit // 2 else head.rstrip()
    return article.model_copy(update={"text": text}), max_tokens


async def asummarize(
    articles: Sequence[Article],
    *,
    client: openai.AsyncOpenAI,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """Summarise articles concurrently: at most `settings.concurrency` requests in flight.

    Every article ends as a briefing or a failure. A briefing is stored in the cache the moment it
    arrives, so an interrupted run resumes where it stopped; an article already cached costs nothing;
    the same text given twice costs one call. A rejected API key, or the run's token budget, stops new
    requests: the articles not yet sent are reported as not summarised, with the reason.

        >>> client = openai.AsyncAzureOpenAI(max_retries=0)  # doctest: +SKIP
        >>> summaries = await asummarize(read_articles(["today/"]).articles, client=client)  # doctest: +SKIP
    """
    settings = settings or Settings()
    gate = Gate(settings.concurrency, settings.max_run_tokens)
    store = BriefingCache(settings.cache_dir) if settings.cache_dir is not None else None
    total = len(articles)
    cached = 0

    def report(
        status: Literal["done", "cached", "failed", "retry"],
        article: Article,
        detail: str = "",
        briefing: ArticleBriefing | None = None,
    ) -> None:
        if progress is not None:
            progress(ProgressEvent(status, article, total, detail, briefing, gate.spent))

    def on_retry(article: Article, reason: str, delay: float) -> None:
        report("retry", article, f"{reason}, retrying in {delay:.1f}s")

    async def one(article: Article) -> ArticleBriefing | Failure:
        nonlocal cached
        sent, cut_at = cut_article(article, settings.max_article_tokens)
        found = store.get(sent, settings.llm) if store is not None else None
        if found is not None:
            cached += 1
            report("cached", article, briefing=found)
            return found
        try:
            result = await summarize_article(client, sent, settings.llm, on_retry=on_retry, gate=gate)
        except ArticleError as error:
            if error.fatal:
                gate.stop(error.message)
            failure = _failure(article, error.kind, error.message)
            logger.warning("article %s failed: %s", article.origin, failure.reason)
            report("failed", article, failure.reason)
            return failure
        if cut_at is not None:
            result = result.model_copy(update={"cut_at_tokens": cut_at})
        if store is not None:
            store.put(sent, settings.llm, result)
        report("done", article, briefing=result)
        return result

    # The same text is asked for once; its copies wait for the first and take its answer.
    first: dict[str, asyncio.Future[ArticleBriefing | Failure]] = {}

    async def once(article: Article) -> ArticleBriefing | Failure:
        if article.id not in first:
            first[article.id] = asyncio.get_running_loop().create_future()
            outcome = await one(article)
            first[article.id].set_result(outcome)
            return outcome
        outcome = await first[article.id]
        if isinstance(outcome, Failure):
            return outcome.model_copy(update={"origin": article.origin, "source": article.source})
        duplicate = outcome.model_copy(update={"ref": SourceRef.of(article)})
        report("cached", article, "the same text as another input", duplicate)
        return duplicate

    # A bounded pool of workers, not a task per article: an article's prompt is built only when a
    # worker takes it, so memory does not grow with the number waiting. Four per request slot, so that
    # articles asleep in a backoff do not leave the slots idle.
    outcomes: list[ArticleBriefing | Failure | None] = [None] * len(articles)
    queue = iter(enumerate(articles))

    async def worker() -> None:
        for index, article in queue:
            outcomes[index] = await once(article)

    workers = min(len(articles), max(32, 4 * settings.concurrency))
    await asyncio.gather(*(worker() for _ in range(workers)))
    summaries = Summaries(stopped=gate.stopped, spent=gate.spent, cached=cached)
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            summaries.failures.append(outcome)
        elif outcome is not None:
            summaries.briefings.append(outcome)
    return summaries


def summarize(
    articles: Sequence[Article],
    *,
    client: openai.AsyncOpenAI | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """The synchronous form of `asummarize`; builds a client from `settings` when none is given.

    >>> summaries = summarize(read_articles(["today/"]).articles, settings=Settings())  # doctest: +SKIP
    >>> [b.briefing.headline for b in summaries.briefings]  # doctest: +SKIP
    """
    settings = settings or Settings()

    async def run() -> Summaries:
        async with _client(client, settings) as own:
            return await asummarize(articles, client=own, settings=settings, progress=progress)

    return asyncio.run(run())


def make_brief(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    client: openai.AsyncOpenAI | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    window: Window | None = None,
) -> RunResult:
    """Read the inputs, summarise every article, and merge the briefings into one brief.

    Inputs that cannot be read and articles that cannot be summarised are listed in the brief's failures.
    `fields` maps article fields to a JSON export's names (see read_articles); `window` leaves out
    articles published outside it.

        >>> result = make_brief(["today/"], settings=Settings(concurrency=16))  # doctest: +SKIP
        >>> result.complete, len(result.brief.stories)  # doctest: +SKIP
    """
    return asyncio.run(
        amake_brief(paths, settings=settings, client=client, progress=progress, fields=fields, window=window)
    )


async def amake_brief(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    client: openai.AsyncOpenAI | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    window: Window | None = None,
) -> RunResult:
    """The asynchronous form of `make_brief`: `await amake_brief(["today/"], client=my_client)`."""
    settings = settings or Settings()
    if client is None:
        _require_key(settings)  # fail before reading anything
    ingested = read_articles(paths, fields=fields)
    if not ingested.articles and not ingested.failures:
        raise UsageError("no articles found in the given paths")
    window = window or Window()
    left_out = [article for article in ingested.articles if not window.keeps(article)]
    ingested.articles = [article for article in ingested.articles if window.keeps(article)]
    async with _client(client, settings) as own:
        summaries = await asummarize(ingested.articles, client=own, settings=settings, progress=progress)
        brief = merge_briefings(summaries.briefings, [*ingested.failures, *summaries.failures])
        if settings.synthesize and not summaries.stopped:
            brief = await _synthesize(brief, ingested.articles, summaries, own, settings)
    if settings.prices is not None:
        brief = brief.model_copy(update={"cost": round(settings.prices.cost(brief.usage), 6)})
    return RunResult(brief=brief, summaries=summaries, articles=ingested.articles, left_out=left_out)


async def _synthesize(
    brief: Brief,
    articles: list[Article],
    summaries: Summaries,
    client: openai.AsyncOpenAI,
    settings: Settings,
) -> Brief:
    left = None if settings.max_run_tokens is None else settings.max_run_tokens - summaries.spent.total_tokens
    gate = Gate(settings.concurrency, max(0, left) if left is not None else None)
    store = BriefingCache(settings.cache_dir) if settings.cache_dir is not None else None
    texts = {article.id: cut_article(article, settings.max_article_tokens)[0].text for article in articles}
    headlines = {item.ref.article_id: item.briefing.headline for item in summaries.briefings}
    synthesized = await synthesize_brief(
        brief, texts, headlines, client=client, settings=settings.llm, gate=gate, store=store
    )
    summaries.spent = summaries.spent + gate.spent
    return synthesized


@asynccontextmanager
async def _client(client: openai.AsyncOpenAI | None, settings: Settings) -> AsyncIterator[openai.AsyncOpenAI]:
    """The caller's client, or one made here and closed when done."""
    if client is not None:
        yield client
        return
    async with make_client(settings) as own:
        yield own


def _failure(article: Article, kind: str, reason: str) -> Failure:
    return Failure(
        origin=article.origin, source=article.source, article_id=article.id, kind=kind, reason=redact(reason)
    )
