"""The SQLite databases' files (the answer store's, the batch ledger's): made once, whoever opens a new
one first."""

from __future__ import annotations

import multiprocessing
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

from summarizer.store.sqlite import connect

SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT);"


def _open_when_told(path: str, go: Event, problems: Queue[str]) -> None:
    go.wait()
    try:
        connect(Path(path), 0x54455354, SCHEMA).close()
    except Exception as error:  # what a run would have shown
        problems.put(repr(error))


def test_processes_making_one_new_store_at_the_same_moment_all_open_it(tmp_path: Path) -> None:
    """Runs started together on a new cache: none is told the file is 'another program's database' (one
    used to look between another's mark and its tables), nor 'database is locked' (switching to WAL does
    not wait for a lock)."""
    context = multiprocessing.get_context("fork")
    problems: Queue[str] = context.Queue()
    for round_ in range(30):
        go = context.Event()
        path = str(tmp_path / f"cache-{round_}.db")
        runs = [context.Process(target=_open_when_told, args=(path, go, problems)) for _ in range(8)]
        for run in runs:
            run.start()
        go.set()
        for run in runs:
            run.join(timeout=60)
        assert [run.exitcode for run in runs] == [0] * 8
    found = []
    while not problems.empty():
        found.append(problems.get())
    assert found == []
