"""Whether a name in a briefing is one the article gives."""

from __future__ import annotations

from summarizer.grounding.check import check_briefing, found_form
from summarizer.grounding.described import described_name, is_organisation
from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.names import name_forms, name_found
from summarizer.grounding.places import place_found
from summarizer.grounding.translated import initials_given
from summarizer.grounding.written import unknown_names
from summarizer.models import Briefing, Entity

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
        "Mark Thompson",
        "Bramley Construction",
    ]
    # A name whose last word the article does not give, beside one it does; one with a title.
    assert unknown_names("Ismayil Al Ferrero and Prince William came.", FACTS) == [
        "Ismayil Al Ferrero",
        "Prince William",
    ]
    assert unknown_names("Ends Dawood's run.", FACTS) == []  # the sentence's first word
    assert unknown_names("President Joe Biden and Shahzada Dawood", FACTS) == []


def test_a_speaker_is_an_organisation_by_the_briefing_or_by_its_name():
    board = Entity(name="OpenAI", kind="organization", role="company")
    assert is_organisation("OpenAI", [board])
    assert is_organisation("the board of directors", [])
    assert not is_organisation("Mira Murati", [])


def test_a_name_is_looked_up_without_the_description_a_model_adds():
    facts = ArticleFacts.of(
        "The Federal Open Market Committee (FOMC) raised rates. Amazon founder Jeff Bezos spoke. "
        "Angel Enrique Sarmiento, a navy officer, and Ecuador's President Rafael Correa visited."
    )
    for name, person in [
        ("Jeff Bezos, the world's richest person", True),
        ("Angel Enrique Sarmiento of the Mexican Navy", True),
        ("Ecuadorean President Rafael Correa", True),
        ("the committee (Federal Open Market Committee)", False),
        ("the rate-setting Federal Open Market Committee (FOMC)", False),
        ("the FOMC's statement", False),
        ("Amazon.com, Inc.", False),
    ]:
        assert found_form(name, facts, person=person) is not None, name
    assert found_form("Mark Bezos, his brother", facts, person=True) is None  # another given name
    assert found_form("Blue Origin LLC", facts, person=False) is None
    assert name_forms("Amazon.com, Inc.")[-1] == "Amazon"


def test_a_translated_name_is_found_in_the_articles_own_form():
    fr = ArticleFacts.of("Le pape François, en visite en Colombie, a appelé à une prière.")
    assert found_form("Pope Francis", fr, person=True) == "pape François"
    es = ArticleFacts.of("El Comité de la Reserva Federal de Estados Unidos (Fed) subió los tipos.")
    assert found_form("Federal Reserve", es, person=False) == "Reserva Federal"
    assert found_form("Bank of Spain", es, person=False) is None
    en = ArticleFacts.of("The Federal Reserve's Open Market Committee hinted at more increases.")
    assert found_form("Federal Open Market Committee", en, person=False) is not None
    assert found_form("Pope Francis", en, person=True) is None


def test_a_name_translated_from_german_is_found_in_its_compounds_and_brackets():
    from summarizer.grounding.places import place_found

    de = ArticleFacts.of(
        "In Nordrhein-Westfalen lief die Rurtalsperre über. Der geldpolitische Ausschuss der Notenbank "
        "tagte in Köln, und im Kreis Euskirchen sagte Landrat Peter Klein, die Lage sei ernst."
    )
    assert de.lang == "de"
    assert unknown_names("Flooding hit North Rhine-Westphalia as the Rur reservoir overflowed.", de) == []
    assert found_form("Monetary Policy Committee", de, person=False) is not None
    assert place_found("Euskirchen district (Kreis Euskirchen)", de)
    assert place_found("Cologne", de) and place_found("North Rhine-Westphalia", de)
    # A translated name the article's words do not give is still no name of the article.
    assert unknown_names("Lower Saxony sent help.", de) == ["Lower Saxony"]
    assert not place_found("Bavaria", de)


def test_a_news_agency_written_in_full_is_the_one_the_source_line_gives():
    facts = ArticleFacts.of("Die Chiefs gewannen den Super Bowl in Las Vegas.", source="Der Standard (APA)")
    assert unknown_names("The Chiefs won, Austria Presse Agentur reported.", facts) == []
    assert found_form("Austria Presse Agentur", facts, person=False) is not None
    en = ArticleFacts.of("Rescuers searched the rubble on Friday.", source="KION 546 (AP)")
    assert unknown_names("Rescuers searched, the Associated Press reported.", en) == []
    # An agency neither the article nor its source line gives is no name of the article.
    [unknown] = unknown_names("Rescuers searched, Agence France-Presse reported.", en)
    assert unknown.startswith("Agence France")


def test_german_institutions_are_found_however_german_joins_their_words():
    de = ArticleFacts.of(
        "Die Bank von England hob den Leitzins an. Das Bundesinnenministerium und die Bundeskanzlerin "
        "äußerten sich am Abend, und der Deutsche Wetterdienst warnte vor neuen Unwettern in Bayern."
    )
    assert de.lang == "de"
    for name in ("Bank of England", "Federal Interior Ministry", "German Weather Service"):
        assert found_form(name, de, person=False) is not None, name
    assert unknown_names("The Federal Chancellor spoke as storms hit Bavaria.", de) == []
    assert found_form("Scottish Weather Office", de, person=False) is None


def test_an_organisation_written_in_full_is_the_one_the_article_names_short():
    facts = ArticleFacts.of(
        "Home ministry spokesman Laxmi Dhakal said 42 died, according to the Civil Protection agency "
        "and the U.S. Geological Survey.",
        source="La Presse (AFP)",
    )
    text = (
        "Ministry of Home Affairs spokesman Laxmi Dhakal told Agence France-Presse that the Civil "
        "Protection Department and the United States Geological Survey counted 42 dead."
    )
    assert unknown_names(text, facts) == []
    # What the official form adds is no licence to invent: the article names no health ministry.
    assert unknown_names("The Ministry of Health Affairs counted 42 dead.", facts) == ["Health Affairs"]


def test_a_name_translated_from_the_articles_language_is_found_in_its_own_form():
    es = ArticleFacts.of(
        "El huracán pasó por San Bartolomé y los Cayos de Florida; el Madrid jugará el mundial de "
        "clubes, y Carvajal podría perderse el Mundial. El ministro habló en Katmandú."
    )
    assert es.lang == "es"
    text = "Irma hit Saint Barthélemy and the Florida Keys; Madrid will play the Club World Cup."
    assert unknown_names(text, es) == []
    assert place_found("Kathmandu", es) and place_found("Saint Barthélemy", es)
    assert not unknown_names("Carvajal could miss the World Cup.", es)
    # A place the article never gives, in any form, is still not found.
    missing = unknown_names("Irma hit Puerto Rico and the Turks Islands.", es)
    assert missing == ["Puerto Rico", "Turks Islands"]


def test_a_speaker_with_an_organisations_title_is_a_person():
    assert not is_organisation("European Central Bank President Lagarde", [])
    assert not is_organisation("Houston Police Chief Art Acevedo", [])
    assert is_organisation("Federal Open Market Committee (FOMC) of the Federal Reserve", [])
    assert is_organisation("Houston Police Department", [])


def test_a_title_alone_is_no_form_of_a_person():
    facts = ArticleFacts.of('"It is gone," said Sergio Pirozzi, the mayor of Amatrice.')
    assert (
        found_form("Mayor of Amatrice Sergio Pirozzi", facts, person=True)
        == "Mayor of Amatrice Sergio Pirozzi"
    )


def test_an_organisation_in_full_is_found_by_the_source_lines_initials_or_its_other_forms():
    facts = ArticleFacts.of("The U.S. Coast Guard searched the bay, officials said.", source="UPI")
    assert (
        unknown_names("United Press International said the United States Coast Guard searched.", facts) == []
    )
    assert found_form("United States Coast Guard", facts, person=False) is not None
    assert found_form("Bank of England", facts, person=False) is None
    # A sentence may open with the whole name: 'Agence France-Presse' is AFP's, not 'France-Presse'.
    afp = ArticleFacts.of("Turnout was 63.23% at 5 pm.", source="txtreport (AFP)")
    assert unknown_names("Turnout was 63.23%. Agence France-Presse reported it.", afp) == []


def test_a_name_after_an_elided_article_is_capitalised_in_french():
    fr = ArticleFacts.of(
        "« Le bilan est de 1805 morts », a déclaré le porte-parole du ministère de l'Intérieur Laxmi Dhakal."
    )
    assert unknown_names("The Ministry of Home Affairs spokesman Laxmi Dhakal gave the toll.", fr) == []
    assert found_form("Ministry of Home Affairs", fr, person=False) is not None


def test_a_person_after_an_organisations_title_is_found_by_name_not_by_the_organisation():
    facts = ArticleFacts.of(
        'Harris County has had "six deaths," said Tricia Bentley, spokeswoman for the Harris County '
        "Institute."
    )
    speaker = "Harris County Institute of Forensic Sciences spokeswoman Tricia Bentley"
    assert found_form(speaker, facts, person=True) == "Tricia Bentley"
    # 'Opponents of President Emmanuel Macron' are not Macron.
    assert "Emmanuel Macron" not in name_forms("Opponents of President Emmanuel Macron", person=True)


def test_an_acronym_of_words_the_article_writes_out_is_found():
    facts = ArticleFacts.of("The International Organization for Migration confirmed four deaths.")
    assert found_form("IOM", facts, person=False) == "IOM"
    assert found_form("WHO", facts, person=False) is None


def test_a_possessive_joins_two_names_each_looked_up():
    facts = ArticleFacts.of("Real Madrid beat Liverpool 3-1 in Kiev as Gareth Bale scored twice.")
    assert unknown_names("Zinedine Zidane's Real Madrid beat Liverpool.", facts) == ["Zinedine Zidane"]
    assert unknown_names("Gareth Bale's Real Madrid beat Liverpool.", facts) == []


def test_a_countrys_adjective_in_the_articles_language_names_it():
    es = ArticleFacts.of("Las Islas Vírgenes estadounidenses han registrado cuatro víctimas mortales.")
    assert place_found("US Virgin Islands", es)
    assert not place_found("British Virgin Islands", es)


def test_a_state_or_body_in_its_official_style_is_the_one_the_article_names_short():
    facts = ArticleFacts.of(
        "Brazil and China sent condolences. Thai Navy SEALs reached the boys, officials in Australia said."
    )
    for place in ("Federative Republic of Brazil", "People's Republic of China", "Commonwealth of Australia"):
        assert place_found(place, facts), place
    assert found_form("Royal Thai Navy SEALs", facts, person=False) is not None
    # The style says nothing of which state: a state the article never names is still not found.
    assert not place_found("Federative Republic of Argentina", facts)


def test_the_outlet_of_the_source_line_written_in_full_is_given():
    abc = ArticleFacts.of("Jacobs won the 100 metres.", source="ABC News (Australia)")
    assert found_form("Australian Broadcasting Corporation", abc, person=False) is not None
    assert found_form("American Broadcasting Company News", abc, person=False) is not None
    assert found_form("Associated Broadcasting Group", abc, person=False) is None
    tass = ArticleFacts.of("Bolsonaro won the vote.", source="TASS")
    assert found_form("TASS Russian News Agency", tass, person=False) is not None
    ansa = ArticleFacts.of("L'americano Noah Lyles ha vinto la finale dei 100 metri.", source="ANSA")
    assert unknown_names("Agenzia Nazionale Stampa Associata says Noah Lyles won.", ansa) == []


def test_a_place_is_found_by_the_italian_articles_name_or_adjective():
    facts = ArticleFacts.of("L'americano Noah Lyles ha vinto la finale dei 100 metri, davanti al giamaicano.")
    assert unknown_names("Noah Lyles of the United States beat a runner from Jamaica.", facts) == []
    assert unknown_names("Noah Lyles of the United Kingdom won.", facts) == ["United Kingdom"]


def test_a_translated_organisation_is_found_by_the_initials_of_its_own_name():
    facts = ArticleFacts.of(
        "O ex-presidente Luiz Inácio Lula da Silva (PT) venceu o atual presidente Jair Bolsonaro (PL) "
        "no segundo turno das eleições presidenciais, segundo o tribunal."
    )
    assert initials_given("Workers' Party", facts)  # Partido dos Trabalhadores
    assert initials_given("Liberal Party", facts)  # Partido Liberal
    assert unknown_names("Lula of the Workers' Party beat Bolsonaro of the Liberal Party.", facts) == []
    # Initials the article does not write are no licence: no 'PSD' stands in it.
    assert not initials_given("Social Democratic Party", facts)
    assert unknown_names("Lula of the Social Democratic Party won.", facts) == ["Social Democratic Party"]


def test_a_countrys_body_named_with_its_adjective_is_the_one_the_article_writes_plainly():
    facts = ArticleFacts.of(
        "The death toll in Greece rose to 57, according to a toll released by the police."
    )
    assert found_form("Hellenic Police", facts, person=False) is not None
    assert unknown_names("The Hellenic Police said 57 died in Greece.", facts) == []
    # The body must be the article's: it gives no army, and no Turkish police.
    assert found_form("Hellenic Army", facts, person=False) is None
    assert found_form("Turkish Police", facts, person=False) is None


def test_a_landmark_the_model_translated_is_found_in_the_articles_own_words():
    """'St Peter's Square' for 'place Saint-Pierre' or 'plaza de San Pedro', 'Sistine Chapel' for
    'Capilla Sixtina': the words of the name in the article's language (the glossary); a landmark the
    article does not name is still not found."""
    fr = ArticleFacts.of("Le pape a parcouru la place Saint-Pierre. L'Argentin de 76 ans, jésuite, est élu.")
    es = ArticleFacts.of("La fumata blanca salió de la Capilla Sixtina y llegó a la plaza de San Pedro.")
    assert unknown_names("Francis toured St Peter's Square on Sunday.", fr) == []
    assert unknown_names("White smoke rose from the Sistine Chapel over St Peter's Square.", es) == []
    # A capitalised word after an elided article ('L'Argentin') is a name's.
    assert unknown_names("The 76-year-old Argentine Jesuit was elected.", fr) == []
    assert unknown_names("Francis visited the Trevi Fountain.", fr) == ["Trevi Fountain"]
    assert unknown_names("White smoke rose over the Trevi Fountain.", es) == ["Trevi Fountain"]


def test_a_translated_place_or_person_is_found_by_its_words_in_the_articles_language():
    # 'Java Sea' for 'el mar de Java'; 'Pope Francis' for a pope the article calls 'François Ier'
    # and, apart, 'le pape'.
    es = ArticleFacts.of("Un avión de Lion Air cayó en el mar de Java el 29 de octubre.")
    assert place_found("Java Sea", es)
    assert not place_found("Banda Sea", es)
    fr = ArticleFacts.of("Le conclave a élu le cardinal Bergoglio, qui prendra le nom de François Ier.")
    assert found_form("Pope Francis", fr, person=True) == "François"
    assert found_form("Pope Benedict", fr, person=True) is None


def test_an_organisation_written_in_full_is_the_one_the_article_names_shorter():
    """The titled style writes organisations in full: the words of its kind ('Broadcasting Company',
    'International Airport', 'National ... Agency'), its country where the article names it ('of
    Indonesia' for 'Indonesian') and a plural apart, the rest is the article's name. Not a body whose
    own words the article does not give."""
    article = ArticleFacts.of(
        '"It was everybody," Mahomes told Fox. The plane was to return to Jakarta\'s Soekarno-Hatta '
        "airport, a spokesman of the Indonesian Search and Rescue Agency said. An aide to the Thai Navy "
        "SEAL commander spoke. Figures were due."
    )
    for name in (
        "Fox Broadcasting Company",
        "Soekarno-Hatta International Airport",
        "National Search and Rescue Agency of Indonesia",
        "Royal Thai Navy SEALs",
    ):
        assert found_form(name, article, person=False) is not None, name
        assert unknown_names(f"The {name} said so.", article) == [], name
    assert unknown_names("The Office for National Statistics said so.", article) != []


def test_an_organisation_by_the_initials_of_its_name_in_the_articles_language():
    """'Consiglio Nazionale delle Ricerche' for the article's 'CNR': the small word left out."""
    article = ArticleFacts.of("According to studies by Italy's state-run CNR research center, it will melt.")
    assert found_form("Consiglio Nazionale delle Ricerche", article, person=False) is not None


def test_the_holy_see_is_the_vatican():
    article = ArticleFacts.of("Pope Francis has died aged 88, the Vatican announced on Easter Monday.")
    assert unknown_names("The Holy See announced the death on Easter Monday.", article) == []


def test_a_site_written_with_the_word_for_its_kind_is_the_one_the_article_names():
    facts = ArticleFacts.of(
        "The pilot asked to return to Jakarta's Soekarno-Hatta airport. Lava ran through the natural park "
        "Cumbre Vieja, and bodies were pulled from the 'Rigiopiano' hotel."
    )
    for site in ("Soekarno-Hatta International Airport", "Cumbre Vieja Natural Park", "Hotel Rigopiano"):
        assert place_found(site, facts), site
    assert unknown_names("Rescuers reached the Hotel Rigopiano near Cumbre Vieja Natural Park.", facts) == []
    # The kind says nothing of which site: one the article never names is still not found.
    assert not place_found("Halim Perdanakusuma International Airport", facts)
    assert not place_found("Hotel Farindola", facts)


def test_a_speaker_described_before_their_name_is_that_person():
    # What a person does or whom they work for, written before their name, makes them no organisation.
    assert described_name("South African Weather Service forecaster Dipuo Tawana") == "Dipuo Tawana"
    assert described_name("Head of the Civil Protection Department Fabrizio Curcio") == "Fabrizio Curcio"
    assert not is_organisation("Workers' Party candidate Fernando Haddad", [])
    assert is_organisation("Houston Police Department", [])
    assert described_name("Opponents of President Emmanuel Macron") is None
    facts = ArticleFacts.of(
        '"It could be the strongest to hit the continent," said Dipuo Tawana, forecaster at the SA Weather '
        "Service."
    )
    quoted = {"text": "It could be the strongest to hit the continent", "context": ""}
    tawana = {**quoted, "speaker": "South African Weather Service forecaster Dipuo Tawana"}
    invented = {**quoted, "speaker": "South African Weather Service forecaster Thabo Nkosi"}
    base = {"headline": "Cyclone", "summary": "A cyclone.", "key_points": ["A cyclone."], "entities": [],
            "timeline": [], "what_next": [], "topics": []}  # fmt: skip
    assert check_briefing(Briefing.model_validate(base | {"quotes": [tawana]}), facts)[0] == []
    [finding] = check_briefing(Briefing.model_validate(base | {"quotes": [invented]}), facts)[0]
    assert finding.kind == "speaker"


def test_an_organisation_is_found_with_its_number_in_figures_or_a_word_in_another_form():
    facts = ArticleFacts.of(
        "Maria Castellone, leader of the 5-Star movement in the senate, spoke. National Transport Safety "
        "Committee chief Suryanto Cahyono said Thai Navy seals joined, as the NAVY SEAL page showed."
    )
    assert name_found("Five Star Movement", facts, person=False)
    assert name_found("National Transportation Safety Committee", facts, person=False)
    assert found_form("Royal Thai Navy SEALs", facts, person=False) is not None
    # Another number, or another word, is another body.
    assert not name_found("Six Star Movement", facts, person=False)
    assert not name_found("National Transit Safety Committee", facts, person=False)
    assert unknown_names("Draghi lost the Five Star Movement and the Four Star Movement.", facts) == [
        "Four Star Movement"
    ]


def test_an_organisation_opening_with_the_word_for_its_kind_is_the_one_the_article_names():
    belga = ArticleFacts.of("Nadal a remporté son 14e titre. (Belga)", source="DH Les Sports+ (Belga)")
    assert found_form("Agence Belga", belga, person=False) is not None
    globo = ArticleFacts.of("Bolsonaro teve 55,4% dos votos, como indica a contagem da Globo.")
    assert found_form("Grupo Globo", globo, person=False) is not None
    # The kind says nothing of which body: one the article does not name is still not found.
    assert found_form("Grupo Record", globo, person=False) is None
