"""How soon a fault is tried again: at once while the endpoint answers most requests, backing off
doubling once it fails more than it answers (the run's slowest article no longer sleeps for seconds
over a few faults in a row)."""

from __future__ import annotations

import asyncio

import pytest

from summarizer import Settings
from summarizer.config.settings import RetryPolicy
from summarizer.errors import TransportError
from summarizer.grounding.workflow import summarize_article
from summarizer.llm.engine import Engine
from summarizer.llm.health import Health
from summarizer.llm.transport import HTTPTransport, in_process
from summarizer.models import Article, Briefing
from summarizer.run.gate import Gate
from tests.fake import FakeEndpoint, Faults, Script, by_rule, dropped, status
from tests.synthetic import article_text

#: The default policy: the first retry within 0.1 s, doubling to 30 s, ten attempts.
POLICY = RetryPolicy()
overloaded = status(500, "overloaded", "server_error")


def summarised(
    endpoint: FakeEndpoint, articles: list[Article]
) -> tuple[list[Briefing | BaseException], list[float]]:
    """Each article's briefing (or its error) from one engine against `endpoint`, and every backoff
    the engine asked for (recorded, not slept)."""
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def go() -> list[Briefing | BaseException]:
        settings = Settings(cache_dir=None, retry=POLICY)
        engine = Engine(
            HTTPTransport(in_process(endpoint.handler)), settings, Gate(concurrency=4), sleep=sleep
        )

        async def one(article: Article) -> Briefing:
            return (await summarize_article(engine, article)).briefing

        return await asyncio.gather(*(one(article) for article in articles), return_exceptions=True)

    return asyncio.run(go()), sleeps


def test_four_faults_in_a_row_on_an_endpoint_that_answers_are_retried_at_once(cna):
    endpoint = FakeEndpoint(Script(overloaded, dropped, overloaded, dropped))
    [briefing], sleeps = summarised(endpoint, [cna])
    assert isinstance(briefing, Briefing) and len(endpoint.requests) == 5
    # Each within the first step (0.1 s), none doubled: 0.1 + 0.2 + 0.4 + 0.8 s before.
    assert len(sleeps) == 4 and all(0 <= sleep <= POLICY.initial_wait for sleep in sleeps)


def test_many_articles_meeting_thirty_percent_faults_are_all_retried_at_once():
    endpoint = FakeEndpoint(Faults(0.3, ("server_error", "dropped")), answers=by_rule)
    articles = [Article(text=article_text(index), source=f"Gazette {index}") for index in range(60)]
    results, sleeps = summarised(endpoint, articles)
    assert all(isinstance(result, Briefing) for result in results)
    assert sleeps and max(sleeps) <= POLICY.initial_wait
    # At most the failed requests again: one request an article, and one more for each fault.
    assert len(endpoint.requests) == len(articles) + sum(endpoint.stats.faults.values())


def test_an_endpoint_that_fails_every_request_is_backed_off_doubling_as_before(cna):
    endpoint = FakeEndpoint(Faults(1.0, ("server_error",)))
    [error], sleeps = summarised(endpoint, [cna])
    assert isinstance(error, TransportError) and len(endpoint.requests) == POLICY.attempts
    # A few quick retries while the count of faults is low, then the doubling chain up to its cap:
    # an outage still gets most of a minute of waits before the article is given up.
    assert all(sleep <= POLICY.initial_wait for sleep in sleeps[:4])
    assert sleeps[-1] >= POLICY.initial_wait * 2 ** (len(sleeps) - 1) and sum(sleeps) > 40


def test_answers_make_a_drained_endpoint_healthy_again():
    health = Health(tokens=10)
    for _ in range(10):
        health.failed()
    assert not health.healthy and health.delay(6, 0.1, 30) >= 3.2
    for _ in range(6):
        health.answered()
    assert health.healthy and health.delay(6, 0.1, 30) <= 0.1


@pytest.mark.parametrize(("faults", "healthy"), [(0.3, True), (0.45, True), (0.7, False), (1.0, False)])
def test_an_endpoint_is_healthy_while_it_answers_more_requests_than_it_fails(faults, healthy):
    health = Health()
    for request in range(200):
        if int((request + 1) * faults) > int(request * faults):  # that share of requests, spread evenly
            health.failed()
        else:
            health.answered()
    assert health.healthy is healthy
