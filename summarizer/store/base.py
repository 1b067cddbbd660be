"""The store's protocol and its keys: content-addressed, so a rerun pays only for what changed.

A store is anything with `get`, `put`, `count` and `clear` (the `Store` protocol). Which one a run uses
is a URL-like string (`--cache`, `SUMMARIZER_CACHE`): `file:DIR` (the default: one JSON file per answer),
`sqlite:PATH` (one database file that many processes share), or a bare path (a folder, as `file:`).
Another backend (an object store through fsspec: `s3:`, `gs:`) plugs in by registering its scheme, here
with `register_store` or from another package through the `summarizer.stores` entry-point group; the
pipeline never names a backend.
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol, TypeVar

from pydantic import BaseModel

__all__ = ["FORMAT", "Store", "Stored", "answer_key"]

Stored = TypeVar("Stored", bound=BaseModel)

#: Bump when the stored layout changes: older entries are then simply not found.
FORMAT = 2


def answer_key(kind: str, material: str, fingerprint: str, policy: str) -> str:
    """What makes an answer reusable: what was asked about (an article's text, a story's reports), the
    request's fingerprint (model, mode, prompts, schema) and the grounding policy (it changes what is
    kept). Never where the input was read from."""
    parts = {
        "format": FORMAT,
        "kind": kind,
        "material": hashlib.sha256(material.encode("utf-8")).hexdigest(),
        "request": fingerprint,
        "grounding": policy,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class Store(Protocol):
    """Where answers are kept between runs. The file store is the default; others plug in here.

    `get` of a missing or unreadable entry is None; `put` of the same key twice keeps one entry (the
    last); `count` is (entries, bytes); `clear` removes the entries and nothing else, and refuses a
    place summarizer did not make. A store that cannot be written sets `unwritable` (why), warns once,
    and lets the run go on."""

    #: Where the store is, as a user would write it (`file:/path`, `sqlite:/path/cache.db`).
    url: str
    unwritable: str | None

    def get(self, key: str, kind: type[Stored]) -> Stored | None: ...

    def put(self, key: str, value: BaseModel) -> None: ...

    def count(self) -> tuple[int, int]: ...

    def clear(self) -> int: ...
