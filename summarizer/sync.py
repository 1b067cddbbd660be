"""One event loop for every synchronous call of the process: how the sync API runs the async core."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from contextlib import suppress
from typing import Any, TypeVar

__all__ = ["run_sync"]

T = TypeVar("T")

_portal_lock = threading.Lock()
_portal_loop: asyncio.AbstractEventLoop | None = None


def _portal() -> asyncio.AbstractEventLoop:
    """One event loop on a thread of its own, for every synchronous call of this process.

    One loop, not a new one per call: a client given to make_brief twice keeps working (its connections
    belong to the loop that opened them), and a caller that already runs a loop (Jupyter) can still call
    the synchronous API.
    """
    global _portal_loop
    with _portal_lock:
        if _portal_loop is None or _portal_loop.is_closed():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="summarizer-loop", daemon=True).start()
            _portal_loop = loop
        return _portal_loop


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` to its end on the portal loop; Ctrl-C cancels it there and is raised here."""
    future = asyncio.run_coroutine_threadsafe(coroutine, _portal())
    try:
        return future.result()
    except BaseException:
        if future.done():
            raise
        # Ctrl-C (or SIGTERM turned into one) in this thread: stop the run's requests, let its
        # cancellation finish (clients closed, nothing half-written), then let the caller see it.
        future.cancel()
        with suppress(BaseException):
            future.result(timeout=10)
        raise
