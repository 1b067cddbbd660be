"""What a response's headers say about the rate limits (x-ratelimit-*, retry-after), and whether a 429
is a spent quota rather than a pace: read once here, for the rate controller and the retries."""

from __future__ import annotations

import email.utils
import json
import math
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["QUOTA_CODES", "Signals", "is_quota_exhausted", "parse_duration", "read_signals", "retry_after"]

# OpenAI's error codes for money or quota, not pace (help.openai.com article 6614457). Older bodies
# carry only type "insufficient_quota", with code null or "insufficient_quota".
QUOTA_CODES = frozenset(
    {
        "insufficient_quota",
        "credit_balance_exhausted",
        "organization_spend_limit_exceeded",
        "project_spend_limit_exceeded",
        "organization_usage_limit_exceeded",
    }
)

# Go's time.Duration format, which OpenAI's reset headers use: "1s", "6m0s", "20ms", "1h2m3.5s", "1.5µs".
_DURATION_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|μs|ns)")
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ns": 1e-9}


def parse_duration(text: str) -> float | None:
    """Seconds in a duration such as "1s", "6m0s", "20ms" or "1h2m3.5s" (a bare number is seconds)."""
    text = text.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    parts = _DURATION_PART.findall(text)
    if not parts or "".join(number + unit for number, unit in parts) != text:
        return None
    return sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)


@dataclass(frozen=True)
class Signals:
    """What a response's headers say about the limits; None where a header is absent or unreadable.
    Times are seconds from when the response was read."""

    limit_requests: float | None = None
    limit_tokens: float | None = None
    remaining_requests: float | None = None
    remaining_tokens: float | None = None
    reset_requests: float | None = None
    reset_tokens: float | None = None
    retry_after: float | None = None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def retry_after(headers: Mapping[str, str], wall: float | None = None) -> float | None:
    """The wait a response asks for, in seconds: retry-after-ms, then retry-after (seconds, or an HTTP
    date, which may lie in the past: then below zero); None when it asks for none. `headers` in lower
    case; `wall` is the current time.time()."""
    if (ms := _number(headers.get("retry-after-ms"))) is not None:
        return ms / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    if (seconds := _number(value)) is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.timestamp() - (time.time() if wall is None else wall)


def read_signals(headers: Mapping[str, str] | None, *, wall: float | None = None) -> Signals:
    """The rate-limit signals in a response's headers (any letter case). `wall` is the current
    time.time(), for a retry-after given as an HTTP date."""
    if not headers:
        return Signals()
    lower = {name.lower(): value for name, value in headers.items()}
    asked = retry_after(lower, wall)

    def duration(name: str) -> float | None:
        value = lower.get(name)
        return None if value is None else parse_duration(value)

    return Signals(
        limit_requests=_number(lower.get("x-ratelimit-limit-requests")),
        limit_tokens=_number(lower.get("x-ratelimit-limit-tokens")),
        remaining_requests=_number(lower.get("x-ratelimit-remaining-requests")),
        remaining_tokens=_number(lower.get("x-ratelimit-remaining-tokens")),
        reset_requests=duration("x-ratelimit-reset-requests"),
        reset_tokens=duration("x-ratelimit-reset-tokens"),
        retry_after=None if asked is None else max(0.0, asked),
    )


def is_quota_exhausted(body: object) -> bool:
    """Whether a 429's body says the quota or credit is spent (waiting will not help), rather than the
    pace. Takes the whole body ({"error": {...}}), the inner error (what openai's APIStatusError.body
    holds), or the body's JSON text."""
    if isinstance(body, bytes | str):
        try:
            body = json.loads(body)
        except ValueError:
            return False
    if not isinstance(body, Mapping):
        return False
    error = body.get("error", body)
    if not isinstance(error, Mapping):
        return False
    return error.get("type") == "insufficient_quota" or error.get("code") in QUOTA_CODES
