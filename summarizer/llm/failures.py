"""What an OpenAI-compatible endpoint's failures mean: whether to try again, what to say, and which of
the project's own errors (errors.py) each becomes. With engine.py, the only module that knows the SDK."""

from __future__ import annotations

import math

import httpx2

from ..config.settings import Settings
from ..errors import AccessDenied, ArticleError, EndpointError, RequestRejected, TransportError, redact
from .ratelimit import MAX_RETRY_AFTER
from .sdk import openai
from .signals import is_quota_exhausted
from .signals import retry_after as asked_delay

__all__ = [
    "RETRIABLE_STATUS",
    "describe",
    "is_transient",
    "quota_exhausted",
    "refused",
    "retry_after",
    "server_message",
    "translate",
    "waited_too_long",
]

# 408 request timeout, 409 conflict (lock contention), 429 rate limit; every 5xx but 501.
RETRIABLE_STATUS = frozenset({408, 409, 429})
# 405 method not allowed, 501 not implemented: what a web server that is not an API answers a POST
# (python -m http.server, a static nginx). Retrying them cost 10 attempts an article for nothing.
NOT_AN_API_STATUS = frozenset({405, 501})


def is_transient(error: BaseException, *, reached: bool) -> bool:
    """Whether another attempt may succeed. `reached`: some request of the run got an HTTP answer."""
    # (A rate-limit 429 reaches here only without a rate controller, as in unit tests of the engine.)
    if isinstance(error, openai.APITimeoutError):
        return True
    if isinstance(error, openai.APIConnectionError):
        # Before any answer, a refused connection is a wrong address; one dropped after it was
        # made is a blip whatever came before (it was the first fault of a run against a
        # flaky endpoint, whose errors come back before its answers, and stopped the run).
        return reached or not refused(error)
    if isinstance(error, openai.APIStatusError):
        if quota_exhausted(error) or asks_too_long(error):
            return False
        return _retriable(error.status_code)
    return False


def _retriable(status: int) -> bool:
    return status in RETRIABLE_STATUS or (status >= 500 and status not in NOT_AN_API_STATUS)


def describe(error: BaseException | None, timeout: float) -> str:
    """A few words for a failed attempt, for progress and the log."""
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code}"
    if isinstance(error, openai.APITimeoutError):
        return f"no answer within {timeout:g}s (a hang)"
    if isinstance(error, openai.APIConnectionError):
        return "connection failed"
    return type(error).__name__


def translate(error: openai.APIError, settings: Settings, base_url: object, *, reached: bool) -> ArticleError:
    """The project's error for an SDK error that ended an article, its attempts spent."""
    attempts = settings.retry.attempts
    if isinstance(error, openai.APIStatusError):
        status, message = error.status_code, server_message(error)
        if status in (401, 403):
            return AccessDenied(
                f"HTTP {status}: {message}. Check OPENAI_API_KEY and the endpoint (base_url)."
            )
        if quota_exhausted(error):
            return AccessDenied(f"HTTP {status}: the account's quota is exhausted: {message}")
        if _retriable(status) and asks_too_long(error):
            return waited_too_long(error, 0.0)
        if status == 404:
            return EndpointError(
                f"HTTP 404 from {base_url}: {message}. Is the model {settings.model!r} "
                "served there, and does the base URL end in /v1?"
            )
        if status == 400 and settings.mode == "json_schema" and _about_response_format(message):
            return EndpointError(
                f"HTTP 400: {message}. The endpoint does not take this strict JSON-schema output "
                f"from {settings.model!r}: use mode json_object"
            )
        if status in NOT_AN_API_STATUS:
            return EndpointError(
                f"{base_url} is not an OpenAI-compatible endpoint: it answered HTTP {status} "
                f"({message}) to a chat completion request. Does the base URL end in /v1?"
            )
        if _retriable(status):
            return TransportError(f"HTTP {status} after {attempts} attempts: {message}", attempts=attempts)
        return RequestRejected(f"HTTP {status}: {message}")
    if refused(error) and not reached:
        return EndpointError(f"cannot connect to {base_url}: is the endpoint running?")
    return TransportError(f"{describe(error, settings.timeout)} after {attempts} attempts", attempts=attempts)


def asks_too_long(error: BaseException) -> bool:
    """Whether the server asks to wait longer than any request may (MAX_RETRY_AFTER) before trying
    again: then there is no trying again."""
    asked = retry_after(error, math.inf)
    return asked is not None and asked > MAX_RETRY_AFTER


def waited_too_long(
    error: openai.APIStatusError, waited: float, cap: float = MAX_RETRY_AFTER
) -> TransportError:
    """The failure of a request whose server asks it to wait past what one request may: `cap` seconds
    in all, of which it has waited `waited`."""
    asked = retry_after(error, math.inf)
    status = error.status_code
    if asked is not None and asked > cap:
        return TransportError(
            f"HTTP {status}: the endpoint asked to wait {asked:,.0f}s before trying again, more than the "
            f"{cap:,.0f}s summarizer waits for one request (MAX_RETRY_AFTER)"
        )
    return TransportError(
        f"HTTP {status}: still rate limited after waiting {waited:,.4g}s as the endpoint asked; more would "
        f"pass the {cap:,.4g}s summarizer waits for one request (MAX_RETRY_AFTER)"
    )


def quota_exhausted(error: openai.APIStatusError) -> bool:
    """A 429 that says the quota or credit is spent: no rate limit, and waiting will not help."""
    return error.status_code == 429 and is_quota_exhausted(error.body)


def retry_after(error: BaseException | None, cap: float) -> float | None:
    """The delay the server asked for, in seconds (retry-after-ms, then retry-after), at most `cap`."""
    if not isinstance(error, openai.APIStatusError):
        return None
    delay = asked_delay({name.lower(): value for name, value in error.response.headers.items()})
    if delay is None or delay < 0:
        return None
    return min(delay, cap)


def refused(error: BaseException) -> bool:
    """Whether no connection could be made at all (refused, no such host), as opposed to one that
    was made and then dropped or timed out."""
    if not isinstance(error, openai.APIConnectionError) or isinstance(error, openai.APITimeoutError):
        return False
    cause = error.__cause__
    return cause is None or isinstance(cause, httpx2.ConnectError | OSError)


def _about_response_format(message: str) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in ("response_format", "json_schema", "structured output"))


def server_message(error: openai.APIError) -> str:
    """The server's own words for an error, any secret in them redacted, without their last full stop:
    each message they go into goes on after them ("Incorrect API key provided.. Check ..." otherwise)."""
    body = error.body
    words = error.message
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            words = inner["message"]
    return redact(words.rstrip().removesuffix("."))
