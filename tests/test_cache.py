"""The cache of answers: `cache clear` removes only what summarizer stored, never a folder it did not make."""

from __future__ import annotations

from summarizer.cache import FileStore
from summarizer.cli import EXIT_OK, EXIT_USAGE, main
from summarizer.records import load_records

from .conftest import EXAMPLES, ROOT

EXAMPLES_CASSETTE = ROOT / "cassettes" / "examples" / "brief.yaml"


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
    assert capsys.readouterr().out.startswith("2 briefings")
    assert main(["cache", "clear", "--cache-dir", str(cache)]) == EXIT_OK
    assert "removed 2 briefings" in capsys.readouterr().out
    assert sorted(p.name for p in cache.rglob("*")) == ["CACHEDIR.TAG", "notes.txt"]
