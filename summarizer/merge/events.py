"""A briefing's event as the grouping compares it: what happened (and its kind), where, and when."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from ..models import ArticleBriefing, Briefing
from ..text.lexicon import LANGUAGES, every_language, table, word_list
from ..text.normalize import VAGUE_PLACE, cached_sets, fold, name_key, spelling, undoubled, words
from ..text.places import place_groups, place_key

__all__ = ["AFFAIR_DAYS", "Event", "named_alike", "place_words", "read_event", "reported_event"]


@dataclass(frozen=True)
class Event:
    """A briefing's event as comparable keys: what happened (words that name no person in the story),
    where (the place words of `where` and of the places it names), and the day or month."""

    what: frozenset[str]
    where: frozenset[str]
    when: date | None
    month_only: bool
    #: The words of what happened that name a kind of happening ('fire', 'pledges'), not a thing or
    #: body by its name ('Notre Dame'): empty when `what` is names alone ('Eurovision 2021').
    kind: frozenset[str] = frozenset()
    #: The day is the briefing's own statement of when the happening took place, not its report's day
    #: put in for want of one: a follow-up that gives no day may be about an earlier happening.
    stated: bool = False
    #: Whether the event names a place of its own (`where`), not only places its briefing mentions.
    placed: bool = True
    #: Its briefing's headline, summary and key points, in which the places of another's event are
    #: looked for (`names_a_place_of`).
    written: str = field(default="", repr=False, compare=False)

    def countries(self) -> frozenset[str]:
        """The keys of the countries its briefing names, each under one key whatever its name
        (`_countries_named`): 'Spain', 'Spanje' and 'Spanish' are one."""
        return frozenset(w for w in self.where if w.startswith(_COUNTRY))

    def names_a_place_of(self, other: Event) -> bool:
        """Its briefing's words name a place of the other's event: 'Houston' in a report placed in
        'Texas', 'Valencia' in one placed in the 'Comunitat Valenciana'."""
        return bool(other.where & _spelt(self.written))

    def one_affair(self, other: Event) -> bool:
        """Both name one affair ('Volkswagen emissions scandal', 'Volkswagen scandal'): a word of
        affairs.txt both use, and words beside it of which one's are among the other's. Its reports run
        for weeks (AFFAIR_DAYS), each dated to its own day's development, as two happenings of one kind
        are not: two strike days or two earthquakes are named alike too, but by a kind of happening.
        Another affair of one subject ('Volkswagen bribery scandal') names a word the other lacks."""
        rest, other_rest = self.what - _AFFAIRS, other.what - _AFFAIRS
        alike = rest <= other_rest or other_rest <= rest
        return bool(self.what & other.what & _AFFAIRS) and bool(rest and other_rest) and alike

    def keys(self) -> set[str]:
        """Blocking keys: each word of what happened with each place (specific, unlike either alone)."""
        return {f"{w}|{p}" for w in self.what for p in self.where}


def read_event(item: ArticleBriefing) -> Event | None:
    b = item.briefing
    if b.event is None:
        return None
    people = {name_key(e.name) for e in b.entities if e.kind == "person"}
    stems = {w for w in words(b.event.what) if w not in people and not w.isdigit()}
    written = ". ".join((b.headline, b.summary, *b.key_points))
    # Compared with doubled letters folded: the stemmer keeps a doubled consonant in one form of a word
    # and not in another ('acquittal' is 'acquitt', 'acquitted' 'acquit'), and one happening is named both
    # ways by two outlets.
    what = frozenset(map(undoubled, stems))
    # The first word of a person's or organisation's name the briefing lists ('Wirecard' of 'Wirecard
    # AG') is a name where `what` begins with it, even if no sentence writes it mid-way.
    firsts = {e.name.split()[0] for e in b.entities if e.kind != "place" and e.name.split()}
    kind = frozenset(undoubled(_KINDS.get(w, w)) for w in stems - _named(b.event.what, written, firsts))
    day, month_only = _day(b.event.when)
    stated = day is not None and not month_only
    if day is None and item.ref.published is not None:
        # An undated event is taken to be about the day it was reported: two hurricanes' landfalls
        # reported two years apart are not one story for want of a date.
        day = item.ref.published.date()
    placed = any(w not in VAGUE_PLACE for w in words(b.event.where or ""))
    # A place spelt two accepted ways is one place: 'Marmolada', and the German 'Marmolata'; and one
    # country however named: 'Britain', 'UK', 'United Kingdom', 'Grossbritannien'.
    where = frozenset(map(spelling, place_words(b))) | _countries_named(b)
    return Event(what, where, day, month_only, kind, stated=stated, placed=placed, written=written)


def named_alike(events: list[Event | None]) -> list[Event | None]:
    """The events with the words of a name another of them gives its happening (`_named`: the words
    of what happened beside its kind) taken out of their kinds of happening too, where all of that
    name's words are among theirs. Whether a word is a name is read from how a briefing writes it, and
    a terse one that starts each sentence with it ('Harvey flooding', 'Harvey killed six') gives no
    sign; another outlet's that writes 'after Harvey' does. Counted as a kind, the storm's name made two
    reports of its floods, placed in Houston and in Texas, two happenings with nothing named in common
    (fresh-b, issue #27). A part of a longer name is not one: 'Cup' of 'Wessex Cup final' leaves 'Cup
    final' a kind of happening."""
    names: dict[str, set[frozenset[str]]] = defaultdict(set)
    for event in events:
        if event is not None and (named := event.what - event.kind):
            for word in named:
                names[word].add(named)
    out: list[Event | None] = []
    for event in events:
        given = [n for word in event.kind for n in names.get(word, ()) if n <= event.what] if event else []
        out.append(replace(event, kind=event.kind.difference(*given)) if event and given else event)
    return out


@cached_sets
def _spelt(text: str) -> frozenset[str]:
    """A text's words as place words are compared (`spelling`, as `Event.where`'s)."""
    return frozenset(map(spelling, set(words(text))))


#: What starts a country's key among an event's place words: no word of a place starts so.
_COUNTRY = "="


def _countries_named(briefing: Briefing) -> frozenset[str]:
    """One key for each place of the briefing that text/data/<lang>/places.txt lists under several
    names (its English form, text.places): fresh-c's Bank of England outlets put one rate rise in 'Britain',
    the 'United Kingdom' and the 'UK', and shared no word of where (issue #27)."""
    places = [part for part in (briefing.event.where or "" if briefing.event else "").split(",")]
    places += [e.name for e in briefing.entities if e.kind == "place"]
    groups = place_groups()
    # The key of a place's names is its English form, the first of its first group.
    return frozenset(
        _COUNTRY + place_key(groups[key][0][0]) for place in places if (key := place_key(place)) in groups
    )


#: Days within which two reports of one affair (`Event.one_affair`) may be of one story, beyond the
#: days of one happening (merge/cluster.py, EVENT_DAYS): a month. Measured on the tuning parts in every
#: style: one affair's reports dated at most 14 days apart (fresh-q: the Volkswagen scandal, Winterkorn's
#: resignation on 23 September 2015, the recall plan sent on 7 October); no two events are named as one
#: affair (the same-named happenings days apart, French strike days 12 days apart, two Nepal earthquakes
#: 17, the ECB's and the Fed's decisions 49, name kinds of happening).
AFFAIR_DAYS = 31
_AFFAIRS = frozenset(undoubled(next(words(w), w)) for w in word_list("affairs"))

#: One kind of happening under several words ('quake', 'aftershock': an earthquake), as stems.
#: Each word of a kind of happening, in any shipped language, to its kind's English word: a model may
#: name the event in its article's language ('funérailles d'Elizabeth II', 'inundaciones en Valencia').
_KINDS = {
    next(words(word), word): next(words(kind), kind)
    for lang in LANGUAGES
    for word, kind in table("happenings", lang).items()
}
_CAPITALISED = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _named(what: str, written: str, firsts: set[str]) -> frozenset[str]:
    """The words of an event's `what` that are names, as the briefing writes them: capitalised past
    the first word; the first too when the next is capitalised ('Notre Dame fire'), the briefing's
    headline, summary or key points (`written`) capitalise it within a sentence ('rebuild Notre-Dame'),
    or a name among its entities begins with it (`firsts`: 'Wirecard accounting scandal', the
    entity 'Wirecard AG', in a briefing that starts every sentence on Wirecard with its name).
    'Earthquake in Nepal' starts with a kind of happening."""
    tokens = _CAPITALISED.findall(what)
    if not tokens:
        return frozenset()
    named = [t for t in tokens[1:] if t[:1].isupper()]
    first = tokens[0]
    if first[:1].isupper() and (
        first in firsts
        or (len(tokens) > 1 and tokens[1][:1].isupper())
        or re.search(rf"(?<![.!?:]\s)(?<=\w\s){re.escape(first)}\b", written)
    ):
        named.append(first)
    return frozenset(words(" ".join(named)))


def reported_event(item: ArticleBriefing) -> Event | None:
    """A briefing that names no event (a `--mode json_object` answer, an old cache entry) as an event of
    the day it was reported, for the days rule alone; None without that day either."""
    if item.briefing.event is not None or item.ref.published is None:
        return None
    return Event(frozenset(), frozenset(), item.ref.published.date(), False)


#: Words of a place's name that do not say which place: its small words in every shipped language ('de'
#: of 'Estadio Olímpico de Berlín', 'van', 'la') and the kind of site it is (text/data/en/site_kinds.txt:
#: 'stadium', 'airport'). The Euro 2024 final in Berlin's Olympiastadion and the Copa America final in
#: Miami's Hard Rock Stadium, played the same day, met on 'stadium' and 'de' (fresh-p).
_NOT_WHICH = (
    VAGUE_PLACE
    | frozenset(fold(word) for word in every_language("stopwords"))
    | frozenset(stem for word in word_list("site_kinds") for stem in words(word))
)


def place_words(briefing: Briefing) -> frozenset[str]:
    """The words that name a briefing's places: its event's `where` and the places among its entities."""
    places = [briefing.event.where or "" if briefing.event else ""]
    places += [e.name for e in briefing.entities if e.kind == "place"]
    return frozenset(w for text in places for w in words(text) if w not in _NOT_WHICH)


def _day(when: str | None) -> tuple[date | None, bool]:
    """The event's ISO day (or the first of its month, for 'YYYY-MM'); None when it gives neither."""
    text = (when or "").strip()
    try:
        return date.fromisoformat(text[:10]), False
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:7] + "-01"), True
    except ValueError:
        return None, False
