"""The file store: one JSON file per answer under a folder tagged as a cache (`file:DIR`, the default)."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import UsageError, redact
from .atomic import write_atomic
from .base import Stored
from .leases import lease_alive, lease_owner

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
#: Errors that are the whole store's (full, over quota, read-only), not one entry's.
_STORE_WIDE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


class FileStore:
    """One JSON file per answer under `root`, written atomically (a temporary file, then a rename).

    Concurrent writers of the same entry write the same content, and the last rename wins; a reader
    never sees half a file. An entry that cannot be read (a hand edit, a crash mid-write on a filesystem
    without atomic rename) is a miss and is written again. A store that cannot be written (read-only,
    disk full) warns once and the run goes on: the answers are still in the brief. One entry that
    cannot be written (a folder where its file should be) is skipped with a warning naming it, and
    the rest are stored: one bad entry must not cost every answer paid for after it.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.url = f"file:{self.root}"
        #: Why writing stopped working, once it did; the run reports it.
        self.unwritable: str | None = None
        #: The entries that could not be written, each with why ("PATH: Is a directory").
        self.skipped: list[str] = []

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
        except OSError as error:
            self._give_up(error)
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, redact(value.model_dump_json()))  # an answer may echo the key
        except OSError as error:
            if error.errno in _STORE_WIDE or not self._writable():
                self._give_up(error)
                return
            skipped = f"{path}: {error.strerror or error}"
            if skipped not in self.skipped:
                self.skipped.append(skipped)
                logger.warning("cannot store the cache entry %s; storing the others", skipped)

    def _give_up(self, error: OSError) -> None:
        self.unwritable = f"cannot write the cache at {self.root}: {error.strerror or error}"
        logger.warning("%s; going on without storing answers", self.unwritable)

    def _writable(self) -> bool:
        """Whether the store still takes a file: one entry failing is that entry's problem only then."""
        try:
            handle, probe = tempfile.mkstemp(dir=self.root, prefix=".probe-")
            os.close(handle)
            os.unlink(probe)
        except OSError:
            return False
        return True

    # --- claims on answers being asked for (Leases) -------------------------------------------------

    def _lease(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.lease"

    def _holder(self, path: Path) -> tuple[str, float] | None:
        try:
            owner, _, expires = path.read_text(encoding="utf-8").partition(" ")
            return owner, float(expires)
        except (OSError, ValueError):
            return None

    def take_lease(self, key: str, seconds: float) -> bool:
        """A lease file beside the entry, made exclusively; a lapsed one is taken over."""
        path = self._lease(key)
        record = f"{lease_owner()} {time.time() + seconds}"
        try:
            self._tag()  # the folder is ours before anything is kept in it, a claim included
            path.parent.mkdir(parents=True, exist_ok=True)
            _create(path, record)
        except FileExistsError:
            holder = self._holder(path)
            if holder is not None and holder[0] != lease_owner():
                owner, expires = holder
                if expires > time.time() and lease_alive(owner):
                    return False
            try:
                write_atomic(path, record)
            except OSError:
                return True  # cannot coordinate: go on as a lone run would
            # Two runs taking a lapsed claim over at once: the last rename won.
            holder = self._holder(path)
            return holder is None or holder[0] == lease_owner()
        except OSError:
            return True
        return True

    def drop_lease(self, key: str) -> None:
        path = self._lease(key)
        holder = self._holder(path)
        if holder is not None and holder[0] == lease_owner():
            path.unlink(missing_ok=True)

    def renew_leases(self, keys: list[str], seconds: float) -> None:
        for key in keys:
            path = self._lease(key)
            holder = self._holder(path)
            if holder is not None and holder[0] == lease_owner():
                with contextlib.suppress(OSError):
                    write_atomic(path, f"{lease_owner()} {time.time() + seconds}")

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


def _create(path: Path, record: str) -> None:
    """Make `path` holding `record`, in one step, or raise FileExistsError: a claim made empty and
    written after was read as no claim by a run starting beside it, which took it over (both runs
    then asked for the answer). Written aside and linked in; where the file system has no links,
    made exclusively and written."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(record)
        os.chmod(temporary, 0o644)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            exclusive = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            with os.fdopen(exclusive, "w", encoding="utf-8") as stream:
                stream.write(record)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
