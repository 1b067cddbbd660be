"""JSON and JSON-lines inputs: one article per record, its fields found by name or mapped with --field."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from ..errors import InputError
from ..models import Article
from .fields import FIELD_NAMES, _lookup, pick_fields, to_article

#: JSON lines are read one at a time, and one line may not be longer than this.
MAX_LINE_CHARS = 16 * 1024 * 1024

__all__ = []

logger = logging.getLogger(__name__)


def _is_json_lines(text: str) -> bool:
    """One object on the first line and more lines after it: JSON lines, not one JSON document."""
    first, _, rest = text.lstrip().partition("\n")
    try:
        return bool(rest.strip()) and isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _load_json(where: str, text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(where, "invalid JSON: nested too deeply to read") from None
    except ValueError as error:  # JSONDecodeError, or a number of more than 4,300 digits
        raise InputError(where, f"invalid JSON: {error}") from None


def _json_lines(origin: str, lines: IO[str], fields: Mapping[str, str]) -> Iterator[Article | InputError]:
    """One article per line, read as it comes; a bad line costs only itself, unless it is the first
    (then the file is not JSON lines at all)."""
    number = 0
    seen = False
    while True:
        try:
            line = lines.readline(MAX_LINE_CHARS + 1)
        except UnicodeDecodeError:
            raise InputError(f"{origin}:{number + 1}", "not UTF-8 text") from None
        if not line:
            break
        number += 1
        where = f"{origin}:{number}"
        if len(line) > MAX_LINE_CHARS and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # the rest of the line, a bounded piece at a time
                line = lines.readline(MAX_LINE_CHARS)
            yield InputError(where, f"a line longer than {MAX_LINE_CHARS // 2**20} Mi characters")
            continue
        if not line.strip():
            continue
        try:
            record = _load_json(where, line)
        except InputError as error:
            if not seen:
                raise InputError(origin, f"not JSON lines: line {number}: {error.reason}") from None
            yield error
            continue
        if not seen and isinstance(record, dict) and ("ref" in record or {"kind", "reason"} <= record.keys()):
            logger.info("skipping %s: briefings or failures summarizer wrote, not articles", origin)
            return
        seen = True
        yield from _records(origin, [(where, record)], fields)
    if not seen:
        raise InputError(origin, "no articles in file")


def _records(
    origin: str, records: Iterable[tuple[str, Any]], fields: Mapping[str, str]
) -> Iterator[Article | InputError]:
    empty = True
    for where, record in records:
        empty = False
        if not isinstance(record, Mapping):
            yield InputError(where, "expected a JSON object with the article's fields")
            continue
        try:
            yield to_article(where, pick_fields(record, fields))
        except InputError as error:
            yield _with_hint(error, record, fields)
    if empty:
        raise InputError(origin, "no articles in file")


def _with_hint(error: InputError, record: Mapping[str, Any], fields: Mapping[str, str]) -> InputError:
    """A text field that is an object ({"rendered": "<p>..."}, as WordPress exports it): say which key
    of it to read, as the flag that reads it (--field text=content.rendered)."""
    for key in (fields["text"],) if "text" in fields else FIELD_NAMES["text"]:
        value = _lookup(record, key)
        if value is None:
            continue
        if isinstance(value, Mapping):
            texts = [(len(inner), name) for name, inner in value.items() if isinstance(inner, str)]
            if texts:
                name = max(texts)[1]  # the longest text in it: the body, not its format's name
                hint = f"name the key that holds the text with --field text={key}.{name}"
                return InputError(error.source, f"{error.reason}: {hint}", error.kind)
        break
    return error
