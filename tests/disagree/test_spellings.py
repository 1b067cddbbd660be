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


def _place(source: str, name: str) -> tuple[str, str, str, str]:
    return (source, name, transliterated(name), "place")


def test_one_name_spelt_two_accepted_ways_is_no_disagreement():
    # The lead's decision of 2026-12-07 (issue #27): a transliteration, an accent, a language's form of
    # the name. Each of these was shown under "Reports differ" (fresh-f, fresh-g, heldout2).
    for names in [
        ("Benedict XVI", "Benedikt XVI."),  # English and German
        ("Oleh Psiuk", "Oleh Psjuk", "Oleg Psiuk"),  # Ukrainian, German and Russian transliterations
        ("Narayan Saakar Hari", "Narayan Sakar Hari"),  # Hindi's long a, written twice or once
        ("Niklas Fullkrug", "Niclas Füllkrug"),  # a given name's two spellings, an accent
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"),
    ]:
        people = [_person(source, name) for source, name in zip("ABC", names, strict=False)]
        assert spelling_disagreements(people) == [], names
    for places in [("Marmolada", "Marmolata"), ("Fulrai", "Pulrai", "Phulrai")]:
        found = [_place(source, name) for source, name in zip("ABC", places, strict=False)]
        assert spelling_disagreements(found) == [], places


def test_a_vowel_or_letters_of_its_own_are_still_another_spelling():
    # India Today's 'Serina Weighman' for Sarina Wiegman is no accepted form of her name.
    [found] = spelling_disagreements([_person("A", "Sarina Wiegman"), _person("B", "Serina Weighman")])
    assert len(found.reports) == 2
    [found] = spelling_disagreements([_place("A", "Pulrai"), _place("B", "Pulkrai")])
    assert len(found.reports) == 2


def test_a_given_name_and_its_short_form_are_one_name():
    # fresh-k (issue #27): 'Dani' and 'Daniel' of one footballer, shown as a spelling in three stories.
    assert spelling_disagreements([_person("A", "Franco Ortega"), _person("B", "Fran Ortega")]) == []
    # A letter of its own in the given name, or one more at its end, is still another spelling.
    [found] = spelling_disagreements([_person("A", "Sarina Ohm"), _person("B", "Serina Ohm")])
    assert sorted(r.value for r in found.reports) == ["Sarina Ohm", "Serina Ohm"]
    [found] = spelling_disagreements([_person("A", "Luca Moretti"), _person("B", "Lucas Moretti")])
    assert sorted(r.value for r in found.reports) == ["Luca Moretti", "Lucas Moretti"]
