"""Quotations given to someone other than a named speaker (grounding/unnamed.py): an indefinite
description after the words, or the credit line of an embedded post."""

from __future__ import annotations

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.models import Briefing

RESCUE = (
    '"Those who are working in these conditions work as if there are living people to save," said the '
    "head of the Civil Protection Service Fabrizio Curcio. The survivors were taken to hospital. "
    '"They are extremely happy and without words," said one of the rescuers.'
)
POST = (
    "Mozambique's President Filipe Nyusi predicts that more than 1,000 people could have died, he told "
    "state radio on Monday. We made it to #Beira. Coming in by helicopter we saw significant damage, "
    "barely any houses seemed intact. pic.twitter.com/dVGsHhyviv \u2014 Caroline Haga (@hagacaroline) "
    "March 17, 2019. The city of 500,000 was cut off."
)


def _speakers_kept(article: str, speaker: str, text: str, source: str | None = None) -> str:
    """'dropped', 'marked' or 'kept': what the check does with the quote's speaker."""
    briefing = Briefing.model_validate({
        "headline": "Rescue",
        "summary": "A rescue.",
        "key_points": ["Survivors were found."],
        "timeline": [],
        "what_next": [],
        "topics": [],
        "entities": [{"name": "Fabrizio Curcio", "kind": "person", "role": "head of Civil Protection"}],
        "quotes": [{"text": text, "speaker": speaker, "context": "rescue"}],
    })  # fmt: skip
    findings, _ = check_briefing(briefing, ArticleFacts.of(article, source=source))
    found = [f for f in findings if f.where == "quotes[0]"]
    return "kept" if not found else "marked" if found[0].kept else "dropped"


def test_words_an_article_gives_to_one_of_the_rescuers_are_not_a_named_persons():
    happy = "They are extremely happy and without words"
    assert _speakers_kept(RESCUE, "Fabrizio Curcio", happy) == "dropped"
    # The description itself is what the article says.
    assert _speakers_kept(RESCUE, "one of the rescuers", happy) == "kept"
    # His own words, which the article gives him by name, stay his.
    assert _speakers_kept(RESCUE, "Fabrizio Curcio", "work as if there are living people to save") == "kept"


def test_a_description_that_names_the_speaker_is_theirs():
    article = (
        "\u00abTout est tomb\u00e9\u00bb, a racont\u00e9 l'un des habitants de Katmandou, Anupa "
        "Shrestha. Les communications ont \u00e9t\u00e9 coup\u00e9es, selon l'ONG Oxfam."
    )
    assert _speakers_kept(article, "Anupa Shrestha", "Tout est tomb\u00e9") == "kept"


def test_a_post_the_page_embeds_is_its_authors():
    words = "barely any houses seemed intact"
    assert _speakers_kept(POST, "Filipe Nyusi", words) == "dropped"
    assert _speakers_kept(POST, "Caroline Haga", words) == "kept"
    # The page's own words before an embedded post are the outlet's.
    assert _speakers_kept(POST, "Riviera News", "he told state radio on Monday", source="Riviera News") != (
        "dropped"
    )
