"""Orchestration: read articles, summarise them concurrently, merge, render. The library's entry points."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import openai

from .errors import ArticleError, UsageError
from .ingest import read_articles
from .llm import LLMSettings, redact, summarize_article
from .merge import merge_briefings
from .models import Article, ArticleBriefing, Brief, Failure

__all__ = [
    "Progress",
    "ProgressEvent",
    "RunResult",
    "Settings",
    "Summaries",
    "asummarize",
    "make_brief",
    "make_client",
    "summarize",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """How to reach the model and how hard to push it."""

    llm: LLMSettings = field(default_factory=LLMSettings)
    concurrency: int = 8
    base_url: str | None = None
    timeout: float = 120.0
    api_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ProgressEvent:
    """What the pipeline tells a progress callback: an article finished, failed, or is being retried."""

    status: Literal["done", "failed", "retry"]
    article: Article
    total: int
    detail: str = ""
    briefing: ArticleBriefing | None = None


Progress = Callable[[ProgressEvent], None]


@dataclass
class Summaries:
    """Every article's outcome: a briefing or a failure, in input order."""

    briefings: list[ArticleBriefing] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: Why the run stopped before every article was tried (a rejected API key), else None.
    stopped: str | None = None


@dataclass
class RunResult:
    brief: Brief
    summaries: Summaries
    articles: list[Article]

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


async def asummarize(
    articles: Sequence[Article],
    *,
    client: openai.AsyncOpenAI,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """Summarise articles concurrently (at most `settings.concurrency` requests in flight).

    Every article ends as a briefing or a failure. A rejected API key stops the run: the articles not
    yet sent are reported as not summarised, with the reason.
    """
    settings = settings or Settings()
    gate = asyncio.Semaphore(max(1, settings.concurrency))
    total = len(articles)
    stop: list[str] = []

    def report(event: ProgressEvent) -> None:
        if progress is not None:
            progress(event)

    def on_retry(article: Article, reason: str, delay: float) -> None:
        report(ProgressEvent("retry", article, total, f"{reason}, retrying in {delay:.1f}s"))

    async def one(article: Article) -> ArticleBriefing | Failure:
        async with gate:
            if stop:
                failure = _failure(article, "not summarised", f"the run stopped: {stop[0]}")
                report(ProgressEvent("failed", article, total, failure.reason))
                return failure
            try:
                result = await summarize_article(client, article, settings.llm, on_retry=on_retry)
            except ArticleError as error:
                if error.fatal and not stop:
                    stop.append(error.message)
                failure = _failure(article, error.kind, error.message)
                logger.warning("article %s failed: %s", article.origin, failure.reason)
                report(ProgressEvent("failed", article, total, failure.reason))
                return failure
        report(ProgressEvent("done", article, total, briefing=result))
        return result

    outcomes = await asyncio.gather(*(one(article) for article in articles))
    summaries = Summaries(stopped=stop[0] if stop else None)
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            summaries.failures.append(outcome)
        else:
            summaries.briefings.append(outcome)
    return summaries


def summarize(
    articles: Sequence[Article],
    *,
    client: openai.AsyncOpenAI | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """The synchronous form of `asummarize`; builds a client from `settings` when none is given."""
    settings = settings or Settings()
    return asyncio.run(_summarize_owning_client(articles, client, settings, progress))


async def _summarize_owning_client(
    articles: Sequence[Article],
    client: openai.AsyncOpenAI | None,
    settings: Settings,
    progress: Progress | None,
) -> Summaries:
    """Summarise with the caller's client, or with one made here and closed when done."""
    if client is not None:
        return await asummarize(articles, client=client, settings=settings, progress=progress)
    async with make_client(settings) as own:
        return await asummarize(articles, client=own, settings=settings, progress=progress)


def make_brief(
    paths: Iterable[str | Path],
    *,
    settings: Settings | None = None,
    client: openai.AsyncOpenAI | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Read the inputs, summarise every article, and merge the briefings into one brief.

    Inputs that cannot be read and articles that cannot be summarised are listed in the brief's failures.
    """
    settings = settings or Settings()
    if client is None:
        _require_key(settings)  # fail before reading anything
    ingested = read_articles(paths)
    if not ingested.articles and not ingested.failures:
        raise UsageError("no articles found in the given paths")
    summaries = asyncio.run(_summarize_owning_client(ingested.articles, client, settings, progress))
    brief = merge_briefings(summaries.briefings, [*ingested.failures, *summaries.failures])
    return RunResult(brief=brief, summaries=summaries, articles=ingested.articles)


def _failure(article: Article, kind: str, reason: str) -> Failure:
    return Failure(
        origin=article.origin, source=article.source, article_id=article.id, kind=kind, reason=redact(reason)
    )
