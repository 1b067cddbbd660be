"""Turn what an input gives (front matter, a CMS record, a page's facts) into a checked Article."""

from __future__ import annotations

import email.utils
import logging
import re
import warnings
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import dateutil.parser
import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..models import Article
from ..models.article import article_id
from .notes import note_unread_date
from .pages import MIN_ARTICLE_CHARS, html_to_text, looks_like_html

__all__ = [
    "FIELD_NAMES",
    "MAX_DATE_CHARS",
    "MAX_FRONT_MATTER_CHARS",
    "MAX_FRONT_MATTER_DEPTH",
    "MAX_META_CHARS",
    "MAX_URL_CHARS",
    "article_id",
    "front_matter",
    "header_lines",
    "pick_fields",
    "to_article",
]

logger = logging.getLogger(__name__)

# Names a CMS export commonly uses for each article field, first match wins.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site_name"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "byline"),
    "published": ("published", "date", "published_at", "pubDate"),
}

# Bounds on what one input may cost. Each metadata field goes into every prompt about its article:
# a 5 MB title once made a 2.5M-token request. The text itself is cut by max_article_tokens.
#: Title, source and author longer than this are cut (with a warning).
MAX_META_CHARS = 500
#: A longer url is dropped (with a warning): a cut url would point somewhere else.
MAX_URL_CHARS = 2_000
#: A date string longer than this is not a date.
MAX_DATE_CHARS = 100
#: Front matter is a handful of fields; YAML anchors and aliases are refused as well (a nine-level
#: alias bomb in 400 bytes once expanded to 14 GB), and so is nesting deeper than this.
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 32


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML has it (ten times faster), reading timestamps as strings so
    that every date goes through one reader, and an impossible one (2024-13-45) is not an exception."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_str)


# --- front matter -------------------------------------------------------------------------------------


def front_matter(origin: str, text: str) -> tuple[dict[str, Any], str]:
    """The fields of a text's YAML front matter (or of its header lines, see header_lines) and the body
    after it; neither, all body."""
    if not text.startswith("---"):
        return header_lines(text)
    end = text.find("\n---", 3)
    if end == -1:
        return {}, text
    if end - 3 > MAX_FRONT_MATTER_CHARS:
        raise InputError(origin, f"front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KiB")
    head, body = text[3:end], text[end + 4 :].partition("\n")[2]
    try:
        _check_yaml_bounds(origin, head)
        meta = yaml.load(head, Loader=_FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:  # !!int 0xZZ is a ValueError
        raise InputError(origin, f"front matter is not valid YAML: {_yaml_problem(error)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(origin, "front matter must be a mapping of fields")
    return meta, body


def _yaml_problem(error: Exception) -> str:
    """What is wrong with front matter, on one line and by the file's line: PyYAML's own message runs
    over four lines and names the text '<unicode string>', which tore the warning on stderr in two."""
    mark = getattr(error, "problem_mark", None)
    if not isinstance(error, yaml.MarkedYAMLError) or mark is None or not error.problem:
        return " ".join(str(error).split())
    # The front matter starts on the file's first line (after its "---"), so its lines are the file's.
    where = f"line {mark.line + 1}, column {mark.column + 1}: {error.problem}"
    start = error.context_mark
    if error.context and start is not None and start.line != mark.line:
        return f"{where} ({error.context} on line {start.line + 1})"
    return where


# "Key: value", the key a word or a few (MultiMarkdown allows spaces, hyphens and underscores in it).
_HEADER_LINE = re.compile(r"([A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]*(.*)")
#: The most header lines read: a header is a handful of fields.
MAX_HEADER_LINES = 30


def header_lines(text: str) -> tuple[dict[str, Any], str]:
    """The fields of the header lines a plain-text article starts with, as archives, e-mail exports and
    MultiMarkdown metadata write them: `Title: ...`, `Source: ...`, `URL: ...`, `Date: ...` (any of
    the names FIELD_NAMES knows, in any case), one a line (an indented line continues the one before),
    then a blank line; and the body after them. Lines with other keys in the block (`Tags: ...`) are
    read past. Text whose first lines are not such a block, or hold none of the known names (a dateline
    "WASHINGTON: ..."), is all body."""
    lines = text.lstrip("\ufeff").split("\n", MAX_HEADER_LINES + 1)
    blank = next((n for n, line in enumerate(lines[: MAX_HEADER_LINES + 1]) if not line.strip()), None)
    if not blank:  # no blank line close to the top, or one first: no header
        return {}, text
    fields: dict[str, str] = {}
    last: str | None = None
    for raw in lines[:blank]:
        line = raw.rstrip("\r")
        if last is not None and line[:1] in (" ", "\t"):
            fields[last] += " " + line.strip()
            continue
        found = _HEADER_LINE.fullmatch(line)
        if found is None or found[2].startswith("//"):  # "https://...": a link, not a field
            return {}, text
        last = found[1].strip().lower().replace(" ", "_").replace("-", "_")
        fields[last] = found[2].strip()
    known = [(_HEADER_NAMES[name], value) for name, value in fields.items() if name in _HEADER_NAMES]
    if not known:
        return {}, text
    picked = {field: value for field, value in reversed(known) if value}  # the first line of a field wins
    return picked, "\n".join(lines[blank + 1 :])


#: A header line's key (lower case) to the article field it gives.
_HEADER_NAMES = {
    candidate: name for name, candidates in FIELD_NAMES.items() if name != "text" for candidate in candidates
} | {"published_at": "published", "pubdate": "published", "publication_date": "published"}


def _check_yaml_bounds(origin: str, head: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before anything is built: an
    alias bomb is small until it is expanded, and libyaml builds nested nodes by C recursion (30,000
    brackets crash the process)."""
    depth = 0
    for event in yaml.parse(head, Loader=_FrontMatterLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise InputError(origin, "front matter uses YAML anchors or aliases, which are not read")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise InputError(origin, f"front matter is nested too deeply (over {MAX_FRONT_MATTER_DEPTH})")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


# --- CMS records --------------------------------------------------------------------------------------


def pick_fields(record: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The article's fields from a JSON record: the user's names first, else the common CMS names."""
    picked: dict[str, Any] = {}
    for name, candidates in FIELD_NAMES.items():
        for candidate in (fields[name],) if name in fields else candidates:
            value = _lookup(record, candidate)
            if value is not None and value != "":
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


# --- the Article --------------------------------------------------------------------------------------


def to_article(origin: str, fields: Mapping[str, Any]) -> Article:
    """The Article an input's fields make, or an InputError naming `origin` (no text, or too little)."""
    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(origin, f"the text field is {_kind_of(text)}, not article text")
    text = (text or "").strip()
    if not text:
        raise InputError(origin, "empty: no article text")
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputError(
            origin,
            f"too little article text ({len(text)} characters, fewer than {MIN_ARTICLE_CHARS}): "
            "a teaser or a stub is not an article to summarise",
        )
    try:
        return Article(
            id=article_id(text),
            text=text,
            title=_meta(origin, "title", fields.get("title"), MAX_META_CHARS),
            source=_meta(origin, "source", fields.get("source"), MAX_META_CHARS),
            url=_meta(origin, "url", fields.get("url"), MAX_URL_CHARS, cut=False),
            author=_meta(origin, "author", fields.get("author"), MAX_META_CHARS),
            published=_date(origin, fields.get("published")),
            origin=origin,
        )
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise InputError(origin, problems) from None


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _meta(origin: str, name: str, value: Any, limit: int, *, cut: bool = True) -> str | None:
    """A metadata field as one short string: cut to `limit` (or dropped, when a cut would make it
    wrong), with a warning; a list or an object is not a title, and is dropped."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        logger.warning("%s: ignoring the %s: %s, not text", origin, name, _kind_of(value))
        return None
    text = str(value).strip()
    if len(text) <= limit:
        return text or None
    if not cut:
        logger.warning("%s: ignoring the %s: %d characters, more than %d", origin, name, len(text), limit)
        return None
    logger.warning("%s: %s cut to %d characters from %d", origin, name, limit, len(text))
    return text[: limit - 1].rstrip() + "…"


def _date(origin: str, value: Any) -> datetime | None:
    """A date as datetime when it can be read; otherwise none, with a warning (the article is kept)."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str) and len(value) <= MAX_DATE_CHARS:
        read = _read_date(value.strip())
        if read is not None:
            return read
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    logger.warning("%s: ignoring the date %s: not a full date that can be read", origin, shown)
    note_unread_date(origin, shown)
    return None


def _read_date(text: str) -> datetime | None:
    """ISO 8601, RFC 2822 (feeds, CMS exports), or as people write it: 'Aug 6, 2025', '6 August 2025',
    also among words: 'Updated Jul 26, 2023', 'Published: 6 August 2025, 14:05'.

    dateutil fills what a text leaves out from a default ('Tuesday' would become a day this week), so
    it reads the text against two defaults: a date that depends on the default was not in the text.
    """
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)  # knows 'EST'; dateutil would drop it
    except (TypeError, ValueError, IndexError):
        pass
    return _people_date(text, fuzzy=False) or _people_date(text, fuzzy=True)


def _people_date(text: str, *, fuzzy: bool) -> datetime | None:
    """dateutil's reading, the same against both defaults; `fuzzy` skips the words around the date."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dateutil.parser.UnknownTimezoneWarning)
            one, other = (dateutil.parser.parse(text, default=d, fuzzy=fuzzy) for d in _DEFAULT_DAYS)
    except (ValueError, OverflowError):
        return None
    return one if one == other else None


# Two defaults that differ in year, month and day, and agree on the time of day (midnight).
_DEFAULT_DAYS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
