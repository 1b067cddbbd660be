"""Cassettes in a newsroom's own tests (summarizer/testing/replay.py and pytest_plugin.py): each
exchange recorded against the fake endpoint (tests/fake/), then replayed with it stopped, no key and the
network blocked; a cassette that no longer fits fails in one line.

The last test is the issue's own: the README's example, run as written in a fresh virtualenv holding
the wheel and its extra (marked `slow`: about 20 s)."""

from __future__ import annotations

import asyncio
import importlib.metadata
import os
import re
import shutil
import socket
import subprocess
import sys
import venv
import zipfile
from collections.abc import Callable
from email.parser import Parser
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from summarizer import Settings, amake_brief, asummarize, make_brief, read_articles, render_brief, summarize
from summarizer.cli import main
from summarizer.config.settings import FetchPolicy
from summarizer.store.registry import open_store
from summarizer.testing import CassetteMismatch, replay
from summarizer.testing.replay import NetworkBlocked
from tests.conftest import EXAMPLES, ROOT
from tests.fake import ECHOED_ORG, FakeEndpoint
from tests.webserver import NewsSite, Route

pytest_plugins = ["pytester"]

#: Key-shaped, so that it is the scrubbing and the redaction that keep it out of a cassette.
KEY = "sk-newsroom-0123456789abcdefghij"
CNA = EXAMPLES / "cna-trump-putin-meeting.md"
LBC = EXAMPLES / "lbc-trump-putin-meeting.md"


@pytest.fixture
def record_then_replay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[Any, Any]]:
    """Run `code` under replay(tmp_path/cassette.yaml) twice: recording, against the fake endpoint with
    a key it echoes back in every answer; then replaying, with the server stopped and neither key nor
    endpoint set. Returns both results."""
    cassette = tmp_path / "cassette.yaml"

    def run(code: Callable[[], Any]) -> tuple[Any, Any]:
        with FakeEndpoint(echo=True) as server:
            monkeypatch.setenv("OPENAI_API_KEY", KEY)
            monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
            with replay(cassette) as recording:
                assert recording.recording
                recorded = code()
        monkeypatch.delenv("OPENAI_API_KEY")
        monkeypatch.delenv("OPENAI_BASE_URL")
        with replay(cassette) as replaying:
            assert not replaying.recording
            replayed = code()
        return recorded, replayed

    return run


def test_a_missing_cassette_is_recorded_then_replayed_offline_and_holds_no_key(record_then_replay, tmp_path):
    cache = os.environ["SUMMARIZER_CACHE_DIR"]
    recorded, replayed = record_then_replay(lambda: make_brief(EXAMPLES))
    assert recorded.brief.failures == [] and len(recorded.brief.stories) == 1
    assert render_brief(replayed.brief) == render_brief(recorded.brief)
    text = (tmp_path / "cassette.yaml").read_text(encoding="utf-8")
    assert KEY not in text and "Bearer" not in text and ECHOED_ORG not in text
    assert "[redacted] for [redacted]" in text  # what the server echoed, redacted
    # The block's own cache and placeholder key are gone with it.
    assert os.environ["SUMMARIZER_CACHE_DIR"] == cache and "OPENAI_API_KEY" not in os.environ


def _briefings(summaries: Any) -> list[str]:
    return [briefing.model_dump_json() for briefing in summaries.briefings]


def _made(settings: Settings | None = None) -> str:
    return render_brief(make_brief(EXAMPLES, settings=settings).brief)


@pytest.mark.parametrize(
    ("code", "recorded"),
    [
        (lambda: render_brief(asyncio.run(amake_brief(EXAMPLES)).brief), "/v1/chat/completions"),
        (lambda: _briefings(summarize(read_articles(EXAMPLES).articles)), "/v1/chat/completions"),
        (
            lambda: _briefings(asyncio.run(asummarize(read_articles(EXAMPLES).articles))),
            "/v1/chat/completions",
        ),
        (lambda: _made(Settings(synthesize=True)), "BEGIN STORY"),
        (lambda: _made(Settings(cluster="embeddings")), "/v1/embeddings"),
    ],
    ids=["amake_brief", "summarize", "asummarize", "synthesize", "embeddings"],
)
def test_every_way_of_calling_replays_what_it_recorded(record_then_replay, tmp_path, code, recorded):
    first, again = record_then_replay(code)
    assert again == first
    assert recorded in (tmp_path / "cassette.yaml").read_text(encoding="utf-8")


def test_the_command_line_called_in_a_test_replays_with_synthesize(record_then_replay, tmp_path):
    def brief() -> str:
        out = tmp_path / "brief.md"
        assert main(["brief", str(EXAMPLES), "--synthesize", "-q", "-o", str(out)]) == 0
        return out.read_text(encoding="utf-8")

    recorded, replayed = record_then_replay(brief)
    assert replayed == recorded
    assert "BEGIN STORY" in (tmp_path / "cassette.yaml").read_text(encoding="utf-8")


def test_a_changed_article_fails_in_one_line_naming_its_request(record_then_replay, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES, articles)
    record_then_replay(lambda: make_brief(articles))
    cna = articles / CNA.name
    cna.write_text(cna.read_text().replace("as soon as next week", "as soon as next month", 1))
    with pytest.raises(CassetteMismatch) as raised, replay(tmp_path / "cassette.yaml"):
        result = make_brief(articles)
    assert [failure.kind for failure in result.brief.failures] == ["not recorded"]
    assert re.fullmatch(
        r"\S*cassette\.yaml holds no recording of the chat request for article [0-9a-f]{16} "
        r"\(\"WASHINGTON: President Donald Trump could meet Vladimir Puti…\", CNA\); "
        r"[12] recorded requests? went unused: the inputs, the settings or the code changed since it was "
        r"recorded; record it again: delete it and run again, or record_mode='rewrite'",
        str(raised.value),
    )


def test_recorded_requests_never_made_fail_in_one_line_unless_the_block_failed_first(
    record_then_replay, tmp_path
):
    record_then_replay(lambda: make_brief(EXAMPLES))
    with pytest.raises(CassetteMismatch) as raised, replay(tmp_path / "cassette.yaml"):
        make_brief(LBC)
    assert re.fullmatch(
        r"\S*cassette\.yaml: 1 recorded request was never made \(the chat request for article "
        r"29bb05685f717daf \(\"WASHINGTON: .*\", CNA\)\): the code asks for less than when it was recorded; "
        r"record it again: .*",
        str(raised.value),
    )
    # A block that failed on its own stopped early: its own error is what it ends in.
    with pytest.raises(ZeroDivisionError), replay(tmp_path / "cassette.yaml"):
        make_brief(LBC)
        1 / 0  # noqa: B018


def test_replaying_only_without_a_cassette_fails_saying_how_to_record(tmp_path):
    with pytest.raises(CassetteMismatch) as raised, replay(tmp_path / "missing.yaml", record_mode="none"):
        pass
    assert re.fullmatch(
        r"no cassette at \S*missing\.yaml: record it with record_mode='once' .*", str(raised.value)
    )


def test_connections_beyond_this_machine_are_refused_while_replaying(tmp_path):
    cassette = tmp_path / "empty.yaml"
    cassette.write_text("interactions: []\nversion: 1\n")
    connect = socket.socket.connect
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        pytest.raises(CassetteMismatch) as raised,
        replay(cassette),
    ):
        socket.create_connection(listener.getsockname()).close()  # this machine stays reachable
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("192.0.2.1", 443), timeout=1)
    assert re.fullmatch(
        r"\S*empty\.yaml holds no recording of a connection to 192\.0\.2\.1:443 \(the network is blocked "
        r"while a cassette replays\): .*",
        str(raised.value),
    )
    assert socket.socket.connect is connect


def test_fetched_pages_replay_with_each_sites_robots_their_redirects_and_conditional_requests(
    tmp_path, monkeypatch
):
    policy = FetchPolicy(allow_private=True, host_delay=0)

    def read_twice(urls: list[str]) -> list[tuple[list[Any], list[Any]]]:
        """Read the URLs twice with one store: the second time, each page is asked conditionally."""
        with replay(tmp_path / "pages.yaml") as cassette:
            store = open_store(tmp_path / ("recorded" if cassette.recording else "replayed"))
            results = [read_articles(urls, fetch=policy, store=store) for _ in range(2)]
        return [
            (
                [(a.url, a.title, a.text) for a in ingested.articles],
                [(f.origin, f.kind) for f in ingested.failures],
            )
            for ingested in results
        ]

    with NewsSite() as one, NewsSite() as other:
        # The same paths on two sites (two ports) whose robots.txt differ: matched on the path alone,
        # a replay could give one site's rules to the other.
        one.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /news/\n", content_type="text/plain")
        other.routes["/moved"] = Route(status=301, headers={"location": "/news/3"})
        urls = [
            one.page("/news/1", 1),
            one.page("/story/2", 2, etag='"v2"'),
            other.page("/news/3", 3),
            other.url("/moved"),
        ]
        recorded = read_twice(urls)
        assert any(
            path == "/story/2" and headers.get("if-none-match") == '"v2"' for path, headers in one.requests
        )
    assert [len(articles) for articles, _ in recorded] == [3, 3]
    assert recorded[0][1] == [(urls[0], "blocked")]  # robots.txt of the first site only
    assert read_twice(urls) == recorded


# --- the pytest plugin -------------------------------------------------------------------------------


BRIEF_TESTS = f"""
import pytest

from summarizer import amake_brief, make_brief

EXAMPLES = {str(EXAMPLES)!r}


@pytest.mark.summarizer_cassette
def test_both():
    assert make_brief(EXAMPLES).brief.failures == []


@pytest.mark.anyio
@pytest.mark.summarizer_cassette
async def test_async():
    assert (await amake_brief(EXAMPLES)).brief.failures == []


class TestOne:
    def test_with_the_fixture(self, summarizer_cassette):
        assert summarizer_cassette.path.name == "TestOne.test_with_the_fixture.yaml"
        make_brief({str(CNA)!r})


@pytest.mark.summarizer_cassette(path="elsewhere/lbc.yaml")
def test_named_file():
    make_brief({str(LBC)!r})
"""


def _failure_text(result: pytest.RunResult, test: str) -> list[str]:
    """The lines pytest prints for a failed test, between its header and the next section."""
    lines = result.outlines
    start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"_+ {re.escape(test)} _+", line))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"(-+ Captured|=+ |_+ \S)", lines[i]))
    return [line for line in lines[start + 1 : end] if line.strip()]


def test_the_marker_and_fixture_record_once_then_replay_and_fail_in_one_line(pytester, monkeypatch):
    pytester.makepyfile(test_brief=BRIEF_TESTS)
    # Replay only by default: no cassette yet is one line, no traceback, naming the command.
    result = pytester.runpytest()
    result.assert_outcomes(errors=4)
    assert _failure_text(result, "ERROR at setup of test_both") == [
        "no cassette at cassettes/test_brief/test_both.yaml: record it with pytest --record-mode=once "
        "test_brief.py::test_both (with OPENAI_API_KEY and OPENAI_BASE_URL set for the endpoint)"
    ]
    with FakeEndpoint() as server:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        pytester.runpytest("--record-mode=once").assert_outcomes(passed=4)
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    assert sorted(str(path.relative_to(pytester.path)) for path in pytester.path.rglob("*.yaml")) == [
        "cassettes/test_brief/TestOne.test_with_the_fixture.yaml",
        "cassettes/test_brief/test_async[asyncio].yaml",
        "cassettes/test_brief/test_both.yaml",
        "elsewhere/lbc.yaml",
    ]
    pytester.runpytest().assert_outcomes(passed=4)

    # A test that asks for less than it recorded, and one that passes though its request had no
    # recording (its brief lists the failure, which it does not check): both fail, in one line each.
    less = BRIEF_TESTS.replace("make_brief(EXAMPLES).brief.failures == []", f"make_brief({str(CNA)!r})")
    pytester.makepyfile(test_brief=less.replace(str(LBC), str(CNA)))
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=2)
    [unused] = _failure_text(result, "test_both")
    assert unused.startswith(
        "cassettes/test_brief/test_both.yaml: 1 recorded request was never made (the chat"
    )
    assert unused.endswith("record it again with pytest --record-mode=rewrite test_brief.py::test_both")
    [missing] = _failure_text(result, "test_named_file")
    assert missing.startswith(
        "elsewhere/lbc.yaml holds no recording of the chat request for article 29bb05685f"
    )
    assert "Traceback" not in result.stdout.str()


def test_a_test_that_fails_while_recording_writes_no_cassette(pytester, monkeypatch):
    pytester.makepyfile(
        test_failing=f"""
        import pytest
        from summarizer import make_brief

        @pytest.mark.summarizer_cassette
        def test_it():
            make_brief({str(CNA)!r})
            assert False, "the test's own failure"
        """
    )
    with FakeEndpoint() as server:
        monkeypatch.setenv("OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = pytester.runpytest("--record-mode=once")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*the test's own failure*"])
    assert not (pytester.path / "cassettes" / "test_failing" / "test_it.yaml").exists()


def test_the_plugin_alone_imports_neither_vcrpy_nor_summarizers_run_modules():
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, summarizer.testing.pytest_plugin; "
            "print(sorted({'vcr', 'yaml', 'openai', 'pydantic', 'summarizer.api'} & set(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"


# --- the README's example, in a fresh project -------------------------------------------------------


def _readme_example() -> tuple[str, str]:
    """The README's example test: its file name and its text."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Testing your own code") :]
    found = re.search(r"```python\n# (tests/\S+\.py)\n(.*?)```", section, re.DOTALL)
    assert found, "the README's 'Testing your own code' has no example test"
    return found[1], f"# {found[1]}\n{found[2]}"


def _needed(roots: list[Requirement]) -> list[importlib.metadata.Distribution]:
    """The installed distributions that `roots` need, transitively: what pip would install for them."""
    found: dict[str, importlib.metadata.Distribution] = {}
    seen: set[tuple[str, str]] = set()
    todo = [(requirement, "") for requirement in roots]
    while todo:
        requirement, _ = todo.pop()
        for extra in ("", *requirement.extras):
            key = (requirement.name.lower().replace("_", "-"), extra)
            if key in seen:
                continue
            seen.add(key)
            dist = found.setdefault(key[0], importlib.metadata.distribution(requirement.name))
            for line in dist.requires or []:
                needed = Requirement(line)
                if needed.marker is None or needed.marker.evaluate({"extra": extra}):
                    todo.append((needed, extra))
    return list(found.values())


def _fresh_virtualenv(folder: Path, wheel: Path) -> Path:
    """A new virtualenv with the wheel installed (unpacked: a pure-Python wheel is its files) and what
    `pip install "summarizer[cassettes]" pytest` adds, linked from this environment's own installs, so
    that it needs no network: no dev tools, no pytest-recording. Its python."""
    venv.create(folder / "venv", with_pip=False, symlinks=os.name != "nt")
    python = folder / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    with zipfile.ZipFile(wheel) as unpacked:
        unpacked.extractall(site)
        [metadata] = [name for name in unpacked.namelist() if name.endswith(".dist-info/METADATA")]
        requires = Parser().parsestr(unpacked.read(metadata).decode()).get_all("Requires-Dist", [])
    roots = [Requirement("pytest")]
    for requirement in map(Requirement, requires):
        if requirement.marker is None or requirement.marker.evaluate({"extra": "cassettes"}):
            roots.append(requirement)
    deps = folder / "deps"
    deps.mkdir()
    for dist in _needed(roots):
        base = Path(str(dist.locate_file("")))
        for top in {Path(str(file)).parts[0] for file in dist.files or []} - {"..", "__pycache__"}:
            if (base / top).exists() and not (deps / top).exists():
                (deps / top).symlink_to(base / top)
    (site / "dependencies.pth").write_text(f"{deps}\n")
    return python


@pytest.mark.slow
def test_the_readmes_example_records_replays_offline_and_fails_in_one_line_in_a_fresh_project(
    tmp_path, wheel_path
):
    python = _fresh_virtualenv(tmp_path, wheel_path)
    project = tmp_path / "newsroom"
    name, example = _readme_example()
    (project / name).parent.mkdir(parents=True)
    (project / name).write_text(example, encoding="utf-8")
    shutil.copytree(EXAMPLES, project / "tests" / "articles")
    (project / "light").mkdir()
    (project / "light" / "test_light.py").write_text(
        "import sys\n\n\n"
        "def test_the_plugin_is_loaded_and_loads_nothing_heavy(request):\n"
        "    assert request.config.pluginmanager.has_plugin('summarizer')\n"
        "    assert 'pytest_recording' not in sys.modules  # a fresh project: only the extra and pytest\n"
        "    assert not {'vcr', 'yaml', 'openai', 'pydantic', 'summarizer.api'} & set(sys.modules)\n"
    )
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("OPENAI_", "SUMMARIZER_", "PYTHON", "PYTEST_"))
    }

    def pytest_run(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "pytest", "-p", "no:cacheprovider", *args],
            cwd=project,
            env={**environment, **variables},
            capture_output=True,
            text=True,
            timeout=120,
        )

    light = pytest_run("light")
    assert light.returncode == 0, light.stdout + light.stderr

    with FakeEndpoint(echo=True) as server:
        endpoint = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": server.base_url}
        recorded = pytest_run("--record-mode=once", "tests", **endpoint)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    [cassette] = (project / "tests" / "cassettes").rglob("*.yaml")
    assert cassette.relative_to(project).parts[:3] == ("tests", "cassettes", Path(name).stem)
    text = cassette.read_text(encoding="utf-8")
    assert KEY not in text and "Bearer" not in text and ECHOED_ORG not in text

    # The server is stopped; no key, no endpoint: the plugin replays, and refuses any connection out.
    replayed = pytest_run("tests")
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr

    article = project / "tests" / "articles" / CNA.name
    article.write_text(article.read_text().replace("as soon as next week", "as soon as next month", 1))
    failed = pytest_run("tests")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    lines = failed.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(r"_+ test_\w+ _+", line))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"(-+ Captured|=+ )", lines[i]))
    [line] = [line for line in lines[start + 1 : end] if line.strip()]
    assert re.fullmatch(
        rf"tests/cassettes/{Path(name).stem}/test_\w+\.yaml holds no recording of the chat request for "
        r"article [0-9a-f]{16} \(\"WASHINGTON: President Donald Trump could meet Vladimir Puti…\", CNA\); "
        rf".* record it again with pytest --record-mode=rewrite {name}::test_\w+",
        line,
    ), line
    assert "Traceback" not in failed.stdout and not any(line.startswith("E ") for line in lines)
