"""Collecting: each result line matched to its article, its answer put through the engine's validation,
re-asks and grounding as an online run's, the briefing stored; failed and expired requests reported by
article and left for the next submit; re-asks online, in a follow-up batch, or not at all."""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import SecretStr

from ..config.settings import Prices, Settings
from ..errors import ArticleError, InvalidAnswer, UsageError, redact
from ..grounding.workflow import summarize_article
from ..living import mark_changes, with_events
from ..llm.answers import completion_from
from ..llm.client import make_client
from ..llm.engine import Engine
from ..llm.prompts import article_message
from ..llm.ratelimit import RateController
from ..llm.schema import request_body
from ..llm.transport import Answers, HTTPTransport
from ..merge.assemble import merge_briefings
from ..models import ArticleBriefing, Brief, Briefing, Failure, FailureKind, SourceRef, Usage
from ..run.gate import Gate
from ..run.runner import failure_of
from ..store import Store
from .ledger import FOLLOWUP, BatchRecord, Ledger, Member
from .submit import ENDPOINT, InputFile, Limits, Submitted, custom_id_of, input_folder, places
from .transports import TERMINAL, ApiTransport, FileTransport, Transport

__all__ = ["Collected", "FollowupDeferred", "Followups", "acollect", "batch_brief"]

logger = logging.getLogger(__name__)

#: Where the answers that need a re-ask go: online through the engine, in a follow-up batch (collected
#: like the first), or nowhere (the first answer is kept when only grounding asked for a correction; an
#: invalid one fails the article).
Followups = Literal["online", "batch", "none"]


class FollowupDeferred(ArticleError):
    """A re-ask that goes in the next batch instead of online: `body` is the request to send."""

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__("its re-ask went out in a follow-up batch")
        self.body = body


@dataclass
class Collected:
    """What a collect did: briefings stored, articles that failed (by origin), batches still running."""

    stored: int = 0
    failed: list[Failure] = field(default_factory=list)
    #: Requests of batches that expired or were cancelled: the next submit sends them again.
    unfinished: list[str] = field(default_factory=list)
    waiting: list[BatchRecord] = field(default_factory=list)
    #: Re-asks sent in follow-up batches (`followups="batch"`), and those batches.
    followups: Submitted | None = None
    #: Result lines that belong to no pending request (already collected, or not ours), and bad lines.
    ignored: int = 0
    #: Tokens of the batch answers (at the batch price) and of the follow-ups sent online.
    batch_usage: Usage = field(default_factory=Usage)
    online_usage: Usage = field(default_factory=Usage)
    cost: float | None = None


async def acollect(
    *,
    transport: Transport,
    settings: Settings | None = None,
    store: Store | None = None,
    ledger: Ledger | None = None,
    client: Any = None,
    followups: Followups = "online",
    batch_prices: Prices | None = None,
) -> Collected:
    """Collect every finished batch: validate and ground each answer as an online run would, store the
    briefings, settle each request in the ledger. Collecting again changes nothing.

    An answer that needs a re-ask goes out online through the engine (`followups="online"`: needs an API
    key, or `client`); with "batch" the re-asks are sent as a follow-up batch through `transport`, and a
    later collect goes on from them; with "none", a grounding correction is not asked for (strict drops
    what is unsupported) and an answer that does not validate fails its article. Batch tokens are priced
    at `batch_prices` (else `settings.prices`), online follow-ups at `settings.prices`.
    """
    settings = settings or Settings()
    store, ledger = places(settings, store, ledger)
    if client is None and isinstance(transport, ApiTransport):
        client = transport.client  # follow-ups go where the batch went
    collector = _Collector(settings, store, ledger, client, followups)
    try:
        for batch in ledger.batches(uncollected=True):
            if batch.transport == transport.name:
                await collector.batch(await transport.refresh(batch), transport)
        await collector.send_followups(transport)
    finally:
        await collector.close()
    result = collector.result
    result.online_usage = sum((gate.spent for gate in collector.gates), Usage())
    result.ignored = len(collector.lines - collector.matched)
    batch_price = batch_prices or settings.prices
    if batch_price is not None:
        online = settings.prices.cost(result.online_usage) if settings.prices else 0.0
        result.cost = round(batch_price.cost(result.batch_usage) + online, 6)
    return result


class _Collector:
    """One collect's state: an engine per submission's settings, the lines seen, what was done."""

    def __init__(
        self, settings: Settings, store: Store, ledger: Ledger, client: Any, followups: Followups
    ) -> None:
        self.settings, self.store, self.ledger, self.followups = settings, store, ledger, followups
        self.client, self._own_client = client, client is None
        self.engines: dict[int, tuple[Engine, Answers]] = {}
        self.gates: list[Gate] = []
        self.result = Collected()
        #: Every result line read (by where it was read) and those that settled a request.
        self.lines: set[str] = set()
        self.matched: set[str] = set()
        #: Re-asks for the next batch, by submission: (custom_id, position, line, history).
        self.deferred: dict[int, list[tuple[str, int, str, list[Any]]]] = {}

    async def close(self) -> None:
        if self._own_client and self.client is not None:
            await self.client.close()

    async def batch(self, batch: BatchRecord, transport: Transport) -> None:
        pending = self.ledger.pending(batch.id)
        ready = batch.status in TERMINAL or batch.transport == FileTransport.name
        if pending and ready:
            engine, answers = self._engine(batch.submission)
            lines = await transport.results(batch)
            jobs = (job for where, text in lines if (job := self._job(where, text, pending)) is not None)

            # A pool of workers taking lines as they are read, as an online run takes articles: a
            # follow-up waiting online holds one worker, and no more lines are parsed than are worked on.
            async def worker() -> None:
                for job in jobs:
                    await self._settle(batch, *job, engine, answers)

            await asyncio.gather(*(worker() for _ in range(4 * engine.settings.concurrency)))
            if self.store.unwritable is not None:
                raise UsageError(
                    f"{self.store.unwritable}: collect stopped, the answers not stored are still pending; "
                    "collect again once the cache can be written (the batch results are kept where they are)"
                )
        left = self.ledger.pending(batch.id)
        if batch.status in TERMINAL:
            for custom_id, position in left.items():
                self._unfinished(batch, custom_id, position)
            left = {}
        done = not left
        counts = self.ledger.counts(batch.id) if batch.transport == FileTransport.name else batch.counts
        batch = replace(batch, collected=done, counts=counts)
        self.ledger.update_batch(batch)
        if not done:
            self.result.waiting.append(batch)

    async def send_followups(self, transport: Transport) -> None:
        """Send the re-asks deferred by this collect as follow-up batches, recorded like any batch."""
        for submission, deferred in self.deferred.items():
            result = self.result.followups or Submitted(submission=submission)
            self.result.followups = result
            stem = f"submission-{submission}-followup-{len(self.ledger.batches()) + 1}"
            with input_folder(transport) as folder:
                current = InputFile(folder, submission, Limits(), stem)
                try:
                    for custom_id, position, line, history in deferred:
                        if not current.fits(line):
                            await current.send(transport, self.ledger, result)
                        current.add(custom_id, position, line)
                        current.histories[custom_id] = history
                    await current.send(transport, self.ledger, result)
                finally:
                    current.close()

    def _job(self, where: str, text: str, pending: dict[str, int]) -> tuple[str, int, dict[str, Any]] | None:
        """The result line's custom_id, its article's position and the line's JSON, when it answers a
        pending request of this batch."""
        self.lines.add(where)
        try:
            line = json.loads(text)
        except ValueError:
            if text.strip():
                logger.warning("%s: not a batch result line (not JSON): ignored", where)
            return None
        custom_id = line.get("custom_id") if isinstance(line, dict) else None
        if not isinstance(custom_id, str) or custom_id not in pending:
            return None
        position = pending.pop(custom_id)  # a line repeated in two outputs is settled once
        self.matched.add(where)
        return custom_id, position, line

    async def _settle(
        self,
        batch: BatchRecord,
        custom_id: str,
        position: int,
        line: dict[str, Any],
        engine: Engine,
        answers: Answers,
    ) -> None:
        if self.store.unwritable is not None:
            return  # left pending: collect again once the cache can be written
        member = self.ledger.member(batch.submission, position)
        article = member.article
        answer, problem = _answer(line)
        if answer is None:
            kind, reason = problem
            failure = Failure(
                origin=article.origin, source=article.source, article_id=article.id, kind=kind, reason=reason
            )
            self._failed(batch, custom_id, failure)
            return
        self.result.batch_usage = self.result.batch_usage + _usage_of(answer)
        # The conversation so far: the first request's answer, then each re-ask and its answer; this
        # line answers the last request of it. The engine takes them all as given and asks on from there.
        history = self.ledger.history(custom_id, batch.id) or [[None, None]]
        history[-1][1] = answer
        first = request_body(engine.settings, [article_message(article)], Briefing)
        for body, given in history:
            answers.give(body or first, completion_from(given))
        try:
            briefing = await summarize_article(engine, article)
        except FollowupDeferred as deferred:
            self._defer(batch, custom_id, member, [*history, [deferred.body, None]])
            return
        except ArticleError as error:
            if error.fatal:
                assert isinstance(engine.admission, Gate)
                engine.admission.stop(error)
            self._failed(batch, custom_id, failure_of(article, error))
            return
        briefing = briefing.model_copy(update={"ref": SourceRef.of(article), "cut_at_tokens": member.cut_at})
        self.store.put(member.key, briefing)
        if self.store.unwritable is not None:
            return
        self.ledger.settle(custom_id, batch.id, "done")
        self.result.stored += 1

    def _defer(self, batch: BatchRecord, custom_id: str, member: Member, history: list[Any]) -> None:
        body = history[-1][0]
        followup = f"{member.key}{FOLLOWUP}{len(history) - 1}"
        line = {"custom_id": followup, "method": "POST", "url": ENDPOINT, "body": body}
        text = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
        self.deferred.setdefault(batch.submission, []).append((followup, member.position, text, history))
        self.ledger.settle(custom_id, batch.id, "followup", "its re-ask went out in a follow-up batch")

    def _failed(self, batch: BatchRecord, custom_id: str, failure: Failure) -> None:
        logger.warning("article %s failed in batch %s: %s", failure.origin, batch.id, failure.reason)
        self.ledger.settle(custom_id, batch.id, "failed", failure.reason)
        self.result.failed.append(failure)

    def _unfinished(self, batch: BatchRecord, custom_id: str, position: int) -> None:
        state: Literal["expired", "cancelled", "failed"] = (
            "expired"
            if batch.status == "expired"
            else "cancelled"
            if batch.status == "cancelled"
            else "failed"
        )
        why = f" ({batch.problem})" if batch.problem else ""
        reason = (
            f"the batch {batch.id} {batch.status}{why} before answering it; the next submit sends it again"
        )
        self.ledger.settle(custom_id, batch.id, state, reason)
        self.result.unfinished.append(self.ledger.member(batch.submission, position).origin)

    def _engine(self, submission: int) -> tuple[Engine, Answers]:
        """The engine for a submission's settings (as they were at submit): it takes the batch answers,
        and sends follow-ups online when they may be sent."""
        if submission in self.engines:
            return self.engines[submission]
        settings = self.settings.model_copy(update=self.ledger.settings_of(submission))
        offline: str | None = None
        if self.followups == "none":
            offline = "the answer needed a re-ask, and follow-ups are off"
        elif self.followups == "online" and self.client is None and not _has_key(settings):
            offline = (
                "the answer needed a re-ask, which goes out online: set OPENAI_API_KEY (and OPENAI_BASE_URL) "
                "and collect again, or submit it again"
            )
        if self.client is None:
            sends = self.followups == "online" and offline is None
            unused = settings.model_copy(update={"api_key": SecretStr("unused")})
            self.client = make_client(settings if sends else unused)
        gate = Gate(
            settings.concurrency, settings.max_run_tokens, limiter=RateController(settings.rpm, settings.tpm)
        )
        answers = (
            Answers(unsent=FollowupDeferred)
            if self.followups == "batch"
            else Answers(unsent=lambda body: InvalidAnswer(offline))
            if offline is not None
            else Answers(then=HTTPTransport(self.client))
        )
        engine = Engine(answers, settings, gate)
        self.gates.append(gate)
        self.engines[submission] = engine, answers
        return engine, answers


def _has_key(settings: Settings) -> bool:
    return settings.api_key is not None and bool(settings.api_key.get_secret_value())


def _answer(line: dict[str, Any]) -> tuple[dict[str, Any] | None, tuple[FailureKind, str]]:
    """A result line's chat completion, or why there is none (its kind and reason)."""
    response = line.get("response")
    error = line.get("error")
    status = response.get("status_code") if isinstance(response, dict) else None
    body = response.get("body") if isinstance(response, dict) else None
    if status == 200 and isinstance(body, dict) and isinstance(body.get("choices"), list) and not error:
        return body, ("failed", "")
    message = None
    if isinstance(error, dict):
        message = error.get("message") or error.get("code")
    elif isinstance(body, dict) and isinstance(body.get("error"), dict):
        message = body["error"].get("message")
    reason = redact(str(message or "no answer in the result line"))
    if isinstance(status, int):
        kind: FailureKind = "unreachable" if status == 429 or status >= 500 else "rejected"
        return None, (kind, f"HTTP {status} in the batch: {reason}")
    return None, ("failed", f"the batch gave no answer: {reason}")


def _usage_of(body: dict[str, Any]) -> Usage:
    usage = body.get("usage")
    if not isinstance(usage, dict):
        return Usage(requests=1)
    prompt_details = usage.get("prompt_tokens_details") or {}
    completion_details = usage.get("completion_tokens_details") or {}
    return Usage(
        requests=1,
        prompt_tokens=int(usage.get("prompt_tokens") or 0),
        completion_tokens=int(usage.get("completion_tokens") or 0),
        cached_prompt_tokens=int(prompt_details.get("cached_tokens") or 0),
        reasoning_tokens=int(completion_details.get("reasoning_tokens") or 0),
    )


# --- the brief of a submission -----------------------------------------------------------------------


def batch_brief(
    submission: int | None = None,
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    ledger: Ledger | None = None,
    previous: Brief | None = None,
) -> Brief:
    """The brief of a submission's articles (the last one by default) from the briefings in the store;
    an article without one is listed with where its request stands. With `previous`, each story is
    marked against it (new, updated, unchanged) as `make_brief(..., previous=...)` marks it."""
    store, ledger = places(settings or Settings(), store, ledger)
    submission = submission if submission is not None else ledger.last_submission()
    if submission is None:
        raise UsageError(f"nothing was submitted yet (the ledger {ledger.path} is empty)")
    briefings: list[ArticleBriefing] = []
    failures: list[Failure] = []
    for member in ledger.members(submission):
        article = member.article
        found = store.get(member.key, ArticleBriefing)
        if found is not None:
            briefings.append(found.model_copy(update={"ref": SourceRef.of(article)}))
            continue
        latest = ledger.latest(custom_id_of(member.key))
        if latest is None:
            reason = "not sent in a batch (too large for a batch file)"
        elif latest[0] == "pending":
            reason = "its batch has not been collected yet"
        else:
            reason = latest[1] or f"its batch request {latest[0]}"
        failures.append(
            Failure(
                origin=article.origin,
                source=article.source,
                article_id=article.id,
                kind="not summarised",
                reason=reason,
            )
        )
    brief = merge_briefings(briefings, failures)
    if previous is not None:  # the living brief, as an online run gives it
        return mark_changes(brief, previous, briefings=briefings, origin="the previous brief")
    return with_events(brief, briefings)
