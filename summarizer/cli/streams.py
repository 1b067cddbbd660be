"""The command line's output edge: every character it prints to stdout or stderr passes here, its
progress lines, summary, errors and log records alike, and leaves without a secret and without
anything a terminal would act on (an article's name, a feed's title or a JSON `source` may hold an
escape sequence; logs are often read in a terminal)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO, cast

from ..errors import redact
from ..output.escape import printable as terminal_text

__all__ = ["Guarded", "guarded_streams", "printable"]


def printable(text: str) -> str:
    """Text as the command line may print it: no registered secret, nothing shaped like a key, no
    escape sequence or control character (but newline and tab), no bidi override."""
    return terminal_text(redact(text))


class Guarded(io.TextIOBase):
    """A text stream that passes what is written through `printable` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        #: The stream written to: a terminal's, for what must reach it as it is (the progress bar's
        #: own cursor movements; the bar cleans its text itself).
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)


@contextmanager
def guarded_streams() -> Iterator[None]:
    """stdout and stderr guarded while a command runs (and its log handler, which writes to stderr);
    the streams put back after it."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, Guarded(out))
    sys.stderr = cast(TextIO, Guarded(err))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
