"""One run: the gate every request passes, the store, progress, and each article taken from input to a
briefing or a failure."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config.settings import Settings
from ..errors import ArticleError, DeadlinePassed, RunStopped, redact
from ..llm.ratelimit import RateController
from ..llm.schema import fingerprint
from ..models import Article, ArticleBriefing, Briefing, Failure, SourceRef, Usage
from ..store import LEASE_SECONDS, Leases, Store, answer_key, store_for
from .cut import CHARS_PER_TOKEN, cut_article
from .gate import Gate
from .progress import Progress, ProgressEvent, Status, announce

if TYPE_CHECKING:
    from ..llm.client import Client
    from ..llm.engine import Engine
    from ..llm.transport import HTTPTransport

__all__ = [
    "CHARS_PER_TOKEN",
    "Progress",
    "ProgressEvent",
    "Run",
    "Summaries",
    "announce",
    "cut_article",
    "failure_of",
    "open_run",
]

logger = logging.getLogger(__name__)


#: When the checks are imported on a thread, in seconds after the run's first article is sent: after
#: its first requests are written (10-30 ms), before their answers come (the endpoint's latency).
CHECKS_AFTER = 0.03


#: How often a run waiting for another run's answer looks for it in the store (seconds).
LEASE_POLL = 0.2


@dataclass
class Summaries:
    """Every article's outcome, in input order: a briefing or a failure."""

    briefings: list[ArticleBriefing] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: Why the run stopped before every article was tried (a rejected key, a wrong endpoint), else None.
    stopped: str | None = None
    #: The error that stopped it (AccessDenied, EndpointError, ...): the command line's exit status.
    stop_error: ArticleError | None = None
    #: What this run itself spent, every request included (cached briefings cost nothing now).
    spent: Usage = field(default_factory=Usage)
    cached: int = 0
    #: Briefings this run asked the model to correct for ungrounded items (one re-ask each).
    reasked: int = 0
    #: Why answers could not be stored, when the cache could not be written.
    unstored: str | None = None
    #: The answers that could not be stored one by one (the store took the others), each with why.
    unstored_entries: list[str] = field(default_factory=list)


class Run:
    """One run's shared state: the engine and its gate, the store, progress, and the texts sent.

    Every article ends as a briefing or a failure. A briefing is stored the moment it arrives, so an
    interrupted run resumes where it stopped; an article already stored costs nothing; the same text
    given twice costs one call.
    """

    def __init__(
        self,
        engine: Engine | None,
        gate: Gate,
        settings: Settings,
        *,
        connect: Callable[[], Engine] | None = None,
        store: Store | None = None,
        progress: Progress | None = None,
    ) -> None:
        if engine is None and connect is None:
            raise ValueError("give the run's engine, or how to make it")
        self._engine, self._connect = engine, connect
        self.gate, self.settings = gate, settings
        self._fingerprint: str | None = None
        self.store, self.progress = store, progress
        #: How many articles the run has; None while they are still being read.
        self.total: int | None = 0
        #: Progress reports held while the articles are still being read (report's arguments).
        self._untold: list[tuple[Status, Article, str, ArticleBriefing | None]] = []
        self.cached = 0
        self.reasked = 0
        #: The text each article was summarised from (cut to the cap), by article id: what a
        #: synthesis is checked against. Kept only when the run will synthesise.
        self.sent: dict[str, str] = {}
        self._first: dict[str, asyncio.Future[ArticleBriefing | Failure]] = {}
        #: A store several runs share claims each answer while it is asked for (cache.Leases): two
        #: runs on one store then pay once for it. The keys this run holds, renewed while it runs.
        self._leases = store if isinstance(store, Leases) else None
        self._held: set[str] = set()
        self._warming = False

    @property
    def engine(self) -> Engine:
        """The run's engine, made (`connect`) when the first request is to be sent: a run whose every
        answer is in the store never imports the OpenAI SDK (a third of a warm rerun's time)."""
        if self._engine is None:
            assert self._connect is not None
            self._engine = self._connect()
        return self._engine

    def _warm_checks(self) -> None:
        """Import the grounding checks on a thread once the first requests are out: they compile
        hundreds of patterns on import, and on the event loop with the first answer they held every
        request due meanwhile (the stall after a rate-limited run's first wave, issue #24). Not
        before the first request is written: the thread would share its CPU."""
        if self._warming:
            return
        self._warming = True

        def start() -> None:
            threading.Thread(target=_import_checks, name="summarizer-checks", daemon=True).start()

        asyncio.get_running_loop().call_later(CHECKS_AFTER, start)

    def _counted(self, total: int) -> None:
        """Every article is read: `total` of them. The progress hears it, then what it was not told."""
        if self.total is not None:
            return
        self.total = total
        announce(self.progress, total)
        untold, self._untold = self._untold, []
        for report in untold:
            self.report(*report)

    def report(
        self,
        status: Status,
        article: Article,
        detail: str = "",
        briefing: ArticleBriefing | None = None,
    ) -> None:
        if self.progress is None:
            return
        if self.total is None:  # told once the articles are counted
            self._untold.append((status, article, detail, briefing))
            return
        limiter = self.gate.limiter
        # Shown once the limit has held a request back (a 429, or a wait for its turn), not
        # while the pace is only known: a run under its limit is not slowed by it.
        paced = limiter is not None and (limiter.throttled or limiter.delayed)
        pacing = limiter.pacing if limiter is not None and paced else None
        event = ProgressEvent(status, article, self.total, detail, briefing, self.gate.spent, pacing)
        self.progress(event)

    async def summarize(
        self, articles: Iterable[Article] | AsyncIterable[Article], total: int | None = None
    ) -> Summaries:
        """Every article's outcome, in input order, from a bounded pool of workers.

        `articles` may be read as the run goes (an async iterable: the first request leaves before the
        last file is read); with no `total`, the run counts them, announces the total once they are
        all read, and holds its progress reports until then (each says how many there are)."""
        self.total = total
        # A bounded pool of workers, not a task per article: an article's prompt is built only when a
        # worker takes it, so memory does not grow with the number waiting. Four per request slot, so
        # that articles asleep in a backoff do not leave the slots idle.
        outcomes: list[ArticleBriefing | Failure | None] = []
        source = _each(articles)
        taking = asyncio.Lock()  # one worker at a time asks the source for the next article
        ended = False

        async def take() -> tuple[int, Article] | None:
            nonlocal ended
            async with taking:
                if ended:
                    return None
                try:
                    article = await anext(source)
                except StopAsyncIteration:
                    ended = True
                    self._counted(len(outcomes))
                    return None
                except BaseException:
                    ended = True
                    raise
                outcomes.append(None)
                return len(outcomes) - 1, article

        async def worker() -> None:
            while (taken := await take()) is not None:
                index, article = taken
                outcomes[index] = await self.once(article)

        workers = max(32, 4 * self.settings.concurrency)
        if total is not None:
            workers = min(total, workers)
        renewing = asyncio.create_task(self._renew()) if self._leases is not None else None
        try:
            await asyncio.gather(*(worker() for _ in range(workers)))
        finally:
            if renewing is not None:
                renewing.cancel()
        stopped = self.gate.stopped
        summaries = Summaries(
            stopped=stopped.message if stopped is not None else None,
            stop_error=stopped,
            spent=self.gate.spent,
            cached=self.cached,
            reasked=self.reasked,
            unstored=getattr(self.store, "unwritable", None),
            unstored_entries=list(getattr(self.store, "skipped", [])),
        )
        for outcome in outcomes:
            if isinstance(outcome, Failure):
                summaries.failures.append(outcome)
            elif outcome is not None:
                summaries.briefings.append(outcome)
        return summaries

    async def once(self, article: Article) -> ArticleBriefing | Failure:
        """The article's outcome; a copy of a text already asked for waits for it and takes its answer."""
        if article.id not in self._first:
            self._first[article.id] = asyncio.get_running_loop().create_future()
            outcome = await self.article(article)
            self._first[article.id].set_result(outcome)
            return outcome
        outcome = await self._first[article.id]
        if isinstance(outcome, Failure):
            return outcome.model_copy(update={"origin": article.origin, "source": article.source})
        duplicate = outcome.model_copy(update={"ref": SourceRef.of(article)})
        self.report("cached", article, "the same text as another input", duplicate)
        return duplicate

    def key(self, article: Article) -> str:
        if self._fingerprint is None:  # what the engine's would be, without making it
            self._fingerprint = fingerprint(self.settings, Briefing)
        return answer_key("article", article.text, self._fingerprint, self.settings.grounding)

    async def article(self, article: Article) -> ArticleBriefing | Failure:
        sent, cut_at = cut_article(article, self.settings.max_article_tokens)
        if self.settings.synthesize:
            self.sent[article.id] = sent.text
        key = self.key(sent)
        found = self.store.get(key, ArticleBriefing) if self.store is not None else None
        if found is not None:
            self.cached += 1
            # The same text may come from another path or outlet this time: cite it as given now.
            found = found.model_copy(update={"ref": SourceRef.of(article)})
            self.report("cached", article, briefing=found)
            return found

        def retried(reason: str, delay: float) -> None:
            self.report("retry", article, f"{reason}, retrying in {delay:.1f}s")

        try:
            answered = await self._claim(key)
            if answered is not None:  # another run on the same store asked for it meanwhile
                self.cached += 1
                answered = answered.model_copy(update={"ref": SourceRef.of(article)})
                self.report("cached", article, "answered by another run on the same store", answered)
                return answered
            # The workflow with the first article to be sent (and its checks, their patterns compiled
            # on import, with the first answer): a rerun whose every answer is in the store imports
            # neither (a fifth of its time, issue #24).
            from ..grounding.workflow import summarize_article

            self._warm_checks()
            result = await summarize_article(self.engine, sent, on_retry=retried)
        except ArticleError as error:
            self._release(key)  # another run may try it
            if error.fatal:
                self.gate.stop(error)
            failure = failure_of(article, error)
            logger.warning("article %s failed: %s", article.origin, failure.reason)
            self.report("failed", article, failure.reason)
            return failure
        except BaseException:  # cancelled (Ctrl-C): the claim goes with it
            self._release(key)
            raise
        result = result.model_copy(update={"ref": SourceRef.of(article), "cut_at_tokens": cut_at})
        self.reasked += result.checks.reasked
        if self.store is not None:
            self.store.put(key, result)
        self._release(key)
        self.report("done", article, briefing=result)
        return result

    async def _claim(self, key: str) -> ArticleBriefing | None:
        """Hold the claim on `key` before asking for it; None then. While another run holds it, wait
        for its answer in the store (returned), or for its claim to end (released unanswered, lapsed,
        or its process gone): then this run asks. The run's deadline and stop end the wait."""
        leases = self._leases
        if leases is None or self.store is None:
            return None
        while not leases.take_lease(key, LEASE_SECONDS):
            if self.gate.stopped is not None:
                raise RunStopped(f"the run stopped: {self.gate.stopped.message}")
            if self.gate.deadline is not None and time.monotonic() >= self.gate.deadline:
                raise DeadlinePassed(
                    "the run's deadline passed while another run was asking for this article"
                )
            await asyncio.sleep(LEASE_POLL)
            if (found := self.store.get(key, ArticleBriefing)) is not None:
                return found
        self._held.add(key)
        # Answered just before the claim was taken, by a run that then let its claim go: looked up
        # before the claim, the store said nothing yet, and the answer was paid for twice.
        if (found := self.store.get(key, ArticleBriefing)) is not None:
            self._release(key)
            return found
        return None

    def _release(self, key: str) -> None:
        if key in self._held and self._leases is not None:
            self._held.discard(key)
            self._leases.drop_lease(key)

    async def _renew(self) -> None:
        """Renew this run's claims every third of their time, as long as it runs: only a run that
        stopped lets its claims lapse."""
        while True:
            await asyncio.sleep(LEASE_SECONDS / 3)
            if self._held and self._leases is not None:
                self._leases.renew_leases(sorted(self._held), LEASE_SECONDS)


def _import_checks() -> None:
    from ..grounding import check  # noqa: F401  (imported for what it compiles on import)


async def _each(articles: Iterable[Article] | AsyncIterable[Article]) -> AsyncIterator[Article]:
    if isinstance(articles, AsyncIterable):
        async for article in articles:
            yield article
    else:
        for article in articles:
            yield article


def failure_of(article: Article, error: ArticleError) -> Failure:
    """The failure record of an article, with the evidence the error carries."""
    return Failure(
        origin=article.origin,
        source=article.source,
        article_id=article.id,
        kind=error.kind,
        reason=redact(error.message),
        attempts=error.attempts if error.usage.requests else 0,
        usage=error.usage,
        last_output=error.last_output,
    )


@asynccontextmanager
async def open_run(
    settings: Settings, client: Client | None, progress: Progress | None
) -> AsyncIterator[Run]:
    """A run against the caller's client, or against one made from the settings when the first
    request is to be sent (the SDK imported then, not before) and closed at the end."""
    limiter = RateController(settings.rpm, settings.tpm)
    gate = Gate(settings.concurrency, settings.max_run_tokens, limiter=limiter, deadline=settings.deadline)
    made: list[HTTPTransport] = []

    def connect() -> Engine:
        from ..llm.client import make_client
        from ..llm.engine import Engine
        from ..llm.transport import HTTPTransport

        transport = HTTPTransport(client if client is not None else make_client(settings))
        made.append(transport)
        return Engine(transport, settings, gate)

    # A caller's own client is checked at once (its SDK is imported already).
    engine = connect() if client is not None else None
    try:
        yield Run(engine, gate, settings, connect=connect, store=store_for(settings), progress=progress)
    finally:
        if client is None and made:
            await made[0].client.close()
