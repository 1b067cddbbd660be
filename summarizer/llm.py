"""One structured LLM call per article: request, validate, re-ask, retry. Only this module knows OpenAI."""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar

import openai
from openai.lib._pydantic import to_strict_json_schema
from openai.types.chat import ChatCompletion
from openai.types.chat.completion_create_params import ResponseFormat
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from .errors import (
    AccessDenied,
    AnswerTruncated,
    ArticleError,
    BudgetSpent,
    ContentFiltered,
    InvalidAnswer,
    ModelRefused,
    NotRecorded,
    RequestRejected,
    RunStopped,
    TransportError,
)
from .grounding import ArticleFacts, Grounding, apply_findings, check_briefing
from .models import Article, ArticleBriefing, Briefing, Checks, SourceRef, Usage
from .prompts import Message, article_messages, reask_message, reground_message

__all__ = [
    "DEFAULT_MODEL",
    "Asker",
    "Gate",
    "LLMSettings",
    "Mode",
    "RetryPolicy",
    "briefing_schema",
    "redact",
    "summarize_article",
]

logger = logging.getLogger(__name__)

#: OpenAI's high-volume tier with strict structured outputs on Chat Completions.
DEFAULT_MODEL = "gpt-6-luna"

Mode = Literal["json_schema", "json_object"]

# 408 request timeout, 409 conflict (lock contention), 429 rate limit; every 5xx.
RETRIABLE_STATUS = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """Transport-fault retries: exponential backoff with jitter, or what the server's retry-after says."""

    # A blip is retried after ~0.1 s; a real outage still gets ~50 s of doubling waits (capped at 30 s)
    # before the article is given up. A 429 waits what the server's retry-after says instead.
    attempts: int = 10
    initial_wait: float = 0.1
    max_wait: float = 30.0


@dataclass(frozen=True)
class LLMSettings:
    model: str = DEFAULT_MODEL
    mode: Mode = "json_schema"
    #: How many times an answer that fails validation is sent back with its errors.
    max_reasks: int = 2
    #: What to do with quotes, figures and names the article does not support (after one re-ask).
    grounding: Grounding = "strict"
    max_output_tokens: int | None = 16_000
    retry: RetryPolicy = field(default_factory=RetryPolicy)


class Gate:
    """What every request of a run passes through: at most `concurrency` in flight, a token budget,
    and a stop once the endpoint has rejected the key. Backoff sleeps hold no slot."""

    def __init__(self, concurrency: int = 8, max_tokens: int | None = None) -> None:
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self.max_tokens = max_tokens
        self.spent = Usage()
        self.stopped: str | None = None

    def record(self, usage: Usage) -> None:
        self.spent = self.spent + usage

    def stop(self, reason: str) -> None:
        if self.stopped is None:
            self.stopped = reason

    @asynccontextmanager
    async def request(self) -> AsyncIterator[None]:
        async with self._slots:
            if self.stopped is not None:
                raise RunStopped(f"the run stopped: {self.stopped}")
            if self.max_tokens is not None and self.spent.total_tokens >= self.max_tokens:
                raise BudgetSpent(
                    f"the run's token budget ({self.max_tokens:,}) was spent before this article"
                )
            yield


@cache
def _schema(output: type[BaseModel] = Briefing) -> dict[str, Any]:
    return to_strict_json_schema(output)


def briefing_schema() -> dict[str, Any]:
    """The briefing's JSON schema, made strict the way OpenAI's structured outputs require."""
    copy: dict[str, Any] = json.loads(json.dumps(_schema()))  # callers may not alter the cached one
    return copy


_SECRET = re.compile(r"\b(sk-[A-Za-z0-9*_\-]{6,}|Bearer\s+\S+)")


def redact(text: str) -> str:
    """Remove anything shaped like an API key from text that may reach a log or an error message."""
    return _SECRET.sub("[redacted]", text)


OnRetry = Callable[[Article, str, float], None]


async def summarize_article(
    client: openai.AsyncOpenAI,
    article: Article,
    settings: LLMSettings,
    *,
    on_retry: OnRetry | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    gate: Gate | None = None,
) -> ArticleBriefing:
    """Ask the model for one article's briefing, validate it, and check it against the article.

    A transport fault is retried with backoff. An answer that does not validate is sent back with its
    errors, up to `settings.max_reasks` times. Quotes, figures and names the article does not support
    are sent back once; under the "strict" policy what is still unsupported is then dropped, under
    "warn" it is kept and flagged. Raises an ArticleError subclass when no briefing can be had; the
    error carries the attempt count and the last raw output.
    """
    gate = gate or Gate(concurrency=1)
    schema = _schema()
    messages = article_messages(article, schema=schema if settings.mode == "json_object" else None)

    def retried(reason: str, delay: float) -> None:
        if on_retry is not None:
            on_retry(article, reason, delay)

    ask = Asker(client, settings, gate, label=f"article {article.id}", on_retry=retried, sleep=sleep)
    briefing, content = await ask(messages, Briefing)
    checks = Checks(policy=settings.grounding)
    if settings.grounding != "off":
        facts = ArticleFacts.of(article.text, article.published)
        findings, checked = check_briefing(briefing, facts)
        if findings:
            logger.info("article %s: %d ungrounded item(s); asking again", article.id, len(findings))
            checks = checks.model_copy(update={"reasked": True})
            again = [*messages, {"role": "assistant", "content": content}, reground_message(findings)]
            try:
                briefing, content = await ask(again, Briefing)
                findings, checked = check_briefing(briefing, facts)
            except InvalidAnswer:
                pass  # the first answer stands, with what it cannot support taken out below
        checks = checks.model_copy(update={"checked": checked})
        if findings and settings.grounding == "strict":
            briefing = apply_findings(briefing, findings, fallback_title=article.title)
            checks = checks.model_copy(update={"dropped": findings})
        elif findings:
            checks = checks.model_copy(update={"flagged": findings})
    return ArticleBriefing(
        ref=SourceRef.of(article),
        briefing=briefing,
        model=settings.model,
        usage=ask.usage,
        attempts=ask.attempts,
        checks=checks,
    )


Output = TypeVar("Output", bound=BaseModel)


class Asker:
    """Asks for answers validated as a pydantic model, re-asking with the errors; counts what it spent."""

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        settings: LLMSettings,
        gate: Gate,
        *,
        label: str,
        on_retry: Callable[[str, float], None] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.client, self.settings, self.gate, self.label = client, settings, gate, label
        self.on_retry, self.sleep = on_retry, sleep
        self.usage = Usage()
        self.attempts = 0

    async def __call__(self, messages: list[Message], output: type[Output]) -> tuple[Output, str]:
        """One answer that validates as `output`, and its raw text; InvalidAnswer after the re-asks."""
        reasks_left = self.settings.max_reasks
        while True:
            self.attempts += 1
            completion = await _create(self, messages, output)
            self.usage = self.usage + _usage(completion)
            content = _content(completion, self.attempts)
            try:
                return output.model_validate_json(content), content
            except ValidationError as error:
                problems = _problems(error)
            logger.info("%s: answer %d did not validate: %s", self.label, self.attempts, problems)
            if reasks_left == 0:
                raise InvalidAnswer(
                    f"the answer did not validate after {self.attempts} attempts: {'; '.join(problems)}",
                    attempts=self.attempts,
                    last_output=content,
                )
            reasks_left -= 1
            messages = [*messages, {"role": "assistant", "content": content}, reask_message(problems)]


def _response_format(settings: LLMSettings, output: type[BaseModel]) -> ResponseFormat:
    if settings.mode == "json_object":
        return {"type": "json_object"}
    schema = {"name": output.__name__.lower(), "schema": _schema(output), "strict": True}
    return {"type": "json_schema", "json_schema": schema}  # type: ignore[typeddict-item]


async def _create(ask: Asker, messages: list[Message], output: type[BaseModel]) -> ChatCompletion:
    settings, gate = ask.settings, ask.gate
    policy = settings.retry
    backoff = wait_exponential_jitter(
        multiplier=policy.initial_wait, jitter=policy.initial_wait, max=policy.max_wait
    )

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = _retry_after(error, policy.max_wait)
        if asked is None:
            return backoff(state)
        # At least what the server asked; a little more at random, so that requests turned away
        # together do not all come back at the same instant.
        return asked * (1 + random.uniform(0, 0.25))

    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        delay = state.next_action.sleep if state.next_action else 0.0
        reason = _describe(error)
        logger.info("%s: %s; retrying in %.2fs", ask.label, reason, delay)
        if ask.on_retry is not None:
            ask.on_retry(reason, delay)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.attempts),
        wait=wait,
        retry=retry_if_exception(_is_transient),
        before_sleep=before_sleep,
        sleep=ask.sleep,
        reraise=True,
    )
    body: dict[str, Any] = {
        "model": settings.model,
        "messages": messages,
        "response_format": _response_format(settings, output),
    }
    if settings.max_output_tokens is not None:
        body["max_completion_tokens"] = settings.max_output_tokens
    try:
        async for attempt in retrying:
            with attempt:
                async with gate.request():
                    # What chat.completions.create sends, through the SDK's raw post: create() walks
                    # every message and the whole schema through its type transformer first, which
                    # cost 2.6 ms a request here, on the one thread all responses are handled on.
                    completion = await ask.client.post("/chat/completions", cast_to=ChatCompletion, body=body)
                    # Counted before the slot is released: the next request checks the budget.
                    gate.record(_usage(completion))
                # The slot is free: let the request waiting for it go out before this answer's
                # validation and checks take the event loop (measured: ~10 ms a round at 16 in flight).
                await asyncio.sleep(0)
                return completion
    except openai.APIError as error:
        raise _translate(error, policy.attempts) from None
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover


def _is_transient(error: BaseException) -> bool:
    if _not_recorded(error):
        return False
    if isinstance(error, openai.APIConnectionError):  # includes timeouts
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in RETRIABLE_STATUS or error.status_code >= 500
    return False


def _not_recorded(error: BaseException) -> bool:
    from vcr.errors import CannotOverwriteExistingCassetteException

    return isinstance(error.__cause__, CannotOverwriteExistingCassetteException)


def _retry_after(error: BaseException | None, cap: float) -> float | None:
    """The delay the server asked for, in seconds: retry-after-ms, then retry-after (seconds or a date)."""
    if not isinstance(error, openai.APIStatusError):
        return None
    headers = error.response.headers
    delay: float | None = None
    try:
        if "retry-after-ms" in headers:
            delay = float(headers["retry-after-ms"]) / 1000
        elif "retry-after" in headers:
            value = headers["retry-after"]
            try:
                delay = float(value)
            except ValueError:
                when = email.utils.parsedate_to_datetime(value)
                delay = when.timestamp() - time.time()
    except (TypeError, ValueError):
        return None
    if delay is None or delay < 0:
        return None
    return min(delay, cap)


def _describe(error: BaseException | None) -> str:
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code}"
    if isinstance(error, openai.APITimeoutError):
        return "timed out"
    if isinstance(error, openai.APIConnectionError):
        return "connection failed"
    return type(error).__name__


def _server_message(error: openai.APIError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return redact(inner["message"])
    return redact(error.message)


def _translate(error: openai.APIError, attempts: int) -> ArticleError:
    if _not_recorded(error):
        return NotRecorded(
            "the cassette holds no recorded answer for this request (the article, model or prompt changed); "
            "record it again with --record"
        )
    if isinstance(error, openai.APIStatusError):
        status, message = error.status_code, _server_message(error)
        if status in (401, 403):
            return AccessDenied(
                f"HTTP {status}: {message}. Check OPENAI_API_KEY and the endpoint (--base-url)."
            )
        if status in RETRIABLE_STATUS or status >= 500:
            return TransportError(f"HTTP {status} after {attempts} attempts: {message}", attempts=attempts)
        return RequestRejected(f"HTTP {status}: {message}")
    return TransportError(f"{_describe(error)} after {attempts} attempts", attempts=attempts)


def _usage(completion: ChatCompletion) -> Usage:
    usage = completion.usage
    if usage is None:
        return Usage(requests=1)
    prompt_details = getattr(usage, "prompt_tokens_details", None)
    completion_details = getattr(usage, "completion_tokens_details", None)
    return Usage(
        requests=1,
        prompt_tokens=usage.prompt_tokens or 0,
        completion_tokens=usage.completion_tokens or 0,
        cached_prompt_tokens=(getattr(prompt_details, "cached_tokens", None) or 0),
        reasoning_tokens=(getattr(completion_details, "reasoning_tokens", None) or 0),
    )


def _content(completion: ChatCompletion, attempt: int) -> str:
    """The answer's text, or the ArticleError that ends this article: refusal, truncation, filter."""
    if not completion.choices:
        raise InvalidAnswer("the endpoint returned no answer", attempts=attempt)
    choice = completion.choices[0]
    message = choice.message
    content: str = message.content or ""
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise ModelRefused(f"the model refused: {refusal}", attempts=attempt, last_output=refusal)
    if choice.finish_reason == "length":
        raise AnswerTruncated(
            "the answer was cut off at the output-token limit before the briefing was complete",
            attempts=attempt,
            last_output=content,
        )
    if choice.finish_reason == "content_filter":
        raise ContentFiltered(
            "the provider's content filter stopped the answer", attempts=attempt, last_output=content
        )
    return content


def _problems(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "the answer"
        if item["type"] == "json_invalid":
            problems.append(f"the answer is not valid JSON ({item['msg']})")
        else:
            problems.append(f"{where}: {item['msg']}")
    return problems
