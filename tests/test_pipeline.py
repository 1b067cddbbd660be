"""A day's run against the simulator: concurrency, cache and resume, budgets, faults; nothing lost."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openai
import pytest

from summarizer import RunResult, Settings, UsageError, make_brief
from summarizer.cli import EXIT_FAILURES, EXIT_INTERRUPTED, EXIT_OK, EXIT_STOPPED, EXIT_TERMINATED, main
from summarizer.cli.progress import ProgressBar, ProgressLines
from summarizer.config.settings import Prices
from summarizer.output.render import render_brief
from summarizer.run.runner import cut_article

from .conftest import FAST, PATIENT, ROOT, TEST_KEY, Ran, ctrl_c_reaches
from .fake import FakeEndpoint
from .synthetic import write_articles

# Every test's simulator answers after 5 ms unless its own marker says otherwise.
pytestmark = pytest.mark.simulator(latency=0.005)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "today"
    write_articles(folder, 12)
    return folder


def settings(simulator: FakeEndpoint, tmp_path: Path, **changes: object) -> Settings:
    base: dict[str, object] = {
        "retry": FAST,
        "base_url": simulator.base_url,
        "api_key": TEST_KEY,
        "cache_dir": tmp_path / "cache",
        "concurrency": 4,
    }
    return Settings(**(base | changes))  # type: ignore[arg-type]


@pytest.mark.simulator(latency=0.03)
def test_no_more_requests_are_in_flight_than_the_concurrency(simulator, articles, tmp_path):
    result = make_brief([articles], settings=settings(simulator, tmp_path, concurrency=3, cache_dir=None))
    assert result.complete
    assert simulator.stats.most_in_flight == 3


def test_the_first_request_leaves_before_the_last_input_is_read(simulator, articles, tmp_path, monkeypatch):
    """Articles are summarised as they are read (issue #24): with stdin still open after a folder (a
    slow pipe), the folder's articles are asked for meanwhile, and the progress hears every outcome
    with the final count."""
    requested_before_stdin: list[bool] = []

    class SlowPipe(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            deadline = time.monotonic() + 30  # only a guard: a run that waits for stdin never sends
            while simulator.stats.first_at is None and time.monotonic() < deadline:
                time.sleep(0.01)
            requested_before_stdin.append(simulator.stats.first_at is not None)
            return super().read(size)

    write_articles(tmp_path / "more", 13)  # the 13th is not among the folder's 12
    monkeypatch.setattr(sys, "stdin", SlowPipe((tmp_path / "more" / "00012.md").read_text()))
    totals: list[int] = []
    result = make_brief(
        [articles, "-"],
        settings=settings(simulator, tmp_path, cache_dir=None),
        progress=lambda event: totals.append(event.total),
    )
    assert requested_before_stdin == [True]
    assert result.complete and len(result.summaries.briefings) == 13
    assert result.articles[-1].origin == "-" and result.summaries.briefings[-1].ref.origin == "-"
    assert totals == [13] * 13


def test_a_rerun_of_the_same_inputs_makes_no_call_and_gives_the_same_brief(simulator, articles, tmp_path):
    first = make_brief([articles], settings=settings(simulator, tmp_path))
    assert first.summaries.spent.requests == 12
    again = make_brief([articles], settings=settings(simulator, tmp_path))
    assert again.summaries.spent.requests == 0 and again.summaries.cached == 12
    assert sum(simulator.stats.requests.values()) == 12
    assert render_brief(again.brief) == render_brief(first.brief)


def test_a_changed_article_is_the_only_one_asked_for_again(simulator, articles, tmp_path):
    make_brief([articles], settings=settings(simulator, tmp_path))
    changed = articles / "00003.md"
    changed.write_text(changed.read_text() + "The vote was later confirmed.\n")
    again = make_brief([articles], settings=settings(simulator, tmp_path))
    assert again.summaries.spent.requests == 1 and again.summaries.cached == 11


def test_the_same_text_given_twice_costs_one_call_and_both_inputs_are_cited(simulator, articles, tmp_path):
    copy = tmp_path / "copy.md"
    copy.write_text((articles / "00000.md").read_text())
    result = make_brief([articles, copy], settings=settings(simulator, tmp_path))
    assert result.complete and len(result.summaries.briefings) == 13
    assert sum(simulator.stats.requests.values()) == 12
    origins = {ref.origin for ref in result.brief.sources}
    assert str(copy) in origins and str(articles / "00000.md") in origins


def test_a_briefing_in_a_truncated_cache_file_is_asked_for_again(simulator, articles, tmp_path):
    first = make_brief([articles], settings=settings(simulator, tmp_path))
    entry = next((tmp_path / "cache").glob("*/*.json"))
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])  # a crash mid-write
    again = make_brief([articles], settings=settings(simulator, tmp_path))
    assert again.summaries.spent.requests == 1
    assert render_brief(again.brief) == render_brief(first.brief)
    json.loads(entry.read_text())  # written whole again


@pytest.mark.simulator(latency=0.002, fault_rate=0.3)
def test_with_30_percent_transient_faults_every_article_completes(simulator, articles, tmp_path):
    result = make_brief([articles], settings=settings(simulator, tmp_path, cache_dir=None))
    assert result.complete
    assert sum(simulator.stats.faults.values()) > 0
    assert sum(simulator.stats.requests.values()) == 12 + sum(simulator.stats.faults.values())


@pytest.mark.simulator(fault_rate=0.5, faults=("invalid_json", "schema_violation"), faulty_attempts=1)
def test_invalid_answers_are_reasked_and_counted_in_usage(simulator, articles, tmp_path):
    result = make_brief([articles], settings=settings(simulator, tmp_path, cache_dir=None))
    assert result.complete
    reasked = [report for report in result.brief.articles if report.attempts > 1]
    assert reasked and all(report.usage.requests == report.attempts for report in reasked)
    assert result.brief.usage.requests == sum(simulator.stats.requests.values())


@pytest.mark.simulator(rate=200)
def test_a_rate_limit_is_waited_out(simulator, articles, tmp_path):
    patient = settings(simulator, tmp_path, cache_dir=None, concurrency=8, retry=PATIENT)
    result = make_brief([articles], settings=patient)
    assert result.complete
    assert simulator.stats.rate_limited > 0


def test_a_spent_budget_sends_no_new_request_and_names_every_article_left(simulator, articles, tmp_path):
    two = [articles / "00000.md", articles / "00001.md"]
    first_two = make_brief(
        two, settings=settings(simulator, tmp_path, cache_dir=None)
    ).brief.usage.total_tokens
    # Just above what two articles cost: the third may start, and once it is paid for nothing else may.
    budget = settings(simulator, tmp_path, cache_dir=None, concurrency=1, max_run_tokens=first_two + 1)
    result = make_brief([articles], settings=budget)
    assert len(result.summaries.briefings) == 3
    assert [f.kind for f in result.brief.failures] == ["not summarised"] * 9
    assert all("token budget" in f.reason for f in result.brief.failures)
    assert {f.origin for f in result.brief.failures} == {str(articles / f"{i:05d}.md") for i in range(3, 12)}


@pytest.mark.simulator(reject_key_after=3)
def test_a_key_rejected_mid_run_stops_cleanly_and_lists_the_rest(simulator, articles, tmp_path):
    result = make_brief([articles], settings=settings(simulator, tmp_path, concurrency=1))
    assert len(result.summaries.briefings) == 3
    assert result.summaries.stopped and "HTTP 401" in result.summaries.stopped
    kinds = [f.kind for f in result.brief.failures]
    assert kinds.count("access denied") == 1 and kinds.count("not summarised") == 8
    assert sum(simulator.stats.requests.values()) == 4  # nothing sent after the rejection


def test_a_long_article_is_cut_and_the_brief_says_so(simulator, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("\n".join(f"Paragraph {i} of the council report was read aloud." for i in range(400)))
    result = make_brief([long], settings=settings(simulator, tmp_path, max_article_tokens=500))
    [report] = result.brief.articles
    assert report.cut_at_tokens == 500
    assert "too long: only its first ~500 tokens were summarised" in render_brief(result.brief)


def test_cut_article_stops_at_a_paragraph_or_sentence_end(examples):
    article = examples[0]
    cut, at = cut_article(article, 100)
    assert at == 100 and len(cut.text) <= 400 and cut.text.endswith((".", "”", '"'))
    assert cut_article(article, 100_000) == (article, None)


def test_a_configured_price_gives_a_cost_and_none_is_never_invented(simulator, articles, tmp_path):
    priced = make_brief(
        [articles], settings=settings(simulator, tmp_path, prices=Prices(input=0.10, output=0.50))
    )
    usage = priced.brief.usage
    assert priced.brief.cost == pytest.approx(  # the brief rounds the cost to a millionth of a dollar
        (usage.prompt_tokens * 0.10 + usage.completion_tokens * 0.50) / 1e6, abs=5e-7
    )
    assert make_brief([articles], settings=settings(simulator, tmp_path)).brief.cost is None


def test_progress_is_a_line_per_article_off_a_terminal_and_a_bar_on_one(simulator, articles, tmp_path):
    lines = io.StringIO()
    make_brief([articles], settings=settings(simulator, tmp_path), progress=ProgressLines(lines))
    assert len([line for line in lines.getvalue().splitlines() if " done " in line]) == 12

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    make_brief([articles], settings=settings(simulator, tmp_path), progress=ProgressBar(screen, width=80))
    drawn = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line) for line in re.split(r"[\r\n]", screen.getvalue())]
    drawn = [line for line in drawn if line.strip()]
    assert drawn[0].endswith(" 0/12")  # at once, before the first answer
    assert drawn[-1].endswith(" 12/12  cached 12  0:00 left") and all(len(line) <= 80 for line in drawn)


def run_cli(*args: str, cache: Path) -> subprocess.Popen[str]:
    """The command in a process of its own: one a signal can stop."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env |= {"OPENAI_API_KEY": TEST_KEY, "SUMMARIZER_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "summarizer", *args]
    return subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_reaches,
    )


def interrupted_run(simulator: FakeEndpoint, tmp_path: Path, *, after: int, how: signal.Signals):
    """Start `brief` on 40 articles in a subprocess; once `after` briefings are cached, send it `how`.

    Returns the stopped process, the command (to run it again) and the cache folder.
    """
    folder = tmp_path / "today"
    write_articles(folder, 40)
    cache = tmp_path / "cache"
    command = [
        "brief",
        str(folder),
        "--base-url",
        simulator.base_url,
        "--concurrency",
        "2",
        "-q",
        "-o",
        str(tmp_path / "brief.md"),
    ]
    process = run_cli(*command, cache=cache)
    deadline = time.monotonic() + 60
    while len(list(cache.glob("*/*.json"))) < after and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(how)
    process.wait(timeout=30)
    return process, command, cache


@pytest.fixture
def again(cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """The same command run again, in this process: what resumes is the cache, not the process."""

    def run(*args: str, cache: Path) -> Ran:
        monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
        monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
        return cli(*args)

    return run


@pytest.mark.simulator(latency=0.05)
def test_a_run_killed_halfway_resumes_without_asking_twice_and_gives_the_same_brief(
    simulator, again, tmp_path
):
    killed, command, cache = interrupted_run(simulator, tmp_path, after=15, how=signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    finished = {json.loads(p.read_text())["ref"]["article_id"] for p in cache.glob("*/*.json")}
    assert 15 <= len(finished) < 40 and not (tmp_path / "brief.md").exists()

    status, _, stderr = again(*command, cache=cache)
    assert status == EXIT_OK, stderr
    requests = simulator.stats.requests
    assert all(requests[article_id] == 1 for article_id in finished)  # nothing finished is asked again
    assert max(requests.values()) <= 2 and sum(n - 1 for n in requests.values()) <= 2  # at most the in-flight

    whole = again(*command[:-2], "-o", str(tmp_path / "whole.md"), "--no-cache", cache=tmp_path / "unused")
    assert whole[0] == EXIT_OK
    assert (tmp_path / "brief.md").read_bytes() == (tmp_path / "whole.md").read_bytes()


@pytest.mark.simulator(reject_key_after=2)
def test_the_cli_stops_on_a_rejected_key_with_one_clear_line(simulator, again, articles, tmp_path):
    status, _, stderr = again(
        "brief",
        str(articles),
        "--base-url",
        simulator.base_url,
        "--concurrency",
        "1",
        "-q",
        "-o",
        str(tmp_path / "b.md"),
        cache=tmp_path / "cache",
    )
    assert status == EXIT_STOPPED
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == [
        "summarizer: error: the run stopped: HTTP 401: Incorrect API key provided. "
        "Check OPENAI_API_KEY and the endpoint (--base-url)."
    ]
    assert "10 inputs were not summarised" in (tmp_path / "b.md").read_text()


def test_the_budget_flag_and_cache_commands(simulator, articles, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    cache = tmp_path / "cache"
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--cache-dir", str(cache), "-q"]
    assert (
        main([*args, "--max-tokens", "1", "--concurrency", "1", "-o", str(tmp_path / "b.md")])
        == EXIT_FAILURES
    )
    assert main(["cache", "info", "--cache-dir", str(cache)]) == EXIT_OK
    # The one briefing paid for, and the brief kept for the next run on b.md (the living brief).
    assert capsys.readouterr().out.startswith("2 entries,")
    assert main(["cache", "clear", "--cache-dir", str(cache)]) == EXIT_OK
    assert "removed 2 entries" in capsys.readouterr().out
    assert not list(cache.glob("*/*.json"))


def test_ctrl_c_says_how_to_resume(monkeypatch, capsys, articles):
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("summarizer.cli.commands.make_brief", interrupted)
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    assert main(["brief", str(articles)]) == EXIT_INTERRUPTED
    assert "run the same command again to resume" in capsys.readouterr().err


# Slow enough (40 articles, 2 at a time: 4 s) that a loaded machine still signals the run mid-way.
@pytest.mark.simulator(latency=0.2)
def test_a_real_ctrl_c_stops_cleanly_keeps_the_cache_and_says_how_to_resume(simulator, again, tmp_path):
    process, command, cache = interrupted_run(simulator, tmp_path, after=10, how=signal.SIGINT)
    assert process.returncode == EXIT_INTERRUPTED
    stderr = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in stderr and "run the same command again to resume" in stderr
    assert not (tmp_path / "brief.md").exists()  # no half brief
    kept = len(list(cache.glob("*/*.json")))
    assert kept >= 10
    simulator.latency = 0.0  # the signal needed a slow run; the resume does not
    assert again(*command, cache=cache)[0] == EXIT_OK
    assert sum(simulator.stats.requests.values()) <= 40 + 2  # at most the requests in flight again


# Slow enough (40 articles, 2 at a time: 4 s) that a loaded machine still signals the run mid-way.
@pytest.mark.simulator(latency=0.2)
def test_sigterm_stops_like_ctrl_c_keeps_the_cache_and_exits_143(simulator, again, tmp_path):
    process, command, cache = interrupted_run(simulator, tmp_path, after=10, how=signal.SIGTERM)
    assert process.returncode == EXIT_TERMINATED
    stderr = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines() == [
        "summarizer: terminated; nothing was written. Every briefing finished so far is cached: "
        "run the same command again to resume."
    ]
    assert not (tmp_path / "brief.md").exists() and not list(tmp_path.glob(".brief.md.*"))
    finished = {json.loads(p.read_text())["ref"]["article_id"] for p in cache.glob("*/*.json")}
    assert len(finished) >= 10
    simulator.latency = 0.0  # the signal needed a slow run; the resume does not
    assert again(*command, cache=cache)[0] == EXIT_OK
    requests = simulator.stats.requests
    assert all(requests[article_id] == 1 for article_id in finished)  # nothing finished is asked again
    assert sum(n - 1 for n in requests.values()) <= 2  # at most the requests in flight again


# --- the library's traps ---------------------------------------------------------------------------------


def test_make_brief_takes_one_path_as_a_str(simulator, articles, tmp_path):
    result = make_brief(str(articles / "00000.md"), settings=settings(simulator, tmp_path))
    assert result.complete and len(result.articles) == 1


def test_the_same_client_serves_two_runs(simulator, articles, tmp_path):
    client = openai.AsyncOpenAI(api_key=TEST_KEY, base_url=simulator.base_url, max_retries=0)
    first = make_brief([articles], settings=settings(simulator, tmp_path, cache_dir=None), client=client)
    again = make_brief([articles], settings=settings(simulator, tmp_path, cache_dir=None), client=client)
    assert first.complete and again.complete
    assert sum(simulator.stats.requests.values()) == 24


def test_a_sync_client_is_a_usage_error_naming_its_type(simulator, articles, tmp_path):
    client = openai.OpenAI(api_key=TEST_KEY, base_url=simulator.base_url)
    with pytest.raises(UsageError, match="not OpenAI"):
        make_brief([articles], settings=settings(simulator, tmp_path), client=client)
    assert sum(simulator.stats.requests.values()) == 0


def test_make_brief_works_inside_a_running_event_loop(simulator, articles, tmp_path):
    async def notebook_cell() -> RunResult:  # as in Jupyter: a loop is already running
        asyncio.get_running_loop()
        return make_brief([articles], settings=settings(simulator, tmp_path))

    assert asyncio.run(notebook_cell()).complete


def test_the_readmes_library_examples_run_as_written(simulator, articles, tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text()
    library = readme[readme.index("## Library") : readme.index("\n## ", readme.index("## Library") + 1)]
    blocks = re.findall(r"```python\n(.*?)\n```", library, re.S)
    assert len(blocks) == 2, "the Library section's two examples: three lines, then with a client"
    three_lines, with_a_client = blocks
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", simulator.base_url)
    monkeypatch.chdir(articles.parent)  # the examples read today/; the second caches in cache/
    assert len(three_lines.strip().splitlines()) == 4  # the import, a blank line, and three lines
    exec(compile(three_lines, "README.md", "exec"), {})
    assert "\n# News brief\n" in capsys.readouterr().out
    namespace: dict[str, object] = {}
    exec(compile(with_a_client, "README.md", "exec"), namespace)
    assert isinstance(namespace["html"], str) and namespace["html"].startswith("<article")
    # The second reads the cache the first wrote (both tmp_path/cache here): nothing is paid twice.
    assert sum(simulator.stats.requests.values()) == 12 and (tmp_path / "cache").is_dir()
