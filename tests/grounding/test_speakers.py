"""Whom an article attributes a quotation to."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, quote_spans
from summarizer.grounding.speakers import attributed, attributed_to, speaker_near

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
