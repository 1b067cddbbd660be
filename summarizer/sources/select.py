"""The articles of a run: read from its inputs, and those inside its date window kept."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any

from ..config.settings import Settings
from ..errors import UsageError
from ..models import Article
from ..store import store_for
from .ingest import SUFFIXES, Ingested, aread_articles, read_articles
from .paths import is_url

__all__ = ["Paths", "aselect_articles", "select_articles"]

#: One input or several: files, folders, "-" for stdin, URLs of pages and feeds.
Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def select_articles(
    paths: Paths,
    settings: Settings,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
) -> tuple[Ingested, list[Article], list[Article]]:
    """What reading the inputs gave, the articles inside the settings' window, and those left out
    (outside the window, or undated with `settings.undated` "drop"). Paths in `exclude` (the run's own
    output) are not read."""
    paths = _listed(paths)
    ingested = read_articles(paths, fields=fields, exclude=exclude, **_fetching(settings, paths, feeds))
    return _select(ingested, settings, paths)


async def aselect_articles(
    paths: Paths,
    settings: Settings,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
) -> tuple[Ingested, list[Article], list[Article]]:
    """select_articles on the caller's event loop (URLs are fetched there)."""
    paths = _listed(paths)
    ingested = await aread_articles(
        paths, fields=fields, exclude=exclude, **_fetching(settings, paths, feeds)
    )
    return _select(ingested, settings, paths)


def _listed(paths: Paths) -> list[str | PathLike[str]]:
    """The inputs as a list: read once, and named again when they hold no article."""
    return [paths] if isinstance(paths, (str, PathLike)) else list(paths)


def _fetching(settings: Settings, paths: list[str | PathLike[str]], feeds: Paths) -> dict[str, Any]:
    """How a run reads its inputs: its fetch policy and window, the fetch records kept in its cache
    (no cache, no conditional requests), and whether links may lead out of a folder. The store is
    opened only when there is something to fetch: a run of files opens it once, for its briefings."""
    feed_lists = [feeds] if isinstance(feeds, (str, PathLike)) else list(feeds)
    fetches = bool(feed_lists) or any(is_url(os.fspath(path)) for path in paths)
    store = store_for(settings) if fetches else None
    return {
        "feeds": feed_lists,
        "fetch": settings.fetch,
        "store": store,
        "window": settings.window,
        "follow_symlinks": settings.follow_symlinks,
    }


def _select(
    ingested: Ingested, settings: Settings, paths: Sequence[str | PathLike[str]] = ()
) -> tuple[Ingested, list[Article], list[Article]]:
    if not ingested.articles and not ingested.failures and not ingested.feeds:
        # (A feed with nothing new in the window is not a mistake: an hourly run makes an empty brief.)
        names = ", ".join(os.fspath(path) for path in paths[:3]) + (", ..." if len(paths) > 3 else "")
        raise UsageError(
            f"no articles found in {names or 'the given paths'} (articles are "
            f"{' '.join(sorted(SUFFIXES))} files)"
        )

    def keeps(article: Article) -> bool:
        if article.published is None:
            return settings.undated == "keep"
        return settings.window.keeps(article)

    kept = [article for article in ingested.articles if keeps(article)]
    left_out = [article for article in ingested.articles if not keeps(article)]
    return ingested, kept, left_out
