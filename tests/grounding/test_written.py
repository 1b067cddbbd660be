"""Names written into free text (grounding/written.py): every name is checked wherever it stands."""

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.forms import found_form
from summarizer.grounding.written import known_organisation, unknown_names


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


def test_a_surname_the_article_gives_another_given_name_is_someone_else_in_every_language():
    fr = ArticleFacts.of(
        "Rafael Nadal a remporté Roland-Garros pour la 14e fois. Le Norvégien Casper Ruud, 23 ans, "
        "n'avait jamais affronté Nadal. « Je ne sais pas », a dit Nadal. L'Espagnol a gagné en trois sets."
    )
    assert fr.lang == "fr"
    # A relative the article never names: the surname is the champion's and the opponent's.
    assert unknown_names("Nadal hinted this was his last title, his uncle Toni Nadal said.", fr) == [
        "Toni Nadal"
    ]
    assert unknown_names("Ruud, coached by his father Christian Ruud, lost.", fr) == ["Christian Ruud"]
    # The people the article names pass, under the given name it uses or none.
    assert unknown_names("Rafael Nadal beat Casper Ruud in three sets.", fr) == []
    # What 'the' opens is an office or a thing, not a given name: 'the Minister of the Economy Nadal'.
    assert unknown_names("The win, said the Minister of the Economy Nadal, was his.", fr) == []


def test_a_word_translated_before_a_place_is_no_other_given_name():
    pt = ArticleFacts.of(
        "O Tribunal Superior Eleitoral divulgou os resultados por volta das 21:00 locais (23:00 em Cabo "
        "Verde), duas horas depois do fecho das urnas. O candidato venceu com 55% dos votos."
    )
    assert pt.lang == "pt"
    assert unknown_names("The court released the results at 23:00 in Cape Verde.", pt) == []
    assert unknown_names("The court released the results, said Joao Verde.", pt) == ["Joao Verde"]


def test_a_given_name_is_no_surname():
    facts = ArticleFacts.of(
        "President Emmanuel Macron spoke on Tuesday inside Notre Dame Cathedral in Paris. (Philippe "
        "Wojazer/Pool/Reuters) The Civil Guard said the roads were closed."
    )
    # The photographer's given name gives no prime minister 'Edouard Philippe'.
    assert unknown_names("Prime Minister Edouard Philippe said Tuesday it would be rebuilt.", facts) == [
        "Prime Minister Edouard Philippe"
    ]
    assert unknown_names("President Emmanuel Macron said Tuesday it would be rebuilt.", facts) == []
    # 'Civil' before 'Guard' names a body, not a person called Civil.
    assert unknown_names("The Guardia Civil closed the roads.", facts) == []


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


def test_a_body_named_by_one_word_is_looked_up():
    facts = ArticleFacts.of(
        "After three weather-related deaths on Friday, Slovenian media said one more person was found "
        "dead in Ljubljana. Prime Minister Robert Golob told the Reuters news agency the damage was vast.",
        source="KION 546 (AP)",
    )
    # A news agency the article never names: the item cites a source it does not give.
    assert unknown_names("The STA news agency said one more person was found dead.", facts) == ["STA"]
    assert unknown_names("Golob told the Reuters news agency the damage was vast.", facts) == []
    assert unknown_names("The AP news agency reported one more death.", facts) == []  # the source line's
    assert unknown_names("Police said one more person was found dead.", facts) == []
    assert unknown_names("In June the bank had raised the rate.", facts) == []  # a month, not a body


def test_a_person_a_role_introduces_keeps_their_surname_in_another_language():
    it = ArticleFacts.of(
        "La procura di Pescara ha aperto un'inchiesta per omicidio colposo. Tra le vittime una coppia di "
        "giovani turisti di Castignano, Marco Vagnarelli e Paola Tomassini. Il procuratore Cristina "
        "Tedeschini ha parlato con i giornalisti."
    )
    assert it.lang == "it"
    # The article's Marco is another man: the prosecutor's name is not the article's.
    assert unknown_names("Pescara prosecutor Marco Ferrante has opened an inquiry.", it) == ["Marco Ferrante"]
    assert unknown_names("Pescara prosecutor Cristina Tedeschini has opened an inquiry.", it) == []
    # ... nor spelt the article's way by another person's surname.
    assert unknown_names("Among the dead, hotel manager Bruno Tommasi.", it) == ["Bruno Tommasi"]
    # A body's name the model translated still passes on the article's word.
    assert unknown_names("The Pescara Prosecutor's Office has opened an inquiry.", it) == []


def test_the_french_fonction_publique_translated_is_in_the_article() -> None:
    # fresh-j ps19-cnews: 'the Civil Service Ministry' for 'le ministère de la Fonction publique' (3 items).
    facts = ArticleFacts.of(
        "Près de trois fonctionnaires sur dix (29,5%) étaient en grève jeudi en milieu de journée dans la "
        "fonction publique d'État, selon des chiffres communiqués par le ministère de la Fonction publique."
    )
    assert facts.lang == "fr"
    assert unknown_names("According to the Civil Service Ministry, 29.5% were on strike.", facts) == []
    assert unknown_names("According to the Labour Ministry, 29.5% were on strike.", facts) == [
        "Labour Ministry"
    ]


def test_the_german_zweite_kammer_translated_is_in_the_article() -> None:
    # fresh-j nl23-tt: 'the Second Chamber' for 'der Zweiten Kammer' of the Dutch parliament (3 items).
    facts = ArticleFacts.of(
        "Nach einer ersten Prognose kommt die PVV auf 35 der 150 Sitze in der Zweiten Kammer des "
        "Parlaments, berichtete die Nachrichtenagentur ANP in der Nacht auf Donnerstag."
    )
    assert facts.lang == "de"
    said = "A first projection by the news agency ANP gives the PVV 35 of 150 seats in the Second Chamber."
    assert unknown_names(said, facts) == []
    assert unknown_names(said.replace("Second Chamber", "Upper House"), facts) == ["Upper House"]


def test_a_body_translated_is_the_articles_in_small_letters_too() -> None:
    # Written for the tests: a French article writes its police and its bank in its own words, the one
    # in small letters; the model's English names are the article's, and the bank's form in the
    # article is where its speaker is looked for.
    fr = ArticleFacts.of(
        "Selon la préfecture de police, 40 000 personnes ont défilé à Paris jeudi. La Banque centrale "
        "européenne (BCE) a relevé ses taux et la BCE a déclaré que l'inflation restera forte."
    )
    assert fr.lang == "fr"
    assert known_organisation("Paris Police Prefecture", fr)
    assert not known_organisation("Paris Customs Prefecture", fr)  # no customs in the article
    assert not known_organisation("Paris Police Department", fr)  # 'Paris Police' stand nowhere together
    assert found_form("European Central Bank", fr, person=False) == "Banque centrale européenne"


def test_a_court_and_a_prosecutor_translated_from_spanish_are_the_articles() -> None:
    # Written for the tests: a Spanish article's court and prosecutor, named in English by the model.
    es = ArticleFacts.of(
        "El Tribunal Superior de Justicia de Aragón ha absuelto al acusado, mientras que la Fiscalía "
        "pedía cuatro años de prisión. La Audiencia de Zaragoza lo había condenado en primera instancia."
    )
    assert es.lang == "es"
    assert unknown_names("The High Court of Justice of Aragon acquitted him.", es) == []
    assert unknown_names("The Public Prosecutor's Office had sought four years.", es) == []
    assert unknown_names("The Provincial Court of Zaragoza had convicted him.", es) == []


def test_a_corps_is_a_kind_of_body_and_a_plurals_possessive_no_part_of_its_name() -> None:
    # Written for the tests: an Italian article's firefighters in small letters, and a Portuguese one's
    # coast guard, named in English by the model.
    it = ArticleFacts.of("Secondo i vigili del fuoco, le persone evacuate dal quartiere sono ormai duecento.")
    assert it.lang == "it"
    assert unknown_names("The National Fire Brigade Corps' count rose to 200.", it) == []
    assert known_organisation("National Fire Brigade Corps", it)
    assert not known_organisation("National Mountain Rescue Corps", it)
    pt = ArticleFacts.of(
        "Segundo a guarda costeira, o barco levava cerca de duzentas pessoas quando afundou ao largo "
        "da Itália."
    )
    assert pt.lang == "pt"
    assert known_organisation("Italian Coast Guard", pt)


def test_a_companys_legal_form_is_a_kind_word_in_any_language() -> None:
    # Written for the tests: an article names the company bare; a model adds its legal form.
    facts = ArticleFacts.of(
        "The Dutch chipmaker Halvexa said on Tuesday that its quarterly profit had halved, and the "
        "Halvexa board promised a review. Shares in Brandtorp, its Swedish rival, rose."
    )
    assert unknown_names("Halvexa NV said its profit had halved.", facts) == []
    assert unknown_names("The board of Brandtorp AB promised a review.", facts) == []
    # The legal form makes no other company the article's.
    assert unknown_names("Morvenna GmbH said its profit had halved.", facts) == ["Morvenna GmbH"]


def test_an_office_written_out_as_a_title_is_the_articles_by_its_words_or_initials() -> None:
    # Written for the tests: the office in small letters, or by its initials, as an article writes it.
    facts = ArticleFacts.of(
        "The company's chief executive stepped down on Friday, a day after the CFO left. The board "
        "met on Saturday to name a successor."
    )
    assert unknown_names("The Chief Executive Officer stepped down on Friday.", facts) == []
    assert unknown_names("The Chief Financial Officer left a day earlier.", facts) == []
    # An office the article gives neither way, or a person after it, is looked up as a name.
    assert unknown_names("The Chief Operating Officer left too.", facts) == ["The Chief Operating Officer"]
    assert unknown_names("Chief Executive Tomas Wendel stepped down.", facts) == [
        "Chief Executive Tomas Wendel"
    ]
