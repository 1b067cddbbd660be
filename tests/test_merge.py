"""Merging briefings: one story per event, points and quotes kept once with all their sources."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.cluster import cluster, same_story
from summarizer.merge import merge_briefings
from summarizer.models import Failure
from summarizer.render import render_brief
from summarizer.text import name_key

from .builders import cna, lbc, make

STATE_DINNER = make(
    "Gazette",
    "Trump hosts Japanese prime minister at White House state dinner",
    [
        "President Donald Trump hosted the Japanese prime minister at a White House state dinner "
        "on Thursday.",
        "The menu featured wagyu beef and a performance by a military band.",
    ],
    entities=[("Donald Trump", "person", "US President"), ("White House", "organization", "host")],
)


def test_two_outlets_on_one_event_are_one_story_with_both_sources():
    brief = merge_briefings([cna(), lbc()])
    [story] = brief.stories
    assert [ref.source for ref in story.sources] == ["CNA", "LBC"]
    assert [ref.source for ref in brief.sources] == ["CNA", "LBC"]


def test_a_point_both_outlets_report_is_kept_once_with_both_sources():
    [story] = merge_briefings([cna(), lbc()]).stories
    meeting = [p for p in story.key_points if "could meet" in p.text and "next week" in p.text]
    assert len(meeting) == 1
    assert meeting[0].sources == ["CNA", "LBC"]
    only_lbc = [p for p in story.key_points if "25% tariff" in p.text]
    assert only_lbc[0].sources == ["LBC"]


def test_the_same_quote_from_two_outlets_is_one_quote_in_its_fuller_wording():
    [story] = merge_briefings([cna(), lbc()]).stories
    leavitt = [q for q in story.quotes if q.speaker == "Karoline Leavitt"]
    assert len(leavitt) == 1
    assert leavitt[0].sources == ["CNA", "LBC"]
    assert leavitt[0].text.endswith("President Trump wants this brutal war to end")


def test_spellings_of_one_person_are_one_entry_showing_the_fullest_name():
    [story] = merge_briefings([cna(), lbc()]).stories
    zelenskyy = [e for e in story.entities if name_key(e.name) == "zelensky"]
    assert [(e.name, e.sources) for e in zelenskyy] == [("Volodymyr Zelenskyy", ["CNA", "LBC"])]


def test_names_meet_under_one_key_whatever_the_title_or_spelling():
    assert {name_key(n) for n in ["President Donald Trump", "Donald Trump", "Mr Trump", "Trump"]} == {"trump"}
    assert name_key("Zelenskyy") == name_key("Volodymyr Zelensky") == name_key("President Zelenskyy")


def test_an_unrelated_story_sharing_a_famous_name_stays_separate():
    assert not same_story(cna(), STATE_DINNER)
    brief = merge_briefings([cna(), STATE_DINNER, lbc()])
    assert [len(story.sources) for story in brief.stories] == [2, 1]
    assert brief.stories[1].headline == STATE_DINNER.briefing.headline


def test_timeline_is_in_date_order_with_month_and_year_events_placed_by_their_wording():
    [story] = merge_briefings([cna(), lbc()]).stories
    whens = [event.when for event in story.timeline]
    assert whens.index("December 2019") < whens.index("June 2021") < whens.index("Monday")
    dated = [event.date for event in story.timeline if event.date]
    assert dated == sorted(dated)


def test_the_same_briefings_in_any_order_render_to_the_same_bytes():
    items = [cna(), lbc(), STATE_DINNER]
    failures = [
        Failure(origin="b.txt", kind="unreadable", reason="empty"),
        Failure(origin="a.txt", kind="refused", reason="y"),
    ]
    expected = render_brief(merge_briefings(items, failures))
    rng = random.Random(7)
    for _ in range(10):
        rng.shuffle(items)
        rng.shuffle(failures)
        assert render_brief(merge_briefings(items, failures)) == expected


def test_failures_and_usage_are_carried_into_the_brief():
    failure = Failure(origin="bad.txt", kind="unreadable", reason="empty: no article text")
    brief = merge_briefings([STATE_DINNER], [failure])
    assert brief.failures == [failure]
    assert brief.usage.requests == 1


def test_no_briefings_is_an_empty_brief_not_an_error():
    brief = merge_briefings([])
    assert brief.stories == [] and brief.sources == []


QUAKE = [("Ana Ruiz", "person", "interior minister"), ("Civil Protection", "organization", "rescue agency")]


def quake(source: str, toll: str, day: str, **fields: object) -> object:
    return make(
        source,
        f"Earthquake in the north kills {toll}",
        [
            f"At least {toll} people were killed when a magnitude 7.8 earthquake struck the north on {day}.",
            "Rescue teams from Civil Protection were still searching collapsed buildings in Villamar.",
            "Interior Minister Ana Ruiz declared three days of national mourning.",
        ],
        entities=QUAKE,
        **fields,
    )


def test_different_figures_for_the_same_thing_are_shown_side_by_side_never_picked():
    [story] = merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "5,000", "Monday")]).stories
    [differ] = story.disagreements
    assert [(r.value, r.sources) for r in differ.reports] == [("2,300", ["CNA"]), ("5,000", ["LBC"])]
    tolls = [p for p in story.key_points if "were killed" in p.text]
    assert [(p.sources) for p in tolls] == [["CNA"], ["LBC"]]  # both kept, neither merged away
    rescue = [p for p in story.key_points if "Rescue teams" in p.text]
    assert rescue[0].sources == ["CNA", "LBC"]  # what they agree on is still one point


def test_different_days_for_the_same_event_are_a_disagreement():
    [story] = merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "2,300", "Tuesday")]).stories
    [differ] = story.disagreements
    assert [(r.value, r.sources) for r in differ.reports] == [("Monday", ["CNA"]), ("Tuesday", ["LBC"])]


def test_the_same_event_dated_differently_in_the_timelines_is_a_disagreement():
    a = quake(
        "CNA", "2,300", "Monday", timeline=[("Monday", "2025-03-03", "The earthquake struck the north.")]
    )
    b = quake(
        "LBC", "2,300", "Monday", timeline=[("Tuesday", "2025-03-04", "The earthquake struck the north.")]
    )
    [story] = merge_briefings([a, b]).stories
    dates = [[(r.value, r.sources) for r in d.reports] for d in story.disagreements]
    assert [("2025-03-03", ["CNA"]), ("2025-03-04", ["LBC"])] in dates


def test_the_same_figures_in_other_words_are_one_point_and_no_disagreement():
    [story] = merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "2,300", "Monday")]).stories
    assert story.disagreements == []
    assert all(p.sources == ["CNA", "LBC"] for p in story.key_points)


def test_a_disagreement_is_rendered_as_reports_differ_with_each_value_and_source():
    out = render_brief(merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "5,000", "Monday")]))
    section = out.split("### Reports differ\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.startswith("- **2,300** (CNA) vs **5,000** (LBC): At least 2,300 people were killed")


briefings = st.permutations(
    [
        cna(),
        lbc(),
        STATE_DINNER,
        quake("CNA", "2,300", "Monday"),
        quake("LBC", "5,000", "Monday"),
        quake("Gazette", "2,300", "Monday"),
    ]
)


@settings(max_examples=25, deadline=None)
@given(briefings)
def test_any_order_of_the_same_briefings_gives_byte_identical_output(shuffled):
    reference = render_brief(merge_briefings(sorted(shuffled, key=lambda b: b.ref.origin + b.ref.article_id)))
    assert render_brief(merge_briefings(shuffled)) == reference
    assert (
        merge_briefings(shuffled).model_dump_json()
        == merge_briefings(list(reversed(shuffled))).model_dump_json()
    )


def test_a_name_in_many_briefings_does_not_join_them():
    many = [
        make(
            f"Outlet {i}",
            f"Trump comments on topic {i}",
            [f"Donald Trump spoke about subject{i} matter{i}."],
            entities=[("Donald Trump", "person", "president")],
        )
        for i in range(60)
    ]
    assert len(cluster(many)) == 60
