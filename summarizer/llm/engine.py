"""The structured-call engine: one validated answer from an OpenAI-compatible endpoint. With
endpoint_errors.py (what the endpoint's failures mean), the only module that knows the OpenAI SDK.

A request is sent through the run's admission (concurrency, budget, stop), with transport faults retried
by tenacity; an answer that does not validate is sent back with its errors. SDK errors leave this module
as the project's own (errors.py), the evidence attached: attempts, usage, the redacted last output.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol, TypeVar

import httpx2
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from ..config.settings import Settings
from ..errors import ArticleError, DeadlinePassed, EndpointError, RequestRejected
from ..models import Usage
from .answers import Completion, Embedded, completion_of, embeddings_of
from .asker import Asker, Call, OnRetry
from .failures import (
    describe,
    is_transient,
    quota_exhausted,
    refused,
    retry_after,
    server_message,
    translate,
    waited_too_long,
)
from .faults import known_fault
from .health import Health
from .prompts import Message
from .ratelimit import MAX_RETRY_AFTER, Permit, RateController
from .schema import body_for, fingerprint, messages_for
from .sdk import openai
from .transport import Transport

__all__ = ["Admission", "Engine"]

logger = logging.getLogger(__name__)


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


class Engine:
    """Sends chat requests for structured outputs; built once per run, shared by all its requests."""

    def __init__(
        self,
        transport: Transport,
        settings: Settings,
        admission: Admission,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.transport, self.settings, self.admission = transport, settings, admission
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
        policy = settings.retry
        #: Whether the endpoint answers most requests: then a fault is retried at once (health.py).
        self.health = Health()
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
        return messages_for(self.settings, output, user)

    def fingerprint(self, output: type[BaseModel]) -> str:
        """What makes an answer of this kind reusable: the model, the mode, the prompts and the schema."""
        known = self._fingerprints.get(output)
        if known is None:
            known = self._fingerprints[output] = fingerprint(self.settings, output)
        return known

    def asker(self, label: str, on_retry: OnRetry | None = None) -> Asker:
        return Asker(self.complete, self.settings.max_reasks, label, on_retry)

    def _body(self, messages: list[Message], output: type[BaseModel]) -> dict[str, Any]:
        return body_for(self.settings, messages, output)

    # --- sending, with retries --------------------------------------------------------------------

    async def complete(self, messages: list[Message], output: type[BaseModel], call: Call) -> Completion:
        """One completion, transport faults retried; ArticleError when none can be had."""
        body = self._body(messages, output)
        ready = self.transport.prepared(body)
        if ready is not None:
            return ready
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
        the error a registered translator makes of it, else None (a bug, to be seen whole)."""
        return known_fault(error)

    async def embed(self, texts: list[str], model: str, label: str) -> Embedded:
        """The embeddings of `texts` (one request), transport faults retried like a completion's; an
        ArticleError when none can be had: AccessDenied for a rejected key (fatal), RequestRejected for
        an endpoint or model that does not serve embeddings."""
        # base64 (little-endian float32), as the SDK's embeddings.create asks by default: a quarter of
        # the bytes of a JSON list of floats.
        body: dict[str, Any] = {"model": model, "input": texts, "encoding_format": "base64"}
        try:
            embedded: Embedded = await self._retrying(self._send_embeddings, body, Call(label, None))
        except openai.APIError as error:
            raise self._translate_embedding(error, model) from None
        except EndpointError as error:  # an answer that holds no embeddings
            raise RequestRejected(error.message) from None
        except Exception as error:
            if (known := self._known(error)) is None:
                raise
            raise known from None
        return embedded

    async def _send_embeddings(self, body: dict[str, Any], call: Call) -> Embedded:
        tokens = sum(len(text) for text in body["input"]) // 4 + 1

        def parse(response: httpx2.Response) -> Embedded:
            return embeddings_of(response, len(body["input"]), self.transport.base_url)

        return await self._exchange(
            "/embeddings", body, call, lambda: tokens, parse, None, limits_apply=False
        )

    async def _send(self, body: dict[str, Any], call: Call) -> Completion:
        """One chat request, sent when the rate limit allows (see `_exchange`)."""
        prompt = self._prompt_estimate(body)

        def charge() -> int:
            # Estimated when the slot is held, not before the wait for it: 128 workers estimating at the
            # start charged the first 128 requests the first guess (2.6 x the real use), 18 s of a 31 s run.
            return int(prompt * self._prompt_scale + self._completion_tokens)

        def learn(completion: Completion) -> None:
            self._calibrate(prompt, completion.usage)

        def parse(response: httpx2.Response) -> Completion:
            return completion_of(response, self.transport.base_url)

        return await self._exchange("/chat/completions", body, call, charge, parse, learn)

    async def _exchange(
        self,
        path: str,
        body: dict[str, Any],
        call: Call,
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
                self.health.answered()
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
                return await self.transport.post(path, body)
        except TimeoutError:
            if left is not None and left < timeout:
                raise DeadlinePassed("the run's deadline passed while its request was in flight") from None
            request = httpx2.Request("POST", f"{self.transport.base_url}{path.lstrip('/')}")
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

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        self.health.failed()
        policy = self.settings.retry
        asked = retry_after(error, policy.max_wait)
        if asked is None:
            return self.health.delay(state.attempt_number, policy.initial_wait, policy.max_wait)
        # At least what the server asked; a little more at random, so that requests turned away
        # together do not all come back at the same instant.
        return asked * (1 + random.uniform(0, 0.25))

    def _before_sleep(self, state: RetryCallState) -> None:
        call: Call = state.args[1]
        error = state.outcome.exception() if state.outcome else None
        delay = state.next_action.sleep if state.next_action else 0.0
        reason = self._describe(error)
        logger.info("%s: %s; retrying in %.2fs", call.label, reason, delay)
        if call.on_retry is not None:
            call.on_retry(reason, delay)

    def _transient(self, error: BaseException) -> bool:
        if known_fault(error) is not None:
            return False
        return is_transient(error, reached=self.reached)

    def _describe(self, error: BaseException | None) -> str:
        return describe(error, self.settings.timeout)

    def _translate(self, error: openai.APIError) -> ArticleError:
        if (known := known_fault(error)) is not None:
            return known
        return translate(error, self.settings, self.transport.base_url, reached=self.reached)

    def _translate_embedding(self, error: openai.APIError, model: str) -> ArticleError:
        """As `_translate`, but an endpoint that summarises and does not serve embeddings (404, 400, 405)
        is no wrong endpoint that stops the run: the merge groups by text instead. A 404 or 400 names
        the embedding model."""
        translated = self._translate(error)
        if isinstance(error, openai.APIStatusError) and error.status_code in (400, 404):
            return RequestRejected(
                f"HTTP {error.status_code} from {self.transport.base_url}embeddings: "
                f"{server_message(error)}. "
                f"Does the endpoint serve the embedding model {model!r}?"
            )
        if isinstance(translated, EndpointError):
            return RequestRejected(translated.message)
        return translated
