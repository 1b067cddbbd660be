"""Names a briefing glosses with the article's own form."""

from __future__ import annotations

from typing import Any

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.grounding.glossed import glossed, glossed_names
from summarizer.models import Briefing

ARTICLE = (
    "At least seven more bodies were recovered today, according to public broadcaster ERT. The fire "
    "department said the search went on. Prime Minister Kyriakos Mitsotakis visited the site near Larissa."
)
FACTS = ArticleFacts.of(ARTICLE)


def briefing(**fields: Any) -> Briefing:
    base = {"headline": "Seven more bodies recovered", "summary": "Seven more bodies were recovered.",
            "key_points": ["Seven more bodies were recovered."], "entities": [], "quotes": [],
            "timeline": [], "what_next": [], "topics": []}  # fmt: skip
    return Briefing.model_validate(base | fields)


def test_an_organisation_written_in_full_is_kept_when_its_description_gives_the_articles_name():
    ert = {
        "name": "Hellenic Broadcasting Corporation",
        "kind": "organization",
        "role": "ERT, public broadcaster",
    }
    kept = briefing(
        summary="Seven more bodies were recovered, according to Hellenic Broadcasting Corporation.",
        entities=[ert],
    )
    assert check_briefing(kept, FACTS)[0] == []
    # Without the gloss the reader has nothing to check the name against: it goes, as before.
    bare = briefing(entities=[{**ert, "role": "public broadcaster"}])
    [finding] = check_briefing(bare, FACTS)[0]
    assert finding.item == "Hellenic Broadcasting Corporation"


def test_a_gloss_must_be_a_name_the_article_gives_and_not_a_place_a_person_or_an_owner():
    def glosses(role: str) -> frozenset[str]:
        entities = [
            {"name": "Hellenic Fire Service", "kind": "organization", "role": role},
            {"name": "Kyriakos Mitsotakis", "kind": "person", "role": "Prime Minister"},
        ]
        return glossed_names(briefing(entities=entities), FACTS)

    assert glosses("ERT") == {"hellenic fire service"}  # a name the article gives
    assert glosses("fire department, search at the crash site") == frozenset()  # a description
    assert glosses("NFS, national fire service") == frozenset()  # initials the article does not write
    assert glosses("Larissa") == frozenset()  # a place
    assert glosses("Mitsotakis") == frozenset()  # one of the briefing's people
    assert glosses("Mitsotakis's firefighters") == frozenset()  # an owner


def test_a_name_in_a_sentence_is_glossed_by_the_articles_name_in_brackets():
    glossing = briefing(
        key_points=["The Hellenic Broadcasting Corporation (ERT) said seven more were found."]
    )
    assert check_briefing(glossing, FACTS)[0] == []
    invented = briefing(
        key_points=["The Hellenic Broadcasting Corporation (HBC) said seven more were found."]
    )
    [finding] = check_briefing(invented, FACTS)[0]
    assert "Hellenic Broadcasting Corporation" in finding.reason
    # Brackets that list others beside the article's name gloss nothing.
    listing = briefing(
        key_points=["ERT (with Hellenic Radio and Larissa Television) said seven more were found."]
    )
    assert glossed_names(listing, FACTS) == frozenset()


def test_a_run_of_a_glossed_name_is_that_name_but_one_word_of_it_is_not():
    names = frozenset({"national institute of geophysics and volcanology"})
    assert glossed("The National Institute", names)
    assert glossed("National Institute of Geophysics and Volcanology", names)
    assert not glossed("Volcanology", names)
    assert not glossed("National Institute of Statistics", names)


def test_a_description_in_the_articles_own_words_inside_a_sentence_glosses_the_body():
    # Written for the tests: a French article names an institute in its small letters; the model
    # writes it in English and gives the article's words as its description.
    fr = ArticleFacts.of(
        "Les chiffres publiés mardi par l'Institut national de veille sanitaire montrent une hausse. "
        "Une station de radio locale a relayé l'alerte."
    )
    assert fr.lang == "fr"
    institute = {"name": "National Health Watch Institute", "kind": "organization"}
    named = briefing(entities=[institute | {"role": "Institut national de veille sanitaire"}])
    assert glossed_names(named, fr) == {"national health watch institute"}
    # A description copied from the article that names no body, or written at a sentence's opening.
    described = briefing(
        entities=[{"name": "Radio Sud", "kind": "organization", "role": "Une station de radio"}]
    )
    assert glossed_names(described, fr) == frozenset()
    # In English the article's words are an English description, not the body's name in another language.
    en = ArticleFacts.of("Figures published by the National Health Watch Institute show a rise.")
    other = briefing(
        entities=[{"name": "Health Watch Agency", "kind": "organization", "role": "Figures published by the"}]
    )
    assert glossed_names(other, en) == frozenset()
