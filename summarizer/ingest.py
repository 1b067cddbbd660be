"""Read files, folders and stdin into Articles; report by name whatever cannot be read."""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from .errors import InputError, UsageError
from .models import Article, Failure
from .pages import feed_entries, html_to_text, looks_like_feed, looks_like_html, page

__all__ = ["TEXT_SUFFIXES", "Ingested", "article_id", "read_articles"]

logger = logging.getLogger(__name__)

# libyaml's safe loader when PyYAML was built with it: front matter on every article, ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

# Names a CMS export commonly uses for each article field, first match wins.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site_name"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "byline"),
    "published": ("published", "date", "published_at", "pubDate"),
}


@dataclass
class Ingested:
    """What reading the inputs gave: articles in input order, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def article_id(text: str) -> str:
    """The id of an article: a hash of its text, so the same text always has the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def read_articles(
    paths: Iterable[str | Path], *, stdin: IO[str] | None = None, fields: Mapping[str, str] | None = None
) -> Ingested:
    """Read every path (files, folders recursively in sorted order, or '-' for stdin).

    `fields` maps an article field (text, title, source, url, author, published) to the name a JSON
    export uses for it, e.g. {"text": "body", "title": "headline.main"} (dots reach into objects).
    An input that cannot be read is recorded as a failure naming it; the others are still read.

        >>> read_articles(["today/"], fields={"text": "body"}).articles  # doctest: +SKIP
    """
    result = Ingested()
    mapping = dict(fields or {})
    unknown = set(mapping) - set(FIELD_NAMES)
    if unknown:
        raise UsageError(
            f"unknown article field(s) {', '.join(sorted(unknown))}; use {', '.join(FIELD_NAMES)}"
        )
    for path in _expand(paths, result):
        try:
            if path is None:
                read = _parse("-", (stdin or sys.stdin).read(), ".txt", mapping)
            else:
                read = _read_file(path, mapping)
        except InputError as error:
            read = [error]
        for item in read:
            if isinstance(item, InputError):
                logger.warning("skipping %s", item)
                result.failures.append(Failure(origin=item.source, kind="unreadable", reason=item.reason))
            else:
                result.articles.append(item)
    return result


def _expand(paths: Iterable[str | Path], result: Ingested) -> Iterator[Path | None]:
    """Each file to read, in a stable order; None stands for stdin."""
    for raw in paths:
        if str(raw) == "-":
            yield None
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                if child.suffix.lower() in SUFFIXES:
                    yield child
                else:
                    logger.info("ignoring %s: not an article file type", child)
        elif path.is_file():
            yield path
        else:
            missing = Failure(origin=str(path), kind="unreadable", reason="no such file or folder")
            result.failures.append(missing)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path, fields: Mapping[str, str]) -> list[Article | InputError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            origin,
            f"unsupported file type {suffix or '(none)'}; expected one of " + ", ".join(sorted(SUFFIXES)),
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(origin, f"cannot read: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(origin, "not UTF-8 text") from None
    return _parse(origin, text, suffix, fields)


def _parse(origin: str, text: str, suffix: str, fields: Mapping[str, str]) -> list[Article | InputError]:
    if origin == "-":
        suffix = _sniff(text)
    if suffix == ".json":
        return list(_from_records(origin, _load_json(origin, text), fields))
    if suffix in (".jsonl", ".ndjson"):
        return list(_from_records(origin, _load_jsonl(origin, text), fields))
    if suffix in HTML_SUFFIXES:
        return [_article(origin, page(origin, text))]
    if suffix in FEED_SUFFIXES:
        if not looks_like_feed(text):
            raise InputError(origin, "not an RSS or Atom feed")
        return [
            item if isinstance(item, InputError) else _article(where, item)
            for where, item in feed_entries(origin, text)
        ]
    meta, body = _front_matter(origin, text)
    return [_article(origin, {**meta, "text": body})]


def _sniff(text: str) -> str:
    """What stdin holds: JSON, a feed, an HTML page, or text."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return ".json"
    if looks_like_feed(text):
        return ".xml"
    if head == "<" and looks_like_html(text):
        return ".html"
    return ".txt"


def _front_matter(origin: str, text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    head, sep, body = text[3:].partition("\n---")
    if not sep:
        return {}, text
    try:
        meta = yaml.load(head, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        raise InputError(origin, f"front matter is not valid YAML: {error}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(origin, "front matter must be a mapping of fields")
    return meta, body.partition("\n")[2]


def _load_json(origin: str, text: str) -> list[tuple[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(origin, f"invalid JSON: {error}") from None
    if isinstance(data, list):
        return [(f"{origin}#{number}", item) for number, item in enumerate(data, 1)]
    return [(origin, data)]


def _load_jsonl(origin: str, text: str) -> list[tuple[str, Any]]:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((f"{origin}:{number}", json.loads(line)))
        except json.JSONDecodeError as error:
            raise InputError(f"{origin}:{number}", f"invalid JSON: {error}") from None
    return records


def _from_records(
    origin: str, records: list[tuple[str, Any]], fields: Mapping[str, str]
) -> Iterator[Article | InputError]:
    if not records:
        raise InputError(origin, "no articles in file")
    for where, record in records:
        if not isinstance(record, Mapping):
            yield InputError(where, "expected a JSON object with the article's fields")
            continue
        try:
            yield _article(where, _pick_fields(record, fields))
        except InputError as error:
            yield error


def _pick_fields(record: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The article's fields from a JSON record: the user's names first, else the common CMS names."""
    picked: dict[str, Any] = {}
    for name, candidates in FIELD_NAMES.items():
        for candidate in (fields[name],) if name in fields else candidates:
            value = _lookup(record, candidate)
            if value not in (None, ""):
                picked[name] = value
                break
    text = picked.get("text")
    if isinstance(text, str) and looks_like_html(text):  # a CMS body field holds HTML
        picked["text"] = html_to_text(text)
    return picked


def _lookup(record: Mapping[str, Any], dotted: str) -> Any:
    """record["a"]["b"] for "a.b" (WordPress: "content.rendered"); None where the path is missing."""
    value: Any = record
    for key in dotted.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _article(origin: str, fields: Mapping[str, Any]) -> Article:
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "empty: no article text")
    published = _date(fields.get("published"))
    try:
        return Article(
            id=article_id(text),
            text=text.strip(),
            title=_opt_str(fields.get("title")),
            source=_opt_str(fields.get("source")),
            url=_opt_str(fields.get("url")),
            author=_opt_str(fields.get("author")),
            published=published,
            origin=origin,
        )
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise InputError(origin, problems) from None


def _date(value: Any) -> Any:
    """A date as datetime when it can be read (ISO, or RFC 2822 as feeds and CMS exports write it);
    otherwise the value as given, for validation to report."""
    if isinstance(value, datetime) or value is None:
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            pass
        try:
            return email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return value
    return value


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
