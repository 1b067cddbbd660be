"""`summarizer batch submit | status | collect | cancel` as an editor runs them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from summarizer.cli import EXIT_FAILURES, EXIT_OK, EXIT_USAGE, main
from tests.batch_tools import run_batch, written
from tests.conftest import EXAMPLES, ROOT, TEST_KEY, cassette_folder
from tests.fake import FakeEndpoint

CASSETTES = cassette_folder(__name__)


@pytest.fixture
def cache(tmp_path: Path) -> list[str]:
    return ["--cache", f"sqlite:{tmp_path / 'cache.db'}"]


def test_a_file_batch_from_submit_to_brief(tmp_path, cache, capsys):
    inputs = ["--transport", "file", "--input-dir", str(tmp_path / "in")]
    assert main(["batch", "submit", str(EXAMPLES), *inputs, *cache]) == EXIT_OK
    out = capsys.readouterr().out
    assert "submission 1: 2 articles; 2 requests sent in 1 batch(es)" in out
    assert f"input: {tmp_path / 'in' / 'submission-1-1.jsonl'}" in out
    run_batch(tmp_path / "in" / "submission-1-1.jsonl", tmp_path / "out.jsonl", written)
    assert main(["batch", "status", *inputs, *cache]) == EXIT_OK
    assert "file-submission-1-1  written  0/2 answered  (submission 1, file)" in capsys.readouterr().out
    brief = tmp_path / "brief.md"
    collect = ["batch", "collect", *inputs, "--results", str(tmp_path / "out.jsonl"), *cache]
    assert main([*collect, "-o", str(brief), "--batch-price", "0.05,0.20"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "2 briefings stored, 0 failed, 0 unanswered, 0 batch(es) still running; 2 batch answers" in err
    assert "$0.00" in err
    assert "Trump" in brief.read_text() and "LBC" in brief.read_text()
    # collecting again stores nothing and writes the same brief
    assert main([*collect, "-o", str(tmp_path / "again.md")]) == EXIT_OK
    assert "0 briefings stored" in capsys.readouterr().err
    assert (tmp_path / "again.md").read_text() == brief.read_text()
    # and a second submit finds everything cached
    assert main(["batch", "submit", str(EXAMPLES), *inputs, *cache]) == EXIT_OK
    assert "0 requests sent in 0 batch(es) (none); 2 already cached" in capsys.readouterr().out


def test_an_error_line_is_named_by_article_and_the_exit_status_says_so(tmp_path, cache, capsys):
    inputs = ["--transport", "file", "--input-dir", str(tmp_path / "in")]
    main(["batch", "submit", str(EXAMPLES), *inputs, *cache])
    run_batch(tmp_path / "in" / "submission-1-1.jsonl", tmp_path / "out.jsonl", lambda body: None)
    collect = ["batch", "collect", *inputs, "--results", str(tmp_path / "out.jsonl"), *cache]
    assert main([*collect, "-o", str(tmp_path / "brief.md")]) == EXIT_FAILURES
    err = capsys.readouterr().err
    assert "cna-trump-putin-meeting.md: unreachable: HTTP 500 in the batch: overloaded" in err
    assert "0 briefings stored, 2 failed, 0 unanswered (the next submit sends these 2 again)" in err
    # as it says: the failed articles are not cached, so the next submit sends them
    assert main(["batch", "submit", str(EXAMPLES), *inputs, *cache]) == EXIT_OK
    assert "2 requests sent in 1 batch(es)" in capsys.readouterr().out


def test_result_lines_that_answer_no_request_are_counted_not_silently_dropped(tmp_path, cache, capsys):
    inputs = ["--transport", "file", "--input-dir", str(tmp_path / "in")]
    main(["batch", "submit", str(EXAMPLES), *inputs, *cache])
    golden = ROOT / "tests" / "fixtures" / "batch" / "examples.output.jsonl"  # 1 good, 1 error, 3 others
    assert main(["batch", "collect", *inputs, "--results", str(golden), *cache]) == EXIT_FAILURES
    err = capsys.readouterr().err
    assert "summarizer: 3 result line(s) answered no request waiting in a batch" in err
    assert "1 briefings stored, 1 failed" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "collect", "--transport", "file"], "--results FILE"),
        (["batch", "collect", "--transport", "file", "--results", "gone.jsonl"], "batch output gone.jsonl"),
        (["batch", "cancel", "--transport", "file"], "cancel is for --transport api"),
        (["batch", "submit", "x", "--no-cache", "--transport", "file"], "batch needs a cache"),
    ],
)
def test_a_batch_command_used_wrongly_is_one_clear_line(args, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").write_text("A council voted on Tuesday to close the library.\n")
    assert main(args) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_status_needs_a_key_only_while_a_batch_of_the_provider_is_running(
    tmp_path, cache, capsys, monkeypatch
):
    from summarizer.batch.ledger import BatchRecord, Ledger, ledger_beside
    from summarizer.store import open_store

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    inputs = ["--transport", "file", "--input-dir", str(tmp_path / "in")]
    assert main(["batch", "submit", str(EXAMPLES), *inputs, *cache]) == EXIT_OK
    capsys.readouterr()
    # Only file batches: the ledger says it all, with no key and the default transport.
    assert main(["batch", "status", *cache]) == EXIT_OK
    assert "file-submission-1-1  written" in capsys.readouterr().out
    ledger = Ledger(ledger_beside(open_store(cache[1])))
    ledger.add_batch(
        BatchRecord(id="batch_1", submission=1, transport="api", input="file_1", status="in_progress"), []
    )
    ledger.close()
    assert main(["batch", "status", *cache]) == EXIT_USAGE
    assert "no API key" in capsys.readouterr().err


@pytest.fixture
def api_args(recording: bool, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], list[str]]]:
    """--cassette arguments for each command of one batch's life: recorded against one fake Batch API."""
    server = FakeEndpoint().__enter__() if recording else None
    if recording:
        monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)

    def args(name: str) -> list[str]:
        path = CASSETTES / f"{name}.yaml"
        if server is None:
            return ["--cassette", str(path)]
        return ["--cassette", str(path), "--record", "--base-url", server.base_url]

    yield args
    if server is not None:
        server.__exit__(None, None, None)


def test_an_api_batch_from_submit_to_brief(api_args, tmp_path, cache, capsys, monkeypatch):
    assert main(["batch", "submit", str(EXAMPLES), *cache, *api_args("submit")]) == EXIT_OK
    assert "2 requests sent in 1 batch(es) (batch_0001)" in capsys.readouterr().out
    assert main(["batch", "status", *cache, *api_args("status")]) == EXIT_OK
    assert "batch_0001  in_progress  0/2 answered  (submission 1, api)" in capsys.readouterr().out
    assert main(["batch", "collect", *cache, *api_args("collect-early")]) == EXIT_OK
    assert "0 briefings stored, 0 failed, 0 unanswered, 1 batch(es) still running" in capsys.readouterr().err
    brief = tmp_path / "brief.md"
    assert main(["batch", "collect", *cache, "-o", str(brief), *api_args("collect")]) == EXIT_OK
    assert "2 briefings stored" in capsys.readouterr().err
    assert "LBC" in brief.read_text()
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)  # a collected batch is not asked about again: no request
    assert main(["batch", "status", *cache, "--base-url", "http://127.0.0.1:9/v1"]) == EXIT_OK
    assert "batch_0001  completed  2/2 answered, collected" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["submit", "status", "cancel", "collect"])
def test_each_batch_action_has_examples_in_its_help(action, capsys):
    with pytest.raises(SystemExit):
        main(["batch", action, "--help"])
    text = capsys.readouterr().out
    examples = text.split("\nexamples:\n", 1)[1].splitlines()
    assert examples and all(line.startswith(f"  summarizer batch {action} ") for line in examples)
    if action == "submit":
        assert "./batch-inputs" in text
