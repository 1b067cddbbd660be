"""RSS and Atom feeds: one article's fields per entry, from the entry's full content where it has it."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

import feedparser

from .errors import InputError
from .pages import MIN_ARTICLE_CHARS, html_to_text, looks_like_html

__all__ = ["feed_entries", "looks_like_feed"]


def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def feed_entries(origin: str, xml: str) -> list[tuple[str, dict[str, Any] | InputError]]:
    """One record per entry: (where, fields), or (where, the error) for an entry with too little text.

    The entry's full content (content:encoded, Atom content) is used where the feed has it, else its
    summary; the feed's title is the source.
    """
    parsed = feedparser.parse(xml)
    if parsed.bozo and not parsed.entries:
        raise InputError(origin, f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}")
    source = parsed.feed.get("title")
    records: list[tuple[str, dict[str, Any] | InputError]] = []
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{number}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        text = html_to_text(body) if looks_like_html(body) else body.strip()
        if len(text) < MIN_ARTICLE_CHARS:
            link = entry.get("link") or entry.get("title") or "the entry"
            reason = (
                f"the feed holds only {len(text)} characters for {link}: no full content to summarise "
                "(save the article's page and pass that instead)"
            )
            records.append((where, InputError(where, reason)))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(stamp), UTC).replace(tzinfo=None) if stamp else None
        )
        records.append(
            (where, {"text": text, "title": entry.get("title"), "url": entry.get("link"),
                     "author": entry.get("author"), "published": published, "source": source})
        )  # fmt: skip
    if not records:
        raise InputError(origin, "the feed has no entries")
    return records
