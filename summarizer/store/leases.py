"""Claims on answers being asked for, so that two runs sharing a store do not pay twice for one answer.

A run claims an answer's key before it asks for it; another run that finds the claim waits for the
answer instead of asking too. A claim lapses unless renewed, so a run that died frees its claims.
"""

from __future__ import annotations

import os
import secrets
import socket
from typing import Protocol, runtime_checkable

__all__ = ["LEASE_SECONDS", "Leases", "lease_alive", "lease_owner"]


#: How long a claim on an answer being asked for holds without being renewed: a run renews its claims
#: every third of it, so only a run that stopped (killed, crashed, its machine gone) lets one lapse,
#: and another run takes the answer over at most this long after. A claim of a process that is known
#: to be gone (same host, no such pid) is taken over at once.
LEASE_SECONDS = 30.0


@runtime_checkable
class Leases(Protocol):
    """What a store shared by several runs may add, so that two runs do not pay twice for one answer:
    a claim on a key while its answer is being asked for. Optional: a store without it is used as it is."""

    def take_lease(self, key: str, seconds: float) -> bool:
        """Claim `key` for `seconds`: True when it is this process's now (free, lapsed, held by a
        process that is gone, or its own), False while another run holds it."""
        ...

    def drop_lease(self, key: str) -> None:
        """Give the claim up (the answer is stored, or could not be had)."""
        ...

    def renew_leases(self, keys: list[str], seconds: float) -> None:
        """Extend this process's claims on `keys` by `seconds` from now."""
        ...


_owner: tuple[int, str] | None = None


def lease_owner() -> str:
    """Who holds a claim: this host, this process, and a token of its own (a pid is reused)."""
    global _owner
    if _owner is None or _owner[0] != os.getpid():
        _owner = (os.getpid(), f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}")
    return _owner[1]


def lease_alive(owner: str) -> bool:
    """Whether the holder of a claim may still be at work: False for a process of this host that is
    gone; True otherwise (another host's is known only by its claim's expiry)."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, someone else's
    return True
