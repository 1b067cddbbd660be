"""The grounding guard: no invented quote, figure or name reaches the brief."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.grounding.attached import misattached_figures
from summarizer.grounding.check import (
    ArticleFacts,
    aliases,
    apply_findings,
    check_briefing,
    date_found,
    date_support,
    inferred_dates,
    missing_figures,
    name_found,
    quote_found,
    unknown_names,
)
from summarizer.grounding.counts import counted_otherwise, miscounted_figures
from summarizer.grounding.scores import levels_as_changes, unstated_scores
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Briefing, Checks, SourceRef
from summarizer.output.render import render_brief
from tests.fake import answer, answer_with
from tests.grounding_corpus import evaluate

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


# --- what a capable model writes that is faithful, and its hostile twin --------------------------

PRESS = ArticleFacts.of(
    "Ismayil Al Abdallah, a rescuer with the White Helmets, reached the town at dawn. "
    "\u201cWe pulled out a family of five,\u201d Mr Abdulla said. A Delaware judge ruled on Tuesday. "
    "\u201cThe plaintiff is entitled to rescission,\u201d the judge said in her ruling. "
    "Kathaleen McCormick wrote a 201-page opinion. Greg Varallo, a lawyer, welcomed it. "
    "OceanGate has also shared a statement which reads, \u201cWe now believe all five have been lost.\u201d "
    "On Thursday, the US Coast Gaurd said debris had been found. Shahzada Dawood and his son Suleman "
    "Dawood were aboard. President Biden spoke. Jonas Gahr St\u00f8re and Recep Tayyip Erdo\u011fan "
    "sent condolences. Twenty-five people and one hundred and twenty volunteers helped. Spain beat "
    "England one-nil. Brawner Builders said six workers were missing.",
    date(2023, 6, 22),  # a Thursday
)


def _plain(**fields: Any) -> Briefing:
    """A briefing with nothing to check but `fields`."""
    return briefing(**({"headline": "Rescue", "summary": "Rescue.", "key_points": ["Rescue."]} | fields))


def _quote(text: str, speaker: str, role: str, kind: str = "person") -> list[tuple[str, str]]:
    checked = _plain(
        entities=[{"name": speaker, "kind": kind, "role": role}],
        quotes=[{"text": text, "speaker": speaker, "context": ""}],
    )
    return [(f.kind, f.where) for f in check_briefing(checked, PRESS)[0]]


def test_a_speaker_named_later_by_an_honorific_form_of_the_name_is_the_same_person():
    assert _quote("We pulled out a family of five", "Ismayil Al Abdallah", "rescuer") == []
    assert name_found("Ismayil Al Abdallah", PRESS, person=True)
    assert aliases("Abdallah", PRESS) == {"abdulla"}


def test_an_honorific_form_that_is_another_name_is_not_an_alias():
    facts = ArticleFacts.of(
        "Ismayil Al Abdallah reached the town. \u201cWe pulled out a family,\u201d Mr Abdel said."
    )
    assert aliases("Abdallah", facts) == set()
    quote = {"text": "We pulled out a family", "speaker": "Ismayil Al Abdallah", "context": ""}
    found = check_briefing(_plain(quotes=[quote]), facts)[0]
    assert [(f.kind, f.item) for f in found] == [("speaker", "Ismayil Al Abdallah")]


def test_a_given_name_the_article_never_uses_for_that_surname_is_someone_else():
    assert name_found("Shahzada Dawood", PRESS, person=True)
    assert not name_found("Salman Dawood", PRESS, person=True)
    assert name_found("Joe Biden", PRESS, person=True)  # the article says only 'President Biden'


def test_a_quote_the_article_gives_to_a_description_belongs_to_the_speaker_with_that_role():
    assert _quote("The plaintiff is entitled to rescission", "Kathaleen McCormick", "Delaware judge") == []
    assert _quote("The plaintiff is entitled to rescission", "Greg Varallo", "shareholders' lawyer") == [
        ("speaker", "quotes[0]")
    ]


def test_an_organisation_that_makes_a_statement_is_its_speaker_and_one_letter_slips_are_forgiven():
    assert _quote("We now believe all five have been lost", "OceanGate", "operator", "organization") == []
    assert name_found("US Coast Guard", PRESS, person=False)  # the article spells it 'Gaurd'
    assert not name_found("US Coast Patrol", PRESS, person=False)
    assert _quote("We pulled out a family of five", "OceanGate", "operator", "organization") == [
        ("speaker", "quotes[0]")  # the article gives these words to Mr Abdulla
    ]


WIMBLEDON_FR = ArticleFacts.of(
    "Carlos Alcaraz a battu Novak Djokovic dimanche 14 juillet, en finale de Wimbledon, et s'est imposé "
    "en trois sets (6-2, 6-2, 7-6), en 2h27 de match pour conserver son titre.",
    date(2024, 7, 14),
)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Alcaraz beat Djokovic in 2h27 to retain his title.", []),
        # fresh-a's planted 'misremembered' length: read as 2 and a lost 37, it passed (issue #27).
        ("Alcaraz beat Djokovic in 2h37 to retain his title.", ["237"]),
    ],
)
def test_hours_and_minutes_copied_the_french_way_are_one_figure(text, missing):
    assert missing_figures(text, WIMBLEDON_FR) == missing


@pytest.mark.parametrize(
    ("iso", "when", "support"),
    [
        ("2023-06-22", "Thursday", "inferred"),  # the publication day
        ("2023-06-18", "Sunday", "inferred"),  # the Sunday before
        ("2023-06-11", "Sunday", None),  # a Sunday, but not in the publication's week
        ("2023-06-19", "Sunday", None),  # 19 June 2023 was a Monday
        ("2023-06-22", "tonight", "inferred"),
        ("2023-06-22", "this morning", "inferred"),
        ("2023-06-21", "yesterday", "inferred"),
        ("2023-06-23", "tonight", None),
        ("2023-06-22", "4:21 p.m. ET", "inferred"),
        ("2023-06-21", "4:21 p.m. ET", None),
    ],
)
def test_a_date_worked_out_from_the_publication_date_is_accepted_as_inferred(iso, when, support):
    assert date_support(iso, when, PRESS) == support


def test_a_date_the_article_states_is_not_marked_inferred():
    assert date_support("2025-03-04", "Tuesday (Mar 4)", FACTS) == "stated"
    timeline = [{"when": "Thursday", "date": "2023-06-22", "event": "Debris was found."},
                {"when": "June 22", "date": "2023-06-22", "event": "Debris was found."}]  # fmt: skip
    assert inferred_dates(briefing(timeline=timeline), PRESS) == ["timeline[0]"]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("25 people and 120 volunteers helped.", []),  # 'Twenty-five', 'one hundred and twenty'
        ("26 people helped.", ["26"]),
        ("Spain beat England 1-0.", []),  # 'one-nil'
        ("Spain beat England 2-0.", ["2"]),
    ],
)
def test_number_words_are_read_as_figures(text, missing):
    assert missing_figures(text, PRESS) == missing


def test_names_are_folded_to_ascii_so_a_name_without_its_accents_is_found():
    assert name_found("Jonas Gahr Store", PRESS, person=True)
    assert name_found("Recep Tayyip Erdogan", PRESS, person=True)
    assert name_found("Jonas Gahr Støre", PRESS, person=True)


@pytest.mark.parametrize(
    ("point", "unknown"),
    [
        ("Brawner Builders said six workers were missing.", []),
        ("Bramley Construction said six workers were missing.", ["Bramley Construction"]),
        ("Judge Kathaleen McCormick of the Delaware court ruled.", []),
        ("Greg Varallo of Bramley Construction welcomed it.", ["Bramley Construction"]),
        ("General counsel Mark Thompson was also fired.", ["Mark Thompson"]),
    ],
)
def test_a_name_in_a_key_point_must_be_one_the_article_gives(point, unknown):
    assert unknown_names(point, PRESS) == unknown
    found = check_briefing(_plain(key_points=[point]), PRESS)[0]
    assert [f.where for f in found if f.kind == "name"] == (["key_points[0]"] if unknown else [])


def test_an_inferred_date_is_marked_in_the_brief_unless_another_outlet_states_it():
    def dated(source: str, inferred: bool) -> ArticleBriefing:
        timeline = [{"when": "Thursday", "date": "2023-06-22", "event": "Debris of the Titan was found."}]
        item = ArticleBriefing(
            ref=SourceRef(article_id=source, source=source, origin=source),
            briefing=briefing(timeline=timeline),
            model="test",
            checks=Checks(policy="strict", inferred=["timeline[0]"] if inferred else []),
        )
        return item

    [story] = merge_briefings([dated("A", True)]).stories
    assert story.timeline[0].inferred
    assert "- 2023-06-22 (inferred), Thursday: Debris of the Titan was found." in render_brief(
        merge_briefings([dated("A", True)])
    )
    [story] = merge_briefings([dated("A", True), dated("B", False)]).stories
    assert not story.timeline[0].inferred


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
    # The brief detail ranks an unverified quote after the others: the full brief shows every one.
    out = render_brief(merge_briefings([result]), detail="full")
    [line] = [line for line in out.splitlines() if "within a week" in line and line.startswith("- “")]
    assert line.endswith("*(unverified)*")


@pytest.mark.vcr
def test_grounding_off_makes_no_check_and_no_reask(run, cna):
    result = run(answer_with(invent_a_quote), grounding="off")(cna)
    assert result.attempts == 1 and result.checks.policy == "off" and result.checks.checked == 0
    assert "## Checks" not in render_brief(merge_briefings([result]))


# --- what a model writes that a first reading of the article would not find (benchmarks/heldout) ----

BULLETIN = ArticleFacts.of(
    "305 PM EDT 28 Sep -- Hurricane Ian has made landfall near Cayo Costa. Ian made landfall in Florida "
    "on September 28, after hitting Cuba the previous day. Riders waited in the station yesterday after "
    "the train derailed at 12:42 p.m. The jet had 73 passengers and five crew. Shareholders voted out "
    'the chairman in late May. Swan has been CFO since October 2016. "Spoke to Railway Minister '
    '@AshwiniVaishnaw," PM Modi tweeted. Stephen MacMillan, the board chairman, thanked deSouza '
    '"for his leadership," adding that "we are confident we can complete a CEO search."',
    date(2023, 6, 5),
)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Ian made landfall at 3:05 p.m.", []),  # the bulletin's '305 PM'
        ("Ian made landfall at 3:15 p.m.", ["315"]),
        ("the train derailed at 12:42 p.m.", []),
        ("78 people were on board", []),  # 73 passengers and five crew
        ("79 people were on board", ["79"]),
    ],
)
def test_a_time_however_written_and_a_total_of_two_counts_the_article_joins_are_its_figures(text, missing):
    assert missing_figures(text, BULLETIN) == missing


@pytest.mark.parametrize(
    ("iso", "when", "support"),
    [
        ("2023-05", "late May", "inferred"),  # the publication's year
        ("2023-04", "late May", None),
        ("2016-10", "October 2016", "stated"),
        ("2022-09-27", "the previous day", "inferred"),  # the day before the stated 28 September
        ("2022-09-26", "the previous day", None),
        ("2023-06-04", "12:42 p.m.", "inferred"),  # the article says 'yesterday'
        ("2023-06-03", "12:42 p.m.", None),
    ],
)
def test_a_month_a_neighbouring_day_and_yesterdays_time_follow_from_the_article(iso, when, support):
    assert date_support(iso, when, BULLETIN) == support


def test_a_name_given_only_as_a_handle_is_found_and_a_speaker_who_thanks_then_adds_is_the_speaker():
    assert name_found("Ashwini Vaishnaw", BULLETIN, person=True)
    assert not name_found("Ashwini Kumar", BULLETIN, person=True)
    quote = {"text": "we are confident we can complete a CEO search", "context": ""}
    people = [{"name": "Stephen MacMillan", "kind": "person", "role": "chairman"},
              {"name": "Francis deSouza", "kind": "person", "role": "chief executive"}]  # fmt: skip
    right = check_briefing(
        _plain(entities=people, quotes=[{**quote, "speaker": "Stephen MacMillan"}]), BULLETIN
    )
    wrong = check_briefing(
        _plain(entities=people, quotes=[{**quote, "speaker": "Francis deSouza"}]), BULLETIN
    )
    assert right[0] == []
    assert [f.kind for f in wrong[0]] == ["speaker"]


FINAL = ArticleFacts.of(
    "Javier Milei will be Argentina's next president, said his rival, Economy Minister Sergio Massa, "
    "who conceded defeat after Sunday's election.\n\u201cObviously the results are not what we had hoped "
    "for, and I have spoken to Javier Milei to congratulate him.\u201d\nKim Mi Sung, an official in "
    'Itaewon, said she performed CPR on 10 people. "It was like a hell," Kim said. For Carvajal it '
    "is a remarkable sixth Champions League win."
)


def _speaker(text: str, speaker: str) -> list[str]:
    people = [
        {"name": n, "kind": "person", "role": "x"} for n in ("Javier Milei", "Sergio Massa", "Kim Mi Sung")
    ]
    found, _ = check_briefing(
        _plain(entities=people, quotes=[{"text": text, "speaker": speaker, "context": ""}]), FINAL
    )
    return [f.kind for f in found]


def test_a_speaker_named_in_an_apposition_after_said_or_family_name_first_is_the_speaker():
    conceded = "Obviously the results are not what we had hoped for"
    assert _speaker(conceded, "Sergio Massa") == []
    assert _speaker(conceded, "Javier Milei") == ["speaker"]
    assert _speaker("It was like a hell", "Kim Mi Sung") == []
    assert _speaker("It was like a hell", "Sergio Massa") == ["speaker"]


def test_an_ordinal_in_the_article_supports_its_count():
    assert missing_figures("Carvajal has won it six times", FINAL) == []
    assert missing_figures("Carvajal has won it seven times", FINAL) == ["7"]


# --- places: checked like every other name, however the article writes them ---------------------------

PLACES_ARTICLE = (
    "Turkish and Syrian rescuers worked through the night in Hatay province after the quake, officials "
    "in Ankara said. A team from the U.S. arrived on Tuesday, and aid reached Gaza and the West Bank. "
    "In Kiev, Lahaina and on Maui, people gave blood. Interior Minister Ana Ruiz thanked the United "
    "Nations. The UK and the European Union sent planes to New York City and Sao Paulo."
)
PLACES = ArticleFacts.of(PLACES_ARTICLE, date(2025, 3, 5))


@pytest.mark.parametrize(
    ("place", "found"),
    [
        ("Hatay province", True),
        ("Hatay", True),
        ("Turkey", True),  # the article says "Turkish"
        ("Syria", True),  # "Syrian"
        ("United States", True),  # "U.S."
        ("US", True),
        ("USA", True),
        ("Gaza Strip", True),  # "Gaza"
        ("the West Bank", True),
        ("Kyiv", True),  # "Kiev"
        ("Lahaina, Maui", True),
        ("Lahaina, Maui, Hawaii", True),  # the most specific part is named
        ("United Kingdom", True),  # "UK"
        ("Britain", True),
        ("EU", True),
        ("New York", True),
        ("São Paulo", True),
        ("Ankara, Turkey", True),
        ("Unnamed Official", False),
        ("Atlantis", False),
        ("Russia", False),
        ("Iran", False),  # never "Iranian" either
        ("New Jersey", False),  # "New" alone names nothing
        ("York", True),  # in "New York City": as findable as any word of a name
        ("Mordor Province", False),
    ],
)
def test_a_place_is_found_however_the_article_writes_it(place, found):
    entity = {"name": place, "kind": "place", "role": "where it happened"}
    findings = check_briefing(briefing(entities=[entity]), PLACES)[0]
    about = [finding for finding in findings if finding.where == "entities[0]"]
    assert (about == []) is found, about


def test_an_invented_entity_of_any_kind_is_dropped(tmp_path):
    for kind in ("person", "organization", "place"):
        invented = briefing(entities=[{"name": "Unnamed Official", "kind": kind, "role": "official"}])
        [finding] = check_briefing(invented, FACTS)[0]
        assert (finding.kind, finding.where, finding.item) == ("name", "entities[0]", "Unnamed Official")


_NAMES = ["Ana Ruiz", "United Nations", "Turkey", "Hatay", "United States", "Syria", "Gaza Strip"]
_INVENTED = ["Unnamed Official", "Carlos Vega", "Atlantis", "Gotham City", "Mordor Ministry"]


@settings(max_examples=60, deadline=None)
@given(
    entities=st.lists(
        st.tuples(st.sampled_from(_NAMES + _INVENTED), st.sampled_from(["person", "organization", "place"])),
        max_size=5,
    ),
    mentioned=st.lists(st.sampled_from(_NAMES + _INVENTED), max_size=3),
)
@example(entities=[("Unnamed Official", "place")], mentioned=["Unnamed Official"])
def test_the_appendix_and_whos_who_never_disagree(entities, mentioned):
    """A name the appendix says the article does not give is never in the brief's Who's who."""
    made = briefing(
        key_points=["Rescuers worked through the night.", *(f"{name} was there." for name in mentioned)],
        entities=[{"name": name, "kind": kind, "role": "named"} for name, kind in entities],
    )
    findings, checked = check_briefing(made, PLACES)
    cleaned = apply_findings(made, findings, fallback_title="Quake")
    checks = Checks(policy="strict", checked=checked, dropped=findings)
    ref = SourceRef(article_id="quake", source="Wire", origin="quake.txt")
    item = ArticleBriefing(ref=ref, briefing=cleaned, model="test", checks=checks)
    markdown = render_brief(merge_briefings([item]), detail="full")
    whos_who = (
        markdown.split("### Who's who", 1)[1].split("\n### ", 1)[0] if "### Who's who" in markdown else ""
    )
    shown = set(re.findall(r"^- \*\*(.+?)\*\*,", whos_who, re.M))
    appendix = markdown.split("### Checks", 1)[1] if "### Checks" in markdown else ""
    # "not mentioned as a person" (a place filed as one) says the article gives the name: no disagreement.
    not_given = set(re.findall(r"dropped name “([^”]+)”: not mentioned in the article", appendix))
    for listed in re.findall(r"dropped name “[^”]*”: names not in the article: ([^(\n]+) \(", appendix):
        not_given |= {name.strip() for name in listed.split(",")}
    assert not shown & not_given
    assert shown <= {
        name for name in _NAMES if (name, "place") in entities or any(n == name for n, _ in entities)
    }


def test_what_the_prompt_gives_beside_the_text_supports_an_item():
    # The outlet and its wire service, the title and the author are in the prompt: "According to 9News,
    # carrying Entertainment Tonight copy" is not an invented name, nor its 9 a figure; the title's
    # 1-0 is the article's. A figure only the outlet's name holds supports nothing.
    facts = ArticleFacts.of(
        "Bezos said he would step down as chief executive.",
        title="Amazon wins 1-0",
        source="9News (Entertainment Tonight)",
        author="Jane Roe",
    )
    point = "According to 9News, carrying Entertainment Tonight copy, Jane Roe reports Amazon won 1-0."
    briefing = Briefing.model_validate({**_BLANK, "key_points": [point]})
    assert check_briefing(briefing, facts)[0] == []
    nine = Briefing.model_validate({**_BLANK, "key_points": ["Bezos said 9 people would step down."]})
    assert [f.reason for f in check_briefing(nine, facts)[0]] == ["not stated in the article: 9"]


_BLANK: dict[str, Any] = {
    "headline": "Amazon",
    "summary": "Amazon.",
    "key_points": [],
    "entities": [],
    "quotes": [],
    "timeline": [],
    "what_next": [],
    "topics": [],
}


def test_a_date_the_article_does_not_give_goes_and_its_entry_stays():
    entry = {"when": "Friday", "date": "2025-03-03", "event": "Rescuers reached the villages."}
    answer = Briefing.model_validate({**_BLANK, "key_points": ["Aid came."], "timeline": [entry]})
    findings, _ = check_briefing(answer, FACTS)  # 3 March was a Monday
    assert [f.kind for f in findings] == ["date"]
    kept = apply_findings(answer, findings, fallback_title=None)
    assert [(e.when, e.date, e.event) for e in kept.timeline] == [("Friday", None, entry["event"])]


def test_a_figure_the_article_gives_to_another_name_is_not_supported():
    facts = ArticleFacts.of("Detalló que en la CDMX son 186; Morelos, 74; Puebla, 45; Guerrero seis.")
    swapped = "He gave 186 deaths in Mexico City, 45 in Morelos, 74 in Puebla."
    faithful = "He gave 186 deaths in Mexico City, 74 in Morelos, 45 in Puebla and six in Guerrero."
    assert misattached_figures(swapped, facts) == ["45 (Morelos)", "74 (Puebla)"]
    assert misattached_figures(faithful, facts) == []
    errors = ArticleFacts.of("Trop de fautes directes (40 pour Djokovic et 45 pour Alcaraz).")
    assert misattached_figures("45 for Djokovic and 40 for Alcaraz.", errors) == [
        "45 (Djokovic)",
        "40 (Alcaraz)",
    ]


def test_a_figure_the_article_gives_as_another_toll_is_not_supported():
    facts = ArticleFacts.of(
        "Seven people are known dead and about 120 people have been injured. Teams pulled 11 survivors "
        "from the school. Nineteen children and six adults are thought to have died. The death toll rose "
        "to at least 273, as the search for survivors continued."
    )
    assert miscounted_figures("At least 120 people are known to have died.", facts) == ["120 (dead)"]
    assert miscounted_figures("Teams pulled 19 survivors from the school.", facts) == ["19 (survived)"]
    faithful = "Seven dead, 120 injured; 19 children died; the toll rose to 273 as rescuers searched."
    assert miscounted_figures(faithful, facts) == []
    es = ArticleFacts.of("El sismo dejó 61 muertos y más de 200 heridos.")
    assert miscounted_figures("It killed 200 people.", es) == ["200 (dead)"]
    assert miscounted_figures("It killed 61 people and injured more than 200.", es) == []


def test_a_quote_the_article_gives_to_no_one_named_is_kept_and_marked_not_dropped():
    facts = ArticleFacts.of(
        "Jerome Powell spoke on Tuesday. "
        + "Markets rose and fell all week. " * 20
        + '"Inflation has eased somewhat," a statement said. '
        + 'The Federal Reserve raised rates, yet continued to promise "ongoing increases".'
    )
    entities = [
        {"name": "Jerome Powell", "kind": "person", "role": "Fed chair"},
        {"name": "Federal Reserve", "kind": "organization", "role": "central bank"},
    ]
    unclear = {"text": "Inflation has eased somewhat", "speaker": "Jerome Powell", "context": "statement"}
    other = {"text": "ongoing increases", "speaker": "Jerome Powell", "context": "statement"}
    answer = Briefing.model_validate(
        {**_BLANK, "key_points": ["Rates rose."], "entities": entities, "quotes": [unclear, other]}
    )
    findings, _ = check_briefing(answer, facts)
    # The first the article gives to no one it names; the second to the Federal Reserve, the subject
    # of its sentence.
    assert [(f.where, f.kept) for f in findings] == [("quotes[0]", True), ("quotes[1]", False)]
    kept = apply_findings(answer, findings, fallback_title=None)
    assert [q.text for q in kept.quotes] == ["Inflation has eased somewhat"]


def test_a_figure_the_article_writes_before_another_plural_is_not_supported():
    facts = ArticleFacts.of("Funk, 82, and Daemen, an 18-year-old, flew nine days after Branson.")
    assert miscounted_figures("It came 18 days after Branson's flight.", facts) == ["18 (days)"]
    assert miscounted_figures("It came nine days after Branson's flight.", facts) == []
    assert miscounted_figures("Daemen, 18, flew.", facts) == []  # nothing said of what 18 counts


def test_a_score_must_be_the_articles_however_it_is_written():
    facts = ArticleFacts.of("Alcaraz won 6-2, 6-2, 7-6 (7/4). Spain beat England one-nil.")
    assert unstated_scores("Alcaraz won 6-2 6-2 7-6 (7-4); Spain won 1-0.", facts) == []
    assert unstated_scores("Alcaraz won the tie-break 7/5.", facts) == ["7-5"]


def test_a_figure_its_measure_names_first_counts_no_toll():
    facts = ArticleFacts.of(
        "Nepal was hammered again by a magnitude 7.3 temblor that caused dozens more deaths; "
        "42 people were killed and 1,117 injured."
    )
    point = "42 people were killed and more than 1,117 injured in the magnitude 7.3 temblor."
    assert miscounted_figures(point, facts) == []
    assert miscounted_figures("At least 1,117 people were killed.", facts) == ["1,117 (dead)"]


def test_an_elections_quantities_are_not_given_one_for_another():
    facts = ArticleFacts.of(
        "Abstention was estimated at 25.3 per cent. A further 8.8 per cent of voters submitted blank ballots."
    )
    assert miscounted_figures("Abstention was estimated at 8.8 per cent.", facts) == ["8.8 (abstention)"]
    assert (
        miscounted_figures(
            "Abstention reached 25.3 per cent; 8.8 per cent of voters cast blank ballots.", facts
        )
        == []
    )


def test_an_elections_quantity_named_at_the_start_of_the_sentence_is_the_figures():
    fr = ArticleFacts.of(
        "Macron obtient 65,5% des voix. Le chiffre de la participation à 17 heures a cependant nettement "
        "baissé par rapport au premier tour, s'établissant à 65,30%."
    )
    assert miscounted_figures("Macron was elected with 65.30% of the vote.", fr) == ["65.30 (vote)"]
    assert miscounted_figures("Turnout at 5 p.m. was 65.30%, and Macron won 65.5% of the vote.", fr) == []


def test_the_italian_tolls_tell_the_rescued_from_the_injured():
    it = ArticleFacts.of(
        "Il bilancio è di 250 morti e 365 feriti. Sono 215 le persone estratte vive dalle macerie."
    )
    assert miscounted_figures("The toll is 250 dead and 215 injured.", it) == ["215 (injured)"]
    assert miscounted_figures("The toll is 250 dead and 365 injured; 215 were pulled out alive.", it) == []


def test_an_adjective_after_the_articles_figure_does_not_say_what_it_counts():
    facts = ArticleFacts.of("Karius made two crucial blunders. A 21-year-old was trapped for a day.")
    assert miscounted_figures("Karius made two errors.", facts) == []
    assert miscounted_figures("He was trapped for 21 hours.", facts) == ["21 (hours)"]


def test_an_irregular_plural_after_a_figure_says_what_it_counts():
    facts = ArticleFacts.of(
        "Harvey is blamed for three confirmed deaths. The report was attributed to three family members. "
        "Six family members, four children and their grandparents, were in the van."
    )
    # Three children for the article's three family members: one thing in two words, or two things.
    assert miscounted_figures("Three children and their grandparents drowned.", facts) == []
    assert counted_otherwise("Three children and their grandparents drowned.", facts) == ["three (children)"]
    assert miscounted_figures("Four children and their grandparents drowned.", facts) == []


def test_a_figures_noun_may_be_derived_or_abbreviated_and_a_half_is_a_figure():
    facts = ArticleFacts.of(
        "An army of 5,000 rescue workers combed the rubble. The bank raised rates by 75 basis points, "
        "after a half percentage point in July."
    )
    assert miscounted_figures("Aftershocks hampered 5,000 rescuers.", facts) == []
    assert miscounted_figures("ECB hikes 75 bps.", facts) == []
    assert counted_otherwise("5,000 buildings fell.", facts) == ["5,000 (buildings)"]
    assert missing_figures("In July the rise was 0.5 percentage points.", facts) == []


def test_a_timeline_entrys_time_of_day_is_read_as_one():
    fr = ArticleFacts.of("Macron élu président. Publié le 07/05/2017 à 20:00.", date(2017, 5, 7))
    given = briefing(timeline=[{"when": "07/05/2017 à 20:00", "date": None, "event": "RTL gave estimates."}])
    assert [f for f in check_briefing(given, fr)[0] if f.where == "timeline[0]"] == []


def test_a_time_of_day_is_read_as_the_articles_language_writes_it():
    """'18h20' copied into `when` is 18:20, not 18 and a word; '19 heures' is '7 pm' in English; '19.22
    horas' is 19:22. Another hour is still not the article's."""
    fr = ArticleFacts.of(
        "Une première alerte incendie a retenti à 18h20. L'incendie, qui s'est déclaré peu avant 19 heures, "
        "a conduit à l'effondrement de la flèche.",
        date(2019, 4, 16),
    )
    given = briefing(
        headline="Fire",
        key_points=["The fire broke out shortly before 7 pm.", "The fire broke out at 19:00."],
        timeline=[{"when": "lundi 15 avril, 18h20", "date": None, "event": "A first alarm sounded."}],
    )
    assert check_briefing(given, fr)[0] == []
    wrong = briefing(headline="Fire", key_points=["The fire broke out shortly before 8 pm."])
    assert [f.reason for f in check_briefing(wrong, fr)[0]] == ["not stated in the article: 8"]
    es = ArticleFacts.of("Robert Prevost ha salido al balcón como el Papa León XIV a las 19.22 horas.")
    given = briefing(
        headline="Leo XIV",
        key_points=["Leo XIV appeared on the balcony at 19:22.", "Balcony at 19.22."],
        timeline=[{"when": "a las 19.22 horas", "date": None, "event": "Leo XIV appeared."}],
    )
    assert check_briefing(given, es)[0] == []


def test_a_change_in_points_is_not_a_rates_level():
    fr = ArticleFacts.of("La BCE a relevé ses taux de 0,75 point; son taux principal passe à 1,25%.")
    assert levels_as_changes("The ECB raised its main rate to 0.75%.", fr) == ["0.75% (a change in points)"]
    assert levels_as_changes("The ECB raised rates by 0.75 point, its main rate to 1.25%.", fr) == []


def test_a_score_is_read_as_the_articles_language_writes_it():
    # '3 a 1' (Spanish, Italian), '3 x 1' (Portuguese), '3:1' (German) are the score 3-1.
    for said in ("El Madrid venció 3 a 1 al Liverpool.", "Der Klub gewann das Finale mit 3:1 in Kiew."):
        facts = ArticleFacts.of(said)
        assert unstated_scores("Real Madrid beat Liverpool 3-1.", facts) == []
        assert unstated_scores("Real Madrid beat Liverpool 3-0.", facts) == ["3-0"]


def test_a_date_written_the_iso_way_in_a_sentence_is_checked_as_a_day_not_as_three_figures():
    """'on 2025-03-04' is the Tuesday the article names (published on the 5th): kept; '2025-02-26' is a
    day it gives nowhere: dropped, said as a day, never as 'not stated: 2025, 2, 26' or a score '02-26'."""
    given = briefing(key_points=["On 2025-03-04 rescuers said 2,300 people had died.", "Aid arrived."])
    findings, _ = check_briefing(given, FACTS)
    assert findings == []
    invented = briefing(key_points=["On 2025-02-26 rescuers said 2,300 people had died.", "Aid arrived."])
    [finding] = check_briefing(invented, FACTS)[0]
    assert (finding.where, finding.reason) == ("key_points[0]", "a day the article does not give: 2025-02-26")


def test_a_day_written_out_is_a_day_and_the_publication_year_is_given():
    """'on 4 March 2025' in an article of Tuesday (Mar 4), published in 2025: the day is the article's and
    the year the prompt's; '26 February' is a day it gives nowhere, so its 26 is a figure not stated."""
    kept = briefing(key_points=["On 4 March 2025 rescuers said 2,300 people had died.", "Aid arrived."])
    assert check_briefing(kept, FACTS)[0] == []
    dropped = briefing(key_points=["On 26 February rescuers said 2,300 people had died.", "Aid arrived."])
    [finding] = check_briefing(dropped, FACTS)[0]
    assert (finding.where, finding.reason) == ("key_points[0]", "not stated in the article: 26")


def test_a_german_report_answered_faithfully_in_english_keeps_every_item():
    from tests.grounding.test_facts import GERMAN

    facts = ArticleFacts.of(
        GERMAN + " „Wir mussten handeln“, sagte Ministerin Anna Weber (SPD) in Berlin.", date(2025, 7, 18)
    )
    faithful = briefing(
        headline="German central bank raises rate to 4.75%",
        summary="The rate rose to 4.75%, the third rise in a row, by seven votes to two.",
        key_points=[
            "1,250 cattle and twelve people died in the storm on Wednesday evening.",
            "The cup final ended 3:1 on 15 July, kicking off at 8:15 p.m.",
        ],
        entities=[{"name": "Anna Weber", "kind": "person", "role": "minister (SPD)"}],
        quotes=[{"text": "Wir mussten handeln", "speaker": "Anna Weber (SPD)", "context": ""}],
        timeline=[{"when": "am Mittwochabend", "date": "2025-07-16", "event": "A storm killed 12."}],
    )
    assert check_briefing(faithful, facts)[0] == []
    # What the article counts as people may be no count of houses: kept and marked, not dropped; its
    # 1,250 are cattle, not 1,350: dropped.
    points = ["Twelve houses were destroyed.", "1,350 cattle died."]
    wrong = faithful.model_copy(update={"key_points": points})
    found = [(finding.reason, finding.kept) for finding in check_briefing(wrong, facts)[0]]
    assert found == [("the article gives this figure with another word: twelve (houses)", True),
                     ("not stated in the article: 1350", False)]  # fmt: skip


def test_a_portuguese_report_answered_faithfully_in_english_keeps_every_item():
    from tests.grounding.test_facts import PORTUGUESE

    facts = ArticleFacts.of(
        PORTUGUESE + " “Estamos fazendo tudo o que podemos”, disse o governador Eduardo Leite.",
        date(2024, 5, 10),
    )
    faithful = briefing(
        headline="Rains hit 1,037 homes in Rio Grande do Sul",
        summary="Civil Defense said twelve people died and 1,037 houses were hit.",
        key_points=[
            "Rainfall reached 250.5 mm on 5 May.",
            "About 2,300 residents left their homes.",
            "Grêmio won 2-1 on Sunday at 4:30 p.m.",
        ],
        entities=[
            {"name": "Eduardo Leite", "kind": "person", "role": "governor"},
            {"name": "Civil Defense of Rio Grande do Sul", "kind": "organization", "role": ""},
            {"name": "Brazil", "kind": "place", "role": ""},
        ],
        quotes=[
            {"text": "Estamos fazendo tudo o que podemos", "speaker": "Governor Eduardo Leite", "context": ""}
        ],
        timeline=[{"when": "sexta-feira", "date": "2024-05-10", "event": "Civil Defense gave the toll."}],
    )
    findings = check_briefing(faithful, facts)[0]
    # Brazil is not named in this article (only Rio Grande do Sul): that one place is dropped.
    assert [(f.where, f.reason) for f in findings] == [("entities[2]", "not mentioned in the article")]
    wrong = faithful.model_copy(
        update={"key_points": ["Thirteen people died.", "Grêmio won 1-2."], "entities": [], "timeline": []}
    )
    reasons = [f.reason for f in check_briefing(wrong, facts)[0]]
    assert reasons == [
        "not stated in the article: 13",
        "the article gives this figure for something else: 1-2 (a score)",
    ]


def test_a_figure_given_to_the_wrong_month_is_caught_in_any_language():
    from summarizer.grounding.attached import misdated_figures

    en = ArticleFacts.of("Inflation eased to 3.2% in May from 3.4% in April, the office said.")
    assert misdated_figures("Inflation was 3.4% in April and 3.2% in May.", en) == []
    assert misdated_figures("Inflation was 3.4% in May.", en) == ["3.4 (May)"]
    de = ArticleFacts.of(
        "Die Verbraucherpreise stiegen im Juli um 7,9 Prozent, nach 8,7 Prozent im Juni. "
        "Die Notenbank hob den Leitzins auf 5,25 Prozent an und erwartet weniger Inflation im Herbst."
    )
    assert de.lang == "de"
    assert misdated_figures("Prices rose 7.9% in July, after 8.7% in June.", de) == []
    assert misdated_figures("Prices rose 8.7% in July.", de) == ["8.7 (July)"]
    assert misdated_figures("The rate rose to 5.25% in August.", de) == []  # its sentence names no month


def test_a_description_in_the_articles_language_matches_the_role_of_an_entity_sharing_a_form():
    # 'ha explicado el banco central': the Federal Reserve (Fed), whose entity 'Reserva Federal (Fed)'
    # is the US central bank.
    es = ArticleFacts.of(
        'La Reserva Federal (Fed) subió los tipos. "Se tendrán en cuenta los datos", ha explicado el banco '
        "central."
    )
    given = briefing(
        entities=[{"name": "Reserva Federal (Fed)", "kind": "organization", "role": "US central bank"}],
        quotes=[
            {"text": "Se tendrán en cuenta los datos", "speaker": "Federal Reserve (Fed)", "context": ""}
        ],
    )
    assert [f for f in check_briefing(given, es)[0] if f.kind == "speaker"] == []


def test_an_article_is_read_with_its_own_languages_toll_words_not_anothers():
    """The German article 'die' is no English 'die': a vote of '8 zu 1 Stimmen' counts votes, not dead."""
    facts = ArticleFacts.of(
        "Die Notenbank hat den Leitzins angehoben. Die Entscheidung fiel mit 8 zu 1 Stimmen. "
        "Die Verbraucherpreise waren im Juli mit 7,9 Prozent gestiegen."
    )
    assert facts.lang == "de"
    assert miscounted_figures("The decision was taken by 8 votes to 1.", facts) == []
    assert miscounted_figures("Eight people died; 8 were killed.", facts) != []  # still read: 8 counts votes


def test_a_moment_given_on_two_clocks_is_dated_by_the_local_one():
    facts = ArticleFacts.of(
        "The plane took off from Jakarta at 06:20 on Monday (23:30 GMT on Sunday) and crashed.",
        date(2018, 10, 29),
    )
    assert date_support("2018-10-29", "06:20 on Monday (23:30 GMT on Sunday)", facts) == "inferred"
    late = ArticleFacts.of(
        "The capsule reached the top at 2155 on Wednesday (0055 GMT on Thursday).", date(2010, 10, 14)
    )
    assert date_support("2010-10-13", "2155 on Wednesday (0055 GMT on Thursday)", late) == "inferred"
    # The other clock's day is not the local one's: Sunday is not Monday.
    assert date_support("2018-10-28", "06:20 on Monday (23:30 GMT on Sunday)", facts) is None


def test_a_timeline_when_in_the_articles_words_is_read_in_its_notation():
    """`when` keeps the article's words ('um 1.02 Uhr', 'am 31.12.2022', 'ore 11,45'): its figures are
    the article's times and days, not the decimals 1.02, 31.12 and the figure 45."""
    german = ArticleFacts.of(
        "Um 1.02 Uhr stand der Sieg fest. Der Papst starb am 31.12.2022 im Vatikan.", date(2023, 1, 1)
    )
    timeline = [
        {"when": "um 1.02 Uhr", "date": None, "event": "Sweden's win was certain."},
        {"when": "am 31.12.2022", "date": "2022-12-31", "event": "The pope died."},
    ]
    assert check_briefing(briefing(headline="Sweden wins", timeline=timeline), german)[0] == []
    italian = ArticleFacts.of("Il Papa ha annunciato (l'annuncio dell'Ansa alle ore 11,45) le dimissioni.")
    said = [{"when": "ore 11,45", "date": None, "event": "ANSA ran the news."}]
    assert check_briefing(briefing(headline="The pope resigns", timeline=said), italian)[0] == []


def test_a_name_translated_from_german_or_italian_is_found_in_the_articles_words():
    """'Holy See' for 'des Heiligen Stuhls' and 'della Santa Sede', 'St Peter's' for 'San Pietro'."""
    german = ArticleFacts.of("Das teilte der Sprecher des Heiligen Stuhls, Matteo Bruni, im Vatikan mit.")
    assert (
        check_briefing(
            briefing(headline="The pope died", summary="The Holy See's spokesman Matteo Bruni said so."),
            german,
        )[0]
        == []
    )
    italian = ArticleFacts.of("La salma sarà esposta nella Basilica di San Pietro, ha detto la Santa Sede.")
    points = ["His body will lie in St Peter's Basilica, the Holy See said.", "Crowds came."]
    assert check_briefing(briefing(headline="The pope died", key_points=points), italian)[0] == []


def test_a_speaker_the_article_describes_in_its_language_is_given_in_english():
    """'the minister' for 'annonce le ministre', 'the crowd' for 'la foule scandant', 'the confessed
    attacker' for 'o autor confesso do ataque'."""
    pt = ArticleFacts.of(
        'A polícia deteve o autor confesso do ataque, que disse ter agido "sob o comando de Deus".'
    )
    quote = {"text": "sob o comando de Deus", "speaker": "the confessed attacker", "context": ""}
    given = briefing(headline="Attack", summary="Attack.", key_points=["Attack."], quotes=[quote])
    assert check_briefing(given, pt)[0] == []
    fr = ArticleFacts.of(
        'La foule brandissait des drapeaux en scandant "habemus papam". "Quatre fondations ont été '
        'labellisées", annonce le ministre.'
    )
    given = briefing(
        headline="Notre-Dame",
        summary="Pledges.",
        key_points=["Pledges."],
        quotes=[
            {"text": "Quatre fondations ont été labellisées", "speaker": "the minister", "context": ""},
            {"text": "habemus papam", "speaker": "the crowd", "context": ""},
        ],
    )
    assert check_briefing(given, fr)[0] == []


def test_a_quotation_given_to_a_pronoun_is_the_last_speakers_or_unclear():
    """'Il a ensuite remercié le pape Benoît XVI et appelé le monde à "..."' after '"...", a commenté
    François Ier': François's words, not Benoît's (whom he thanks), not Tauran's. Where the one the
    briefing names is named as late as another speaker ('« ... François ... », a annoncé le cardinal
    Kevin Farrell. Toujours affaibli, il a appelé à « ... »'), whom 'il' stands for is unclear: kept
    and marked, not dropped."""
    europe1 = ArticleFacts.of(
        "Jorge Mario Bergoglio est devenu le pape François Ier, a annoncé mercredi soir Jean-Louis Tauran. "
        '"Les cardinaux sont allés au bout du monde", a commenté François Ier, apparu sur le balcon. Il a '
        'ensuite remercié le pape Benoît XVI et appelé le monde à "prendre le chemin de la paix".'
    )
    people = [
        {"name": "François Ier", "kind": "person", "role": "the new pope"},
        {"name": "Jean-Louis Tauran", "kind": "person", "role": "cardinal"},
        {"name": "Benoît XVI", "kind": "person", "role": "predecessor"},
    ]

    def said_by(speaker: str) -> list[tuple[str, bool]]:
        quote = {"text": "prendre le chemin de la paix", "speaker": speaker, "context": ""}
        given = briefing(
            headline="Pope", summary="Pope.", key_points=["Pope."], entities=people, quotes=[quote]
        )
        return [(f.reason, f.kept) for f in check_briefing(given, europe1)[0]]

    assert said_by("François Ier") == []
    assert said_by("Jean-Louis Tauran") == [("the article gives this quote to someone else", False)]
    ndarinfo = ArticleFacts.of(
        "Le Vatican a annoncé la mort du pape François. « Ce matin, l'évêque de Rome, François, est revenu "
        "à la maison du Père », a annoncé le cardinal Kevin Farrell. Toujours très affaibli, il avait "
        "délégué la lecture de son discours dans lequel il a appelé à « abattre les barrières »."
    )
    quote = {"text": "abattre les barrières", "speaker": "pape François", "context": ""}
    farrell = [{"name": "Kevin Farrell", "kind": "person", "role": "cardinal"}]
    given = briefing(headline="Pope", summary="Pope.", key_points=["Pope."], entities=farrell, quotes=[quote])
    assert [(f.reason, f.kept) for f in check_briefing(given, ndarinfo)[0]] == [
        ("the article does not say who said this", True)
    ]


def test_an_approximate_number_word_is_its_figure():
    # 'une quinzaine de minutes' is about fifteen minutes.
    fr = ArticleFacts.of("Le pape a parcouru pendant une quinzaine de minutes les allées de la place.")
    assert missing_figures("He toured the square for about fifteen minutes.", fr) == []
    assert missing_figures("He toured the square for about 20 minutes.", fr) == ["20"]


def test_a_day_or_a_month_the_article_gives_another_of_is_not_supported():
    facts = ArticleFacts.of(
        "Pope Francis will preside over the funeral on January 5. The rate last stood at 5.25% in April "
        "2008; six cardinals were there in 2008.",
        date(2023, 1, 1),
    )

    def reasons(point: str) -> list[str]:
        found = check_briefing(briefing(key_points=[point]), facts)[0]
        return [f.reason for f in found if f.where == "key_points[0]"]

    assert reasons("The funeral is on January 6.") == ["a day the article does not give: 6 January"]
    assert reasons("The funeral is on January 5.") == []
    assert "a month the article does not give: March 2008" in reasons("The rate was 5.25% in March 2008.")
    assert reasons("The rate last stood at 5.25% in April 2008.") == []
    # A day of a month the article gives no day of is left alone.
    assert reasons("The team is invited to the final on Sunday 5 July.") == []


def test_the_year_of_a_day_the_article_gives_without_one_is_the_nearest_to_its_publication():
    # Published 28 October 2018: 'on January 1' is 1 January 2019 to a reader.
    facts = ArticleFacts.of(
        "Jair Bolsonaro will, on January 1, become Brazil's 38th president.", date(2018, 10, 28)
    )
    said = briefing(
        headline="Bolsonaro elected",
        summary="Jair Bolsonaro was elected Brazil's 38th president. He takes office on 1 January 2019.",
    )
    assert check_briefing(said, facts)[0] == []
    wrong = briefing(
        headline="Bolsonaro elected",
        summary="Jair Bolsonaro was elected Brazil's 38th president. He takes office on 1 January 2020.",
    )
    [finding] = check_briefing(wrong, facts)[0]
    assert finding.reason == "not stated in the article: 2020"


def test_a_time_written_the_french_way_is_read_whole():
    facts = ArticleFacts.of(
        "Rafael Nadal a remporté Roland-Garros pour la 14e fois en battant Casper Ruud 6-3, 6-3, 6-0 "
        "en 2h18 de jeu, dimanche. Il avait 28 ans lors de son dixième titre, il y a 2 ans."
    )
    # The 2 and the 28 are the article's, its match 2h18: a misremembered time is caught.
    assert missing_figures("Nadal beat Ruud 6-3, 6-3, 6-0 in 2h28.", facts) == ["228"]
    assert missing_figures("Nadal beat Ruud 6-3, 6-3, 6-0 in 2h18.", facts) == []
