"""Stories by how widely and how recently they are reported; quotes by how widely and who says them."""

from __future__ import annotations

from datetime import datetime

from summarizer.merge.assemble import merge_briefings
from summarizer.merge.rank import rank_quotes
from summarizer.models import AttributedEntity, AttributedQuote
from tests.builders import make


def _day(day: int) -> datetime:
    return datetime(2025, 8, day, 9)


def test_a_story_two_outlets_report_today_leads_one_three_reported_three_days_ago():
    old = [
        make(
            s,
            "Dam bursts in the north after heavy rain",
            ["The dam burst after days of rain."],
            published=_day(4),
        )
        for s in ("A", "B", "C")
    ]
    new = [
        make(
            s,
            "Parliament passes the budget bill",
            ["Parliament passed the budget bill 201 to 150."],
            published=_day(7),
        )
        for s in ("D", "E")
    ]
    stories = merge_briefings([*old, *new]).stories
    assert [len(s.sources) for s in stories] == [2, 3]
    same_day = merge_briefings(
        [*(o.model_copy(update={"ref": o.ref.model_copy(update={"published": _day(7)})}) for o in old), *new]
    ).stories
    assert [len(s.sources) for s in same_day] == [3, 2]  # on one day, the most widely reported leads


def _quote(text: str, speaker: str, *sources: str) -> AttributedQuote:
    return AttributedQuote(text=text, speaker=speaker, context="said", sources=list(sources))


def test_quotes_most_printed_then_one_a_speaker_then_the_most_reported_speaker_and_whole_statements():
    cast = [
        AttributedEntity(name="Jane Roe", kind="person", role="mayor", sources=["A", "B"]),
        AttributedEntity(name="John Doe", kind="person", role="resident", sources=["A"]),
    ]
    quotes = [
        _quote("It was loud", "John Doe", "A"),
        _quote("We will rebuild the bridge before the winter comes", "Jane Roe", "A"),
        _quote("Nobody was hurt on the bridge when it fell down", "John Doe", "A"),
        _quote("The repairs will cost the city many millions", "Jane Roe", "B"),
        _quote("We are grateful to everyone who helped", "Mayor Jane Roe", "A", "B"),
    ]
    ranked = [q.text for q in rank_quotes(quotes, cast)]
    assert ranked == [
        "We are grateful to everyone who helped",  # two outlets
        "Nobody was hurt on the bridge when it fell down",  # Doe's first, before Roe's second
        "We will rebuild the bridge before the winter comes",  # each speaker's second, the mayor's first
        "It was loud",
        "The repairs will cost the city many millions",  # the mayor's third
    ]
