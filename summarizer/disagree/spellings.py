"""One person's name spelt two ways by two outlets ('Sarina Wiegman', 'Serina Weighman'); an initial
more or less is not, nor one name's accepted spellings (a transliteration, an accent, a language's form)."""

from __future__ import annotations

import re
from itertools import combinations

from rapidfuzz import fuzz

from ..models import Disagreement, ReportedValue
from ..text.groups import connected_groups
from ..text.normalize import NAME_SUFFIXES, cached, fold, spelling

__all__ = ["SPELLING_LIKENESS", "spelling_disagreements"]


#: How alike two outlets' spellings of a name must be to be one person spelt differently: 'Sarina
#: Wiegman' and 'Serina Weighman' (0.83), 'Volodymyr Zelensky' and 'Volodymyr Zelenskiy' (0.97);
#: 'Ned Segal' and 'Ted Sagan' are two people (0.67).
SPELLING_LIKENESS = 0.8


def _alike(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= SPELLING_LIKENESS * 100


def _given(name: str) -> str:
    """The given names of a person's name, without initials: 'Manuel P. Neves' gives 'manuel'."""
    words = _suffixed(name).split()[:-1]
    return " ".join(word for word in words if len(word.strip(".")) > 1)


def _short_form(a: str, b: str) -> bool:
    """One given name is the other, or its beginning shorter by a syllable: the familiar form of one
    name ('Dani' and 'Daniel', 'Fran' and 'Franco', 'Chris' and 'Christopher'), which outlets use for
    one person and no editor need check. 'Sarina' and 'Serina', or 'Luca' and 'Lucas' (a letter more
    at the end), are two spellings."""
    short, full = sorted((a, b), key=len)
    return short == full or (full.startswith(short) and len(full) - len(short) >= SHORT_FORM_CUT)


#: Letters a familiar form leaves off the end of a given name, at least ('Dani', 'Daniel': 2).
SHORT_FORM_CUT = 2


@cached  # asked for each pair of the story's people
def _suffixed(name: str) -> str:
    """A name with 'Jr' and 'Sr' written out: 'Vinicius Jr' and 'Vinicius Junior' are one spelling."""
    return " ".join(NAME_SUFFIXES.get(word, word) for word in re.findall(r"[a-z0-9']+", fold(name)))


def spelling_disagreements(people: list[tuple[str, str, str, str]]) -> list[Disagreement]:
    """(source, name, surname key, role) of the people a story's outlets name: each person two outlets
    spell differently (surnames that do not meet under one key, names alike letter for letter), as a
    Disagreement showing each spelling, for an editor to check."""
    pairs = []
    for i, j in combinations(range(len(people)), 2):
        (source_a, name_a, key_a, _), (source_b, name_b, key_b, _) = people[i], people[j]
        if source_a == source_b or _suffixed(name_a) == _suffixed(name_b):
            continue
        if spelling(name_a) == spelling(name_b):
            # One name's accepted spellings ('Luiz Inácio' and 'Luis Inacio', 'Oleh Psiuk' and 'Oleg
            # Psjuk', 'Benedict XVI' and 'Benedikt XVI.', 'Saakar' and 'Sakar'): not outlets at odds
            # (issue #27, the lead's decision of 2026-12-07). A vowel of its own or letters in
            # another order ('Sarina Wiegman', 'Serina Weighman') are another spelling, shown.
            continue
        if key_a == key_b:
            # One surname: the given names may be spelt two ways ('Niklas', 'Niclas'); an initial
            # more or less ('Manuel P. Neves') is not a spelling.
            given_a, given_b = _given(name_a), _given(name_b)
            if given_a and given_b and not _short_form(given_a, given_b) and _alike(given_a, given_b):
                pairs.append((i, j))
            continue
        if _alike(fold(name_a), fold(name_b)):
            pairs.append((i, j))
    found = []
    for group in connected_groups(pairs):
        spellings: dict[str, tuple[set[str], str]] = {}
        for i in group:
            source, name, _, role = people[i]
            spellings.setdefault(name, (set(), f"{name}, {role}"))[0].add(source)
        found.append(
            Disagreement(
                reports=[
                    ReportedValue(value=name, sources=sorted(sources), text=text)
                    for name, (sources, text) in spellings.items()
                ]
            )
        )
    return found
