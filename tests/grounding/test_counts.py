"""What a figure counts (grounding/counts.py): a figure is supported only where the article states it
for the same thing."""

from summarizer.grounding.counts import miscounted_figures
from summarizer.grounding.facts import ArticleFacts


def test_a_day_of_a_month_does_not_hide_what_the_article_counts_with_the_figure():
    facts = ArticleFacts.of(
        "Divers pulled out a woman's body on Sunday, raising to 13 the number of people dead in the "
        "Jan. 13 accident. The ship rammed a reef on 13 January."
    )
    assert miscounted_figures("As of Sunday 13 people are listed as missing.", facts) == ["13 (missing)"]
    assert miscounted_figures("The toll rose to 13 dead on Sunday.", facts) == []


def test_may_after_a_figure_is_a_month_only_as_a_date():
    facts = ArticleFacts.of("Officials said 13 may have died. The ship sank on 13 May.")
    assert miscounted_figures("Thirteen people are missing.", facts) == ["thirteen (missing)"]
    assert miscounted_figures("Thirteen people may have died.", facts) == []
