"""Who's who is about who acts: the most reported first, those only mentioned and places after."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.merge.actors import _names
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


# A name is found as whole words by str.find and the two sides `\b` looks at (actors._names), not by a
# pattern compiled for each entity: it must find exactly what that pattern found, '&', '_', digits and
# letters of other scripts included (they are or are not word characters to `\b`).
_PIECES = st.text(alphabet="ab &_1.é", max_size=12)
_PHRASES = st.lists(st.text(alphabet="ab &_1.é", min_size=1, max_size=3), min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(phrases=_PHRASES, text=_PIECES)
def test_a_name_is_found_where_a_word_boundary_pattern_finds_it(phrases: list[str], text: str) -> None:
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")\b")
    assert _names(sorted(set(phrases)), text) == (pattern.search(text) is not None)


def test_a_name_inside_a_longer_word_is_not_found():
    assert _names(["trump"], "president trump said") and _names(["at&t"], "at&t shares")
    assert not _names(["trump"], "a trumpet") and not _names(["us"], "house")
