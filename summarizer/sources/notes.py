"""What reading the inputs noticed that is no failure but the user must hear of: files a folder held
that are not articles, dates that could not be read, text files whose header gave no outlet or date.

Reading goes deep (a folder's walk, a record's date) and one input may give thousands of articles, so the
readers do not pass a list down through every call: they tell the `Notes` of the reading under way,
held in a context variable that `collecting()` sets (the tasks that fetch URLs inherit it). Outside
`collecting()` a note is only logged.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

__all__ = ["Notes", "collecting", "note_headerless", "note_skipped", "note_unread_date"]

logger = logging.getLogger(__name__)


@dataclass
class Notes:
    """What one reading of the inputs noticed."""

    #: Files in a folder that are not articles, by kind (".pdf", "(no extension)"), in the order met.
    skipped: Counter[str] = field(default_factory=Counter)
    #: "origin: 'the date as given'" for each date that could not be read (the article is kept, undated).
    unread_dates: list[str] = field(default_factory=list)
    #: Plain-text articles with neither front matter nor header lines: no outlet and no date known.
    headerless: list[str] = field(default_factory=list)

    def skipped_line(self) -> str | None:
        """'3 files skipped, not article files: 1 .docx, 1 .pdf, 1 .png', or None when none was."""
        total = sum(self.skipped.values())
        if not total:
            return None
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(self.skipped.items()))
        files = "1 file" if total == 1 else f"{total:,} files"
        return f"{files} in the folders given skipped, not article files: {kinds} (-v names each)"

    def __bool__(self) -> bool:
        return bool(self.skipped or self.unread_dates or self.headerless)


_NOTES: ContextVar[Notes | None] = ContextVar("summarizer_reading_notes", default=None)


@contextmanager
def collecting(notes: Notes) -> Iterator[Notes]:
    """Notes of the reading inside the block go to `notes`."""
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def note_skipped(kind: str) -> None:
    """A file in a folder of this kind (its extension) was not read: not an article file type."""
    notes = _NOTES.get()
    if notes is not None:
        notes.skipped[kind or "(no extension)"] += 1


def note_unread_date(origin: str, shown: str) -> None:
    """An input's date could not be read; the article is kept without one."""
    notes = _NOTES.get()
    if notes is not None:
        notes.unread_dates.append(f"{origin}: {shown}")


def note_headerless(origin: str) -> None:
    """A plain-text article gave no outlet and no date (no front matter, no header lines)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.headerless.append(origin)
