"""A figure of the article used for another of its quantities (grounding/frames.py)."""

from __future__ import annotations

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.frames import reframed_figures
from summarizer.text.normalize import fold

ELECTION = ArticleFacts.of(
    "He is the youngest president to be re-elected president of France with 58% of the vote against "
    "Marine Le Pen with 42% of the ballots. The runoff is a repeat of the duel from 5 years ago, which "
    "was won by Macron with 66 against 34 percent."
)


def test_a_figure_the_article_gives_another_quantity_is_caught():
    # 66 is the 2017 share; this election's is 58: 'against', 're-elected', 'vote' are said of 58.
    point = "Emmanuel Macron was re-elected with 66% of the vote against 42% for Marine Le Pen."
    assert reframed_figures(fold(point), ELECTION) == ["66 (against, elect, vote)"]


def test_the_articles_own_figure_and_a_pair_are_left_alone():
    assert reframed_figures(fold("Macron was re-elected with 58% of the vote against 42%."), ELECTION) == []
    # The second figure of a pair shares its words with the first by standing beside it.
    assert reframed_figures(fold("In 2017 Macron won with 66 against 34 percent."), ELECTION) == []


def test_a_figure_said_of_the_same_unit_is_a_paraphrase_not_a_swap():
    facts = ArticleFacts.of(
        "Zakaria was stuck in the ruins of his home for almost five days after the quake. A man and his "
        "3-year-old daughter were pulled out of the rubble in Islahiye; survivors were still being pulled "
        "from the rubble."
    )
    assert (
        reframed_figures(fold("Survivors still pulled from rubble five days after the quake."), facts) == []
    )


def test_only_english_articles_are_read_so():
    # The words of an English statement and of a French article do not meet.
    fr = ArticleFacts.of(
        "Macron a été réélu avec 58% des voix contre 42% pour Marine Le Pen, contre 66% en 2017."
    )
    assert fr.lang == "fr"
    assert reframed_figures(fold("Macron was re-elected with 66% of the vote against 42%."), fr) == []


def test_a_figure_in_a_name_is_no_quantity():
    facts = ArticleFacts.of(
        "Flight SU 1492 caught fire during a hard emergency landing at Sheremetyevo. The fire during the "
        "hard emergency landing killed 41 people."
    )
    assert reframed_figures(fold("Flight SU 1492 caught fire during a hard emergency landing."), facts) == []
