"""Merge the briefings of many articles into one brief: stories across outlets, claims with their sources."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations

from .models import (
    ArticleBriefing,
    ArticleReport,
    AttributedEvent,
    AttributedQuote,
    Brief,
    EntityKind,
    Failure,
    Person,
    Point,
    Quote,
    SourceRef,
    Story,
    Usage,
)

__all__ = ["merge_briefings", "name_key", "same_story"]

STOPWORDS = frozenset(
    (
        "a an and are as at be been but by for from had has have he her his in into is it its of on or "
        "said says she that the their them they this to was were will with would could should after before "
        "than then there also over about who what when which while more most not no new one two"
    ).split()
)
# Words that precede a name without being part of it: 'President Donald Trump' is Trump.
TITLES = frozenset(
    (
        "president vice prime minister secretary chancellor senator rep representative governor mayor "
        "mr mrs ms dr sir dame lord lady king queen prince princess pope general gen press spokesman "
        "spokeswoman spokesperson envoy special us u.s. foreign state the"
    ).split()
)

#: Word overlap above which two points, or two whole briefings, say the same thing.
POINT_SIMILARITY = 0.5
STORY_SIMILARITY = 0.18
STORY_SHARED_NAMES = 0.4


def merge_briefings(briefings: Iterable[ArticleBriefing], failures: Sequence[Failure] = ()) -> Brief:
    """Cluster briefings into stories and merge each story's points, quotes, people and timeline.

    Pure and deterministic: the same briefings, in any order, give the same brief.
    """
    ordered = sorted(briefings, key=_briefing_order)
    clusters = _cluster(ordered)
    stories = sorted((_story(cluster) for cluster in clusters), key=_story_weight)
    usage = sum((item.usage for item in ordered), Usage())
    sources = sorted({item.ref for item in ordered}, key=_ref_order)
    reports = [
        ArticleReport(
            source=item.ref.source,
            origin=item.ref.origin,
            article_id=item.ref.article_id,
            model=item.model,
            usage=item.usage,
            attempts=item.attempts,
            checks=item.checks,
            cut_at_tokens=item.cut_at_tokens,
        )
        for item in sorted(ordered, key=lambda item: (_fold(item.ref.source), item.ref.origin))
    ]
    return Brief(
        stories=stories,
        sources=sources,
        failures=sorted(failures, key=lambda f: (f.origin, f.kind, f.reason)),
        articles=reports,
        usage=usage,
    )


# --- normalising text --------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")


def _fold(text: str) -> str:
    """Lower case, accents and curly quotes removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _words(text: str) -> set[str]:
    """The content words of a text, crudely singularised, for overlap measures."""
    words = set()
    for word in _WORD.findall(_fold(text)):
        word = word.removesuffix("'s")
        if word in STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def name_key(name: str) -> str:
    """A key under which spellings of one name meet: titles dropped, the surname, doubled letters folded.

    'President Donald Trump', 'Donald Trump' and 'Mr Trump' give 'trump'; 'Zelenskyy' and 'Zelensky'
    give 'zelensky'.
    """
    parts = [part for part in re.findall(r"[a-z0-9'.-]+", _fold(name)) if part not in TITLES]
    if not parts:
        return _fold(name).strip()
    return re.sub(r"(.)\1+", r"\1", parts[-1].strip(".'-"))


def _names(item: ArticleBriefing) -> set[str]:
    return {name_key(e.name) for e in item.briefing.entities if e.kind != "place"}


def _signature(item: ArticleBriefing) -> set[str]:
    b = item.briefing
    return _words(" ".join([b.headline, b.summary, *b.key_points]))


# --- clustering ----------------------------------------------------------------------------------


def same_story(a: ArticleBriefing, b: ArticleBriefing) -> bool:
    """Whether two briefings report the same event: shared people *and* shared content, not a name alone."""
    names_a, names_b = _names(a), _names(b)
    shared = len(names_a & names_b) / min(len(names_a), len(names_b)) if names_a and names_b else 0.0
    words = _overlap(_signature(a), _signature(b))
    return (shared >= STORY_SHARED_NAMES and words >= STORY_SIMILARITY) or words >= 2 * STORY_SIMILARITY


def _cluster(items: list[ArticleBriefing]) -> list[list[ArticleBriefing]]:
    """Union-find over candidate pairs: only briefings that share a name are compared."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in _names(item):
            by_name[key].append(index)
    candidates = {pair for indexes in by_name.values() for pair in combinations(indexes, 2)}
    for i, j in sorted(candidates):
        if root(i) != root(j) and same_story(items[i], items[j]):
            parent[max(root(i), root(j))] = min(root(i), root(j))

    groups: dict[int, list[ArticleBriefing]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[root(index)].append(item)
    return [groups[key] for key in sorted(groups)]


# --- one story -------------------------------------------------------------------------------------


def _story(cluster: list[ArticleBriefing]) -> Story:
    # The fullest briefing leads: its headline and summary speak for the story.
    lead = min(cluster, key=lambda item: (-len(item.briefing.key_points), _briefing_order(item)))
    topics = Counter(topic.strip().lower() for item in cluster for topic in item.briefing.topics)
    return Story(
        headline=lead.briefing.headline,
        summary=lead.briefing.summary,
        sources=sorted({item.ref for item in cluster}, key=_ref_order),
        key_points=_merge_points(_said(cluster, lead, "key_points")),
        quotes=_merge_quotes(cluster, lead),
        entities=_merge_entities(cluster, lead),
        timeline=_merge_timeline(cluster, lead),
        what_next=_merge_points(_said(cluster, lead, "what_next")),
        topics=[topic for topic, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))][:6],
    )


def _lead_first(cluster: list[ArticleBriefing], lead: ArticleBriefing) -> list[ArticleBriefing]:
    return [lead, *(item for item in cluster if item is not lead)]


def _flagged(item: ArticleBriefing) -> set[str]:
    """The fields of a briefing that grounding flagged (policy 'warn'), e.g. {'key_points[2]'}."""
    return {finding.where for finding in item.checks.flagged}


def _said(
    cluster: list[ArticleBriefing], lead: ArticleBriefing, field: str
) -> Iterator[tuple[str, str, bool]]:
    """(source, text, flagged) for each string in one list field of the cluster's briefings, lead first."""
    for item in _lead_first(cluster, lead):
        flagged = _flagged(item)
        for index, text in enumerate(getattr(item.briefing, field)):
            yield item.ref.source, text, f"{field}[{index}]" in flagged


def _merge_points(said: Iterable[tuple[str, str, bool]]) -> list[Point]:
    """Points that say the same thing are kept once (the first wording) with every source that said it.

    A merged point is unverified when any wording of it was flagged by the grounding check.
    """
    kept: list[tuple[set[str], str, set[str], list[bool]]] = []
    for source, text, flagged in said:
        words = _words(text)
        for kept_words, _, sources, flags in kept:
            if _overlap(words, kept_words) >= POINT_SIMILARITY:
                sources.add(source)
                flags.append(flagged)
                kept_words |= words
                break
        else:
            kept.append((words, text, {source}, [flagged]))
    return [
        Point(text=text, sources=sorted(sources), unverified=any(flags)) for _, text, sources, flags in kept
    ]


def _quote_key(text: str) -> str:
    return " ".join(_WORD.findall(_fold(text)))


def _merge_quotes(cluster: list[ArticleBriefing], lead: ArticleBriefing) -> list[AttributedQuote]:
    """The same quote from two outlets is one quote with two sources; a fragment joins its full quote."""
    kept: list[tuple[str, Quote, set[str], list[bool]]] = []
    for item in _lead_first(cluster, lead):
        flagged = _flagged(item)
        for position, quote in enumerate(item.briefing.quotes):
            key = _quote_key(quote.text)
            flag = f"quotes[{position}]" in flagged
            for index, (kept_key, _, sources, flags) in enumerate(kept):
                if key in kept_key or kept_key in key:
                    sources.add(item.ref.source)
                    flags.append(flag)
                    if len(key) > len(kept_key):  # keep the fuller wording
                        kept[index] = (key, quote, sources, flags)
                    break
            else:
                kept.append((key, quote, {item.ref.source}, [flag]))
    return [
        AttributedQuote(**quote.model_dump(), sources=sorted(sources), unverified=any(flags))
        for _, quote, sources, flags in kept
    ]


def _merge_entities(cluster: list[ArticleBriefing], lead: ArticleBriefing) -> list[Person]:
    """One entry per person or organisation however spelt; the fullest name is shown."""
    merged: dict[tuple[EntityKind, str], tuple[str, str, set[str], bool]] = {}
    for item in _lead_first(cluster, lead):
        flagged = _flagged(item)
        for position, entity in enumerate(item.briefing.entities):
            key = (entity.kind, name_key(entity.name))
            name, role, sources, unverified = merged.get(key, (entity.name, entity.role, set(), False))
            if len(_strip_titles(entity.name)) > len(_strip_titles(name)):
                name = entity.name
            sources.add(item.ref.source)
            merged[key] = (name, role, sources, unverified or f"entities[{position}]" in flagged)
    kinds = {"person": 0, "organization": 1, "place": 2}
    people = [
        Person(name=name, kind=kind, role=role, sources=sorted(sources), unverified=unverified)
        for (kind, _), (name, role, sources, unverified) in merged.items()
    ]
    return sorted(people, key=lambda p: (kinds[p.kind], -len(p.sources), _fold(p.name)))


def _strip_titles(name: str) -> str:
    return " ".join(part for part in name.split() if _fold(part) not in TITLES)


def _merge_timeline(cluster: list[ArticleBriefing], lead: ArticleBriefing) -> list[AttributedEvent]:
    kept: list[tuple[set[str], AttributedEvent, set[str], list[bool]]] = []
    for item in _lead_first(cluster, lead):
        flagged = _flagged(item)
        for position, event in enumerate(item.briefing.timeline):
            words = _words(event.event)
            flag = f"timeline[{position}]" in flagged
            for kept_words, kept_event, sources, flags in kept:
                if kept_event.date == event.date and _overlap(words, kept_words) >= POINT_SIMILARITY:
                    sources.add(item.ref.source)
                    flags.append(flag)
                    break
            else:
                new = AttributedEvent(**event.model_dump(), sources=[])
                kept.append((words, new, {item.ref.source}, [flag]))
    events = [e.model_copy(update={"sources": sorted(s), "unverified": any(f)}) for _, e, s, f in kept]
    # In date order where a date is known (an ISO date, or a month and year in the wording); the
    # events with none keep their reported order after them.
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(events, key=lambda e: (_when_key(e) is None, _when_key(e) or "", order[id(e)]))


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH_YEAR = re.compile(r"\b([a-z]{3})[a-z]*\.?\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _when_key(event: AttributedEvent) -> str | None:
    """A sortable 'YYYY[-MM[-DD]]' for an event: its ISO date, else what its wording makes certain."""
    if event.date:
        return event.date
    when = _fold(event.when)
    match = _MONTH_YEAR.search(when)
    if match and match[1] in _MONTHS:
        return f"{match[2]}-{_MONTHS[match[1]]:02d}"
    year = _YEAR.search(when)
    return year[1] if year else None


# --- ordering --------------------------------------------------------------------------------------


def _ref_order(ref: SourceRef) -> tuple[str, str]:
    return (_fold(ref.source), ref.article_id)


def _briefing_order(item: ArticleBriefing) -> tuple[str, str]:
    return _ref_order(item.ref)


def _story_weight(story: Story) -> tuple[int, int, str]:
    outlets = len({ref.source for ref in story.sources})
    return (-outlets, -len(story.key_points), _fold(story.headline))
