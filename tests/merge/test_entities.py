"""One Who's who entry per person or body however the outlets spell it, every spelling kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.merge.assemble import merge_briefings
from summarizer.merge.entities import _join_letters, name_words
from summarizer.models import AttributedEntity
from summarizer.text.normalize import fold
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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abT U.S& 1's-", max_size=14))
def test_a_names_words_join_its_single_letters_only_where_it_has_them(name: str) -> None:
    # name_words joins letters only in a text that has a one-letter word: the same words as joining
    # every text's.
    every = _join_letters(re.findall(r"[a-z0-9&]+", fold(name).replace("'s", "")))
    assert name_words(name) == every


def test_single_letters_are_one_word_and_the_first_the_goes():
    assert name_words("The U.S. Coast Guard") == ["us", "coast", "guard"]
    assert name_words("AT&T") == ["at&t"]
