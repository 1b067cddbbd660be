"""The fake endpoint: routes a request to the chat answers, the embeddings or the Batch API, through
its layers; served on a loopback port (a context manager) or answered in this process (`handler`)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx2

from .batches import BatchPlan, FakeBatches, form_fields
from .embeddings import embed
from .layers import Call, Faults, Layer, RateLimit, RejectKey, Script, Stats
from .replies import ECHOED_ORG, Reply, Step, answer, article_of, by_rule, error_body


class FakeEndpoint:
    """An OpenAI-compatible endpoint: POST chat/completions, embeddings, files, batches (and cancel);
    GET files/ID/content, batches/ID, and /stats (what it counted, as JSON).

    A chat or embeddings request passes `layers` in order; what none answers gets `answers` (chat: the
    written answers by default, `by_rule` for any article) or `embed`. Answers leave `latency` seconds
    after the request arrived, faults `fault_latency` seconds. `echo`: every JSON answer echoes the
    request's Authorization header and an organisation id (as some proxies do in their errors): what
    no log line or cassette may keep.
    """

    def __init__(
        self,
        *layers: Layer,
        answers: Step = answer,
        latency: float = 0.0,
        fault_latency: float = 0.0,
        batches: BatchPlan | None = None,
        echo: bool = False,
        port: int = 0,
    ) -> None:
        self.layers = list(layers)
        self.answers = answers
        self.latency, self.fault_latency = latency, fault_latency
        self.echo, self.port = echo, port
        #: The body of every chat and embeddings request (a batch's lines too), in the order they came.
        self.requests: list[dict[str, Any]] = []
        self.stats = Stats()
        #: The fake Batch API's files and batches.
        self.batches = FakeBatches(self.reply, batches or BatchPlan())
        #: Set when the endpoint stops serving: what ends a hang.
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._served = 0
        self._server: Any = None

    # --- served on a loopback port ---------------------------------------------------------------------

    def __enter__(self) -> FakeEndpoint:
        from .server import LoopbackServer

        self._server = LoopbackServer(self, self.port)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        if self._server is not None:
            self._server.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the endpoint is not served: use it as a context manager, or use `handler`")
        return f"http://127.0.0.1:{self._server.port}/v1"

    # --- what the layers hold ----------------------------------------------------------------------------

    @property
    def script(self) -> list[Step]:
        """The scripted replies not yet asked for."""
        return [step for layer in self.layers if isinstance(layer, Script) for step in layer.steps]

    def set_rpm(self, rpm: float) -> None:
        """Change the requests-per-minute limit while serving."""
        limits = [layer for layer in self.layers if isinstance(layer, RateLimit)]
        if not limits:
            raise ValueError("the endpoint has no RateLimit layer")
        for layer in limits:
            layer.set_rpm(rpm)

    # --- answering ----------------------------------------------------------------------------------------

    def reply(self, body: dict[str, Any], path: str = "chat/completions") -> Reply:
        """The answer to one chat (or embeddings) request, through the layers."""
        article, text = article_of(body)
        with self._lock:
            self.requests.append(body)
            self._served += 1
            served = self._served
        arrived = time.time()
        with self.stats.lock:
            self.stats.requests[article] += 1
            attempt = self.stats.requests[article]
            if self.stats.first_at is None:
                self.stats.first_at = arrived
            self.stats.last_at = arrived
        call = Call(body, article, text, attempt, served, self.stats)
        default = embed if path.endswith("embeddings") else self.answers

        def through(index: int) -> Reply:
            if index == len(self.layers):
                return default(call.body, call.written)
            return self.layers[index](call, lambda: through(index + 1))

        reply = through(0)
        if reply.status == 200 and not reply.drop and reply.trickle is None:
            with self.stats.lock:
                self.stats.answered += 1
                self.stats.last_answered_at = arrived
        return reply

    def respond(self, method: str, path: str, headers: Mapping[str, str], raw: bytes) -> Reply:
        """Any request, routed by its method and path."""
        path = path.split("?", 1)[0].rstrip("/")
        parts = path.split("/")
        reply = Reply(404, error_body(404, f"unknown path {path}", "not_found"))
        if method == "GET":
            if path.endswith("/stats"):
                with self.stats.lock:
                    reply = Reply(200, self.stats.as_json())
            elif len(parts) >= 3 and parts[-3] == "files" and parts[-1] == "content":
                reply = self.batches.content(parts[-2])
            elif len(parts) >= 2 and parts[-2] == "batches":
                reply = self.batches.retrieve(parts[-1])
        elif path.endswith("/files"):
            reply = self.batches.upload(form_fields(headers.get("content-type", ""), raw))
        else:
            request = json.loads(raw or b"{}")
            if path.endswith(("/chat/completions", "/embeddings")):
                reply = self.reply(request, path)
            elif path.endswith("/batches"):
                reply = self.batches.create(request)
            elif len(parts) >= 3 and parts[-3] == "batches" and parts[-1] == "cancel":
                reply = self.batches.cancel(parts[-2])
        if isinstance(reply.body, dict):
            if self.echo:
                reply.body["echo"] = f"{headers.get('authorization')} for {ECHOED_ORG}"
            usage = reply.body.get("usage")
            if isinstance(usage, dict):
                with self.stats.lock:
                    self.stats.tokens += usage.get("total_tokens", 0)
        return reply

    def delay(self, reply: Reply) -> float:
        return self.fault_latency if reply.fault else self.latency

    def headers_for(self, reply: Reply) -> list[tuple[str, str]]:
        """The reply's headers: its content type; an x-request-id on a JSON answer; then its own."""
        headers = [("content-type", reply.content_type)]
        if reply.content_type == "application/json":
            headers.append(("x-request-id", f"req-local-{len(self.requests)}"))
        return headers + list(reply.headers.items())

    @staticmethod
    def encoded(reply: Reply) -> bytes:
        return reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()

    @contextmanager
    def in_flight(self) -> Iterator[None]:
        """Count a request in flight for as long as the block runs."""
        with self.stats.lock:
            self.stats.in_flight += 1
            self.stats.most_in_flight = max(self.stats.most_in_flight, self.stats.in_flight)
        try:
            yield
        finally:
            with self.stats.lock:
                self.stats.in_flight -= 1

    # --- answered in this process ------------------------------------------------------------------------

    async def handler(self, request: httpx2.Request) -> httpx2.Response:
        """The endpoint as an httpx2 MockTransport handler: `summarizer.llm.transport.in_process(
        endpoint.handler)` gives an SDK client whose requests it answers, with no socket. A dropped
        connection is a RemoteProtocolError, as the SDK sees one over HTTP."""
        arrived = time.monotonic()
        with self.in_flight():
            reply = self.respond(request.method, request.url.path, request.headers, request.content)
            remaining = self.delay(reply) - (time.monotonic() - arrived)
            if remaining > 0:
                await asyncio.sleep(remaining)
        if reply.drop:
            raise httpx2.RemoteProtocolError("Server disconnected without a response.", request=request)
        if reply.trickle is not None:
            return httpx2.Response(200, headers=self.headers_for(reply), content=self._trickle(reply.trickle))
        return httpx2.Response(reply.status, headers=self.headers_for(reply), content=self.encoded(reply))

    async def _trickle(self, every: float) -> AsyncIterator[bytes]:
        while not self.stopped.is_set():
            await asyncio.sleep(every)
            yield b" "


def simulated(
    *,
    latency: float = 0.0,
    rate: float = 0.0,
    rpm: float = 0.0,
    tpm: float = 0.0,
    burst: float = 1.0,
    limit_headers: bool = True,
    fault_rate: float = 0.0,
    faults: tuple[str, ...] = ("server_error", "dropped"),
    faulty_attempts: int = 0,
    reject_key_after: int | None = None,
    fault_latency: float = 0.0,
    answers: Step = by_rule,
    port: int = 0,
) -> FakeEndpoint:
    """The endpoint for load and fault tests, configured flat (the `simulator` marker, the command
    line): answers made by rule from any article, a revoked key, a rate limit and faults, in that order."""
    layers: list[Layer] = []
    if reject_key_after is not None:
        layers.append(RejectKey(reject_key_after))
    if rate > 0 or rpm > 0 or tpm > 0:
        layers.append(RateLimit(rate=rate, rpm=rpm, tpm=tpm, burst=burst, headers=limit_headers))
    if fault_rate > 0:
        layers.append(Faults(fault_rate, tuple(faults), attempts=faulty_attempts))
    return FakeEndpoint(*layers, answers=answers, latency=latency, fault_latency=fault_latency, port=port)
