"""Figures an article writes in another notation than a briefing (text/notation.py): durations in words
of time, Roman centuries, times of day with a dot; read as the briefing writes them, and checked so."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.grounding.check import check_briefing, missing_figures
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing
from summarizer.text.normalize import fold
from summarizer.text.notation import other_notations, uncompounded


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("she finished four minutes and 12 seconds behind the winner", "en", 412),
        ("the climbers lost a one-minute eight-second gap on the descent", "en", 108),
        ("le marathon a été bouclé en 2 h 9 min", "fr", 209),
        ("terminó a tres minutos y 40 segundos del líder", "es", 340),
        ("con un distacco di 2'14'' dal vincitore", "it", 214),
    ],
)
def test_a_duration_in_words_of_time_reads_as_a_clock_writes_it(text: str, lang: str, value: float) -> None:
    assert value in other_notations(fold(text), lang)


def test_a_duration_whose_second_part_is_no_smaller_unit_or_passes_sixty_is_no_clock() -> None:
    assert other_notations(fold("three days and 12 hours of talks"), "en") == frozenset()
    assert other_notations(fold("two hours and 75 minutes in all"), "en") == frozenset()


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("la pire crue depuis le début du XIXe siècle", "fr", 19),
        ("el peor resultado del siglo XXI", "es", 21),
        ("una chiesa del XV secolo", "it", 15),
        ("the worst since the XXth century", "en", 20),
    ],
)
def test_a_century_in_roman_numerals_reads_as_its_number(text: str, lang: str, value: float) -> None:
    assert other_notations(fold(text), lang) == {value}


def test_letters_that_are_no_roman_numeral_or_stand_beside_no_century_read_as_nothing() -> None:
    assert other_notations(fold("el siglo IC"), "es") == frozenset()
    assert other_notations(fold("la loi XX a été votée"), "fr") == frozenset()


def test_a_time_of_day_with_a_dot_reads_as_one_where_a_comma_marks_decimals() -> None:
    """'las 21.30' is 21:30 (2130, 9:30 p.m.); a decimal, a thousands group and a date are none."""
    spanish = other_notations(fold("el tren salió a las 21.30 con 1.250 viajeros y 3,75 euros"), "es")
    assert {2130, 930} <= spanish and 1250 not in spanish
    assert other_notations(fold("am 15.07.2024 um Mitternacht"), "de") == frozenset()
    assert other_notations(fold("the fund rose 21.30 percent"), "en") == frozenset()


def test_a_briefing_gives_the_figures_the_article_writes_another_way() -> None:
    """Written for the test: each figure as a model writes it, found; one the article has not, missing."""
    facts = ArticleFacts.of(
        "La coureuse a franchi la ligne avec trois minutes et 20 secondes d'avance, un écart inédit "
        "depuis le début du XXe siècle. La remise des prix a eu lieu à 18.45.",
        date(2025, 6, 1),
    )
    assert missing_figures("She won by 3:20, the widest margin since the early 20th century.", facts) == []
    assert missing_figures("The prizes were handed out at 18:45 (6:45 p.m.).", facts) == []
    assert missing_figures("She won by 3:25.", facts) == ["325"]


def test_a_count_compounded_with_its_unit_of_time_reads_as_the_count() -> None:
    """German and Dutch write a count and its unit as one word: 'nach einer zehnstündigen Beratung'
    is the briefing's 'after ten hours', and no ten years. A number word inside another word is no
    count of it."""
    assert uncompounded(fold("nach einer zehnstündigen Beratung"), "de") == "nach einer zehn stunde beratung"
    assert uncompounded(fold("een tienjarige jongen"), "nl") == "een tien jaren jongen"
    assert (
        uncompounded(fold("Zehntausende kamen, vierzehn Elfmeter"), "de")
        == "zehntausende kamen, vierzehn elfmeter"
    )
    assert uncompounded(fold("a zehnstündigen word"), "en") == "a zehnstundigen word"
    facts = ArticleFacts.of("Nach einer zehnstündigen Beratung sprachen die Geschworenen ihn schuldig.")
    assert missing_figures("After ten hours of deliberation the jury found him guilty.", facts) == []
    assert missing_figures("After 12 hours of deliberation the jury found him guilty.", facts) == ["12"]
    reasons = [f.reason for f in check_briefing(_briefing("He faces a maximum of 10 years."), facts)[0]]
    assert reasons == ["the article gives this figure for something else: 10 (years)"]


def _briefing(point: str) -> Briefing:
    return Briefing.model_validate(
        {
            "headline": "The verdict",
            "summary": "The verdict.",
            "key_points": [point],
            "entities": [],
            "quotes": [],
            "timeline": [],
            "what_next": [],
            "topics": [],
        }
    )
