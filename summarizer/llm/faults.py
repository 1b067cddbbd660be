"""Faults beneath the SDK that no retry can mend, as the tooling that raises them names them.

A replayed cassette that holds no recording for a request raises vcrpy's own exception from inside the
HTTP client; retried, it would fail ten times for nothing. Tooling registers a translator here for as
long as it is in use (summarizer.testing does, while a cassette is), and the engine asks it before it
retries or reports a fault. Nothing is registered in a normal run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import ArticleError

__all__ = ["Translator", "known_fault", "translating"]

#: Returns the error a fault ends as, or None when it does not know the fault.
Translator = Callable[[BaseException], ArticleError | None]

_translators: list[Translator] = []


@contextmanager
def translating(translator: Translator) -> Iterator[None]:
    """Have the engine end the faults `translator` knows as its errors, while the block runs."""
    _translators.append(translator)
    try:
        yield
    finally:
        _translators.remove(translator)


def known_fault(error: BaseException) -> ArticleError | None:
    """The error a registered translator makes of `error`, or None when none knows it."""
    for translator in reversed(_translators):
        if (known := translator(error)) is not None:
            return known
    return None
