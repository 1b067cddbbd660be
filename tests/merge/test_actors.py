"""Who's who is about who acts: the most reported first, those only mentioned and places after."""

from __future__ import annotations

from summarizer.merge.assemble import merge_briefings
from tests.builders import make


def test_actors_come_first_by_outlets_then_statements_and_the_merely_named_are_marked():
    first = make(
        "A",
        "Mayor Jane Roe closes the bridge after the storm",
        ["Jane Roe closed the bridge on Monday, the city council said.", "Roe said repairs start soon."],
        entities=[
            ("Jane Roe", "person", "mayor"),
            ("City council", "organization", "runs the city"),
            ("The Associated Press", "organization", "news agency"),
            ("Springfield", "place", "the city"),
            ("John Doe", "person", "a resident"),
        ],
        quotes=[("We will rebuild it", "Jane Roe")],
    )
    second = make(
        "B",
        "Storm closes Springfield bridge, mayor says",
        ["The city council closed the bridge after the storm, the Associated Press reported."],
        entities=[
            ("City Council", "organization", "voted"),
            ("Associated Press", "organization", "reported it"),
            ("Springfield", "place", "city"),
        ],
    )
    [story] = merge_briefings([first, second]).stories
    order = [(e.name, e.mentioned_only) for e in story.entities]
    # Two outlets name the council, one the mayor (named in more statements, and quoted).
    assert order[:2] == [("City council", False), ("Jane Roe", False)]
    # A news agency that only reports, and a person no statement names, are not actors.
    assert ("John Doe", True) in order and any(n.endswith("Associated Press") and m for n, m in order)
    assert order[-1] == ("Springfield", False)
