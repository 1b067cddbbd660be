"""The exceptions summarizer raises, one tree rooted at SummarizerError.

    SummarizerError
    ├── UsageError               you used the tool or the library wrongly (no API key, bad option)
    ├── InputError               an input could not be read as an article (names the input)
    └── ArticleError             one article could not be summarised (names the article)
        ├── TransportError       the endpoint kept failing (429, 5xx, timeouts) after every retry
        ├── RequestRejected      the endpoint refused the request (400, 422): not retried
        │   ├── AccessDenied     401/403, or the quota is exhausted: the run stops
        │   └── EndpointError    nothing listens there, not an OpenAI endpoint, unknown model (404),
        │                        no strict JSON schema: the run stops
        ├── ModelRefused         the model declined to answer
        ├── AnswerTruncated      the answer was cut off (finish_reason "length")
        ├── ContentFiltered      the answer was stopped by a content filter
        ├── InvalidAnswer        the answer never validated, even after re-asking
        └── NotSummarised        no request was sent for it
            ├── BudgetSpent      the run's token budget was spent first
            ├── RunStopped       the run stopped first (the key was rejected, the endpoint is wrong)
            └── DeadlinePassed   the run's deadline passed first

`fatal` says that no later request can succeed either: the run stops. The command line decides its
exit status by the type (summarizer.cli.exits). Messages never hold a secret: whatever may carry text
from a server passes through `redact` first, and so does all text that leaves the process (the command
line's output and logs, the store, cassettes). `redact` knows the shapes of OpenAI's keys and ids, and
every secret registered with `register_secret`: the settings register the key they hold (and the
organisation and project ids) whatever its shape, the HTTP transport its client's key.
(summarizer.testing adds NotRecorded, an ArticleError for a replayed cassette that holds no answer for a
request, and CassetteMismatch, a SummarizerError that is also an AssertionError, for a test whose
cassette no longer fits it.)
"""

from __future__ import annotations

import re
import threading

from .models import FailureKind, Usage

__all__ = [
    "AccessDenied",
    "AnswerTruncated",
    "ArticleError",
    "BudgetSpent",
    "ContentFiltered",
    "DeadlinePassed",
    "EndpointError",
    "InputError",
    "InvalidAnswer",
    "ModelRefused",
    "NotSummarised",
    "RequestRejected",
    "RunStopped",
    "SummarizerError",
    "TransportError",
    "UsageError",
    "redact",
    "register_secret",
]


# An OpenAI-style key, a bearer token, or an organisation/project id a server may echo back.
_SECRET = re.compile(r"\b(sk-[A-Za-z0-9*_\-]{6,}|Bearer\s+\S+|org-[A-Za-z0-9]{8,}|proj_[A-Za-z0-9]{8,})")


#: A value shorter than this is not registered as a secret: replacing a short word everywhere would
#: garble text, and no real key is that short ("ollama", a local server's placeholder, is not secret).
MIN_SECRET_LENGTH = 8

_registered: set[str] = set()
_registered_pattern: re.Pattern[str] | None = None
_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """From now on, `redact` removes this value (the configured API key, an Azure key of 32 hex
    characters, an organisation id) wherever text leaves the process, whatever its shape."""
    global _registered_pattern
    if secret is None or len(secret := secret.strip()) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret in _registered:
            return
        _registered.add(secret)
        # Longest first: a secret that contains another is removed whole.
        alternatives = sorted(_registered, key=len, reverse=True)
        _registered_pattern = re.compile("|".join(re.escape(value) for value in alternatives))


def redact(text: str) -> str:
    """Remove every registered secret, and anything shaped like an API key or account id, from text
    bound for a log, an error, the output or a file."""
    pattern = _registered_pattern
    if pattern is not None:
        text = pattern.sub("[redacted]", text)
    return _SECRET.sub("[redacted]", text)


class SummarizerError(Exception):
    """The root of every error summarizer raises on purpose."""


class UsageError(SummarizerError):
    """The tool or the library was used wrongly: fix the call, not the data."""


class InputError(SummarizerError):
    """An input could not be read (or fetched) as an article; the rest of the run goes on. `kind` is the
    failure's label in the brief: a URL can also be blocked, not found or too large."""

    kind: FailureKind = "unreadable"

    def __init__(self, source: str, reason: str, kind: FailureKind | None = None) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        if kind is not None:
            self.kind = kind


class ArticleError(SummarizerError):
    """One article could not be summarised. `kind` is a short stable label for reports."""

    kind: FailureKind = "failed"
    #: True when no later article can succeed either (a bad key): the run stops.
    fatal = False

    def __init__(
        self, message: str, *, attempts: int = 1, last_output: str | None = None, usage: Usage | None = None
    ) -> None:
        super().__init__(redact(message))
        self.message = redact(message)
        self.attempts = attempts
        self.last_output = redact(last_output) if last_output is not None else None
        #: What the requests for this article cost before it failed (answers paid for, then discarded).
        self.usage = usage or Usage()


class TransportError(ArticleError):
    """The endpoint kept failing (rate limits, server errors, timeouts) after every retry."""

    kind: FailureKind = "unreachable"


class RequestRejected(ArticleError):
    """The endpoint rejected the request itself (400, 404); sending it again would not help."""

    kind: FailureKind = "rejected"


class AccessDenied(RequestRejected):
    """401 or 403: the API key is missing, wrong or lacks access. No article can succeed."""

    kind: FailureKind = "access denied"
    fatal = True


class EndpointError(RequestRejected):
    """The endpoint is wrong for every article: nothing listens, it is not OpenAI-compatible, it does not
    serve the model, or it cannot do strict JSON-schema output. The run stops; the message names the URL
    or the model."""

    kind: FailureKind = "wrong endpoint"
    fatal = True


class ModelRefused(ArticleError):
    """The model refused to produce the briefing."""

    kind: FailureKind = "refused"


class AnswerTruncated(ArticleError):
    """The answer hit the output-token limit before the JSON was complete."""

    kind: FailureKind = "truncated"


class ContentFiltered(ArticleError):
    """The provider's content filter stopped the answer."""

    kind: FailureKind = "content filtered"


class InvalidAnswer(ArticleError):
    """The answer did not validate as a briefing, even after re-asking with the errors."""

    kind: FailureKind = "invalid answer"


class NotSummarised(ArticleError):
    """No request was sent for this article."""

    kind: FailureKind = "not summarised"


class BudgetSpent(NotSummarised):
    """The run's token budget (--max-tokens) was spent before this article's turn."""


class DeadlinePassed(NotSummarised):
    """The run's deadline (--deadline) passed before this article's turn."""


class RunStopped(NotSummarised):
    """The run stopped (the endpoint rejected the key) before this article's turn."""
