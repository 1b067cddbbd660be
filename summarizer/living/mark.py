"""A brief marked against the previous one: each story new, updated (and what changed) or unchanged,
with the id it keeps from run to run, and the previous brief's stories that nothing reports now.

What counts as changed comes from reports the previous brief did not have: an outlet's new article
brings a new outlet, a toll that moved, a quote, a timeline entry or a disagreement not shown before.
A story whose articles were all in the previous brief is unchanged, though fewer of them remain (a
rolling window lets the oldest go), and a story that joined another or split from one is updated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..merge.timeline import SAME_DAY_SIMILARITY
from ..models import (
    ArticleBriefing,
    AttributedEvent,
    AttributedQuote,
    Brief,
    BriefChanges,
    Disagreement,
    FigureChange,
    NewsEvent,
    NoLongerReported,
    PreviousBrief,
    Story,
    StoryChange,
)
from ..text.normalize import fold, statement_frame
from ..text.numbers import figures
from ..text.similarity import jaccard
from .figures import figure_changes, naive
from .match import match_stories

__all__ = ["changes_only", "kept_for_next", "mark_changes", "story_event", "with_events"]


def mark_changes(
    brief: Brief,
    previous: Brief | None,
    *,
    briefings: Iterable[ArticleBriefing] = (),
    origin: str = "the previous brief",
) -> Brief:
    """The brief with each story marked against `previous` (None: there is none, every story is new)
    and keeping the id of the previous story it carries on; its `changes` say which brief it was
    compared with (`origin`: where it came from) and list the previous stories no longer reported.

    `briefings` are the brief's own: each story's event (what, where, when) is taken from them, so
    that the next run can match its stories by the event as well as by their words. Pure: the same
    briefs always give the same marks.

        >>> marked = mark_changes(today, yesterday, briefings=summaries.briefings)  # doctest: +SKIP
        >>> [(s.id, s.change.status) for s in marked.stories]  # doctest: +SKIP
    """
    stories = with_events(brief, briefings).stories
    if previous is None:
        new = [_marked(story, StoryChange(status="new", new_outlets=_outlets(story))) for story in stories]
        return brief.model_copy(update={"stories": new, "changes": BriefChanges()})
    match = match_stories(previous.stories, stories)
    marked = []
    for n, story in enumerate(stories):
        carried = [previous.stories[p] for p in match.continues[n]]
        story = story.model_copy(update={"id": match.ids[n]})
        marked.append(_marked(story, _change(story, carried)))
    failed = {failure.article_id for failure in brief.failures if failure.article_id}
    gone = [
        NoLongerReported(id=old.id, headline=old.headline, sources=old.sources)
        for old in (previous.stories[p] for p in match.dropped)
        # An article that failed this time is not summarised, not unreported: its failure says why.
        if not {ref.article_id for ref in old.sources} & failed
    ]
    published = [naive(ref.published) for ref in previous.sources if ref.published]
    about = PreviousBrief(
        origin=origin, stories=len(previous.stories), latest=max((p for p in published if p), default=None)
    )
    return brief.model_copy(
        update={"stories": marked, "changes": BriefChanges(previous=about, no_longer_reported=gone)}
    )


def kept_for_next(brief: Brief, previous: Brief | None) -> Brief:
    """What the next run is to be compared with: the brief marked against `previous`, and the previous
    stories it has only because their articles could not be summarised this time (a feed down for an
    hour, a spent budget): kept over, so that they are neither new next time nor said to be gone."""
    if previous is None or brief.changes is None or brief.changes.previous is None:
        return brief
    carried = {story_id for s in brief.stories if s.change for story_id in s.change.continues}
    gone = {story.id for story in brief.changes.no_longer_reported}
    over = [s for s in previous.stories if s.id not in carried and s.id not in gone]
    if not over:
        return brief
    known = {(ref.article_id, ref.origin) for ref in brief.sources}
    refs = [ref for s in over for ref in s.sources if (ref.article_id, ref.origin) not in known]
    return brief.model_copy(update={"stories": [*brief.stories, *over], "sources": [*brief.sources, *refs]})


def with_events(brief: Brief, briefings: Iterable[ArticleBriefing]) -> Brief:
    """The brief with each story's event taken from its briefings (a story none of them names keeps
    its own): what the next run matches its stories against, besides their words."""
    events = {item.ref.article_id: item.briefing.event for item in briefings if item.briefing.event}
    if not events:
        return brief
    return brief.model_copy(update={"stories": [_with_event(story, events) for story in brief.stories]})


def changes_only(brief: Brief) -> Brief:
    """The brief of its new and updated stories alone (an hourly alert), with their sources and the
    stories no longer reported; what was left out as unchanged is counted in `changes`."""
    kept = [s for s in brief.stories if s.change is None or s.change.status != "unchanged"]
    ids = {ref.article_id for story in kept for ref in story.sources}
    changes = brief.changes or BriefChanges()
    return brief.model_copy(
        update={
            "stories": kept,
            "sources": [ref for ref in brief.sources if ref.article_id in ids],
            "articles": [report for report in brief.articles if report.article_id in ids],
            "changes": changes.model_copy(
                update={"unchanged_left_out": changes.unchanged_left_out + len(brief.stories) - len(kept)}
            ),
        }
    )


def story_event(events: Sequence[NewsEvent]) -> NewsEvent | None:
    """A story's event from its briefings': every way they name what happened and where, and the
    earliest day they give (the day it happened; later reports date it the same or later)."""
    if not events:
        return None
    days = [e.when for e in events if e.when]
    full = [day for day in days if len(day) >= 10]  # a day rather than a month ('2017-09')
    wheres = "; ".join(_unique(e.where for e in events if e.where)) or None
    when = min(full or days) if days else None
    return NewsEvent(what="; ".join(_unique(e.what for e in events)), where=wheres, when=when)


def _with_event(story: Story, events: dict[str, NewsEvent]) -> Story:
    found = [events[ref.article_id] for ref in story.sources if ref.article_id in events]
    return story.model_copy(update={"event": story_event(found) or story.event})


def _marked(story: Story, change: StoryChange) -> Story:
    return story.model_copy(update={"change": change})


def _change(story: Story, carried: list[Story]) -> StoryChange:
    """What is new in a story since the previous stories it carries on."""
    if not carried:
        return StoryChange(status="new", new_outlets=_outlets(story))
    known = {ref.article_id for old in carried for ref in old.sources}
    fresh = {ref.source for ref in story.sources if ref.article_id not in known}
    before = {ref.source for old in carried for ref in old.sources}
    moved = figure_changes(carried, story, fresh)
    change = StoryChange(
        status="updated",
        continues=[old.id for old in carried],
        figures=moved,
        new_outlets=[outlet for outlet in _outlets(story) if outlet not in before],
        new_quotes=[q for q in story.quotes if fresh & set(q.sources) and not _quoted(q, carried)],
        new_timeline=[e for e in story.timeline if fresh & set(e.sources) and not _dated(e, carried)],
        new_disagreements=[
            d
            for d in story.disagreements
            if any(fresh & set(r.sources) for r in d.reports) and not _shown(d, carried, moved)
        ],
    )
    regrouped = len(carried) > 1 or story.id != carried[0].id  # joined another, or split from one
    news = change.figures or change.new_outlets or change.new_quotes or change.new_timeline
    if news or change.new_disagreements or regrouped:
        return change
    return change.model_copy(update={"status": "unchanged"})


def _outlets(story: Story) -> list[str]:
    return _unique(ref.source for ref in story.sources)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _quoted(quote: AttributedQuote, carried: list[Story]) -> bool:
    """The previous stories had the quote, or a fuller or shorter piece of it."""
    words = fold(quote.text)
    return any(words in fold(q.text) or fold(q.text) in words for old in carried for q in old.quotes)


def _dated(entry: AttributedEvent, carried: list[Story]) -> bool:
    """The previous stories had an entry for the same moment that tells the same happening."""
    frame = statement_frame(entry.event)
    return any(
        e.date == entry.date and jaccard(frame, statement_frame(e.event)) >= SAME_DAY_SIMILARITY
        for old in carried
        for e in old.timeline
    )


def _shown(disagreement: Disagreement, carried: list[Story], moved: list[FigureChange]) -> bool:
    """Nothing in the disagreement is news beside the figures that changed: a toll that rose (told by
    its change), one a previous disagreement already gave every version of (an outlet may have joined
    one of them), or one whose only new versions are figures that changed ('32 vs 20' before, '32 vs 20
    vs 61' now that a later report gives 61; each state's toll, each state's figure changed)."""
    if disagreement.progression:
        return True
    values = {fold(report.value) for report in disagreement.reports}
    before = [
        {fold(report.value) for report in old.reports} for story in carried for old in story.disagreements
    ]
    if any(values <= shown for shown in before):
        return True
    new = {v for value in values - set().union(*before) for v in figures(value)}
    told = {v for change in moved for report in (change.old, change.new) for v in figures(report.value)}
    return bool(new) and new <= told
