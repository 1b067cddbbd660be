"""A place's names in every shipped language (data/<lang>/places.txt) and a country's in the languages
CLDR is read for (countries.py), read once for the grounding and the merge alike: 'Britain', 'UK',
'United Kingdom', 'Grossbritannien' are one place, and so are 'Spain', 'España' and 'española'."""

from __future__ import annotations

from functools import cache

from .countries import country_forms
from .lexicon import every_language
from .normalize import fold

__all__ = ["place_groups", "place_key"]


def place_key(form: str) -> str:
    """A place's name as it is looked up: folded, without dots or a leading 'the' ('the U.S.' is 'us')."""
    return fold(form).replace(".", "").removeprefix("the ").strip()


@cache
def place_groups() -> dict[str, list[tuple[str, ...]]]:
    """Each form of a place (place_key) to the groups of names it belongs to, the English form first."""
    # Each language's line for a place starts with its English form: one place, whatever the line, so
    # English 'Dutch' finds the Dutch article's 'Nederland' (fresh-j), not only 'Netherlands' does.
    places: dict[str, tuple[str, ...]] = {}
    lines = [tuple(form.strip() for form in line.split("|")) for line in every_language("places")]
    for forms in [*lines, *country_forms()]:
        places[forms[0]] = tuple(dict.fromkeys(places.get(forms[0], ()) + forms))
    groups: dict[str, list[tuple[str, ...]]] = {}
    for forms in places.values():
        for form in forms:
            groups.setdefault(place_key(form), []).append(forms)
    return groups
