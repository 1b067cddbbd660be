"""The engine's transports: a function in the process answers as an endpoint would (errors included),
and a batch's answers are taken instead of sent, the rest going on or ending as the batch says."""

from __future__ import annotations

import asyncio
import json

import pytest

from summarizer import Settings
from summarizer.config.settings import RetryPolicy
from summarizer.errors import ArticleError, InvalidAnswer, TransportError
from summarizer.grounding.workflow import summarize_article
from summarizer.llm.answers import completion_from
from summarizer.llm.engine import Engine
from summarizer.llm.prompts import article_message
from summarizer.llm.schema import request_body
from summarizer.llm.transport import Answers, HTTPTransport, in_process
from summarizer.models import Article, Briefing
from summarizer.run.gate import Gate
from tests.fake import FakeEndpoint, Faults, Script, completion, dropped, status, written_for

SETTINGS = Settings(cache_dir=None, retry=RetryPolicy(attempts=3, initial_wait=0, max_wait=0))
overloaded = status(500, "overloaded", "server_error")


async def _summarize(engine: Engine, article: Article) -> Briefing:
    return (await summarize_article(engine, article)).briefing


def test_an_in_process_endpoint_goes_through_the_whole_engine_retries_included(cna):
    endpoint = FakeEndpoint(Script(overloaded, dropped))

    async def go() -> Briefing:
        engine = Engine(HTTPTransport(in_process(endpoint.handler)), SETTINGS, Gate(), sleep=_no_sleep)
        return await _summarize(engine, cna)

    briefing = asyncio.run(go())
    # A 500 and a dropped connection retried, then the answer.
    assert briefing.headline and len(endpoint.requests) == 3


def test_an_in_process_endpoint_that_keeps_failing_fails_the_article_as_a_server_would(cna):
    endpoint = FakeEndpoint(Faults(1.0, ("server_error",)))

    async def go() -> Briefing:
        engine = Engine(HTTPTransport(in_process(endpoint.handler)), SETTINGS, Gate(), sleep=_no_sleep)
        return await _summarize(engine, cna)

    with pytest.raises(TransportError, match="HTTP 500 after 3 attempts"):
        asyncio.run(go())
    assert len(endpoint.requests) == 3


def test_a_batch_answer_is_taken_instead_of_sent(cna):
    endpoint = FakeEndpoint()
    first = request_body(SETTINGS, [article_message(cna)], Briefing)
    answer = completion(first, json.dumps(written_for(first)))

    async def go() -> Briefing:
        answers = Answers(then=HTTPTransport(in_process(endpoint.handler)))
        answers.give(first, completion_from(answer))
        return await _summarize(Engine(answers, SETTINGS, Gate()), cna)

    assert asyncio.run(go()).headline == written_for(first)["headline"]
    assert endpoint.requests == []  # nothing was sent


def test_a_request_the_batch_did_not_answer_ends_as_the_batch_says_when_nothing_may_be_sent(cna):
    async def go() -> Briefing:
        answers = Answers(unsent=lambda body: InvalidAnswer("follow-ups are off"))
        return await _summarize(Engine(answers, SETTINGS, Gate()), cna)

    with pytest.raises(ArticleError, match="follow-ups are off"):
        asyncio.run(go())


def test_a_transport_needs_somewhere_to_send_or_a_reason_not_to():
    with pytest.raises(ValueError):
        Answers()


async def _no_sleep(seconds: float) -> None:
    return None
