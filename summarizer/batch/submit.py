"""Submitting: every article not cached and not in flight becomes one JSONL line, written into input
files cut at the API's limits and handed to a transport; the ledger records each batch as it is sent.
Also the batches' status and cancel."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from ..config.settings import Settings
from ..errors import UsageError
from ..llm.prompts import article_message
from ..llm.schema import fingerprint, request_body
from ..models import Article, ArticleBriefing, Briefing
from ..run.runner import cut_article
from ..store import FileStore, Store, answer_key, store_for
from .ledger import BatchRecord, Ledger, ledger_beside
from .transports import TERMINAL, ApiTransport, FileTransport, Transport

__all__ = [
    "ENDPOINT",
    "SHAPING",
    "InputFile",
    "Limits",
    "Submitted",
    "acancel",
    "astatus",
    "asubmit",
    "batch_line",
    "batch_lines",
    "custom_id_of",
    "input_folder",
    "places",
]

#: The endpoint every line asks (the Batch API's `url`, and `endpoint` of the batch).
ENDPOINT = "/v1/chat/completions"
#: The settings that shape a request or its check: fixed at submit, used again at collect.
SHAPING = ("model", "mode", "grounding", "max_reasks", "max_output_tokens", "max_article_tokens")


@dataclass(frozen=True)
class Limits:
    """How much one batch input file may hold (OpenAI's limits: 50,000 requests, 200 MB)."""

    requests: int = 50_000
    bytes: int = 200 * 1024 * 1024


def custom_id_of(key: str) -> str:
    """A line's custom_id: the answer's cache key, so a result finds its place without a lookup."""
    return key


# --- submit ------------------------------------------------------------------------------------------


@dataclass
class Submitted:
    """What a submit did: the submission's number, the batches sent and how the articles stood."""

    submission: int
    batches: list[BatchRecord] = field(default_factory=list)
    articles: int = 0
    #: Requests sent now, and articles whose answer was already in the store or on its way.
    sent: int = 0
    cached: int = 0
    in_flight: int = 0
    #: Articles whose request is larger than a batch file may be: not sent, by origin.
    too_large: list[str] = field(default_factory=list)


def _key(settings: Settings, sent: Article) -> str:
    # The same key an online run uses (run.Run.key): a collected briefing is a cache hit for `brief`.
    return answer_key("article", sent.text, fingerprint(settings, Briefing), settings.grounding)


def batch_line(settings: Settings, key: str, sent: Article) -> str:
    """The JSONL line asking for the briefing of `sent` (the article as sent, cut to the cap)."""
    body = request_body(settings, [article_message(sent)], Briefing)
    line = {"custom_id": custom_id_of(key), "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def batch_lines(
    settings: Settings, articles: Iterable[Article]
) -> Iterator[tuple[str, Article, int | None, str]]:
    """(key, the text sent, the cap it was cut at, the JSONL line) for each article, in order."""
    for article in articles:
        sent, cut_at = cut_article(article, settings.max_article_tokens)
        key = _key(settings, sent)
        yield key, sent, cut_at, batch_line(settings, key, sent)


class InputFile:
    """The input file being filled, sent when the next line would pass a limit. Lines are written as they
    are made, so a submit of 100,000 articles never holds their requests in memory."""

    def __init__(self, folder: Path, submission: int, limits: Limits, stem: str = "") -> None:
        self.folder, self.submission, self.limits = folder, submission, limits
        self.stem = stem or f"submission-{submission}"
        self.number = 0
        #: The conversation so far of each follow-up request in the file, by custom_id.
        self.histories: dict[str, list[Any]] = {}
        self.requests: list[tuple[str, int]] = []
        self.size = 0
        self.path: Path | None = None
        self._stream: TextIO | None = None

    def fits(self, line: str) -> bool:
        length = len(line.encode("utf-8")) + 1
        return len(self.requests) < self.limits.requests and self.size + length <= self.limits.bytes

    def add(self, custom_id: str, position: int, line: str) -> None:
        if self.path is None or self._stream is None:
            self.number += 1
            self.path = self.folder / f"{self.stem}-{self.number}.jsonl"
            self._stream = self.path.open("w", encoding="utf-8")
        self._stream.write(line + "\n")
        self.requests.append((custom_id, position))
        self.size += len(line.encode("utf-8")) + 1

    async def send(self, transport: Transport, ledger: Ledger, result: Submitted) -> None:
        if self.path is None:
            return
        self.close()
        batch = await transport.send(self.path, self.submission)
        # Recorded the moment it is sent: a submit killed after this loses nothing already sent.
        ledger.add_batch(batch, self.requests, self.histories)
        result.batches.append(batch)
        result.sent += len(self.requests)
        self.path, self.requests, self.size, self.histories = None, [], 0, {}

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


async def asubmit(
    articles: Sequence[Article],
    *,
    transport: Transport,
    settings: Settings | None = None,
    store: Store | None = None,
    ledger: Ledger | None = None,
    limits: Limits = Limits(),
) -> Submitted:
    """Send every article not already in the store (or waiting in a batch) as a batch request.

    The submission (every article, cached or not, for `batch_brief`) and each batch are recorded in the
    ledger the moment they are sent, so no process has to stay alive until the results are in.
    """
    settings = settings or Settings()
    store, ledger = places(settings, store, ledger)
    prepared = []
    for article in articles:
        sent, cut_at = cut_article(article, settings.max_article_tokens)
        prepared.append((_key(settings, sent), sent, cut_at))
    submission = ledger.add_submission({name: getattr(settings, name) for name in SHAPING}, prepared)
    result = Submitted(submission=submission, articles=len(prepared))
    waiting, seen = ledger.in_flight(), set()
    with input_folder(transport) as folder:
        current = InputFile(folder, submission, limits)
        try:
            for position, (key, sent, _) in enumerate(prepared):
                if key in seen:
                    continue  # the same text twice: one request, both articles take its answer
                seen.add(key)
                if store.get(key, ArticleBriefing) is not None:
                    result.cached += 1
                elif custom_id_of(key) in waiting:
                    result.in_flight += 1
                elif len((line := batch_line(settings, key, sent)).encode("utf-8")) + 1 > limits.bytes:
                    result.too_large.append(sent.origin)
                else:
                    if not current.fits(line):
                        await current.send(transport, ledger, result)
                    current.add(custom_id_of(key), position, line)
            await current.send(transport, ledger, result)
        finally:
            current.close()
    return result


@contextmanager
def input_folder(transport: Transport) -> Iterator[Path]:
    """Where input files are written: the file transport's folder (they are the result), else a
    temporary folder removed once they are uploaded."""
    if not isinstance(transport, FileTransport):
        with tempfile.TemporaryDirectory(prefix="summarizer-batch-") as folder:
            yield Path(folder)
        return
    try:
        transport.folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"cannot write batch input files in {transport.folder}: {error.strerror or error}"
        ) from None
    yield transport.folder


def places(settings: Settings, store: Store | None, ledger: Ledger | None) -> tuple[Store, Ledger]:
    store = store if store is not None else store_for(settings)
    if store is None:
        raise UsageError("batch needs a cache: the briefings collected are stored there (not --no-cache)")
    if isinstance(store, FileStore):
        store.claim()  # the ledger goes in its folder: mark the folder ours first
    return store, ledger if ledger is not None else Ledger(ledger_beside(store))


# --- status ------------------------------------------------------------------------------------------


async def astatus(
    *,
    transport: Transport,
    settings: Settings | None = None,
    store: Store | None = None,
    ledger: Ledger | None = None,
) -> list[BatchRecord]:
    """Every batch in the ledger, those not yet collected asked for their current state."""
    _, ledger = places(settings or Settings(), store, ledger)
    batches = []
    for batch in ledger.batches():
        if not batch.collected and batch.transport == transport.name:
            batch = await transport.refresh(batch)
            if isinstance(transport, FileTransport):
                batch = replace(batch, counts=ledger.counts(batch.id))
            ledger.update_batch(batch)
        batches.append(batch)
    return batches


async def acancel(
    *,
    transport: ApiTransport,
    settings: Settings | None = None,
    store: Store | None = None,
    ledger: Ledger | None = None,
) -> list[BatchRecord]:
    """Ask the provider to cancel every batch still running; collect then takes what was answered, and
    the next submit sends the rest again."""
    _, ledger = places(settings or Settings(), store, ledger)
    cancelled = []
    for batch in ledger.batches(uncollected=True):
        if batch.transport == transport.name and batch.status not in TERMINAL:
            batch = await transport.cancel(batch)
            ledger.update_batch(batch)
            cancelled.append(batch)
    return cancelled
