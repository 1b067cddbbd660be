"""Whose figure it is: a figure given to a party, a team or a person is set only against the same one's."""

from __future__ import annotations

from summarizer.disagree import figure_disagreements, names_of, read_statement

ENTITIES = ["Green Alliance", "Liberal Union", "Farmers League", "Anna Berg"]


def _found(*said: tuple[str, str], outlets: tuple[str, ...] = ()) -> list[list[str]]:
    names = names_of(ENTITIES, [text for _, text in said], [], outlets)
    statements = [read_statement(source, text, {}, names=names) for source, text in said]
    return [[report.value for report in d.reports] for d in figure_disagreements(statements)]


def test_one_partys_seats_are_not_set_against_anothers():
    assert _found(("A", "The Green Alliance won 12 seats."), ("B", "The Liberal Union won 30 seats.")) == []


def test_the_same_partys_seats_given_two_ways_disagree():
    found = _found(("A", "The Liberal Union won 30 seats."), ("B", "The Liberal Union took 28 seats."))
    assert found == [["30", "28"]]


def test_a_list_gives_each_figure_to_the_name_before_it_and_its_noun_to_the_figures_without_one():
    listed = "The Green Alliance won 12 seats, the Liberal Union 30 and the Farmers League 7."
    assert _found(("A", listed), ("B", "The Liberal Union took 30 seats in the new chamber.")) == []
    assert _found(("A", listed), ("B", "The Farmers League ended on 9 seats.")) == [["7, 12, 30", "9"]]


def test_a_name_written_with_a_capital_inside_a_sentence_is_a_subject_though_no_entity_names_it():
    said = (("A", "The exit poll gives the NPF 41 seats."), ("B", "The exit poll gives the RDU 27 seats."))
    assert _found(*said) == []


def test_a_figure_followed_by_for_is_given_to_the_name_after_it():
    listed = "The left bloc won 90 seats: 60 for the Liberal Union and 30 for the Green Alliance."
    assert _found(("A", listed), ("B", "The Green Alliance won 30 seats.")) == []


def test_the_second_end_of_a_range_is_the_first_ends():
    ranged = "The Green Alliance is at between 17 and 21%."
    assert _found(("A", ranged), ("B", "The Farmers League won 19%.")) == []
    assert _found(("A", ranged), ("B", "The Green Alliance won 24%.")) == [["21", "24"]]


def test_who_speaks_is_not_whose_figure_it_is():
    # The outlet, or a speaker before a speech verb, reports the figure; the count stays one fact.
    said = (
        ("A", "According to Daily Planet, turnout was 64%."),
        ("B", "Anna Berg said turnout reached 61%."),
    )
    assert _found(*said, outlets=("Daily Planet",)) == [["64", "61"]]


def test_a_length_is_a_things_whoever_stands_beside_it():
    said = (
        ("A", "Anna Berg waited at the 624m shaft."),
        ("B", "The Farmers League dug the 610 metre shaft."),
    )
    assert _found(*said) == [["624", "610"]]
