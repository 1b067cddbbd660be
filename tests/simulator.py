"""A local OpenAI-compatible simulator for fault-injection tests and benchmarks.

It answers POST /v1/chat/completions with a valid, grounded briefing built by rule from the article in
the prompt (sentences copied from the text), after a configurable latency. It can enforce a rate limit
(429 with retry-after-ms): a plain requests-a-second one, or requests and tokens per minute as OpenAI
enforces them, with its x-ratelimit-* headers on every response. It can inject faults at a given rate
(500, a dropped connection, invalid JSON, a schema violation), and reject the key after a number of
requests (401). GET /stats returns how many requests each article received. Faults are decided by a
hash of (article, attempt), so a run is reproducible whatever order the requests arrive in.

    python -m tests.simulator --latency 0.2 --faults 0.3      # prints its base URL, serves until killed
    python -m tests.simulator --latency 0.05 --rpm 1200 --tpm 400000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .llm_server import completion, error_body

ARTICLE = re.compile(r"==== BEGIN ARTICLE ([0-9a-f]{16}) ====\n(.*?)\n==== END ARTICLE", re.S)
FAULTS = ("server_error", "dropped", "invalid_json", "schema_violation")


@dataclass
class Config:
    latency: float = 0.0
    #: Requests per second the server accepts; more are answered 429 with retry-after-ms. 0: no limit.
    rate: float = 0.0
    #: Requests and tokens (prompt + completion, as `usage` reports them) per minute, each a token
    #: bucket refilling continuously and holding `burst` seconds' worth (OpenAI enforces a minute's
    #: limit over shorter periods). Over either: 429 with retry-after-ms. 0: no limit.
    rpm: float = 0.0
    tpm: float = 0.0
    burst: float = 1.0
    #: Send x-ratelimit-* headers with every response under rpm/tpm (False: only retry-after-ms on a 429).
    limit_headers: bool = True
    #: Share of requests that fail, and which faults they may be (chosen by the same hash).
    fault_rate: float = 0.0
    faults: tuple[str, ...] = ("server_error", "dropped")
    #: Fault only an article's first this-many attempts (0: any attempt may fault).
    faulty_attempts: int = 0
    #: Answer 401 to every request after this many; None: never.
    reject_key_after: int | None = None
    #: Faults are answered at once (as an overloaded gateway does), not after the latency.
    fault_latency: float = 0.0


@dataclass
class Stats:
    requests: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    rate_limited: int = 0
    in_flight: int = 0
    most_in_flight: int = 0
    #: Tokens of every answer sent (what a real endpoint would bill), discarded ones included.
    tokens: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": dict(self.requests),
            "faults": dict(self.faults),
            "rate_limited": self.rate_limited,
            "most_in_flight": self.most_in_flight,
            "tokens": self.tokens,
        }


def briefing_for(text: str) -> dict[str, Any]:
    """A faithful briefing made by rule: every sentence is copied from the article."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 20] or [body.strip()]
    first_words = sentences[0].split()[:12]
    return {
        "headline": " ".join(first_words).rstrip(".,;:"),
        "summary": " ".join(sentences[:2]),
        "key_points": sentences[:4],
        "entities": [],
        "quotes": [],
        "timeline": [],
        "what_next": sentences[4:5],
        "topics": ["local news"],
    }


def go_duration(seconds: float) -> str:
    """A duration as OpenAI's x-ratelimit-reset-* headers write it (Go's format): "20ms", "1s", "6m0s"."""
    if seconds <= 0:
        return "0s"
    if seconds < 1:
        return f"{round(seconds * 1000, 3):g}ms"
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    text = f"{int(hours)}h" if hours else ""
    if hours or minutes:
        text += f"{int(minutes)}m"
    return text + f"{round(rest, 3):g}s"


class _Bucket:
    """One per-minute limit: `level` refills at limit/60 a second up to `burst` seconds' worth."""

    def __init__(self, per_minute: float, burst: float) -> None:
        self.limit = per_minute
        self.rate = per_minute / 60
        self.capacity = max(1.0, self.rate * burst)
        self.level = self.capacity
        self.stamp = time.monotonic()

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait(self, need: float) -> float:
        """Seconds until the bucket holds `need` (at most its capacity); 0: now."""
        return max(0.0, (min(need, self.capacity) - self.level) / self.rate)

    def headers(self, kind: str) -> dict[str, str]:
        return {
            f"x-ratelimit-limit-{kind}": str(int(self.limit)),
            f"x-ratelimit-remaining-{kind}": str(max(0, math.floor(self.level))),
            f"x-ratelimit-reset-{kind}": go_duration((self.capacity - self.level) / self.rate),
        }


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 drops simultaneous connects, costing a 1 s SYN retransmit.
    request_queue_size = 256


class Simulator:
    """The simulator on 127.0.0.1 (a free port), in a thread of this process; a context manager."""

    def __init__(self, config: Config | None = None, port: int = 0) -> None:
        self.config = config or Config()
        self.stats = Stats()
        self._lock = threading.Lock()
        self._next_slot = time.monotonic()
        self._served = 0
        config = self.config
        self._requests = _Bucket(config.rpm, config.burst) if config.rpm > 0 else None
        self._tokens = _Bucket(config.tpm, config.burst) if config.tpm > 0 else None
        handler = self._handler()
        self._httpd = _Server(("127.0.0.1", port), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def set_rpm(self, rpm: float) -> None:
        """Change the requests-per-minute limit while serving (a tier raised, another client gone)."""
        with self._lock:
            self.config.rpm = rpm
            self._requests = _Bucket(rpm, self.config.burst) if rpm > 0 else None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> Simulator:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _fault(self, article_id: str, attempt: int) -> str | None:
        if self.config.fault_rate <= 0:
            return None
        if self.config.faulty_attempts and attempt > self.config.faulty_attempts:
            return None
        digest = hashlib.sha256(f"{article_id}:{attempt}".encode()).digest()
        if int.from_bytes(digest[:4], "big") / 2**32 >= self.config.fault_rate:
            return None
        return self.config.faults[digest[4] % len(self.config.faults)]

    def _rate_limited(self) -> float | None:
        """Seconds to wait when over the rate limit (a leaky bucket), else None."""
        if self.config.rate <= 0:
            return None
        with self._lock:
            now = time.monotonic()
            if self._next_slot > now + 1e-3:
                return self._next_slot - now
            self._next_slot = max(self._next_slot, now) + 1 / self.config.rate
            return None

    def _admit(self, prompt_tokens: int) -> float | None:
        """Under rpm/tpm: take one request and the prompt's tokens and return None, or return the
        seconds until both buckets hold them."""
        now = time.monotonic()
        wait = 0.0
        for bucket, need in ((self._requests, 1), (self._tokens, prompt_tokens)):
            if bucket is not None:
                bucket.refill(now)
                wait = max(wait, bucket.wait(need))
        if wait > 1e-3:
            return wait
        if self._requests is not None:
            self._requests.level -= 1
        if self._tokens is not None:
            self._tokens.level -= prompt_tokens
        return None

    def _limit_headers(self) -> dict[str, str]:
        if not self.config.limit_headers:
            return {}
        headers: dict[str, str] = {}
        now = time.monotonic()
        for bucket, kind in ((self._requests, "requests"), (self._tokens, "tokens")):
            if bucket is not None:
                bucket.refill(now)
                headers |= bucket.headers(kind)
        return headers

    def decide(self, request: dict[str, Any]) -> tuple[int, Any, dict[str, str], str | None]:
        """(status, body, headers, fault) for one request."""
        status, body, headers, fault = self._decide(request)
        if self._requests is None and self._tokens is None:
            return status, body, headers, fault
        with self._lock:
            if self._tokens is not None and status == 200 and isinstance(body, dict):
                self._tokens.level -= body["usage"]["completion_tokens"]  # the prompt's went at admission
            return status, body, {**headers, **self._limit_headers()}, fault

    def _over_limit(self, request: dict[str, Any]) -> tuple[int, Any, dict[str, str], str] | None:
        """The 429 for a request over rpm/tpm, or None once it has taken its request and prompt tokens."""
        # The prompt's tokens as `usage` will count them (tests/llm_server.py's completion()).
        prompt_tokens = sum(len(m.get("content") or "") for m in request.get("messages", [])) // 4 + 1
        with self._lock:
            wait = self._admit(prompt_tokens)
            if wait is None:
                return None
            self.stats.rate_limited += 1
        body = error_body(429, "Rate limit reached for requests", "requests")
        body["error"]["code"] = "rate_limit_exceeded"
        return 429, body, {"retry-after-ms": str(math.ceil(wait * 1000))}, "429"

    def _decide(self, request: dict[str, Any]) -> tuple[int, Any, dict[str, str], str | None]:
        messages = request.get("messages", [])
        found = next((f for m in messages if (f := ARTICLE.search(m.get("content") or ""))), None)
        article_id, text = (found[1], found[2]) if found else ("?", "")
        with self._lock:
            self._served += 1
            served = self._served
            self.stats.requests[article_id] += 1
            attempt = self.stats.requests[article_id]
        if self.config.reject_key_after is not None and served > self.config.reject_key_after:
            return 401, error_body(401, "Incorrect API key provided.", "invalid_request_error"), {}, "401"
        wait = self._rate_limited()
        if wait is not None:
            with self._lock:
                self.stats.rate_limited += 1
            headers = {"retry-after-ms": str(max(1, int(wait * 1000)))}
            return 429, error_body(429, "Rate limit reached", "requests"), headers, "429"
        if (self._requests or self._tokens) and (limited := self._over_limit(request)):
            return limited
        fault = self._fault(article_id, attempt)
        if fault is not None:
            with self._lock:
                self.stats.faults[fault] += 1
        if fault == "server_error":
            return 500, error_body(500, "The server had an error", "server_error"), {}, fault
        if fault == "dropped":
            return 0, None, {}, fault
        answer = briefing_for(text)
        if fault == "invalid_json":
            return 200, completion(request, json.dumps(answer)[:-20]), {}, fault
        if fault == "schema_violation":
            del answer["headline"]
        return 200, completion(request, json.dumps(answer)), {}, fault

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: the client reuses its connections
            # Headers and body go out in separate writes: with Nagle's algorithm on, the second waits
            # for the client's delayed ACK (~40 ms a response on Linux). No real API server stalls so.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                self._send(200, simulator.stats.as_json(), {})

            def do_POST(self) -> None:
                arrived = time.monotonic()
                request = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                stats = simulator.stats
                with simulator._lock:
                    stats.in_flight += 1
                    stats.most_in_flight = max(stats.most_in_flight, stats.in_flight)
                try:
                    status, body, headers, fault = simulator.decide(request)
                    latency = simulator.config.fault_latency if fault else simulator.config.latency
                    # The answer is encoded before the wait, which ends `latency` after the request
                    # arrived, and leaves in one write: the simulator's own work is not the
                    # endpoint's latency.
                    answer = self._answer(status, body, headers) if status else b""
                    remaining = latency - (time.monotonic() - arrived)
                    if remaining > 0:
                        time.sleep(remaining)
                finally:
                    with simulator._lock:
                        stats.in_flight -= 1
                if status == 0:  # drop the connection without a word
                    self.close_connection = True
                    self.connection.close()
                    return
                self.wfile.write(answer)

            def _send(self, status: int, body: Any, headers: dict[str, str]) -> None:
                self.wfile.write(self._answer(status, body, headers))

            def _answer(self, status: int, body: Any, headers: dict[str, str]) -> bytes:
                """The response's bytes, status line to body, in one piece."""
                if isinstance(body, dict) and isinstance(body.get("usage"), dict):
                    with simulator._lock:
                        simulator.stats.tokens += body["usage"]["total_tokens"]
                data = json.dumps(body).encode()
                reason = self.responses.get(status, ("",))[0]
                lines = [
                    f"HTTP/1.1 {status} {reason}",
                    "content-type: application/json",
                    f"content-length: {len(data)}",
                    *(f"{name}: {value}" for name, value in headers.items()),
                ]
                return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.simulator", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per answer")
    parser.add_argument("--rate", type=float, default=0.0, help="requests per second accepted (0: no limit)")
    parser.add_argument("--rpm", type=float, default=0.0, help="requests per minute (0: no limit)")
    parser.add_argument("--tpm", type=float, default=0.0, help="tokens per minute (0: no limit)")
    parser.add_argument("--burst", type=float, default=1.0, help="seconds of rpm/tpm let through at once")
    parser.add_argument("--no-limit-headers", action="store_true", help="no x-ratelimit-* headers")
    parser.add_argument("--faults", type=float, default=0.0, help="share of requests that fail")
    parser.add_argument("--fault-kinds", default="server_error,dropped", help=f"from {','.join(FAULTS)}")
    parser.add_argument("--reject-key-after", type=int, default=None)
    args = parser.parse_args()
    config = Config(
        latency=args.latency,
        rate=args.rate,
        rpm=args.rpm,
        tpm=args.tpm,
        burst=args.burst,
        limit_headers=not args.no_limit_headers,
        fault_rate=args.faults,
        faults=tuple(args.fault_kinds.split(",")),
        reject_key_after=args.reject_key_after,
    )
    with Simulator(config, port=args.port) as simulator:
        print(simulator.base_url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
