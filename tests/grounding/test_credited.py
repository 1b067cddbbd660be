"""Whom the words after a quotation credit it to (grounding/credited.py): a quote the article credits,
right after it, to someone named otherwise than the speaker is not the speaker's."""

from __future__ import annotations

from typing import Any

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.models import Briefing

_BASE: dict[str, Any] = {
    "headline": "A shipwreck",
    "summary": "A boat sank.",
    "key_points": ["A boat sank."],
    "timeline": [],
    "what_next": [],
    "topics": [],
}


def _findings(
    article: str, entities: list[dict[str, str]], speaker: str, text: str
) -> list[tuple[str, bool]]:
    quote = {"text": text, "speaker": speaker, "context": ""}
    briefing = Briefing.model_validate({**_BASE, "entities": entities, "quotes": [quote]})
    return [(f.reason, f.kept) for f in check_briefing(briefing, ArticleFacts.of(article))[0]]


def test_a_quote_the_clause_after_it_credits_to_a_named_body_is_not_a_persons():
    # The mayor is named two sentences before; the police said the words.
    article = (
        "Mayor Anna Rossi visited the beach on Sunday. The boat had left the port of Izmir "
        '"about four days ago," Italian police said. Patrol boats were sent out.'
    )
    entities = [
        {"name": "Anna Rossi", "kind": "person", "role": "mayor"},
        {"name": "Italian police", "kind": "organization", "role": "police"},
    ]
    assert _findings(article, entities, "Italian police", "about four days ago") == []
    assert _findings(article, entities, "Anna Rossi", "about four days ago") == [
        ("the article gives this quote to someone else", False)
    ]


def test_a_speech_verb_before_its_named_subject_credits_the_quote_in_any_language():
    article = (
        "La OMS declaró el fin de la emergencia tras una reunión del Comité de Emergencia. "
        '"He aceptado ese consejo", señaló el doctor Tedros Adhanom ante la prensa.'
    )
    entities = [
        {"name": "Tedros Adhanom", "kind": "person", "role": "director general de la OMS"},
        {"name": "Comité de Emergencia", "kind": "organization", "role": "comité de la OMS"},
    ]
    assert _findings(article, entities, "Tedros Adhanom", "He aceptado ese consejo") == []
    assert _findings(article, entities, "Comité de Emergencia", "He aceptado ese consejo") == [
        ("the article gives this quote to someone else", False)
    ]


def test_a_description_by_an_organisation_or_a_statement_credits_no_one_else():
    # 'the candidate of En Marche' describes Macron as the briefing may not: his words, unconfirmed at
    # worst, are not given to another.
    article = (
        "Emmanuel Macron a célébré sa victoire dimanche soir. "
        '"Notre tâche est immense", a répété le candidat d\'En Marche devant ses partisans.'
    )
    entities = [{"name": "Macron", "kind": "person", "role": "winner"}]
    assert all(kept for _, kept in _findings(article, entities, "Macron", "Notre tâche est immense"))
    # 'the brief statement said' speaks for whoever issued it: the county named before.
    article = (
        "Maui County gave the toll on Wednesday. "
        '"36 total fatalities have been discovered," the brief statement said.'
    )
    entities = [{"name": "Maui County", "kind": "organization", "role": "county"}]
    assert _findings(article, entities, "Maui County", "36 total fatalities have been discovered") == []


def test_the_wire_that_reports_a_quote_did_not_say_it():
    article = (
        "Facebook's chief technology officer Mike Schroepfer apologised on Twitter. Services "
        '"may take some time to get to 100%," reported Reuters.'
    )
    entities = [{"name": "Mike Schroepfer", "kind": "person", "role": "Facebook chief technology officer"}]
    found = _findings(article, entities, "Mike Schroepfer", "may take some time to get to 100%")
    assert all(kept for _, kept in found)


def test_a_quote_whose_sentence_names_another_person_alone_is_theirs():
    # 'describes' is no speech verb; the sentence names the harbour master alone, as it would name the
    # speaker: the words are not the minister's, named a paragraph later.
    article = (
        "The harbour master of Bari, Paolo Greco, describes \u201ca night without end\u201d as the search "
        "went on. Divers worked through the night in rough seas, and two patrol boats searched the coast "
        "north of the harbour until dawn.\n\nThe ferry company said it would review its safety rules. "
        "Later that day transport minister Carla Neri visited the port."
    )
    entities = [
        {"name": "Paolo Greco", "kind": "person", "role": "harbour master"},
        {"name": "Carla Neri", "kind": "person", "role": "transport minister"},
    ]
    assert _findings(article, entities, "Paolo Greco", "a night without end") == []
    assert _findings(article, entities, "Carla Neri", "a night without end") == [
        ("the article gives this quote to someone else", False)
    ]
