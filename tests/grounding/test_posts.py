"""An embedded post (grounding/posts.py): its words are its signer's, not those of the person the article
quoted before it."""

from __future__ import annotations

from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.posts import post_signer
from summarizer.models import Briefing

# A report written for this test (not from any corpus), with a post embedded as news pages show one.
ARTICLE = (
    "The storm destroyed most of the port, President Ana Costa said, she told state radio on Monday.\n\n"
    "We landed in #Beira by helicopter. Barely any houses seem intact, many parts are flooding "
    "#cyclone pic.twitter.com/abc123\n\n"
    "\u2014 Maria Lund (@marialund) March 17, 2019\n\n"
    "At least 48 people died in the region."
)
FACTS = ArticleFacts.of(ARTICLE)


def test_the_words_of_a_post_are_the_signers():
    span = (FACTS.plain.index("Barely"), FACTS.plain.index("flooding") + len("flooding"))
    assert post_signer(span, FACTS) == "maria lund"
    # A quotation of the article's own is in no post.
    said = (FACTS.plain.index("The storm"), FACTS.plain.index("port") + len("port"))
    assert post_signer(said, FACTS) is None
    # Words in quotation marks are the article's quotation, though a post is embedded after them.
    quoted = ArticleFacts.of(
        '"We will rebuild the port." Costa in Beira. \u2014 Maria Lund (@marialund) May 1'
    )
    assert post_signer((1, len("We will rebuild the port") + 1), quoted) is None


def _speaker_findings(speaker: str) -> list[tuple[str, bool]]:
    briefing = Briefing.model_validate(
        {
            "headline": "Storm destroys the port",
            "summary": "The storm destroyed most of the port.",
            "key_points": ["At least 48 people died in the region."],
            "entities": [
                {"name": "Ana Costa", "kind": "person", "role": "president"},
                {"name": "Maria Lund", "kind": "person", "role": "aid worker"},
            ],
            "quotes": [{"text": "Barely any houses seem intact", "speaker": speaker, "context": "a post"}],
            "timeline": [],
            "what_next": [],
            "topics": [],
        }
    )
    return [(f.where, f.kept) for f in check_briefing(briefing, FACTS)[0] if f.kind == "speaker"]


def test_a_post_is_kept_for_its_signer_and_not_given_to_the_person_quoted_before():
    assert _speaker_findings("Maria Lund") == []
    assert _speaker_findings("Ana Costa") == [("quotes[0]", False)]
