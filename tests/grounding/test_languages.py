"""Articles read in their own language and conventions: Dutch as a shipped language (its figures, days and
names), German and Italian names a model translated, and who the words went to or came from. Each test
is a short article written for it (not from any corpus): the faithful answer loses nothing, the invented
item is dropped."""

from __future__ import annotations

from datetime import date
from typing import Any

from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing

DUTCH = (
    "De regering heeft woensdag bekendgemaakt dat de overstromingen in Limburg aan twaalf mensen het "
    "leven hebben gekost. Volgens het ministerie van Infrastructuur zijn 1.250 woningen beschadigd en "
    "staat het water in Venlo 4,5 meter boven normaal. \u2018We doen wat we kunnen\u2019, zei minister "
    "Mark de Vries gisteren om 20.15 uur op een persconferentie in Den Haag. De Vijfsterrenbeweging "
    "van oud-premier Giuseppe Conte stuurde 300 vrijwilligers."
)
DUTCH_FACTS = ArticleFacts.of(DUTCH, date(2024, 7, 4))


def _briefing(**fields: Any) -> Briefing:
    plain = {"headline": "The report", "summary": "The report.", "key_points": ["The report."]}
    empty = {"entities": [], "quotes": [], "timeline": [], "what_next": [], "topics": []}
    return Briefing.model_validate(plain | empty | fields)


def _findings(briefing: Briefing, facts: ArticleFacts) -> list[tuple[str, str, bool]]:
    return [(f.where, f.kind, f.kept) for f in check_briefing(briefing, facts)[0]]


def test_a_dutch_article_is_read_in_its_own_words_and_notation():
    assert DUTCH_FACTS.lang == "nl"
    faithful = _briefing(
        headline="Floods in Limburg kill twelve",
        summary="On Wednesday the government said the floods killed 12 people and damaged 1,250 homes.",
        key_points=[
            "According to the Ministry of Infrastructure, the water in Venlo stood 4.5 metres above normal.",
            "Minister Mark de Vries spoke at 8:15 p.m. in The Hague.",
            "Giuseppe Conte's Five Star Movement sent 300 volunteers.",
        ],
        entities=[
            {"name": "Mark de Vries", "kind": "person", "role": "minister"},
            {"name": "Ministry of Infrastructure", "kind": "organization", "role": ""},
            {"name": "Vijfsterrenbeweging", "kind": "organization", "role": "Five Star Movement"},
        ],
        quotes=[{"text": "We doen wat we kunnen", "speaker": "Mark de Vries", "context": ""}],
        timeline=[
            {"when": "woensdag", "date": "2024-07-03", "event": "The government gave the toll."},
            {"when": "gisteren om 20.15 uur", "date": "2024-07-03", "event": "De Vries spoke."},
        ],
    )
    # Twelve written 'twaalf', 'woensdag', '20.15 uur', the ministry and the movement in Dutch: all read,
    # nothing kept and marked as a language the checks do not know.
    assert _findings(faithful, DUTCH_FACTS) == []


def test_what_a_dutch_article_does_not_say_is_dropped():
    wrong = _briefing(
        headline="Floods in Limburg kill thirteen",  # 'dertien' nowhere
        summary="Piet Smit said 1,350 homes were damaged.",  # a person the article never names
        key_points=["The Six Star Movement sent 300 volunteers."],  # six is no part of the article's name
        timeline=[{"when": "10 juli", "date": "2024-07-10", "event": "The toll was given."}],
    )
    assert _findings(wrong, DUTCH_FACTS) == [
        ("headline", "number", False),
        ("summary", "number", False),
        ("summary", "name", False),
        ("key_points[0]", "number", False),
        ("timeline[0]", "date", False),
    ]


MIGRANTS = (
    "Bij een schipbreuk voor Lampedusa zijn dinsdag meer dan veertig migranten omgekomen. Vier mensen "
    "overleefden het: drie mannen en een vrouw uit Ivoorkust. Meer dan driehonderd hulpverleners zochten "
    "langs een vierbaans kustweg naar vermisten."
)
MIGRANTS_FACTS = ArticleFacts.of(MIGRANTS, date(2023, 8, 9))


def test_a_dutch_country_name_and_a_number_inside_a_word_are_read():
    faithful = _briefing(
        summary="Four people survived: three men and a woman from Ivory Coast.",
        key_points=["More than 300 rescuers searched along a four-lane coastal road."],
    )
    # 'Ivoorkust', 'driehonderd' and 'vierbaans': a reader of Dutch sees the country, 300 and four.
    assert _findings(faithful, MIGRANTS_FACTS) == []
    wrong = _briefing(
        summary="Four people survived: three men and a woman from Sierra Leone.",  # nowhere
        key_points=["More than 400 rescuers searched along a six-lane coastal road."],  # 400 and six
    )
    assert _findings(wrong, MIGRANTS_FACTS) == [
        ("summary", "name", False),
        ("key_points[0]", "number", False),
    ]


ABOARD = "Vier opvarenden hebben de schipbreuk overleefd. Zeven hulpverleners zochten de hele nacht."
ABOARD_FACTS = ArticleFacts.of(ABOARD, date(2024, 7, 4))


def test_an_english_adjective_finds_the_place_a_dutch_article_names():
    # 'Dutch' is English's word for the Netherlands; the article writes 'Nederland'.
    article = ArticleFacts.of(
        "De PVV wordt de grootste partij van Nederland, zei Geert Wilders.", date(2024, 7, 4)
    )
    assert _findings(_briefing(headline="PVV becomes the largest Dutch party"), article) == []
    assert _findings(_briefing(headline="PVV becomes the largest Belgian party"), article) == [
        ("headline", "name", False)
    ]


def test_the_dutch_kustwacht_is_the_coast_guard():
    article = ArticleFacts.of(
        "De overlevenden zijn overgedragen aan de kustwacht van Lampedusa.", date(2024, 7, 4)
    )
    coast_guard = {"name": "Lampedusa Coast Guard", "kind": "organization", "role": ""}
    assert _findings(_briefing(entities=[coast_guard]), article) == []
    border_police = {"name": "Lampedusa Border Police", "kind": "organization", "role": ""}
    assert _findings(_briefing(entities=[border_police]), article) == [("entities[0]", "name", False)]


def test_dutch_opvarenden_are_the_passengers_a_briefing_counts():
    # 'Vier opvarenden': four people on board, which a model writes 'four passengers'.
    assert _findings(_briefing(summary="Four passengers survived."), ABOARD_FACTS) == []
    # Seven is the rescuers' count, not the passengers'.
    assert _findings(_briefing(summary="Seven passengers survived."), ABOARD_FACTS) == [
        ("summary", "number", False)
    ]


INVERTED = (
    "Premier Jan Visser heeft in Rotterdam gezegd dat het aantal slachtoffers zal stijgen. Eerder zei "
    "minister van Justitie Anna Bakker al dat de schuldigen moeten boeten. \u201eZe zullen betalen voor "
    "alles,\u201d zei hij."
)
INVERTED_FACTS = ArticleFacts.of(INVERTED, date(2024, 7, 4))


def test_a_dutch_speaker_after_her_verb_says_what_follows():
    # 'Eerder zei minister ... Anna Bakker al dat ...': Dutch puts the subject after the verb; the quote
    # that follows with 'zei hij' is hers, not the premier's named before her.
    people = [
        {"name": "Jan Visser", "kind": "person", "role": "premier"},
        {"name": "Anna Bakker", "kind": "person", "role": "minister"},
    ]
    quote = "Ze zullen betalen voor alles"
    faithful = _briefing(entities=people, quotes=[{"text": quote, "speaker": "Anna Bakker", "context": ""}])
    assert _findings(faithful, INVERTED_FACTS) == []
    wrong = _briefing(entities=people, quotes=[{"text": quote, "speaker": "Jan Visser", "context": ""}])
    assert _findings(wrong, INVERTED_FACTS) == [("quotes[0]", "speaker", False)]


CLAIMED = (
    "Meer boeren dan vorige week kwamen naar Den Haag, zo beweert Sanne de Groot, voorzitter van de "
    "boerenbond. \u201eDit was de grootste actie van het jaar\u201d, klinkt het. Ook Pieter Smit van "
    "de vissersbond was erbij."
)
CLAIMED_FACTS = ArticleFacts.of(CLAIMED, date(2024, 7, 4))


def test_a_dutch_claim_and_an_impersonal_klinkt_het_give_the_words_to_the_claimant():
    # 'zo beweert ...' makes its subject the speaker; '..., klinkt het' ('so it sounds') names no one
    # new: the words are hers, not those of the man named after them.
    people = [
        {"name": "Sanne de Groot", "kind": "person", "role": "farmers' union chair"},
        {"name": "Pieter Smit", "kind": "person", "role": "fishermen's union"},
    ]
    quote = "Dit was de grootste actie van het jaar"
    faithful = _briefing(
        entities=people, quotes=[{"text": quote, "speaker": "Sanne de Groot", "context": ""}]
    )
    assert _findings(faithful, CLAIMED_FACTS) == []
    wrong = _briefing(entities=people, quotes=[{"text": quote, "speaker": "Pieter Smit", "context": ""}])
    assert _findings(wrong, CLAIMED_FACTS) == [("quotes[0]", "speaker", False)]


GERMAN = (
    "Nach dem Einbruch in das Historische Grüne Gewölbe in Dresden fahndet die Polizei weiter nach den "
    "Tätern. Die Ermittler des Landeskriminalamts übernahmen den Fall. Die Museumsleitung spricht von "
    "einem \u201eSuper-Gau\u201c. \u201eWir bewachen das Schloss in der Nacht.\u201c, so ein "
    "Polizeisprecher."
)
GERMAN_FACTS = ArticleFacts.of(GERMAN, date(2019, 11, 26))


def test_a_name_translated_from_german_is_found_in_its_compounds_and_inflections():
    faithful = _briefing(
        headline="Police hunt the thieves of Dresden's Green Vault",
        entities=[
            {"name": "LKA", "kind": "organization", "role": "state criminal police office"},
            {"name": "Polizei Dresden", "kind": "organization", "role": ""},
        ],
        quotes=[
            {"text": "Super-Gau", "speaker": "museum management", "context": ""},
            {"text": "Wir bewachen das Schloss in der Nacht", "speaker": "a police spokesman", "context": ""},
        ],
    )
    assert _findings(faithful, GERMAN_FACTS) == []
    invented = _briefing(
        headline="Police hunt the thieves of Dresden's Golden Hall",
        entities=[
            {"name": "BKA", "kind": "organization", "role": "federal criminal police office"},
            {"name": "Polizei Leipzig", "kind": "organization", "role": ""},
        ],
    )
    assert _findings(invented, GERMAN_FACTS) == [
        ("headline", "name", False),
        ("entities[0]", "name", False),
        ("entities[1]", "name", False),
    ]


def test_words_the_article_gives_right_after_to_a_described_speaker_are_not_anothers():
    # '„…“, so ein Polizeisprecher': the police spokesman's words, not the museum management's.
    guarded = "Wir bewachen das Schloss in der Nacht"
    misattributed = _briefing(quotes=[{"text": guarded, "speaker": "museum management", "context": ""}])
    assert _findings(misattributed, GERMAN_FACTS) == [("quotes[0]", "speaker", False)]
    english = ArticleFacts.of('"We guard the castle at night," said a police spokesman.')
    in_english = _briefing(
        quotes=[{"text": "We guard the castle at night", "speaker": "museum management", "context": ""}]
    )
    assert _findings(in_english, english) == [("quotes[0]", "speaker", False)]


def test_the_agency_the_words_were_told_to_is_not_their_speaker():
    # 'ha riferito all'ANSA il capo del Soccorso alpino': the words went to ANSA, Crocetta said them.
    italian = ArticleFacts.of(
        "I soccorritori lavorano in condizioni difficili. \u201cCi sono tanti morti\u201d, secondo quanto "
        "ha riferito all'ANSA il capo del Soccorso alpino abruzzese Antonio Crocetta, partito ieri sera."
    )
    faithful = _briefing(
        key_points=["Antonio Crocetta, head of the Abruzzo Alpine Rescue, told ANSA there are many dead."],
        entities=[
            {"name": "Antonio Crocetta", "kind": "person", "role": "head of the Abruzzo Alpine Rescue"},
            {"name": "ANSA", "kind": "organization", "role": "news agency"},
        ],
        quotes=[
            {
                "text": "Ci sono tanti morti",
                "speaker": "Antonio Crocetta, capo del Soccorso alpino abruzzese",
                "context": "to ANSA",
            }
        ],
    )
    assert _findings(faithful, italian) == []


def test_a_described_speaker_is_found_in_any_of_the_articles_words_for_them():
    # 'vertelde een reiziger aan het ANP': a passenger's words, told to ANP; the article also counts
    # 'passagiers', which does not make the passenger someone else.
    dutch = ArticleFacts.of(
        "Bij een treinbotsing bij Utrecht zijn zaterdagavond twee doden gevallen, meldt de politie. Er "
        "zaten ruim 200 passagiers in de trein. 'Het was een enorme klap', vertelde een reiziger aan het "
        "ANP. Burgemeester Sharon Dijksma sprak van een zwarte dag."
    )
    faithful = _briefing(
        entities=[{"name": "ANP", "kind": "organization", "role": "news agency"}],
        quotes=[{"text": "Het was een enorme klap", "speaker": "a passenger", "context": "to ANP"}],
    )
    assert _findings(faithful, dutch) == []
    given_to_the_mayor = _briefing(
        quotes=[{"text": "Het was een enorme klap", "speaker": "Sharon Dijksma", "context": ""}]
    )
    assert _findings(given_to_the_mayor, dutch) == [("quotes[0]", "speaker", False)]


def test_bodies_named_with_their_regions_adjective_are_found_in_german_and_italian():
    german = ArticleFacts.of(
        "Ein Regionalzug entgleiste gegen 13.20 Uhr bei Garmisch-Partenkirchen. Nach Angaben des "
        "Bayerischen Roten Kreuzes waren rund 140 Rettungskräfte im Einsatz. Die Staatsanwaltschaft "
        "München II ermittelt."
    )
    italian = ArticleFacts.of(
        "Un treno regionale è deragliato poco dopo le 7.30 a Pioltello, alle porte di Milano. Lo ha "
        "comunicato la Protezione civile lombarda. I Vigili del fuoco hanno lavorato tutta la notte. "
        "Secondo Rete Ferroviaria Italiana, la linea resterà chiusa fino a lunedì."
    )
    bodies = [
        ("Bavarian Red Cross", german),
        ("Munich II Public Prosecutor's Office", german),
        ("Lombardy Civil Protection", italian),
        ("Fire Brigade", italian),
        ("Italian Rail Network", italian),
    ]
    for name, facts in bodies:
        found = _briefing(entities=[{"name": name, "kind": "organization", "role": ""}])
        assert _findings(found, facts) == [], name
    # 'poco dopo le 7.30' is the time of day a briefing writes '7:30 a.m.'.
    assert _findings(_briefing(summary="The train derailed at 7:30 a.m."), italian) == []
    invented = _briefing(entities=[{"name": "Saxon Blue Cross", "kind": "organization", "role": ""}])
    assert _findings(invented, german) == [("entities[0]", "name", False)]


def test_a_description_after_the_quotation_that_goes_on_to_name_the_speaker_is_theirs():
    english = ArticleFacts.of('"We will rebuild the bridge," said a spokesman for the city, John Smith.')
    faithful = _briefing(
        quotes=[{"text": "We will rebuild the bridge", "speaker": "John Smith", "context": ""}]
    )
    assert _findings(faithful, english) == []


#: A speaker who names what they speak of ('lo ha definito', 'lo calificó de', 'a qualifié de',
#: 'classificou como'), as 'described' and 'bezeichnete' attribute: written for the test, each with a
#: speaker quoted just before, to whom the words are not given.
NAMING = [
    (
        "it",
        "«Stiamo lavorando senza sosta», ha detto il sindaco Marco Neri. «Una ferita aperta», lo ha "
        "definito il prefetto Carla Fonti.",
        "Una ferita aperta",
    ),
    (
        "es",
        '"Trabajamos sin descanso", dijo el alcalde Marco Neri. "Una herida abierta", lo calificó la '
        "delegada Carla Fonti.",
        "Una herida abierta",
    ),
    (
        "fr",
        "« Nous travaillons sans relâche », a dit le maire Marco Neri. « Une plaie ouverte », a qualifié la "
        "préfète Carla Fonti.",
        "Une plaie ouverte",
    ),
    (
        "pt",
        '"Trabalhamos sem descanso", disse o prefeito Marco Neri. "Uma ferida aberta", classificou a '
        "governadora Carla Fonti.",
        "Uma ferida aberta",
    ),
]


def test_a_speaker_who_names_what_they_speak_of_said_it():
    for lang, text, wound in NAMING:
        facts = ArticleFacts.of(text)
        assert facts.lang == lang
        people = [{"name": "Carla Fonti", "kind": "person", "role": "prefect"}]
        people.append({"name": "Marco Neri", "kind": "person", "role": "mayor"})
        right = _briefing(entities=people, quotes=[{"text": wound, "speaker": "Carla Fonti", "context": ""}])
        wrong = _briefing(entities=people, quotes=[{"text": wound, "speaker": "Marco Neri", "context": ""}])
        assert check_briefing(right, facts)[0] == [], lang
        assert [f.kind for f in check_briefing(wrong, facts)[0] if not f.kept] == ["speaker"], lang


def test_a_figure_copied_the_articles_way_is_read_the_articles_way():
    # Written for the test: an attributive answer keeps the article's notation in an English sentence.
    french = ArticleFacts.of("La maladie a touché près de 17.000 personnes dans 74 pays, selon l'OMS.")
    kept = _briefing(key_points=["According to the WHO, the disease has affected près de 17.000 personnes."])
    assert check_briefing(kept, french)[0] == []
    wrong = _briefing(key_points=["According to the WHO, the disease has affected près de 18.000 personnes."])
    assert [f.kind for f in check_briefing(wrong, french)[0]] == ["number"]
    german = ArticleFacts.of(
        "Die Zahl der Fälle steigt weiter. Es gibt mehr als 16 000 bestätigte Fälle in 60 Ländern, und "
        "die meisten davon sind in Europa, sagte der Chef der WHO am Samstag."
    )
    assert german.lang == "de"
    assert check_briefing(_briefing(key_points=["There are more than 16 000 cases."]), german)[0] == []
    portuguese = ArticleFacts.of("Em Chiva choveu 491 mm em oito horas, e em Santa Maria 470,7 mm.")
    assert (french.lang, portuguese.lang) == ("fr", "pt")
    point = "Chiva's 491 mm exceeds Santa Maria (470,7 mm)."
    assert check_briefing(_briefing(key_points=[point]), portuguese)[0] == []


def test_one_counted_by_an_indefinite_article_before_a_toll():
    # Written for the test: 'ein Mensch getötet', 'un mort' and 'a man was killed' are one dead.
    german = ArticleFacts.of(
        "Bei dem Unfall auf der Autobahn ist ein Mensch getötet und 12 weitere verletzt worden, sagte die "
        "Polizei am Montag."
    )
    assert german.lang == "de" and 1.0 in german.values
    assert check_briefing(_briefing(key_points=["1 dead, 12 injured."]), german)[0] == []
    assert 1.0 in ArticleFacts.of("Dans l'accident, il y a eu un mort et douze blessés.").values
    assert 1.0 in ArticleFacts.of("A man was killed and 12 people were hurt in the crash.").values
    assert 1.0 not in ArticleFacts.of("A bridge was closed and 12 people were hurt in the crash.").values
