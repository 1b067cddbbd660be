"""An organisation written out in full where the article gives its acronym, the article's way."""

from __future__ import annotations

from summarizer.grounding.acronyms import acronym_written, numbers_of_acronyms, short_form_written
from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.names import name_found
from summarizer.grounding.written import unknown_names
from summarizer.models import Briefing, Entity

#: Written for the tests: an agency and a pollster in one capital, a party whose acronym holds a
#: number, a syllabic short form.
FACTS = ArticleFacts.of(
    "Volgens persbureau Nafo won de partij V44 negen zetels. De peiling van Cobra gaf hetzelfde beeld; "
    "Tag kwam niet opdagen. Het weerinstituut Namet waarschuwde voor regen."
)


def test_an_acronym_is_written_in_capitals_or_with_one_capital_inside_a_sentence():
    assert acronym_written("v44", FACTS)
    assert acronym_written("nafo", FACTS)
    # Three letters with one capital are too often a word; a sentence's first word may be any word.
    assert not acronym_written("tag", FACTS)
    assert not acronym_written("volg", FACTS)


def test_an_organisation_written_out_is_found_by_its_initials_the_articles_way():
    assert name_found("Nationaal Agentschap Finse Omroep", FACTS, person=False)  # Nafo
    assert name_found(
        "Centrum voor Opinie en Beleidsresearch van Rotterdam en Amsterdam", FACTS, person=False
    )  # Cobra
    assert name_found("Vrijheid 44", FACTS, person=False)  # V44
    assert not name_found("Nationaal Agentschap Zweedse Omroep", FACTS, person=False)
    assert not name_found("Vrijheid 45", FACTS, person=False)


def test_a_short_form_opens_each_word_of_the_name_in_turn():
    assert short_form_written(["nationaal", "agentschap", "meteorologie"], FACTS)  # Namet
    assert not short_form_written(["noord", "atlantische", "weerdienst"], FACTS)
    assert not short_form_written(["namet"], FACTS)  # one word is no short form of a name


def test_the_number_of_a_name_given_by_its_acronym_is_no_figure():
    assert numbers_of_acronyms("Vrijheid 44: nine seats", FACTS) == "Vrijheid : nine seats"
    assert numbers_of_acronyms("Vrijheid 45: nine seats", FACTS) == "Vrijheid 45: nine seats"
    briefing = Briefing(
        headline="Vrijheid 44 wins nine seats",
        summary="Vrijheid 44 won nine seats, the Nafo agency reported.",
        key_points=["Vrijheid 45 won nine seats."],
        entities=[Entity(name="Nederlands Agentschap Finse Omroep", kind="organization", role="agency")],
        quotes=[],
        timeline=[],
        what_next=[],
        topics=[],
    )
    findings, _ = check_briefing(briefing, FACTS)
    assert [f.where for f in findings] == ["key_points[0]"]


def test_a_name_written_out_in_free_text_passes_on_its_acronym_whole():
    english = ArticleFacts.of("The warning from state weather agency Namet starts at noon, Nafo said.")
    assert unknown_names("The National Agency of Meteorology warned.", english) == []  # Namet
    assert unknown_names("The Nordic Agency of Film Owners said so.", english) == []  # Nafo
    assert unknown_names("The Nordic Agency of Sea Owners said so.", english) != []


def test_the_number_of_a_code_the_article_writes_joined_to_its_capitals_is_part_of_a_name():
    """Written for the test: 'le vol XY318' is 'Flight 318' in an English briefing, no figure of its
    own; a number the code does not hold is read as before."""
    facts = ArticleFacts.of("Le vol XY318 a atterri à Nantes avec 74 passagers.")
    assert numbers_of_acronyms("Flight 318 landed in Nantes", facts) == "Flight  landed in Nantes"
    assert numbers_of_acronyms("Flight 319 landed in Nantes", facts) == "Flight 319 landed in Nantes"


def test_a_name_written_out_keeps_its_acronym_before_what_is_its_own_or_follows_it():
    """Written for the test: the agency the article calls 'Nafo', written out in full before a
    possessive, a title and a name, or further words; another agency's name is still looked up."""
    facts = ArticleFacts.of("Nafo chief Lena Berg said the Nafo probe would end in May.")
    assert unknown_names("The Nordic Agency of Film Owners' probe ends in May.", facts) == []
    assert unknown_names("Nordic Agency of Film Owners chief Lena Berg spoke.", facts) == []
    # What follows the name is looked up on its own.
    assert unknown_names("The Nordic Agency of Film Owners Holm Report is due.", facts) == ["Holm Report"]
    assert unknown_names("The Nordic Agency of Sea Owners' probe ends in May.", facts) != []
    assert unknown_names("Nordic Agency of Film Owners chief Anna Holm spoke.", facts) != []
