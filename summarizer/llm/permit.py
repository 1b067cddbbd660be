"""A request's leave to go out, and the longest a server may make the run wait for one."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MAX_RETRY_AFTER", "Permit"]


#: The longest a server may make the run wait, in seconds: one pause (a 429's retry-after, or a reset
#: header while the limit is unknown), and all the waits the 429s of one request ask for, added up.
#: OpenAI's limits are per minute (its buckets refill within 60 s), so a rate limit never needs more
#: than a minute; twice that leaves a gateway room to round. A longer wait is a daily quota, a
#: maintenance window or a broken or hostile server (`retry-after: 999999`): honoured, it would hang the
#: run. So a pause is cut to it, and a request that would wait past it fails instead (its article is
#: listed with the reason; a rerun later resumes), pausing nobody.
MAX_RETRY_AFTER = 120.0


@dataclass(frozen=True)
class Permit:
    """One request's leave to go out; hand it back to `settle` or `rejected`."""

    #: This request's place among all the run's requests (1 for the first).
    number: int
    #: The tokens the request was estimated to use, charged to the token bucket until settled.
    tokens: int
    #: The pace it went out at (requests a second); None: unpaced.
    pace: float | None
    #: How many cuts of the pace had happened when it went out: a 429 for a request sent before the
    #: latest cut says nothing about the current pace.
    cuts: int
