"""Merge the briefings of many articles into one brief: stories across outlets, claims with their sources."""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime

from ..disagree import (
    TOLLS,
    Statement,
    figure_disagreements,
    names_of,
    other_events,
    quotations,
    quote_disagreements,
    read_statement,
    spelling_disagreements,
    story_places,
)
from ..models import (
    ArticleBriefing,
    ArticleReport,
    Brief,
    Disagreement,
    Failure,
    Point,
    SourceRef,
    Story,
    Usage,
)
from ..text.normalize import (
    WEEKDAYS,
    cached_sets,
    content_words,
    fold,
    name_key,
    transliterated,
    words,
)
from ..text.similarity import jaccard
from .actors import cast
from .cluster import Calibration, cluster
from .entities import merge_entities, strip_titles
from .items import said
from .points import POINT_SIMILARITY, as_points, merge_statements, values_of
from .quotes import merge_quotes
from .rank import rank_quotes, rank_stories
from .restated import join_restated
from .timeline import merge_timeline

__all__ = ["merge_briefings"]


def merge_briefings(
    briefings: Iterable[ArticleBriefing],
    failures: Sequence[Failure] = (),
    *,
    embeddings: Mapping[str, Sequence[float]] | None = None,
    calibration: Calibration | None = None,
) -> Brief:
    """Cluster briefings into stories and merge each story's points, quotes, people and timeline.

    Pure and deterministic: the same briefings, in any order, give the same brief. No model is called.
    `embeddings` maps an article id to its briefing's embedding (`summarizer.run.embeddings`): briefings
    are then compared by the cosine of their embeddings instead of their words (a briefing without
    one, or with a zero vector, by its words), judged on their model's scale (`calibration`, from
    `summarizer.merge.cluster.CALIBRATIONS`; None: text-embedding-3-small's). ValueError for ids no
    briefing has, or vectors of different lengths.

        >>> brief = merge_briefings(summaries.briefings, summaries.failures)  # doctest: +SKIP
        >>> [(s.headline, [ref.source for ref in s.sources]) for s in brief.stories]  # doctest: +SKIP
    """
    with _no_collection():
        ordered = sorted(briefings, key=_briefing_order)
        vectors = _vectors_of(ordered, embeddings) if embeddings is not None else None
        groups = cluster(ordered, vectors, calibration)
        stories = rank_stories([_story([ordered[i] for i in group]) for group in groups])
        return Brief(
            stories=stories,
            sources=sorted({item.ref for item in ordered}, key=_ref_order),
            failures=sorted(failures, key=lambda f: (f.origin, f.kind, f.reason)),
            articles=[
                _report(item) for item in sorted(ordered, key=lambda i: (fold(i.ref.source), i.ref.origin))
            ],
            # Every token paid for: the briefings', and what failed articles spent before they failed.
            usage=_total([*(item.usage for item in ordered), *(f.usage for f in failures)]),
        )


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cycle collection for the block; the caller's collector (its thresholds, and disabled if it
    was) is as it was after it.

    The merge makes millions of small short-lived tuples, lists and sets and no reference cycles (a
    10,000-briefing merge leaves no unreachable object for the collector to find): reference counting
    frees all it drops, and the collector's passes only walked the survivors, again and again. They
    were a quarter of a 10,000-briefing merge's CPU (1.1 of 4.1 s, benchmarks/merge.py) at a youngest
    generation of 50,000 objects, and a fifth at Python's 700."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                # What the merge made lives on (the brief, the caches of texts read): the first
                # allocation after gc.enable() would walk all of it as the youngest generation (390,000
                # objects after a 10,000-briefing merge, a twelfth of its CPU) and the next middle
                # collection again, to find nothing. freeze() then unfreeze() moves every tracked object
                # to the oldest generation instead, with no walk: it is looked at by the next full
                # collection, as it would have been. Not when the caller froze objects of its own
                # (summarizer.cli does after its imports): unfreeze() would hand those back too.
                gc.freeze()
                gc.unfreeze()
            gc.enable()


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


def _total(usages: list[Usage]) -> Usage:
    """The usages added up, field by field: one Usage made, not one for each briefing added."""
    return Usage(**{field: sum(getattr(usage, field) for usage in usages) for field in Usage.model_fields})


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


def _story(cluster: list[ArticleBriefing]) -> Story:
    # The fullest briefing leads the points; the headline and summary are the ones that speak for what
    # the outlets lead with.
    lead = min(cluster, key=lambda item: (-len(item.briefing.key_points), _briefing_order(item)))
    members = [lead, *(item for item in cluster if item is not lead)]
    voice = _most_representative(members)
    topics = Counter(topic.strip().lower() for item in cluster for topic in item.briefing.topics)
    merge = merge_statements if len(cluster) > 1 else as_points  # one outlet cannot disagree with itself
    key_points, point_disagreements = merge(said(members, "key_points"))
    key_points = join_restated(key_points)
    what_next, next_disagreements = merge(said(members, "what_next"))
    timeline, day_disagreements = merge_timeline(members)
    # Figures are judged by what they count (conflicts.py); days by the statements that give them.
    said_days = [d for d in [*point_disagreements, *next_disagreements] if _about_days(d)]
    disagreements = [*said_days, *day_disagreements]
    if len(cluster) > 1:
        disagreements = _worded_differently(members, disagreements)
        key_points = _one_point_for_versions(key_points, disagreements)
        what_next = _one_point_for_versions(what_next, disagreements)
    entities = cast(merge_entities(members), members)
    return Story(
        headline=voice.briefing.headline,
        summary=voice.briefing.summary,
        sources=sorted({item.ref for item in cluster}, key=_ref_order),
        disagreements=disagreements,
        key_points=key_points,
        quotes=rank_quotes(merge_quotes(members), entities),
        entities=entities,
        timeline=timeline,
        what_next=what_next,
        topics=[topic for topic, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))][:6],
    )


def _one_point_for_versions(points: list[Point], shown: list[Disagreement]) -> list[Point]:
    """Points without the second version of one: a point that says what another outlet's earlier point
    says but for a figure or a day ('the tie-break 9-7' and 'the tie-break 8/6'), when "Reports differ"
    shows the two side by side with every figure they differ on, is that line's, not a point of its
    own. The first stays, credited only to the outlets that gave its figures."""
    at = {point.text: n for n, point in enumerate(points)}
    versions: set[int] = set()
    for disagreement in shown:
        shows = {report.text: values_of(report.value)[1] for report in disagreement.reports}
        found = sorted({at[text] for text in shows if text in at})
        for first, later in itertools.combinations(found, 2):
            (frame_a, values_a), (frame_b, values_b) = (values_of(points[n].text) for n in (first, later))
            shared = values_a & values_b
            only_these = (
                values_a - shared <= shows[points[first].text]
                and values_b - shared <= shows[points[later].text]
            )
            apart = not set(points[first].sources) & set(points[later].sources)
            if (
                apart
                and only_these
                and jaccard(frame_a, frame_b) >= POINT_SIMILARITY
                and first not in versions
            ):
                versions.add(later)
    return [point for n, point in enumerate(points) if n not in versions]


def _most_representative(members: list[ArticleBriefing]) -> ArticleBriefing:
    """The briefing whose headline and summary speak for what its outlets lead with.

    When most outlets' headlines give one measure (the dead), only a headline that gives it may head
    the story: two outlets leading with the death toll outweigh one leading with a rescuer's account.
    Of those, the one whose headline and summary words the others' headlines and summaries use most
    (the share of its words each other outlet also uses, on average); then, a toll that moved, the
    latest report's higher figure ('death toll reaches 89' over 'rises to 67'; on one day, the higher:
    the later count). Ties go to the first (the fullest briefing)."""
    outlets = {item.ref.source for item in members}
    if len(outlets) < 2:
        return members[0]
    # The headline's and the summary's words as the grouping read them: the words of the two joined
    # with a space are the words of each (no word spans the space), without reading and keeping the
    # joined text's as one more set for the collector to walk.
    said = [
        frozenset(itertools.chain(words(item.briefing.headline), words(item.briefing.summary)))
        for item in members
    ]

    # What each outlet reports: its headline and summary, and its key points, where an outlet that
    # leads with another angle still gives the figure or the happening most lead with.
    reported = [
        said[n].union(*map(content_words, item.briefing.key_points)) for n, item in enumerate(members)
    ]

    def borne_out(n: int) -> float:
        others = [reported[m] for m, o in enumerate(members) if o.ref.source != members[n].ref.source]
        return sum(len(said[n] & other) / len(said[n]) for other in others) / len(others) if said[n] else 0.0

    leads = [_lead(item.briefing.headline) for item in members]
    given: Counter[str] = Counter()
    for outlet in outlets:
        given.update(set().union(*(leads[n] for n, item in enumerate(members) if item.ref.source == outlet)))
    most = {measure for measure, count in given.items() if count * 2 > len(outlets)}
    candidates = [n for n in range(len(members)) if most <= leads[n].keys()]
    best = max(candidates, key=lambda n: (borne_out(n), -n))
    tolls = most & TOLLS
    if not tolls:
        return members[best]

    def toll(n: int) -> float:
        return max(max(leads[n][measure]) for measure in tolls)

    def day(n: int) -> datetime | None:
        return members[n].ref.published

    moved = [
        n
        for n in candidates
        if (here := day(n)) is not None
        and ((then := day(best)) is None or here.date() >= then.date())
        and toll(n) > toll(best)
        and _borne_out_by_its_points(members[n], tolls, toll(n))
    ]
    return members[max(moved, key=lambda n: (day(n), toll(n), -n))] if moved else members[best]


def _borne_out_by_its_points(item: ArticleBriefing, tolls: set[str], figure: float) -> bool:
    """The briefing's first statement of the toll gives the headline's figure, give or take rounding
    (ROUNDED): a headline that gives another ('death toll rises to 71', a state's toll, above 'Ninety
    people are confirmed dead') is not trusted over the others'."""
    for text in [item.briefing.summary, *item.briefing.key_points]:
        given = [v for (m, _), v in _read_alone(text).measures.items() if m in tolls]
        if given:
            return any(abs(figure - v) <= ROUNDED * max(figure, v) for v in frozenset().union(*given))
    return True


#: A headline's toll and its briefing's first statement of it agree within this share: 'kills 153' above
#: 'killed more than 150' (2%); 'rises to 71' above 'Ninety people are confirmed dead' (21%) do not.
ROUNDED = 0.1


@cached_sets
def _read_alone(text: str) -> Statement:
    """A text's figures by measure, read as no story's (no places, no years): a headline's, or its
    briefing's first statement of a toll. Read once a text: most stories ask for none of them twice,
    but a story of many outlets asks for every headline."""
    return read_statement("", text, {})


def _lead(headline: str) -> dict[str, frozenset[float]]:
    """What a headline's figures count, and the figures ('Maui wildfire death toll reaches 89': the
    dead, 89)."""
    found: dict[str, frozenset[float]] = {}
    for (measure, _), values in _read_alone(headline).measures.items():
        found[measure] = found.get(measure, frozenset()) | values
    return found


def _worded_differently(members: list[ArticleBriefing], shown: list[Disagreement]) -> list[Disagreement]:
    """The disagreements `shown`, with different figures for one fact, however worded ('death toll
    passes 5,000' and 'killing more than 2,300'), one quotation in different words, and one person's
    name spelt two ways. Of two that show the same statements, the fuller is kept."""
    places = story_places(
        (item.briefing.event.where or "" for item in members if item.briefing.event),
        (e.name for item in members for e in item.briefing.entities if e.kind == "place"),
    )
    years = frozenset(_event_years(members))
    # A named happening the outlets recall that is not the story's ('Cyclone Idai' in reports of Cyclone
    # Kenneth): a clause naming it gives that one's figures.
    others = other_events(
        (text for item in members for text in [*item.briefing.key_points, *item.briefing.what_next]),
        (item.briefing.event.what for item in members if item.briefing.event),
    )
    # The people and bodies the outlets (not among them) name: a figure given to one is theirs.
    names = names_of(
        (e.name for item in members for e in item.briefing.entities if e.kind != "place"),
        (text for item in members for text in [*item.briefing.key_points, *item.briefing.what_next]),
        places,
        (item.ref.source for item in members),
    )
    # Each text read once for the story and its day: outlets repeat one another's (and the wire's)
    # wording. The outlet is only named on the statement, never read for its figures.
    read: dict[tuple[str, date | None], Statement] = {}
    statements = []
    for item in members:
        day = item.ref.published and item.ref.published.date()
        for text in [*item.briefing.key_points, *item.briefing.what_next]:
            known = read.get((text, day))
            if known is None:
                known = read[text, day] = read_statement(
                    item.ref.source, text, places, years, day, others, names
                )
            if not known.measures:
                # No figure to set against another's: figure_disagreements would pass over it. Left
                # out, not copied for its outlet: 39,300 of a 10,000-briefing merge's 46,700.
                continue
            if known.source != item.ref.source:
                # Another outlet's copy, made field by field: dataclasses.replace, which looks the
                # fields up again for each of a 10,000-briefing merge's 47,000 statements, was a
                # sixth of this function's time.
                known = Statement(
                    item.ref.source, text, known.frame, known.measures, day, known.utc, known.subjects
                )
            statements.append(known)
    quoted = [
        (item.ref.source, quotation, text)
        for item in members
        for text in [*item.briefing.key_points, *(f'"{q.text}"' for q in item.briefing.quotes)]
        for quotation in quotations(text)
    ]
    people = [
        (item.ref.source, strip_titles(e.name), name_key(e.name), e.role)
        for item in members
        for e in item.briefing.entities
        if e.kind == "person"
    ]
    # A village or town spelt two ways ('Pulrai', 'Fulrai'); names of more words are compared as people's.
    # One transliterated two accepted ways ('Marrakech', 'Marrakesh') is one spelling: one key.
    people += [
        (item.ref.source, e.name, transliterated(e.name), e.role)
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


def _ref_order(ref: SourceRef) -> tuple[str, str, str]:
    return (fold(ref.source), ref.origin, ref.article_id)


def _briefing_order(item: ArticleBriefing) -> tuple[str, str, str]:
    return _ref_order(item.ref)
