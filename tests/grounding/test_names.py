"""Whether a name in a briefing is one the article gives."""

from __future__ import annotations

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.names import is_organisation, name_found, unknown_names
from summarizer.models import Entity

ARTICLE = (
    "Ismayil Al Abdallah lost his home. Mr Abdulla said the US Coast Gaurd came late. Shahzada Dawood "
    "and his son Suleman were aboard, President Biden said, and Brawner Builders employed the workers."
)
FACTS = ArticleFacts.of(ARTICLE)


def test_a_person_is_found_by_surname_or_honorific_form_but_not_under_another_given_name():
    assert name_found("Joe Biden", FACTS, person=True)  # the article only says President Biden
    assert name_found("Ismayil Abdulla", FACTS, person=True)
    assert not name_found("Salman Dawood", FACTS, person=True)  # Shahzada and Suleman are
    assert not name_found("Mark Thompson", FACTS, person=True)


def test_an_organisation_is_found_in_full_by_initials_or_with_a_slipped_letter():
    assert name_found("US Coast Guard", FACTS, person=False)
    assert name_found("Brawner Builders", FACTS, person=False)
    assert not name_found("Bramley Construction", FACTS, person=False)


def test_names_written_into_free_text_must_be_the_articles():
    # The run of capitalised words, and each name in it, is looked up.
    assert unknown_names("General counsel Mark Thompson of Bramley Construction spoke", FACTS) == [
        "Mark Thompson of Bramley Construction",
        "Mark Thompson",
        "Bramley Construction",
    ]
    assert unknown_names("President Joe Biden and Shahzada Dawood", FACTS) == []


def test_a_speaker_is_an_organisation_by_the_briefing_or_by_its_name():
    board = Entity(name="OpenAI", kind="organization", role="company")
    assert is_organisation("OpenAI", [board])
    assert is_organisation("the board of directors", [])
    assert not is_organisation("Mira Murati", [])
