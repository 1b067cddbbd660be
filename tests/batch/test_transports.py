"""Batches through the provider's API (files and batches endpoints), replayed from cassettes recorded
against the fake Batch API of tests/fake: upload, status, collect, expiry, cancel, validation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from summarizer import Settings
from summarizer.batch import ApiTransport, FileTransport, batch_brief, cancel, collect, status, submit
from summarizer.models import ArticleBriefing
from summarizer.store import open_store
from tests.conftest import FAST, REPLAY_URL, TEST_KEY
from tests.fake import BatchPlan, FakeEndpoint, Script, Step, answer, answer_with


@pytest.fixture
def batch_api(recording: bool) -> Iterator[Callable[..., openai.AsyncOpenAI]]:
    """A client of the fake Batch API, started with a plan and a script of chat replies when recording;
    when replaying, of an address where nothing listens (the cassette answers)."""
    servers: list[FakeEndpoint] = []

    def start(plan: BatchPlan | None = None, *script: Step) -> openai.AsyncOpenAI:
        url = REPLAY_URL
        if recording:
            server = FakeEndpoint(Script(*script), batches=plan).__enter__()
            servers.append(server)
            url = server.base_url
        return openai.AsyncOpenAI(api_key=TEST_KEY, base_url=url, max_retries=0)

    yield start
    for server in servers:
        server.__exit__(None, None, None)
        assert not server.script, f"{len(server.script)} scripted replies were never requested"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", retry=FAST)


@pytest.mark.vcr
def test_a_batch_is_uploaded_followed_and_collected_into_the_cache(batch_api, examples, settings, tmp_path):
    api = ApiTransport(batch_api())
    submitted = submit(examples, transport=api, settings=settings)
    [batch] = submitted.batches
    assert batch.id == "batch_0001" and batch.input == "file-0001" and batch.status == "validating"
    assert not list(tmp_path.rglob("*.jsonl"))  # written to a temporary folder, uploaded, removed
    [seen] = status(transport=api, settings=settings)
    assert seen.status == "in_progress"
    early = collect(transport=api, settings=settings)
    assert early.stored == 0 and [b.status for b in early.waiting] == ["finalizing"]
    done = collect(transport=api, settings=settings)
    assert done.stored == 2 and not done.failed and not done.waiting
    assert done.batch_usage.requests == 2 and done.online_usage.requests == 0
    again = collect(transport=api, settings=settings)
    assert again.stored == 0 and not again.waiting
    assert open_store(f"file:{tmp_path / 'cache'}").count()[0] == 2
    assert not batch_brief(settings=settings).failures


@pytest.mark.vcr
def test_an_expired_batch_leaves_exactly_its_unanswered_articles_to_resubmit(
    batch_api, examples, settings, tmp_path
):
    api = ApiTransport(batch_api(BatchPlan(statuses=["validating", "expired"], answered=1)))
    submit(examples, transport=api, settings=settings)
    collected = collect(transport=api, settings=settings)
    assert collected.stored == 1
    [origin] = collected.unfinished
    [failure] = batch_brief(1, settings=settings).failures
    assert failure.origin == origin and "expired" in failure.reason
    again = submit(examples, transport=FileTransport(tmp_path / "again"), settings=settings)
    assert (again.sent, again.cached) == (1, 1)
    [path] = (tmp_path / "again").glob("*.jsonl")
    [line] = [json.loads(text) for text in path.read_text().splitlines()]
    assert open_store(f"file:{tmp_path / 'cache'}").get(line["custom_id"], ArticleBriefing) is None
    assert batch_brief(1, settings=settings).failures[0].reason == "its batch has not been collected yet"


@pytest.mark.vcr
def test_a_cancelled_batch_is_collected_and_its_articles_sent_again(batch_api, examples, settings, tmp_path):
    api = ApiTransport(batch_api(BatchPlan(answered=0)))
    submit(examples, transport=api, settings=settings)
    [cancelled] = cancel(transport=api, settings=settings)
    assert cancelled.status == "cancelling"
    collected = collect(transport=api, settings=settings)
    assert collected.stored == 0 and len(collected.unfinished) == 2
    assert submit(examples, transport=FileTransport(tmp_path / "again"), settings=settings).sent == 2


@pytest.mark.vcr
def test_a_batch_the_provider_refuses_reports_why_and_its_articles_are_sent_again(
    batch_api, examples, settings, tmp_path
):
    api = ApiTransport(batch_api(BatchPlan(max_requests=1)))
    submit(examples, transport=api, settings=settings)
    collected = collect(transport=api, settings=settings)
    assert collected.stored == 0 and len(collected.unfinished) == 2
    reasons = {failure.reason for failure in batch_brief(settings=settings).failures}
    assert any("failed (more than 1 requests)" in reason for reason in reasons)


def _no_headline(written: dict[str, Any]) -> dict[str, Any]:
    del written["headline"]
    return written


@pytest.mark.vcr
def test_an_answer_that_does_not_validate_is_reasked_online_at_collect(batch_api, examples, settings):
    # The batch answers the first article without a headline; the re-ask goes out online and is answered.
    api = ApiTransport(batch_api(None, answer_with(_no_headline), answer, answer))
    submit(examples, transport=api, settings=settings)
    for _ in range(3):
        status(transport=api, settings=settings)
    collected = collect(transport=api, settings=settings)
    assert collected.stored == 2 and collected.online_usage.requests == 1
    assert collected.batch_usage.requests == 2


def _upload(boundary: str, lines: list[dict[str, Any]], spacing: str = "") -> Any:
    from vcr.request import Request

    jsonl = "".join(json.dumps(line, separators=(",", ":" + spacing)) + "\n" for line in lines)
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="s-1.jsonl"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n{jsonl}\r\n--{boundary}--\r\n"
    )
    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    return Request("POST", "http://127.0.0.1:9/v1/files", body.encode(), headers)


def test_uploads_match_on_their_parsed_lines_not_the_boundary_or_spacing():
    from summarizer.testing.cassette import json_body_matcher

    lines = [{"custom_id": "a", "body": {"model": "m"}}, {"custom_id": "b", "body": {"model": "m"}}]
    json_body_matcher(_upload("1111", lines), _upload("2222", lines, " "))
    with pytest.raises(AssertionError, match="uploaded files differ"):
        json_body_matcher(_upload("1111", lines), _upload("1111", lines[:1]))


@pytest.mark.vcr
def test_a_reask_can_go_in_a_followup_batch_collected_like_the_first(batch_api, examples, settings):
    api = ApiTransport(batch_api(None, answer_with(_no_headline), answer))
    submit(examples, transport=api, settings=settings)
    for _ in range(3):
        status(transport=api, settings=settings)
    first = collect(transport=api, settings=settings, followups="batch")
    assert first.stored == 1 and first.online_usage.requests == 0
    assert first.followups is not None and [b.id for b in first.followups.batches] == ["batch_0002"]
    for _ in range(3):
        status(transport=api, settings=settings)
    second = collect(transport=api, settings=settings, followups="batch")
    assert second.stored == 1 and second.followups is None
    assert not batch_brief(settings=settings).failures
