"""The living brief: a brief marked against the previous one.

match.py pairs each story with the previous brief's stories it carries on (shared articles, else the
same event told in other words), so a story keeps its id from run to run; tolls.py reads a statement's
tolls with their places, figures.py finds the ones that moved; mark.py marks each story new, updated
(and what changed) or unchanged and lists the stories no longer reported, as a pure function of the
previous brief and the new one; memory.py keeps the last brief written to an output in the run's
store, and reads a brief file named to compare with.
May import: models, errors, text, store, disagree, merge.
"""

import importlib
import typing

if typing.TYPE_CHECKING:  # what type checkers see: the same names, imported eagerly
    from .mark import changes_only, kept_for_next, mark_changes, story_event, with_events
    from .match import Match, match_stories
    from .memory import output_name, read_previous, recall, remember

#: Where each name lives. A name is imported on first use: a run reads its previous brief (memory) before
#: its first request, and marks the new brief (mark, match: the merge's grouping) only once the answers
#: are in, so the first request does not wait for the merge's import (issue #24).
_HOMES = {
    "Match": "match",
    "changes_only": "mark",
    "kept_for_next": "mark",
    "mark_changes": "mark",
    "match_stories": "match",
    "output_name": "memory",
    "read_previous": "memory",
    "recall": "memory",
    "remember": "memory",
    "story_event": "mark",
    "with_events": "mark",
}

__all__ = [
    "Match",
    "changes_only",
    "kept_for_next",
    "mark_changes",
    "match_stories",
    "output_name",
    "read_previous",
    "recall",
    "remember",
    "story_event",
    "with_events",
]


if not typing.TYPE_CHECKING:  # hidden from type checkers, so a misspelt name is still an error for them

    def __getattr__(name: str) -> object:
        """Import `name` from its module on first use, and keep it here for the next time."""
        if name not in _HOMES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
