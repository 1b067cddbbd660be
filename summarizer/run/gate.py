"""The gate every request of a run passes: at most `concurrency` in flight, a token budget, a deadline,
a stop once no later request can succeed, and the rate limit's turn."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from ..errors import ArticleError, BudgetSpent, DeadlinePassed, RunStopped
from ..llm.ratelimit import Permit, RateController
from ..models import Usage

__all__ = ["Gate"]


class _Slots:
    """At most `size` held at once. Waiters are served in arrival order, those that say `ahead` before
    the rest: an article already under way (a retry, a re-ask, a request sent back by a 429) finishes
    before new ones start, so that a faulty article does not wait behind every article queued after it
    and end the run late."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._ahead: deque[asyncio.Future[None]] = deque()
        self._behind: deque[asyncio.Future[None]] = deque()

    async def acquire(self, ahead: bool = False) -> None:
        if self._free > 0 and not self._ahead and not self._behind:
            self._free -= 1
            return
        waiter = asyncio.get_running_loop().create_future()
        (self._ahead if ahead else self._behind).append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # handed the slot as it was cancelled: pass it on
            else:
                (self._ahead if ahead else self._behind).remove(waiter)
            raise

    def release(self) -> None:
        for queue in (self._ahead, self._behind):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return
        self._free += 1


class Gate:
    """What every request of a run passes through: at most `concurrency` in flight, a token budget, a
    deadline, a stop once no later request can succeed, and, holding its slot, the rate limit's turn.
    Backoff sleeps hold no slot; a request answered 429 gives its slot up and queues again."""

    def __init__(
        self,
        concurrency: int = 8,
        max_tokens: int | None = None,
        *,
        limiter: RateController | None = None,
        deadline: float | None = None,
    ) -> None:
        self._slots = _Slots(max(1, concurrency))
        self.max_tokens = max_tokens
        #: The run's rate controller; None: requests go out as fast as the slots allow.
        self.limiter = limiter
        #: When (time.monotonic()) the run stops sending; None: never.
        self.deadline = None if deadline is None else time.monotonic() + deadline
        self.spent = Usage()
        self.stopped: ArticleError | None = None

    async def turn(self, tokens: int) -> Permit | None:
        """Wait this request's turn under the rate limit (inside `request()`: the permit is spent the
        moment it is granted, so the controller's count is what the server sees)."""
        if self.limiter is None:
            return None
        if self.deadline is None:
            return await self.limiter.acquire(tokens)
        try:
            return await asyncio.wait_for(self.limiter.acquire(tokens), self.deadline - time.monotonic())
        except TimeoutError:
            raise DeadlinePassed("the run's deadline passed before this article") from None

    def record(self, usage: Usage) -> None:
        self.spent = self.spent + usage

    def stop(self, error: ArticleError) -> None:
        if self.stopped is None:
            self.stopped = error

    @asynccontextmanager
    async def request(self, ahead: bool = False) -> AsyncIterator[None]:
        """Hold one of the slots; `ahead`: this article is under way, serve it before new ones."""
        await self._slots.acquire(ahead)
        try:
            if self.stopped is not None:
                raise RunStopped(f"the run stopped: {self.stopped.message}")
            if self.max_tokens is not None and self.spent.total_tokens >= self.max_tokens:
                raise BudgetSpent(
                    f"the run's token budget ({self.max_tokens:,}) was spent before this article"
                )
            if self.deadline is not None and time.monotonic() >= self.deadline:
                when = "between two attempts of this article" if ahead else "before this article"
                raise DeadlinePassed(f"the run's deadline passed {when}")
            yield
        finally:
            self._slots.release()
