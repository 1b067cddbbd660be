"""Replay summarizer's HTTP exchanges in a newsroom's own tests: recorded when the file is missing,
replayed after, offline.

    >>> from summarizer.testing import replay
    >>> with replay("tests/cassettes/morning.yaml"):  # doctest: +SKIP
    ...     result = make_brief("tests/articles/")

The cassette policy is cassette.py's (what is scrubbed, how bodies are stored and requests matched, a
request with no recording ending its article as NotRecorded); this module adds what a test needs around
it: the same run when recording and when replaying (an empty cache, a placeholder key), the network
blocked while replaying, and one line that names what the cassette and the code disagree on. The pytest
plugin (pytest_plugin.py) is this, as a marker and a fixture.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from vcr.cassette import Cassette
from vcr.request import Request

from ..errors import UsageError, redact
from . import RECORD_MODES, RecordMode
from .cassette import REPLAY_KEY, _json_or_none, is_api_path, use_cassette
from .errors import CassetteMismatch

__all__ = ["NetworkBlocked", "Replay", "describe", "replay"]

#: What the library's messages say to do; the pytest plugin says it as a command.
RECORD_HINT = "record it with record_mode='once' against an endpoint"
RERECORD_HINT = "record it again: delete it and run again, or record_mode='rewrite'"

# The lines the prompts put around what a request is about (prompts/article.j2, prompts/synthesize.j2):
# a failure names the article by its id, outlet and title, which the test's author can find.
_ARTICLE = re.compile(r"==== BEGIN ARTICLE (\w+) ====\n((?:\w+: .*\n)*)\s*(.*)")
_STORY = re.compile(r"==== BEGIN STORY (\w+) ====")
_TITLE_CHARS = 60


class NetworkBlocked(ConnectionRefusedError):
    """A connection to a host beyond this machine while a cassette replays: nothing may leave it."""


def replay(
    path: str | os.PathLike[str], *, record_mode: RecordMode = "once", block_network: bool = True
) -> Replay:
    """Record summarizer's HTTP exchanges to `path` if it does not exist, and replay them if it does
    (vcrpy's "once"; `record_mode="none"` replays only, "rewrite" records again). A context manager
    for any test runner; with pytest, the `summarizer_cassette` marker does the same.

    While the block replays, a request with no recording or a recorded one never made raise
    CassetteMismatch (an AssertionError) when the block ends, in one line naming it.
    """
    return Replay(path, record_mode=record_mode, block_network=block_network)


class Replay:
    """One cassette in use by a test: recording or replaying, and what went amiss. A context manager;
    `mismatch()` and `close()` are its two halves for a caller that reports failures itself."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        record_mode: RecordMode = "once",
        block_network: bool = True,
        record_hint: str = RECORD_HINT,
        rerecord_hint: str = RERECORD_HINT,
    ) -> None:
        if record_mode not in RECORD_MODES:
            raise UsageError(f"record_mode {record_mode!r}: not one of {', '.join(RECORD_MODES)}")
        self.path = Path(path)
        self.record_mode = record_mode
        self.block_network = block_network
        self.record_hint = record_hint
        self.rerecord_hint = rerecord_hint
        #: True while the exchanges are sent for real and written to `path`.
        self.recording = False
        #: The requests the cassette held no recording of, and the connections refused, as named.
        self.missed: list[str] = []
        self._tape: Cassette | None = None
        self._stack: ExitStack | None = None

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        problem = self.mismatch(finished=error is None)
        self.close(error if problem is None else CassetteMismatch(problem))
        if problem is not None:
            raise CassetteMismatch(problem) from error

    def open(self) -> None:
        """Start recording or replaying; CassetteMismatch when replay-only finds no cassette."""
        exists = self.path.is_file()
        if self.record_mode == "none" and not exists:
            raise CassetteMismatch(f"no cassette at {_shown(self.path)}: {self.record_hint}")
        self.recording = self.record_mode in ("all", "rewrite") or not exists
        with ExitStack() as stack:
            stack.enter_context(_fresh_run(replaying=not self.recording))
            self._tape = stack.enter_context(use_cassette(self.path, record=self.recording))
            if not self.recording:
                self._watch(self._tape)
                if self.block_network:
                    stack.enter_context(_network_blocked(self.missed.append))
            self._stack = stack.pop_all()

    def unused(self) -> list[str]:
        """The recorded requests not made (so far), as named."""
        tape = self._tape
        if tape is None or self.recording:
            return []
        return [
            describe(request) for index, (request, _) in enumerate(tape.data) if not tape.play_counts[index]
        ]

    def mismatch(self, *, finished: bool) -> str | None:
        """What the cassette and the code disagree on, in one line; None when they agree. Recorded
        requests left unused count only once the code has `finished` (a failed test stops early)."""
        if self.recording or self._tape is None:
            return None
        where, unused = _shown(self.path), self.unused()
        if self.missed:
            line = f"{where} holds no recording of {self.missed[0]}"
            if len(self.missed) > 1:
                line += f" (and {_count(len(self.missed) - 1, 'more request')})"
            if unused:
                line += f"; {_count(len(unused), 'recorded request')} went unused"
            why = "the inputs, the settings or the code changed since it was recorded"
            return f"{line}: {why}; {self.rerecord_hint}"
        if finished and unused:
            made = "was never made" if len(unused) == 1 else "were never made"
            more = f", and {len(unused) - 1} more" if len(unused) > 1 else ""
            return (
                f"{where}: {_count(len(unused), 'recorded request')} {made} ({unused[0]}{more}): the "
                f"code asks for less than when it was recorded; {self.rerecord_hint}"
            )
        return None

    def close(self, error: BaseException | None = None) -> None:
        """Stop; a recording is kept only when no `error` ended the block (the cassette it would
        replace stays as it was otherwise)."""
        stack, self._stack = self._stack, None
        if stack is None:
            return
        if error is None:
            stack.close()
        else:
            stack.__exit__(type(error), error, error.__traceback__)

    def _watch(self, tape: Cassette) -> None:
        """Note each request the cassette cannot answer, whatever then becomes of vcrpy's error (the
        engine makes it an article's failure, the fetcher a URL's): the test fails on it all the same."""
        answers = tape.can_play_response_for

        def can_play_response_for(request: Request) -> bool:
            found = bool(answers(request))
            if not found:
                self.missed.append(describe(request))
            return found

        tape.can_play_response_for = can_play_response_for


def describe(request: Request) -> str:
    """A request as a failure names it: the article or story a model request is about, or the URL."""
    if not is_api_path(request.path):
        return f"{request.method} {redact(request.uri)}"
    body = _json_or_none(request.body)
    body = body if isinstance(body, dict) else {}
    if request.path.endswith("/chat/completions"):
        return f"the chat request{_about(body.get('messages'))}"
    if request.path.endswith("/embeddings"):
        texts = body.get("input")
        return (
            f"the embeddings request for {_count(1 if isinstance(texts, str) else len(texts or []), 'text')}"
        )
    return f"{request.method} {request.path}"


def _about(messages: Any) -> str:
    """What a chat request is about: ' for article ID ("its title or first words", its outlet)', or
    ' for story ID (synthesize)'; nothing when it says neither."""
    for message in messages if isinstance(messages, list) else []:
        content = message.get("content") if isinstance(message, dict) else None
        if not isinstance(content, str):
            continue
        if found := _ARTICLE.search(content):
            article_id, header, first_line = found.groups()
            fields = dict(line.split(": ", 1) for line in header.splitlines())
            named = [f'"{_cut(fields.get("Title") or first_line)}"']
            named += [fields["Outlet"]] if "Outlet" in fields else []
            return f" for article {article_id} ({', '.join(named)})"
        if found := _STORY.search(content):
            return f" for story {found[1]} (synthesize)"
    return ""


def _cut(text: str) -> str:
    text = redact(text.strip())
    return text if len(text) <= _TITLE_CHARS else text[: _TITLE_CHARS - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@contextmanager
def _fresh_run(*, replaying: bool) -> Iterator[None]:
    """The same run whether recording or replaying: an empty cache for the block (a cached answer
    would leave a recorded request unmade, and a fetched page's validators would make its request
    conditional), and a placeholder key when replaying without one (its requests never leave). Set in
    the environment, where `Settings()` reads them: settings a test passes itself win."""
    names = ("OPENAI_API_KEY", "SUMMARIZER_CACHE", "SUMMARIZER_CACHE_DIR")
    saved = {name: os.environ.get(name) for name in names}
    folder = tempfile.mkdtemp(prefix="summarizer-cassette-")
    os.environ["SUMMARIZER_CACHE"] = os.environ["SUMMARIZER_CACHE_DIR"] = folder
    if replaying and not os.environ.get("OPENAI_API_KEY"):
        os.environ["OPENAI_API_KEY"] = REPLAY_KEY
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)


def _beyond_this_machine(family: int, address: Any) -> bool:
    if family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return False
    host = str(address[0]).split("%", 1)[0]
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


@contextmanager
def _network_blocked(note: Callable[[str], None]) -> Iterator[None]:
    """Refuse every connection beyond this machine (loopback stays: asyncio's event loops need it on
    Windows). vcrpy answers summarizer's requests before any connection; whatever tries one anyway
    would be a request the test never recorded, and is named as one."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(sock: Any, address: Any) -> None:
        if _beyond_this_machine(sock.family, address):
            where = f"a connection to {address[0]}:{address[1]}"
            note(f"{where} (the network is blocked while a cassette replays)")
            raise NetworkBlocked(f"{where}: the network is blocked while a cassette replays")

    def blocked_connect(sock: Any, address: Any) -> None:
        check(sock, address)
        connect(sock, address)

    def blocked_connect_ex(sock: Any, address: Any) -> int:
        check(sock, address)
        return connect_ex(sock, address)

    socket.socket.connect = blocked_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = blocked_connect_ex  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect = connect  # type: ignore[method-assign]
        socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
