"""Which dates an article supports (grounding/dates.py): the days its words count from its own day."""

from __future__ import annotations

from datetime import date

from summarizer.grounding.dates import date_support, weekday_named, weekday_neighbours
from summarizer.grounding.facts import ArticleFacts


def test_a_when_naming_two_days_supports_a_date_on_either():
    """'later on Thursday and Friday', 'nella notte tra venerdì e sabato': a date on one of the days
    named, in the week of publication; not a day it does not name."""
    english = ArticleFacts.of("More rain is due later on Thursday and Friday.", date(2021, 7, 15))
    assert date_support("2021-07-16", "later on Thursday and Friday", english) == "inferred"
    assert date_support("2021-07-17", "later on Thursday and Friday", english) is None
    italian = ArticleFacts.of("La nave è affondata nella notte tra venerdì e sabato.", date(2012, 1, 17))
    assert date_support("2012-01-13", "nella notte tra venerdì e sabato", italian) == "inferred"
    assert date_support("2012-01-12", "nella notte tra venerdì e sabato", italian) is None


def test_a_week_ago_counts_one_week_back_from_publication():
    facts = ArticleFacts.of("British divers found the boys a week ago.", date(2018, 7, 10))
    assert date_support("2018-07-03", "a week ago", facts) == "inferred"
    assert date_support("2018-07-02", "a week ago", facts) is None


def test_a_year_before_the_modern_range_that_the_article_states_is_supported():
    facts = ArticleFacts.of("The last pope to resign did so in 1415.", date(2013, 2, 11))
    assert date_support("1415", "1415", facts) == "stated"
    assert date_support("1416", "1416", facts) is None


def test_a_month_still_to_come_in_the_year_of_publication_is_supported():
    """'Im März', the conclave, written on 11 February 2013: March 2013 (or March 2012, past)."""
    facts = ArticleFacts.of("Das Konklave soll im März stattfinden.", date(2013, 2, 11))
    assert date_support("2013-03", "Im März", facts) == "inferred"
    assert date_support("2014-03", "Im März", facts) is None


def test_a_weekday_the_article_names_is_the_one_before_or_after_publication():
    """An article of Tuesday 4 March 2025 that says 'on Friday' may mean the 7th or the 28th of
    February, 'next Tuesday' the 11th; no other day."""
    facts = ArticleFacts.of("The vote is due on Friday; the budget follows next Tuesday.", date(2025, 3, 4))
    days = weekday_neighbours(facts)
    assert {date(2025, 3, 7), date(2025, 2, 28), date(2025, 3, 11), date(2025, 2, 25)} == days


def test_a_statement_naming_the_weekday_of_its_iso_day_gives_that_day():
    facts = ArticleFacts.of("The vote is due on Friday.", date(2025, 3, 4))
    assert weekday_named("2025-03-07", "The vote is due on Friday (2025-03-07).", facts)
    assert not weekday_named("2025-03-08", "The vote is due on Friday (2025-03-08).", facts)
    assert not weekday_named("2025-03-21", "The vote is due on Friday (2025-03-21).", facts)
    assert not weekday_named("2025-03-07", "The vote is due on 2025-03-07.", facts)
