"""A speaker an article describes rather than names."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, quote_spans
from summarizer.grounding.described import described_speaker, heads_role
from summarizer.grounding.speakers import given_elsewhere


def test_a_speaker_described_as_the_article_describes_them_is_theirs():
    facts = ArticleFacts.of('Macron won. His opponents describe him as arrogant and "president of the rich."')
    [span] = quote_spans("president of the rich", facts)
    assert described_speaker("his opponents", span, facts)
    assert not described_speaker("his supporters", span, facts)
    assert not described_speaker("Emmanuel Macron", span, facts)


def test_a_role_of_the_speaker_after_an_organisations_name_is_theirs_in_any_language():
    assert heads_role(" chairman: ", {"interim", "chairman"})
    assert heads_role("'s chief executive said", {"chief", "executive"})
    assert not heads_role(" said:", {"said"})  # a word too short to be a role's head
    # A compound ends with what it names: the Swedish 'interimsordföranden' is a 'ordföranden'.
    assert heads_role(" ordforanden:", {"interimsordforanden"})
    assert not heads_role(" raised rates by a quarter point", {"chair", "jerome", "powell"})
    assert not heads_role(" chairman", {"interim"})


def test_a_headline_giving_the_words_to_the_speakers_role_at_a_company_is_not_the_companys():
    # Written for the test: a kicker line, then 'Company Role: "quote"', as news pages set headlines.
    facts = ArticleFacts.of('Brightwater\nStyrelseordföranden: "Ett tungt beslut"\nMötet hölls i dag.')
    [span] = quote_spans("Ett tungt beslut", facts)
    role = "interimsstyrelseordföranden Anna Berg"
    assert not given_elsewhere("Anna Berg", role, span, ["Brightwater"], facts)
    # The company itself, or someone else's role, still takes the words.
    assert given_elsewhere("Anna Berg", "chief financial officer", span, ["Brightwater"], facts)
