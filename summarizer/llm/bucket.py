"""A token bucket: a level that refills at a rate a second up to a capacity; the rate controller keeps
one for requests and one for tokens."""

from __future__ import annotations

__all__ = []


class Bucket:
    """A token bucket: `level` refills at `rate` a second up to `capacity`; None rate: never empty."""

    def __init__(self, rate: float | None, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.capacity = self._capacity()
        self.level = self.capacity
        self.stamp = now

    def _capacity(self) -> float:
        return 1.0 if self.rate is None else max(1.0, self.rate * self.burst)

    def refill(self, now: float) -> None:
        # The stamp may lie in the future while everyone is paused: nothing refills until then.
        if now > self.stamp:
            if self.rate is not None:
                self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
            self.stamp = now

    def set_rate(self, rate: float | None, now: float) -> None:
        self.refill(now)
        if rate is not None and self.rate is None:
            self.level = max(1.0, rate * self.burst)  # a bucket that was not limiting was full
        self.rate = rate
        self.capacity = self._capacity()
        self.level = min(self.level, self.capacity)
