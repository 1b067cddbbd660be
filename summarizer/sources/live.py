"""Live sources: lists of URLs (OPML or plain text), and each URL read as a page or a feed of articles."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..config.settings import Window
from ..errors import InputError
from ..models import Article
from .feeds import FeedEntry, looks_like_feed, read_feed
from .fields import to_article
from .pages import looks_like_html, page
from .paths import is_url

if TYPE_CHECKING:  # web.fetch (httpcore and its own transport) is imported only when a URL is read
    from ..web.fetch import Fetched, Fetcher

__all__ = ["ACCEPT", "MAX_LIST_BYTES", "FeedReport", "Read", "cap_feeds", "read_url", "read_url_list"]

logger = logging.getLogger(__name__)

#: What a URL may answer with: a page or a feed.
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: A feed list longer than this is not a feed list.
MAX_LIST_BYTES = 16 * 2**20
_OPML = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<opml\b", re.S | re.I)


@dataclass
class FeedReport:
    """What one feed gave in this run, for the run's summary."""

    url: str
    title: str | None = None
    #: Entries in the feed.
    entries: int = 0
    #: Entries not in the feed at the previous run (all of them the first time).
    new: int = 0
    #: Entries published outside the window (--since/--until): neither fetched nor summarised.
    skipped: int = 0
    #: Entries that did not become an article (their page failed, or too little text).
    failed: int = 0
    #: Entries in the window not read because the feed gave more than its cap (FetchPolicy.max_per_feed).
    over_feed_cap: int = 0
    #: Entries not read because the run's feeds had given their cap (FetchPolicy.max_feed_entries).
    over_run_cap: int = 0
    #: False when the feed answered 304 Not Modified, or with the same bytes as last time.
    changed: bool = True


@dataclass
class Read:
    """What one URL gave: articles and the failures naming them, in feed order; the feed's report."""

    items: list[Article | InputError] = field(default_factory=list)
    feed: FeedReport | None = None


# --- lists of URLs -------------------------------------------------------------------------------------


def read_url_list(path: str | Path) -> tuple[list[str], list[InputError]]:
    """The URLs a feed list names, in order and each once: an OPML file's outlines (xmlUrl), or a text
    file of one URL a line (blank lines and # comments skipped). A line that is not a URL is an error
    naming the line; a file that cannot be read, one naming the file."""
    origin = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_LIST_BYTES + 1)
    except OSError as error:
        return [], [InputError(origin, f"cannot read the feed list: {error.strerror or error}")]
    if len(data) > MAX_LIST_BYTES:
        return [], [InputError(origin, f"a feed list larger than {MAX_LIST_BYTES // 2**20} MiB")]
    text = data.decode("utf-8-sig", errors="replace")
    if _OPML.match(text) or Path(path).suffix.lower() == ".opml":
        urls, errors = _opml(origin, data)
    else:
        urls, errors = _lines(origin, text)
    return list(dict.fromkeys(urls)), errors


def _opml(origin: str, data: bytes) -> tuple[list[str], list[InputError]]:
    # No entities, no DTDs, no network: an OPML file is a list, nothing in it is resolved or run.
    import lxml.etree  # here, not with the module: a run over files reads no list of feeds

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        return [], [InputError(origin, f"not a readable OPML file: {error}")]
    urls: list[str] = []
    errors: list[InputError] = []
    for number, outline in enumerate(root.iter("outline"), 1):
        attributes = {str(name).lower(): str(value) for name, value in outline.attrib.items()}
        url = attributes.get("xmlurl") or (
            attributes.get("url") if attributes.get("type") == "link" else None
        )
        if url is None:
            continue  # a folder of outlines
        if is_url(url.strip()):
            urls.append(url.strip())
        else:
            errors.append(InputError(f"{origin}#outline{number}", f"not a URL: {url[:100]!r}"))
    if not urls and not errors:
        errors.append(InputError(origin, "no feeds in the OPML file (no outline with an xmlUrl)"))
    return urls, errors


def _lines(origin: str, text: str) -> tuple[list[str], list[InputError]]:
    urls: list[str] = []
    errors: list[InputError] = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = re.split(r"\s+#", line, maxsplit=1)[0].strip()  # "URL  # a comment"; a URL's own # stays
        if not entry or entry.startswith("#"):
            continue
        if is_url(entry):
            urls.append(entry)
        else:
            errors.append(InputError(f"{origin}:{number}", f"not a URL: {entry[:100]!r}"))
    return urls, errors


# --- one URL: a page, or a feed and the pages of its entries -------------------------------------------


async def read_url(fetcher: Fetcher, url: str, *, window: Window | None = None) -> Read:
    """What a URL gives: one article (a page), or a feed's articles and its report. Every failure is an
    InputError naming the URL (or the entry's link), in the items: nothing is raised."""
    try:
        fetched = await fetcher.fetch(url, accept=ACCEPT)
        if _is_feed(fetched):
            return await _read_feed(fetcher, fetched, window or Window())
        if _is_html(fetched):
            return Read([await _page_article(url, fetched)])
        shown = fetched.content_type or "no content type"
        raise InputError(url, f"not an HTML page or an RSS/Atom feed ({shown})")
    except InputError as error:
        return Read([error])
    except Exception as error:  # a reader choking on what a server sent: this URL's failure, not the run's
        return Read([_unexpected(url, error)])


def _is_feed(fetched: Fetched) -> bool:
    if fetched.content_type in _HTML_TYPES:
        return False
    return fetched.content_type in _FEED_TYPES or looks_like_feed(fetched.text)


def _is_html(fetched: Fetched) -> bool:
    return fetched.content_type in _HTML_TYPES or (
        fetched.content_type in ("", "text/plain", "application/octet-stream")
        and looks_like_html(fetched.text)
    )


async def _page_article(origin: str, fetched: Fetched, defaults: dict[str, Any] | None = None) -> Article:
    """The article on a fetched page. `defaults` (a feed entry's fields) win for what a feed states
    well (title, author, link); the page gives the text, and says itself who published it and when.

    The outlet: the page's (og:site_name, its JSON-LD publisher), else its domain; never the feed's
    title, which names an aggregator or a topic as often as the outlet. The date: the page's metadata
    (sources.pages.page_facts), else the feed entry's, else the server's Last-Modified; never a year
    in the text: an undated page stays undated."""
    # In a thread: a 200 kB page takes trafilatura ~0.4 s, long enough to stall every other fetch of the
    # run (and make their timeouts fire) if it ran on the event loop.
    fields = await asyncio.to_thread(page, origin, fetched.text)
    fields["url"] = fields.get("url") or fetched.final_url
    fields["source"] = fields.get("source") or _site(fetched.final_url)
    entry = defaults or {}
    fields["published"] = fields.get("published") or entry.get("published") or fetched.last_modified
    for name, value in entry.items():
        if name not in ("text", "source", "published") and value:
            fields[name] = value
    return to_article(origin, fields)


def _site(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


async def _read_feed(fetcher: Fetcher, fetched: Fetched, window: Window) -> Read:
    title, entries = await asyncio.to_thread(read_feed, fetched.url, fetched.text, fetched.final_url)
    if not entries:
        raise InputError(fetched.url, "the feed has no entries")
    report = FeedReport(fetched.url, title, entries=len(entries), changed=fetched.changed)
    report.new = sum(entry.key not in fetched.seen_before for entry in entries)
    kept = [entry for entry in entries if window.admits(entry.fields.get("published"))]
    report.skipped = len(entries) - len(kept)
    cap = fetcher.policy.max_per_feed
    if cap is not None and len(kept) > cap:  # the feed's first entries: a feed lists its newest first
        report.over_feed_cap = len(kept) - cap
        kept = kept[:cap]
    items = await asyncio.gather(*(_entry(fetcher, entry) for entry in kept))
    report.failed = sum(isinstance(item, InputError) for item in items)
    fetcher.remember_entries(fetched.url, (entry.key for entry in entries))
    return Read(list(items), report)


def cap_feeds(reads: list[Read], cap: int | None) -> None:
    """At most `cap` entries from all the feeds read, the first feeds' first (the reads in input
    order); each feed's report counts what it lost to the cap."""
    if cap is None:
        return
    left = cap
    for read in reads:
        if read.feed is None:
            continue
        if len(read.items) > left:
            read.feed.over_run_cap = len(read.items) - left
            read.items = read.items[:left]
            read.feed.failed = sum(isinstance(item, InputError) for item in read.items)
        left -= len(read.items)


async def _entry(fetcher: Fetcher, entry: FeedEntry) -> Article | InputError:
    try:
        if entry.full:
            return to_article(entry.where, entry.fields)
        if entry.link is None:
            raise InputError(entry.where, "no full content in the feed, and no link to fetch it from")
        if not fetcher.policy.follow_links:
            raise InputError(
                entry.link,
                f"the feed holds only {len(entry.fields['text'])} characters for it, and following "
                "links is off (follow_links / --no-follow-links)",
            )
        page_fetched = await fetcher.fetch(entry.link, accept=ACCEPT)
        if not _is_html(page_fetched):
            shown = page_fetched.content_type or "no content type"
            raise InputError(entry.link, f"not an HTML page ({shown})")
        return await _page_article(entry.link, page_fetched, entry.fields)
    except InputError as error:
        return error
    except Exception as error:
        return _unexpected(entry.link or entry.where, error)


def _unexpected(origin: str, error: Exception) -> InputError:
    logger.warning("%s could not be read", origin, exc_info=True)
    return InputError(origin, f"could not be read: {type(error).__name__}: {error}"[:500])
