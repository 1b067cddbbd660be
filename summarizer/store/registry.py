"""Choosing a store by URL: `file:DIR`, `sqlite:PATH`, a bare path, or a scheme another package
registers (`register_store`, or the `summarizer.stores` entry-point group). The pipeline never names a
backend."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from .base import Store
from .files import FileStore
from .sqlite import SQLiteStore

if TYPE_CHECKING:
    from ..config.settings import Settings

__all__ = ["Opener", "open_store", "register_store", "store_for"]

#: Opens a store from what follows `scheme:` in its URL.
Opener = Callable[[str], Store]


_SCHEMES: dict[str, Opener] = {"file": FileStore, "sqlite": SQLiteStore}


def register_store(scheme: str, opener: Opener) -> None:
    """Make `scheme:LOCATION` open a store with `opener(LOCATION)` (say, `s3` for an fsspec store)."""
    if not re.fullmatch(r"[a-z][a-z0-9+.-]+", scheme):
        raise UsageError(f"{scheme!r} is not a store scheme (lower-case letters, at least two)")
    _SCHEMES[scheme] = opener


def _opener(scheme: str) -> Opener | None:
    if scheme in _SCHEMES:
        return _SCHEMES[scheme]
    for point in entry_points(group="summarizer.stores"):
        if point.name == scheme:
            opener: Opener = point.load()
            _SCHEMES[scheme] = opener
            return opener
    return None


def open_store(url: str | Path) -> Store:
    """The store a URL names: `file:DIR`, `sqlite:PATH`, a registered scheme, or a bare path (a folder).

    >>> open_store("sqlite:/srv/summarizer/cache.db")  # doctest: +SKIP
    """
    text = str(url)
    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]+):(.*)", text, re.DOTALL)
    if isinstance(url, Path) or found is None:  # a path; a Windows drive letter is one character
        return FileStore(text)
    scheme, location = found[1].lower(), found[2]
    if scheme in ("file", "sqlite") and location.startswith("//"):
        location = location[2:]  # file:///srv/cache is file:/srv/cache
    if not location:
        raise UsageError(f"the store {text!r} names no location: give {scheme}:PATH")
    opener = _opener(scheme)
    if opener is None:
        known = ", ".join(sorted(_SCHEMES))
        raise UsageError(
            f"unknown store {scheme!r} in {text!r} (known: {known}); an object store needs a package "
            "that registers its scheme"
        )
    return opener(location)


def store_for(settings: Settings) -> Store | None:
    """The run's store: `settings.cache` when set, else the folder `settings.cache_dir`; None when
    `cache_dir` is None (the cache is off: `--no-cache`, a cassette run)."""
    if settings.cache_dir is None:
        return None
    return open_store(settings.cache if settings.cache else Path(settings.cache_dir))
