"""The grounding guard: no invented quote, figure or name reaches the brief."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from summarizer.grounding import (
    ArticleFacts,
    apply_findings,
    check_briefing,
    date_found,
    missing_figures,
    name_found,
    quote_found,
)
from summarizer.merge import merge_briefings
from summarizer.models import Briefing
from summarizer.render import render_brief

from .grounding_corpus import evaluate
from .llm_server import answer, answer_with

ARTICLE = (
    "Rescuers said on Tuesday (Mar 4) that 2,300 people had died after the magnitude 7.8 quake. "
    "The government pledged $2.70 billion, a 25 per cent rise. Five villages were cut off. "
    "\u201cWe will not stop until everyone is found \u2013 every single person,\u201d said Interior "
    "Minister Ana Ruiz. The United Nations said aid was on its way. \u201cIt is a dark day. "
    "The whole country mourns,\u201d Ruiz added."
)
FACTS = ArticleFacts.of(ARTICLE, date(2025, 3, 5))


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("We will not stop until everyone is found \u2013 every single person", True),
        ("We will not stop until everyone is found - every single person", True),  # dash style
        ("We will not stop until everyone is found \u2014 every single person", True),
        ("We  will not\nstop until everyone is found - every single person", True),  # whitespace
        (
            "\u201cWe will not stop until everyone is found - every single person,\u201d",
            True,
        ),  # quotes, comma
        ('"It is a dark day."', True),  # straight quotes, full stop inside
        ("We will not stop ... every single person", True),  # ellipsis joins fragments in order
        ("We will not stop \u2026 every single person", True),
        ("every single person ... We will not stop", False),  # fragments out of order
        ("We will never stop until everyone is found", False),  # reworded
        ("we will not stop until everyone is found", False),  # case is not ignored
        ("We will not stop until everyone is safe", False),  # invented ending
        ("The nation mourns", False),  # invented
    ],
)
def test_a_quote_must_appear_in_the_article_modulo_typography_only(quote, found):
    assert quote_found(quote, FACTS) is found


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("2300 people died", []),  # 2,300 and 2300
        ("$2.7 billion was pledged", []),  # $2.70 and $2.7
        ("a 25% rise", []),  # 25 per cent and 25%
        ("a magnitude 7.8 quake", []),
        ("5 villages were cut off", []),  # spelled-out five
        ("five villages", []),
        ("one of the villages", []),  # 'one' as an idiom is not a figure
        ("2,400 people died", ["2400"]),
        ("a magnitude 7.9 quake", ["7.9"]),
        ("a 52% rise", ["52"]),
        ("six villages were cut off", ["6"]),
    ],
)
def test_figures_are_compared_as_values(text, missing):
    assert missing_figures(text, FACTS) == missing


@pytest.mark.parametrize(
    ("name", "person", "found"),
    [
        ("Ana Ruiz", True, True),
        ("Interior Minister Ana Ruiz", True, True),
        ("Ruiz", True, True),  # a surname alone is a mention
        ("Minister Ruiz", True, True),
        ("Maria Ruiz", True, False),  # the article's Ruiz is Ana: another given name is someone else
        ("Ana Perez", True, False),
        ("United Nations", False, True),
        ("The United Nations", False, True),
        ("World Bank", False, False),
    ],
)
def test_names_must_be_mentioned(name, person, found):
    assert name_found(name, FACTS, person=person) is found


def test_an_acronym_counts_only_in_capitals():
    facts = ArticleFacts.of("The UN said aid was on its way. It would be late.")
    assert name_found("United Nations", facts, person=False)
    assert not name_found("Bank of England", facts, person=False)  # 'be' is a word, not 'BE'


@pytest.mark.parametrize(
    ("iso", "when", "found"),
    [
        ("2025-03-04", "Tuesday (Mar 4)", True),  # stated day and month
        ("2025-03-04", "Tuesday", True),  # the weekday within a week of publication (2025-03-05)
        ("2025-03-05", "today", True),
        ("2025-03-03", "Tuesday", False),  # 3 March was a Monday
        ("2025-04-04", "Friday", False),  # not within a week of publication
        ("2025-03-04x", "Tuesday", False),
    ],
)
def test_timeline_dates_must_be_stated_or_follow_from_the_weekday(iso, when, found):
    assert date_found(iso, when, FACTS) is found


def briefing(**fields: Any) -> Briefing:
    base = {"headline": "Quake kills 2,300", "summary": "A quake struck.", "key_points": ["A quake struck."],
            "entities": [], "quotes": [], "timeline": [], "what_next": [], "topics": []}  # fmt: skip
    return Briefing.model_validate(base | fields)


def test_a_speaker_must_be_the_one_the_article_attributes_the_quote_to():
    people = [{"name": "Ana Ruiz", "kind": "person", "role": "minister"},
              {"name": "Tom Berg", "kind": "person", "role": "rescuer"}]  # fmt: skip
    facts = ArticleFacts.of("Rescuer Tom Berg reached the village. " + ARTICLE)
    right = briefing(
        entities=people, quotes=[{"text": "It is a dark day", "speaker": "Ana Ruiz", "context": ""}]
    )
    wrong = briefing(
        entities=people, quotes=[{"text": "It is a dark day", "speaker": "Tom Berg", "context": ""}]
    )
    assert check_briefing(right, facts)[0] == []
    [finding] = check_briefing(wrong, facts)[0]
    assert (finding.kind, finding.item) == ("speaker", "Tom Berg")


def test_strict_drops_each_ungrounded_item_and_replaces_an_ungrounded_headline():
    invented = briefing(
        headline="Quake kills 5,000",
        key_points=["2,300 people died.", "10,000 were injured."],
        quotes=[{"text": "We will rebuild everything", "speaker": "Ana Ruiz", "context": "on TV"}],
        entities=[{"name": "Carlos Vega", "kind": "person", "role": "mayor"}],
    )
    findings, checked = check_briefing(invented, FACTS)
    assert {(f.kind, f.where) for f in findings} == {
        ("number", "headline"), ("number", "key_points[1]"), ("quote", "quotes[0]"), ("name", "entities[0]")
    }  # fmt: skip
    assert checked >= 6
    cleaned = apply_findings(invented, findings, fallback_title="Earthquake in the north")
    assert cleaned.headline == "Earthquake in the north"
    assert cleaned.key_points == ["2,300 people died."]
    assert cleaned.quotes == [] and cleaned.entities == []
    assert check_briefing(cleaned, FACTS)[0] == []


def test_the_labelled_corpus_meets_the_recall_and_false_flag_targets():
    scores = evaluate()
    assert scores.recall["quotes"] >= 0.99, scores.missed
    assert scores.recall["numbers"] >= 0.95, scores.missed
    assert scores.recall["names"] >= 0.95, scores.missed
    assert scores.false_flags <= 0.02, scores.false
    assert scores.counts["quotes corrupted"] > 50 and scores.counts["quotes faithful"] > 50


# --- on recorded exchanges: the re-ask, and what is dropped --------------------------------------

INVENTED_QUOTE = {
    "text": "We will end this war within a week",
    "speaker": "Karoline Leavitt",
    "context": "briefing",
}


def invent_a_quote(written: dict[str, Any]) -> dict[str, Any]:
    written["quotes"].append(INVENTED_QUOTE)
    return written


@pytest.mark.vcr
def test_an_invented_quote_is_sent_back_and_the_corrected_answer_is_kept(run, cna, vcr):
    result = run(answer_with(invent_a_quote), answer)(cna)
    assert INVENTED_QUOTE["text"] not in [q.text for q in result.briefing.quotes]
    assert result.checks.reasked and result.checks.dropped == []
    assert result.attempts == 2
    reask = json.loads(vcr.requests[1].body)["messages"][-1]["content"]
    assert "We will end this war within a week" in reask and "do not appear in the article" in reask


@pytest.mark.vcr
def test_a_quote_still_invented_after_the_reask_is_dropped_and_reported(run, cna):
    result = run(answer_with(invent_a_quote), answer_with(invent_a_quote))(cna)
    assert INVENTED_QUOTE["text"] not in [q.text for q in result.briefing.quotes]
    assert len(result.briefing.quotes) == 4  # the faithful ones stay
    [dropped] = result.checks.dropped
    assert (dropped.kind, dropped.item) == ("quote", INVENTED_QUOTE["text"])
    out = render_brief(merge_briefings([result]))
    assert "We will end this war within a week" in out.split("## Checks", 1)[1]
    assert "We will end this war within a week" not in out.split("## Checks", 1)[0]
    assert "1 dropped" in out


@pytest.mark.vcr
def test_warn_keeps_an_ungrounded_quote_and_marks_it_unverified(run, cna):
    result = run(answer_with(invent_a_quote), answer_with(invent_a_quote), grounding="warn")(cna)
    assert INVENTED_QUOTE["text"] in [q.text for q in result.briefing.quotes]
    assert result.checks.dropped == [] and len(result.checks.flagged) == 1
    out = render_brief(merge_briefings([result]))
    [line] = [line for line in out.splitlines() if "within a week" in line and line.startswith("- “")]
    assert line.endswith("*(unverified)*")


@pytest.mark.vcr
def test_grounding_off_makes_no_check_and_no_reask(run, cna):
    result = run(answer_with(invent_a_quote), grounding="off")(cna)
    assert result.attempts == 1 and result.checks.policy == "off" and result.checks.checked == 0
    assert "## Checks" not in render_brief(merge_briefings([result]))
