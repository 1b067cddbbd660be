"""The structured-call engine: one validated answer from an OpenAI-compatible endpoint. With
endpoint_errors.py (what the endpoint's failures mean), the only module that knows the OpenAI SDK.

A request is sent through the run's admission (concurrency, budget, stop), with transport faults retried
by tenacity; an answer that does not validate is sent back with its errors. SDK errors leave this module
as the project's own (errors.py), the evidence attached: attempts, usage, the redacted last output.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx2
import openai
from openai.lib._pydantic import to_strict_json_schema
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from .embeddings import unpack
from .endpoint_errors import (
    describe,
    is_transient,
    quota_exhausted,
    refused,
    retry_after,
    server_message,
    translate,
    waited_too_long,
)
from .errors import (
    AccessDenied,
    AnswerTruncated,
    ArticleError,
    ContentFiltered,
    DeadlinePassed,
    EndpointError,
    InvalidAnswer,
    ModelRefused,
    RequestRejected,
    register_secret,
)
from .models import Briefing, Usage
from .prompts import Message, prompt_version, reask_message, system_message
from .ratelimit import MAX_RETRY_AFTER, Permit, RateController
from .settings import Settings

__all__ = [
    "Admission",
    "Asker",
    "BatchAPI",
    "Embedded",
    "Engine",
    "Unrecoverable",
    "briefing_schema",
    "completion_from",
    "fingerprint",
    "make_client",
    "output_schema",
    "request_body",
]

logger = logging.getLogger(__name__)

#: How much of a model's last output a failure keeps as evidence.
EVIDENCE_CHARS = 2_000

Output = TypeVar("Output", bound=BaseModel)
T = TypeVar("T")


class _Answered(Protocol):
    """What the engine reads of any answer: what it cost."""

    @property
    def usage(self) -> Usage: ...


_Answer = TypeVar("_Answer", bound=_Answered)


class Admission(Protocol):
    """What every request of a run passes through (the run's gate): a slot, the budget, the stop."""

    limiter: RateController | None
    #: When (time.monotonic()) the run stops: requests still in flight then are cancelled. None: never.
    deadline: float | None

    async def turn(self, tokens: int) -> Permit | None: ...

    def request(self, ahead: bool = False) -> AbstractAsyncContextManager[None]: ...

    def record(self, usage: Usage) -> None: ...


#: A hook for "this fault can never succeed, whatever the retries": it returns the error to end with.
#: The cassette replayer uses it for a request its cassette does not hold.
Unrecoverable = Callable[[BaseException], ArticleError | None]

#: Told of each retry: what failed, and how long until the next attempt.
OnRetry = Callable[[str, float], None]


def make_client(settings: Settings) -> openai.AsyncOpenAI:
    """An AsyncOpenAI client for `settings`, with the SDK's own retries off (the engine retries)."""
    return openai.AsyncOpenAI(
        api_key=settings.key(), base_url=settings.base_url, max_retries=0, timeout=settings.timeout
    )


def is_client(client: object) -> bool:
    """Whether `client` is an async OpenAI client the engine can use."""
    return isinstance(client, openai.AsyncOpenAI)


@cache
def output_schema(output: type[BaseModel] = Briefing) -> dict[str, Any]:
    """The output's JSON schema, made strict the way OpenAI's structured outputs require."""
    return to_strict_json_schema(output)


def briefing_schema() -> dict[str, Any]:
    """The briefing's strict JSON schema (a copy: callers may change it)."""
    copy: dict[str, Any] = json.loads(json.dumps(output_schema(Briefing)))
    return copy


@dataclass(frozen=True)
class Completion:
    """What the engine reads of a chat completion: the first choice and the usage. Read straight from
    the JSON: building the SDK's ChatCompletion model cost 0.2 ms an answer, for five fields."""

    usage: Usage
    #: False when the completion has no choice at all.
    answered: bool
    content: str
    refusal: str | None
    finish_reason: str | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Completion:
        choices = data.get("choices")
        choice = (
            choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], dict) else None
        )
        message = choice.get("message") if choice is not None else None
        message = message if isinstance(message, dict) else {}
        content, refusal = message.get("content"), message.get("refusal")
        reason = choice.get("finish_reason") if choice is not None else None
        return cls(
            usage=_usage(data.get("usage")),
            answered=choice is not None,
            content=content if isinstance(content, str) else "",
            refusal=refusal if isinstance(refusal, str) and refusal else None,
            finish_reason=reason if isinstance(reason, str) else None,
        )


@dataclass(frozen=True)
class Embedded:
    """What the engine reads of an embeddings response: one vector per input, in input order, and the
    usage (prompt tokens only: an embedding has no completion)."""

    vectors: list[list[float]]
    usage: Usage


def fingerprint(settings: Settings, output: type[BaseModel]) -> str:
    """What makes an answer of this kind reusable: the model, the mode, the prompts and the schema."""
    material = [settings.model, settings.mode, prompt_version(), json.dumps(output_schema(output))]
    return hashlib.sha256("\n".join(material).encode("utf-8")).hexdigest()[:16]


def request_body(
    settings: Settings, user: list[Message], output: type[BaseModel] = Briefing
) -> dict[str, Any]:
    """The body of the first request for `output` about the user's messages, exactly as an online run
    sends it: what a batch line carries."""
    return _body(settings, _messages(settings, output, user), output)


def completion_from(data: dict[str, Any]) -> Completion:
    """A chat completion from its JSON (a batch result's body), as the engine reads a response."""
    return Completion.of(data)


def _messages(settings: Settings, output: type[BaseModel], user: list[Message]) -> list[Message]:
    schema = output_schema(output) if settings.mode == "json_object" else None
    return [system_message(schema, output.__name__), *user]


def _body(settings: Settings, messages: list[Message], output: type[BaseModel]) -> dict[str, Any]:
    response_format: dict[str, Any] = {"type": "json_object"}
    if settings.mode == "json_schema":
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": output.__name__.lower(), "schema": output_schema(output), "strict": True},
        }
    body: dict[str, Any] = {"model": settings.model, "messages": messages, "response_format": response_format}
    if settings.max_output_tokens is not None:
        body["max_completion_tokens"] = settings.max_output_tokens
    return body


def _body_key(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class _Call:
    """One request's context, handed to tenacity's hooks."""

    label: str
    on_retry: OnRetry | None
    #: Requests sent for it so far: once one has, the next goes ahead of articles not yet started.
    sent: int = 0
    #: Seconds its 429s have made it wait so far, as the server asked: at most MAX_RETRY_AFTER in all.
    waited: float = 0.0


class Engine:
    """Sends chat requests for structured outputs; built once per run, shared by all its requests."""

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        settings: Settings,
        admission: Admission,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        unrecoverable: Unrecoverable | None = None,
    ) -> None:
        if not is_client(client):
            raise TypeError(
                f"client must be an openai.AsyncOpenAI (or AsyncAzureOpenAI), not {type(client).__name__}"
            )
        self.client, self.settings, self.admission = client, settings, admission
        register_secret(getattr(client, "api_key", None))  # a caller's own client: redact its key too
        self._unrecoverable = unrecoverable
        self._pause = sleep
        #: Whether any request of this run got an HTTP answer: until then, a refused connection is a
        #: wrong address, not a blip, and the run stops at once instead of backing off for a minute.
        self.reached = False
        # Worked out once per output type, not once per article (the schema's JSON each time).
        self._fingerprints: dict[type[BaseModel], str] = {}
        self._format_chars: dict[str, int] = {}
        #: For estimates: the run's mean completion tokens (a first guess until answers come), and
        #: how many prompt tokens the server counts for each one estimated from the characters.
        self._completion_tokens = 400.0
        self._prompt_scale = 1.0
        self._answers = 0
        #: Answers already had for exact requests (a batch's results), by body: used, not sent.
        self._answered: dict[str, Completion] = {}
        #: What a request that may not be sent ends as, given its body (the answers come from a batch, and
        #: follow-ups are off or go in the next batch); None: send it.
        self.unsent: Callable[[dict[str, Any]], ArticleError] | None = None
        policy = settings.retry
        self._backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, jitter=policy.initial_wait, max=policy.max_wait
        )
        self._retrying = AsyncRetrying(
            stop=stop_after_attempt(policy.attempts),
            wait=self._wait,
            retry=retry_if_exception(self._transient),
            before_sleep=self._before_sleep,
            sleep=self._sleep,
            reraise=True,
        )

    # --- what is asked -----------------------------------------------------------------------------

    def messages(self, output: type[BaseModel], user: list[Message]) -> list[Message]:
        """The system message, with the output's schema written in when the endpoint cannot enforce
        it (json_object mode), then the user's messages. Decided here, once, for every output type."""
        return _messages(self.settings, output, user)

    def fingerprint(self, output: type[BaseModel]) -> str:
        """What makes an answer of this kind reusable: the model, the mode, the prompts and the schema."""
        known = self._fingerprints.get(output)
        if known is None:
            known = self._fingerprints[output] = fingerprint(self.settings, output)
        return known

    def answered(self, body: dict[str, Any], completion: Completion) -> None:
        """Take `completion` as the answer to the request `body` when it is asked (once), instead of
        sending it: how a batch's result goes through the same validation, re-asks and grounding."""
        self._answered[_body_key(body)] = completion

    def asker(self, label: str, on_retry: OnRetry | None = None) -> Asker:
        return Asker(self, label, on_retry)

    def _body(self, messages: list[Message], output: type[BaseModel]) -> dict[str, Any]:
        return _body(self.settings, messages, output)

    # --- sending, with retries --------------------------------------------------------------------

    async def complete(self, messages: list[Message], output: type[BaseModel], call: _Call) -> Completion:
        """One completion, transport faults retried; ArticleError when none can be had."""
        body = self._body(messages, output)
        if self._answered and (ready := self._answered.pop(_body_key(body), None)) is not None:
            return ready
        if self.unsent is not None:
            raise self.unsent(body)
        try:
            completion: Completion = await self._retrying(self._send, body, call)
        except openai.APIError as error:
            raise self._translate(error) from None
        except Exception as error:
            if (known := self._known(error)) is None:
                raise
            raise known from None
        return completion

    def _known(self, error: Exception) -> Exception | None:
        """For a fault raised beneath the SDK without its wrapping (a cassette's "no recorded answer"):
        the hook's own error when it knows this fault, else None (a bug, to be seen whole)."""
        return self._unrecoverable(error) if self._unrecoverable is not None else None

    async def embed(self, texts: list[str], model: str, label: str) -> Embedded:
        """The embeddings of `texts` (one request), transport faults retried like a completion's; an
        ArticleError when none can be had: AccessDenied for a rejected key (fatal), RequestRejected for
        an endpoint or model that does not serve embeddings."""
        # base64 (little-endian float32), as the SDK's embeddings.create asks by default: a quarter of
        # the bytes of a JSON list of floats.
        body: dict[str, Any] = {"model": model, "input": texts, "encoding_format": "base64"}
        try:
            embedded: Embedded = await self._retrying(self._send_embeddings, body, _Call(label, None))
        except openai.APIError as error:
            raise self._translate_embedding(error, model) from None
        except EndpointError as error:  # an answer that holds no embeddings
            raise RequestRejected(error.message) from None
        except Exception as error:
            if (known := self._known(error)) is None:
                raise
            raise known from None
        return embedded

    async def _send_embeddings(self, body: dict[str, Any], call: _Call) -> Embedded:
        tokens = sum(len(text) for text in body["input"]) // 4 + 1

        def parse(response: httpx2.Response) -> Embedded:
            return self._parse_embeddings(response, len(body["input"]))

        return await self._exchange(
            "/embeddings", body, call, lambda: tokens, parse, None, limits_apply=False
        )

    async def _send(self, body: dict[str, Any], call: _Call) -> Completion:
        """One chat request, sent when the rate limit allows (see `_exchange`)."""
        prompt = self._prompt_estimate(body)

        def charge() -> int:
            # Estimated when the slot is held, not before the wait for it: 128 workers estimating at the
            # start charged the first 128 requests the first guess (2.6 x the real use), 18 s of a 31 s run.
            return int(prompt * self._prompt_scale + self._completion_tokens)

        def learn(completion: Completion) -> None:
            self._calibrate(prompt, completion.usage)

        return await self._exchange("/chat/completions", body, call, charge, self._parse, learn)

    async def _exchange(
        self,
        path: str,
        body: dict[str, Any],
        call: _Call,
        charge: Callable[[], int],
        parse: Callable[[httpx2.Response], _Answer],
        learn: Callable[[_Answer], None] | None,
        *,
        limits_apply: bool = True,
    ) -> _Answer:
        """One request, sent when the rate limit allows. A 429 for the rate limit is the run's
        controller's business, not this request's: it waits its turn again, spending no attempt.
        `limits_apply`: the response's x-ratelimit-* headers describe the run's own limits (False for
        another model's, as an embedding model's: OpenAI limits each model on its own; then only a
        429's retry-after reaches the controller)."""

        def signals(headers: httpx2.Headers) -> Mapping[str, str]:
            if limits_apply:
                return headers
            return {name: value for name, value in headers.items() if name.lower().startswith("retry-after")}

        while True:
            async with self.admission.request(ahead=call.sent > 0):
                call.sent += 1
                # The rate limit's turn is taken holding the slot, so that a permit is spent the
                # moment it is granted. Taken first, 128 workers held permits for requests that then
                # queued for 32 slots: unpaced before the limit was known, 128 went "at once" and
                # the controller's count of what the server had seen ran ahead of it.
                permit = await self.admission.turn(charge())
                limiter = self.admission.limiter
                try:
                    response = await self._post(path, body)
                except (DeadlinePassed, asyncio.CancelledError):
                    # Sent and not answered in time: the server may bill it all the same.
                    self.admission.record(Usage(requests=1))
                    if limiter is not None and permit is not None:
                        limiter.forget(permit)
                    raise
                except openai.APIStatusError as error:
                    # Answered, if with an error: a request of this run all the same (no tokens).
                    self.reached = True
                    throttled = error.status_code == 429 and not quota_exhausted(error)
                    self.admission.record(Usage(requests=1, rate_limited=int(throttled)))
                    if limiter is None or permit is None:
                        raise
                    if throttled:
                        patience = MAX_RETRY_AFTER - call.waited
                        paused = limiter.rejected(permit, signals(error.response.headers), patience=patience)
                        if paused is None:  # more than the request may wait: it fails, nobody waits
                            raise waited_too_long(error, call.waited, MAX_RETRY_AFTER) from None
                        call.waited += paused
                        continue
                    limiter.settle(permit, None, signals(error.response.headers))
                    raise
                except openai.APIConnectionError as error:
                    # Sent, then dropped or unanswered in time: the server may have counted it (and
                    # billed it) all the same. A refused connection sent nothing.
                    if not refused(error):
                        self.admission.record(Usage(requests=1))
                    if limiter is not None and permit is not None:
                        limiter.forget(permit)
                    raise
                self.reached = True
                try:
                    answer = parse(response)
                except EndpointError:
                    if limiter is not None and permit is not None:
                        limiter.forget(permit)
                    raise
                usage = answer.usage
                # Counted before the slot is released: the next request checks the budget.
                self.admission.record(usage)
                if limiter is not None and permit is not None:
                    limiter.settle(permit, usage.total_tokens, signals(response.headers))
                    if learn is not None:
                        learn(answer)
            # The slot is free: let the request waiting for it go out before this answer's validation and
            # checks take the event loop (measured: ~10 ms a round at 16 in flight).
            await asyncio.sleep(0)
            return answer

    async def _post(self, path: str, body: dict[str, Any]) -> httpx2.Response:
        """One request, bounded as a whole: `timeout` from sending it to the last byte of the answer
        (the SDK's own timeout bounds each read, which an answer trickling a byte at a time never
        trips), and the run's deadline (then DeadlinePassed: the run ends, this request with it)."""
        timeout, deadline = self.settings.timeout, self.admission.deadline
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            async with asyncio.timeout(timeout if left is None else min(timeout, left)):
                # The SDK's raw post, not chat.completions.create: create() walks every message and the
                # whole schema through its type transformer first (2.6 ms a request, on the one thread
                # that handles every response). The raw response also gives the headers.
                return await self.client.post(path, cast_to=httpx2.Response, body=body)
        except TimeoutError:
            if left is not None and left < timeout:
                raise DeadlinePassed("the run's deadline passed while its request was in flight") from None
            request = httpx2.Request("POST", f"{self.client.base_url}{path.lstrip('/')}")
            raise openai.APITimeoutError(request=request) from None

    async def _sleep(self, seconds: float) -> None:
        """A backoff's sleep, cut short at the run's deadline: the next attempt then finds it passed."""
        deadline = self.admission.deadline
        if deadline is not None:
            seconds = min(seconds, max(0.0, deadline - time.monotonic()))
        await self._pause(seconds)

    def _prompt_estimate(self, body: dict[str, Any]) -> int:
        """A request's prompt tokens before any answer says better: 4 characters a token, the schema
        included. For a tokens-per-minute limit, the request is charged this times what answers so far
        say the server counts per estimated token, plus the run's mean answer (not the output cap:
        16,000 a request would hold a token limit about 50 times too tight)."""
        chars = sum(len(message.get("content") or "") for message in body["messages"])
        response_format = body["response_format"]
        kind = response_format.get("json_schema", {}).get("name") or response_format["type"]
        if kind not in self._format_chars:
            self._format_chars[kind] = len(json.dumps(response_format))
        return (chars + self._format_chars[kind]) // 4

    def _calibrate(self, prompt: int, usage: Usage) -> None:
        """Learn from an answer's usage what requests cost: the mean of the first answers, then a
        moving average. (Uncalibrated, the estimate was 2.6 times what a server that does not count
        the schema counted, and the token bucket waited for room the requests never took: 38 s
        instead of 31 for the same run.)"""
        self._answers += 1
        weight = max(0.1, 1 / self._answers)
        self._completion_tokens += weight * (usage.completion_tokens - self._completion_tokens)
        if prompt > 0 and usage.prompt_tokens > 0:
            self._prompt_scale += weight * (usage.prompt_tokens / prompt - self._prompt_scale)

    def _parse(self, response: httpx2.Response) -> Completion:
        content_type = response.headers.get("content-type", "")
        try:
            data = response.json() if "json" in content_type else None
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            raise EndpointError(
                f"{self.client.base_url} is not an OpenAI-compatible endpoint: it answered "
                f"{content_type or 'no content type'}, not a chat completion. "
                "Does the base URL end in /v1?"
            )
        return Completion.of(data)

    def _parse_embeddings(self, response: httpx2.Response, count: int) -> Embedded:
        """The vectors of an embeddings response, by each item's `index`; EndpointError when it is not
        one (a vector missing, or neither base64 float32 nor a list of numbers)."""
        try:
            data = response.json()
            items = sorted(data["data"], key=lambda item: item["index"])
            vectors = [_vector(item["embedding"]) for item in items]
        except (ValueError, KeyError, TypeError):
            vectors = []
        if len(vectors) != count:
            raise EndpointError(
                f"{self.client.base_url} did not answer with {count} embeddings: is it an "
                "OpenAI-compatible endpoint that serves /embeddings?"
            )
        usage = data.get("usage")
        tokens = _count(usage.get("prompt_tokens")) if isinstance(usage, dict) else 0
        return Embedded(vectors, Usage(requests=1, prompt_tokens=tokens))

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after(error, self.settings.retry.max_wait)
        if asked is None:
            return float(self._backoff(state))
        # At least what the server asked; a little more at random, so that requests turned away
        # together do not all come back at the same instant.
        return asked * (1 + random.uniform(0, 0.25))

    def _before_sleep(self, state: RetryCallState) -> None:
        call: _Call = state.args[1]
        error = state.outcome.exception() if state.outcome else None
        delay = state.next_action.sleep if state.next_action else 0.0
        reason = self._describe(error)
        logger.info("%s: %s; retrying in %.2fs", call.label, reason, delay)
        if call.on_retry is not None:
            call.on_retry(reason, delay)

    def _transient(self, error: BaseException) -> bool:
        if self._unrecoverable is not None and self._unrecoverable(error) is not None:
            return False
        return is_transient(error, reached=self.reached)

    def _describe(self, error: BaseException | None) -> str:
        return describe(error, self.settings.timeout)

    def _translate(self, error: openai.APIError) -> ArticleError:
        if self._unrecoverable is not None and (known := self._unrecoverable(error)) is not None:
            return known
        return translate(error, self.settings, self.client.base_url, reached=self.reached)

    def _translate_embedding(self, error: openai.APIError, model: str) -> ArticleError:
        """As `_translate`, but an endpoint that summarises and does not serve embeddings (404, 400, 405)
        is no wrong endpoint that stops the run: the merge groups by text instead. A 404 or 400 names
        the embedding model."""
        translated = self._translate(error)
        if isinstance(error, openai.APIStatusError) and error.status_code in (400, 404):
            return RequestRejected(
                f"HTTP {error.status_code} from {self.client.base_url}embeddings: {server_message(error)}. "
                f"Does the endpoint serve the embedding model {model!r}?"
            )
        if isinstance(translated, EndpointError):
            return RequestRejected(translated.message)
        return translated


class Asker:
    """Asks for answers that validate as a pydantic model, re-asking with the errors; counts every
    request and token it spent, discarded answers included."""

    def __init__(self, engine: Engine, label: str, on_retry: OnRetry | None = None) -> None:
        self.engine, self._call = engine, _Call(label, on_retry)
        self.usage = Usage()
        self.attempts = 0

    @property
    def label(self) -> str:
        return self._call.label

    async def __call__(self, messages: list[Message], output: type[Output]) -> tuple[Output, str]:
        """One answer that validates as `output`, and its raw text; an ArticleError (with the attempts,
        the usage and the last output) when none can be had."""
        try:
            return await self._ask(messages, output)
        except ArticleError as error:
            error.attempts, error.usage = max(error.attempts, self.attempts), self.usage
            raise

    async def _ask(self, messages: list[Message], output: type[Output]) -> tuple[Output, str]:
        reasks_left = self.engine.settings.max_reasks
        while True:
            completion = await self.engine.complete(messages, output, self._call)
            self.attempts += 1
            self.usage = self.usage + completion.usage
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
                    last_output=content[:EVIDENCE_CHARS],
                )
            reasks_left -= 1
            messages = [*messages, {"role": "assistant", "content": content}, reask_message(problems)]


class BatchAPI:
    """The Batch API's files and batches through the SDK, as plain dicts; its errors leave as ours."""

    def __init__(self, client: openai.AsyncOpenAI) -> None:
        if not is_client(client):
            raise TypeError(f"client must be an openai.AsyncOpenAI, not {type(client).__name__}")
        self.client = client

    async def upload(self, path: Path) -> str:
        """Upload a JSONL input file (purpose "batch"); its file id."""
        with path.open("rb") as stream:
            made = await self._call(self.client.files.create(file=(path.name, stream), purpose="batch"))
        return str(made.id)

    async def create(self, file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        made = self.client.batches.create(
            input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h", metadata=metadata
        )
        return _plain(await self._call(made))

    async def retrieve(self, batch_id: str) -> dict[str, Any]:
        return _plain(await self._call(self.client.batches.retrieve(batch_id)))

    async def cancel(self, batch_id: str) -> dict[str, Any]:
        return _plain(await self._call(self.client.batches.cancel(batch_id)))

    async def content(self, file_id: str) -> str:
        """A result file's text (JSONL)."""
        response = await self._call(self.client.files.content(file_id))
        return str(response.text)

    async def _call(self, request: Awaitable[T]) -> T:
        try:
            return await request
        except openai.APIStatusError as error:
            status, message = error.status_code, server_message(error)
            if status in (401, 403):
                raise AccessDenied(f"HTTP {status}: {message}. Check OPENAI_API_KEY.") from None
            if status == 404:
                raise EndpointError(
                    f"HTTP 404 from {self.client.base_url}: {message}. Does it serve the Batch API?"
                ) from None
            raise RequestRejected(f"HTTP {status} from the Batch API: {message}") from None
        except openai.APIConnectionError:
            raise EndpointError(
                f"cannot connect to {self.client.base_url}: is the endpoint running?"
            ) from None


def _plain(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _usage(usage: object) -> Usage:
    """One request's usage from a completion's "usage" object (absent or garbled: the request alone)."""
    if not isinstance(usage, dict):
        return Usage(requests=1)
    prompt_details = usage.get("prompt_tokens_details")
    completion_details = usage.get("completion_tokens_details")
    return Usage(
        requests=1,
        prompt_tokens=_count(usage.get("prompt_tokens")),
        completion_tokens=_count(usage.get("completion_tokens")),
        cached_prompt_tokens=_count(
            prompt_details.get("cached_tokens") if isinstance(prompt_details, dict) else 0
        ),
        reasoning_tokens=_count(
            completion_details.get("reasoning_tokens") if isinstance(completion_details, dict) else 0
        ),
    )


def _vector(embedding: object) -> list[float]:
    """One embedding as floats: base64 of little-endian float32s, or a JSON list of numbers."""
    if isinstance(embedding, str):
        return unpack(embedding)
    if isinstance(embedding, list) and all(isinstance(x, int | float) for x in embedding):
        return [float(x) for x in embedding]
    raise TypeError("not an embedding")


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _content(completion: Completion, attempt: int) -> str:
    """The answer's text, or the ArticleError that ends this article: refusal, truncation, filter."""
    if not completion.answered:
        raise InvalidAnswer("the endpoint returned no answer", attempts=attempt)
    content, refusal = completion.content, completion.refusal
    if refusal:
        raise ModelRefused(f"the model refused: {refusal}", attempts=attempt, last_output=refusal)
    if completion.finish_reason == "length":
        raise AnswerTruncated(
            "the answer was cut off at the output-token limit before it was complete",
            attempts=attempt,
            last_output=content[:EVIDENCE_CHARS],
        )
    if completion.finish_reason == "content_filter":
        raise ContentFiltered(
            "the provider's content filter stopped the answer",
            attempts=attempt,
            last_output=content[:EVIDENCE_CHARS],
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
