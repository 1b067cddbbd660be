"""One person's name spelt two ways by two outlets."""

from __future__ import annotations

from summarizer.disagree import spelling_disagreements
from summarizer.text.normalize import name_key


def _person(source: str, name: str) -> tuple[str, str, str, str]:
    return (source, name, name_key(name), "coach")


def test_two_spellings_of_one_name_are_shown():
    [found] = spelling_disagreements([_person("A", "Sarina Wiegman"), _person("B", "Serina Weighman")])
    assert sorted(r.value for r in found.reports) == ["Sarina Wiegman", "Serina Weighman"]


def test_an_initial_a_suffix_or_another_person_is_no_spelling():
    assert spelling_disagreements([_person("A", "Manuel P. Neves"), _person("B", "Manuel Neves")]) == []
    assert spelling_disagreements([_person("A", "Vinicius Jr"), _person("B", "Vinicius Junior")]) == []
    assert spelling_disagreements([_person("A", "Ned Segal"), _person("B", "Ted Sagan")]) == []
