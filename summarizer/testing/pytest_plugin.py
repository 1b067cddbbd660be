"""The pytest plugin: summarizer's HTTP exchanges recorded once and replayed in the user's own tests.

    @pytest.mark.summarizer_cassette
    def test_the_morning_brief():
        result = make_brief("tests/articles/")

The marker (or the `summarizer_cassette` fixture, which gives the Replay) replays
tests/cassettes/<module>/<test>.yaml, or records it with `--record-mode=once` (pytest-recording's flag
when that plugin is installed, this plugin's otherwise). A request the cassette holds no recording of,
or a recorded one never made, fails the test in one line.

Registered through the `pytest11` entry point, so every pytest run of a project that installs
summarizer imports this module: it imports nothing but pytest, and its hooks look at a marker and a
stash entry. vcrpy (the `cassettes` extra) and summarizer's run modules come with the first test that
uses a cassette.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest

from . import RECORD_MODES

if TYPE_CHECKING:
    from . import RecordMode
    from .replay import Replay

__all__ = ["summarizer_cassette"]

NAME = "summarizer_cassette"
_OPTIONS = frozenset({"path", "record_mode", "block_network"})

#: What a test's name may keep in a file name (a parametrized id may hold "/" or ":").
_UNSAFE = re.compile(r"[^\w.\[\]-]")

_REPLAY = pytest.StashKey["Replay"]()
_PASSED = pytest.StashKey[bool]()


class _TestFailed(Exception):
    """Passed to the cassette when its test failed: a recording made by a failed test is not kept."""


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    group = parser.getgroup("summarizer", "summarizer cassettes")
    if not _pytest_recording_adds_record_mode(pluginmanager):
        group.addoption(
            "--record-mode",
            choices=RECORD_MODES,
            default=None,
            help="summarizer cassettes: none (replay only, the default), once (record the missing ones), "
            "rewrite (record them all again)",
        )
    parser.addini(
        "summarizer_cassette_dir",
        "the folder of summarizer cassettes, relative to the rootdir (default: cassettes/ beside each "
        "test module); each is <module>/<test>.yaml in it",
        default="",
    )


def _pytest_recording_adds_record_mode(pluginmanager: pytest.PytestPluginManager) -> bool:
    """pytest-recording defines --record-mode too, and argparse refuses a flag defined twice: when that
    plugin is installed and not disabled, its flag is the one flag for both."""
    if pluginmanager.has_plugin("recording"):
        return True
    if pluginmanager.is_blocked("recording"):
        return False
    return importlib.util.find_spec("pytest_recording") is not None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{NAME}(path=None, record_mode=None, block_network=True): replay the test's summarizer "
        "cassette, or record it with --record-mode=once",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A marked test uses the fixture, after its other fixtures (an autouse one that clears the
    environment must not clear the placeholder key)."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is not None and NAME not in names and item.get_closest_marker(NAME) is not None:
            names.append(NAME)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A test whose cassette does not fit it fails with the one line that says why, in place of
    whatever the missing answer then made the test fail on."""
    report = yield
    replay = item.stash.get(_REPLAY, None)
    if replay is not None and report.when == "call":
        problem = replay.mismatch(finished=report.passed)
        if problem is not None:
            report.outcome = "failed"
            report.longrepr = problem
        item.stash[_PASSED] = report.passed
    return report


@pytest.fixture
def summarizer_cassette(request: pytest.FixtureRequest) -> Iterator[Replay]:
    """Replay this test's cassette, or record it (`--record-mode=once` records a missing one,
    `rewrite` all of them); the Replay says which (`.recording`) and where (`.path`)."""
    replay = _opened(request)
    if isinstance(replay, str):  # failed here, outside the handler, or pytest shows it twice, chained
        pytest.fail(replay, pytrace=False)
    request.node.stash[_REPLAY] = replay
    try:
        yield replay
    finally:
        del request.node.stash[_REPLAY]
        replay.close(None if request.node.stash.get(_PASSED, False) else _TestFailed())


def _opened(request: pytest.FixtureRequest) -> Replay | str:
    """The test's cassette, recording or replaying; or, in one line, why it cannot be."""
    from ..errors import UsageError
    from .errors import CassetteMismatch

    try:
        from .replay import Replay
    except UsageError as error:  # summarizer without its cassettes extra: no vcrpy
        return str(error)

    marker = request.node.get_closest_marker(NAME)
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    if unknown := sorted(set(options) - _OPTIONS):
        return f"@pytest.mark.{NAME}: unknown option {', '.join(unknown)}"
    # The flag first (it is how a whole suite is recorded again), then the marker's; Replay checks it.
    mode = request.config.getoption("record_mode", None) or options.get("record_mode") or "none"
    test = request.node.nodeid
    try:
        replay = Replay(
            _path(request, options.get("path")),
            record_mode=cast("RecordMode", mode),
            block_network=options.get("block_network", True),
            record_hint=f"record it with pytest --record-mode=once {test} (with OPENAI_API_KEY and "
            "OPENAI_BASE_URL set for the endpoint)",
            rerecord_hint=f"record it again with pytest --record-mode=rewrite {test}",
        )
        replay.open()
    except (CassetteMismatch, UsageError) as error:
        return str(error)
    return replay


def _path(request: pytest.FixtureRequest, given: str | Path | None) -> Path:
    """The marker's `path` (relative to the test module's folder), else
    <summarizer_cassette_dir or cassettes/ beside the module>/<module>/<Class.>test.yaml."""
    module = Path(request.node.path)
    if given is not None:
        return module.parent / given
    configured = request.config.getini("summarizer_cassette_dir")
    folder = request.config.rootpath / configured if configured else module.parent / "cassettes"
    name = request.node.name if request.cls is None else f"{request.cls.__name__}.{request.node.name}"
    return folder / module.stem / f"{_UNSAFE.sub('-', name)}.yaml"
