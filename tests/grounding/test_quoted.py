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
