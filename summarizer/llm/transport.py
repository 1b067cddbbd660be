"""Where the engine's requests go: the endpoint over HTTP through the SDK's client, or answers already
had for exact requests (a batch's results). The engine takes one, as httpx's client takes a transport,
so that batch collection and tests plug one in instead of reaching inside the engine.

    Engine(HTTPTransport(client), settings, gate)                    # a run
    Engine(Answers(then=HTTPTransport(client)), settings, gate)       # a batch: answers given, re-asks sent
    Engine(HTTPTransport(in_process(handler)), settings, gate)        # a test: a function answers
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpx2

from ..errors import ArticleError, UsageError, register_secret
from .answers import Completion
from .client import is_client
from .schema import body_key
from .sdk import openai

__all__ = ["Answers", "HTTPTransport", "Transport", "in_process"]


class Transport(Protocol):
    """What the engine needs of a transport."""

    @property
    def base_url(self) -> str:
        """Where requests go, as error messages name it (ends in a slash)."""
        ...

    def prepared(self, body: dict[str, Any]) -> Completion | None:
        """The answer already had for exactly this request, taken once; None: send it. An ArticleError
        when the request may not be sent at all."""
        ...

    async def post(self, path: str, body: dict[str, Any]) -> httpx2.Response:
        """Send one request; the SDK's errors (APIStatusError, APIConnectionError) for a failed one."""
        ...


class HTTPTransport:
    """The endpoint, through an OpenAI SDK client (built with `max_retries=0`: the engine retries)."""

    def __init__(self, client: openai.AsyncOpenAI) -> None:
        if not is_client(client):
            raise UsageError(
                f"client must be an openai.AsyncOpenAI (or AsyncAzureOpenAI), not {type(client).__name__}"
            )
        self.client = client
        register_secret(getattr(client, "api_key", None))  # a caller's own client: redact its key too

    @property
    def base_url(self) -> str:
        return str(self.client.base_url)

    def prepared(self, body: dict[str, Any]) -> None:
        return None

    async def post(self, path: str, body: dict[str, Any]) -> httpx2.Response:
        # The SDK's raw post, not chat.completions.create: create() walks every message and the whole
        # schema through its type transformer first (2.6 ms a request, on the one thread that handles
        # every response). The raw response also gives the headers.
        return await self.client.post(path, cast_to=httpx2.Response, body=body)


class Answers:
    """Answers already had for exact requests (a batch's results): each given once instead of sending
    it, so that it goes through the same validation, re-asks and grounding as an online answer. A
    request with no answer goes to `then`; with no `then`, it ends as `unsent(body)` (follow-ups
    deferred to the next batch, or off)."""

    def __init__(
        self,
        then: Transport | None = None,
        unsent: Callable[[dict[str, Any]], ArticleError] | None = None,
    ) -> None:
        if then is None and unsent is None:
            raise ValueError("give the transport for requests with no answer, or what they end as")
        self.then, self.unsent = then, unsent
        self._answers: dict[str, Completion] = {}

    @property
    def base_url(self) -> str:
        return self.then.base_url if self.then is not None else "the batch's results/"

    def give(self, body: dict[str, Any], completion: Completion) -> None:
        """Take `completion` as the answer to the request `body`, the next time it is asked."""
        self._answers[body_key(body)] = completion

    def prepared(self, body: dict[str, Any]) -> Completion | None:
        ready = self._answers.pop(body_key(body), None)
        if ready is not None:
            return ready
        if self.unsent is not None:
            raise self.unsent(body)
        return None

    async def post(self, path: str, body: dict[str, Any]) -> httpx2.Response:
        if self.then is None:  # prepared() raised for it already; never reached
            raise RuntimeError("no transport for requests the batch did not answer")
        return await self.then.post(path, body)


def in_process(
    handler: Callable[[httpx2.Request], httpx2.Response], *, base_url: str = "http://in-process/v1"
) -> openai.AsyncOpenAI:
    """An SDK client whose requests a function answers in this process (httpx2's MockTransport): the
    engine's whole path, errors included, with no server and no socket. For tests."""
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(handler))
    return openai.AsyncOpenAI(api_key="sk-in-process", base_url=base_url, max_retries=0, http_client=http)
