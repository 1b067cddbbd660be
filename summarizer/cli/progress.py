"""Progress on stderr for the command line: a live bar on a terminal, a plain line per article otherwise."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from ..errors import redact
from ..output.escape import printable

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.live import Live

    from ..run.runner import ProgressEvent

__all__ = ["ProgressBar", "ProgressLines", "clock", "pace", "progress_for", "showing_progress"]


def clock(seconds: float) -> str:
    """A duration as a clock reads: 0:07, 12:30, 1:02:03."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace(requests_per_second: float) -> str:
    """The pace a rate limit holds the run to, the same way in both modes: one decimal."""
    return f"rate-limited: {requests_per_second:,.1f} req/s"


class _Closing:
    """Both kinds of progress are context managers: the CLI closes them however the run ends."""

    def start(self, total: int) -> None:
        """The run is about to begin, with `total` articles."""

    def close(self) -> None:
        """The run is over (finished, stopped or interrupted)."""

    def __enter__(self) -> _Closing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


class ProgressLines(_Closing):
    """One plain line per article (and per retry): for logs, pipes and CI."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.finished = 0
        self.pacing: float | None = None

    def __call__(self, event: ProgressEvent) -> None:
        if event.pacing is not None and (self.pacing is None or abs(event.pacing / self.pacing - 1) > 0.25):
            print(f"  {pace(event.pacing)}", file=self.stream)
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
        if event.status == "cached" and event.detail:  # not the cache: a copy of another input's text
            print(f"{position} copy    {where}: {event.detail}, asked once", file=self.stream)
            return
        if event.status == "cached":
            print(f"{position} cached  {where}", file=self.stream)
            return
        usage, checks = event.briefing.usage, event.briefing.checks
        detail = f"{usage.requests:,} request(s), {usage.total_tokens:,} tokens"
        if checks.dropped:
            detail += f"; {len(checks.dropped):,} ungrounded item(s) dropped"
        elif checks.flagged:
            detail += f"; {len(checks.flagged):,} ungrounded item(s) marked unverified"
        if event.briefing.cut_at_tokens:
            detail += f"; cut to ~{event.briefing.cut_at_tokens:,} tokens"
        print(f"{position} done    {where}: {detail}", file=self.stream)


class ProgressBar(_Closing):
    """A live bar on one line that fits the terminal, drawn by rich: articles finished of all, then as
    much as fits of failed, rate limit, time left, cached, retries and tokens so far.

    It shows "0/N" as soon as the run starts, redraws itself four times a second (so the time left
    moves between answers), and follows the terminal when it is resized. Failures are printed above
    the bar as they happen, so none scrolls away unseen.
    """

    #: Narrower than this, the bar is left out and the counts take the line.
    MIN_BAR = 10
    #: Wider terminals get a longer line of text, not a longer bar.
    MAX_BAR = 40

    def __init__(self, stream: TextIO, *, width: int | None = None) -> None:
        from rich.console import Console

        self.console: Console = Console(file=stream, width=width, highlight=False, soft_wrap=False)
        self.counts = {"done": 0, "cached": 0, "failed": 0, "retry": 0}
        self.total = 0
        self.tokens = 0
        self.pacing: float | None = None
        self.started = time.monotonic()
        self._live: Live | None = None
        self._closed = False

    def start(self, total: int) -> None:
        from rich.live import Live

        self.total, self.started = total, time.monotonic()
        if self._live is None and not self._closed:
            self._live = Live(
                self, console=self.console, refresh_per_second=4, redirect_stdout=False, transient=False
            )
            self._live.start(refresh=True)

    def __call__(self, event: ProgressEvent) -> None:
        if self._live is None:
            self.start(event.total)
        self.counts[event.status] += 1
        self.total = event.total
        self.tokens = event.spent.total_tokens
        self.pacing = event.pacing
        if event.status == "failed":
            from rich.text import Text

            # Text, not markup: an article's name or an error may hold [brackets]. The bar writes to the
            # terminal itself (its cursor moves), past the command line's guarded stream: its own
            # text is made printable here.
            self.console.print(Text(printable(redact(f"failed  {event.article.origin}: {event.detail}"))))
        if self.finished == self.total:
            self.close()

    def close(self) -> None:
        self._closed = True
        if self._live is not None:
            self._live.stop()  # draws the last state, puts the cursor back below it
            self._live = None

    @property
    def finished(self) -> int:
        return self.counts["done"] + self.counts["cached"] + self.counts["failed"]

    def line(self, width: int) -> tuple[int, str]:
        """The bar's width (0: no bar) and the text beside it, to fit `width` columns.

        The bar keeps one width for the whole run (a quarter of the terminal) and the count is padded
        to its final width, so nothing jumps about as the numbers grow.
        """
        count = f"{self.finished:,}/{self.total:,}".rjust(len(f"{self.total:,}/{self.total:,}"))
        bar = max(self.MIN_BAR, min(self.MAX_BAR, width // 4))
        if len(count) + 1 + bar > width:  # a very narrow terminal: the whole line for the text
            bar = 0
        room = width - bar - 1 if bar else width
        left = self._time_left()
        optional = [  # by priority: what a user needs most stays on a narrow terminal
            ("failed", f"failed {self.counts['failed']:,}" if self.counts["failed"] else ""),
            ("pace", pace(self.pacing) if self.pacing is not None else ""),
            ("left", f"{clock(left)} left" if left is not None else ""),
            ("cached", f"cached {self.counts['cached']:,}" if self.counts["cached"] else ""),
            ("retry", f"retries {self.counts['retry']:,}" if self.counts["retry"] else ""),
            ("tokens", f"{self.tokens:,} tokens" if self.tokens else ""),
        ]
        order = ["cached", "failed", "retry", "tokens", "pace", "left"]  # as they read, left to right
        chosen: dict[str, str] = {}
        for name, text in optional:
            trial = {**chosen, name: text}
            if text and len(_joined(count, trial, order)) <= room:
                chosen = trial
        return bar, _joined(count, chosen, order)[:room]

    def _time_left(self) -> float | None:
        fresh = self.counts["done"] + self.counts["failed"]  # cached ones say nothing about the pace
        remaining = self.total - self.finished
        if not remaining:
            return 0.0
        if not fresh:
            return None
        return (time.monotonic() - self.started) / fresh * remaining

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.progress_bar import ProgressBar as Bar
        from rich.table import Table
        from rich.text import Text

        bar_width, text = self.line(options.max_width)
        if not bar_width:
            yield Text(text, no_wrap=True, overflow="crop")
            return
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=bar_width, no_wrap=True)
        grid.add_column(no_wrap=True, overflow="crop")
        bar = Bar(total=max(self.total, 1), completed=self.finished, width=bar_width, finished_style="green")
        grid.add_row(bar, Text(text))
        yield grid


def _joined(count: str, parts: dict[str, str], order: list[str]) -> str:
    return "  ".join([count, *(parts[name] for name in order if name in parts)])


def progress_for(stream: TextIO, *, quiet: bool, live: bool = True) -> ProgressLines | ProgressBar | None:
    """Nothing when quiet; a live bar on a terminal (unless `live` is off, e.g. with -v, whose log lines
    would tear it); plain lines otherwise."""
    if quiet:
        return None
    terminal = stream.isatty() and os.environ.get("TERM") != "dumb"
    if terminal and live:
        # Past the command line's guarded stream (cli/streams.py), which would strip the bar's own
        # escape sequences: the bar cleans the text it prints.
        return ProgressBar(getattr(stream, "stream", stream))
    return ProgressLines(stream)


@contextmanager
def showing_progress(
    stream: TextIO, *, quiet: bool, live: bool = True
) -> Iterator[ProgressLines | ProgressBar | None]:
    """progress_for, closed however the run ends: the bar stops and the cursor is back below it before
    the summary line, an error or Ctrl-C's message is printed."""
    progress = progress_for(stream, quiet=quiet, live=live)
    try:
        yield progress
    finally:
        if progress is not None:
            progress.close()
