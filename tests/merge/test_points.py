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


def test_a_story_of_many_statements_merges_as_a_story_of_a_few_does():
    # Past COMPARED_WITH_EACH kept statements, a new one is compared only with those sharing a word
    # with it (an index by word): the same points, sources and disagreements as comparing each.
    from summarizer.merge.points import COMPARED_WITH_EACH

    def tag(n: int) -> str:  # letters, not figures: a statement's words are compared without its figures
        return chr(ord("a") + n // 26) + chr(ord("a") + n % 26)

    subjects = [
        f"{tag(n)}town {tag(n)}bridge {tag(n)}council approved" for n in range(COMPARED_WITH_EACH + 20)
    ]
    said = [("A", f"The {s} on Tuesday.", False) for s in subjects]
    said += [("B", f"The {s} on Tuesday.", False) for s in subjects[::-1]]
    said += [("C", f"The {subjects[-1]} on Friday.", False), ("C", f"The {subjects[0]}.", True)]
    points, disagreements = merge_statements(said)
    assert [p.text for p in points] == [
        *(f"The {s}." if s == subjects[0] else f"The {s} on Tuesday." for s in subjects),
        f"The {subjects[-1]} on Friday.",
    ]
    assert [p.sources for p in points[:-1]] == [["A", "B", "C"], *[["A", "B"]] * (len(subjects) - 1)]
    assert [p.unverified for p in points[:2]] == [True, False]
    assert [[(r.value, r.sources) for r in d.reports] for d in disagreements] == [
        [("Tuesday", ["A", "B"]), ("Friday", ["C"])]
    ]
