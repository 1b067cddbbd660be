"""The parts of the settings that are values of their own: retries, prices, the date window, how live
sources are fetched. Each validated when built, like the settings that hold them."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from ..models import Article, Usage
from .options import default_as

__all__ = [
    "FetchPolicy",
    "MAX_FEED_ENTRIES",
    "MAX_PER_FEED",
    "Prices",
    "RetryPolicy",
    "Window",
    "parse_moment",
]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RetryPolicy(_Value):
    """Transport-fault retries: exponential backoff with jitter, or what the server's retry-after says."""

    # A blip is retried within ~0.1 s while the endpoint answers most requests (llm/health.py); a real
    # outage still gets ~50 s of doubling waits (capped at 30 s) before the article is given up. A 429
    # waits what the server's retry-after says instead.
    attempts: int = Field(default=10, ge=1)
    initial_wait: float = Field(default=0.1, ge=0)
    max_wait: float = Field(default=30.0, ge=0)


class Prices(_Value):
    """Dollars per million tokens. Only what the user configures: summarizer never guesses a price."""

    input: float = Field(ge=0)
    output: float = Field(ge=0)
    cached_input: float | None = Field(default=None, ge=0)

    @classmethod
    def parse(cls, text: str) -> Prices:
        """'IN,OUT[,CACHED]', as `--price` and `SUMMARIZER_PRICE` give it."""
        try:
            values = [float(part) for part in text.split(",")]
        except ValueError:
            values = []
        if len(values) not in (2, 3) or any(value < 0 for value in values):
            raise ValueError("give dollars per million tokens as IN,OUT[,CACHED], e.g. 0.10,0.50")
        return cls(input=values[0], output=values[1], cached_input=values[2] if len(values) == 3 else None)

    def cost(self, usage: Usage) -> float:
        cached = usage.cached_prompt_tokens
        cached_price = self.input if self.cached_input is None else self.cached_input
        return (
            (usage.prompt_tokens - cached) * self.input
            + cached * cached_price
            + usage.completion_tokens * self.output
        ) / 1_000_000


class Window(_Value):
    """Articles published before `since` or after `until` are left out (those without a date are kept)."""

    since: datetime | None = None
    until: datetime | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Window:
        # `--until 2020-01-01 --since 2025-01-01` (a typo) would leave every article out and exit 0.
        since, until = _naive(self.since), _naive(self.until)
        if since is not None and until is not None and since > until:
            raise ValueError(f"since ({self.since}) is after until ({self.until}): no article can be in it")
        return self

    def keeps(self, article: Article) -> bool:
        return self.admits(article.published)

    def admits(self, published: datetime | None) -> bool:
        """Whether a moment of publication is inside the window (no moment: kept)."""
        if published is None:
            return True
        if published.tzinfo is not None:
            published = published.astimezone(UTC).replace(tzinfo=None)
        since, until = (_naive(moment) for moment in (self.since, self.until))
        return (since is None or published >= since) and (until is None or published <= until)


_AGO = re.compile(r"(\d+(?:\.\d+)?)\s*([mhdw])", re.I)


_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_moment(text: str, *, now: datetime | None = None) -> datetime:
    """A moment for a window's bound: an ISO date or time, or a time ago ("90m", "24h", "2d", "1w").

    Raises ValueError saying what is accepted."""
    ago = _AGO.fullmatch(text.strip())
    if ago:
        amount, unit = float(ago[1]), _UNITS[ago[2].lower()]
        return (now or datetime.now(UTC)) - timedelta(**{unit: amount})
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("give a date (YYYY-MM-DD), an ISO time, or a time ago: 90m, 24h, 2d, 1w") from None


def _naive(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


#: The default caps on what feeds may queue: entries of one feed, and of all the run's feeds.
MAX_PER_FEED = default_as("fetch.max_per_feed", int)


MAX_FEED_ENTRIES = default_as("fetch.max_feed_entries", int)


class FetchPolicy(_Value):
    """How live sources (URLs, feeds) are fetched: what bounds every response, what manners every host
    is shown, and which addresses may be reached at all."""

    #: Seconds one request may take (each redirect hop is one), a slow trickle of bytes included.
    timeout: float = Field(default=20.0, gt=0)
    #: A response larger than this (after gzip) is not read past it, and fails.
    max_bytes: int = Field(default=5 * 2**20, ge=1)
    max_redirects: int = Field(default=5, ge=0)
    #: Requests in flight at once, and at once to one host.
    concurrency: int = Field(default=16, ge=1)
    per_host: int = Field(default=2, ge=1)
    #: Seconds between two requests to one host (a robots.txt Crawl-delay, up to 10 s, can lengthen it).
    host_delay: float = Field(default=0.25, ge=0)
    #: Honour robots.txt (RFC 9309); False fetches what it disallows.
    robots: bool = default_as("fetch.robots", bool)
    #: Reach private, loopback, link-local and reserved addresses (an intranet CMS); refused by default,
    #: checked after DNS resolution and again on every redirect.
    allow_private: bool = default_as("fetch.allow_private", bool)
    #: Fetch the page of a feed entry that holds no full content.
    follow_links: bool = default_as("fetch.follow_links", bool)
    #: Entries read from one feed, in the feed's order, after the window (--since/--until): a feed of
    #: 10,000 full-text entries (4.8 MB, under max_bytes) queued 10,000 articles and 11M tokens. A
    #: news feed carries its last 10 to 50 entries; an hourly run needs far fewer. None: no cap.
    max_per_feed: int | None = Field(default=MAX_PER_FEED, ge=1)
    #: Entries read from all the run's feeds, the first feeds given first: a list of 100 feeds of 100
    #: entries is still 1,000 articles at most. None: no cap.
    max_feed_entries: int | None = Field(default=MAX_FEED_ENTRIES, ge=1)
