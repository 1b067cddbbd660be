"""The provider's Batch API as a second transport for the same requests: submit, status, collect.

A batch line's body is exactly the request an online run sends; collecting puts each answer through the
same validation, re-asks and grounding as an online run (the engine takes the batch's answer as the
reply to its exact request), and stores the briefing in the same store under the same key. So `brief` on
the same inputs afterwards costs nothing, and an article is never paid for twice: what is cached or
already in a batch is not sent again, what failed or expired is.

    submit ──► JSONL lines (custom_id = the cache key) ──► transport (API upload, or a file) ──► ledger
    collect ◄── output and error lines ◄── transport ◄── ledger (pending requests)
        └─► engine (answers given; re-asks online, in a follow-up batch, or none) ─► grounding ─► store

submit.py writes and sends the lines, collect.py takes the results, transports.py moves the files (API
or file), ledger.py remembers what was sent, in SQLite beside the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import Article
from ..sync import run_sync
from .collect import Collected, FollowupDeferred, Followups, acollect, batch_brief
from .ledger import BatchRecord, Ledger, ledger_beside
from .submit import (
    ENDPOINT,
    Limits,
    Submitted,
    acancel,
    astatus,
    asubmit,
    batch_line,
    batch_lines,
    custom_id_of,
)
from .transports import ApiTransport, FileTransport, Transport

__all__ = [
    "ENDPOINT",
    "ApiTransport",
    "BatchRecord",
    "Collected",
    "FileTransport",
    "FollowupDeferred",
    "Followups",
    "Ledger",
    "Limits",
    "Submitted",
    "Transport",
    "acancel",
    "acollect",
    "astatus",
    "asubmit",
    "batch_brief",
    "batch_line",
    "batch_lines",
    "cancel",
    "collect",
    "custom_id_of",
    "ledger_beside",
    "status",
    "submit",
]


# --- the synchronous facade --------------------------------------------------------------------------


def submit(articles: Sequence[Article], **options: Any) -> Submitted:
    """The synchronous form of `asubmit`."""
    return run_sync(asubmit(articles, **options))


def status(**options: Any) -> list[BatchRecord]:
    """The synchronous form of `astatus`."""
    return run_sync(astatus(**options))


def collect(**options: Any) -> Collected:
    """The synchronous form of `acollect`."""
    return run_sync(acollect(**options))


def cancel(**options: Any) -> list[BatchRecord]:
    """The synchronous form of `acancel`."""
    return run_sync(acancel(**options))
