"""A run under a real rate limit: every article finishes, 429s are the run's business, not an article's."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import Settings, make_brief
from summarizer.cli import EXIT_STOPPED, main
from summarizer.progress import ProgressLines

from .conftest import FAST, TEST_KEY
from .llm_server import LocalLLMServer, answer, status
from .simulator import Config, Simulator
from .synthetic import write_articles


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "today"
    write_articles(folder, 40)
    return folder


@pytest.fixture
def simulator(request: pytest.FixtureRequest) -> Iterator[Simulator]:
    marker = request.node.get_closest_marker("simulator")
    with Simulator(Config(**marker.kwargs) if marker else Config()) as running:
        yield running


def settings(simulator: Simulator, **changes: object) -> Settings:
    base: dict[str, object] = {
        "retry": FAST,  # three attempts: a run that spent an attempt per 429 would lose articles
        "base_url": simulator.base_url,
        "api_key": TEST_KEY,
        "cache_dir": None,
        "concurrency": 16,
    }
    return Settings(**(base | changes))  # type: ignore[arg-type]


@pytest.mark.simulator(latency=0.01, rpm=1200, burst=0.25, limit_headers=False)
def test_a_rate_limited_run_finishes_every_article_without_spending_attempts(simulator, articles):
    lines = io.StringIO()
    result = make_brief(articles, settings=settings(simulator), progress=ProgressLines(lines))
    assert result.complete and len(result.summaries.briefings) == 40
    sent = sum(simulator.stats.requests.values())
    # Every request the server saw is counted, the 429s apart; few were wasted.
    assert result.summaries.spent.requests == sent
    assert result.summaries.spent.rate_limited == simulator.stats.rate_limited
    assert simulator.stats.rate_limited >= 1  # the limit really bound: 16 in flight at once, 20 a second
    # Measured: 59-80 requests for 40 articles, the first burst's 429s and the pace's probing (issue #15
    # wants 1.1 x at 300 articles: not reached yet end to end; benchmarks/ratelimit.py has the figures).
    assert sent <= 2.5 * 40
    assert "rate-limited:" in lines.getvalue()


@pytest.mark.simulator(latency=0.01, rpm=1200, burst=0.25)
def test_an_explicit_limit_paces_the_run_with_no_429(simulator, articles):
    result = make_brief(articles, settings=settings(simulator, rpm=600))
    assert result.complete
    assert simulator.stats.rate_limited == 0


def test_an_exhausted_quota_stops_the_run_at_once_with_one_line(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "today"
    write_articles(folder, 6)
    quota = status(429, "You exceeded your current quota, please check your plan.", "insufficient_quota")
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    with LocalLLMServer([quota, answer, answer, answer, answer, answer]) as server:
        code = main(["brief", str(folder), "--base-url", server.base_url, "--concurrency", "1", "-q",
                     "--no-cache", "-o", str(tmp_path / "brief.md")])  # fmt: skip
        asked = len(server.requests)
    assert code == EXIT_STOPPED
    assert asked == 1  # not retried, and nothing else sent
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "quota" in err[0] and "Traceback" not in err[0]


@pytest.mark.simulator(latency=0.3)
def test_a_deadline_reports_every_article_left_by_name(simulator, articles):
    result = make_brief(articles, settings=settings(simulator, concurrency=2, deadline=0.5))
    left = [f for f in result.brief.failures if "deadline" in f.reason]
    assert left and len(result.summaries.briefings) + len(left) == 40
    assert all(f.kind == "not summarised" and f.origin.endswith(".md") for f in left)
