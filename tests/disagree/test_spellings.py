"""One person's name spelt two ways by two outlets."""

from __future__ import annotations

from summarizer.disagree import spelling_disagreements
from summarizer.text.normalize import name_key, transliterated


def _person(source: str, name: str) -> tuple[str, str, str, str]:
    return (source, name, name_key(name), "coach")


def test_two_spellings_of_one_name_are_shown():
    [found] = spelling_disagreements([_person("A", "Sarina Wiegman"), _person("B", "Serina Weighman")])
    assert sorted(r.value for r in found.reports) == ["Sarina Wiegman", "Serina Weighman"]


def test_an_initial_a_suffix_or_another_person_is_no_spelling():
    assert spelling_disagreements([_person("A", "Manuel P. Neves"), _person("B", "Manuel Neves")]) == []
    assert spelling_disagreements([_person("A", "Vinicius Jr"), _person("B", "Vinicius Junior")]) == []
    assert spelling_disagreements([_person("A", "Ned Segal"), _person("B", "Ted Sagan")]) == []


def test_two_accepted_renderings_of_one_sound_are_one_spelling():
    # z and s, dj and j: one name written two accepted ways, not outlets at odds (issue #27);
    # a letter, a vowel or a doubled letter more still shows.
    assert (
        spelling_disagreements(
            [_person("A", "Luiz Inácio Lula da Silva"), _person("B", "Luis Inacio Lula da Silva")]
        )
        == []
    )
    places = [
        (source, name, transliterated(name), "city") for source, name in [("A", "Jakarta"), ("B", "Djakarta")]
    ]
    assert spelling_disagreements(places) == []
    for a, b in [("Daljeet Chaudhary", "Daljeet Chowdhary"), ("Narayan Saakar Hari", "Narayan Sakar Hari")]:
        [found] = spelling_disagreements([_person("A", a), _person("B", b)])
        assert sorted(r.value for r in found.reports) == [a, b]
