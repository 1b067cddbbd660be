"""A headline in title case: a capital there says nothing of a name; a name in it is checked still."""

from __future__ import annotations

from typing import Any

from summarizer.grounding.cased import cased_as_a_sentence
from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing

#: Written for the tests: a verdict in another language, the briefing in English.
FACTS = ArticleFacts.of(
    "Le tribunal de Lyon a condamné l'ancien maire Paul Gervais à quatre ans de prison pour fraude. "
    "Le jury a délibéré deux jours."
)


def briefing(headline: str, **fields: Any) -> Briefing:
    base = {
        "headline": headline,
        "summary": "The court in Lyon sentenced former mayor Paul Gervais to four years in prison "
        "for fraud, after a jury deliberated for two days.",
        "key_points": ["Paul Gervais was found guilty of fraud and sentenced to four years."],
        "entities": [], "quotes": [], "timeline": [], "what_next": [], "topics": [],
    }  # fmt: skip
    return Briefing.model_validate(base | fields)


def test_a_word_the_briefing_writes_in_lower_case_is_no_name_in_a_title_cased_headline():
    cased = briefing("Lyon Court Sentences Former Mayor Paul Gervais to Four Years for Fraud")
    assert cased_as_a_sentence(cased, FACTS) == (
        "Lyon court sentences former mayor Paul Gervais to four years for fraud"
    )
    assert check_briefing(cased, FACTS)[0] == []


def test_a_headline_in_sentence_case_is_read_as_written():
    written = briefing("Former Mayor Paul Gervais jailed for Four Years")
    assert cased_as_a_sentence(written, FACTS) == written.headline


def test_a_name_in_a_title_cased_headline_is_still_checked():
    """'Marc Laval' is written nowhere else, in lower case or not: it stays a name the article lacks."""
    invented = briefing("Lyon Court Sentences Former Mayor Marc Laval to Four Years for Fraud")
    findings, _ = check_briefing(invented, FACTS)
    assert [f.where for f in findings] == ["headline"]


def test_a_word_the_briefing_capitalises_inside_a_sentence_stays_part_of_a_name():
    named = briefing(
        "Court of Lyon Sentences Former Mayor Paul Gervais to Four Years",
        summary="The Court of Lyon sentenced former mayor Paul Gervais to four years; the court sat.",
    )
    assert cased_as_a_sentence(named, FACTS).startswith("Court of Lyon sentences")
