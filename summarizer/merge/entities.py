"""A story's people, organisations and places: one entry per entity however the outlets spell it, every
spelling kept (`aliases`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..models import (
    ArticleBriefing,
    AttributedEntity,
    EntityKind,
)
from ..text.groups import Groups
from ..text.lexicon import table
from ..text.normalize import (
    STOPWORDS,
    TITLES,
    cached,
    fold,
    name_key,
    skeleton,
    surname,
)
from .items import flagged_fields

__all__ = ["SAME_NAME_RATIO", "acronyms", "merge_entities", "name_words", "strip_titles"]

#: rapidfuzz's ratio from which two organisations' or places' names of one story, read alike (no
#: punctuation, no 'the', 'U.S.' as 'United States'), are one name spelt two ways ('Phulrai' and
#: 'Pulrai', 92). Measured on the four corpora of benchmarks/editor.py: the closest names of different
#: bodies in one story were 'Federal Reserve Bank' and 'Federal Reserve Board' (86) and 'Baltimore
#: police' and 'Maryland police'.
SAME_NAME_RATIO = 92

#: Abbreviations an organisation's name is written with either way ("Corp." for "Corporation").
_ORG_WORDS = table("organisation_abbreviations")
#: Words an acronym skips ('Federal Open Market Committee' is FOMC).
_ACRONYM_SKIPS = frozenset({"of", "and", "for", "the", "on", "in", "de"})


@dataclass
class _Entry:
    """One entity as one outlet or more named it."""

    kind: EntityKind
    key: str
    names: Counter[str] = field(default_factory=Counter)
    role: str = ""
    sources: set[str] = field(default_factory=set)
    unverified: bool = False
    #: The briefings that named it: two entries one briefing names are two entities.
    briefings: set[int] = field(default_factory=set)


def merge_entities(members: list[ArticleBriefing]) -> list[AttributedEntity]:
    """One entry per person, organisation or place however spelt, with every outlet that named it.

    A person is keyed by surname (titles dropped, doubled letters folded), an organisation or a place
    by its whole name; entries are then joined when their names are one name spelt otherwise: a
    transliteration of a person's surname ('Zelenskyy', 'Zelenskiy') with the same given name or none;
    for organisations and places, 'the', punctuation and 'U.S.'/'US'/'United States' read alike, an
    acronym ('NDRF', 'Federal Open Market Committee (FOMC)'), the tail of exactly one longer name
    ('Coast Guard', 'US Coast Guard'), a town before its region ('Mendon', 'Mendon, Missouri'), or a
    spelling SAME_NAME_RATIO alike. Never two entries one briefing lists apart ('Jeff Bezos' and 'Mark
    Bezos'). The entry shows the form most outlets gave (then the fullest); `aliases` keeps the others.
    """
    entries: dict[tuple[EntityKind, str], _Entry] = {}
    for number, item in enumerate(members):
        flagged = flagged_fields(item)
        for position, entity in enumerate(item.briefing.entities):
            key = (entity.kind, _entity_key(entity.kind, entity.name))
            entry = entries.setdefault(key, _Entry(entity.kind, key[1], role=entity.role))
            entry.names[entity.name.strip()] += 1
            entry.sources.add(item.ref.source)
            entry.briefings.add(number)
            entry.unverified = entry.unverified or f"entities[{position}]" in flagged
    merged = [_split_people(entry, members) for entry in entries.values()]
    joined = _join_spellings([e for group in merged for e in group])
    kinds = {"person": 0, "organization": 1, "place": 2}
    shown = [
        AttributedEntity(
            name=(name := _shown_name(entry.names, entry.kind == "person")),
            kind=entry.kind,
            role=entry.role,
            sources=sorted(entry.sources),
            unverified=entry.unverified,
            aliases=sorted(set(entry.names) - {name}),
        )
        for entry in joined
    ]
    return sorted(shown, key=lambda p: (kinds[p.kind], -len(p.sources), fold(p.name)))


def _shown_name(names: Counter[str], person: bool) -> str:
    """The form most outlets gave, a person's preferably whole ('Joe Biden' to 'Biden', 'Luis Felipe
    Puente' to 'Luis Felipe Puente, head of ...'); among equals the one with fewer titles, the fullest."""

    def order(name: str) -> tuple[bool, bool, int, int, int, str]:
        plain = strip_titles(name) if person else name
        return (
            len(plain.split()) < 2,
            "," in name,
            -names[name],
            len(name.split()) - len(plain.split()),
            -len(plain),
            fold(name),
        )

    return min(names, key=order)


def _split_people(entry: _Entry, members: list[ArticleBriefing]) -> list[_Entry]:
    """A surname's entry as one person, or as several when one briefing lists two people of that
    surname apart (the brothers 'Jeff Bezos' and 'Mark Bezos'): each other mention then goes to the
    one whose given name it shares (else to the most named)."""
    if entry.kind != "person" or len(entry.names) < 2:
        return [entry]
    apart = [
        [
            e.name.strip()
            for e in members[n].briefing.entities
            if e.kind == "person" and _person(e.name) == entry.key
        ]
        for n in sorted(entry.briefings)
    ]
    anchors = list(dict.fromkeys(name for names in apart if len(set(names)) > 1 for name in names))
    if not anchors:
        return [entry]
    people = {anchor: _Entry("person", entry.key, role=entry.role) for anchor in anchors}
    for number in sorted(entry.briefings):
        item = members[number]
        for e in item.briefing.entities:
            if e.kind != "person" or _person(e.name) != entry.key:
                continue
            given = _given(e.name)
            home = (
                (e.name.strip() if e.name.strip() in people else None)
                or next((a for a in anchors if _given(a) & given), None)
                or max(anchors, key=lambda a: entry.names[a])
            )
            people[home].names[e.name.strip()] += 1
            people[home].sources.add(item.ref.source)
            people[home].briefings.add(number)
            people[home].role = people[home].role if people[home].names.total() > 1 else e.role
    for person in people.values():
        person.unverified = entry.unverified
    return [person for person in people.values() if person.names]


def _join_spellings(entries: list[_Entry]) -> list[_Entry]:
    """Entries of one kind whose names are one name spelt otherwise, joined (see merge_entities)."""
    groups: Groups[int] = Groups()
    for index in range(len(entries)):
        groups.join(index, index)
    for i, a in enumerate(entries):
        for j in range(i + 1, len(entries)):
            b = entries[j]
            if a.kind == b.kind and not (a.briefings & b.briefings) and _same(a, b):
                groups.join(i, j)
    # A tail joins its longer name only when it is the tail of exactly one ('Coast Guard').
    for i, a in enumerate(entries):
        if a.kind == "person":
            continue
        longer = {
            groups.root(j) for j, b in enumerate(entries) if b.kind == a.kind and b.key.endswith(" " + a.key)
        }
        if len(longer) == 1:
            groups.join(i, longer.pop())
    joined = []
    for members in groups.groups():
        first = entries[members[0]]
        for index in members[1:]:
            other = entries[index]
            first.names.update(other.names)
            first.sources |= other.sources
            first.briefings |= other.briefings
            first.unverified = first.unverified or other.unverified
        joined.append(first)
    return joined


def _same(a: _Entry, b: _Entry) -> bool:
    if a.kind == "person":
        if a.key == b.key or skeleton(a.key) != skeleton(b.key):
            return False
        given_a = set().union(*map(_given, a.names))
        given_b = set().union(*map(_given, b.names))
        return not given_a or not given_b or bool(given_a & given_b)
    if a.key == b.key:
        return True
    acronyms_a = {x for n in a.names for x in acronyms(n)}
    acronyms_b = {x for n in b.names for x in acronyms(n)}
    if acronyms_a & {b.key.replace(" ", "")} or acronyms_b & {a.key.replace(" ", "")}:
        return True
    if a.kind == "place" and (a.key.split(",")[0] == b.key or b.key.split(",")[0] == a.key):
        return True
    return min(len(a.key), len(b.key)) >= 5 and fuzz.ratio(a.key, b.key) >= SAME_NAME_RATIO


def acronyms(name: str) -> set[str]:
    """The acronyms a name gives or makes: 'Federal Open Market Committee (FOMC)' gives 'fomc' twice."""
    found = {m.replace(".", "").lower() for m in re.findall(r"\(([A-Z][A-Za-z.&]{1,9})\)", name)}
    initials = "".join(w[0] for w in name_words(re.sub(r"\([^)]*\)", " ", name)) if w not in _ACRONYM_SKIPS)
    return found | ({initials} if len(initials) >= 3 else set())


_NAME_WORD = re.compile(r"[a-z0-9&]+")


def name_words(name: str) -> list[str]:
    """A name's words, folded: single letters joined ('U.S.' is 'us'), 'the' first dropped."""
    raw = _NAME_WORD.findall(fold(name).replace("'s", ""))
    # A word of one character: a letter to join to its neighbours (one of a digit or '&' is left as
    # it is by _join_letters). Asked of the words' lengths: a second pattern over the text cost more.
    if 1 in map(len, raw):
        return _join_letters(raw)
    return raw[1:] if raw[:1] == ["the"] else raw


def _join_letters(raw: list[str]) -> list[str]:
    """Runs of single letters as one word: 'u s' (from 'U.S.') is 'us'."""
    out: list[str] = []
    run = ""
    for word in raw:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out[1:] if out[:1] == ["the"] else out


def _person(name: str) -> str:
    return name_key(name)


def _given(name: str) -> set[str]:
    """A person's given names and initials, folded: the words before the surname that are not titles."""
    last = surname(name)
    head = fold(name.split(",", 1)[0])
    words = [w.strip(".") for w in re.findall(r"[a-z0-9.'-]+", head)]
    if last in words:
        words = words[: len(words) - 1 - words[::-1].index(last)]
    return {w for w in words if w and w not in TITLES and w not in STOPWORDS}


def _entity_key(kind: EntityKind, name: str) -> str:
    """A person by surname (spellings of one person meet); an organisation or a place by its whole name.

    A surname key for organisations put every "... Bank" of a story under one entry, and credited
    each outlet with the others' ("Federal Reserve Bank" and "Silicon Valley Bank"; "Baltimore police"
    and "Maryland state police"). A name that is the tail of exactly one longer name of the story
    ("Coast Guard", "US Coast Guard") joins it afterwards, in `_join_spellings`.
    """
    if kind == "person":
        return name_key(name)
    head, _, region = re.sub(r"\([^)]*\)", " ", name).partition(",")
    words = [_ORG_WORDS.get(w, w) for w in name_words(head)]
    key = " ".join(words) or fold(name).strip()
    return f"{key},{' '.join(name_words(region))}" if kind == "place" and region.strip() else key


@cached  # every outlet's names, in Reports differ and again for Who's who: names recur
def strip_titles(name: str) -> str:
    return " ".join(part for part in name.split() if fold(part) not in TITLES)
