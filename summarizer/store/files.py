"""The file store: one JSON file per answer under a folder tagged as a cache (`file:DIR`, the default)."""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import UsageError
from .atomic import write_atomic
from .base import Stored

__all__ = ["TAG", "TAG_NAME", "FileStore"]

logger = logging.getLogger(__name__)

#: The Cache Directory Tagging Specification's tag (backup tools skip such folders); it also marks the
#: folder as ours, so that `clear` never touches a folder summarizer did not make.
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by summarizer.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")


class FileStore:
    """One JSON file per answer under `root`, written atomically (a temporary file, then a rename).

    Concurrent writers of the same entry write the same content, and the last rename wins; a reader
    never sees half a file. An entry that cannot be read (a hand edit, a crash mid-write on a filesystem
    without atomic rename) is a miss and is written again. A store that cannot be written (read-only,
    disk full) warns once and the run goes on: the answers are still in the brief.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.url = f"file:{self.root}"
        #: Why writing stopped working, once it did; the run reports it.
        self.unwritable: str | None = None

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str, kind: type[Stored]) -> Stored | None:
        """The entry under `key` as `kind`; None when there is none or it cannot be read."""
        path = self._path(key)
        try:
            return kind.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValidationError, ValueError) as error:
            logger.warning("ignoring unreadable cache entry %s: %s", path, type(error).__name__)
            return None

    def put(self, key: str, value: BaseModel) -> None:
        if self.unwritable is not None:
            return
        path = self._path(key)
        try:
            self._tag()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, value.model_dump_json())
        except OSError as error:
            self.unwritable = f"cannot write the cache at {self.root}: {error.strerror or error}"
            logger.warning("%s; going on without storing answers", self.unwritable)

    def claim(self) -> None:
        """Make the folder and mark it ours (the cache tag), before anything else is kept in it."""
        try:
            self._tag()
        except OSError as error:
            self.unwritable = f"cannot write the cache at {self.root}: {error.strerror or error}"

    def _tag(self) -> None:
        tag = self.root / TAG_NAME
        if not tag.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            tag.write_text(TAG, encoding="utf-8")

    def _entries(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [
            entry
            for shard in self.root.iterdir()
            if shard.is_dir() and len(shard.name) == 2
            for entry in shard.iterdir()
            if _ENTRY.fullmatch(entry.name) and entry.name.startswith(shard.name) and entry.is_file()
        ]

    def count(self) -> tuple[int, int]:
        """(entries, bytes) stored."""
        files = self._entries()
        return len(files), sum(f.stat().st_size for f in files)

    def clear(self) -> int:
        """Remove every stored answer, and nothing else; returns how many there were.

        A folder summarizer did not make (no cache tag and no entries) is refused: nothing in it is
        touched."""
        entries = self._entries()
        if self.root.exists() and not (self.root / TAG_NAME).is_file() and not entries:
            raise UsageError(f"{self.root} is not a summarizer cache (no {TAG_NAME}): nothing removed")
        for entry in entries:
            entry.unlink(missing_ok=True)
        for shard in {entry.parent for entry in entries}:
            with contextlib.suppress(OSError):
                shard.rmdir()  # only when empty: anything else a user put there stays
        return len(entries)
