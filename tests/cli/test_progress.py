"""Progress on a terminal: the live bar fits the width, shows 0/N at once and keeps failures above it;
plain lines off a terminal; nothing with -q. The bar is checked under a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import io
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.cli.progress import ProgressBar, ProgressLines, clock, pace, progress_for
from summarizer.models import Article, Usage
from summarizer.run.runner import ProgressEvent
from tests.conftest import ROOT, TEST_KEY, ctrl_c_reaches
from tests.fake import FakeEndpoint, simulated
from tests.synthetic import write_articles

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


# --- the bar's line, at any width ---------------------------------------------------------------------


def event(status: str, total: int = 100, tokens: int = 0, pacing: float | None = None) -> ProgressEvent:
    article = Article(id="0" * 16, origin="today/a.md", title="A", source="CNA", text="Text. " * 50)
    return ProgressEvent(
        status,  # type: ignore[arg-type]
        article,
        total,
        {"failed": "invalid answer", "retry": "HTTP 500, retrying in 0.1s"}.get(status, ""),
        None,
        Usage(requests=1, prompt_tokens=tokens),
        pacing,
    )


def busy_bar() -> ProgressBar:
    """A bar in the middle of a run with something of everything to say; not started (no live display)."""
    bar = ProgressBar(io.StringIO(), width=200)
    bar.total = 1_250
    bar.counts = {"done": 1_000, "cached": 40, "failed": 3, "retry": 12}
    bar.tokens, bar.pacing = 1_234_567, 2.5
    bar.started = time.monotonic() - 125
    return bar


@pytest.mark.parametrize("width", range(12, 161))
def test_the_line_never_exceeds_the_width(width):
    bar_width, text = busy_bar().line(width)
    assert (bar_width + 1 if bar_width else 0) + len(text) <= width


def test_at_80_columns_a_bar_of_a_quarter_and_what_matters_most():
    assert busy_bar().line(80) == (20, "1,043/1,250  failed 3  rate-limited: 2.5 req/s  0:25 left")
    assert busy_bar().line(160) == (
        40,
        "1,043/1,250  cached 40  failed 3  retries 12  1,234,567 tokens  rate-limited: 2.5 req/s  0:25 left",
    )


def test_at_40_columns_the_count_and_failures_stay_and_the_rest_goes():
    assert busy_bar().line(40) == (10, "1,043/1,250  failed 3")


def test_the_bar_keeps_its_width_and_the_count_its_place_as_numbers_grow():
    bar = busy_bar()
    bar.counts = {"done": 5, "cached": 0, "failed": 0, "retry": 0}
    assert bar.line(80)[0] == busy_bar().line(80)[0]
    assert bar.line(80)[1].startswith("    5/1,250  ")


def test_too_narrow_for_a_bar_the_count_takes_the_line():
    assert busy_bar().line(16) == (0, "1,043/1,250")
    assert busy_bar().line(21) == (0, "1,043/1,250  failed 3")
    assert busy_bar().line(22) == (10, "1,043/1,250")  # a bar, once one fits
    assert busy_bar().line(8) == (0, "1,043/1,")


def test_numbers_read_the_same_way_everywhere():
    assert [clock(7), clock(750), clock(3723)] == ["0:07", "12:30", "1:02:03"]
    assert [pace(0.333), pace(12), pace(1500)] == [
        "rate-limited: 0.3 req/s",
        "rate-limited: 12.0 req/s",
        "rate-limited: 1,500.0 req/s",
    ]


def test_the_lines_mode_says_when_the_run_is_rate_limited():
    stream = io.StringIO()
    lines = ProgressLines(stream)
    lines(event("retry", total=2, pacing=1.5))
    lines(event("failed", total=2, pacing=1.5))
    lines(event("failed", total=2, pacing=0.5))
    assert stream.getvalue().splitlines() == [
        "  rate-limited: 1.5 req/s",
        "  retry   today/a.md (CNA): HTTP 500, retrying in 0.1s",
        "[1/2] failed  today/a.md (CNA): invalid answer",
        "  rate-limited: 0.5 req/s",  # said again only when the pace changes
        "[2/2] failed  today/a.md (CNA): invalid answer",
    ]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_shows_nothing_a_terminal_gets_a_bar_and_a_pipe_or_a_dumb_terminal_gets_lines(monkeypatch):
    assert progress_for(Terminal(), quiet=True) is None
    assert isinstance(progress_for(Terminal(), quiet=False), ProgressBar)
    assert isinstance(progress_for(Terminal(), quiet=False, live=False), ProgressLines)  # -v
    assert isinstance(progress_for(io.StringIO(), quiet=False), ProgressLines)
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(progress_for(Terminal(), quiet=False), ProgressLines)


def test_a_failure_is_printed_above_the_bar_as_it_happens():
    screen = Terminal()
    bar = ProgressBar(screen, width=60)
    bar.start(3)
    bar(event("done", total=3))
    bar(event("failed", total=3))
    bar(event("done", total=3))
    lines = [ESCAPE.sub("", line) for line in re.split(r"[\r\n]", screen.getvalue())]
    lines = [line for line in lines if line.strip()]
    failure = lines.index("failed  today/a.md: invalid answer")
    assert lines[0].endswith(" 0/3") and failure == 1  # the bar at once, then the failure above it
    assert re.search(r" 2/3  failed 1\b", lines[2])  # and the bar drawn again below
    assert lines[-1].endswith(" 3/3  failed 1  0:00 left")


# --- under a real pseudo-terminal ----------------------------------------------------------------------


@pytest.fixture
def simulator() -> Iterator[FakeEndpoint]:
    # A third of the answers are not JSON and there is no re-ask: those articles fail, one by one; and
    # a limit of 4 requests a second that the run learns from the headers and paces itself under.
    with simulated(latency=0.05, fault_rate=0.3, faults=("invalid_json",), rpm=240) as running:
        yield running


def in_terminal(
    args: list[str], columns: int, cwd: Path, signal_after: tuple[str, signal.Signals] | None = None
) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal of `columns` x 24; return
    its exit status and everything it drew. With `signal_after` (text, signal): send the signal once
    the text has been drawn."""
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_", "COLUMNS"))}
    env |= {"OPENAI_API_KEY": TEST_KEY, "SUMMARIZER_CACHE_DIR": str(cwd / "cache"), "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args],
        # Only stderr is the terminal, as in `summarizer brief today/ > brief.md < /dev/null`: the bar
        # must still find the terminal's width.
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        preexec_fn=ctrl_c_reaches,
    )
    os.close(terminal)
    drawn = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the terminal's last writer has gone
            break
        if not chunk:
            break
        drawn += chunk
        if signal_after is not None and signal_after[0] in drawn.decode("utf-8", errors="replace"):
            process.send_signal(signal_after[1])
            signal_after = None
    os.close(controller)
    return process.wait(timeout=60), drawn.decode("utf-8", errors="replace")


def screen_lines(drawn: str) -> list[str]:
    """Every line as drawn, escape sequences removed: what a carriage return or a newline ends."""
    return [line for line in re.split(r"[\r\n]", ESCAPE.sub("", drawn)) if line.strip()]


@pytest.mark.parametrize("columns", [80, 40])
def test_under_a_real_terminal_the_bar_fits_starts_at_zero_and_failures_stay_above(
    simulator, tmp_path, columns
):
    write_articles(tmp_path / "today", 12)
    args = ["brief", str(tmp_path / "today"), "--base-url", simulator.base_url, "--max-reasks", "0"]
    status, drawn = in_terminal(
        [*args, "--concurrency", "2", "-o", str(tmp_path / "b.md")], columns, tmp_path
    )
    lines = screen_lines(drawn)
    bars = [line for line in lines if re.search(r"\b\d+/12\b", line) and "━" in line]
    assert bars and bars[0].endswith(" 0/12")  # drawn before the first answer
    assert re.search(r" 12/12 .*failed [1-9]", bars[-1])
    if columns == 80:  # room for the pace too; at 40 the failures come first
        assert any(re.search(r"failed \d+  rate-limited: \d\.\d req/s", bar) for bar in bars)
    summary = lines[-1]
    assert re.match(r"\d+ summarised, [1-9]\d* not summarised", summary)  # the closing line, after the bar
    assert all(len(line) <= columns for line in lines[:-1]), [line for line in lines if len(line) > columns]
    failures = [line for line in lines if line.startswith("failed  ")]
    failed = int(re.search(r"failed (\d+)", bars[-1]).group(1))  # type: ignore[union-attr]
    assert len(failures) == failed and status == 1


def test_under_a_real_terminal_quiet_draws_nothing(simulator, tmp_path):
    write_articles(tmp_path / "today", 3)
    args = [
        "brief",
        str(tmp_path / "today"),
        "--base-url",
        simulator.base_url,
        "-q",
        "-o",
        str(tmp_path / "b"),
    ]
    status, drawn = in_terminal(args, 80, tmp_path)
    assert drawn == "" and status in (0, 1)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_leaves_the_cursor_shown_and_its_message_below_the_bar(tmp_path, how):
    with simulated(latency=0.2) as slow:
        write_articles(tmp_path / "today", 40)
        args = ["brief", str(tmp_path / "today"), "--base-url", slow.base_url, "-o", str(tmp_path / "b.md")]
        status, drawn = in_terminal(args, 80, tmp_path, signal_after=(" 0/40", how))
    assert status == {signal.SIGINT: 130, signal.SIGTERM: 143}[how]
    assert drawn.rfind("\x1b[?25h") > drawn.rfind("\x1b[?25l")  # the cursor hidden for the bar is back
    lines = screen_lines(drawn)
    assert re.search(r" \d+/40\b", lines[-2]) and lines[-1].startswith("summarizer: ")
    assert "nothing was written" in lines[-1] and not (tmp_path / "b.md").exists()


def test_a_copy_of_another_inputs_text_is_not_said_to_come_from_the_cache(
    simulator, tmp_path, monkeypatch, cli
):
    # Wire copy run by two outlets is asked once; with --no-cache its line said "cached" all the same.
    from tests.synthetic import article_text

    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    (tmp_path / "a.txt").write_text(f"Source: AP\n\n{article_text(1)}")
    (tmp_path / "b.txt").write_text(f"Source: Gazette\n\n{article_text(1)}")
    status, _, err = cli(
        "brief", str(tmp_path), "--base-url", simulator.base_url, "--no-cache", "--format", "json"
    )
    assert status == 0, err
    lines = err.splitlines()
    assert sum(" done    " in line for line in lines) == 1 and "cached" not in err
    [copy] = [line for line in lines if " copy    " in line]
    assert copy.startswith("[2/2] copy    ") and copy.endswith(": the same text as another input, asked once")
