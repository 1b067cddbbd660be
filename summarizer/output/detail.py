"""What a story shows at each detail: everything (`full`), or what an editor reads on the first screen
(`brief`): the top of each ranked list, within a budget of lines, and how many more the full brief has.

The merge ranks each list (key points by how many outlets give them, quotes by merge.rank, Who's who
by merge.actors); this module only cuts them. Nothing is dropped from the brief's JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..models import AttributedEntity, AttributedEvent, AttributedQuote, Point, Story
from .changes import StoryChangeView

__all__ = [
    "CAPS",
    "DETAILS",
    "LEAD_LINES",
    "LEAD_STORIES",
    "STORY_LINES",
    "Cut",
    "Detail",
    "cut",
    "fixed_lines",
]

#: "brief": what an editor reads on the first screen, ranked and capped; "full": every item.
Detail = Literal["brief", "full"]

DETAILS: tuple[Detail, ...] = ("brief", "full")

#: The most each section of a story shows in the brief detail.
CAPS = {"key_points": 5, "quotes": 4, "entities": 8, "timeline": 5, "what_next": 3}

#: How a story over its lines is cut: each step takes items off one section, while the story is over,
#: down to the number given. A long section is shortened before a short one is dropped, what's next and
#: the timeline give way before Who's who, Who's who before the quotes, and the key points keep three.
_CUTS: tuple[tuple[str, int], ...] = (
    ("what_next", 2),
    ("entities", 5),
    ("timeline", 3),
    ("quotes", 3),
    ("entities", 4),
    ("what_next", 0),
    ("timeline", 2),
    ("key_points", 4),
    ("entities", 3),
    ("timeline", 0),
    ("quotes", 2),
    ("entities", 2),
    ("key_points", 3),
    ("quotes", 1),
    ("entities", 0),
)
_UNITS = {
    "key_points": ("key point", "key points"),
    "quotes": ("quote", "quotes"),
    "entities": ("name in Who's who", "names in Who's who"),
    "timeline": ("timeline entry", "timeline entries"),
    "what_next": ("item of what's next", "items of what's next"),
}
_LABELS = {
    "quotes": "quotes",
    "entities": "Who's who",
    "timeline": "the timeline",
    "what_next": "what's next",
}

#: The lines a story may take in the brief detail (its "## N." heading to the next story's): the
#: LEAD_STORIES first stories LEAD_LINES, every other one STORY_LINES. An editor reads the lead stories
#: in depth and scans the rest: the targets of issue #23, biggest at most 40 lines and median at most 25,
#: measured by benchmarks/editor.py on 46 stories of four corpora.
LEAD_STORIES = 5
LEAD_LINES = 40
STORY_LINES = 25


@dataclass(frozen=True)
class Cut:
    """A story's sections as shown, and how many of each the full brief has beyond them."""

    key_points: list[Point]
    quotes: list[AttributedQuote]
    entities: list[AttributedEntity]
    timeline: list[AttributedEvent]
    what_next: list[Point]
    more: dict[str, int] = field(default_factory=dict)
    topics: bool = True
    #: The full detail: each key point with the other outlets' wordings joined into it.
    full: bool = False

    @property
    def left_out(self) -> str:
        """What the full brief has beyond this, in words: '12 key points, 1 quote, 9 names in Who's who'."""
        return ", ".join(f"{count} {_UNITS[name][count != 1]}" for name, count in self.more.items() if count)

    @property
    def hidden(self) -> list[str]:
        """The sections the cut left out whole, as the story's last line names them."""
        return [label for name, label in _LABELS.items() if self.more.get(name) and not getattr(self, name)]


def cut(story: Story, key_points: list[Point], detail: Detail, number: int, fixed_lines: int) -> Cut:
    """The story's sections at `detail`. `key_points` are ranked; `number` is the story's place in the
    brief, `fixed_lines` the lines its heading, change, sources, summary and disagreements take.

    In the brief detail Who's who names the people and organisations that act in the story (not the
    places, not those only listed): `story.entities` are in Who's who's order already.
    """
    every: dict[str, Sequence[object]] = {
        "key_points": key_points,
        "quotes": story.quotes,
        "entities": story.entities,
        "timeline": story.timeline,
        "what_next": story.what_next,
    }
    if detail == "full":
        return Cut(**every, full=True)  # type: ignore[arg-type]
    actors = [e for e in story.entities if e.kind != "place" and not e.mentioned_only]
    ranked: dict[str, Sequence[object]] = {
        **every,
        "entities": actors,
        "timeline": _timeline_ranked(story.timeline),
    }
    shown = {name: min(len(items), CAPS[name]) for name, items in ranked.items()}
    budget = (LEAD_LINES if number <= LEAD_STORIES else STORY_LINES) - fixed_lines
    for name, down_to in _CUTS:
        while _lines(shown, every) > budget and shown[name] > down_to:
            shown[name] -= 1
    kept = {name: list(ranked[name][: shown[name]]) for name in ranked}
    # The timeline reads in time order, whichever of its entries the cut kept.
    kept["timeline"] = [e for e in story.timeline if e in kept["timeline"]]
    more = {name: len(every[name]) - shown[name] for name in every if len(every[name]) > shown[name]}
    return Cut(**kept, more=more, topics=False)  # type: ignore[arg-type]


def _timeline_ranked(timeline: list[AttributedEvent]) -> list[AttributedEvent]:
    """The timeline's entries the most outlets give first, then the dated, then in time order."""
    order = {id(e): i for i, e in enumerate(timeline)}
    return sorted(timeline, key=lambda e: (-len(e.sources), e.date is None, order[id(e)]))


def _lines(shown: dict[str, int], every: dict[str, Sequence[object]]) -> int:
    """The lines the sections take as the template writes them: a heading and a blank line, the items,
    a "more" line when the full brief has more, and a blank line."""
    total = 0
    for name, count in shown.items():
        if count:
            total += 3 + count + (1 if len(every[name]) > count else 0)
    hidden = any(count == 0 and every[name] for name, count in shown.items())
    return total + (2 if hidden else 0)


def fixed_lines(story: Story, change: StoryChangeView | None) -> int:
    """The lines of a story that no cap shortens, as the template writes them: its heading, the living
    brief's mark, "Reported by", the summary, "Reports differ" and "Over the days", each followed by a
    blank line."""
    lines = 2 + 2 + len(story.summary.strip().splitlines()) + 1
    differ = [d for d in story.disagreements if len(d.reports) > 1 and not d.progression]
    moved = [d for d in story.disagreements if d.progression]
    lines += sum(3 + len(group) for group in (differ, moved) if group)
    if change is not None:
        lines += 2
        if change.status not in ("new", "unchanged"):
            listed = len(change.figures) + len(change.new_quotes) + len(change.new_timeline)
            listed += len(change.new_disagreements) + bool(change.new_outlets) + bool(change.joined)
            lines += listed + change.split + 1
    return lines
