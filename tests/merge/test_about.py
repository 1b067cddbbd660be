"""What a briefing is about: its words, without the words that say who reports."""

from __future__ import annotations

from summarizer.merge.about import cosine, terms, vectors
from summarizer.models import NewsEvent
from tests.builders import make

PLAIN = make(
    "Harbour Gazette",
    "Ferry runs aground off Kestrel Point",
    [
        "The ferry ran aground in fog with 212 passengers aboard.",
        "Coastguard boats took everyone off by noon.",
    ],
)
OTHER = make(
    "Valley Courier",
    "Kestrel Point ferry grounding: all 212 passengers safe",
    [
        "Coastguard crews lifted the passengers from the grounded ferry.",
        "Fog hid the rocks, the captain said.",
    ],
)
#: OTHER as a literal, attributive model writes it: every sentence credits the outlet and its wire.
ATTRIBUTIVE = make(
    "Valley Courier (AFP)",
    "According to Valley Courier, Kestrel Point ferry grounding: all 212 passengers safe",
    [
        "According to Valley Courier, carrying AFP copy, coastguard crews lifted the passengers from the"
        " grounded ferry, the paper reported.",
        "Fog hid the rocks, the captain told AFP, according to the outlet.",
    ],
)


def _similarity(a, b) -> float:
    (va, vb), _ = vectors([terms(a), terms(b)])
    return cosine(va, vb)


def test_the_words_that_say_who_reports_are_not_what_a_briefing_is_about():
    words = terms(ATTRIBUTIVE)
    assert not {"accord", "report", "carri", "copi", "paper", "outlet", "valley", "courier", "afp"} & set(
        words
    )
    assert {"ferri", "kestrel", "passeng", "coastguard"} <= set(words)


def test_crediting_every_sentence_leaves_one_events_reports_as_alike():
    assert abs(_similarity(PLAIN, ATTRIBUTIVE) - _similarity(PLAIN, OTHER)) < 0.05


def test_a_story_about_an_outlet_keeps_its_name():
    item = make("Valley Courier", "Valley Courier sold to a rival group", ["The paper was sold on Monday."])
    about = item.model_copy(
        update={
            "briefing": item.briefing.model_copy(
                update={"event": NewsEvent(what="Valley Courier sale", where=None, when=None)}
            )
        }
    )
    assert {"valley", "courier"} <= set(terms(about))
