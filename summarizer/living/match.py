"""Which of the previous brief's stories each new story carries on, and so which id it keeps.

Two stories are one event when they share an article; a story that shares none with any of the other
brief's stories is matched by what it tells, as the merge groups briefings (merge.cluster: the same
words, or few words but the same kind of happening at the same place in the same days, and never two
events dated more than ten days apart). A previous story passes its id to the new story that holds
most of its articles; a new story that carries on several keeps the id of the one it holds most of
(they joined), and one that carries on a story whose id went elsewhere gets an id of its own (it split
off), each saying which it carries on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..merge.cluster import cluster, same_story
from ..models import ArticleBriefing, Briefing, Checks, Entity, SourceRef, Story, Usage, story_id
from .figures import naive

__all__ = ["Match", "match_stories"]

#: The weight of a link made by what two stories tell rather than by an article they share: less than
#: any shared article, so that a story goes to the one holding its articles first.
_TOLD_ALIKE = 0.5


@dataclass(frozen=True)
class Match:
    """The new brief's stories against the previous brief's, by index."""

    #: Per new story: the previous stories it carries on, the one whose id it keeps first (if any).
    continues: list[list[int]]
    #: Per new story: its id in the new brief (kept from the previous brief, or its own).
    ids: list[str]
    #: The previous stories nothing carries on: no longer reported.
    dropped: list[int]


def match_stories(previous: list[Story], stories: list[Story]) -> Match:
    """Pair the new stories with the previous ones; the same stories always give the same answer."""
    links: dict[tuple[int, int], float] = {}
    holder: dict[str, list[int]] = defaultdict(list)
    for p, story in enumerate(previous):
        for ref in story.sources:
            holder[ref.article_id].append(p)
    for n, story in enumerate(stories):
        for ref in story.sources:
            for p in holder.get(ref.article_id, ()):
                links[(p, n)] = links.get((p, n), 0) + 1
    linked_old = {p for p, _ in links}
    linked_new = {n for _, n in links}
    old_left = [p for p in range(len(previous)) if p not in linked_old]
    new_left = [n for n in range(len(stories)) if n not in linked_new]
    for p, n in _told_alike([previous[p] for p in old_left], [stories[n] for n in new_left]):
        links[(old_left[p], new_left[n])] = _TOLD_ALIKE

    # Each previous story's id goes to the new story holding most of it (then the larger, then the first).
    heir: dict[int, int] = {}
    by_old: dict[int, list[int]] = defaultdict(list)
    by_new: dict[int, list[int]] = defaultdict(list)
    for p, n in sorted(links):
        by_old[p].append(n)
        by_new[n].append(p)
    for p, successors in by_old.items():
        heir[p] = min(successors, key=lambda n: (-links[(p, n)], -len(stories[n].sources), n))
    continues: list[list[int]] = []
    ids: list[str] = []
    used: set[str] = set()
    for n, story in enumerate(stories):
        carried = sorted(by_new.get(n, []), key=lambda p: (heir[p] != n, -links[(p, n)], p))
        continues.append(carried)
        own = previous[carried[0]].id if carried and heir[carried[0]] == n else story.id
        ids.append(own)
        used.add(own)
    counts = Counter(ids)
    for n, own in enumerate(ids):
        if counts[own] > 1 and (not continues[n] or heir[continues[n][0]] != n):
            ids[n] = _fresh(stories[n], used)  # an id the previous brief gave another story
            used.add(ids[n])
    dropped = [p for p in range(len(previous)) if p not in by_old]
    return Match(continues=continues, ids=ids, dropped=dropped)


def _fresh(story: Story, used: set[str]) -> str:
    articles = [ref.article_id for ref in story.sources]
    own, salt = story_id(articles), 0
    while own in used:
        salt += 1
        own = story_id([*articles, f"#{salt}"])
    return own


def _told_alike(previous: list[Story], stories: list[Story]) -> list[tuple[int, int]]:
    """The (previous, new) pairs that tell one event, among stories that share no article: the merge's
    grouping proposes candidates (blocking by rare words and events, so the work grows with the number
    of stories), and each pair is confirmed on its own."""
    if not previous or not stories:
        return []
    items = [_as_briefing(story) for story in [*previous, *stories]]
    pairs = []
    for group in cluster(items):
        old = [i for i in group if i < len(previous)]
        new = [i for i in group if i >= len(previous)]
        if len(old) == 1 and len(new) == 1:  # the grouping compared these two and joined them
            pairs.append((old[0], new[0] - len(previous)))
            continue
        # Joined through others (a chain): each pair must be one event on its own.
        pairs += [(p, n - len(previous)) for p in old for n in new if same_story(items[p], items[n])]
    return pairs


def _as_briefing(story: Story) -> ArticleBriefing:
    """A story as the merge compares briefings: its headline, summary, points, names and event."""
    # Built without validating again what the brief's own models validated (a third of the time).
    briefing = Briefing.model_construct(
        headline=story.headline,
        summary=story.summary,
        key_points=[point.text for point in story.key_points] or [story.headline],
        entities=[Entity.model_construct(name=e.name, kind=e.kind, role=e.role) for e in story.entities],
        quotes=[],
        timeline=[],
        what_next=[point.text for point in story.what_next],
        topics=story.topics,
        event=story.event,
    )
    published = [moment for ref in story.sources if (moment := naive(ref.published)) is not None]
    latest = max(published, default=None)
    ref = SourceRef.model_construct(
        article_id=story.id, source="", origin="", title=None, url=None, published=latest
    )
    return ArticleBriefing.model_construct(
        ref=ref, briefing=briefing, model="", usage=_NONE, attempts=0, checks=_UNCHECKED, cut_at_tokens=None
    )


# Given, not defaulted: model_construct deep-copies a default on every call.
_NONE, _UNCHECKED = Usage(), Checks()
