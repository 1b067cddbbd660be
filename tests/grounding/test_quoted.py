"""Who said it (grounding/quoted.py): a quotation its own sentence gives to an organisation is not the
words of a person named before it."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.models import Briefing

ARTICLE = (
    "According to the BBC, Lion Air chief executive Edward Sirait said the plane had an unspecified "
    '"technical issue" on a previous flight, but he said that this had been "resolved". On its website, '
    'Lion Air has issued a statement that states: "Currently 90 people from the families of passengers '
    'have arrived in Jakarta."'
)
ENTITIES = [
    {"name": "Lion Air", "kind": "organization", "role": "airline"},
    {"name": "Edward Sirait", "kind": "person", "role": "Lion Air chief executive"},
]


_BASE = {
    "headline": "Lion Air crash",
    "summary": "A crash.",
    "key_points": ["A plane crashed."],
    "timeline": [],
    "what_next": [],
    "topics": [],
    "entities": ENTITIES,
    "quotes": [],
}


def _answer(speaker: str, text: str) -> Briefing:
    quote = {"text": text, "speaker": speaker, "context": "crash"}
    return Briefing.model_validate({**_BASE, "quotes": [quote]})


def test_a_statement_its_sentence_gives_to_an_organisation_is_not_a_persons():
    facts = ArticleFacts.of(ARTICLE)
    words = "Currently 90 people from the families of passengers have arrived in Jakarta."
    findings, _ = check_briefing(_answer("Edward Sirait", words), facts)
    assert [(f.where, f.reason, f.kept) for f in findings] == [
        ("quotes[0]", "the article gives this quote to someone else", False)
    ]
    assert check_briefing(_answer("Lion Air", words), facts)[0] == []
    # Named in the sentence, the person keeps the words.
    assert check_briefing(_answer("Edward Sirait", "technical issue"), facts)[0] == []


def test_whoever_addresses_the_nation_speaks_the_words_that_follow():
    facts = ArticleFacts.of(
        "The foreman Luis Urzua was the last man out of the mine. President Sebastian Pinera addressed "
        'the nation at the podium. "Long Live Chile!" "We were in the heart of the world."'
    )
    people = [
        {"name": "Luis Urzua", "kind": "person", "role": "foreman"},
        {"name": "Sebastian Pinera", "kind": "person", "role": "president"},
    ]

    def answer(speaker: str) -> Briefing:
        quote = {"text": "We were in the heart of the world.", "speaker": speaker, "context": "rescue"}
        return _answer(speaker, quote["text"]).model_copy(
            update={"entities": Briefing.model_validate({**_BASE, "entities": people}).entities}
        )

    findings, _ = check_briefing(answer("Luis Urzua"), facts)
    assert [(f.where, f.reason, f.kept) for f in findings if f.where.startswith("quotes")] == [
        ("quotes[0]", "the article gives this quote to someone else", False)
    ]
    assert not [
        f for f in check_briefing(answer("Sebastian Pinera"), facts)[0] if f.where.startswith("quotes")
    ]


ITALIAN = (
    '"Non ho mai visto una cosa del genere", ha dichiarato uno dei soccorritori. '
    'Papa Benedetto XVI ha annunciato questa mattina le proprie dimissioni. "Lascio per l\'età avanzata" '
    "- ha affermato il papa. «Un fulmine a ciel sereno». Ha commentato il cardinale Angelo Sodano."
)


def _italian(speaker: str, text: str, *others: dict[str, str]) -> list[tuple[str, bool]]:
    people = [
        {"name": "Papa Benedetto XVI", "kind": "person", "role": "resigning pope"},
        {"name": "Angelo Sodano", "kind": "person", "role": "cardinal"},
        *others,
    ]
    quotes = [{"text": text, "speaker": speaker, "context": ""}]
    answer = Briefing.model_validate(_BASE | {"headline": "Il papa", "entities": people, "quotes": quotes})
    findings, _ = check_briefing(answer, ArticleFacts.of(ITALIAN))
    return [(f.reason, f.kept) for f in findings if f.where == "quotes[0]"]


def test_a_sentence_opening_with_its_speech_verb_gives_the_quotation_before_it():
    """«...». Ha commentato il cardinale Angelo Sodano: Sodano's words, not the pope's named before."""
    assert _italian("Cardinal Angelo Sodano", "Un fulmine a ciel sereno") == []
    assert _italian("Pope Benedict XVI", "Un fulmine a ciel sereno") != []


def test_a_given_name_in_the_articles_language_is_the_same_person():
    """'Pope Benedict XVI' for 'Papa Benedetto XVI': named, and the one who said it."""
    assert _italian("Pope Benedict XVI", "Lascio per l'età avanzata") == []


def test_a_speaker_described_in_english_for_the_articles_description_is_kept_and_marked():
    """'one of the rescuers' for 'uno dei soccorritori': no one named said it; kept, marked, not asked
    again. A name the article never gives is still dropped."""
    [(_, kept)] = _italian("one of the rescuers", "Non ho mai visto una cosa del genere")
    assert kept
    # The briefing lists the description among its people, in the article's words: still no one named.
    rescuer = {"name": "uno dei soccorritori", "kind": "person", "role": "rescuer"}
    [(_, kept)] = _italian("one of the rescuers", "Non ho mai visto una cosa del genere", rescuer)
    assert kept
    [(reason, kept)] = _italian("Marco Rossi", "Non ho mai visto una cosa del genere")
    assert (reason, kept) == ("the speaker is not named in the article", False)


EUROVISION = (
    "News of the victory was welcomed by Ukraine's president, Volodymyr Zelenskiy, who wrote on social "
    'media: "Slava Ukraini!" The triumph by Kalush Orchestra - whose performance in Turin ended with the '
    'plea: "Please help Ukraine, help Mariupol" - means that Ukraine will host next year. Sweden\'s Loreen '
    'won in 2023. "I am seriously overwhelmed," Loreen told reporters. Yesterday, Greek Prime Minister '
    'Kyriakos Mitsotakis revealed, in a televised statement, that "a tragic human error was the cause".'
)


def _eurovision(speaker: str, text: str) -> list[str]:
    people = [
        {"name": "Volodymyr Zelenskiy", "kind": "person", "role": "president"},
        {"name": "Kalush Orchestra", "kind": "organization", "role": "winners"},
        {"name": "Loreen", "kind": "person", "role": "singer"},
    ]
    quotes = [{"text": text, "speaker": speaker, "context": ""}]
    answer = Briefing.model_validate(
        _BASE | {"headline": "Ukraine wins", "entities": people, "quotes": quotes}
    )
    return [
        f.reason for f in check_briefing(answer, ArticleFacts.of(EUROVISION))[0] if f.where == "quotes[0]"
    ]


def test_a_quotation_whose_own_sentence_names_only_the_speaker_is_theirs():
    """'The triumph by Kalush Orchestra - whose performance ended with the plea: "..."': the band's
    words, not those of the president quoted a sentence before, nor those of a singer named later."""
    assert _eurovision("Kalush Orchestra", "Please help Ukraine, help Mariupol") == []
    assert _eurovision("Kalush Orchestra (Ukraine)", "Please help Ukraine, help Mariupol") == []
    assert _eurovision("Loreen", "Please help Ukraine, help Mariupol") != []


def test_what_describes_a_speaker_is_not_a_given_name():
    """'Swedish singer Loreen' for the article's "Sweden's Loreen"; 'revealed' attributes as 'said'."""
    assert _eurovision("Swedish singer Loreen", "I am seriously overwhelmed") == []
    assert (
        _eurovision("Prime Minister of Greece Kyriakos Mitsotakis", "a tragic human error was the cause")
        == []
    )
    assert _eurovision("Volodymyr Zelenskiy", "I am seriously overwhelmed") != []


def test_a_quotation_its_sentence_gives_to_another_persons_description_is_not_the_speakers():
    facts = ArticleFacts.of(
        "President Sebastian Pinera watched as the capsule carrying Luis Urzua broke the surface. The shift "
        "supervisor at the mine, credited with helping the miners endure, then embraced the president "
        'and said: "We have done what the entire world was waiting for."'
    )
    entities = [
        {"name": "Luis Urzua", "kind": "person", "role": "last miner rescued, shift supervisor"},
        {"name": "Sebastian Pinera", "kind": "person", "role": "President of Chile"},
    ]
    words = "We have done what the entire world was waiting for."

    def findings(speaker: str) -> list[tuple[str, bool | None]]:
        quote = {"text": words, "speaker": speaker, "context": "surfacing"}
        briefing = Briefing.model_validate({**_BASE, "entities": entities, "quotes": [quote]})
        return [(f.reason, f.kept) for f in check_briefing(briefing, facts)[0] if f.where == "quotes[0]"]

    assert findings("Sebastian Pinera") == [("the article gives this quote to someone else", False)]
    assert findings("Luis Urzua") != [("the article gives this quote to someone else", False)]


def test_the_agency_an_italian_speaker_told_is_not_the_speaker():
    # 'ha riferito all'ANSA ... Antonio Crocetta': the words went to ANSA, Crocetta said them.
    facts = ArticleFacts.of(
        '"Ci sono tanti morti", secondo quanto ha riferito all\'ANSA il capo del Soccorso alpino abruzzese '
        "Antonio Crocetta. Il prefetto Francesco Provolo ha parlato di 35 dispersi."
    )
    entities = [
        {"name": "Antonio Crocetta", "kind": "person", "role": "capo del Soccorso alpino abruzzese"},
        {"name": "Francesco Provolo", "kind": "person", "role": "prefetto"},
        {"name": "Agenzia Nazionale Stampa Associata (ANSA)", "kind": "organization", "role": "agenzia"},
    ]
    said = {"text": "Ci sono tanti morti", "context": ""}
    base = _BASE | {"headline": "Avalanche", "summary": "An avalanche.", "key_points": ["An avalanche."]}
    right = Briefing.model_validate(
        base | {"entities": entities, "quotes": [{**said, "speaker": "Antonio Crocetta"}]}
    )
    assert check_briefing(right, facts)[0] == []
    wrong = Briefing.model_validate(
        base | {"entities": entities, "quotes": [{**said, "speaker": "Francesco Provolo"}]}
    )
    [finding] = check_briefing(wrong, facts)[0]
    assert finding.kind == "speaker" and not finding.kept
