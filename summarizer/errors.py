"""The exceptions summarizer raises, one tree rooted at SummarizerError.

    SummarizerError
    ├── UsageError               you used the tool or the library wrongly (no API key, bad option)
    ├── InputError               an input could not be read as an article (names the input)
    └── ArticleError             one article could not be summarised (names the article)
        ├── TransportError       the endpoint kept failing (429, 5xx, timeouts) after every retry
        ├── RequestRejected      the endpoint refused the request (400, 404): not retried
        │   └── AccessDenied     401/403: the key is wrong or lacks access; the run stops
        ├── ModelRefused         the model declined to answer
        ├── AnswerTruncated      the answer was cut off (finish_reason "length")
        ├── ContentFiltered      the answer was stopped by a content filter
        ├── InvalidAnswer        the answer never validated, even after re-asking
        ├── NotRecorded          replaying a cassette that holds no answer for this request
        └── NotSummarised        no request was sent for it
            ├── BudgetSpent      the run's token budget was spent first
            └── RunStopped       the run stopped first (the key was rejected)

`exit_code` is part of each type: the command line exits with it. Messages never hold a secret.
"""

from __future__ import annotations

__all__ = [
    "AccessDenied",
    "AnswerTruncated",
    "ArticleError",
    "BudgetSpent",
    "ContentFiltered",
    "InputError",
    "InvalidAnswer",
    "ModelRefused",
    "NotRecorded",
    "NotSummarised",
    "RequestRejected",
    "RunStopped",
    "SummarizerError",
    "TransportError",
    "UsageError",
]


class SummarizerError(Exception):
    """The root of every error summarizer raises on purpose."""

    exit_code = 1


class UsageError(SummarizerError):
    """The tool or the library was used wrongly: fix the call, not the data."""

    exit_code = 2


class InputError(SummarizerError):
    """An input could not be read as an article; the rest of the run goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ArticleError(SummarizerError):
    """One article could not be summarised. `kind` is a short stable label for reports."""

    kind = "failed"
    #: True when no later article can succeed either (a bad key): the run stops.
    fatal = False

    def __init__(self, message: str, *, attempts: int = 1, last_output: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.attempts = attempts
        self.last_output = last_output


class TransportError(ArticleError):
    """The endpoint kept failing (rate limits, server errors, timeouts) after every retry."""

    kind = "unreachable"


class RequestRejected(ArticleError):
    """The endpoint rejected the request itself (400, 404); sending it again would not help."""

    kind = "rejected"


class AccessDenied(RequestRejected):
    """401 or 403: the API key is missing, wrong or lacks access. No article can succeed."""

    kind = "access denied"
    fatal = True
    exit_code = 3


class ModelRefused(ArticleError):
    """The model refused to produce the briefing."""

    kind = "refused"


class AnswerTruncated(ArticleError):
    """The answer hit the output-token limit before the JSON was complete."""

    kind = "truncated"


class ContentFiltered(ArticleError):
    """The provider's content filter stopped the answer."""

    kind = "content filtered"


class InvalidAnswer(ArticleError):
    """The answer did not validate as a briefing, even after re-asking with the errors."""

    kind = "invalid answer"


class NotRecorded(ArticleError):
    """A replayed cassette holds no answer for this request (the article, model or prompt changed)."""

    kind = "not recorded"
    fatal = False


class NotSummarised(ArticleError):
    """No request was sent for this article."""

    kind = "not summarised"


class BudgetSpent(NotSummarised):
    """The run's token budget (--max-tokens) was spent before this article's turn."""


class RunStopped(NotSummarised):
    """The run stopped (the endpoint rejected the key) before this article's turn."""
