"""The tolls of a story that a newer report gives otherwise than the previous brief did.

Only tolls are compared from one brief to the next (tolls.py reads them): they move as news moves,
while a magnitude or a rate given two ways is more often two outlets at odds than news (those show
under "Reports differ"). The dead and the injured only rise: a later, lower count is an outlet behind
the news.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..models import FigureChange, FigureReport, Story
from .tolls import Figure, Places, story_places, tolls

__all__ = ["figure_changes", "naive"]


@dataclass(frozen=True)
class _Report:
    fact: str
    value: float
    shown: str
    outlet: str
    published: datetime | None
    text: str


def _fact(figure: Figure) -> str:
    return f"{figure.measure} in {figure.place}" if figure.place else figure.measure


def _reports(story: Story, places: Places, general: frozenset[str]) -> dict[str, list[_Report]]:
    """Each outlet's toll for each fact: the first statement that gives it (a briefing lists its facts
    most important first), dated by the outlet's newest article in the story."""
    published: dict[str, datetime | None] = {}
    for ref in story.sources:
        when, this = published.get(ref.source), naive(ref.published)
        published[ref.source] = max(when, this) if when and this else when or this
    found: dict[str, list[_Report]] = {}
    seen: set[tuple[str, str]] = set()
    for point in story.key_points:
        for figure in tolls(point.text, places, general):
            fact = _fact(figure)
            for outlet in point.sources:
                if (fact, outlet) in seen:
                    continue
                seen.add((fact, outlet))
                found.setdefault(fact, []).append(
                    _Report(fact, figure.value, figure.shown, outlet, published.get(outlet), point.text)
                )
    return found


def _current(reports: list[_Report], measure: str) -> _Report:
    """What the reports say a fact stands at: for the dead and the injured, the highest count (the
    latest report of it); for the missing, the latest report (the highest of those as new)."""

    def latest(r: _Report) -> tuple[bool, datetime]:
        return r.published is not None, r.published or datetime.min

    if measure in _RISING:
        return max(reports, key=lambda r: (r.value, latest(r)))
    return max(reports, key=lambda r: (latest(r), r.value))


def _after(new: _Report, old: _Report, measure: str) -> bool:
    """Whether the new report can update the old one: later, or with a higher toll as new as it (an
    undated report came in a later run). The dead and the injured only rise: a later, lower count is an
    outlet behind the news ('at least 45' in the first hour, published the next day), not news."""
    if measure in _RISING and new.value < old.value:
        return False
    if new.published is None or old.published is None:
        return True
    return new.published > old.published or (new.published == old.published and new.value > old.value)


#: Tolls that only rise as news moves; the missing fall as they are found.
_RISING = frozenset(("dead", "injured"))


def naive(moment: datetime | None) -> datetime | None:
    """A time comparable with any other: in UTC, without its zone (a date alone is midnight)."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def figure_changes(previous: list[Story], story: Story, fresh: set[str]) -> list[FigureChange]:
    """The tolls that an outlet with an article new since the previous brief (`fresh`) gives otherwise
    than the previous brief's stories did: for each fact, the previous brief's newest figure against
    the newest new one, when no previous report gave that figure and the new one is not older."""
    places, general = story_places([*previous, story])
    before: dict[str, list[_Report]] = {}
    for old_story in previous:
        for fact, reports in _reports(old_story, places, general).items():
            before.setdefault(fact, []).extend(reports)
    changes = []
    for fact, reports in _reports(story, places, general).items():
        news = [r for r in reports if r.outlet in fresh]
        if fact not in before or not news:
            continue
        measure = fact.split(" in ")[0]
        old, new = _current(before[fact], measure), _current(news, measure)
        if new.value in {r.value for r in before[fact]} or not _after(new, old, measure):
            continue
        changes.append(FigureChange(fact=fact, old=_figure(old, before[fact]), new=_figure(new, news)))
    return changes


def _figure(report: _Report, reports: list[_Report]) -> FigureReport:
    """The report with every outlet that gave the same figure at the same time."""
    alike = [r for r in reports if r.value == report.value and r.published == report.published]
    return FigureReport(
        value=report.shown,
        sources=sorted({r.outlet for r in alike}),
        published=report.published,
        text=report.text,
    )
