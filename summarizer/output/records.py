"""Briefings and failures as JSON lines: what `summarize` writes and `merge` reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from pydantic import ValidationError

from ..models import ArticleBriefing, Failure

__all__ = ["dump_records", "load_records", "read_records"]


def dump_records(briefings: Iterable[ArticleBriefing], failures: Iterable[Failure]) -> str:
    """One JSON object a line: every briefing (it has a "ref"), then every failure (it has a "kind")."""
    lines = [item.model_dump_json() for item in briefings] + [item.model_dump_json() for item in failures]
    return "".join(line + "\n" for line in lines)


def load_records(
    paths: str | PathLike[str] | Iterable[str | PathLike[str]],
) -> tuple[list[ArticleBriefing], list[Failure]]:
    """Briefings and failures from JSON-lines files (one path, or several); a line that is neither is
    itself a failure, by file and line, so that nothing is lost between commands."""
    briefings: list[ArticleBriefing] = []
    failures: list[Failure] = []
    # One path as a str is one file, not a file per character (as make_brief takes one path too).
    for raw in [paths] if isinstance(paths, (str, PathLike)) else paths:
        path = Path(raw)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            failures.append(Failure(origin=str(path), kind="unreadable", reason=f"cannot read: {error}"))
            continue
        found, failed = read_records(text, str(path))
        briefings += found
        failures += failed
    return briefings, failures


def read_records(text: str, origin: str) -> tuple[list[ArticleBriefing], list[Failure]]:
    """Briefings and failures from JSON lines read from `origin` (a file's name, or stdin); a line that
    is neither is itself a failure, named `origin:line`."""
    briefings: list[ArticleBriefing] = []
    failures: list[Failure] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            data = json.loads(line)
            if isinstance(data, dict) and "ref" in data:
                briefings.append(ArticleBriefing.model_validate(data))
            else:
                failures.append(Failure.model_validate(data))
        except (json.JSONDecodeError, ValidationError) as error:
            reason = f"not a briefing or failure record: {str(error).splitlines()[0]}"
            failures.append(Failure(origin=where, kind="unreadable", reason=reason))
    return briefings, failures
