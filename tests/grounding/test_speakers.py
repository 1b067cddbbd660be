"""Whom an article attributes a quotation to."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, quote_spans
from summarizer.grounding.speakers import (
    attributed,
    attributed_to,
    organisation_speaks,
    speaker_near,
)

ARTICLE = (
    'Secretary of State Marco Rubio told reporters on Monday that talks would go on. "We are close," '
    'he said. "Nothing is agreed," said Interior Minister Ana Ruiz. "The law is clear," the judge said.'
)
FACTS = ArticleFacts.of(ARTICLE)


def _span(words: str) -> tuple[int, int]:
    [span] = quote_spans(words, FACTS)
    return span


def test_the_name_after_a_quotation_speaks_it():
    assert attributed_to(_span("Nothing is agreed"), ["rubio", "ruiz"], FACTS) == "ruiz"


def test_he_said_goes_back_to_the_nearest_subject_of_a_speech_verb():
    assert attributed_to(_span("We are close"), ["rubio", "ruiz"], FACTS) == "rubio"
    assert speaker_near("Marco Rubio", [_span("We are close")], FACTS)


def test_a_description_gives_the_quotation_to_whoever_has_that_role():
    span = [_span("The law is clear")]
    assert attributed("Judge Mary Cole", span, ["rubio", "ruiz", "cole"], FACTS, role="the judge")
    assert not attributed(
        "Judge Mary Cole", [_span("We are close")], ["rubio", "cole"], FACTS, role="the judge"
    )


def test_spanish_and_french_speech_verbs_attribute_as_said_does():
    es = ArticleFacts.of(
        "Habló Alejandro Murat. «Fue el sismo más fuerte en 100 años», dijo el presidente Enrique Peña Nieto."
    )
    [span] = quote_spans("Fue el sismo más fuerte en 100 años", es)
    assert attributed_to(span, ["murat", "nieto"], es) == "nieto"
    fr = ArticleFacts.of('Le pape a prié. "Nous sommes prêts", a déclaré Emmanuel Macron.')
    [span] = quote_spans("Nous sommes prêts", fr)
    assert attributed_to(span, ["macron"], fr) == "macron"


def test_a_fragment_that_opens_its_quotation_is_attributed_with_it():
    # A stray mark (the 5'7" of a height) puts the count of quotation marks out.
    facts = ArticleFacts.of(
        'Rafael Correa, 5\'7", said the toll would rise. Crowds gathered. "My cousins are inside. We '
        'must find them," pleaded Isaac as the firemen searched.'
    )
    [span] = quote_spans("My cousins are inside", facts)
    assert attributed_to(span, ["correa", "isaac"], facts) == "isaac"


def test_a_surname_alone_is_the_first_person_the_article_names_with_it():
    facts = ArticleFacts.of(
        "PM Bezos was there. Founder Jeff Bezos flew with his brother Mark Bezos. Bezos thanked the "
        'engineers. "Thank you from the bottom of my heart," he said.'
    )
    span = quote_spans("Thank you from the bottom of my heart", facts)
    assert attributed("Jeff Bezos", span, ["bezos"], facts)
    assert not attributed("Mark Bezos", span, ["bezos"], facts)


def test_an_organisations_acronym_speaks_the_quotation_of_its_own_sentence_only():
    facts = ArticleFacts.of(
        'Jerome Powell said, "We can now say it." The FOMC\'s statement said inflation "has eased somewhat".'
    )
    eased = quote_spans("has eased somewhat", facts)
    assert not attributed("Jerome Powell", eased, ["powell"], facts, acronyms={"fomc"})
    assert attributed("Jerome Powell", eased, ["powell"], facts)  # without it, Powell spoke last
    tweet = ArticleFacts.of(
        "PTI reports that rescue is under way. Narendra Modi expressed grief. "
        '"My thoughts are with the families."'
    )
    grief = quote_spans("My thoughts are with the families.", tweet)
    assert attributed("Narendra Modi", grief, ["modi"], tweet, acronyms={"pti"})


def test_an_organisation_speaks_by_its_initials_its_short_name_or_after_the_quote():
    facts = ArticleFacts.of(
        'Jerome Powell said, "We can now say it." The FOMC\'s statement said inflation "has eased". '
        'Markets rose. "Additional firming may be appropriate," the Fed\'s statement said.'
    )
    [eased] = quote_spans("has eased", facts)
    assert organisation_speaks("Federal Open Market Committee", eased, facts)
    [firming] = quote_spans("Additional firming may be appropriate", facts)
    assert organisation_speaks("Federal Reserve", firming, facts)
    assert not organisation_speaks("Bank of England", firming, facts)


def test_a_german_speech_verb_attributes_a_quotation():
    from summarizer.grounding.facts import ArticleFacts
    from summarizer.grounding.speakers import attributed_to

    facts = ArticleFacts.of(
        "Bürgermeister Jonas Keller besuchte die Schule. „Wir bauen alles wieder auf“, erklärte "
        "Landrätin Petra Lang am Abend in Trier."
    )
    start = facts.plain.index('"Wir')
    span = (start, facts.plain.index('auf"') + len('auf"'))
    assert attributed_to(span, ["keller", "lang"], facts) == "lang"


def test_a_pronoun_before_the_verb_speaks_not_a_name_the_clause_passes():
    facts = ArticleFacts.of(
        "The hike is the largest ever, Seema Shah, chief strategist at Principal, noted in a comment. "
        'The hike "comes despite the recession," with inflation forcing the ECB\'s hand, she said.'
    )
    [span] = quote_spans("comes despite the recession", facts)
    assert attributed_to(span, ["shah", "lagarde"], facts, ["ecb"]) == "shah"


def test_an_organisation_before_a_persons_title_says_whose_title_it_is():
    facts = ArticleFacts.of('"Today we act," ECB president Christine Lagarde told a press conference.')
    [span] = quote_spans("Today we act", facts)
    assert attributed_to(span, ["lagarde"], facts, ["ecb"]) == "lagarde"


def test_an_organisation_speaks_by_the_word_for_its_kind():
    facts = ArticleFacts.of('Rates rose. "The council judged it appropriate," the bank said in a statement.')
    [span] = quote_spans("The council judged it appropriate", facts)
    assert organisation_speaks("European Central Bank", span, facts)
    assert not organisation_speaks("European Commission", span, facts)


def test_promised_and_a_title_before_the_name_attribute():
    facts = ArticleFacts.of(
        '"The town is gone," said Sergio Pirozzi, the mayor. Premier Matteo Renzi promised the area: '
        '"No family will be left behind."'
    )
    [span] = quote_spans("No family will be left behind.", facts)
    assert attributed("Prime Minister Matteo Renzi", [span], ["pirozzi", "renzi"], facts)
    assert not attributed("Mayor of Amatrice Sergio Pirozzi", [span], ["pirozzi", "renzi"], facts)


def test_a_spanish_quotation_without_a_pronoun_is_the_previous_speakers():
    es = ArticleFacts.of(
        'Tras sobrevolar la isla, Browne ha dicho que es "desgarrador". "La isla está en el agua", ha '
        "manifestado, añadiendo que el coste sería alto. Eric Maire, vecino, habló con la prensa."
    )
    [span] = quote_spans("La isla está en el agua", es)
    assert attributed_to(span, ["browne", "maire"], es) == "browne"
    assert attributed("Gaston Browne", [span], ["browne", "maire"], es)
    assert not attributed("Eric Maire", [span], ["browne", "maire"], es)


def test_in_the_words_of_attributes_in_spanish():
    es = ArticleFacts.of(
        'Irma trae vientos "históricos", en palabras del presidente Donald Trump. Collomb habló.'
    )
    [span] = quote_spans("históricos", es)
    assert attributed_to(span, ["trump", "collomb"], es) == "trump"


def test_a_description_in_the_articles_language_is_the_speakers_role():
    fr = ArticleFacts.of(
        'Macron a célébré sa victoire face à Marine Le Pen. "Notre tâche est immense", a répété le '
        "candidat d'En Marche devant ses partisans."
    )
    [span] = quote_spans("Notre tâche est immense", fr)
    assert attributed("Emmanuel Macron", [span], ["macron", "pen"], fr, role="the En Marche candidate")
    # Le Pen is named nearby, but the words are the candidate's.
    assert not attributed("Marine Le Pen", [span], ["macron", "pen"], fr, role="far-right leader")


def test_an_exclamation_whose_sentence_goes_on_is_given_to_the_name_after_it():
    facts = ArticleFacts.of(
        "Maneskin beat France's entrant, Barbara Pravi, by 25 points. \"We just want to say to the whole "
        "world, rock 'n' roll never dies!\" said Damiano David, the band's lead singer."
    )
    [span] = quote_spans("rock 'n' roll never dies!", facts)
    assert attributed_to(span, ["pravi", "david"], facts) == "david"
    assert not attributed("Barbara Pravi", [span], ["pravi", "david"], facts)
    assert attributed("Damiano David", [span], ["pravi", "david"], facts)


def test_a_german_verb_before_its_speaker_attributes():
    facts = ArticleFacts.of(
        'Der Papst trat zurück, sagte Vatikansprecher Federico Lombardi am Montag. Als "Blitz aus '
        'heiterem Himmel" bezeichnete der ehemalige Generalsekretär, Kardinal Angelo Sodano, den Rücktritt.'
    )
    [span] = quote_spans("Blitz aus heiterem Himmel", facts)
    assert attributed_to(span, ["lombardi", "sodano"], facts) == "sodano"


def test_a_quotation_introduced_with_a_colon_is_the_one_person_its_sentence_names():
    facts = ArticleFacts.of(
        "Sie landeten vor dem britischen Sänger Sam Ryder. Nach dem Sieg rief Psjuk die "
        'Weltgemeinschaft zur Hilfe für die Kämpfer auf: "Wir brauchen Hilfe, um diese Menschen '
        'freizubekommen."'
    )
    [span] = quote_spans("Wir brauchen Hilfe, um diese Menschen freizubekommen.", facts)
    assert attributed_to(span, ["ryder", "psjuk"], facts) == "psjuk"
    assert not attributed("Sam Ryder", [span], ["ryder", "psjuk"], facts)


def test_a_clause_set_against_the_quotation_does_not_attribute_it():
    # Written for the test: the speech verb after 'but' is another clause's, in English and Italian.
    english = ArticleFacts.of(
        'Mayor Lena Holt declined to give a figure, saying that would be "pure speculation," but '
        "separately police chief Omar Vance told reporters that ten people were missing."
    )
    [span] = quote_spans("pure speculation", english)
    assert attributed_to(span, ["holt", "vance"], english) == "holt"
    italian = ArticleFacts.of(
        "Il sindaco Lena Holt ha detto che era «una tragedia», ma il capo della polizia Omar Vance ha "
        "detto che i dispersi sono dieci."
    )
    [span] = quote_spans("una tragedia", italian)
    assert attributed_to(span, ["holt", "vance"], italian) == "holt"
    said = ArticleFacts.of('"We will rebuild," said police chief Omar Vance, but the mayor was silent.')
    [span] = quote_spans("We will rebuild", said)
    assert attributed_to(span, ["holt", "vance"], said) == "vance"
