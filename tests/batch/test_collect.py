"""Batches through files (`vllm run-batch` style): the lines sent, the answers collected and checked as an
online run checks them, failures picked up by the next submit, and a second collect that changes nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from summarizer import Settings, make_brief
from summarizer.batch import FileTransport, Limits, batch_brief, collect, submit
from summarizer.batch.ledger import Ledger, ledger_beside
from summarizer.cli import EXIT_OK, main
from summarizer.config.settings import Prices
from summarizer.errors import UsageError
from summarizer.models import Article, ArticleBriefing
from summarizer.sources.ingest import read_articles
from summarizer.store import FileStore, open_store
from tests.batch_tools import FIXTURES, by_rule, run_batch
from tests.conftest import EXAMPLES, FAST, TEST_KEY
from tests.fake import FakeEndpoint, simulated
from tests.synthetic import write_articles


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", retry=FAST)


@pytest.fixture
def synthetic(tmp_path: Path) -> list[Article]:
    write_articles(tmp_path / "today", 6)
    return read_articles([tmp_path / "today"]).articles


def inputs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


# --- what is sent --------------------------------------------------------------------------------------


def test_the_input_file_is_the_golden_one(examples, settings, tmp_path):
    submitted = submit(examples, transport=FileTransport(tmp_path / "in"), settings=settings)
    [path] = inputs(tmp_path / "in")
    assert path.read_text() == (FIXTURES / "examples.input.jsonl").read_text(), (
        "the batch lines changed: if on purpose, run python -m tests.batch_tools"
    )
    assert submitted.sent == 2 and [batch.status for batch in submitted.batches] == ["written"]


def test_a_line_body_is_exactly_the_request_an_online_run_sends(cna, tmp_path):
    with FakeEndpoint() as server:
        settings = Settings(base_url=server.base_url, api_key=TEST_KEY, cache_dir=None)
        make_brief([EXAMPLES / "cna-trump-putin-meeting.md"], settings=settings)
    online = server.requests[0]
    submit(
        [cna],
        transport=FileTransport(tmp_path / "in"),
        settings=settings.model_copy(update={"cache_dir": tmp_path}),
    )
    [line] = lines(inputs(tmp_path / "in")[0])
    assert line["body"] == online
    assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
    assert line["body"]["response_format"]["json_schema"]["strict"] is True


def test_input_files_are_split_by_the_request_and_size_limits(synthetic, settings, tmp_path):
    submitted = submit(
        synthetic, transport=FileTransport(tmp_path / "in"), settings=settings, limits=Limits(requests=4)
    )
    assert [len(lines(path)) for path in inputs(tmp_path / "in")] == [4, 2]
    assert len(submitted.batches) == 2
    one_line = len((inputs(tmp_path / "in")[0]).read_text().splitlines()[0].encode()) + 1
    again = tmp_path / "again"
    settings = settings.model_copy(update={"cache_dir": tmp_path / "other"})
    submit(
        synthetic, transport=FileTransport(again), settings=settings, limits=Limits(bytes=2 * one_line + 50)
    )
    assert [len(lines(path)) for path in inputs(again)] == [2, 2, 2]
    assert all(path.stat().st_size <= 2 * one_line + 50 for path in inputs(again))


def test_what_is_cached_or_already_in_a_batch_is_not_sent_again(synthetic, settings, tmp_path):
    first = submit(synthetic[:3], transport=FileTransport(tmp_path / "a"), settings=settings)
    second = submit(synthetic, transport=FileTransport(tmp_path / "b"), settings=settings)
    assert (first.sent, second.sent, second.in_flight) == (3, 3, 3)
    assert {line["custom_id"] for line in lines(inputs(tmp_path / "b")[0])}.isdisjoint(
        line["custom_id"] for line in lines(inputs(tmp_path / "a")[0])
    )


def test_the_same_text_twice_is_one_request_and_both_articles_get_its_briefing(synthetic, settings, tmp_path):
    twin = synthetic[0].model_copy(update={"origin": "copy.md"})
    submitted = submit([*synthetic[:2], twin], transport=FileTransport(tmp_path / "in"), settings=settings)
    assert submitted.sent == 2
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    collect(transport=FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"]), settings=settings)
    brief = batch_brief(settings=settings)
    assert not brief.failures and {ref.origin for ref in brief.sources} >= {"copy.md", synthetic[0].origin}


# --- what comes back -----------------------------------------------------------------------------------


def test_one_output_may_be_given_as_a_str(examples, settings, tmp_path):
    golden = str(FIXTURES / "examples.output.jsonl")
    transport = FileTransport(str(tmp_path / "in"), outputs=golden)  # not one output per character
    assert transport.outputs == [Path(golden)]
    submit(examples, transport=transport, settings=settings)
    assert collect(transport=transport, settings=settings).stored == 1


def test_collecting_the_golden_output_stores_good_answers_and_reports_error_lines(
    examples, settings, tmp_path
):
    transport = FileTransport(tmp_path / "in", [FIXTURES / "examples.output.jsonl"])
    submit(examples, transport=transport, settings=settings)
    collected = collect(transport=transport, settings=settings)
    assert collected.stored == 1
    [failure] = collected.failed
    assert failure.origin.endswith("lbc-trump-putin-meeting.md") and failure.kind == "unreachable"
    assert "HTTP 500 in the batch: overloaded" in failure.reason
    assert collected.ignored == 3  # a line for no request of ours, a blank line, a line cut off
    assert collected.batch_usage.requests == 1 and collected.batch_usage.prompt_tokens > 1000
    assert open_store(f"file:{tmp_path / 'cache'}").count()[0] == 1
    # the failed article is the one the next submit sends, and its answer completes the brief
    again = submit(examples, transport=FileTransport(tmp_path / "in2"), settings=settings)
    assert (again.sent, again.cached) == (1, 1)
    assert [line["custom_id"] for line in lines(inputs(tmp_path / "in2")[0])] == [
        line["custom_id"] for line in lines(FIXTURES / "examples.input.jsonl")
    ][1:]
    retry = FileTransport(tmp_path / "in2", [FIXTURES / "examples.retry.jsonl"])
    assert collect(transport=retry, settings=settings).stored == 1
    brief = batch_brief(settings=settings)
    assert not brief.failures and len(brief.sources) == 2


def test_collecting_twice_changes_nothing(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    first = collect(transport=transport, settings=settings)
    ledger = ledger_beside(open_store(f"file:{tmp_path / 'cache'}"))
    entries = sorted(p.read_bytes() for p in (tmp_path / "cache").glob("*/*.json"))
    tables = _dump(ledger)
    second = collect(transport=transport, settings=settings)
    assert first.stored == 6 and second.stored == 0 and not second.failed and second.ignored == 0
    assert sorted(p.read_bytes() for p in (tmp_path / "cache").glob("*/*.json")) == entries
    assert _dump(ledger) == tables


def _dump(path: Path) -> list[Any]:
    with sqlite3.connect(path) as db:
        return [
            db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
            for t in ("members", "batches", "requests")
        ]


def test_a_brief_from_the_batch_costs_nothing_online_afterwards(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    collect(transport=transport, settings=settings)
    nowhere = settings.model_copy(
        update={"base_url": "http://127.0.0.1:9/v1", "api_key": SecretStr(TEST_KEY)}
    )
    result = make_brief([tmp_path / "today"], settings=nowhere)
    assert result.complete and result.summaries.spent.requests == 0 and result.summaries.cached == 6


def test_an_invalid_answer_is_reasked_online_through_the_engine(synthetic, settings, tmp_path):
    def broken(body: dict[str, Any]) -> dict[str, Any] | None:
        answer = by_rule(body)
        assert answer is not None
        del answer["headline"]
        return answer

    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:2], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", broken)
    with simulated() as simulator:
        online = settings.model_copy(update={"base_url": simulator.base_url, "api_key": SecretStr(TEST_KEY)})
        collected = collect(transport=transport, settings=online)
    assert collected.stored == 2 and sum(simulator.stats.requests.values()) == 2
    assert collected.online_usage.requests == 2 and collected.batch_usage.requests == 2
    stored = open_store(f"file:{tmp_path / 'cache'}")
    briefing = stored.get(ledger_key(tmp_path, 0), ArticleBriefing)
    assert briefing is not None and briefing.attempts == 2


def ledger_key(tmp_path: Path, position: int) -> str:
    ledger = Ledger(tmp_path / "cache" / "batches.sqlite")
    return ledger.members(ledger.last_submission() or 0)[position].key


def test_with_followups_off_an_invalid_answer_fails_its_article_and_is_resubmitted(
    synthetic, settings, tmp_path
):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:2], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", lambda body: {"headline": "only"})
    collected = collect(transport=transport, settings=settings, followups="none")
    assert collected.stored == 0 and [f.kind for f in collected.failed] == ["invalid answer"] * 2
    assert "follow-ups are off" in collected.failed[0].reason
    assert submit(synthetic[:2], transport=FileTransport(tmp_path / "again"), settings=settings).sent == 2


def with_an_invented_quote(body: dict[str, Any]) -> dict[str, Any] | None:
    """The fake model's answer, with a quote the article does not have."""
    answer = by_rule(body)
    assert answer is not None
    answer["quotes"] = [
        {"speaker": "The mayor", "text": "We will rebuild by Friday", "context": "at the council"}
    ]
    return answer


def test_an_ungrounded_quote_is_reasked_online_and_the_correction_kept(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:1], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", with_an_invented_quote)
    with simulated() as simulator:
        online = settings.model_copy(update={"base_url": simulator.base_url, "api_key": SecretStr(TEST_KEY)})
        collected = collect(transport=transport, settings=online)
    assert collected.stored == 1 and sum(simulator.stats.requests.values()) == 1
    briefing = open_store(f"file:{tmp_path / 'cache'}").get(ledger_key(tmp_path, 0), ArticleBriefing)
    assert briefing is not None and briefing.checks.reasked and briefing.briefing.quotes == []


def test_without_a_key_a_needed_reask_fails_the_article_and_names_the_variable(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:1], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", lambda body: {"headline": "only"})
    [failure] = collect(transport=transport, settings=settings).failed
    assert "set OPENAI_API_KEY" in failure.reason


def test_cost_is_the_batch_tokens_at_the_batch_price(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    collected = collect(transport=transport, settings=settings, batch_prices=Prices(input=1.0, output=2.0))
    usage = collected.batch_usage
    assert usage.requests == 6 and collected.online_usage.requests == 0
    assert collected.cost == round((usage.prompt_tokens * 1.0 + usage.completion_tokens * 2.0) / 1e6, 6)


def test_an_output_line_waits_until_it_is_given(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "part.jsonl"])
    submit(synthetic[:3], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "all.jsonl")
    (tmp_path / "part.jsonl").write_text((tmp_path / "all.jsonl").read_text().splitlines()[0] + "\n")
    first = collect(transport=transport, settings=settings)
    assert first.stored == 1 and len(first.waiting) == 1
    rest = collect(transport=FileTransport(tmp_path / "in", [tmp_path / "all.jsonl"]), settings=settings)
    assert rest.stored == 2 and not rest.waiting


# --- where things are kept -----------------------------------------------------------------------------


def test_the_ledger_lives_beside_either_store(tmp_path):
    assert ledger_beside(open_store(f"file:{tmp_path}/c")) == tmp_path / "c" / "batches.sqlite"
    assert ledger_beside(open_store(f"sqlite:{tmp_path}/c.db")) == tmp_path / "c.db.batches.sqlite"


def test_a_ledger_that_is_not_ours_is_refused_by_name(tmp_path):
    (tmp_path / "batches.sqlite").write_text("my notes\n")
    with pytest.raises(UsageError, match=r"batches\.sqlite is not a summarizer database"):
        Ledger(tmp_path / "batches.sqlite")
    with sqlite3.connect(tmp_path / "other.sqlite") as db:
        db.execute("CREATE TABLE x (y)")
    db.close()
    with pytest.raises(UsageError, match="another program's database"):
        Ledger(tmp_path / "other.sqlite")


def test_a_batch_needs_a_cache(synthetic, tmp_path):
    with pytest.raises(UsageError, match="batch needs a cache"):
        submit(synthetic, transport=FileTransport(tmp_path), settings=Settings(cache_dir=None))


def test_batches_work_on_a_sqlite_store(synthetic, tmp_path):
    settings = Settings(cache=f"sqlite:{tmp_path / 'cache.db'}")
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    assert collect(transport=transport, settings=settings).stored == 6
    assert open_store(f"sqlite:{tmp_path / 'cache.db'}").count()[0] == 6
    assert (tmp_path / "cache.db.batches.sqlite").is_file()


class Unwritable(FileStore):
    """A cache that can be read but, from now on, not written (a full disk)."""

    def put(self, key: str, value: Any) -> None:
        self.unwritable = f"cannot write the cache at {self.root}: No space left on device"


def test_a_cache_that_cannot_be_written_stops_collect_and_leaves_the_answers_pending(
    synthetic, settings, tmp_path
):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    with pytest.raises(UsageError, match="No space left on device: collect stopped"):
        collect(transport=transport, settings=settings, store=Unwritable(tmp_path / "cache"))
    assert collect(transport=transport, settings=settings).stored == 6  # nothing was lost


def test_cache_clear_keeps_the_ledger_and_what_was_cleared_is_sent_again(
    synthetic, settings, tmp_path, capsys
):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic, transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl")
    collect(transport=transport, settings=settings)
    assert main(["cache", "clear", "--cache-dir", str(tmp_path / "cache")]) == EXIT_OK
    assert "removed 6 entries" in capsys.readouterr().out
    assert (tmp_path / "cache" / "batches.sqlite").is_file()
    assert submit(synthetic, transport=FileTransport(tmp_path / "again"), settings=settings).sent == 6


def test_a_cache_folder_holding_only_the_ledger_is_still_ours_to_clear(synthetic, settings, tmp_path, capsys):
    submit(synthetic, transport=FileTransport(tmp_path / "in"), settings=settings)
    assert main(["cache", "clear", "--cache-dir", str(tmp_path / "cache")]) == EXIT_OK
    assert "removed 0 entries" in capsys.readouterr().out


# --- follow-ups in a second batch ----------------------------------------------------------------------


def _headless(body: dict[str, Any]) -> dict[str, Any] | None:
    answer = by_rule(body)
    assert answer is not None
    del answer["headline"]
    return answer


def test_with_followups_in_a_batch_a_reask_is_the_next_batch_and_its_answer_completes_the_article(
    synthetic, settings, tmp_path
):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:2], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", _headless)
    first = collect(transport=transport, settings=settings, followups="batch")
    assert first.stored == 0 and not first.failed and first.followups is not None
    assert first.followups.sent == 2 and first.online_usage.requests == 0
    [followup] = [path for path in (tmp_path / "in").glob("*followup*.jsonl")]
    requests = lines(followup)
    assert all(r["custom_id"].endswith("~1") for r in requests)
    # the re-ask is the online one: the question, the invalid answer, and its errors quoted back
    roles = [m["role"] for m in requests[0]["body"]["messages"]]
    assert (
        roles == ["system", "user", "assistant", "user"]
        and "headline" in requests[0]["body"]["messages"][3]["content"]
    )
    # nothing is sent again while the follow-up waits, and the brief says where each article stands
    assert submit(synthetic[:2], transport=FileTransport(tmp_path / "x"), settings=settings).in_flight == 2
    waiting = batch_brief(settings=settings).failures
    assert [f.reason for f in waiting] == ["its batch has not been collected yet"] * 2
    run_batch(followup, tmp_path / "followup-out.jsonl")
    second = collect(
        transport=FileTransport(tmp_path / "in", [tmp_path / "followup-out.jsonl"]),
        settings=settings,
        followups="batch",
    )
    assert second.stored == 2 and second.followups is None and second.batch_usage.requests == 2
    briefing = open_store(f"file:{tmp_path / 'cache'}").get(ledger_key(tmp_path, 0), ArticleBriefing)
    assert briefing is not None and briefing.attempts == 2 and briefing.usage.requests == 2
    assert not batch_brief(settings=settings).failures


def test_a_grounding_correction_can_wait_for_the_next_batch_too(synthetic, settings, tmp_path):
    transport = FileTransport(tmp_path / "in", [tmp_path / "out.jsonl"])
    submit(synthetic[:1], transport=transport, settings=settings)
    run_batch(inputs(tmp_path / "in")[0], tmp_path / "out.jsonl", with_an_invented_quote)
    assert collect(transport=transport, settings=settings, followups="batch").followups is not None
    [followup] = (tmp_path / "in").glob("*followup*.jsonl")
    run_batch(followup, tmp_path / "followup-out.jsonl")
    again = FileTransport(tmp_path / "in", [tmp_path / "followup-out.jsonl"])
    assert collect(transport=again, settings=settings, followups="batch").stored == 1
    briefing = open_store(f"file:{tmp_path / 'cache'}").get(ledger_key(tmp_path, 0), ArticleBriefing)
    assert briefing is not None and briefing.checks.reasked and briefing.briefing.quotes == []
