"""Progress on stderr for the command line: a live bar on a terminal, a plain line per article otherwise."""

from __future__ import annotations

import time
from typing import TextIO

from .pipeline import ProgressEvent

__all__ = ["ProgressBar", "ProgressLines", "progress_for"]


class ProgressLines:
    """One plain line per article (and per retry): for logs, pipes and CI."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.finished = 0
        self.pacing: float | None = None

    def __call__(self, event: ProgressEvent) -> None:
        if event.pacing is not None and (self.pacing is None or abs(event.pacing / self.pacing - 1) > 0.25):
            print(f"  rate-limited: {event.pacing:.3g} req/s", file=self.stream)
        self.pacing = event.pacing
        where = f"{event.article.origin} ({event.article.source or '-'})"
        if event.status == "retry":
            print(f"  retry   {where}: {event.detail}", file=self.stream)
            return
        self.finished += 1
        position = f"[{self.finished}/{event.total}]"
        if event.status == "failed" or event.briefing is None:
            print(f"{position} failed  {where}: {event.detail}", file=self.stream)
            return
        if event.status == "cached":
            print(f"{position} cached  {where}", file=self.stream)
            return
        usage, checks = event.briefing.usage, event.briefing.checks
        detail = f"{usage.requests} request(s), {usage.total_tokens} tokens"
        if checks.dropped:
            detail += f"; {len(checks.dropped)} ungrounded item(s) dropped"
        elif checks.flagged:
            detail += f"; {len(checks.flagged)} ungrounded item(s) marked unverified"
        if event.briefing.cut_at_tokens:
            detail += f"; cut to ~{event.briefing.cut_at_tokens:,} tokens"
        print(f"{position} done    {where}: {detail}", file=self.stream)


class ProgressBar:
    """A live bar redrawn in place: done, cached, failed, retries, tokens so far, and the time left.

    Failures are printed above the bar as they happen, so none scrolls away unseen.
    """

    WIDTH = 24

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.counts = {"done": 0, "cached": 0, "failed": 0, "retry": 0}
        self.tokens = 0
        self.total = 0
        self.pacing: float | None = None
        self._drawn = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        self.counts[event.status] += 1
        self.total = event.total
        self.tokens = event.spent.total_tokens
        self.pacing = event.pacing
        if event.status == "failed":
            self._clear()
            print(f"failed  {event.article.origin}: {event.detail}", file=self.stream)
        finished = self.counts["done"] + self.counts["cached"] + self.counts["failed"]
        now = time.monotonic()
        if finished == self.total or now - self._drawn >= 0.1 or event.status == "failed":
            self._draw(finished, now)
        if finished == self.total:
            self.stream.write("\n")
            self.stream.flush()

    def _clear(self) -> None:
        self.stream.write("\r\033[K")

    def _draw(self, finished: int, now: float) -> None:
        self._drawn = now
        filled = int(self.WIDTH * finished / self.total) if self.total else self.WIDTH
        bar = "=" * filled + ">" * (filled < self.WIDTH) + " " * (self.WIDTH - filled - 1)
        elapsed = now - self.started
        fresh = self.counts["done"] + self.counts["failed"]
        left = self.total - finished
        eta = f"{int(elapsed / fresh * left) // 60}:{int(elapsed / fresh * left) % 60:02d}" if fresh else "?"
        line = (
            f"[{bar}] {finished}/{self.total}  done {self.counts['done']}  cached {self.counts['cached']}  "
            f"failed {self.counts['failed']}  retries {self.counts['retry']}  tokens {self.tokens:,}  "
            f"left {eta if left else '0:00'}"
        )
        if self.pacing is not None:
            line += f"  rate-limited: {self.pacing:.3g} req/s"
        self._clear()
        self.stream.write(line)
        self.stream.flush()


def progress_for(stream: TextIO, *, quiet: bool) -> ProgressLines | ProgressBar | None:
    """Nothing when quiet; a live bar on a terminal; plain lines otherwise."""
    if quiet:
        return None
    return ProgressBar(stream) if stream.isatty() else ProgressLines(stream)
