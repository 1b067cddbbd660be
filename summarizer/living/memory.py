"""The previous brief: the last one written to an output, kept in the run's store; or a file named.

The store keeps one entry per output (the file's absolute path; for standard output, the inputs), put
whole or not at all like every entry (a file renamed into place, an SQLite upsert): two runs writing
the same output at once leave the one that finished last, never a mixture. A brief written by an older
version of summarizer is read when its fields still validate (a field added since takes its default),
and otherwise set aside in one line, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import __version__
from ..errors import UsageError
from ..models import Brief
from ..store import Store

__all__ = ["Remembered", "output_name", "read_previous", "recall", "remember"]

logger = logging.getLogger(__name__)


class Remembered(BaseModel):
    """A brief as the store keeps it: which version wrote it, for which output, when."""

    # A record written by a later version may carry more: what this one needs is enough.
    model_config = ConfigDict(extra="ignore", frozen=True)

    tool: str
    output: str
    written: datetime
    brief: dict[str, Any]


def output_name(output: str | None, inputs: Sequence[str] = ()) -> str:
    """What a run's brief is remembered under: its output file's absolute path; for standard output,
    the inputs it was made from (the same command, run again, finds it)."""
    if output and output != "-":
        return str(Path(output).resolve())
    given = sorted(str(Path(i).resolve()) if "://" not in i and i != "-" else i for i in inputs)
    return "stdout of " + json.dumps(given)


def _key(output: str) -> str:
    return hashlib.sha256(json.dumps({"kind": "previous brief", "output": output}).encode()).hexdigest()


def recall(store: Store, output: str) -> tuple[Brief | None, str | None]:
    """The brief last remembered for `output`, or None; and, when one was kept but cannot be read by
    this version, the line that says so (the run then goes on as a first one)."""
    found = store.get(_key(output), Remembered)
    if found is None:
        return None, None
    try:
        return Brief.model_validate(found.brief), None
    except ValidationError as error:
        return None, (
            f"the previous brief kept for {_shown(output)} was written by {found.tool} and summarizer "
            f"{__version__} cannot read it ({_problem(error)}): this brief is compared with none"
        )


def remember(store: Store, output: str, brief: Brief) -> None:
    """Keep `brief` as the one the next run on `output` is compared with."""
    record = Remembered(
        tool=f"summarizer {__version__}",
        output=output,
        written=datetime.now(UTC),
        brief=brief.model_dump(mode="json"),
    )
    store.put(_key(output), record)


def read_previous(path: str | PathLike[str]) -> Brief:
    """A brief from a JSON file (`--format json`, `summarizer merge`), to compare a new one with; a
    file that is not one, or that this version cannot read, is one UsageError naming it."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read the previous brief {path}: {error.strerror or error}") from None
    try:
        return Brief.model_validate_json(data)
    except ValidationError as error:
        raise UsageError(
            f"{path} is not a brief as JSON that summarizer {__version__} can read ({_problem(error)}); "
            "give one written with --format json, or run with --no-previous"
        ) from None


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(map(str, first["loc"]))
    return f"{where}: {first['msg']}" if where else first["msg"]


def _shown(output: str) -> str:
    return output if output.startswith("stdout of ") else Path(output).name
