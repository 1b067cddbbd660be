"""What one figure of a statement counts."""

from __future__ import annotations

import pytest

from summarizer.disagree.measures import AGE, TIME_OF_DAY, duration_of, in_utc, measure_of, zone_of
from summarizer.disagree.statements import statement_tokens


def _at(text: str, figure: str) -> tuple[tuple[tuple[str, float | None], ...], int]:
    tokens = statement_tokens(text)
    return tokens, next(i for i, (t, _) in enumerate(tokens) if t == figure)


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("A magnitude 8.1 quake struck off the coast.", "8.1", "magnitude"),
        ("The agency put the magnitude at 6.8.", "6.8", "magnitude"),
        ("Alcaraz ended a run of 34 straight wins.", "34", "win"),
        ("It was the 20-year-old Spaniard's second major.", "20", AGE),
        ("It struck just before midnight.", "midnight@", TIME_OF_DAY),
        ("Six workers presumed dead after the collapse.", "six", "dead"),
        # A margin is a difference between two counts, not the count (issue #27, fresh-j).
        ("The Greens won 41 seats, six seats ahead of the Liberals.", "six", "seat margin"),
        ("The Greens won 41 seats, six seats ahead of the Liberals.", "41", "seat"),
        ("The striker finished two goals behind the leader.", "two", "goal margin"),
        # A change of a count in any form of its verb is a change, not the count (data/en/changes.txt).
        ("Polls show the Farmers League losing three seats.", "three", "seat margin"),
        ("The Greens are set to gain 12 seats.", "12", "seat margin"),
    ],
)
def test_what_a_figure_counts(text: str, figure: str, measure: str) -> None:
    tokens, at = _at(text, figure)
    assert measure_of(tokens, at, 0, len(tokens)) == measure


def test_a_length_of_time_in_minutes_and_a_moment_is_none() -> None:
    tokens, at = _at("The crew returned after two days in orbit.", "two")
    assert duration_of(tokens, at, len(tokens)) == 1440
    tokens, at = _at("Kane scored in the 80th minute.", "80#")
    assert duration_of(tokens, at, len(tokens)) is None


def test_a_zone_after_a_time_of_day_turns_it_to_utc() -> None:
    tokens, at = _at("Lifting off at 8:12 a.m. Central time.", "8:12@")
    zone = zone_of(tokens, at)
    assert zone == -5 and in_utc(812, zone) == 1312
    tokens, at = _at("It hit the Pacific coast at 11:49 local time.", "11:49@")
    assert zone_of(tokens, at) is None


def test_a_depth_is_not_a_distance() -> None:
    tokens, at = _at("The agency located the epicentre at a depth of 58 km.", "58")
    assert measure_of(tokens, at, 0, len(tokens)) == "kilometre depth"
    tokens, at = _at("The epicentre was 120 km off the coast.", "120")
    assert measure_of(tokens, at, 0, len(tokens)) == "kilometre from coast"


def test_a_unit_is_one_measure_however_spelt_and_m_is_a_million_only_beside_money() -> None:
    # fresh-e (issue #27): the rescue shaft of '624m' and of '622 meter', the miners trapped '610 metres
    # underground' and 'more than 600 meters deep': one length each, compared; and nobody survived a
    # metre ('600 meters deep were rescued' is a depth).
    for text, figure, expected in [
        ("Pinera waited at the head of the 624m rescue shaft.", "624", "metre"),
        ("Urzua came up the 622 meter duct.", "622", "metre"),
        ("The miners were trapped 610 metres underground.", "610", "metre depth"),
        ("The miners trapped more than 600 meters deep were rescued.", "600", "metre depth"),
        ("The company paid $550m for it.", "550", "million"),
        ("They agreed a 5m euro deal.", "5", "million"),
        # fresh-h: a speed, not a toll of 140 ('killed three' is the toll).
        ("Winds of up to 140km/h killed three people in the Comoros.", "140", "kilometre"),
        # fresh-a: one epicentre placed from two points is not two distances of one thing.
        ("The epicentre was 74 miles (120 km) off the coast.", "120", "kilometre from coast"),
        ("The epicentre was about 100 kilometres off Tonala.", "100", "kilometre from tonala"),
    ]:
        tokens, at = _at(text, figure)
        assert measure_of(tokens, at, 0, len(tokens)) == expected, text
