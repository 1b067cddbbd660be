"""What a run tells the caller's progress display as it goes: each article's outcome, and the total."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..models import Article, ArticleBriefing, Usage

__all__ = ["Progress", "ProgressEvent", "Status", "announce"]


#: What became of an article (or that it is being retried), as a progress callback hears it.
Status = Literal["done", "cached", "failed", "retry"]


@dataclass(frozen=True)
class ProgressEvent:
    """What the pipeline tells a progress callback: an article finished, came from the cache, failed,
    or is being retried; with the run's totals so far."""

    status: Status
    article: Article
    total: int
    detail: str = ""
    briefing: ArticleBriefing | None = None
    spent: Usage = field(default_factory=Usage)
    #: The pace the rate limit holds the run to (requests a second), None while nothing limits it.
    pacing: float | None = None


Progress = Callable[[ProgressEvent], None]


def announce(progress: Progress | None, total: int) -> None:
    """Tell a progress display with a `start(total)` (the command line's bar) how many articles the run
    has, so that it shows 0/N before the first answer."""
    start = getattr(progress, "start", None)
    if callable(start):
        start(total)
