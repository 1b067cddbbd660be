"""A writer for the many-writers test of test_base, run in processes of its own: it imports the store
and pydantic only, so that a spawned process starts in a second or so, not in the ten that the test
module's imports (the SDK, vcrpy, the fake endpoint, through conftest) take on a loaded machine."""

from __future__ import annotations

from pydantic import BaseModel

from summarizer.store import open_store


class Note(BaseModel):
    text: str
    n: int = 0


#: A key every writer puts.
KEY = "ab" + "0" * 62


def key(n: int) -> str:
    return f"{n:064x}"


def write_many(url: str, worker: int, count: int) -> None:
    store = open_store(url)
    for n in range(count):
        store.put(key(worker * 10_000 + n), Note(text=f"worker {worker}", n=n))
        store.put(KEY, Note(text=f"shared by {worker}", n=n))  # every worker writes this one too
    assert store.unwritable is None
