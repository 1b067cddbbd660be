"""The cache of answers: `cache clear` removes only what summarizer stored, never a folder or database it
did not make; `--cache URL` chooses the store."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pydantic import BaseModel

from summarizer.cli import EXIT_OK, EXIT_USAGE, main
from summarizer.output.records import load_records
from summarizer.store import FileStore, open_store
from summarizer.store.sqlite import STORE_ID, SQLiteStore
from tests.conftest import EXAMPLES, EXAMPLES_CASSETTE


class Note(BaseModel):
    text: str


def test_clear_refuses_a_folder_of_notes_and_deletes_nothing(tmp_path, capsys):
    notes = tmp_path / "notes"
    (notes / "ab").mkdir(parents=True)
    (notes / "todo.txt").write_text("call the council\n")
    (notes / "ab" / "draft.md").write_text("# draft\n")
    assert main(["cache", "clear", "--cache-dir", str(notes)]) == EXIT_USAGE
    assert "is not a summarizer cache" in capsys.readouterr().err
    assert sorted(p.name for p in notes.rglob("*")) == ["ab", "draft.md", "todo.txt"]


def test_clear_on_a_real_cache_removes_only_its_entries(tmp_path, capsys):
    cache = tmp_path / "cache"
    # A cassette run does not use the cache: store the briefings it gives, as a run would.
    records = tmp_path / "b.jsonl"
    assert (
        main(["summarize", str(EXAMPLES), "-q", "-o", str(records), "--cassette", str(EXAMPLES_CASSETTE)])
        == 0
    )
    store = FileStore(cache)
    for index, briefing in enumerate(load_records([records])[0]):
        store.put(f"{index:064x}", briefing)
    (cache / "notes.txt").write_text("mine\n")
    assert main(["cache", "info", "--cache-dir", str(cache)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("2 entries")
    assert main(["cache", "clear", "--cache-dir", str(cache)]) == EXIT_OK
    assert "removed 2 entries" in capsys.readouterr().out
    assert sorted(p.name for p in cache.rglob("*")) == ["CACHEDIR.TAG", "notes.txt"]


def test_cache_info_and_clear_take_a_sqlite_store_url(tmp_path, capsys):
    path = tmp_path / "shared.db"
    store = open_store(f"sqlite:{path}")
    for n in range(3):
        store.put(f"{n:064x}", Note(text="council votes"))
    assert main(["cache", "info", "--cache", f"sqlite:{path}"]) == EXIT_OK
    assert capsys.readouterr().out.startswith(f"3 entries, 0.0 MB, in sqlite:{path}")
    assert main(["cache", "clear", "--cache", f"sqlite:{path}"]) == EXIT_OK
    assert "removed 3 entries" in capsys.readouterr().out
    assert store.count() == (0, 0)


def test_cache_clear_refuses_a_file_that_is_not_our_database(tmp_path, capsys):
    notes = tmp_path / "notes.db"
    notes.write_text("call the council\n")
    assert main(["cache", "clear", "--cache", f"sqlite:{notes}"]) == EXIT_USAGE
    assert "notes.db is not a summarizer database" in capsys.readouterr().err
    assert notes.read_text() == "call the council\n"


def test_the_store_comes_from_summarizer_cache_and_a_flag_wins(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CACHE", f"sqlite:{tmp_path / 'env.db'}")
    assert main(["cache", "info"]) == EXIT_OK
    assert f"in sqlite:{tmp_path / 'env.db'}" in capsys.readouterr().out
    assert main(["cache", "info", "--cache-dir", str(tmp_path / "folder")]) == EXIT_OK
    assert capsys.readouterr().out.strip().endswith(f"in {tmp_path / 'folder'}")
    assert main(["cache", "info", "--cache", "s3://bucket", "--cache-dir", "x"]) == EXIT_USAGE
    assert "not both" in capsys.readouterr().err


# --- a damaged database ----------------------------------------------------------------------------------


def damaged(path: Path) -> None:
    """A store of ours whose header and schema still read, with garbage where half its pages were."""
    store = SQLiteStore(path)
    for n in range(300):
        store.put(f"{n:064x}", Note(text="council votes " * 40))
    store.close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(3, len(data) // size, 2):
        data[page * size : (page + 1) * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_info_on_a_damaged_database_is_one_line_and_clear_makes_a_new_one(tmp_path, capsys):
    path = tmp_path / "cache.db"
    damaged(path)
    url = f"sqlite:{path}"
    assert main(["cache", "info", "--cache", url]) == EXIT_USAGE
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"summarizer: error: the cache at {path} is damaged (database disk image")
    assert line.endswith("summarizer cache clear removes it and makes a new one")
    assert main(["cache", "clear", "--cache", url]) == EXIT_OK
    assert capsys.readouterr().out == (
        f"the cache at {path} was damaged (database disk image is malformed): removed it and made a new, "
        "empty one\n"
    )
    assert main(["cache", "info", "--cache", url]) == EXIT_OK
    assert capsys.readouterr().out.startswith("0 entries")


def test_clear_removes_a_database_of_ours_too_damaged_to_open_but_never_anothers(tmp_path, capsys):
    ours, theirs = tmp_path / "ours.db", tmp_path / "theirs.db"
    header = bytearray(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 82)
    mine = bytearray(header)
    mine[68:72] = STORE_ID.to_bytes(4, "big")  # the mark summarizer gives its databases
    ours.write_bytes(bytes(mine) + b"\xff" * 8000)
    theirs.write_bytes(bytes(header) + b"\xff" * 8000)
    assert main(["cache", "clear", "--cache", f"sqlite:{ours}"]) == EXIT_OK
    assert "was damaged" in capsys.readouterr().out and open_store(f"sqlite:{ours}").count() == (0, 0)
    assert main(["cache", "clear", "--cache", f"sqlite:{theirs}"]) == EXIT_USAGE
    assert "is not a summarizer database" in capsys.readouterr().err
    assert theirs.read_bytes().endswith(b"\xff" * 8000)  # untouched
