"""How soon a transport fault is tried again: at once while the endpoint answers most requests, with
doubling backoff once it fails more than it answers. One per run, shared by all its requests.

The run's time is its slowest article's: with a fixed doubling backoff, the one article in a few
hundred that meets five faults in a row sleeps 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s while the rest of the
run is done, and 30% faults cost 1.7 to 2.6 times the fault-free time in some runs (issue #24). What
the best clients do about it, and what is taken here:

- gRPC's retry throttling (gRFC A6) keeps a token count per server: each failure takes one, each
  success gives some back, and retries stop while the count is at or under half its maximum. AWS's
  standard mode has the same shape (a retry quota, refilled by successes). Both use the count to
  *refuse* retries, which loses the article; here it picks the *delay* instead: a healthy endpoint
  (count above half) gets a quick retry, one that fails more than it answers gets the doubling
  backoff, and after enough failures in a row every article is back on the full chain (a real outage
  still gets ~50 s of waits before an article is given up, as before).
- Full jitter (AWS's and gRPC's backoff: a uniform draw up to the step) for the quick retry, so that
  the requests one fault burst turned away do not come back at the same instant.
- Hedged requests (The Tail at Scale) are not taken: a hedge is a second request for an answer that
  is on its way, paid for whether it wins or not, and a run may send at most its failed requests
  again. A dropped connection or a 500 is an answer, and is retried; a slow answer is waited for
  (up to `--timeout`).

A 429 is none of this module's business: the rate controller paces every request, retries included,
so quick retries cannot stampede a rate-limited endpoint.
"""

from __future__ import annotations

import random

__all__ = ["Health"]


class Health:
    """The endpoint's health as a token count (gRPC's retry throttling): `tokens` at most and at the
    start; each transport fault takes one, each answer gives `ratio` back. Healthy while the count is
    above half: quick retries then. With `ratio` 1, an endpoint failing fewer requests than it answers
    stays healthy (30% faults drift the count up); one failing more drains it in about `tokens` / 2
    faults net."""

    def __init__(self, tokens: float = 10.0, ratio: float = 1.0) -> None:
        self.capacity, self.ratio = tokens, ratio
        self.tokens = tokens

    @property
    def healthy(self) -> bool:
        return self.tokens > self.capacity / 2

    def answered(self) -> None:
        """A request got its answer."""
        self.tokens = min(self.capacity, self.tokens + self.ratio)

    def failed(self) -> None:
        """A request met a transport fault (a 5xx, a dropped connection, a timeout)."""
        self.tokens = max(0.0, self.tokens - 1)

    def delay(self, attempt: int, initial: float, most: float) -> float:
        """Seconds before the next attempt of a request whose `attempt`-th just failed: while healthy,
        a uniform draw up to `initial` (full jitter, no doubling); else `initial` doubled at each
        attempt, plus up to `initial` of jitter, at most `most` (the backoff of RetryPolicy)."""
        if self.healthy:
            return random.uniform(0, initial)
        return min(most, initial * 2.0 ** (attempt - 1) + random.uniform(0, initial))
