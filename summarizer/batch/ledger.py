"""The batch ledger: what was submitted, in which batch, for which article, and how each request ended.

One SQLite file beside the cache (marked as ours, like the SQLite store), so that no process has to stay
alive between `batch submit` and `batch collect`, and several may look at it at once.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ..errors import UsageError
from ..models import Article
from ..store import FileStore, Store
from ..store.sqlite import SQLiteStore, connect

__all__ = ["BatchRecord", "Ledger", "Member", "RequestState", "ledger_beside"]

#: 'SUMB' in PRAGMA application_id: this database is a summarizer batch ledger.
LEDGER_ID = 0x53554D42
#: Between a key and the round of its follow-up in a custom_id: KEY~1 is the first re-ask.
FOLLOWUP = "~"

#: pending: in a batch not yet collected; done: its briefing is in the store; followup: its re-ask went
#: out in a follow-up batch; the others end a request without a briefing, and the next submit sends the
#: article again.
RequestState = Literal["pending", "done", "followup", "failed", "expired", "cancelled"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    settings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
    submission INTEGER NOT NULL,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    origin TEXT NOT NULL,
    article BLOB NOT NULL,
    cut_at INTEGER,
    PRIMARY KEY (submission, position)
);
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY,
    submission INTEGER NOT NULL,
    transport TEXT NOT NULL,
    input TEXT NOT NULL,
    status TEXT NOT NULL,
    output_file TEXT,
    error_file TEXT,
    counts TEXT NOT NULL DEFAULT '{}',
    problem TEXT,
    created TEXT NOT NULL,
    collected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS requests (
    custom_id TEXT NOT NULL,
    batch TEXT NOT NULL,
    submission INTEGER NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    history BLOB,
    PRIMARY KEY (custom_id, batch)
);
CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, custom_id);
"""


@dataclass(frozen=True)
class Member:
    """One article of a submission: where it came from, the text sent (cut to the cap) and its key."""

    submission: int
    position: int
    key: str
    origin: str
    article: Article
    cut_at: int | None


@dataclass(frozen=True)
class BatchRecord:
    """A batch as the ledger knows it; `status` is the provider's word (or `written` for a file)."""

    id: str
    submission: int
    transport: str
    input: str
    status: str
    output_file: str | None = None
    error_file: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    #: Why the provider failed the whole batch (its validation errors), when it did.
    problem: str | None = None
    created: str = ""
    collected: bool = False


def ledger_beside(store: Store) -> Path:
    """Where a store's ledger lives: `batches.sqlite` in a file store's folder, `NAME.batches.sqlite`
    beside a SQLite store's file. Another store has no place beside it: give the path yourself."""
    if isinstance(store, FileStore):
        return store.root / "batches.sqlite"
    if isinstance(store, SQLiteStore):
        return store.path.with_name(f"{store.path.name}.batches.sqlite")
    raise UsageError(f"the store {store.url} keeps no batch ledger beside it: give the ledger's path")


def _pack(article: Article) -> bytes:
    return zlib.compress(article.model_dump_json().encode("utf-8"))


def _unpack(blob: bytes) -> Article:
    return Article.model_validate_json(zlib.decompress(blob))


def _packed(history: list[Any] | None) -> bytes | None:
    return None if history is None else zlib.compress(json.dumps(history).encode("utf-8"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Ledger:
    """The batch ledger at `path`: made when new, refused when the file is not ours."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = connect(self.path, LEDGER_ID, _SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot open the batch ledger at {self.path}: {error}") from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- submissions ----------------------------------------------------------------------------------

    def add_submission(
        self, settings: dict[str, Any], members: Iterable[tuple[str, Article, int | None]]
    ) -> int:
        """Record a submission's articles (key, the text sent, the cap it was cut at), in input order."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO submissions (created, settings) VALUES (?, ?)",
                (_now(), json.dumps(settings, sort_keys=True)),
            )
            submission = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO members (submission, position, key, origin, article, cut_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (submission, position, key, article.origin, _pack(article), cut_at)
                    for position, (key, article, cut_at) in enumerate(members)
                ),
            )
        return submission

    def settings_of(self, submission: int) -> dict[str, Any]:
        row = self._db.execute("SELECT settings FROM submissions WHERE id = ?", (submission,)).fetchone()
        if row is None:
            raise UsageError(f"the ledger {self.path} has no submission {submission}")
        settings: dict[str, Any] = json.loads(row[0])
        return settings

    def last_submission(self) -> int | None:
        row = self._db.execute("SELECT max(id) FROM submissions").fetchone()
        return None if row[0] is None else int(row[0])

    def members(self, submission: int) -> list[Member]:
        rows = self._db.execute(
            "SELECT submission, position, key, origin, article, cut_at FROM members "
            "WHERE submission = ? ORDER BY position",
            (submission,),
        )
        return [Member(s, p, k, o, _unpack(a), c) for s, p, k, o, a, c in rows]

    def member(self, submission: int, position: int) -> Member:
        row = self._db.execute(
            "SELECT submission, position, key, origin, article, cut_at FROM members "
            "WHERE submission = ? AND position = ?",
            (submission, position),
        ).fetchone()
        s, p, k, o, a, c = row
        return Member(s, p, k, o, _unpack(a), c)

    # --- batches and their requests -------------------------------------------------------------------

    def add_batch(
        self,
        batch: BatchRecord,
        requests: Iterable[tuple[str, int]],
        histories: dict[str, list[Any]] | None = None,
    ) -> None:
        """Record a batch sent and its requests (custom_id, the member's position), all pending; a
        follow-up request keeps the conversation so far (`histories`, by custom_id)."""
        histories = histories or {}
        with self._transaction() as db:
            db.execute(
                "INSERT INTO batches (id, submission, transport, input, status, output_file, error_file, "
                "counts, problem, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    batch.id,
                    batch.submission,
                    batch.transport,
                    batch.input,
                    batch.status,
                    batch.output_file,
                    batch.error_file,
                    json.dumps(batch.counts),
                    batch.problem,
                    batch.created or _now(),
                ),
            )
            db.executemany(
                "INSERT INTO requests (custom_id, batch, submission, position, state, history) "
                "VALUES (?, ?, ?, ?, 'pending', ?)",
                (
                    (custom_id, batch.id, batch.submission, position, _packed(histories.get(custom_id)))
                    for custom_id, position in requests
                ),
            )

    def batches(self, *, uncollected: bool = False) -> list[BatchRecord]:
        query = (
            "SELECT id, submission, transport, input, status, output_file, error_file, counts, problem, "
            "created, collected FROM batches"
        )
        if uncollected:
            query += " WHERE collected = 0"
        rows = self._db.execute(query + " ORDER BY created, id").fetchall()
        return [
            BatchRecord(i, s, t, inp, st, of, ef, json.loads(c), pr, cr, bool(co))
            for i, s, t, inp, st, of, ef, c, pr, cr, co in rows
        ]

    def update_batch(self, batch: BatchRecord) -> None:
        self._db.execute(
            "UPDATE batches SET status = ?, output_file = ?, error_file = ?, counts = ?, problem = ?, "
            "collected = ? WHERE id = ?",
            (
                batch.status,
                batch.output_file,
                batch.error_file,
                json.dumps(batch.counts),
                batch.problem,
                int(batch.collected),
                batch.id,
            ),
        )

    def pending(self, batch: str) -> dict[str, int]:
        """The batch's requests still waiting for a result: custom_id -> the member's position."""
        rows = self._db.execute(
            "SELECT custom_id, position FROM requests WHERE batch = ? AND state = 'pending'", (batch,)
        )
        return dict(rows.fetchall())

    def in_flight(self) -> set[str]:
        """The keys whose request (or follow-up) waits in some batch: not to be sent again."""
        rows = self._db.execute("SELECT custom_id FROM requests WHERE state = 'pending'")
        return {row[0].split(FOLLOWUP, 1)[0] for row in rows}

    def history(self, custom_id: str, batch: str) -> list[Any] | None:
        """A follow-up request's conversation so far: [request body or None for the first, answer]."""
        row = self._db.execute(
            "SELECT history FROM requests WHERE custom_id = ? AND batch = ?", (custom_id, batch)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        history: list[Any] = json.loads(zlib.decompress(row[0]))
        return history

    def settle(self, custom_id: str, batch: str, state: RequestState, reason: str | None = None) -> None:
        self._db.execute(
            "UPDATE requests SET state = ?, reason = ? "
            "WHERE custom_id = ? AND batch = ? AND state = 'pending'",
            (state, reason, custom_id, batch),
        )

    def latest(self, custom_id: str) -> tuple[RequestState, str | None] | None:
        """How the last request for this custom_id ended (or that it is pending)."""
        row = self._db.execute(
            "SELECT state, reason FROM requests WHERE custom_id = ? OR custom_id LIKE ? "
            "ORDER BY rowid DESC LIMIT 1",
            (custom_id, f"{custom_id}{FOLLOWUP}%"),
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def states(self, batch: str) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT state, count(*) FROM requests WHERE batch = ? GROUP BY state", (batch,)
        )
        return {state: int(n) for state, n in rows}

    def counts(self, batch: str) -> dict[str, int]:
        """The batch's request counts as the provider reports them (total, completed, failed), from how
        its requests were settled here: for batches no provider counts (files)."""
        states = self.states(batch)
        answered = states.get("done", 0) + states.get("followup", 0)
        failed = sum(states.get(state, 0) for state in ("failed", "expired", "cancelled"))
        return {"total": sum(states.values()), "completed": answered, "failed": failed}
