"""Names a model translated from the article's language: a party's words one by one, a party by the
acronym the article writes ('PSOE', 'Pd', 'M5s'). Short articles written for the tests."""

from __future__ import annotations

from datetime import date

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.translated import initials_given
from summarizer.grounding.written import unknown_names

ITALIAN = ArticleFacts.of(
    "Il Pd ha ottenuto il 20 per cento dei voti, il M5s il 15 per cento. Il partito di governo ha "
    "perso. La coalizione ha vinto le elezioni di domenica.",
    date(2025, 1, 1),
)
SPANISH = ArticleFacts.of(
    "El PSOE obtuvo 122 escaños y el PP 136 en las elecciones del domingo, según el recuento oficial.",
    date(2025, 1, 1),
)
FRENCH = ArticleFacts.of(
    "Les libéraux-démocrates obtiennent 61 sièges à la Chambre des communes, selon les estimations "
    "publiées jeudi soir ; les conservateurs en ont 131.",
    date(2025, 1, 1),
)


def test_a_party_is_found_by_the_acronym_of_its_words_in_the_articles_language():
    # 'Partito democratico', 'Movimento 5 Stelle' (a number word is its figure), 'Partido Socialista
    # Obrero Español': the initials in the article's language, as the article writes them.
    assert initials_given("Democratic Party", ITALIAN)
    assert initials_given("Five Star Movement", ITALIAN)
    assert initials_given("Spanish Socialist Workers' Party", SPANISH)
    # Letters the article writes as no acronym, or as a word ('Il', 'La'), give no party.
    assert not initials_given("Liberal Party", ITALIAN)
    assert not initials_given("Socialist Party", SPANISH)
    assert not initials_given("Liberal Alliance", ITALIAN)


def test_a_partys_words_are_found_translated_and_an_invented_party_is_not():
    faithful = "The Liberal Democrats won 61 seats in the House of Commons; the Conservative Party 131."
    assert unknown_names(faithful, FRENCH) == []
    assert unknown_names("The Popular Front won 20 per cent.", ITALIAN) == ["The Popular Front"]
    # A plural's possessive inside the name ("Workers' Party") is no owner when the whole is the acronym's.
    assert unknown_names("The Spanish Socialist Workers' Party won 122 seats.", SPANISH) == []
