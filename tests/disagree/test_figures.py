"""Outlets that give different figures for one fact, however worded."""

from __future__ import annotations

from summarizer.disagree import figure_disagreements, read_statement, story_places

PLACES = story_places(["Turkey and Syria"], [])


def _read(*said: tuple[str, str]):
    return [read_statement(source, text, PLACES) for source, text in said]


def test_two_tolls_worded_apart_disagree_and_one_toll_does_not():
    found = figure_disagreements(
        _read(("A", "The death toll has risen to more than 5,000."), ("B", "The quake killed 2,300 people."))
    )
    assert [[r.value for r in d.reports] for d in found] == [["5,000", "2,300"]]
    assert figure_disagreements(_read(("A", "5,000 people died."), ("B", "The quake killed 5,000."))) == []


def test_tolls_at_different_places_are_different_facts():
    said = _read(("A", "In Turkey 5,000 died; in Syria 1,000 died."), ("B", "Turkey's toll is 5,000."))
    assert figure_disagreements(said) == []


def test_a_figure_is_compared_only_with_its_closest_counterpart():
    said = _read(
        ("A", "Kane scored a penalty in the 79th minute."),
        ("B", "Kane scored a penalty in the 80th minute."),
        ("B", "Saka scored in the 23rd minute with a header."),
    )
    [found] = figure_disagreements(said)
    assert [r.value for r in found.reports] == ["79", "80"]
