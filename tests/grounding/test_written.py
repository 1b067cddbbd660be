"""Names written into free text (grounding/written.py): every name is checked wherever it stands."""

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.written import unknown_names


def test_a_titled_person_keeps_their_surname_in_another_language():
    de = ArticleFacts.of(
        "Papst Benedikt XVI. hat am Montag seinen Rücktritt angekündigt. Kardinal Angelo Sodano sprach "
        "von einem Blitz aus heiterem Himmel. Der Papst sagte, er habe nicht mehr die Kraft."
    )
    assert de.lang == "de"
    assert unknown_names("Cardinal Tarcisio Bertone was at his side.", de) == ["Cardinal Tarcisio Bertone"]
    assert unknown_names("Cardinal Angelo Sodano called it a bolt from the blue.", de) == []
    fr = ArticleFacts.of(
        "Le ministre de la Culture a annoncé que quatre fondations collecteront les dons. Franck "
        "Louvrier, le porte-parole de la Fondation, a précisé que les dons affluent."
    )
    assert fr.lang == "fr"
    assert unknown_names("Culture Minister Franck Riester said four foundations will collect.", fr) == [
        "Culture Minister Franck Riester"
    ]
    # A name the model translates still passes on the one word the article gives ('Culture').
    assert unknown_names("The Culture Ministry said four foundations will collect.", fr) == []


def test_a_surname_is_no_acronym_the_article_spells_out():
    facts = ArticleFacts.of(
        "President Macron welcomed the guests, during a time in which the cathedral reopened. Prince "
        "William and Elon Musk attended."
    )
    assert unknown_names("Culture Minister Rachida Dati attended.", facts) == [
        "Culture Minister Rachida Dati"
    ]
    assert unknown_names("The DATI attended.", facts) == []


def test_a_citys_or_countrys_body_is_found_under_another_word_for_its_kind():
    facts = ArticleFacts.of(
        "The fire broke out in Paris, the Parisian fire service said. In Greece, a fire department "
        "spokesman said the search went on."
    )
    assert unknown_names("The Paris Fire Brigade said the roof was lost.", facts) == []
    assert unknown_names("The Hellenic Fire Service said the search went on.", facts) == []
    # Another body, or a body of a place the article does not name, is not found.
    assert unknown_names("The Paris Police Department said the roof was lost.", facts) == [
        "The Paris Police Department"
    ]
    assert unknown_names("The Lyon Fire Brigade said the roof was lost.", facts) == ["The Lyon Fire Brigade"]
