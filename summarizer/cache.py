"""The content-addressed store of answers (briefings, syntheses), so a rerun pays only for what changed.

A store is anything with `get`, `put`, `count` and `clear` (the `Store` protocol). Which one a run uses
is a URL-like string (`--cache`, `SUMMARIZER_CACHE`): `file:DIR` (the default: one JSON file per answer),
`sqlite:PATH` (one database file that many processes share), or a bare path (a folder, as `file:`).
Another backend (an object store through fsspec: `s3:`, `gs:`) plugs in by registering its scheme, here
with `register_store` or from another package through the `summarizer.stores` entry-point group; the
pipeline never names a backend.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import secrets
import socket
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ValidationError

from .errors import UsageError, redact
from .files import write_atomic

if TYPE_CHECKING:
    from .settings import Settings

__all__ = [
    "LEASE_SECONDS",
    "FileStore",
    "Leases",
    "Store",
    "answer_key",
    "lease_alive",
    "lease_owner",
    "open_store",
    "register_store",
    "store_for",
]

logger = logging.getLogger(__name__)

Stored = TypeVar("Stored", bound=BaseModel)

#: Bump when the stored layout changes: older entries are then simply not found.
FORMAT = 2

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


def answer_key(kind: str, material: str, fingerprint: str, policy: str) -> str:
    """What makes an answer reusable: what was asked about (an article's text, a story's reports), the
    request's fingerprint (model, mode, prompts, schema) and the grounding policy (it changes what is
    kept). Never where the input was read from."""
    parts = {
        "format": FORMAT,
        "kind": kind,
        "material": hashlib.sha256(material.encode("utf-8")).hexdigest(),
        "request": fingerprint,
        "grounding": policy,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class Store(Protocol):
    """Where answers are kept between runs. The file store is the default; others plug in here.

    `get` of a missing or unreadable entry is None; `put` of the same key twice keeps one entry (the
    last); `count` is (entries, bytes); `clear` removes the entries and nothing else, and refuses a
    place summarizer did not make. A store that cannot be written sets `unwritable` (why), warns once,
    and lets the run go on."""

    #: Where the store is, as a user would write it (`file:/path`, `sqlite:/path/cache.db`).
    url: str
    unwritable: str | None

    def get(self, key: str, kind: type[Stored]) -> Stored | None: ...

    def put(self, key: str, value: BaseModel) -> None: ...

    def count(self) -> tuple[int, int]: ...

    def clear(self) -> int: ...


#: How long a claim on an answer being asked for holds without being renewed: a run renews its claims
#: every third of it, so only a run that stopped (killed, crashed, its machine gone) lets one lapse,
#: and another run takes the answer over at most this long after. A claim of a process that is known
#: to be gone (same host, no such pid) is taken over at once.
LEASE_SECONDS = 30.0


@runtime_checkable
class Leases(Protocol):
    """What a store shared by several runs may add, so that two runs do not pay twice for one answer:
    a claim on a key while its answer is being asked for. Optional: a store without it is used as it is."""

    def take_lease(self, key: str, seconds: float) -> bool:
        """Claim `key` for `seconds`: True when it is this process's now (free, lapsed, held by a
        process that is gone, or its own), False while another run holds it."""
        ...

    def drop_lease(self, key: str) -> None:
        """Give the claim up (the answer is stored, or could not be had)."""
        ...

    def renew_leases(self, keys: list[str], seconds: float) -> None:
        """Extend this process's claims on `keys` by `seconds` from now."""
        ...


_owner: tuple[int, str] | None = None


def lease_owner() -> str:
    """Who holds a claim: this host, this process, and a token of its own (a pid is reused)."""
    global _owner
    if _owner is None or _owner[0] != os.getpid():
        _owner = (os.getpid(), f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}")
    return _owner[1]


def lease_alive(owner: str) -> bool:
    """Whether the holder of a claim may still be at work: False for a process of this host that is
    gone; True otherwise (another host's is known only by its claim's expiry)."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, someone else's
    return True


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
            handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
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
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(record)
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


# --- choosing a store by URL ----------------------------------------------------------------------------

#: Opens a store from what follows `scheme:` in its URL.
Opener = Callable[[str], Store]


def _open_sqlite(location: str) -> Store:
    from .sqlite_store import SQLiteStore  # here: sqlite_store imports this module

    return SQLiteStore(location)


_SCHEMES: dict[str, Opener] = {"file": FileStore, "sqlite": _open_sqlite}


def register_store(scheme: str, opener: Opener) -> None:
    """Make `scheme:LOCATION` open a store with `opener(LOCATION)` (say, `s3` for an fsspec store)."""
    if not re.fullmatch(r"[a-z][a-z0-9+.-]+", scheme):
        raise UsageError(f"{scheme!r} is not a store scheme (lower-case letters, at least two)")
    _SCHEMES[scheme] = opener


def _opener(scheme: str) -> Opener | None:
    if scheme in _SCHEMES:
        return _SCHEMES[scheme]
    for point in entry_points(group="summarizer.stores"):
        if point.name == scheme:
            opener: Opener = point.load()
            _SCHEMES[scheme] = opener
            return opener
    return None


def open_store(url: str | Path) -> Store:
    """The store a URL names: `file:DIR`, `sqlite:PATH`, a registered scheme, or a bare path (a folder).

    >>> open_store("sqlite:/srv/summarizer/cache.db")  # doctest: +SKIP
    """
    text = str(url)
    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]+):(.*)", text, re.DOTALL)
    if isinstance(url, Path) or found is None:  # a path; a Windows drive letter is one character
        return FileStore(text)
    scheme, location = found[1].lower(), found[2]
    if scheme in ("file", "sqlite") and location.startswith("//"):
        location = location[2:]  # file:///srv/cache is file:/srv/cache
    if not location:
        raise UsageError(f"the store {text!r} names no location: give {scheme}:PATH")
    opener = _opener(scheme)
    if opener is None:
        known = ", ".join(sorted(_SCHEMES))
        raise UsageError(
            f"unknown store {scheme!r} in {text!r} (known: {known}); an object store needs a package "
            "that registers its scheme"
        )
    return opener(location)


def store_for(settings: Settings) -> Store | None:
    """The run's store: `settings.cache` when set, else the folder `settings.cache_dir`; None when
    `cache_dir` is None (the cache is off: `--no-cache`, a cassette run)."""
    if settings.cache_dir is None:
        return None
    return open_store(settings.cache if settings.cache else Path(settings.cache_dir))
