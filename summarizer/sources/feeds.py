"""RSS and Atom feeds: one article's fields per entry, from the entry's full content where it has it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from ..errors import InputError
from .pages import MIN_ARTICLE_CHARS, html_to_text, looks_like_html

__all__ = ["FeedEntry", "feed_entries", "looks_like_feed", "read_feed"]


@dataclass
class FeedEntry:
    """One entry of a feed: where it is, its fields, and whether they hold the full article."""

    where: str
    fields: dict[str, Any]
    #: The entry's guid, else its link, else where it is: what tells two fetches' entries apart.
    key: str
    link: str | None
    #: The feed holds the article's full text (else only a teaser, and the link is where the text is).
    full: bool


#: What the bytes feedparser is given are: the text, already decoded, encoded again as UTF-8.
_AS_UTF8 = "application/xml; charset=utf-8"


def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(origin: str, xml: str, base: str | None = None) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries, in feed order; an InputError when it is not a feed at all.
    Relative links are resolved against `base` (where a fetched feed came from).

    An entry's text is its full content (content:encoded, Atom content) where the feed has it, else its
    summary; the feed's title is each entry's source.
    """
    import feedparser  # here, not with the module: a run over files reads no feed

    # Bytes, never the str: feedparser fetches a str that parses as a URL and opens one that names a
    # file, so a "feed" whose text is http://169.254.169.254/... would be a request nothing checked.
    parsed = feedparser.parse(xml.encode("utf-8"), response_headers={"content-type": _AS_UTF8})
    if parsed.bozo and not parsed.entries:
        raise InputError(origin, f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}")
    source = parsed.feed.get("title")
    entries = []
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{number}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        text = html_to_text(body) if looks_like_html(body) else body.strip()
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(stamp), UTC).replace(tzinfo=None) if stamp else None
        )
        link = entry.get("link") or None
        if link and base:
            link = urljoin(base, link)
        fields = {"text": text, "title": entry.get("title"), "url": link, "author": entry.get("author"),
                  "published": published, "source": source}  # fmt: skip
        key = entry.get("id") or link or where
        entries.append(FeedEntry(where, fields, key, link, len(text) >= MIN_ARTICLE_CHARS))
    return source, entries


def feed_entries(origin: str, xml: str) -> list[tuple[str, dict[str, Any] | InputError]]:
    """One record per entry: (where, fields), or (where, the error) for an entry with too little text."""
    _, entries = read_feed(origin, xml)
    if not entries:
        raise InputError(origin, "the feed has no entries")
    return [(entry.where, entry.fields if entry.full else _teaser(entry)) for entry in entries]


def _teaser(entry: FeedEntry) -> InputError:
    link = entry.link or entry.fields.get("title") or "the entry"
    reason = (
        f"the feed holds only {len(entry.fields['text'])} characters for {link}: no full content to "
        "summarise (save the article's page and pass that instead)"
    )
    return InputError(entry.where, reason)
