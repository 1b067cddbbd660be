"""Figures given to the wrong one: a figure of the article is supported only for whom it states it."""

from __future__ import annotations

from summarizer.grounding.attached import misattached_figures
from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing

#: Italian sports copy writes a race time in seconds and hundredths as 9''80 (or 9″80).
RACE = ArticleFacts.of(
    "L'americano Noah Lyles è il nuovo campione olimpico dei 100. Ha vinto la finale delle Olimpiadi "
    "di Parigi 2024, in 9''79, al fotofinish con il giamaicano Kishane Thompson. Bronzo per l'altro "
    "americano, Fred Kerley, in 9''81. Quinto tempo per Marcell Jacobs, in 9″85."
)


def test_a_race_time_written_the_italian_way_supports_the_briefings_decimal():
    answer = Briefing.model_validate(
        {
            "headline": "Noah Lyles wins the Olympic 100 metres in 9.79",
            "summary": "Lyles won in 9.79; Fred Kerley took bronze in 9.81, Marcell Jacobs fifth in 9.85.",
            "key_points": ["Kishane Thompson was second in a photo finish."],
            **{field: [] for field in ("entities", "quotes", "timeline", "what_next", "topics")},
        }
    )
    findings, _ = check_briefing(answer, RACE)
    assert findings == []


def test_a_time_the_article_gives_to_another_runner_is_not_supported():
    # The article's 9.85 is Jacobs's; it gives Kerley 9.81.
    assert misattached_figures("Fred Kerley took bronze in 9.85.", RACE) == ["9.85 (Fred Kerley)"]
    assert misattached_figures("Fred Kerley took bronze in 9.81.", RACE) == []
    # Who won in 9.79 the Italian sentence does not name (it is the one before's subject): not judged.
    assert misattached_figures("Lyles won in 9.79.", RACE) == []


def test_a_hyphenated_place_of_a_list_of_cities_keeps_its_own_figure() -> None:
    # fresh-j ps19-huffpost: a hyphenated name read whole never met its own figure in the article, which
    # then went to the city before it in the list ('19,000 (Clermont-Ferrand)' dropped, 3 items).
    facts = ArticleFacts.of(
        "En province, les chiffres remontés par les autorités attestent d'une mobilisation très "
        "importante : 36 000 personnes ont ainsi défilé à Toulouse, 25 000 à Nantes, 19 000 à "
        "Clermont-Ferrand, 15 000 à Montpellier."
    )
    assert facts.lang == "fr"
    assert misattached_figures("25,000 marched in Nantes and 19,000 in Clermont-Ferrand.", facts) == []
    swapped = "19,000 marched in Nantes and 25,000 in Clermont-Ferrand."
    assert misattached_figures(swapped, facts) == ["19,000 (Nantes)", "25,000 (Clermont-Ferrand)"]
