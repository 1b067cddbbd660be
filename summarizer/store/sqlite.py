"""The answer store as one SQLite file that many processes share: `--cache sqlite:PATH`.

One row per key, written with an atomic upsert; WAL mode, so readers never wait for a writer and
writers from several processes queue (busy_timeout) instead of failing. The database is marked as ours
(`PRAGMA application_id`): a file that is not SQLite, or a database some other program made, is refused
with an error naming it, and never written to or cleared. A database of ours that is damaged (garbage
pages, a torn copy) is a warning for a run, one line for `cache info`, and `cache clear` removes it and
makes a new one: the mark is read from the file's header, so a database too damaged to open is still
known as ours, or not.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import UsageError, redact
from .base import Stored
from .leases import lease_alive, lease_owner

__all__ = ["DamagedStore", "SQLiteStore", "connect"]

logger = logging.getLogger(__name__)

#: 'SUMR' in PRAGMA application_id: this database is a summarizer answer store.
STORE_ID = 0x53554D52
#: How long a writer waits for another process's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 30_000
_HEADER = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    size INTEGER NOT NULL,
    stored REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS leases (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires REAL NOT NULL
) WITHOUT ROWID;
"""


#: Where the header keeps PRAGMA application_id: four bytes, big-endian (sqlite.org/fileformat.html).
_APPLICATION_ID = slice(68, 72)
#: What to do about a damaged store, as its errors say.
_WAY_OUT = "summarizer cache clear removes it and makes a new one"


def _refuse(path: Path, why: str) -> UsageError:
    return UsageError(f"{path} is not a summarizer database ({why}): nothing read, written or removed")


class DamagedStore(UsageError):
    """A database of ours that SQLite cannot read: `cache clear` removes it and makes a new one."""

    def __init__(self, path: Path, error: BaseException) -> None:
        super().__init__(f"the cache at {path} is damaged ({error}): {_WAY_OUT}")
        self.reason = str(error)


def _damaged(error: BaseException) -> bool:
    """SQLite says the file is damaged (not: locked, read-only, out of space)."""
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError)


def _marked(path: Path, application_id: int) -> bool:
    """The file's header carries our mark, however damaged the rest is."""
    try:
        with path.open("rb") as stream:
            head = stream.read(100)
    except OSError:
        return False
    return head.startswith(_HEADER) and int.from_bytes(head[_APPLICATION_ID], "big") == application_id


def connect(path: Path, application_id: int, schema: str) -> sqlite3.Connection:
    """A connection to our database at `path`, made (with `schema`) when the file is new or empty.

    UsageError when the file is something else: not SQLite, or a database with another application's
    mark or with tables of its own. OSError/sqlite3.Error when it cannot be opened at all."""
    if path.is_dir():
        raise _refuse(path, "it is a folder")
    if path.exists():
        with path.open("rb") as stream:
            head = stream.read(len(_HEADER))
        if head and head != _HEADER:
            raise _refuse(path, "not an SQLite file")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            found = db.execute("PRAGMA application_id").fetchone()[0]
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            raise  # cannot open or lock it: the caller degrades
        except sqlite3.DatabaseError as error:  # a damaged file behind a valid header
            if _marked(path, application_id):
                raise DamagedStore(path, error) from None
            raise _refuse(path, f"unreadable: {error}") from None
        if found != application_id:
            _mark(db, path, application_id)
        _write_ahead(db)
        db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
        db.executescript(schema)
    except BaseException:
        db.close()
        raise
    return db


def _write_ahead(db: sqlite3.Connection) -> None:
    """Put the database in WAL mode. Switching takes the file to itself for a moment and SQLite does not
    wait for that lock (no busy handler): another process opening the same new file at that moment is
    told 'database is locked' at once. It waits here instead, as long as for any other lock."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _mark(db: sqlite3.Connection, path: Path, application_id: int) -> None:
    """Mark a new, empty database as ours. Read again under the write lock: another process making the
    same new file at the same moment may have marked it, or be making its tables, since we looked."""
    db.execute("BEGIN IMMEDIATE")
    try:
        found = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if found != application_id:
            if found != 0 or tables:
                raise _refuse(path, "another program's database")
            db.execute(f"PRAGMA application_id = {application_id}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


class SQLiteStore:
    """Answers in one SQLite file: `get`, `put`, `count` and `clear` like the file store.

    Safe for many processes (and threads) at once: each process opens its own connection; a put is one
    atomic upsert. An entry that does not validate is a miss and is written again. A database that cannot
    be opened or written (read-only, disk full) warns once and the run goes on without storing.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.url = f"sqlite:{self.path}"
        #: Why writing stopped working, once it did; the run reports it.
        self.unwritable: str | None = None
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        #: Why the database could not be read, when it is damaged (`clear` then makes a new one).
        self.damaged: str | None = None
        #: Set by `clear` when it removed a damaged database and made a new one: what was wrong.
        self.recreated: str | None = None
        if self.path.exists():  # a foreign file is refused now, not at the first answer; a missing
            try:  # one is made at first use (`cache info` with a typo leaves no file)
                self._connection()
            except DamagedStore as error:
                self._found_damaged(error.reason)

    def _connection(self) -> sqlite3.Connection | None:
        """This process's connection (a forked child opens its own); None when it cannot be opened."""
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self.unwritable is not None:
            return None
        try:
            self._db = connect(self.path, STORE_ID, _SCHEMA)
        except (OSError, sqlite3.Error) as error:
            self._give_up(error)
            return None
        self._pid = os.getpid()
        return self._db

    def _give_up(self, error: BaseException) -> None:
        if _damaged(error):
            self._found_damaged(str(error))
            return
        reason = getattr(error, "strerror", None) or str(error)
        self.unwritable = f"cannot write the cache at {self.path}: {reason}"
        logger.warning("%s; going on without storing answers", self.unwritable)

    def _found_damaged(self, reason: str) -> None:
        self.damaged = reason
        self.unwritable = f"the cache at {self.path} is damaged ({reason}): {_WAY_OUT}"
        logger.warning("%s; going on without storing answers", self.unwritable)

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection | None]:
        with self._lock:
            yield self._connection()

    def get(self, key: str, kind: type[Stored]) -> Stored | None:
        """The entry under `key` as `kind`; None when there is none or it cannot be read."""
        with self._using() as db:
            if db is None:
                return None
            try:
                row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as error:
                if _damaged(error) and self.damaged is None:
                    self._found_damaged(str(error))
                elif not _damaged(error):
                    logger.warning("cannot read the cache at %s: %s", self.path, error)
                return None
        if row is None:
            return None
        try:
            return kind.model_validate_json(row[0])
        except (ValidationError, ValueError) as error:
            logger.warning(
                "ignoring unreadable cache entry %s in %s: %s", key, self.path, error.__class__.__name__
            )
            return None

    def put(self, key: str, value: BaseModel) -> None:
        data = redact(value.model_dump_json()).encode("utf-8")  # an answer may echo the key
        with self._using() as db:
            if db is None:
                return
            try:
                db.execute(
                    "INSERT INTO entries (key, value, size, stored) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, size = excluded.size, "
                    "stored = excluded.stored",
                    (key, data, len(data), time.time()),
                )
            except sqlite3.Error as error:
                self._give_up(error)

    # --- claims on answers being asked for (cache.Leases) ---------------------------------------------

    def take_lease(self, key: str, seconds: float) -> bool:
        """One row per claimed key, taken in one write transaction: free, lapsed, or held by a process
        that is gone, it is ours; held by another run, it is not."""
        owner, now = lease_owner(), time.time()
        with self._using() as db:
            if db is None:
                return True  # no store to share: nothing to coordinate
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    row = db.execute("SELECT owner, expires FROM leases WHERE key = ?", (key,)).fetchone()
                    free = row is None or row[0] == owner or row[1] < now or not lease_alive(row[0])
                    if free:
                        db.execute(
                            "INSERT INTO leases (key, owner, expires) VALUES (?, ?, ?) ON CONFLICT (key) "
                            "DO UPDATE SET owner = excluded.owner, expires = excluded.expires",
                            (key, owner, now + seconds),
                        )
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                logger.info("cannot claim %s in %s: %s; asking anyway", key, self.path, error)
                return True
        return free

    def drop_lease(self, key: str) -> None:
        with self._using() as db:
            if db is not None:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("DELETE FROM leases WHERE key = ? AND owner = ?", (key, lease_owner()))

    def renew_leases(self, keys: list[str], seconds: float) -> None:
        owner, until = lease_owner(), time.time() + seconds
        with self._using() as db:
            if db is not None:
                with contextlib.suppress(sqlite3.Error):
                    db.executemany(
                        "UPDATE leases SET expires = ? WHERE key = ? AND owner = ?",
                        [(until, key, owner) for key in keys],
                    )

    def count(self) -> tuple[int, int]:
        """(entries, bytes) stored: one query, however many entries."""
        if not self.path.exists():
            return 0, 0
        if self.damaged is not None:
            raise UsageError(self.unwritable or "")
        with self._using() as db:
            if db is None:
                return 0, 0
            try:
                entries, size = db.execute("SELECT count(*), coalesce(sum(size), 0) FROM entries").fetchone()
            except sqlite3.DatabaseError as error:
                if _damaged(error):
                    raise DamagedStore(self.path, error) from None
                raise UsageError(f"cannot read the cache at {self.path}: {error}") from None
        return int(entries), int(size)

    def clear(self) -> int:
        """Remove every stored answer, and nothing else; returns how many there were. A file that is not
        our database was refused when the store was opened. A damaged database of ours is removed and
        made anew (`recreated` says why; the count is 0: its entries could not be counted)."""
        if self.damaged is not None:
            return self._recreate(self.damaged)
        with self._using() as db:
            if db is None:
                raise UsageError(f"{self.unwritable}: nothing removed")
            try:
                return int(db.execute("DELETE FROM entries").rowcount)
            except sqlite3.DatabaseError as error:
                if not _damaged(error):
                    raise UsageError(f"cannot clear the cache at {self.path}: {error}") from None
                reason = str(error)
        return self._recreate(reason)

    def _recreate(self, reason: str) -> int:
        """Remove the damaged database (with its journal) and make a new, empty one."""
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.damaged = self.unwritable = None
        self.recreated = reason
        with self._using() as db:
            if db is None:
                raise UsageError(f"{self.unwritable}: the damaged database was removed, no new one made")
        return 0

    def close(self) -> None:
        with self._lock:
            if self._db is not None and self._pid == os.getpid():
                self._db.close()
            self._db = None
