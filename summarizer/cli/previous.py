"""The living brief on the command line: which brief a run is compared with (--previous, --no-previous,
or the last one written to the same output, kept in the store), what it writes (--changes-only), what it
remembers for the next run, and the exit status that tells a cron job whether anything changed."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import living  # its names imported on first use: marking waits until the answers are in
from ..config.settings import Settings
from ..errors import UsageError
from ..models import ArticleBriefing, Brief
from ..store import Store, store_for
from .exits import EXIT_FAILURES, EXIT_OK, EXIT_UNCHANGED

__all__ = ["Previous", "find_previous"]


@dataclass
class Previous:
    """The brief a run is compared with (None: none) and where the run's own brief is kept for the next."""

    brief: Brief | None
    #: Where it came from, as the brief says: the file, or 'the last brief written to brief.md'.
    origin: str
    #: Where this run's brief is remembered (None: nowhere, the cache is off).
    store: Store | None
    name: str
    changes_only: bool
    #: The output as the lines name it: 'brief.md', or 'these inputs' for standard output.
    output: str = "this output"
    #: Nothing was kept for this output yet (a first run): said once, after the run.
    first: bool = False
    #: Why a kept brief could not be read: said after the run, which goes on as a first one.
    warning: str | None = None

    def mark(self, brief: Brief, briefings: list[ArticleBriefing] | None = None) -> Brief:
        """The run's brief, marked against the previous one when there is one."""
        if self.brief is None:
            return brief
        return living.mark_changes(brief, self.brief, briefings=briefings or (), origin=self.origin)

    def shown(self, brief: Brief) -> Brief:
        """What is written: the whole brief, or with --changes-only its new and updated stories."""
        return living.changes_only(brief) if self.changes_only else brief

    def remember(self, brief: Brief) -> None:
        """Keep the whole brief (not only what --changes-only showed) for the next run on this output,
        with the previous stories whose articles could not be summarised this time."""
        if self.store is not None:
            living.remember(self.store, self.name, living.kept_for_next(brief, self.brief))

    def warn(self) -> None:
        """A kept brief this version could not read: one line on stderr, even with -q."""
        if self.warning:
            print(f"summarizer: warning: {self.warning}", file=sys.stderr)

    def note(self, brief: Brief) -> str:
        """How the brief stands against the previous one, for the run's closing line: 'since the last
        brief written to brief.md: 1 new, 2 updated, 4 unchanged', or that there was none yet (once:
        the next run has this one)."""
        if self.first:
            return f"no previous brief for {self.output} yet: this one is kept for the next run"
        if self.brief is None:
            return ""
        counts = Counter(story.change.status for story in brief.stories if story.change is not None)
        gone = len(brief.changes.no_longer_reported) if brief.changes else 0
        parts = [f"{counts[status]} {status}" for status in ("new", "updated", "unchanged")]
        parts += [f"{gone} no longer reported"] if gone else []
        return f"since {self.origin}: {', '.join(parts)}"

    def status(self, status: int, brief: Brief, *, kept: bool = False) -> int:
        """With --changes-only, a run that wrote its brief says whether there is anything to send: 0 new
        or updated stories, 5 none (inputs not summarised are named on stderr and in the brief). A run
        that stopped, or summarised nothing and kept the existing output, keeps its own status."""
        if not self.changes_only or kept or status not in (EXIT_OK, EXIT_FAILURES):
            return status
        changed = any(s.change is None or s.change.status != "unchanged" for s in brief.stories)
        return EXIT_OK if changed else EXIT_UNCHANGED


def find_previous(args: argparse.Namespace, settings: Settings, inputs: list[str]) -> Previous:
    """The brief to compare this run with, read before anything is paid for: a --previous file that
    cannot be read is a usage error now, not after the answers came."""
    store = store_for(settings)
    name = living.output_name(args.output, inputs)
    if args.previous and args.no_previous:
        raise UsageError("give --previous FILE or --no-previous, not both")
    if args.previous:
        return Previous(living.read_previous(args.previous), args.previous, store, name, args.changes_only)
    if args.no_previous:
        return Previous(None, "", store, name, args.changes_only)
    if store is None:
        if args.changes_only:
            raise UsageError(
                "--changes-only needs the previous brief: the cache is off (--no-cache, or a cassette), "
                "so none is remembered; give --previous FILE"
            )
        return Previous(None, "", None, name, False)
    brief, unreadable = living.recall(store, name)
    shown = Path(args.output).name if args.output and args.output != "-" else "these inputs"
    origin = (
        f"the last brief written to {shown}" if shown != "these inputs" else "the last brief of these inputs"
    )
    return Previous(
        brief,
        origin,
        store,
        name,
        args.changes_only,
        shown,
        first=brief is None and not unreadable,
        warning=unreadable,
    )
