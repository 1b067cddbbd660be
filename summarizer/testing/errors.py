"""What a replayed cassette can end in, importable without vcrpy (the command line names it)."""

from __future__ import annotations

from ..errors import ArticleError
from ..models import FailureKind

__all__ = ["NotRecorded"]


class NotRecorded(ArticleError):
    """A replayed cassette holds no answer for this request (the article, model or prompt changed)."""

    kind: FailureKind = "not recorded"
    #: The cassette no longer fits the command: no later request will match either. Fix the command.
    fatal = True
