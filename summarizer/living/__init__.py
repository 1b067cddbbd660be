"""The living brief: a brief marked against the previous one.

match.py pairs each story with the previous brief's stories it carries on (shared articles, else the
same event told in other words), so a story keeps its id from run to run; tolls.py reads a statement's
tolls with their places, figures.py finds the ones that moved; mark.py marks each story new, updated
(and what changed) or unchanged and lists the stories no longer reported, as a pure function of the
previous brief and the new one; memory.py keeps the last brief written to an output in the run's
store, and reads a brief file named to compare with.
May import: models, errors, text, store, disagree, merge.
"""

from .mark import changes_only, kept_for_next, mark_changes, story_event, with_events
from .match import Match, match_stories
from .memory import output_name, read_previous, recall, remember

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
