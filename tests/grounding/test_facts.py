"""One article indexed: the figures, days and names a briefing may be checked against, and which of
its dates the article states or lets a reader work out."""

from __future__ import annotations

from datetime import date

from summarizer.grounding.facts import ArticleFacts, date_support

ARTICLE = (
    "On Tuesday, 6 August, the council met. Mr Abdulla said 73 passengers and five crew were aboard, "
    "the club's sixth title came in 2019, and @AshwiniVaishnaw posted at 4:21 p.m."
)


def test_an_article_gives_its_figures_totals_ordinals_and_years():
    facts = ArticleFacts.of(ARTICLE, date(2024, 8, 8))
    assert {73.0, 5.0, 78.0, 6.0, 2019.0, 421.0} <= facts.values
    assert facts.years == {2019}
    assert facts.day_months == {(8, 6)}
    assert "abdulla" in facts.honorific
    assert {"ashwini", "vaishnaw"} <= facts.folded_words  # a handle names its person


def test_a_date_is_stated_inferred_or_unsupported():
    facts = ArticleFacts.of(ARTICLE, date(2024, 8, 15))
    assert date_support("2024-08-06", "6 August", facts) == "stated"
    assert date_support("2024-08-13", "Tuesday", facts) == "inferred"  # the Tuesday before publication
    assert date_support("2024-08-14", "Tuesday", facts) is None  # a Wednesday
    assert date_support("2024-08-15", "4:21 p.m.", facts) == "inferred"  # a bare time: the day itself
    assert date_support("2024-07-30", "last month", facts) is None
