"""One fact from several outlets in other words is one point credited to all, the wordings kept."""

from __future__ import annotations

from summarizer.merge.assemble import merge_briefings
from summarizer.output.render import render_brief
from tests.builders import make


def test_the_same_figure_about_the_same_subject_is_one_point_with_every_outlet():
    items = [
        make(
            "A",
            "Spain win the Women's World Cup",
            ["Olga Carmona's 29th minute goal was decisive for Spain."],
        ),
        make(
            "B",
            "Spain beat England to win the Women's World Cup",
            ["Captain Olga Carmona scored in the 29th minute after England lost possession in midfield."],
        ),
    ]
    [story] = merge_briefings(items).stories
    [point] = story.key_points
    assert point.sources == ["A", "B"]
    assert point.text.startswith("Olga Carmona's") and [w.sources for w in point.restated] == [["B"]]
    full = render_brief(merge_briefings(items), detail="full")
    assert "  - In other words: Captain Olga Carmona scored in the 29th minute" in full
    assert "In other words" not in render_brief(merge_briefings(items))


def test_a_point_without_a_day_never_joins_two_that_give_different_days():
    items = [
        make(
            "A",
            "Musk completes Twitter takeover",
            ["Musk closed the $44 billion deal to buy Twitter on Thursday."],
        ),
        make(
            "B",
            "Musk completes Twitter takeover",
            ["Elon Musk has finalised his $44 billion acquisition of Twitter."],
        ),
        make(
            "C",
            "Musk completes Twitter takeover",
            ["Musk completed the $44 billion buyout of Twitter on Friday."],
        ),
    ]
    [story] = merge_briefings(items).stories
    joined = [p for p in story.key_points if len(p.sources) > 1]
    assert all(not {"A", "C"} <= set(p.sources) for p in story.key_points)
    assert len(joined) == 1
