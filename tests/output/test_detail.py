"""The brief detail: each list ranked and capped, each story within its lines, nothing lost."""

from __future__ import annotations

import json

from summarizer.merge.assemble import merge_briefings
from summarizer.output.detail import LEAD_LINES, STORY_LINES
from summarizer.output.render import render_brief
from tests.builders import make


def _big(source: str, n: int = 12) -> object:
    return make(
        source,
        "Storm floods the coast and closes the port",
        [f"Fact number {i} about the storm from {source}." for i in range(n)],
        entities=[(f"Person{i} Name{i}{source}", "person", f"role {i}") for i in range(n)]
        + [("Spain", "place", "country"), ("Portugal", "place", "country")],
        quotes=[
            (f"Quote {i} of {source} about the storm and the port", f"Person{i} Name{i}{source}")
            for i in range(n)
        ],
        timeline=[(f"day {i}", f"2025-08-{i + 1:02d}", f"Event {i} of the storm.") for i in range(n)],
        summary="The storm flooded the coast. Person0 Name0A spoke.",
        what_next=[f"Next {i}." for i in range(n)],
    )


def _section(markdown: str, number: int) -> list[str]:
    return markdown.split(f"\n## {number}. ", 1)[1].split("\n## ", 1)[0].splitlines()


def test_a_big_story_keeps_within_its_lines_and_says_how_many_more_the_full_brief_has():
    brief = merge_briefings([_big("A")])
    out = render_brief(brief)
    story = _section(out, 1)
    assert len(story) + 1 <= LEAD_LINES  # its heading line is the split's
    who = "\n".join(story).split("### Who's who\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert 1 <= len(who) - 1 <= 8 and who[-1].endswith("more in the full brief.*")
    assert "Spain" not in "\n".join(who)  # a country only mentioned is no actor
    quotes = "\n".join(story).split("### Quotes\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert (
        len(quotes) - 1 <= 4
        and quotes[-1].startswith("- *")
        and "more quotes in the full brief" in quotes[-1]
    )
    assert "### Left out of this brief" in out and "- Story 1: " in out
    full = render_brief(brief, detail="full")
    assert all(f"Fact number {i} " in full and f"Quote {i} of A" in full for i in range(12))
    assert "**Spain**" in full and "Left out of this brief" not in full
    data = json.loads(render_brief(brief, "json"))
    assert len(data["stories"][0]["quotes"]) == 12 and len(data["stories"][0]["entities"]) == 14


def test_stories_after_the_lead_ones_take_fewer_lines():
    # Six events two outlets report each lead; one outlet's big story comes seventh.
    events = [
        "Parliament passes the budget bill",
        "Central bank raises interest rates",
        "Football club wins the league title",
        "Airline pilots begin a national strike",
        "Museum opens a new wing of modern art",
        "Volcano erupts on the remote island",
    ]
    items = [make(source, event, [event + "."]) for event in events for source in ("Paper", "Radio")]
    items.append(_big("Z"))
    brief = merge_briefings(items)
    assert [len(s.sources) for s in brief.stories] == [2] * 6 + [1]
    out = render_brief(brief)
    assert len(_section(out, 7)) + 1 <= STORY_LINES < len(_section(render_brief(brief, detail="full"), 7))
