"""What only tests and cassettes need: recording and replaying HTTP exchanges with vcrpy (cassette.py),
replaying them in a user's own tests (replay.py, and pytest_plugin.py, the `pytest11` entry point).
Nothing here is imported by a run unless a cassette is used: `replay` and the errors are imported when
first named, so the pytest plugin can import this package in every pytest run without loading vcrpy.
May import: models, errors, config, llm.
"""

import importlib
import typing
from typing import Literal

#: vcrpy's record modes, as pytest-recording's --record-mode names them. "none" replays only; "once"
#: records a cassette that does not exist and replays one that does; "rewrite" (and "all") records it
#: again. "new_episodes" is taken as "once": a run's cassette is recorded whole (a re-ask follows the
#: answer it corrects), never patched with the requests of another run.
RecordMode = Literal["none", "once", "new_episodes", "all", "rewrite"]
RECORD_MODES: tuple[RecordMode, ...] = typing.get_args(RecordMode)

if typing.TYPE_CHECKING:
    from .errors import CassetteMismatch
    from .replay import Replay, replay

__all__ = ["RECORD_MODES", "CassetteMismatch", "RecordMode", "Replay", "replay"]

_LAZY = {"CassetteMismatch": ".errors", "Replay": ".replay", "replay": ".replay"}

if not typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """Import `replay` (and vcrpy with it) when it is first named, not when the package is."""
        if name not in _LAZY:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
