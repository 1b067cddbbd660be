"""Where batch input files go and results come from: the provider's Batch API, or files for another tool
(`vllm run-batch`). A transport moves files and reports status; batch.py decides what is in them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import UsageError, redact
from ..llm.batch_api import BatchAPI
from .ledger import BatchRecord

__all__ = ["TERMINAL", "ApiTransport", "FileTransport", "Transport"]

#: A batch in one of these states will not change again: its results can be collected.
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


class Transport(Protocol):
    """Where batch input files go and results come from: the provider's API, or files."""

    name: str

    async def send(self, path: Path, submission: int) -> BatchRecord:
        """Hand over one input file; the batch as it now stands."""
        ...

    async def refresh(self, batch: BatchRecord) -> BatchRecord:
        """The batch's current status, counts and result files."""
        ...

    async def results(self, batch: BatchRecord) -> Iterable[tuple[str, str]]:
        """Every output and error line available for the batch, each with where it was read (read as
        they are taken, where the transport can)."""
        ...


class FileTransport:
    """No upload: input files are written to `folder` for another tool (`vllm run-batch -i`), and the
    output files it wrote (`-o`) are read back at collect. A batch is never `expired` here: its
    requests wait until a given output holds their lines."""

    name = "file"

    def __init__(self, folder: str | Path, outputs: str | Path | Sequence[str | Path] = ()) -> None:
        self.folder = Path(folder)
        # One output as a str is one file (not "cannot read the batch output o" for each character).
        self.outputs = [Path(path) for path in ([outputs] if isinstance(outputs, str | Path) else outputs)]

    async def send(self, path: Path, submission: int) -> BatchRecord:
        return BatchRecord(
            id=f"file-{path.stem}",
            submission=submission,
            transport=self.name,
            input=str(path),
            status="written",
        )

    async def refresh(self, batch: BatchRecord) -> BatchRecord:
        return batch

    async def results(self, batch: BatchRecord) -> Iterable[tuple[str, str]]:
        for path in self.outputs:  # unreadable outputs are named before any line is taken
            if not path.is_file():
                raise UsageError(f"cannot read the batch output {path}: no such file")
        return self._read()

    def _read(self) -> Iterator[tuple[str, str]]:
        """The outputs' lines one at a time: an output of 100,000 answers is never held whole."""
        for path in self.outputs:
            try:
                with path.open(encoding="utf-8") as stream:
                    for number, line in enumerate(stream, 1):
                        yield f"{path}:{number}", line.rstrip("\n")
            except (OSError, UnicodeDecodeError) as error:
                raise UsageError(f"cannot read the batch output {path}: {error}") from None


class ApiTransport:
    """The provider's Batch API: input files uploaded (`files.create(purpose="batch")`), batches created,
    polled and cancelled, result files downloaded. `client` is an openai.AsyncOpenAI (or Azure's)."""

    name = "api"

    def __init__(self, client: Any) -> None:
        self.api = BatchAPI(client)
        self.client = client

    async def send(self, path: Path, submission: int) -> BatchRecord:
        file_id = await self.api.upload(path)
        made = await self.api.create(file_id, {"summarizer_submission": str(submission)})
        path.unlink(missing_ok=True)  # the provider has it now
        record = BatchRecord(
            id=str(made["id"]), submission=submission, transport=self.name, input=file_id, status=""
        )
        return _updated(record, made)

    async def refresh(self, batch: BatchRecord) -> BatchRecord:
        if batch.status in TERMINAL:
            return batch
        return _updated(batch, await self.api.retrieve(batch.id))

    async def results(self, batch: BatchRecord) -> list[tuple[str, str]]:
        lines: list[tuple[str, str]] = []
        for file_id in (batch.output_file, batch.error_file):
            if file_id:
                text = await self.api.content(file_id)
                lines += [(f"{file_id}:{n}", line) for n, line in enumerate(text.splitlines(), 1)]
        return lines

    async def cancel(self, batch: BatchRecord) -> BatchRecord:
        return _updated(batch, await self.api.cancel(batch.id))


def _updated(batch: BatchRecord, data: dict[str, Any]) -> BatchRecord:
    """The record with what the provider says of the batch now."""
    counts = data.get("request_counts") or {}
    errors = (data.get("errors") or {}).get("data") or []
    problem = "; ".join(
        redact(f"line {e.get('line')}: {e.get('message')}" if e.get("line") else str(e.get("message")))
        for e in errors
    )
    return replace(
        batch,
        status=str(data.get("status") or batch.status),
        output_file=data.get("output_file_id") or batch.output_file,
        error_file=data.get("error_file_id") or batch.error_file,
        counts={name: int(value) for name, value in counts.items() if isinstance(value, int)},
        problem=problem or batch.problem,
    )
