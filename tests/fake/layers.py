"""The fake endpoint's behaviours, as layers a request passes in order: each answers it or passes it on
(and may change the answer on its way back). What no layer answers gets the endpoint's default answer.

    Script(status(500, ...), answer)     the next requests get these replies, in order (then: pass on)
    RejectKey(after=3)                   401 to every request after the third
    RateLimit(rpm=1200, tpm=400_000)     a limit enforced as OpenAI does: 429s, x-ratelimit-* headers
    Faults(0.3, ("server_error", "dropped"))   a share of requests fail, chosen by a hash
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from .replies import (
    Reply,
    Step,
    answer_text,
    completion,
    error_body,
    load_answer,
    prompt_tokens,
    written_for,
)

#: The faults `Faults` can inject.
FAULTS = ("server_error", "dropped", "invalid_json", "schema_violation", "hang")


@dataclass
class Stats:
    """What the endpoint counted: requests per article ("?" for none), faults, 429s, the most requests
    in flight at once, and the tokens of every answer sent (what a real endpoint would bill); and when
    (time.time(), comparable across processes) the first request arrived, the last, and the last that
    was answered 200: what the benchmarks time a run's start-up and pace by, from the server's side."""

    requests: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    rate_limited: int = 0
    in_flight: int = 0
    most_in_flight: int = 0
    tokens: int = 0
    first_at: float | None = None
    last_at: float | None = None
    last_answered_at: float | None = None
    answered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": dict(self.requests),
            "faults": dict(self.faults),
            "rate_limited": self.rate_limited,
            "most_in_flight": self.most_in_flight,
            "tokens": self.tokens,
            "first_at": self.first_at,
            "last_at": self.last_at,
            "last_answered_at": self.last_answered_at,
            "answered": self.answered,
        }


@dataclass
class Call:
    """One request on its way through the layers."""

    body: dict[str, Any]
    #: The article it carries ("?": none), and how many requests for it the endpoint has had, this one too.
    article: str
    text: str
    attempt: int
    #: How many requests the endpoint has had in all, this one too.
    served: int
    stats: Stats

    @cached_property
    def written(self) -> dict[str, Any] | None:
        """The answer written for its article (tests/answers/), or None."""
        return load_answer(self.article) if self.article != "?" else written_for(self.body)


class Layer(Protocol):
    def __call__(self, call: Call, then: Callable[[], Reply]) -> Reply: ...


class Script:
    """Replies for the next requests, in order (chat, embeddings and a batch's lines alike); once they
    are spent, requests pass on. `steps` holds what is left: a recording should leave nothing."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self._lock = threading.Lock()

    def __call__(self, call: Call, then: Callable[[], Reply]) -> Reply:
        with self._lock:
            step = self.steps.pop(0) if self.steps else None
        return step(call.body, call.written) if step is not None else then()


class RejectKey:
    """401 to every request after the first `after` (a key revoked mid-run)."""

    def __init__(self, after: int) -> None:
        self.after = after

    def __call__(self, call: Call, then: Callable[[], Reply]) -> Reply:
        if call.served > self.after:
            body = error_body(401, "Incorrect API key provided.", "invalid_request_error")
            return Reply(401, body, fault="401")
        return then()


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


class RateLimit:
    """A rate limit, answered with 429 and retry-after-ms: a plain requests-a-second one (`rate`), or
    requests and tokens per minute (`rpm`, `tpm`; prompt + completion, as `usage` counts them) as OpenAI
    enforces them, each a token bucket refilling continuously and holding `burst` seconds' worth, with
    x-ratelimit-* headers on every response unless `headers` is False. 0: no such limit."""

    def __init__(
        self,
        *,
        rate: float = 0.0,
        rpm: float = 0.0,
        tpm: float = 0.0,
        burst: float = 1.0,
        headers: bool = True,
    ) -> None:
        self.rate, self.burst, self.headers = rate, burst, headers
        self._lock = threading.Lock()
        self._next_slot = time.monotonic()
        self._requests = _Bucket(rpm, burst) if rpm > 0 else None
        self._tokens = _Bucket(tpm, burst) if tpm > 0 else None

    def set_rpm(self, rpm: float) -> None:
        """Change the requests-per-minute limit while serving (a tier raised, another client gone)."""
        with self._lock:
            self._requests = _Bucket(rpm, self.burst) if rpm > 0 else None

    def __call__(self, call: Call, then: Callable[[], Reply]) -> Reply:
        reply = self._limited(call)
        if reply is not None:
            with call.stats.lock:
                call.stats.rate_limited += 1
        else:
            reply = then()
        if self._requests is None and self._tokens is None:
            return reply
        with self._lock:
            if self._tokens is not None and reply.status == 200 and isinstance(reply.body, dict):
                usage = reply.body.get("usage") or {}
                self._tokens.level -= usage.get("completion_tokens", 0)  # the prompt's went at admission
            reply.headers = {**reply.headers, **self._limit_headers()}
        return reply

    def _limited(self, call: Call) -> Reply | None:
        """The 429 for a request over the limit, or None once it has taken its share of it."""
        if self.rate > 0:
            with self._lock:
                now = time.monotonic()
                if self._next_slot > now + 1e-3:
                    wait = self._next_slot - now
                    headers = {"retry-after-ms": str(max(1, int(wait * 1000)))}
                    return Reply(429, error_body(429, "Rate limit reached", "requests"), headers, fault="429")
                self._next_slot = max(self._next_slot, now) + 1 / self.rate
        if self._requests is None and self._tokens is None:
            return None
        with self._lock:
            wait = self._admit(prompt_tokens(call.body))
        if wait is None:
            return None
        body = error_body(429, "Rate limit reached for requests", "requests")
        body["error"]["code"] = "rate_limit_exceeded"
        return Reply(429, body, {"retry-after-ms": str(math.ceil(wait * 1000))}, fault="429")

    def _admit(self, prompt: int) -> float | None:
        """Take one request and the prompt's tokens and return None, or return the seconds until both
        buckets hold them."""
        now = time.monotonic()
        wait = 0.0
        for bucket, need in ((self._requests, 1), (self._tokens, prompt)):
            if bucket is not None:
                bucket.refill(now)
                wait = max(wait, bucket.wait(need))
        if wait > 1e-3:
            return wait
        if self._requests is not None:
            self._requests.level -= 1
        if self._tokens is not None:
            self._tokens.level -= prompt
        return None

    def _limit_headers(self) -> dict[str, str]:
        if not self.headers:
            return {}
        headers: dict[str, str] = {}
        now = time.monotonic()
        for bucket, kind in ((self._requests, "requests"), (self._tokens, "tokens")):
            if bucket is not None:
                bucket.refill(now)
                headers |= bucket.headers(kind)
        return headers


class Faults:
    """A share (`rate`) of requests fail, as one of `kinds` (see FAULTS), only on an article's first
    `attempts` requests (0: on any). Which do is decided by a hash of (article, attempt), so a run is
    reproducible whatever order its requests arrive in. A hang trickles a byte every `trickle` seconds."""

    def __init__(
        self,
        rate: float,
        kinds: tuple[str, ...] = ("server_error", "dropped"),
        *,
        attempts: int = 0,
        trickle: float = 0.1,
    ) -> None:
        unknown = set(kinds) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; choose from {FAULTS}")
        self.rate, self.kinds, self.attempts, self.trickle = rate, kinds, attempts, trickle

    def pick(self, article: str, attempt: int) -> str | None:
        if self.rate <= 0 or (self.attempts and attempt > self.attempts):
            return None
        digest = hashlib.sha256(f"{article}:{attempt}".encode()).digest()
        if int.from_bytes(digest[:4], "big") / 2**32 >= self.rate:
            return None
        return self.kinds[digest[4] % len(self.kinds)]

    def __call__(self, call: Call, then: Callable[[], Reply]) -> Reply:
        fault = self.pick(call.article, call.attempt)
        if fault is None:
            return then()
        with call.stats.lock:
            call.stats.faults[fault] += 1
        if fault == "server_error":
            return Reply(500, error_body(500, "The server had an error", "server_error"), fault=fault)
        if fault == "dropped":
            return Reply(drop=True, fault=fault)
        if fault == "hang":
            return Reply(200, trickle=self.trickle, fault=fault)
        reply = then()
        text = answer_text(reply)
        if fault == "invalid_json":
            text = text[:-20]
        else:  # a schema violation: a required field left out
            answer = json.loads(text)
            del answer["headline"]
            text = json.dumps(answer)
        return Reply(200, completion(call.body, text), reply.headers, fault=fault)
