"""Countries a model writes in English for an article in another language: a team or a state filed as
an organisation, a place named with the country's adjective. Short articles written for the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from summarizer.grounding.check import check_briefing
from summarizer.grounding.facts import ArticleFacts
from summarizer.models import Briefing

SPANISH = (
    "Portugal venció el domingo a Suecia por 3-1 en la final disputada en el estadio Olímpico de "
    "Montjuïc. Los suecos se adelantaron, pero los portugueses remontaron ante 40.000 aficionados. "
    "La selección viajará el martes a los Alpes Italianos para celebrar el título, informó la federación."
)
FACTS = ArticleFacts.of(SPANISH, date(2025, 6, 2))


def _briefing(**fields: Any) -> Briefing:
    plain = {"headline": "The final", "summary": "The final.", "key_points": ["The final."]}
    empty = {"entities": [], "quotes": [], "timeline": [], "what_next": [], "topics": []}
    return Briefing.model_validate(plain | empty | fields)


def _findings(briefing: Briefing) -> list[tuple[str, str]]:
    return [(f.where, f.reason) for f in check_briefing(briefing, FACTS)[0]]


def test_countries_written_in_english_are_the_articles_own():
    faithful = _briefing(
        key_points=[
            "Portugal beat Sweden 3-1 in the final at the Olympic Stadium of Montjuïc.",
            "The team will travel to the Italian Alps on Tuesday.",
        ],
        entities=[
            {"name": "Portugal", "kind": "organization", "role": "national team"},
            {"name": "Sweden", "kind": "organization", "role": "national team"},
            {"name": "Olympic Stadium", "kind": "place", "role": ""},
        ],
    )
    assert _findings(faithful) == []


def test_a_country_the_article_never_names_is_not_its_own():
    invented = _briefing(
        key_points=["Norway beat Sweden in the final at the Olympic Stadium of Montjuïc."],
        entities=[
            {"name": "Norway", "kind": "organization", "role": "national team"},
            {"name": "Denmark", "kind": "place", "role": ""},
        ],
    )
    assert [where for where, _ in _findings(invented)] == ["entities[0]", "entities[1]"]
