"""The store: what a run keeps between runs (answers, syntheses, embeddings, fetch records),
behind one protocol with a registry of backends.

cache.py is the protocol, the file backend and the registry; sqlite.py the SQLite backend for stores
that many processes share; atomic.py writes files so that no reader sees half of one.
May import: models, errors, config.
"""

from .base import Store, answer_key
from .files import FileStore
from .leases import LEASE_SECONDS, Leases, lease_alive, lease_owner
from .registry import open_store, register_store, store_for
from .sqlite import SQLiteStore

__all__ = [
    "LEASE_SECONDS",
    "FileStore",
    "Leases",
    "SQLiteStore",
    "Store",
    "answer_key",
    "lease_alive",
    "lease_owner",
    "open_store",
    "register_store",
    "store_for",
]
