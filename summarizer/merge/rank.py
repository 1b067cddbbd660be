"""What comes first: the stories most widely and most recently reported, and in each story the quotes
most outlets printed from the people it is most about."""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..models import AttributedEntity, AttributedQuote, Story
from ..text.normalize import fold, name_key
from .entities import name_words

__all__ = ["HALF_LIFE_DAYS", "QUOTE_WORDS", "rank_quotes", "rank_stories", "story_score"]

#: A story's weight halves for each day its latest report is older than the brief's newest: a story four
#: outlets reported yesterday weighs as much as one two outlets report today. A judgement for a daily
#: brief (most briefs cover a day or two); not measured against readers.
HALF_LIFE_DAYS = 1.0

#: A quote of fewer words is a fragment ('couple', 'a race against time'): a whole statement of the same
#: standing goes before it.
QUOTE_WORDS = 8


def story_score(story: Story, newest: date | None) -> float:
    """How widely and how recently the story is reported: its outlets, halved for each day its latest
    report is older than `newest` (an undated story counts as of that day)."""
    outlets = len({ref.source for ref in story.sources})
    days = [ref.published.date() for ref in story.sources if ref.published]
    age = (newest - max(days)).days if days and newest else 0
    return float(outlets * 0.5 ** (max(age, 0) / HALF_LIFE_DAYS))


def rank_stories(stories: list[Story]) -> list[Story]:
    """The stories by `story_score`, highest first; then the most outlets, the latest, the fullest, and
    by headline: a stable order."""
    dated = [ref.published.date() for story in stories for ref in story.sources if ref.published]
    newest = max(dated) if dated else None

    def order(story: Story) -> tuple[float, int, int, int, str]:
        days = [ref.published.date() for ref in story.sources if ref.published]
        latest = max(days).toordinal() if days else 0
        outlets = len({ref.source for ref in story.sources})
        return (-story_score(story, newest), -outlets, -latest, -len(story.key_points), fold(story.headline))

    return sorted(stories, key=order)


def rank_quotes(quotes: list[AttributedQuote], cast: list[AttributedEntity]) -> list[AttributedQuote]:
    """The quotes most worth reading first: the most outlets printing them; then one quote of each
    speaker before anyone's second; then a quote the checks found in its article before one they did
    not (grounding 'warn'), the speakers the story is most about (their place in Who's who: the most
    reported first), a whole statement before a fragment of fewer than QUOTE_WORDS words, and the
    merge's order (the lead outlet's first)."""
    standing: dict[str, int] = {}
    for place, entity in enumerate(cast):
        for form in (entity.name, *entity.aliases):
            standing.setdefault(_speaker_key(form, entity.kind == "person"), place)
    base = sorted(
        range(len(quotes)),
        key=lambda i: (
            -len(quotes[i].sources),
            quotes[i].unverified,
            _standing(quotes[i].speaker, standing, len(cast)),
            len(quotes[i].text.split()) < QUOTE_WORDS,
            i,
        ),
    )
    said: Counter[str] = Counter()
    turns: dict[int, int] = {}
    for i in base:
        who = name_key(quotes[i].speaker)
        turns[i] = said[who]
        said[who] += 1
    return [quotes[i] for i in sorted(base, key=lambda i: (-len(quotes[i].sources), turns[i], base.index(i)))]


def _speaker_key(name: str, person: bool) -> str:
    return name_key(name) if person else " ".join(name_words(name.split(",", 1)[0]))


def _standing(speaker: str, standing: dict[str, int], last: int) -> int:
    return min(
        standing.get(_speaker_key(speaker, True), last), standing.get(_speaker_key(speaker, False), last)
    )
