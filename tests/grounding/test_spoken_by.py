"""Who the article says spoke, read as a reader would (issue #27): the nearest attribution after the
quotation in its sentence, a sentence that points back at it, a person named again by honorific and
surname, a description before the name; a quote given to another is dropped, the speaker's own kept."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, check_briefing, quote_spans
from summarizer.grounding.first_named import first_of_the_name
from summarizer.grounding.names import name_forms
from summarizer.grounding.speakers import attributed_to
from summarizer.models import Briefing


def _speaker_findings(article: str, speaker: str, text: str, entities: list[dict[str, str]]) -> list[str]:
    quotes = [{"text": text, "speaker": speaker, "context": "c"}]
    briefing = Briefing.model_validate(
        {
            "headline": "h",
            "summary": "s.",
            "key_points": ["k."],
            "timeline": [],
            "what_next": [],
            "topics": [],
            "entities": entities,
            "quotes": quotes,
        }
    )
    findings, _ = check_briefing(briefing, ArticleFacts.of(article))
    return [f.reason for f in findings if f.kind == "speaker" and not f.kept]


def _person(name: str, role: str = "") -> dict[str, str]:
    return {"name": name, "kind": "person", "role": role}


FRENCH = (
    "Le juge d'instruction Paul Marchal a ouvert une enquête mardi à Lyon. Les enquêteurs ont entendu "
    'trois témoins dans la soirée. "Le conducteur roulait bien trop vite", a ajouté M. Marchal devant '
    'la presse. "Nous reconstruirons le pont", a déclaré la maire de Lyon, Claire Vasseur. "Merci à tous '
    'les bénévoles", a sobrement réagi Claire Vasseur sur X. "Le chantier durera un an", a précisé la '
    "maire."
)
FRENCH_PEOPLE = [_person("Paul Marchal", "juge"), _person("Claire Vasseur", "maire")]


def _span(words: str, facts: ArticleFacts) -> tuple[int, int]:
    [span] = quote_spans(words, facts)
    return span


def test_a_french_honorific_before_the_surname_is_no_other_given_name():
    facts = ArticleFacts.of(FRENCH)
    assert first_of_the_name("M. Marchal", "marchal", facts)
    # A given name the article never gives this surname is someone else's.
    assert not first_of_the_name("Pierre Marchal", "marchal", facts)


def test_a_description_then_the_name_after_a_comma_is_that_person():
    assert "Claire Vasseur" in name_forms("la maire de Lyon, Claire Vasseur", person=True)
    facts = ArticleFacts.of(FRENCH)
    span = _span("Nous reconstruirons le pont", facts)
    assert attributed_to(span, ["maire", "marchal", "vasseur"], facts) == "vasseur"


def test_a_reaction_attributes_as_a_speech_verb_does():
    facts = ArticleFacts.of(
        "Le juge Paul Marchal a déclaré mardi que l'enquête avançait vite et que les témoins avaient "
        'été entendus. "Merci à tous les bénévoles", a sobrement réagi la maire Claire Vasseur sur X.'
    )
    span = _span("Merci à tous les bénévoles", facts)
    assert attributed_to(span, ["marchal", "vasseur"], facts) == "vasseur"


def test_a_given_name_with_a_slipped_letter_is_the_speakers():
    facts = ArticleFacts.of('Cyclist Tadedj Pogacar won the race. "I am so happy," said Pogacar.')
    assert first_of_the_name("Tadej Pogacar", "pogacar", facts)
    assert not first_of_the_name("Jonas Pogacar", "pogacar", facts)


def test_a_description_that_names_the_speakers_own_party_is_theirs():
    article = (
        "O primeiro-ministro Rui Sampaio chegou ao hotel na noite de domingo, perante os apoiantes "
        "do seu partido reunidos num hotel de Lisboa. Ana Lopes (PS) excluiu a formação de uma maioria de "
        'esquerda que suporte um governo. "Nenhuma solução dessas passa no parlamento", comentou a líder '
        "socialista."
    )
    entities = [
        _person("Ana Lopes", "PS leader"),
        _person("Rui Sampaio", "prime minister"),
        {"name": "Partido Socialista (PS)", "kind": "organization", "role": "party"},
    ]
    words = "Nenhuma solução dessas passa no parlamento"
    assert not _speaker_findings(article, "Ana Lopes", words, entities)
    # The party it names is not the prime minister's: the words are another's.
    assert _speaker_findings(article, "Rui Sampaio", words, entities)


def test_the_clause_that_closes_the_sentence_credits_its_quotation():
    article = (
        "Harbour official Joan Pratt said the crew had been found. The trawler left the port of Brest "
        '"nearly a week ago" and was spotted late on Monday by a patrol plane, French coastguards said.'
    )
    entities = [_person("Joan Pratt", "harbour official")]
    assert _speaker_findings(article, "Joan Pratt", "nearly a week ago", entities)
    own = article.replace("French coastguards said", "Pratt said")
    assert not _speaker_findings(own, "Joan Pratt", "nearly a week ago", entities)


def test_a_group_described_by_a_noun_is_not_the_one_according_to_whom():
    article = (
        'Ray Dunne was cleared on Friday. The witness told the court she felt "shock and fear", according '
        "to prosecutors at the hearing. Dunne's lawyers said they would not comment."
    )
    entities = [_person("Ray Dunne", "defendant")]
    assert _speaker_findings(article, "Dunne's lawyers", "shock and fear", entities)


def test_a_sentence_that_points_back_gives_the_quotation_to_who_it_names():
    article = (
        "De partij van Jan de Vries won twaalf zetels. Kamerlid Els Bakker stond op de foto. De partij is "
        "'niet meer te negeren'. Dat heeft partijleider Jan de Vries woensdagavond verklaard."
    )
    entities = [_person("Jan de Vries", "partijleider"), _person("Els Bakker", "Kamerlid")]
    assert _speaker_findings(article, "Els Bakker", "niet meer te negeren", entities)
    assert not _speaker_findings(article, "Jan de Vries", "niet meer te negeren", entities)
