"""The answer store's contract, kept by every backend alike; choosing one by URL; many writers at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from summarizer import Settings, make_brief
from summarizer.errors import UsageError
from summarizer.store import FileStore, Leases, Store, open_store, register_store, store_for
from summarizer.store.sqlite import SQLiteStore
from tests.conftest import FAST, TEST_KEY
from tests.fake import simulated
from tests.store.writer import KEY, Note, key, write_many
from tests.synthetic import write_articles


class Other(BaseModel):
    other: list[int]


@pytest.fixture(params=["file", "sqlite"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"file:{tmp_path / 'cache'}" if request.param == "file" else f"sqlite:{tmp_path / 'cache.db'}"


# --- the contract --------------------------------------------------------------------------------------


def test_what_is_put_is_got_back_and_a_missing_key_is_none(url):
    store = open_store(url)
    assert store.get(KEY, Note) is None
    store.put(KEY, Note(text="council votes", n=3))
    assert store.get(KEY, Note) == Note(text="council votes", n=3)
    assert open_store(url).get(KEY, Note) == Note(text="council votes", n=3)  # another process's view


def test_putting_a_key_again_keeps_one_entry_the_last(url):
    store = open_store(url)
    store.put(KEY, Note(text="first"))
    store.put(KEY, Note(text="second"))
    assert store.get(KEY, Note) == Note(text="second")
    assert store.count()[0] == 1


def test_count_says_entries_and_bytes_and_clear_empties_it(url):
    store = open_store(url)
    assert store.count() == (0, 0)
    for n in range(5):
        store.put(key(n), Note(text="x" * 100, n=n))
    entries, size = store.count()
    assert entries == 5 and 500 < size < 1000
    assert store.clear() == 5
    assert store.count() == (0, 0)
    assert store.get(key(1), Note) is None


def test_counting_a_store_that_is_not_there_makes_nothing(url, tmp_path):
    # `summarizer cache info --cache sqlite:brefs.db` (a typo) must not leave a new database behind
    assert open_store(url).count() == (0, 0)
    assert list(tmp_path.iterdir()) == []


def test_an_entry_of_another_shape_is_a_miss_not_an_error(url, caplog):
    store = open_store(url)
    store.put(KEY, Other(other=[1]))
    assert store.get(KEY, Note) is None
    assert "unreadable cache entry" in caplog.text


def test_a_store_that_cannot_be_written_warns_and_the_run_goes_on(url, tmp_path, caplog):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the store's folder should be\n")
    scheme = url.split(":", 1)[0]
    store = open_store(f"{scheme}:{blocker / 'inside' / 'cache.db'}")
    store.put(KEY, Note(text="lost"))
    store.put(key(2), Note(text="lost too"))
    assert store.unwritable and str(blocker) in store.unwritable
    assert store.get(KEY, Note) is None
    assert caplog.text.count("going on without storing answers") == 1


# --- choosing a store ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "opened"),
    [
        ("file:cache", FileStore, "file:cache"),
        ("file:///TMP/cache", FileStore, "file:/TMP/cache"),
        ("cache", FileStore, "file:cache"),
        ("C:\\cache", FileStore, "file:C:\\cache"),
        ("sqlite:cache.db", SQLiteStore, "sqlite:cache.db"),
        ("SQLITE:///TMP/cache.db", SQLiteStore, "sqlite:/TMP/cache.db"),
    ],
)
def test_a_url_names_the_backend_and_a_bare_path_is_a_folder(url, kind, opened, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store(url.replace("/TMP", str(tmp_path)))
    assert isinstance(store, kind)
    assert store.url == opened.replace("/TMP", str(tmp_path))


def test_an_unknown_scheme_is_refused_naming_the_known_ones():
    with pytest.raises(UsageError, match=r"unknown store 's3'.*known: file, sqlite"):
        open_store("s3://newsroom/cache")


def test_a_registered_scheme_opens_its_own_store(tmp_path):
    opened: list[str] = []

    def memory(location: str) -> Store:
        opened.append(location)
        return FileStore(tmp_path / location)

    register_store("memtest", memory)
    assert isinstance(open_store("memtest:bucket"), FileStore) and opened == ["bucket"]


def test_the_settings_choose_the_store_and_no_cache_dir_turns_it_off(tmp_path, monkeypatch):
    assert isinstance(store_for(Settings(cache_dir=tmp_path)), FileStore)
    assert isinstance(store_for(Settings(cache=f"sqlite:{tmp_path / 'c.db'}")), SQLiteStore)
    monkeypatch.setenv("SUMMARIZER_CACHE", f"sqlite:{tmp_path / 'env.db'}")
    assert store_for(Settings()).url == f"sqlite:{tmp_path / 'env.db'}"
    assert store_for(Settings(cache_dir=None)) is None


# --- SQLite: ours only ---------------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("call the council\n")
    with pytest.raises(UsageError, match=r"notes\.db is not a summarizer database \(not an SQLite file\)"):
        open_store(f"sqlite:{notes}")
    assert notes.read_text() == "call the council\n"


def test_another_programs_database_is_refused_and_nothing_is_removed(tmp_path):
    path = tmp_path / "crm.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE entries (key TEXT, value BLOB)")
        db.execute("INSERT INTO entries VALUES ('a', 'keep me')")
    db.close()
    with pytest.raises(UsageError, match="another program's database"):
        open_store(f"sqlite:{path}").clear()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (1,)
    db.close()


def test_a_damaged_database_is_refused_with_its_name(tmp_path):
    path = tmp_path / "cache.db"
    store = SQLiteStore(path)
    store.put(KEY, Note(text="x"))
    store.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(UsageError, match=r"cache\.db is not a summarizer database \(unreadable"):
        open_store(f"sqlite:{path}")


def test_sqlite_is_one_file_and_clear_keeps_the_file(tmp_path):
    path = tmp_path / "cache.db"
    store = open_store(f"sqlite:{path}")
    store.put(KEY, Note(text="x"))
    assert store.clear() == 1
    assert path.is_file() and open_store(f"sqlite:{path}").count() == (0, 0)


# --- many writers ---------------------------------------------------------------------------------------


def test_concurrent_writers_in_several_processes_lose_nothing(url):
    workers, each = 4, 60
    context = multiprocessing.get_context("spawn")  # no connection inherited through fork
    processes = [context.Process(target=write_many, args=(url, w, each)) for w in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [process.exitcode for process in processes] == [0] * workers
    store = open_store(url)
    assert store.count()[0] == workers * each + 1
    for w in range(workers):
        assert store.get(key(w * 10_000 + each - 1), Note) == Note(text=f"worker {w}", n=each - 1)
    shared = store.get(KEY, Note)
    assert shared is not None and shared.text.startswith("shared by ")


# --- a run on each store --------------------------------------------------------------------------------


def test_a_rerun_on_either_store_makes_no_call(url, tmp_path):
    folder = tmp_path / "today"
    write_articles(folder, 4)
    with simulated() as simulator:
        run = Settings(base_url=simulator.base_url, api_key=TEST_KEY, retry=FAST, cache=url)
        first = make_brief([folder], settings=run)
        again = make_brief([folder], settings=run)
    assert first.summaries.spent.requests == 4 and open_store(url).count()[0] == 4
    assert again.summaries.spent.requests == 0 and again.summaries.cached == 4


def test_a_run_of_files_opens_its_store_once(tmp_path, monkeypatch):
    # A URL in the inputs needs the store for its fetch records too; a run of files does not.
    from summarizer.store import registry as cache

    opened: list[str] = []
    real = cache.open_store
    monkeypatch.setattr(cache, "open_store", lambda where: opened.append(str(where)) or real(where))
    folder = tmp_path / "today"
    write_articles(folder, 2)
    url = f"sqlite:{tmp_path / 'cache.db'}"
    with simulated() as simulator:
        make_brief([folder], settings=Settings(base_url=simulator.base_url, api_key=TEST_KEY, cache=url))
    assert opened == [url]


def test_a_damaged_database_is_a_warning_for_a_run_naming_the_way_out(tmp_path, caplog):
    from tests.store.test_files import damaged

    path = tmp_path / "cache.db"
    damaged(path)
    store = open_store(f"sqlite:{path}")
    for n in range(300):  # one of them lands on a damaged page
        store.get(key(n), Note)
        store.put(key(n), Note(text="again"))
    assert store.unwritable is not None and "damaged" in store.unwritable
    assert "summarizer cache clear" in store.unwritable


def test_one_entry_that_cannot_be_written_is_skipped_and_the_rest_are_stored(tmp_path, caplog):
    root = tmp_path / "cache"
    bad = key(1)
    (root / bad[:2] / f"{bad}.json").mkdir(parents=True)  # a folder where the entry's file should be
    store = FileStore(root)
    for n in range(4):
        store.put(key(n), Note(text="paid for", n=n))
    store.put(bad, Note(text="again"))
    assert store.unwritable is None
    assert [store.get(key(n), Note) is not None for n in range(4)] == [True, False, True, True]
    assert caplog.text.count(f"cannot store the cache entry {root / bad[:2] / bad}") == 1  # once, named
    assert store.skipped == [f"{root / bad[:2] / bad}.json: Is a directory"]


# --- claims on answers being asked for ----------------------------------------------------------------------


def _claim_elsewhere(url: str, key: str, seconds: float, answers: Any, orders: Any) -> None:
    """Another process, alive while the test looks: it claims `key`, says so, and waits to be let go."""
    store = open_store(url)
    answers.put(store.take_lease(key, seconds))  # type: ignore[attr-defined]
    orders.get(timeout=60)


def test_a_claim_holds_against_another_process_until_released_or_lapsed(url):
    context = multiprocessing.get_context("spawn")
    answers, orders = context.Queue(), context.Queue()

    def elsewhere(seconds: float) -> Any:
        process = context.Process(target=_claim_elsewhere, args=(url, KEY, seconds, answers, orders))
        process.start()
        assert answers.get(timeout=60) is True
        return process

    store = open_store(url)
    assert isinstance(store, Leases)
    holder = elsewhere(60.0)
    assert store.take_lease(KEY, 60.0) is False  # held by a live process
    assert store.take_lease(key(2), 60.0) is True  # another key is free
    orders.put("go")
    holder.join(30)
    assert store.take_lease(KEY, 60.0) is True  # its holder is gone: taken over without waiting
    store.drop_lease(KEY)
    lapsing = elsewhere(0.2)
    time.sleep(0.4)
    assert store.take_lease(KEY, 60.0) is True  # lapsed, though its process still runs
    orders.put("go")
    lapsing.join(30)


def test_a_claim_is_its_holders_to_renew_and_drop(url):
    store = open_store(url)
    assert isinstance(store, Leases)
    assert store.take_lease(KEY, 0.2) is True
    assert store.take_lease(KEY, 0.2) is True  # its own: taken again
    store.renew_leases([KEY], 60.0)
    store.drop_lease(KEY)
    assert store.take_lease(KEY, 60.0) is True
