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


def test_a_sentence_that_opens_by_counting_opens_no_name():
    # 'Three Thai navy SEALs' for the article's 'gli ultimi 3 navy seals thailandesi': 'Three' is capitalised
    # for the sentence, 'Thai' alone is no name to look up; an invented name after the count still is.
    it = ArticleFacts.of(
        "Alle 16:53 sono usciti dalla grotta sani e salvi anche gli ultimi 3 navy seals thailandesi e un "
        "medico, in prima linea nei soccorsi. Hanno assistito la squadra negli ultimi 8 giorni."
    )
    assert it.lang == "it"
    assert unknown_names("Three Thai navy SEALs and a doctor assisted the team.", it) == []
    assert unknown_names("The team left. Last SEALs and doctor out at 16:53.", it) == []
    assert unknown_names("Three Marco Bianchi aides assisted the team.", it) == ["Marco Bianchi"]
