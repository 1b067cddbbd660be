"""Which files a path names: the file itself, or the article files in a folder and the folders in it."""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .notes import note_skipped

__all__ = ["expand", "is_excluded", "is_url"]

logger = logging.getLogger(__name__)

# A scheme and "://": what a URL given as an input looks like (a Windows path, C:\\..., does not).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://.+", re.S)


def is_url(text: str) -> bool:
    """Whether an input names a URL to fetch rather than a path to read (any scheme: fetching then
    refuses all but http and https, by name)."""
    return bool(_URL.fullmatch(text.strip()))


def is_excluded(path: Path, excluded: set[Path]) -> bool:
    """Whether `path` is one of the `excluded` (resolved) paths, or lies under one of them."""
    resolved = path.resolve()
    return resolved in excluded or not excluded.isdisjoint(resolved.parents)


def expand(
    path: Path, suffixes: frozenset[str], *, follow_symlinks: bool = False
) -> Iterator[Path | InputError]:
    """The files a path names: itself, or the files with one of `suffixes` under a folder; errors
    name the path. A link in a folder to a file outside it is not read unless `follow_symlinks`: a
    folder of articles must not send a private file (or /etc/shadow) to the endpoint. A file named
    itself is read wherever it is."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield InputError(str(path), "broken link" if path.is_symlink() else "no such file or folder")
        return
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield from _walk(path, suffixes, follow_symlinks)
    elif stat.S_ISREG(mode):
        yield path
    else:  # a FIFO or a device would block or never end
        yield InputError(str(path), "not a regular file or folder")


def _walk(root: Path, suffixes: frozenset[str], follow_symlinks: bool) -> Iterator[Path | InputError]:
    """Depth first, each folder's entries in name order (the order of sorted paths); hidden names are
    skipped, links to folders are not followed (no loops), links to files outside the folder only
    with `follow_symlinks`, and a folder that cannot be listed or a broken link is an error naming
    it. A stack, not recursion: folders may nest deeper than Python."""
    inside = root.resolve()
    pending = [_listing(root)]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        if isinstance(entry, InputError):
            yield entry
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir, is_file, is_link = entry.is_dir(), entry.is_file(), entry.is_symlink()
        except OSError as error:
            yield InputError(str(path), f"cannot read: {error.strerror or error}")
            continue
        if is_dir and is_link:
            logger.info("not following %s: a link to a folder", path)
        elif is_dir:
            pending.append(_listing(path))
        elif is_link and not path.exists():
            yield InputError(str(path), f"broken link (to {os.readlink(path)})")
        elif is_link and not follow_symlinks and inside not in (target := path.resolve()).parents:
            yield InputError(
                str(path),
                f"a link to {target}, outside the folder {root}: not read (--follow-symlinks reads it)",
                "blocked",
            )
        elif not is_file and path.suffix.lower() in suffixes:
            # Named like an article (a pipe left as today/feed.md): an input not read, so said, never
            # read (a pipe would block the run); it went by in the log alone, even with --strict.
            yield InputError(str(path), "not a regular file (a pipe, a socket or a device): not read")
        elif not is_file:
            logger.info("ignoring %s: not a regular file", path)
        elif path.suffix.lower() in suffixes:
            yield path
        else:
            logger.info("ignoring %s: not an article file type", path)
            note_skipped(path.suffix.lower())


def _listing(folder: Path) -> Iterator[os.DirEntry[str] | InputError]:
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(str(folder), f"cannot read the folder: {error.strerror or error}")
        return
    yield from listed
