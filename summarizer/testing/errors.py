"""What a replayed cassette can end in, importable without vcrpy (the command line names it)."""

from __future__ import annotations

from ..errors import ArticleError, SummarizerError
from ..models import FailureKind

__all__ = ["CassetteMismatch", "NotRecorded"]


class NotRecorded(ArticleError):
    """A replayed cassette holds no answer for this request (the article, model or prompt changed)."""

    kind: FailureKind = "not recorded"
    #: The cassette no longer fits the command: no later request will match either. Fix the command.
    fatal = True


class CassetteMismatch(SummarizerError, AssertionError):
    """A replayed cassette and the code under test disagree: a request the cassette holds no recording
    of, recorded requests never made, or no cassette at all where one must be replayed. The message is
    one line naming what is missing and how to record it again. An AssertionError as well, so that any
    test runner counts it as a test's failure, not as an error in the test."""
