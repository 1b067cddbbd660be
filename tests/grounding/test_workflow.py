"""Ask, check, re-ask once (grounding/workflow.py): what is worth a second request."""

from __future__ import annotations

import asyncio
from typing import Any

from summarizer.grounding.workflow import ask_grounded
from summarizer.models import Briefing, Finding

ANSWER = Briefing.model_validate(
    {
        "headline": "Sweden wins",
        "summary": "Sweden won.",
        "key_points": ["Sweden won."],
        "entities": [],
        "quotes": [],
        "what_next": [],
        "topics": [],
        "timeline": [{"when": "1990", "date": "2021-05-22", "event": "Italy won."}],
    }
)


class Asker:
    """Answers every request with the same briefing and counts the requests."""

    label = "test"

    def __init__(self) -> None:
        self.asked = 0

    async def __call__(self, messages: list[Any], output: type[Briefing]) -> tuple[Briefing, str]:
        self.asked += 1
        return ANSWER, ANSWER.model_dump_json()


def _asked(findings: list[Finding]) -> tuple[int, bool]:
    ask = Asker()
    grounded = asyncio.run(ask_grounded(ask, [], Briefing, lambda answer: (findings, 5)))  # type: ignore[arg-type]
    return ask.asked, grounded.reasked


def test_a_date_alone_the_article_does_not_give_is_taken_out_without_asking_again():
    """The date goes and its entry stays: a second request could only learn that the article gives
    no such day. Anything else unsupported is still asked for once."""
    date = Finding(kind="date", where="timeline[0]", item="1990 (2021-05-22)", reason="not stated")
    name = Finding(kind="name", where="key_points[0]", item="Sweden won.", reason="not in the article")
    assert _asked([date]) == (1, False)
    assert _asked([date, name]) == (2, True)
    assert _asked([]) == (1, False)
