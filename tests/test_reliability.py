"""Safe by default, through the command line: nothing paid for is lost, nothing good is overwritten, a
wrong endpoint or a stale cassette is one line and a status, not a traceback. The README's Reliability
section cites these tests."""

from __future__ import annotations

import errno
import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from summarizer.cli import EXIT_ENDPOINT, EXIT_FAILURES, EXIT_OK, EXIT_STOPPED, EXIT_USAGE, main
from summarizer.models import Brief

from .conftest import EXAMPLES, ROOT, TEST_KEY, Ran
from .fake import ECHOED_ORG, FakeEndpoint, Script, answer_with, hang, page, simulated, status
from .synthetic import write_articles

EXAMPLES_CASSETTE = ROOT / "cassettes" / "examples" / "brief.yaml"


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    folder = tmp_path / "today"
    write_articles(folder, 4)
    return folder


def requests(simulator: FakeEndpoint) -> int:
    return sum(simulator.stats.requests.values())


def err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.strip().splitlines()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # closed again: nothing listens there


# --- nothing paid for is lost; nothing good is overwritten ------------------------------------------


def _no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("how", ["read-only", "disk full"])
def test_an_unwritable_cache_is_one_warning_and_the_brief_is_still_written(
    how, simulator, articles, tmp_path, capsys, monkeypatch
):
    cache = tmp_path / "cache"
    if how == "read-only":
        # Tests run as root, where chmod stops nothing: a cache under a regular file cannot be made.
        (tmp_path / "blocker").write_text("")
        cache = tmp_path / "blocker" / "cache"
        reason = "Not a directory"
    else:
        monkeypatch.setattr("summarizer.store.files.write_atomic", _no_space)
        reason = "No space left on device"
    out = tmp_path / "brief.md"
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--cache-dir", str(cache), "-q"]
    assert main([*args, "-o", str(out)]) == EXIT_OK
    assert "4 articles" in out.read_text()
    assert err_lines(capsys) == [
        f"summarizer: warning: cannot write the cache at {cache}: {reason}; answers were not stored"
    ]


def test_one_entry_that_cannot_be_stored_costs_only_itself(simulator, articles, tmp_path, capsys):
    """A folder where one entry's file should be: that answer is not stored (one warning naming it);
    every other one is, so a rerun pays for that one article only."""
    from summarizer import Settings
    from summarizer.llm.schema import fingerprint
    from summarizer.models import Briefing
    from summarizer.sources.ingest import read_articles
    from summarizer.store import answer_key

    cache, out = tmp_path / "cache", tmp_path / "brief.md"
    settings = Settings(cache_dir=cache)
    first = read_articles([articles]).articles[0]
    key = answer_key("article", first.text, fingerprint(settings, Briefing), settings.grounding)
    (cache / key[:2] / f"{key}.json").mkdir(parents=True)
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--cache-dir", str(cache), "-q"]
    assert main([*args, "-o", str(out)]) == EXIT_OK
    [line] = err_lines(capsys)
    assert line == (
        f"summarizer: warning: 1 answer could not be stored ({cache / key[:2] / key}.json: Is a "
        "directory); the others were"
    )
    assert main([*args, "-o", str(out)]) == EXIT_OK
    assert requests(simulator) == 4 + 1  # the rerun paid for the one answer that was not stored


@pytest.mark.parametrize("where", ["an existing folder", "under a regular file"])
def test_an_output_that_can_never_be_written_is_refused_before_any_request(
    where, simulator, articles, tmp_path, capsys
):
    (tmp_path / "notes.txt").write_text("")
    output = tmp_path if where == "an existing folder" else tmp_path / "notes.txt" / "out" / "brief.md"
    code = main(["brief", str(articles), "--base-url", simulator.base_url, "-q", "-o", str(output)])
    assert code == EXIT_USAGE
    assert requests(simulator) == 0
    [line] = err_lines(capsys)
    assert line.startswith("summarizer: error: ") and str(output) in line


def test_an_output_that_fails_at_the_end_keeps_the_briefings_in_the_cache(
    simulator, articles, tmp_path, capsys, monkeypatch
):
    out, cache = tmp_path / "brief.md", tmp_path / "cache"
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--cache-dir", str(cache), "-q"]
    monkeypatch.setattr("summarizer.cli.output.write_atomic", _no_space)
    assert main([*args, "-o", str(out)]) == EXIT_FAILURES
    [line] = err_lines(capsys)
    assert f"cannot write {out}: No space left on device" in line
    assert f"the briefings are kept in the cache at {cache}" in line
    monkeypatch.undo()
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    assert main([*args, "-o", str(out)]) == EXIT_OK
    assert requests(simulator) == 4 and "4 articles" in out.read_text()  # nothing was paid for twice


def test_with_no_cache_an_output_that_fails_at_the_end_is_saved_elsewhere(
    simulator, articles, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("summarizer.cli.output.write_atomic", _no_space)
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--no-cache", "-q"]
    assert main([*args, "-o", str(tmp_path / "brief.md")]) == EXIT_FAILURES
    [line] = err_lines(capsys)
    saved = Path(re.search(r"saved to (\S+) instead", line)[1])  # type: ignore[index]
    assert "4 articles" in saved.read_text()
    saved.unlink()


@pytest.mark.parametrize("fault", ["rejected key", "endpoint down"])
def test_a_run_that_summarised_nothing_keeps_the_existing_brief(fault, articles, tmp_path, capsys):
    out = tmp_path / "brief.md"
    out.write_text("yesterday's good brief\n")
    with simulated(reject_key_after=0) as simulator:
        base_url = simulator.base_url if fault == "rejected key" else f"http://127.0.0.1:{free_port()}/v1"
        code = main(["brief", str(articles), "--base-url", base_url, "-q", "-o", str(out)])
    assert code == (EXIT_STOPPED if fault == "rejected key" else EXIT_ENDPOINT)
    assert out.read_text() == "yesterday's good brief\n"
    [line] = err_lines(capsys)
    assert line.startswith("summarizer: error: the run stopped: ")
    assert line.endswith("The existing output was kept: this run summarised nothing.")


def test_a_run_whose_every_article_failed_keeps_the_brief_and_says_why(articles, tmp_path, capsys):
    out = tmp_path / "brief.md"
    out.write_text("yesterday's good brief\n")
    with simulated(fault_rate=1.0, faults=("schema_violation",)) as simulator:
        args = ["brief", str(articles), "--base-url", simulator.base_url, "--max-reasks", "0", "--no-cache"]
        assert main([*args, "-q", "-o", str(out)]) == EXIT_FAILURES
    assert out.read_text() == "yesterday's good brief\n"
    [line] = err_lines(capsys)  # with -q the only line: it must say why, not only what was kept
    assert line.startswith(f"summarizer: error: 4 not summarised (the first, {articles}")
    assert line.endswith("The existing output was kept: this run summarised nothing.")


def test_the_output_keeps_the_umask_and_an_existing_files_mode(tmp_path):
    out = tmp_path / "brief.md"
    args = ["brief", str(EXAMPLES), "-q", "--cassette", str(EXAMPLES_CASSETTE), "-o", str(out)]
    mask = os.umask(0o022)
    try:
        assert main(args) == EXIT_OK
        assert stat.S_IMODE(out.stat().st_mode) == 0o644  # a web server can still serve it
        out.chmod(0o640)
        assert main(args) == EXIT_OK
        assert stat.S_IMODE(out.stat().st_mode) == 0o640  # what the user chose stays
    finally:
        os.umask(mask)


@pytest.mark.simulator(fault_rate=1.0, faults=("invalid_json",), reject_key_after=5)
def test_usage_counts_every_request_and_token_paid_discarded_answers_included(simulator, articles, capsys):
    # Article 1: three invalid answers, then a failure; article 2: two more, then the key is rejected.
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--concurrency", "1", "--no-cache"]
    assert main([*args, "--format", "json"]) == EXIT_STOPPED
    captured = capsys.readouterr()
    brief = Brief.model_validate_json(captured.out)
    summary = next(line for line in captured.err.splitlines() if "this run:" in line)
    found = re.search(r"this run: ([\d,]+) requests, ([\d,]+) prompt \+ ([\d,]+) completion tokens", summary)
    assert found is not None
    sent, prompt, completion = (int(group.replace(",", "")) for group in found.groups())
    assert sent == requests(simulator) == 6  # the 401 too: it was sent and answered
    assert prompt + completion == simulator.stats.tokens == brief.usage.total_tokens > 0
    assert brief.usage.requests == 5  # the answers: every one of them discarded


# --- fail fast, in one line ---------------------------------------------------------------------------


def test_nothing_listening_at_the_base_url_is_exit_4_within_seconds(articles, capsys):
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    started = time.monotonic()
    assert main(["brief", str(articles), "--base-url", base_url, "-q", "--no-cache"]) == EXIT_ENDPOINT
    assert time.monotonic() - started < 5  # not ~50 s of backoff
    assert err_lines(capsys) == [
        f"summarizer: error: the run stopped: cannot connect to {base_url}/: is the endpoint running?"
    ]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            status(404, "The model `gpt-nope` does not exist", "invalid_request_error"),
            "Is the model 'gpt-nope' served there",
        ),
        (
            status(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported", "x"),
            "use --mode json_object",
        ),
    ],
    ids=["unknown model", "no strict schema"],
)
def test_a_wrong_model_or_mode_is_exit_4_in_one_line(reply, expected, articles, capsys):
    with FakeEndpoint(Script(reply)) as server:
        args = ["brief", str(articles), "--base-url", server.base_url, "--model", "gpt-nope"]
        code = main([*args, "--concurrency", "1", "-q", "--no-cache"])
    assert code == EXIT_ENDPOINT
    [line] = err_lines(capsys)
    assert expected in line


@pytest.fixture
def web_page() -> Iterator[str]:
    """A base URL where a web server answers HTML, as a site's front page does."""
    with FakeEndpoint(answers=page(200, "<html><body><h1>Welcome</h1></body></html>")) as site:
        yield site.base_url.removesuffix("/v1")


def test_a_base_url_that_answers_html_is_exit_4_asking_about_v1(web_page, articles, capsys):
    code = main(["brief", str(articles), "--base-url", web_page, "--concurrency", "1", "-q", "--no-cache"])
    assert code == EXIT_ENDPOINT
    [line] = err_lines(capsys)
    assert "is not an OpenAI-compatible endpoint" in line and "Does the base URL end in /v1?" in line


@pytest.fixture
def static_site() -> Iterator[str]:
    """A base URL where a plain web server answers a POST with 501 and an HTML page, as
    `python -m http.server` does."""
    html = BaseHTTPRequestHandler.error_message_format % {
        "code": 501,
        "message": "Unsupported method ('POST')",
        "explain": "Server does not support this operation",
    }
    with FakeEndpoint(answers=page(501, html, BaseHTTPRequestHandler.error_content_type)) as site:
        yield site.base_url


def test_a_web_server_that_does_not_take_posts_is_exit_4_within_seconds(static_site, articles, capsys):
    started = time.monotonic()
    code = main(["brief", str(articles), "--base-url", static_site, "-q", "--no-cache", "--format", "json"])
    assert code == EXIT_ENDPOINT
    assert time.monotonic() - started < 5  # not 10 attempts an article (53 s)
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert "is not an OpenAI-compatible endpoint: it answered HTTP 501" in line and "/v1?" in line
    assert "<html" not in line.lower()
    kinds = {failure.kind for failure in Brief.model_validate_json(captured.out).failures}
    assert "wrong endpoint" in kinds


def test_nothing_listening_is_a_wrong_endpoint_failure_in_the_library(articles):
    from summarizer import Settings, make_brief

    settings = Settings(base_url=f"http://127.0.0.1:{free_port()}/v1", api_key="sk-test", cache_dir=None)
    result = make_brief([articles], settings=settings)
    assert result.summaries.stopped
    assert result.brief.failures and {failure.kind for failure in result.brief.failures} <= {
        "wrong endpoint",
        "not summarised",
    }
    assert "wrong endpoint" in {failure.kind for failure in result.brief.failures}


def _replay(cli: Callable[..., Ran], tmp_path: Path, *flags: str) -> Ran:
    """The examples' brief replayed from the quick-start cassette with `flags`."""
    args = ["brief", str(EXAMPLES), "--cassette", str(EXAMPLES_CASSETTE), *flags, "-q"]
    return cli(*args, "-o", str(tmp_path / "b.md"))


def test_a_stale_cassette_is_one_line_saying_record_it_again(cli, tmp_path):
    status, _, stderr = _replay(cli, tmp_path, "--model", "other")
    assert status == EXIT_USAGE
    [line] = stderr.strip().splitlines()  # no vcrpy traceback, no vcrpy advice
    assert line.startswith("summarizer: error: the run stopped: the cassette holds no recorded answer")
    assert "record it again with --record" in line
    assert line.endswith(f"Nothing was written to {tmp_path / 'b.md'}: this run summarised nothing.")


def test_a_cassette_without_the_embeddings_request_says_which_request_it_lacks(cli, tmp_path):
    # The quick-start cassette was recorded without --cluster embeddings: nothing about the articles
    # changed, and the line says what is missing.
    status, _, stderr = _replay(cli, tmp_path, "--cluster", "embeddings")
    assert status == EXIT_USAGE
    [line] = stderr.strip().splitlines()
    assert "the cassette holds no recorded answer for this embeddings request" in line


def test_a_closed_pipe_ends_quietly():
    """`summarizer brief ... | head -1`: the reader is gone before the brief is written; no traceback,
    like other Unix tools."""
    args = ["brief", str(EXAMPLES), "--cassette", str(EXAMPLES_CASSETTE), "-q"]
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader has gone (`head` took its line and left)
    assert process.wait(timeout=60) == EXIT_FAILURES
    assert process.stderr.read() == ""


@pytest.mark.simulator(latency=2.0)
def test_a_hang_is_reported_as_one(simulator, articles, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_RETRY", json.dumps({"attempts": 2, "initial_wait": 0.01}))
    args = ["brief", str(articles), "--base-url", simulator.base_url, "--timeout", "0.5", "--no-cache"]
    assert main([*args, "-o", str(tmp_path / "b.md")]) == EXIT_FAILURES
    failed = [line for line in err_lines(capsys) if " failed " in line]
    assert len(failed) == 4
    assert all(line.endswith("no answer within 0.5s (a hang) after 2 attempts") for line in failed)


# --- hostile surroundings ----------------------------------------------------------------------------------


def test_a_project_file_above_the_folder_cannot_send_the_key_elsewhere(
    simulator, articles, tmp_path, capsys, monkeypatch
):
    """A pyproject.toml anyone could have put in a folder above (a clone, a shared drive) names a server
    of its choosing: the key goes where the user's own config says, unless the user trusts the project."""
    user = tmp_path / "config" / "summarizer" / "config.toml"  # $XDG_CONFIG_HOME (conftest)
    user.parent.mkdir(parents=True)
    user.write_text(f'base_url = "{simulator.base_url}"\n')
    project = tmp_path / "folder"
    (project / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(project / "sub" / "deeper")
    args = ["brief", str(articles), "-q", "--no-cache", "-o", str(tmp_path / "brief.md")]
    with simulated() as listener:
        pyproject = project / "pyproject.toml"
        pyproject.write_text(f'[tool.summarizer]\nbase_url = "{listener.base_url}"\nconcurrency = 2\n')
        assert main(args) == EXIT_OK
        assert requests(listener) == 0 and requests(simulator) == 4
        [line] = err_lines(capsys)
        assert line.startswith(f"summarizer: warning: ignoring {pyproject}: [tool.summarizer] base_url: ")
        assert "--trust-project" in line and f'trusted_projects = ["{project}"]' in line
        assert main([*args, "--trust-project"]) == EXIT_OK  # the user opts in, for one run
        assert requests(listener) == 4
        [line] = err_lines(capsys)
        assert line == (
            f"summarizer: base_url = {listener.base_url} is set by {pyproject}: [tool.summarizer] base_url "
            "(the project is trusted: --trust-project)"
        )


def test_an_answer_that_never_ends_cannot_hang_the_run(articles, tmp_path):
    """200, then a byte every 0.1 s forever: --timeout bounds each whole answer, and --deadline ends the
    run on time, its requests in flight cancelled and their articles listed; the brief is written (on
    stdout: to a file, a brief of nothing is not written)."""
    with FakeEndpoint(answers=hang(0.1)) as endpoint:
        args = ["brief", str(articles), "--base-url", endpoint.base_url, "--no-cache", "-q"]
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "summarizer", *args, "--timeout", "0.5", "--deadline", "2"],
            capture_output=True,
            text=True,
            env=os.environ | {"OPENAI_API_KEY": TEST_KEY},
            timeout=60,
        )
        took = time.monotonic() - started
    assert result.returncode == EXIT_FAILURES, result.stderr
    # Unbounded before; the deadline's 2 s, the interpreter's start and its imports now (4 s on the
    # 2-core machine; 11 s under a load of 7). tests/run/test_runner.py times the deadline itself.
    assert took < 30
    brief = result.stdout
    assert brief.count("the run's deadline passed") == 4 and "## " in brief
    assert len(endpoint.requests) >= 4  # each article's hang was retried until the deadline


#: A key of Azure's shape (32 hex characters): no "sk-" for a pattern to find.
AZURE_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def test_the_configured_key_never_leaves_the_process_whatever_its_shape(tmp_path, monkeypatch, capsys):
    """An endpoint that echoes the key in a 500's message and in an answer: not in the brief, its
    "Not summarised" reason, stderr (-v logs included), the cache or a cassette."""
    monkeypatch.setenv("OPENAI_API_KEY", AZURE_KEY)
    monkeypatch.setenv("SUMMARIZER_RETRY", json.dumps({"attempts": 2, "initial_wait": 0.01}))
    echoed = status(500, f"invalid subscription key '{AZURE_KEY}'", "server_error")
    leaky = answer_with(lambda written: {**written, "headline": f"Key {AZURE_KEY} in a headline"})
    out, cache, cassette = tmp_path / "brief.md", tmp_path / "cache", tmp_path / "c.yaml"
    with FakeEndpoint(Script(echoed, echoed, leaky, echoed, leaky)) as server:
        args = ["brief", str(EXAMPLES), "--base-url", server.base_url, "--concurrency", "1", "-v"]
        code = main([*args, "--grounding", "off", "--cache-dir", str(cache), "-o", str(out)])
        recorded = main([*args, "--grounding", "off", "--cassette", str(cassette), "--record", "-o", "-"])
    assert code == EXIT_FAILURES and recorded == EXIT_OK
    brief = out.read_text()
    assert "invalid subscription key '[redacted]'" in brief and "Key [redacted] in a headline" in brief
    stored = "".join(path.read_text(errors="replace") for path in cache.rglob("*") if path.is_file())
    assert "[redacted]" in stored
    printed = capsys.readouterr()
    for where in (brief, printed.out, printed.err, stored, cassette.read_text()):
        assert AZURE_KEY not in where


# --- no secret in -v output while recording -----------------------------------------------------------


def test_recording_with_v_prints_no_key_and_no_org_id_and_records_neither(tmp_path):
    cassette = tmp_path / "c.yaml"
    with FakeEndpoint(echo=True) as server:
        args = ["brief", str(EXAMPLES), "--cassette", str(cassette), "--record", "-v"]
        result = subprocess.run(
            [sys.executable, "-m", "summarizer", *args, "--base-url", server.base_url, "--no-cache"],
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
            | {"OPENAI_API_KEY": TEST_KEY},
            timeout=60,
        )
    assert result.returncode == EXIT_OK, result.stderr
    assert "INFO" in result.stderr  # -v did log
    recorded = cassette.read_text()
    assert "[redacted]" in recorded  # the echo was recorded, and scrubbed
    for secret in (TEST_KEY, ECHOED_ORG, "org-"):
        assert secret not in result.stderr and secret not in recorded
