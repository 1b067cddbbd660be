"""A story's people, organisations and places: one entry per entity however the outlets spell it."""

from __future__ import annotations

import re

from ..models import (
    ArticleBriefing,
    AttributedEntity,
    EntityKind,
)
from ..text.lexicon import table
from ..text.normalize import (
    TITLES,
    fold,
    name_key,
)
from .items import flagged_fields

__all__ = ["merge_entities", "strip_titles"]


def merge_entities(members: list[ArticleBriefing]) -> list[AttributedEntity]:
    """One entry per person or organisation however spelt; the fullest name is shown."""
    merged: dict[tuple[EntityKind, str], tuple[str, str, set[str], bool]] = {}
    for item in members:
        flagged = flagged_fields(item)
        for position, entity in enumerate(item.briefing.entities):
            key = (entity.kind, _entity_key(entity.kind, entity.name))
            name, role, sources, unverified = merged.get(key, (entity.name, entity.role, set(), False))
            if len(strip_titles(entity.name)) > len(strip_titles(name)):
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
_ORG_WORDS = table("organisation_abbreviations")


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


def strip_titles(name: str) -> str:
    return " ".join(part for part in name.split() if fold(part) not in TITLES)
