"""Which briefings report the same event."""

from __future__ import annotations

from datetime import datetime

from summarizer.merge.cluster import cluster, place_words, same_story
from summarizer.models import NewsEvent
from tests.builders import make


def _quake(source: str, where: str, when: str, headline: str, points: list[str]):
    item = make(source, headline, points, published=datetime.fromisoformat(when))
    event = NewsEvent(what="earthquake", where=where, when=when)
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})


MEXICO_A = _quake(
    "WDTN",
    "Chiapas, Mexico",
    "2017-09-08",
    "Magnitude 8.1 quake strikes off southern Mexico",
    ["The quake struck off Chiapas just before midnight.", "At least 32 people were killed."],
)
MEXICO_B = _quake(
    "Europe 1",
    "Chiapas, Mexico",
    "2017-09-09",
    "Mexico earthquake toll rises to 61",
    ["Rescuers searched collapsed homes in Oaxaca and Chiapas.", "The toll rose to 61 dead."],
)
MEXICO_LATER = _quake(
    "CBS SF",
    "Puebla, Mexico",
    "2017-09-19",
    "7.1 earthquake shakes central Mexico",
    ["Buildings collapsed in Mexico City.", "At least 149 people were killed."],
)


def test_two_outlets_reports_of_one_event_are_one_story():
    assert same_story(MEXICO_A, MEXICO_B)
    assert cluster([MEXICO_A, MEXICO_B]) == [[0, 1]]


def test_the_same_kind_of_event_elsewhere_and_days_later_is_another_story():
    assert not same_story(MEXICO_A, MEXICO_LATER)
    assert cluster([MEXICO_A, MEXICO_B, MEXICO_LATER]) == [[0, 1], [2]]


def test_place_words_are_the_specific_ones():
    assert place_words(MEXICO_A.briefing) == {"chiapa", "mexico"}
