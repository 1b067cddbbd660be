"""How the living brief's marks read: each story's status and what changed ('dead: 61 (Europe 1, 9 Sep)
→ 90 (BBSNews, 10 Sep)'), the count against the previous brief, the stories no longer reported."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time

from ..models import (
    AttributedEvent,
    AttributedQuote,
    Brief,
    Disagreement,
    FigureReport,
    NoLongerReported,
    Story,
)
from .outlets import short_name

__all__ = ["BriefChangesView", "StoryChangeView", "brief_changes", "story_change"]


@dataclass(frozen=True)
class FigureLine:
    fact: str
    old: str
    old_by: str
    new: str
    new_by: str


@dataclass(frozen=True)
class StoryChangeView:
    """A story's mark as the brief shows it."""

    status: str
    figures: list[FigureLine] = field(default_factory=list)
    new_outlets: list[str] = field(default_factory=list)
    new_quotes: list[AttributedQuote] = field(default_factory=list)
    new_timeline: list[AttributedEvent] = field(default_factory=list)
    new_disagreements: list[Disagreement] = field(default_factory=list)
    #: How many other stories of the previous brief it joined; whether it split from one.
    joined: int = 0
    split: bool = False


@dataclass(frozen=True)
class Gone:
    headline: str
    outlets: list[str]
    last: str


@dataclass(frozen=True)
class BriefChangesView:
    """The brief against the previous one: which, how many stories stand how, which are gone."""

    origin: str
    counts: list[tuple[int, str]]
    gone: list[Gone]
    left_out: int


def story_change(story: Story, brief: Brief) -> StoryChangeView | None:
    """The story's mark, when the brief was compared with a previous one."""
    change = story.change
    if change is None or brief.changes is None or brief.changes.previous is None:
        return None
    kept = story.id in change.continues
    return StoryChangeView(
        status=change.status,
        figures=[
            FigureLine(figure.fact, figure.old.value, _by(figure.old), figure.new.value, _by(figure.new))
            for figure in change.figures
        ],
        new_outlets=list(dict.fromkeys(map(short_name, change.new_outlets))),
        new_quotes=change.new_quotes,
        new_timeline=change.new_timeline,
        new_disagreements=change.new_disagreements,
        joined=len(change.continues) - 1 if kept else 0,
        split=bool(change.continues) and not kept,
    )


def brief_changes(brief: Brief) -> BriefChangesView | None:
    """What the brief says once about the previous brief, when it was compared with one."""
    changes = brief.changes
    if changes is None or changes.previous is None:
        return None
    statuses = Counter(story.change.status for story in brief.stories if story.change is not None)
    counts = [(statuses[status], status) for status in ("new", "updated", "unchanged") if statuses[status]]
    return BriefChangesView(
        origin=changes.previous.origin,
        counts=counts,
        gone=[_gone(story) for story in changes.no_longer_reported],
        left_out=changes.unchanged_left_out,
    )


def _by(report: FigureReport) -> str:
    """Who reported a figure, and when: 'AP, 9 Sep 22:00'."""
    outlets = ", ".join(dict.fromkeys(map(short_name, report.sources)))
    return f"{outlets}, {_moment(report.published)}" if report.published else outlets


def _moment(when: datetime) -> str:
    day = f"{when.day} {when:%b}"
    return day if when.timetz() == time(0, tzinfo=when.tzinfo) else f"{day} {when:%H:%M}"


def _gone(story: NoLongerReported) -> Gone:
    published = [ref.published for ref in story.sources if ref.published is not None]
    last = max(published, key=lambda moment: moment.replace(tzinfo=None)) if published else None
    outlets = list(dict.fromkeys(short_name(ref.source) for ref in story.sources))
    return Gone(story.headline, outlets, _moment(last) if last else "")
