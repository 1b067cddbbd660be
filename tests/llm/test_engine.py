"""The structured call on recorded exchanges: success, re-asks, retries, and every way it can fail."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx2
import openai
import pytest

from summarizer.errors import (
    AccessDenied,
    AnswerTruncated,
    ContentFiltered,
    InvalidAnswer,
    ModelRefused,
    RequestRejected,
    TransportError,
)
from summarizer.llm.failures import retry_after as _retry_after
from tests.conftest import FAST, TEST_KEY
from tests.fake import FakeEndpoint, Script, answer, answer_with, content, hang, refusal, status, truncated
from tests.synthetic import write_articles


def sent(vcr: Any, index: int) -> dict[str, Any]:
    """The JSON body of the index-th request in the cassette."""
    return json.loads(vcr.requests[index].body)


@pytest.mark.vcr
def test_a_valid_answer_becomes_a_briefing_with_its_source_and_usage(run, cna, vcr):
    result = run(answer)(cna)
    assert result.ref.source == "CNA"
    assert result.briefing.headline.startswith("Trump could meet Putin")
    assert any(quote.speaker == "Karoline Leavitt" for quote in result.briefing.quotes)
    assert result.attempts == 1
    assert result.usage.requests == 1 and result.usage.prompt_tokens > 0
    request = sent(vcr, 0)
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["strict"] is True


@pytest.mark.vcr
def test_rate_limited_request_waits_as_the_server_asks_then_succeeds(run, cna):
    call = run(status(429, "Rate limit reached", "requests", {"retry-after-ms": "250"}), answer)
    result = call(cna)
    assert result.briefing.headline
    [(reason, delay)] = call.retries
    assert reason == "HTTP 429" and 0.25 <= delay <= 0.25 * 1.25  # what the server asked, plus jitter
    assert call.sleeps == [delay]


@pytest.mark.vcr
def test_server_error_is_retried_with_backoff_then_succeeds(run, cna):
    call = run(status(500, "The server had an error", "server_error"), answer)
    result = call(cna)
    assert result.briefing.headline
    assert [reason for reason, _ in call.retries] == ["HTTP 500"]
    assert 0 < call.sleeps[0] <= FAST.max_wait


@pytest.mark.vcr
def test_server_errors_past_the_retry_budget_fail_the_article(run, cna):
    failing = status(503, "Service unavailable", "server_error")
    call = run(failing, failing, failing)
    with pytest.raises(TransportError, match=r"HTTP 503 after 3 attempts") as caught:
        call(cna)
    assert caught.value.attempts == 3
    assert len(call.retries) == 2


@pytest.mark.vcr
def test_invalid_json_is_sent_back_with_the_error_and_the_reask_succeeds(run, cna, vcr):
    result = run(content('{"headline": "Trump could meet Putin", "summary": '), answer)(cna)
    assert result.attempts == 2
    assert result.usage.requests == 2
    reask = sent(vcr, 1)["messages"]
    assert reask[-2] == {"role": "assistant", "content": '{"headline": "Trump could meet Putin", "summary": '}
    assert "not valid JSON" in reask[-1]["content"]


@pytest.mark.vcr
def test_schema_violation_is_quoted_back_and_the_reask_succeeds(run, cna, vcr):
    def break_schema(briefing: dict[str, Any]) -> dict[str, Any]:
        del briefing["headline"]
        briefing["key_points"] = []
        return briefing

    result = run(answer_with(break_schema), answer)(cna)
    assert result.attempts == 2
    reask = sent(vcr, 1)["messages"][-1]["content"]
    assert "headline: Field required" in reask
    assert "key_points: Value error, give at least one key point" in reask


@pytest.mark.vcr
def test_an_answer_that_never_validates_fails_with_the_attempts_and_last_output(run, cna):
    call = run(content("not json"), content("still not json"), content("never json"), max_reasks=2)
    with pytest.raises(InvalidAnswer) as caught:
        call(cna)
    assert caught.value.attempts == 3
    assert caught.value.last_output == "never json"


@pytest.mark.vcr
def test_a_refusal_fails_the_article_without_retrying(run, cna):
    call = run(refusal("I can't help with that request."))
    with pytest.raises(ModelRefused, match="I can't help with that request"):
        call(cna)
    assert call.retries == []


@pytest.mark.vcr
def test_a_truncated_answer_fails_the_article_clearly(run, cna):
    with pytest.raises(AnswerTruncated, match="cut off at the output-token limit") as caught:
        run(truncated)(cna)
    assert caught.value.last_output  # the partial JSON is kept for the report


@pytest.mark.vcr
def test_a_content_filter_stop_fails_the_article_clearly(run, cna):
    def filtered(request: dict[str, Any], written: Any) -> Any:
        reply = truncated(request, written)
        reply.body["choices"][0]["finish_reason"] = "content_filter"
        return reply

    with pytest.raises(ContentFiltered):
        run(filtered)(cna)


@pytest.mark.vcr
def test_unauthorized_is_not_retried_and_names_the_variable_without_the_key(run, cna):
    message = "Incorrect API key provided: sk-proj-****************1234. You can find your API key at ..."
    call = run(status(401, message, "invalid_request_error"))
    with pytest.raises(AccessDenied) as caught:
        call(cna)
    text = str(caught.value)
    assert "OPENAI_API_KEY" in text and "HTTP 401" in text
    assert "sk-proj-" not in text and "1234" not in text
    assert call.retries == []
    assert caught.value.fatal


@pytest.mark.vcr
def test_bad_request_is_not_retried(run, cna):
    call = run(status(400, "Invalid schema for response_format 'briefing'", "invalid_request_error"))
    with pytest.raises(RequestRejected, match="HTTP 400: Invalid schema"):
        call(cna)
    assert call.retries == []


@pytest.mark.vcr
def test_json_object_mode_puts_the_schema_in_the_prompt(run, cna, vcr):
    result = run(answer, mode="json_object")(cna)
    assert result.briefing.headline
    request = sent(vcr, 0)
    assert request["response_format"] == {"type": "json_object"}
    assert '"key_points"' in request["messages"][0]["content"]


def _status_error(headers: dict[str, str]) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(429, headers=headers, request=request)
    return openai.RateLimitError("rate limited", response=response, body=None)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "7"}, 7.0),
        ({"retry-after-ms": "200", "retry-after": "9"}, 0.2),
        ({"retry-after": "3600"}, 60.0),  # capped at the policy's longest wait
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_headers_are_read_in_milliseconds_seconds_and_capped(headers, expected):
    assert _retry_after(_status_error(headers), cap=60.0) == expected


def test_retry_after_as_an_http_date():
    from email.utils import formatdate
    from time import time

    delay = _retry_after(_status_error({"retry-after": formatdate(time() + 30, usegmt=True)}), cap=60.0)
    assert delay is not None and 25 <= delay <= 31


@pytest.mark.parametrize(
    "text",
    [
        "Incorrect API key provided: sk-proj-abcdefghijklmnop1234.",
        "Incorrect API key provided: sk-proj-****************1234.",
        "header was Bearer abc.def.ghi",
    ],
)
def test_key_shaped_text_is_redacted_from_messages(text):
    from summarizer.errors import redact

    cleaned = redact(text)
    assert "[redacted]" in cleaned
    assert "1234" not in cleaned and "abc.def" not in cleaned


# --- an answer that never ends --------------------------------------------------------------------------


def test_the_timeout_bounds_the_whole_answer_not_each_read(cna):
    """An endpoint that answers 200 and then trickles a byte every 0.1 s forever: each read is quick,
    the answer never ends. --timeout 0.5 makes it a hang after 0.5 s, retried, then a failure."""
    from summarizer import Settings, asummarize
    from summarizer.config.settings import RetryPolicy

    async def within(seconds: float, coroutine: Any) -> Any:
        return await asyncio.wait_for(coroutine, seconds)  # old code: never returns

    retry = RetryPolicy(attempts=2, initial_wait=0.01)
    with FakeEndpoint(answers=hang(0.1)) as endpoint:
        settings = Settings(
            base_url=endpoint.base_url, api_key=TEST_KEY, timeout=0.5, retry=retry, cache_dir=None
        )
        started = time.monotonic()
        summaries = asyncio.run(within(10, asummarize([cna], settings=settings)))
    assert time.monotonic() - started < 3
    [failure] = summaries.failures
    assert failure.reason == "no answer within 0.5s (a hang) after 2 attempts"
    assert len(endpoint.requests) == 2 and summaries.spent.requests == 2


# --- an absurd retry-after --------------------------------------------------------------------------------


def _one_article(script: list[Any], tmp_path: Any) -> tuple[Any, int, float]:
    """A run of one article against the fake endpoint's script: the brief, the requests, the seconds."""
    from summarizer import Settings, amake_brief

    write_articles(tmp_path / "today", 1)
    with FakeEndpoint(Script(*script)) as endpoint:
        settings = Settings(base_url=endpoint.base_url, api_key=TEST_KEY, cache_dir=None, retry=FAST)
        started = time.monotonic()
        result = asyncio.run(asyncio.wait_for(amake_brief(tmp_path / "today", settings=settings), 10))
        return result, len(endpoint.requests), time.monotonic() - started


def test_a_429_asking_to_wait_eleven_days_fails_its_request_at_once(tmp_path, caplog):
    absurd = status(429, "Rate limit reached", "requests", {"retry-after": "999999"})
    result, sent, took = _one_article([absurd], tmp_path)
    assert took < 3 and sent == 1
    [failure] = result.brief.failures
    assert failure.kind == "unreachable"
    assert failure.reason == (
        "HTTP 429: the endpoint asked to wait 999,999s before trying again, more than the 120s "
        "summarizer waits for one request (MAX_RETRY_AFTER)"
    )
    assert "pausing all requests for 999999" not in caplog.text


def test_the_waits_a_server_asks_of_one_request_add_up_to_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr("summarizer.llm.engine.MAX_RETRY_AFTER", 0.5)
    wait = status(429, "Rate limit reached", "requests", {"retry-after-ms": "300"})
    result, sent, _ = _one_article([wait, wait, answer], tmp_path)
    [failure] = result.brief.failures  # 0.3 s waited, then 0.3 more would pass the 0.5 s budget
    assert sent == 2 and "still rate limited after waiting 0.3s" in failure.reason
