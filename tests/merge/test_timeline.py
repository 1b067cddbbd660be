"""A story's timeline: one happening's days set side by side, other happenings left apart."""

from __future__ import annotations

from summarizer.merge.timeline import merge_timeline
from tests.builders import make


def _dated(source: str, *entries: tuple[str | None, str]):
    timeline = [(day or "", day, event) for day, event in entries]
    return make(source, "Kalush Orchestra win Eurovision", ["Ukraine won."], timeline=timeline)


def _days(*items) -> list[list[str]]:
    _, disagreements = merge_timeline(list(items))
    return [[report.value for report in d.reports] for d in disagreements]


def test_a_happening_recalled_by_its_year_is_not_the_storys_happening_dated_another_way():
    # fresh-g (issue #27): Ruslana's win of 2004, recalled in a report of the 2022 final, was set
    # against 'Ukraine won with 631 points' on 2022-05-15 as one happening given two days.
    recalled = _dated("ESCToday", ("2004", "Ruslana won for Ukraine."), ("2016", "Jamala won for Ukraine."))
    final = _dated("Münstersche Zeitung", ("2022-05-15", "Ukraine won with 631 points."))
    assert _days(recalled, final) == []


def test_one_recalled_happening_given_two_years_is_still_shown():
    # fresh-g's labelled disagreement: Gigliola Cinquetti's win, 1962 against 1964.
    face = _dated("Face Magazine", ("1962", "Gigliola Cinquetti won for Italy."))
    anp = _dated("Nederlands Dagblad", ("1964", "Gigliola Cinquetti won for Italy."))
    assert _days(face, anp) == [["1962", "1964"]]
