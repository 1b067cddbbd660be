"""One Who's who entry per person or body however the outlets spell it, every spelling kept."""

from __future__ import annotations

from summarizer.merge.assemble import merge_briefings
from summarizer.models import AttributedEntity
from tests.builders import make

POINTS = ["A magnitude 6.8 earthquake struck the region late on Friday, the survey said."]


def _entities(*named: tuple[str, list[tuple[str, str, str]]]) -> list[AttributedEntity]:
    items = [make(source, "Earthquake strikes the region", POINTS, entities=e) for source, e in named]
    [story] = merge_briefings(items).stories
    return story.entities


def test_spellings_of_one_body_are_one_entry_with_both_forms_kept():
    entities = _entities(
        (
            "A",
            [("U.S. Geological Survey", "organization", "measured it"), ("NDRF", "organization", "rescue")],
        ),
        ("B", [("United States Geological Survey", "organization", "measured it")]),
        (
            "C",
            [
                ("the US Geological Survey", "organization", "agency"),
                ("National Disaster Response Force", "organization", "rescue"),
            ],
        ),
        ("D", [("Federal Open Market Committee (FOMC)", "organization", "sets rates")]),
        ("E", [("Federal Open Market Committee", "organization", "sets rates")]),
    )
    by_name = {e.name: e for e in entities}
    assert len(entities) == 3, [e.name for e in entities]
    survey = next(e for e in entities if "Geological" in e.name)
    assert survey.sources == ["A", "B", "C"]
    assert {survey.name, *survey.aliases} == {
        "U.S. Geological Survey",
        "United States Geological Survey",
        "the US Geological Survey",
    }
    force = by_name["National Disaster Response Force"]
    assert force.aliases == ["NDRF"] and force.sources == ["A", "C"]
    committee = next(e for e in entities if e.name.startswith("Federal Open"))
    assert committee.sources == ["D", "E"] and len(committee.aliases) == 1


def test_a_transliterated_surname_an_initial_and_a_town_with_its_region_are_one_entry():
    entities = _entities(
        ("A", [("Volodymyr Zelenskyy", "person", "president"), ("Perry, Florida", "place", "town")]),
        ("B", [("Volodymyr Zelenskiy", "person", "president"), ("Perry", "place", "town")]),
        ("C", [("V. Zelensky", "person", "president")]),
    )
    people = [e for e in entities if e.kind == "person"]
    places = [e for e in entities if e.kind == "place"]
    assert len(people) == 1 and people[0].sources == ["A", "B", "C"]
    assert len(places) == 1 and places[0].sources == ["A", "B"]


def test_two_people_one_article_lists_apart_stay_two_and_the_others_go_to_the_right_one():
    entities = _entities(
        ("A", [("Jeff Bezos", "person", "founder"), ("Mark Bezos", "person", "his brother")]),
        ("B", [("Jeff Bezos", "person", "Blue Origin founder")]),
        ("C", [("Mark Bezos", "person", "brother")]),
    )
    sources = {e.name: e.sources for e in entities}
    assert sources == {"Jeff Bezos": ["A", "B"], "Mark Bezos": ["A", "C"]}


def test_the_name_shown_is_a_whole_name_and_the_json_keeps_the_others():
    entities = _entities(
        ("A", [("Biden", "person", "president")]),
        ("B", [("Biden", "person", "president")]),
        ("C", [("President Joe Biden", "person", "president")]),
    )
    [biden] = entities
    assert biden.name == "President Joe Biden" and biden.aliases == ["Biden"]
