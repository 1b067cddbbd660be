"""Fixtures shared by the tests: cassettes found by module path, no network, no user environment."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from summarizer import Settings
from summarizer.config.settings import RetryPolicy
from summarizer.grounding.workflow import summarize_article
from summarizer.llm.engine import Engine
from summarizer.llm.transport import HTTPTransport
from summarizer.models import Article, ArticleBriefing
from summarizer.run.gate import Gate
from summarizer.sources.ingest import read_articles
from summarizer.testing import cassette

from .fake import FakeEndpoint, Script, Step, simulated


def ctrl_c_reaches() -> None:
    """A child's `preexec_fn`: Ctrl-C back at its default, so that the child's Python turns it into
    KeyboardInterrupt. A test run started as a background job (`.ci/run &`) ignores SIGINT, and a
    child inherits that: the run it was to interrupt went on to the end (exit 0, not 130)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
#: The quick start's cassette: the README's first command, replayed.
EXAMPLES_CASSETTE = ROOT / "cassettes" / "examples" / "brief.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
#: The base URL tests use when replaying: nothing listens there, and vcrpy answers before any connect.
REPLAY_URL = "http://127.0.0.1:9/v1"
TEST_KEY = "sk-test-0000000000000000000000"


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    cassette.configure(vcr)


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    return cassette.vcr_config()


def cassette_folder(module: str) -> Path:
    """A test module's cassettes: cassettes/ and the module's path under tests/, `tests.llm.test_engine`
    in cassettes/llm/test_engine/ (a module's name alone need not be unique)."""
    return ROOT.joinpath("cassettes", *module.split(".")[1:])


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(cassette_folder(request.module.__name__))


@pytest.fixture
def allowed_hosts() -> list[str]:
    # Only the local server the tests start when recording; the network is blocked otherwise.
    return ["127.0.0.1"]


@pytest.fixture
def recording(record_mode: str) -> bool:
    return record_mode != "none"


@pytest.fixture(autouse=True)
def _every_interaction_replayed(vcr: Any, recording: bool) -> Iterator[None]:
    """A test that leaves recorded exchanges unused no longer does what its cassette says: fail it."""
    yield
    if vcr is not None and not recording:
        unused = len(vcr) - vcr.play_count
        assert unused == 0, f"{unused} recorded interaction(s) in {vcr._path} were never replayed"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The user's key, endpoint, model, prices, cache and config file never reach a test."""
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "OPENAI_ORG_ID",
        "OPENAI_PROJECT_ID",
        "SUMMARIZER_MODEL",
        "SUMMARIZER_PRICE",
        "SUMMARIZER_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))  # never the user's own cache
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # nor its compiled templates
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # nor the user's config.toml


@pytest.fixture
def llm_endpoint(recording: bool) -> Iterator[Callable[..., str]]:
    """Start the fake endpoint (tests/fake) with a script, when recording; return the base URL.

    When replaying, the script is not served (the cassette already holds its replies) and the URL
    points nowhere. Every scripted reply must have been asked for by the end of a recording.
    """
    endpoints: list[FakeEndpoint] = []

    def start(*script: Step) -> str:
        if not recording:
            return REPLAY_URL
        endpoint = FakeEndpoint(Script(*script)).__enter__()
        endpoints.append(endpoint)
        return endpoint.base_url

    yield start
    for endpoint in endpoints:
        endpoint.__exit__(None, None, None)
        assert not endpoint.script, f"{len(endpoint.script)} scripted replies were never requested"


@pytest.fixture
def simulator(request: pytest.FixtureRequest) -> Iterator[FakeEndpoint]:
    """The fake endpoint answering by rule (tests/fake `simulated`) on a free port, configured by the
    test's `simulator` marker (the closest one: the test's own, else its module's `pytestmark`)."""
    marker = request.node.get_closest_marker("simulator")
    with simulated(**marker.kwargs) if marker else simulated() as running:
        yield running


@pytest.fixture(scope="session")
def examples() -> list[Article]:
    return read_articles([EXAMPLES]).articles


@pytest.fixture
def cna(examples: list[Article]) -> Article:
    return next(article for article in examples if article.source == "CNA")


FAST = RetryPolicy(attempts=3, initial_wait=0.01, max_wait=5.0)  # sleeps are recorded, not slept
PATIENT = RetryPolicy(attempts=12, initial_wait=0.01, max_wait=1.0)  # enough to wait out a rate limit


class Run:
    """Calls summarize_article against an endpoint, noting every retry and every sleep."""

    def __init__(self, base_url: str, settings: Settings) -> None:
        self.base_url = base_url
        self.settings = settings
        self.retries: list[tuple[str, float]] = []
        self.sleeps: list[float] = []

    def __call__(self, article: Article) -> ArticleBriefing:
        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        def on_retry(reason: str, delay: float) -> None:
            self.retries.append((reason, delay))

        async def call() -> ArticleBriefing:
            async with openai.AsyncOpenAI(api_key=TEST_KEY, base_url=self.base_url, max_retries=0) as client:
                engine = Engine(HTTPTransport(client), self.settings, Gate(concurrency=1), sleep=sleep)
                return await summarize_article(engine, article, on_retry=on_retry)

        return asyncio.run(call())


@pytest.fixture
def run(llm_endpoint: Callable[..., str]) -> Callable[..., Run]:
    def make(*script: Any, **settings: Any) -> Run:
        return Run(llm_endpoint(*script), Settings(retry=FAST, cache_dir=None, **settings))

    return make


@pytest.fixture
def cassette_args(
    recording: bool, llm_endpoint: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., list[str]]:
    """--cassette arguments; when the suite records, the CLI records against the local server."""

    def args(path: Path, *script: object) -> list[str]:
        if recording:
            monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
            return ["--cassette", str(path), "--record", "--base-url", llm_endpoint(*script)]
        return ["--cassette", str(path)]

    return args


#: What a command ended with: its exit status, stdout and stderr.
Ran = tuple[int, str, str]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """`summarizer ARGS...` run in this process, as the console script runs it: (exit status, stdout,
    stderr). A subprocess proves more only about the process itself: the installed command, signals,
    a terminal, a closed pipe, what importing costs; those tests start one."""
    from summarizer.cli import main

    def run(*args: str) -> Ran:
        capsys.readouterr()  # only what this command prints
        try:
            status = main(list(args))
        except SystemExit as exit:  # --help, --version and argparse's usage errors exit
            status = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def examples_cassette(recording: bool, cassette_args: Callable[..., list[str]]) -> Path:
    """The cassette of the README's first command; (re-)recorded with the rest when recording."""
    from summarizer.cli import main

    if recording:
        assert main(["brief", str(EXAMPLES), "-q", "-o", os.devnull, *cassette_args(EXAMPLES_CASSETTE)]) == 0
    return EXAMPLES_CASSETTE


@pytest.fixture(scope="session")
def wheel_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel, built once a session the way `pip install .` builds it (hatchling is in the
    dev extra), without pip."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [path] = out.glob("summarizer-*.whl")
    return path
