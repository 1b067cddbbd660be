"""The run's rate controller: every request asks it before it is sent, so the run stays under the limits.

How it works. Two token buckets, one for requests and one for tokens, refill continuously: requests at
the current *pace* (requests a second), tokens at the tokens-per-minute limit. `acquire` serves callers
strictly in arrival order: only the one at the head of the line sleeps, until the buckets hold what it
needs and no pause is on; the rest queue behind it. A granted `Permit` is fed back with `settle` (the
response arrived: the real token count and the response's headers) or `rejected` (a 429).

The pace is AIMD. It starts at the lower of the explicit limit and the server's advertised
`x-ratelimit-limit-requests`, or unlimited when neither is known. A 429 pauses everyone once, until the
moment the server's retry-after names, multiplies the pace by `decrease`, and empties the request
bucket so that after the pause requests leave one by one at the new pace, not all at once. A 429 for a
request paced within the limit the server advertises pauses without the cut: the pace is known, and
only the requests' arrival was bunched. Each response that arrives without a 429 then adds back to the
pace, so that it regains what the cut took in about `recovery` seconds, up to the ceiling. 429s for
requests sent before the last cut were sent at the old pace: they extend the pause, not cut again.

The server's `x-ratelimit-limit-*` headers set the ceilings (under any explicit one), and its
`x-ratelimit-remaining-*` headers pull the buckets down when the server counts more use than this run
knows of (another process on the same key; requests past SYNC_SLACK): a response's `remaining` is read
less what the requests sent after it (not racing it: RACE) cost, each at its answer's real count once
known (its estimate until then, nothing if rejected). The run asks for its turn holding a concurrency
slot, so a permit is a request sent: the first wave, before anything is known, is as many as the slots.
OpenAI's buckets refill continuously and `x-ratelimit-reset-*` is the time until one is full again
(12ms with one of 5,000 requests used), so a bucket synced to `remaining` refills on its own; only
while the limit is unknown does "remaining 0" pause everyone for the whole reset.

A 429 for exhausted quota or billing is no rate limit: waiting does not help (signals.py)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping

from .bucket import Bucket
from .permit import MAX_RETRY_AFTER, Permit
from .signals import Signals, read_signals

__all__ = ["MAX_RETRY_AFTER", "Permit", "RateController"]

logger = logging.getLogger(__name__)


Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


#: How far the server's `remaining` may fall short of the run's count before it pulls the request bucket
#: down: the server rounds down, and read strictly, early answers held the next request back (pacing
#: 0.92-0.95 of the ideal at 1,200 rpm, issue #24). Another client's use outgrows it.
SYNC_SLACK = 2.0

#: Requests sent within this many seconds of an answered one race it to the server: its `remaining` may
#: count them already. A first-wave answer that reached the server fourth, read as first, sank the bucket
#: four requests (0.2 s of silence at 1,200 rpm, issue #24). Paced requests leave farther apart.
RACE = 0.02


class RateController:
    """Requests and tokens per minute for one run: `acquire` before each request, then `settle` or
    `rejected` with the response. Explicit `rpm` and `tpm` are ceilings; None: learn from the server.
    A known limit is paced at `headroom` times itself; `burst` seconds of pace may go out at once."""

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        burst: float = 0.5,
        headroom: float = 0.97,
        decrease: float = 0.5,
        recovery: float = 10.0,
        min_pace: float = 1 / 60,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        wall: Clock = time.time,
    ) -> None:
        self._clock, self._sleep, self._wall = clock, sleep, wall
        self._user_rpm, self._user_tpm = rpm, tpm
        self._server_rpm: float | None = None
        self._server_tpm: float | None = None
        self._decrease, self._recovery, self._min_pace = decrease, recovery, min_pace
        # Paced exactly at the limit, a request that reaches the server a millisecond early finds its
        # bucket short (measured: 3 429s and 1.7 x the ideal time for 300 requests at 1,200 rpm).
        self._headroom = headroom
        # The server's burst is not told; half a second's worth is under OpenAI's quantised limits. A
        # full second's bunched the paced requests behind the first burst: 7 429s, a halved pace.
        now = clock()
        ceiling = self._pace_ceiling()
        self._requests = Bucket(ceiling, burst, now)
        self._tokens = Bucket(None if tpm is None else tpm / 60 * headroom, burst, now)
        # Additive increase, in requests a second per second; set at each cut, so that the pace climbs
        # back to where it was cut from in `recovery` seconds.
        self._climb = 0.0
        self._cuts = 0
        self._paused_until = now
        self._turn = asyncio.Lock()  # asyncio's lock wakes its waiters first come, first served
        # Set by every answer, 429 and lost request: the head of the line wakes to work out its wait
        # again, since what it slept on may be stale (a later 429 ends the pause sooner, or an answer
        # moves the bucket).
        self._changed = asyncio.Event()
        self._recent: deque[float] = deque()  # when recent requests went out, to size the first cut
        # What each request not yet known to be over costs the server, and those after it, by number:
        # (requests, tokens), the estimate until its answer tells the real count, nothing once
        # rejected. A response's `remaining` counts only what came before it: this is what came after.
        self._charges: dict[int, tuple[int, int]] = {}
        self._sent_at: dict[int, float] = {}  # when each of those went out
        self._open: set[int] = set()
        self._tokens_per_request: float | None = None
        self._strikes = 0  # 429s in a row without a retry-after, for the fallback pause
        #: Requests sent (permits granted).
        self.sent = 0
        #: 429s received (rate limits; quota ones too, if passed to `rejected`).
        self.throttled = 0
        #: Requests that had to wait for their turn: the limit, not the slots, set their time.
        self.delayed = 0

    # --- what progress shows ------------------------------------------------------------------------

    @property
    def pacing(self) -> float | None:
        """The pace requests go out at (requests a second), or None while nothing limits them."""
        paces = []
        if self._requests.rate is not None:
            paces.append(self._requests.rate)
        if self._tokens.rate is not None and self._tokens_per_request:
            paces.append(self._tokens.rate / self._tokens_per_request)
        return min(paces) if paces else None

    @property
    def paused_for(self) -> float:
        """Seconds left of the pause a 429 imposed (0 when none is on)."""
        return max(0.0, self._paused_until - self._clock())

    # --- the three calls ----------------------------------------------------------------------------

    async def acquire(self, tokens: int = 0) -> Permit:
        """Wait this request's turn, in arrival order, and return its permit. `tokens`: the request's
        estimated prompt and completion tokens (0 when no token limit matters)."""
        async with self._turn:
            waited = False
            while (wait := self._wait(tokens, self._clock())) > 1e-9:
                waited = True
                await self._nap(wait)
            self.delayed += waited
            now = self._clock()
            self._requests.level -= 1
            self._tokens.level -= tokens
            self.sent += 1
            self._charges[self.sent] = (1, tokens)
            self._sent_at[self.sent] = now
            self._open.add(self.sent)
            self._recent.append(now)
            while self._recent and self._recent[0] < now - 1.0:
                self._recent.popleft()
            return Permit(self.sent, tokens, self._requests.rate, self._cuts)

    async def _nap(self, seconds: float) -> None:
        """Sleep `seconds`, or until an answer, a 429 or a lost request changes what the line waits
        for (a wait worked out before the first wave's 429s held the line past them, issue #24)."""
        self._changed.clear()
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        woken = asyncio.ensure_future(self._changed.wait())
        try:
            await asyncio.wait({sleeper, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            woken.cancel()

    def settle(
        self, permit: Permit, used_tokens: int | None = None, headers: Mapping[str, str] | None = None
    ) -> None:
        """A response arrived for `permit` (not a 429): charge its real token count (None: the
        estimate stands) and learn from its headers. The pace climbs back toward the ceiling."""
        now = self._clock()
        if used_tokens is not None:
            self._tokens.refill(now)
            self._tokens.level += permit.tokens - used_tokens
            self._charges[permit.number] = (1, used_tokens)
            # Smoothed, for converting a token pace into requests a second in `pacing`.
            last = self._tokens_per_request
            self._tokens_per_request = used_tokens if last is None else 0.9 * last + 0.1 * used_tokens
        self._strikes = 0
        self._learn(permit, read_signals(headers, wall=self._wall()), now)
        self._close(permit)
        pace = self._requests.rate
        if pace is not None and self._climb > 0:
            # Responses arrive about `pace` times a second, so this adds `_climb` a second.
            raised = pace + self._climb / pace
            ceiling = self._pace_ceiling()
            self._requests.set_rate(raised if ceiling is None else min(raised, ceiling), now)
        self._changed.set()

    def rejected(
        self, permit: Permit, headers: Mapping[str, str] | None = None, *, patience: float = MAX_RETRY_AFTER
    ) -> float | None:
        """The request with `permit` was answered 429: pause everyone until the server's retry-after
        and, unless the request went out before the latest cut, cut the pace; the pause, in seconds.
        None when the wait is longer than `patience` (what the request may still wait): then nobody
        is paused, and the request is to fail."""
        now = self._clock()
        signals = read_signals(headers, wall=self._wall())
        self._learn(permit, signals, now, answered=False)
        self.throttled += 1
        self._tokens.refill(now)
        self._tokens.level += permit.tokens  # a rejected request used none
        self._charges[permit.number] = (0, 0)
        delay = signals.retry_after
        if delay is None:
            delay = min(60.0, 2.0**self._strikes)  # no word from the server: back off, doubling
            self._strikes += 1
        if delay > patience:
            logger.info(
                "rate limited: the server asked to wait %.2fs, more than the %.2fs the request may still "
                "wait (MAX_RETRY_AFTER): not waiting, the request fails",
                delay,
                max(0.0, patience),
            )
            self._close(permit)
            self._changed.set()
            return None
        # The server names the moment it will take one request again; the requests this run sent
        # after this one (not rejected, not racing it) reach it first and take that capacity. Handing
        # the bucket a full request at each pause's end gave every 429 a free request past the pace
        # (106 429s for 300 articles); a first-wave 429 that arrived late, read against the whole wave,
        # sank the bucket 17 requests (0.9 s of silence, pacing 0.90 in 2 runs of 5, issue #24).
        self._pause(now + delay, level=1.0 - self._since(permit, racing=RACE)[0])
        self._close(permit)
        if permit.cuts == self._cuts and not self._at_told_limit(permit):
            self._cut(permit, now)
        self._changed.set()
        return delay

    def forget(self, permit: Permit) -> None:
        """No answer came for `permit` (the connection dropped, the wait timed out): the server may
        have counted it, so its estimate stands."""
        self._close(permit)
        self._changed.set()

    # --- inside -------------------------------------------------------------------------------------

    def _at_told_limit(self, permit: Permit) -> bool:
        """Whether the request went out paced within the limit the server itself advertises: then its
        429 says the requests reached the server bunched (a stalled event loop, a slow connect), not
        that the pace is wrong, and the pause alone realigns them. Halving the pace for it cost a
        quarter of a 300-article run at 1,200 rpm (pacing 0.81 of the ideal instead of 0.97, issue
        #24). Another client on the same key shows in the `remaining` headers, which pull the bucket
        down; a limit the user gave (--rpm) may be wrong, and is still cut (AIMD)."""
        if permit.pace is None or self._server_rpm is None:
            return False
        return permit.pace <= self._server_rpm / 60 * self._headroom * 1.001

    def _pace_ceiling(self) -> float | None:
        limits = [rpm / 60 * self._headroom for rpm in (self._user_rpm, self._server_rpm) if rpm is not None]
        return min(limits) if limits else None

    def _wait(self, tokens: int, now: float) -> float:
        self._requests.refill(now)
        self._tokens.refill(now)
        waits = [self._paused_until - now]
        if self._requests.rate is not None:
            waits.append((1 - self._requests.level) / self._requests.rate)
        if self._tokens.rate is not None:
            # At most a full bucket: a request larger than the bucket goes when it is full, and the
            # debt it leaves holds the next ones back, so the long-run rate still keeps the limit.
            need = min(tokens, self._tokens.capacity)
            waits.append((need - self._tokens.level) / self._tokens.rate)
        return max(waits)

    def _pause(self, until: float, level: float | None = None) -> None:
        """Nobody goes before `until`; the request bucket refills from then on, from `level` (or what
        it holds now, at most one: after a pause requests leave paced, not all at once)."""
        now = self._clock()
        if until - now > MAX_RETRY_AFTER:
            logger.info(
                "rate limited: the server asked for %.2fs; pausing all requests for %.2fs, the most it "
                "may ask (MAX_RETRY_AFTER)",
                until - now,
                MAX_RETRY_AFTER,
            )
            until = now + MAX_RETRY_AFTER
        elif until > self._paused_until:
            logger.info("rate limited: pausing all requests for %.2fs", until - now)
        if until > self._paused_until:
            self._paused_until = until
        bucket = self._requests
        bucket.refill(self._clock())
        bucket.level = min(bucket.level, 1.0) if level is None else level
        bucket.stamp = max(bucket.stamp, self._paused_until)

    def _cut(self, permit: Permit, now: float) -> None:
        ceiling = self._pace_ceiling()
        if permit.pace is None and ceiling is not None:
            # It went out unpaced (the limit was not known yet): the burst failed, not the ceiling.
            pace = ceiling
        else:
            was = permit.pace if permit.pace is not None else self._observed_pace(now)
            pace = max(self._min_pace, was * self._decrease)
            if ceiling is not None:
                pace = min(pace, ceiling)
            self._climb = max(0.0, was - pace) / self._recovery
        self._cuts += 1
        self._requests.set_rate(pace, now)
        logger.info("rate limited: pace now %.2f requests/s", pace)

    def _observed_pace(self, now: float) -> float:
        recent = [sent for sent in self._recent if sent >= now - 1.0]
        if not recent:
            return self._min_pace
        return max(self._min_pace, len(recent) / max(now - recent[0], 1 / len(recent), 1e-3))

    def _learn(self, permit: Permit, signals: Signals, now: float, *, answered: bool = True) -> None:
        if signals.limit_requests is not None and signals.limit_requests > 0:
            self._server_rpm = signals.limit_requests
            ceiling = self._pace_ceiling()
            assert ceiling is not None
            pace = self._requests.rate
            if pace is None or pace > ceiling:
                self._requests.set_rate(ceiling, now)
        if signals.limit_tokens is not None and signals.limit_tokens > 0:
            self._server_tpm = signals.limit_tokens
            tpm = min(t for t in (self._user_tpm, self._server_tpm) if t is not None)
            self._tokens.set_rate(tpm / 60 * self._headroom, now)
        if not answered:
            # A 429's retry-after is the server's word on when to go on. Its "remaining 0" mostly
            # counts this run's own burst, and read against estimates still in flight it sank the
            # token bucket seconds deeper than the server's (measured: a 3.7 s silence at the start).
            return
        # What the server has left, less what this run has sent since that request: the buckets
        # never hold more than that (another client on the same key uses the same limit).
        requests, tokens = self._since(permit, racing=RACE)
        self._sync(
            self._requests,
            signals.remaining_requests,
            signals.reset_requests,
            since=requests,
            need=1,
            now=now,
            slack=SYNC_SLACK,
        )
        self._sync(
            self._tokens,
            signals.remaining_tokens,
            signals.reset_tokens,
            since=tokens,
            need=max(1, permit.tokens),
            now=now,
        )

    def _since(self, permit: Permit, *, racing: float = 0.0) -> tuple[int, int]:
        """The requests and tokens sent after `permit`, as far as this run knows them now: the server
        counts them after it. Those sent less than `racing` seconds after it are left out: they may
        have reached the server first. (Counting estimates where answers had told the real, smaller,
        count sank the token bucket: 38 s instead of 31 for the same run, depending on answer order.)"""
        requests = tokens = 0
        sent = self._sent_at.get(permit.number)
        for number in reversed(self._charges):
            if number <= permit.number:
                break
            if sent is not None and self._sent_at[number] - sent < racing:
                break  # this one and those before it raced `permit`
            charged_requests, charged_tokens = self._charges[number]
            requests += charged_requests
            tokens += charged_tokens
        return requests, tokens

    def _close(self, permit: Permit) -> None:
        """`permit` is answered: its charge is final. Charges older than every open one are no longer
        asked for."""
        self._open.discard(permit.number)
        while self._charges:
            oldest = next(iter(self._charges))
            if oldest in self._open:
                break
            del self._charges[oldest]
            del self._sent_at[oldest]

    def _sync(
        self,
        bucket: Bucket,
        remaining: float | None,
        reset: float | None,
        *,
        since: float,
        need: float,
        now: float,
        slack: float = 0.0,
    ) -> None:
        if remaining is None:
            return
        if bucket.rate is not None:
            bucket.refill(now)
            if remaining - since < bucket.level - slack:
                bucket.level = remaining - since
        elif remaining < need and reset is not None:
            # The limit is not known, so neither is the refill: wait for the whole reset.
            self._pause(now + reset)
