"""Merge the briefings of many articles into one brief: stories across outlets, claims with their sources."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .cluster import cluster
from .conflicts import (
    FACT_SIMILARITY,
    figure_disagreements,
    quotations,
    quote_disagreements,
    read_statement,
    spelling_disagreements,
    story_places,
)
from .models import (
    ArticleBriefing,
    ArticleReport,
    AttributedEntity,
    AttributedEvent,
    AttributedQuote,
    Brief,
    Disagreement,
    EntityKind,
    Failure,
    Point,
    Quote,
    ReportedValue,
    SourceRef,
    Story,
    TimelineEvent,
    Usage,
)
from .text import (
    CLOCK_TIME,
    MONTHS,
    TITLES,
    WEEKDAYS,
    content_words,
    figures,
    fold,
    name_key,
    statement_frame,
)

__all__ = ["merge_briefings"]

#: Word overlap above which two points (apart from their figures and days) say the same thing.
POINT_SIMILARITY = 0.5
#: Word overlap from which two outlets' timeline entries of one day are one happening told in other
#: words. Measured on the three corpora: every pair from 0.36 up was one happening (the SVB takeover,
#: 0.36; Biden in Kyiv, 0.40); at 0.27-0.30 were different ones ('Musk closed the deal' and 'Musk said
#: he did not buy Twitter to make money', 0.30).
SAME_DAY_SIMILARITY = 0.35
#: ... and share this many words: one actor's two deeds of a day share three ('Musk closed the deal to
#: buy Twitter', 'Musk said he did not buy Twitter to make money').
SAME_DAY_WORDS = 4


def merge_briefings(
    briefings: Iterable[ArticleBriefing],
    failures: Sequence[Failure] = (),
    *,
    embeddings: Mapping[str, Sequence[float]] | None = None,
) -> Brief:
    """Cluster briefings into stories and merge each story's points, quotes, people and timeline.

    Pure and deterministic: the same briefings, in any order, give the same brief. No model is called.
    `embeddings` maps an article id to its briefing's embedding (`summarizer.embeddings`): briefings
    are then compared by the cosine of their embeddings instead of their words (a briefing without
    one, or with a zero vector, by its words). ValueError for ids no briefing has, or vectors of
    different lengths.

        >>> brief = merge_briefings(summaries.briefings, summaries.failures)  # doctest: +SKIP
        >>> [(s.headline, [ref.source for ref in s.sources]) for s in brief.stories]  # doctest: +SKIP
    """
    ordered = sorted(briefings, key=_briefing_order)
    vectors = _vectors_of(ordered, embeddings) if embeddings is not None else None
    groups = cluster(ordered, vectors)
    stories = sorted((_story([ordered[i] for i in group]) for group in groups), key=_story_weight)
    return Brief(
        stories=stories,
        sources=sorted({item.ref for item in ordered}, key=_ref_order),
        failures=sorted(failures, key=lambda f: (f.origin, f.kind, f.reason)),
        articles=[
            _report(item) for item in sorted(ordered, key=lambda i: (fold(i.ref.source), i.ref.origin))
        ],
        # Every token paid for: the briefings', and what failed articles spent before they failed.
        usage=sum((item.usage for item in ordered), Usage()) + sum((f.usage for f in failures), Usage()),
    )


def _vectors_of(
    ordered: list[ArticleBriefing], embeddings: Mapping[str, Sequence[float]]
) -> list[Sequence[float] | None]:
    """Each briefing's embedding, in order. Vectors keyed by ids no briefing has, or of different
    lengths, are a caller's mistake, named: silently grouping by text would hide it."""
    ids = {item.ref.article_id for item in ordered}
    if stray := sorted(set(embeddings) - ids):
        shown = ", ".join(stray[:3]) + (f" and {len(stray) - 3} more" if len(stray) > 3 else "")
        raise ValueError(f"embeddings for article ids no briefing has: {shown} (key them by ref.article_id)")
    if len({len(vector) for vector in embeddings.values()}) > 1:
        raise ValueError("embeddings of different lengths: they come from more than one model")
    return [embeddings.get(item.ref.article_id) for item in ordered]


def _report(item: ArticleBriefing) -> ArticleReport:
    return ArticleReport(
        source=item.ref.source,
        origin=item.ref.origin,
        article_id=item.ref.article_id,
        model=item.model,
        usage=item.usage,
        attempts=item.attempts,
        checks=item.checks,
        cut_at_tokens=item.cut_at_tokens,
    )


# --- one story -------------------------------------------------------------------------------------


def _story(cluster: list[ArticleBriefing]) -> Story:
    # The fullest briefing leads: its headline and summary speak for the story.
    lead = min(cluster, key=lambda item: (-len(item.briefing.key_points), _briefing_order(item)))
    members = [lead, *(item for item in cluster if item is not lead)]
    topics = Counter(topic.strip().lower() for item in cluster for topic in item.briefing.topics)
    merge = _merge_statements if len(cluster) > 1 else _as_points  # one outlet cannot disagree with itself
    key_points, point_disagreements = merge(_said(members, "key_points"))
    what_next, next_disagreements = merge(_said(members, "what_next"))
    timeline, day_disagreements = _merge_timeline(members)
    # Figures are judged by what they count (conflicts.py); days by the statements that give them.
    said_days = [d for d in [*point_disagreements, *next_disagreements] if _about_days(d)]
    disagreements = [*said_days, *day_disagreements]
    if len(cluster) > 1:
        disagreements = _worded_differently(members, disagreements)
    return Story(
        headline=lead.briefing.headline,
        summary=lead.briefing.summary,
        sources=sorted({item.ref for item in cluster}, key=_ref_order),
        disagreements=disagreements,
        key_points=key_points,
        quotes=_merge_quotes(members),
        entities=_merge_entities(members),
        timeline=timeline,
        what_next=what_next,
        topics=[topic for topic, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))][:6],
    )


def _worded_differently(members: list[ArticleBriefing], shown: list[Disagreement]) -> list[Disagreement]:
    """The disagreements `shown`, with different figures for one fact, however worded ('death toll
    passes 5,000' and 'killing more than 2,300'), one quotation in different words, and one person's
    name spelt two ways. Of two that show the same statements, the fuller is kept."""
    places = story_places(
        (item.briefing.event.where or "" for item in members if item.briefing.event),
        (e.name for item in members for e in item.briefing.entities if e.kind == "place"),
    )
    years = frozenset(_event_years(members))
    statements = [
        read_statement(item.ref.source, text, places, years)
        for item in members
        for text in [*item.briefing.key_points, *item.briefing.what_next]
    ]
    quoted = [
        (item.ref.source, quotation, text)
        for item in members
        for text in [*item.briefing.key_points, *(f'"{q.text}"' for q in item.briefing.quotes)]
        for quotation in quotations(text)
    ]
    people = [
        (item.ref.source, _strip_titles(e.name), name_key(e.name), e.role)
        for item in members
        for e in item.briefing.entities
        if e.kind == "person"
    ]
    # A village or town spelt two ways ('Pulrai', 'Fulrai'); names of more words are compared as people's.
    people += [
        (item.ref.source, e.name, fold(e.name), e.role)
        for item in members
        for e in item.briefing.entities
        if e.kind == "place" and len(e.name.split()) == 1
    ]
    found = figure_disagreements(statements) + quote_disagreements(quoted) + spelling_disagreements(people)
    texts = [{report.text for report in d.reports} for d in found]
    kept = [d for d in shown if not any({r.text for r in d.reports} <= t for t in texts)]
    seen = [{report.text for report in d.reports} for d in kept]
    return kept + [d for d, t in zip(found, texts, strict=True) if not any(t <= s for s in seen)]


def _about_days(disagreement: Disagreement) -> bool:
    return any(day.capitalize() in r.value for r in disagreement.reports for day in WEEKDAYS)


def _event_years(members: list[ArticleBriefing]) -> Iterator[int]:
    """The years the story happens in: its events' and its sources' publication years."""
    for item in members:
        event = item.briefing.event
        if event is not None and event.when and event.when[:4].isdigit():
            yield int(event.when[:4])
        if item.ref.published is not None:
            yield item.ref.published.year


def _flagged(item: ArticleBriefing) -> set[str]:
    """The fields of a briefing that grounding flagged (policy 'warn'), e.g. {'key_points[2]'}."""
    return {finding.where for finding in item.checks.flagged}


def _said(members: list[ArticleBriefing], field: str) -> Iterator[tuple[str, str, bool]]:
    """(source, text, flagged) for each string in one list field of the story's briefings, lead first."""
    for item in members:
        flagged = _flagged(item)
        for index, text in enumerate(getattr(item.briefing, field)):
            yield item.ref.source, text, f"{field}[{index}]" in flagged


# --- statements: the same said twice, or said differently -------------------------------------------


def _frame_and_values(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a statement is about (its words without figures and days), and the figures and days it
    gives: what outlets may disagree on. One pass over the folded text."""
    folded = fold(text)
    times = (
        {f"{hours}:{minutes}" for hours, minutes in CLOCK_TIME.findall(folded)} if ":" in folded else set()
    )
    rest = CLOCK_TIME.sub(" ", folded) if times else folded
    found = {_figure(value) for value in figures(rest, idiomatic=False, folded=True)} | times
    found |= {day.capitalize() for day in content_words(text) & _WEEKDAYS}
    return statement_frame(text), frozenset(found)


def _rivals(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two statements' values disagree: their days, or their figures and times, differ with neither
    giving all the other's ('3 dead on Monday' and '3 dead, 275 aboard, at 12:42' say two things,
    not one thing two ways)."""
    days_a, days_b = {v for v in a if v.isalpha()}, {v for v in b if v.isalpha()}
    return any(x and y and not (x <= y or y <= x) for x, y in ((days_a, days_b), (a - days_a, b - days_b)))


_WEEKDAYS = frozenset(WEEKDAYS)


def _figure(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass
class _Group:
    """Statements kept as one: the first wording, every source, the figures they share."""

    frame: frozenset[str]
    values: frozenset[str]
    text: str
    sources: set[str]
    flags: list[bool]


def _as_points(said: Iterable[tuple[str, str, bool]]) -> tuple[list[Point], list[Disagreement]]:
    """A lone briefing's statements, each its own point."""
    return [Point(text=text, sources=[source], unverified=flagged) for source, text, flagged in said], []


def _merge_statements(said: Iterable[tuple[str, str, bool]]) -> tuple[list[Point], list[Disagreement]]:
    """Statements that say the same thing are kept once with every source, in the wording that gives no
    figure or day that one of those sources did not.

    Two that say the same thing with different figures or days, from different outlets, are not merged:
    each stays, and a Disagreement names every value and its source. Only statements sharing a word
    are compared (an index by word), never every one with every other.
    """
    groups: list[_Group] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    conflicts: dict[int, list[int]] = {}
    for source, text, flagged in said:
        frame, values = _frame_and_values(text)
        candidates = sorted({i for word in frame for i in by_word.get(word, ())})
        similar = [i for i in candidates if _overlap(frame, groups[i].frame) >= POINT_SIMILARITY]
        # Compatible: one gives every figure and day the other does, and perhaps more detail.
        same = next((i for i in similar if groups[i].values <= values or values < groups[i].values), None)
        if same is not None:
            group = groups[same]
            group.sources.add(source)
            group.flags.append(flagged)
            if len(values) < len(group.values):
                # Show what they all said: no outlet is credited with a figure it did not give.
                group.text, group.values = text, values
            continue
        groups.append(_Group(frame, values, text, {source}, [flagged]))
        index = len(groups) - 1
        for word in frame:
            by_word[word].append(index)
        rival = next(
            (i for i in similar if _rivals(groups[i].values, values) and source not in groups[i].sources),
            None,
        )
        if rival is not None:
            conflicts.setdefault(_root(conflicts, rival), []).append(index)
    points = [Point(text=g.text, sources=sorted(g.sources), unverified=any(g.flags)) for g in groups]
    return points, [
        _disagreement([groups[first], *(groups[i] for i in rest)]) for first, rest in conflicts.items()
    ]


def _root(conflicts: dict[int, list[int]], index: int) -> int:
    """The first statement of the disagreement `index` belongs to (or itself, starting one)."""
    for first, rest in conflicts.items():
        if index == first or index in rest:
            return first
    return index


def _disagreement(groups: list[_Group]) -> Disagreement:
    shared = frozenset.intersection(*(g.values for g in groups))
    reports = [
        ReportedValue(
            value=", ".join(sorted(g.values - shared)) or "-", sources=sorted(g.sources), text=g.text
        )
        for g in groups
    ]
    return Disagreement(reports=reports)


# --- quotes, people, timeline ------------------------------------------------------------------------


def _quote_key(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def _merge_quotes(members: list[ArticleBriefing]) -> list[AttributedQuote]:
    """The same quote from two outlets is one quote with two sources; a fragment joins its full quote."""
    kept: list[tuple[str, Quote, set[str], list[bool]]] = []
    for item in members:
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


def _merge_entities(members: list[ArticleBriefing]) -> list[AttributedEntity]:
    """One entry per person or organisation however spelt; the fullest name is shown."""
    merged: dict[tuple[EntityKind, str], tuple[str, str, set[str], bool]] = {}
    for item in members:
        flagged = _flagged(item)
        for position, entity in enumerate(item.briefing.entities):
            key = (entity.kind, _entity_key(entity.kind, entity.name))
            name, role, sources, unverified = merged.get(key, (entity.name, entity.role, set(), False))
            if len(_strip_titles(entity.name)) > len(_strip_titles(name)):
                name = entity.name
            sources.add(item.ref.source)
            merged[key] = (name, role, sources, unverified or f"entities[{position}]" in flagged)
    _join_tails(merged)
    kinds = {"person": 0, "organization": 1, "place": 2}
    people = [
        AttributedEntity(name=name, kind=kind, role=role, sources=sorted(sources), unverified=unverified)
        for (kind, _), (name, role, sources, unverified) in merged.items()
    ]
    return sorted(people, key=lambda p: (kinds[p.kind], -len(p.sources), fold(p.name)))


#: Abbreviations an organisation's name is written with either way ("Corp." for "Corporation").
_ORG_WORDS = {"corp": "corporation", "co": "company", "inc": "incorporated", "ltd": "limited", "&": "and"}


def _join_tails(merged: dict[tuple[EntityKind, str], tuple[str, str, set[str], bool]]) -> None:
    """An organisation or place whose name ends exactly one longer one of its kind is that one."""
    for kind, key in sorted(merged, key=lambda k: len(k[1])):
        if kind == "person":
            continue
        longer = [k for k in merged if k[0] == kind and k[1].endswith(" " + key)]
        if len(longer) == 1:
            _, _, sources, unverified = merged.pop((kind, key))
            name, role, into, flagged = merged[longer[0]]
            merged[longer[0]] = (name, role, into | sources, flagged or unverified)


def _entity_key(kind: EntityKind, name: str) -> str:
    """A person by surname (spellings of one person meet); an organisation or a place by its whole name.

    A surname key for organisations put every "... Bank" of a story under one entry, and credited
    each outlet with the others' ("Federal Reserve Bank" and "Silicon Valley Bank"; "Baltimore police"
    and "Maryland state police"). A name that is the tail of exactly one longer name of the story
    ("Coast Guard", "US Coast Guard") joins it afterwards, in `_join_tails`.
    """
    if kind == "person":
        return name_key(name)
    words = [_ORG_WORDS.get(w, w) for w in re.findall(r"[a-z0-9&]+", fold(name).replace("'s", ""))]
    return " ".join(words[1:] if words[:1] == ["the"] else words) or fold(name).strip()


def _strip_titles(name: str) -> str:
    return " ".join(part for part in name.split() if fold(part) not in TITLES)


def _merge_timeline(members: list[ArticleBriefing]) -> tuple[list[AttributedEvent], list[Disagreement]]:
    """Events merged across outlets, in date order; the same event on different days is a disagreement."""
    events: list[tuple[TimelineEvent, str, bool, bool]] = []
    for item in members:
        flagged = _flagged(item)
        for position, event in enumerate(item.briefing.timeline):
            where = f"timeline[{position}]"
            events.append((event, item.ref.source, where in flagged, where in item.checks.inferred))
    kept: list[_Entry] = []
    inferred: list[list[bool]] = []  # per kept entry: whether each outlet's date was inferred
    clashes: dict[int, list[tuple[TimelineEvent, str]]] = defaultdict(list)
    for event, source, flag, guessed in events:
        frame, values = _frame_and_values(event.event)
        marks = _distinctive(values)
        for index, entry in enumerate(kept):
            alike = _overlap(frame, entry.frame)
            if _one_entry(entry, event, source, frame, values, alike):
                # Told in other words by another outlet: one line, in the words that credit no
                # outlet with a figure it did not give ('crashed', not 'crashed, killing 11').
                if values < entry.values or (values == entry.values and len(frame) < len(entry.frame)):
                    entry.event, entry.frame, entry.values = event, frame, values
                entry.sources.add(source)
                entry.flags.append(flag)
                inferred[index].append(guessed)
                break
            # One happening: worded alike, or less alike but with a telling figure in common (the
            # '$44 billion' deal closed, the '7.8' earthquake struck).
            if alike < POINT_SIMILARITY and not (marks & entry.marks and alike >= FACT_SIMILARITY):
                continue
            if entry.event.date == event.date:
                entry.sources.add(source)
                entry.flags.append(flag)
                inferred[index].append(guessed)
                break
            if source not in entry.sources and _other_day(entry.event, event):
                clashes[index].append((event, source))
        else:
            kept.append(_Entry(frame, marks, values, event, {source}, [flag]))
            inferred.append([guessed])
    # A date is shown as inferred only when no outlet states it.
    merged = [
        AttributedEvent(
            **entry.event.model_dump(),
            sources=sorted(entry.sources),
            unverified=any(entry.flags),
            inferred=all(guesses),
        )
        for entry, guesses in zip(kept, inferred, strict=True)
    ]
    order = {id(e): i for i, e in enumerate(merged)}
    merged.sort(key=lambda e: (_when_key(e) is None, _when_key(e) or "", order[id(e)]))
    disagreements = []
    for index, others in clashes.items():
        first, first_sources = kept[index].event, kept[index].sources
        # Each day once, with every outlet that gives it (an outlet may have merged into another entry).
        days: dict[str, tuple[set[str], str]] = {first.date or first.when: (set(first_sources), first.event)}
        for event, source in others:
            days.setdefault(event.date or event.when, (set(), event.event))[0].add(source)
        reports = [ReportedValue(value=v, sources=sorted(s), text=t) for v, (s, t) in days.items()]
        disagreements.append(Disagreement(reports=reports))
    return merged, disagreements


@dataclass
class _Entry:
    """A timeline entry kept: its words and figures, the wording shown, and who gave it."""

    frame: frozenset[str]
    marks: frozenset[str]
    values: frozenset[str]
    event: TimelineEvent
    sources: set[str]
    flags: list[bool]


def _one_entry(
    entry: _Entry,
    event: TimelineEvent,
    source: str,
    frame: frozenset[str],
    values: frozenset[str],
    alike: float,
) -> bool:
    """Another outlet's entry for the same day that tells the same happening in other words ('Biden
    arrived in Kyiv on a surprise visit and met Zelenskiy', 'Biden made an unannounced visit to Kyiv
    and met Zelensky'), one giving no figure the other does not."""
    return (
        event.date is not None
        and event.date == entry.event.date
        and source not in entry.sources
        and alike >= SAME_DAY_SIMILARITY
        and len(frame & entry.frame) >= SAME_DAY_WORDS
        and (values <= entry.values or entry.values <= values)
    )


def _distinctive(values: frozenset[str]) -> frozenset[str]:
    """The figures that tell one happening from another: not a day, a year or a small whole number."""
    telling = set()
    for value in values:
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            continue
        if not number.is_integer() or (number >= 10 and not 1900 <= number <= 2100):
            telling.add(value)
    return frozenset(telling)


def _other_day(a: TimelineEvent, b: TimelineEvent) -> bool:
    """Two outlets put one happening on different days: different dates, or a date and a weekday that
    is not its weekday ('Sunday evening' against 2023-02-06, a Monday)."""
    if a.date and b.date:
        return a.date != b.date
    dated, named = (a, b) if a.date else (b, a)
    if not dated.date:
        return False
    try:
        weekday = WEEKDAYS[date.fromisoformat(dated.date).weekday()]
    except ValueError:
        return False
    days = set(fold(named.when).replace(",", " ").split()) & set(WEEKDAYS)
    return bool(days) and weekday not in days


def _when_key(event: AttributedEvent) -> str | None:
    """A sortable 'YYYY[-MM]' for an event: its ISO date, else a month and year in its wording."""
    if event.date:
        return event.date
    words = fold(event.when).replace(",", " ").split()
    years = [w for w in words if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")]
    if not years:
        return None
    months = [MONTHS[w] for w in words if w in MONTHS]
    return f"{years[0]}-{months[0]:02d}" if months else years[0]


# --- ordering -------------------------------------------------------------------------------------------


def _ref_order(ref: SourceRef) -> tuple[str, str, str]:
    return (fold(ref.source), ref.origin, ref.article_id)


def _briefing_order(item: ArticleBriefing) -> tuple[str, str, str]:
    return _ref_order(item.ref)


def _story_weight(story: Story) -> tuple[int, int, str]:
    """The most outlets first, then the fullest, then alphabetically: a stable order."""
    outlets = len({ref.source for ref in story.sources})
    return (-outlets, -len(story.key_points), fold(story.headline))
