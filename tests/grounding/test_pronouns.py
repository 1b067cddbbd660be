"""Whom a pronoun's attribution refers to (grounding/pronouns.py), and the speakers dropped on it:
a quote given to another person than the one the article's 'he said' refers to."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, check_briefing, quote_spans
from summarizer.grounding.speakers import attributed, attributed_to
from summarizer.models import Briefing

_FILLER = "The rescue efforts restarted at 11 a.m. local time under a clear sky over the mountain. " * 7


def _answer(speaker: str, text: str, people: list[str]) -> Briefing:
    return Briefing.model_validate(
        {
            "headline": "Rescue",
            "summary": "A rescue.",
            "key_points": ["A rescue went on."],
            "timeline": [],
            "what_next": [],
            "topics": [],
            "entities": [{"name": name, "kind": "person", "role": "official"} for name in people],
            "quotes": [{"text": text, "speaker": speaker, "context": "rescue"}],
        }
    )


def test_a_quotation_that_goes_on_after_he_said_is_the_same_speakers():
    facts = ArticleFacts.of(
        "The aide, Sitthichai Klangpattana, did not comment. Mission chief Narongsak Osatanakorn, the "
        "former governor, said the mission went faster than expected. "
        + _FILLER
        + '"We have confirmed that the weather is good," he said. "We are 100 percent ready."'
    )
    [span] = quote_spans("We are 100 percent ready.", facts)
    assert attributed_to(span, ["klangpattana", "osatanakorn"], facts) == "osatanakorn"
    people = ["Sitthichai Klangpattana", "Narongsak Osatanakorn"]
    wrong = _answer("Sitthichai Klangpattana", "We are 100 percent ready.", people)
    findings, _ = check_briefing(wrong, facts)
    assert [(f.where, f.reason, f.kept) for f in findings] == [
        ("quotes[0]", "the article gives this quote to someone else", False)
    ]
    assert (
        check_briefing(_answer("Narongsak Osatanakorn", "We are 100 percent ready.", people), facts)[0] == []
    )


def test_he_said_is_the_person_last_named_as_the_subject_of_a_sentence():
    facts = ArticleFacts.of(
        "Luis Urzua stepped out of the capsule late Wednesday. Urzua beamed as an elated crowd chanted. "
        '"I hand the shift over to you," he said, hugging an emotional President Sebastian Pinera.'
    )
    [span] = quote_spans("I hand the shift over to you", facts)
    assert attributed_to(span, ["pinera", "urzua"], facts) == "urzua"
    assert not attributed("Sebastian Pinera", [span], ["pinera", "urzua"], facts)
    assert attributed("Luis Urzua", [span], ["pinera", "urzua"], facts)


def test_he_said_is_left_unresolved_when_the_last_name_is_no_subject():
    facts = ArticleFacts.of(
        "President Sebastian Pinera was waiting at the shaft when the capsule carrying Luis Urzua broke "
        'the surface. The shift supervisor embraced the president. "We had strength," he said.'
    )
    [span] = quote_spans("We had strength", facts)
    assert attributed_to(span, ["pinera", "urzua"], facts) is None


def test_an_italian_verb_without_a_subject_refers_to_the_subject_before_it():
    facts = ArticleFacts.of(
        "Il governatore Narongsak Osatanakorn dirige le operazioni di soccorso nella grotta. I ragazzini "
        "fanno parte della squadra di calcio. L'allenatore capo, Nopparat Kantawong, era certo che lo "
        'spirito di squadra li avrebbe aiutati. "Si prenderanno cura gli uni degli altri", aveva detto, '
        "citato dai media thailandesi."
    )
    [span] = quote_spans("Si prenderanno cura gli uni degli altri", facts)
    assert attributed_to(span, ["kantawong", "osatanakorn"], facts) == "kantawong"
    assert attributed("L'allenatore capo, Nopparat Kantawong", [span], ["kantawong", "osatanakorn"], facts)
    assert not attributed("Narongsak Osatanakorn", [span], ["kantawong", "osatanakorn"], facts)


def test_a_middle_name_is_the_same_person():
    facts = ArticleFacts.of(
        "Jair Messias Bolsonaro foi eleito Presidente. Jair Bolsonaro sucede a Michel Temer. "
        '"Este é um país de todos nós", disse Bolsonaro.'
    )
    [span] = quote_spans("Este é um país de todos nós", facts)
    assert attributed("Jair Bolsonaro", [span], ["bolsonaro", "temer"], facts)
