"""Key points of one story: one statement kept once, statements differing only in a figure shown."""

from __future__ import annotations

from summarizer.merge.points import merge_statements


def test_shares_at_different_stages_of_a_count_are_not_outlets_at_odds_but_the_same_stage_is():
    # The same quantity at the same time (issue #27): shares with 98.9% and with 99.1% of the votes
    # counted are the count moving; two outlets' shares at one stage that differ are at odds.
    moving = [
        (
            "A",
            "With 98.9% of districts counted, Lula had 50.8% of the votes against Bolsonaro's 49.2%.",
            False,
        ),
        ("B", "With 99.1% of votes counted, Lula had 50.85% of the votes against Bolsonaro's 49.15%.", False),
    ]
    points, disagreements = merge_statements(moving)
    assert len(points) == 2 and disagreements == []
    at_odds = [
        (
            "A",
            "With 98.9% of districts counted, Lula had 50.8% of the votes against Bolsonaro's 49.2%.",
            False,
        ),
        (
            "B",
            "With 98.9% of districts counted, Lula had 51.8% of the votes against Bolsonaro's 48.2%.",
            False,
        ),
    ]
    _, [found] = merge_statements(at_odds)
    assert [r.value for r in found.reports] == ["49.2, 50.8", "48.2, 51.8"]
