"""Merging briefings: one story per event, points and quotes kept once with all their sources."""

from __future__ import annotations

import itertools
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.merge.assemble import merge_briefings
from summarizer.merge.cluster import cluster, same_story
from summarizer.models import ArticleBriefing, Failure, NewsEvent
from summarizer.output.render import render_brief
from summarizer.text.normalize import name_key
from tests.builders import cna, lbc, make

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
    # Only LBC printed these last words: CNA is credited with the part it printed, not the whole.
    assert leavitt[0].in_part == ["CNA"]
    assert "Karoline Leavitt, White House press secretary (LBC; CNA in part)" in render_brief(
        merge_briefings([cna(), lbc()])
    )


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
    # Every order of both, not a few shuffles: a set of renderings is empty, not equal, if none ran.
    renderings = {
        render_brief(merge_briefings(list(these), list(those)))
        for these in itertools.permutations(items)
        for those in itertools.permutations(failures)
    }
    assert renderings == {expected}


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
    assert [(r.value, r.sources) for r in differ.reports] == [
        ("2,300 dead", ["CNA"]),
        ("5,000 dead", ["LBC"]),
    ]
    tolls = [p for p in story.key_points if "were killed" in p.text]
    # Neither merged away: one point, credited only to the outlet whose figure it gives; the other's
    # version is the Reports differ line's (issue #23: not two points differing only in a figure).
    assert [(p.sources) for p in tolls] == [["CNA"]]
    assert differ.reports[1].text.startswith("At least 5,000")
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


def test_an_event_dated_with_the_day_its_outlet_published_a_day_later_is_its_own_day():
    # A final at night in Kyiv is the next morning in Sydney: the later outlet's day, not a disagreement;
    # a week apart, or the same publication day, still is one.
    def dated(source: str, day: str, published: str) -> object:
        timeline = [(day, day, "The earthquake struck the north.")]
        return quake(
            source, "2,300", "Monday", timeline=timeline, published=datetime.fromisoformat(published)
        )

    def days(*items: object) -> list[list[tuple[str, list[str]]]]:
        [story] = merge_briefings(list(items)).stories
        return [sorted((r.value, r.sources) for r in d.reports) for d in story.disagreements]

    assert days(dated("CNA", "2025-03-03", "2025-03-03"), dated("ABC", "2025-03-04", "2025-03-04")) == []
    assert days(dated("CNA", "2025-03-03", "2025-03-04"), dated("ABC", "2025-03-04", "2025-03-04")) == [
        [("2025-03-03", ["CNA"]), ("2025-03-04", ["ABC"])]
    ]
    assert days(dated("CNA", "2025-02-25", "2025-03-03"), dated("ABC", "2025-03-04", "2025-03-04")) == [
        [("2025-02-25", ["CNA"]), ("2025-03-04", ["ABC"])]
    ]


def test_the_same_figures_in_other_words_are_one_point_and_no_disagreement():
    [story] = merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "2,300", "Monday")]).stories
    assert story.disagreements == []
    assert all(p.sources == ["CNA", "LBC"] for p in story.key_points)


def test_a_disagreement_is_rendered_as_reports_differ_with_each_value_and_source():
    out = render_brief(merge_briefings([quake("CNA", "2,300", "Monday"), quake("LBC", "5,000", "Monday")]))
    section = out.split("### Reports differ\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.startswith(
        "- **2,300 dead** (CNA) vs **5,000 dead** (LBC): At least 2,300 people were killed"
    )


SIX = [
    cna(),
    lbc(),
    STATE_DINNER,
    quake("CNA", "2,300", "Monday"),
    quake("LBC", "5,000", "Monday"),
    quake("Gazette", "2,300", "Monday"),
]
#: The six in one order, merged once: what every other order must give (a merge of six takes ~0.2 s).
REFERENCE = merge_briefings(sorted(SIX, key=lambda b: b.ref.origin + b.ref.article_id))


@settings(max_examples=25, deadline=None)
@given(st.permutations(SIX))
def test_any_order_of_the_same_briefings_gives_byte_identical_output(shuffled):
    merged = merge_briefings(shuffled)
    assert render_brief(merged) == render_brief(REFERENCE)
    assert merged.model_dump_json() == REFERENCE.model_dump_json()


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


# --- the event each briefing names (Briefing.event) ---------------------------------------------------


def _on(item: ArticleBriefing, what: str, where: str | None, when: str | None) -> ArticleBriefing:
    """The briefing naming its event as a model does."""
    event = NewsEvent(what=what, where=where, when=when)
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})


def _quake(source: str, headline: str, points: list[str], where: str, when: str | None) -> ArticleBriefing:
    return _on(make(source, headline, points), "earthquake", where, when)


WIRE = _quake(
    "Wire",
    "Turkey-Syria earthquake death toll passes 5,000 as rescuers search rubble",
    ["The death toll from the magnitude 7.8 earthquake has risen to more than 5,000."],
    "southern Turkey and northern Syria",
    "2023-02-06",
)
SURVIVOR = _quake(
    "Herald",
    "Grandmother pulled alive from collapsed building in Antakya after five days",
    ["Rescuers freed a woman trapped for 120 hours by the earthquake beneath a block of flats in Hatay."],
    "Hatay, Turkey",
    "2023-02-06",
)


def test_very_different_reports_of_one_event_are_one_story_when_their_events_agree():
    assert not same_story(WIRE.model_copy(update={"briefing": WIRE.briefing.model_copy(
        update={"event": None})}), SURVIVOR)  # fmt: skip
    assert same_story(WIRE, SURVIVOR)
    [story] = merge_briefings([WIRE, SURVIVOR]).stories
    assert {ref.source for ref in story.sources} == {"Wire", "Herald"}


def test_a_different_death_toll_for_the_same_fact_never_splits_the_story():
    other = _quake(
        "Daily",
        "Turkey-Syria earthquake kills more than 7,200 as aftershocks hamper rescue",
        ["The death toll from the magnitude 7.8 earthquake has risen past 7,200."],
        "Turkey, Syria",
        "2023-02-06",
    )
    [story] = merge_briefings([WIRE, other]).stories
    assert any({"5,000 dead", "7,200 dead"} <= {r.value for r in d.reports} for d in story.disagreements)


def test_two_earthquakes_in_different_places_on_the_same_day_are_two_stories():
    morocco = _quake(
        "Gazette",
        "Earthquake in Morocco's High Atlas kills hundreds as buildings collapse",
        ["A magnitude 6.8 earthquake struck the High Atlas mountains, and the death toll has risen."],
        "High Atlas, Morocco",
        "2023-02-06",
    )
    assert len(merge_briefings([WIRE, SURVIVOR, morocco]).stories) == 2


def test_the_same_famous_person_in_events_months_apart_is_never_one_story():
    def musk(source: str, headline: str, what: str, when: str) -> ArticleBriefing:
        points = [f"Elon Musk, the Tesla chief executive, was at the centre of {what} in Delaware."]
        item = make(source, headline, points, entities=[("Elon Musk", "person", "Tesla CEO")])
        return _on(item, what, "Delaware", when)

    takeover = musk(
        "A", "Elon Musk closes Twitter deal, Tesla CEO Elon Musk says", "Twitter deal", "2022-10-27"
    )
    ruling = musk(
        "B", "Elon Musk's Tesla pay deal voided, Tesla CEO Elon Musk says", "pay deal", "2024-01-30"
    )
    assert not same_story(takeover, ruling)
    # A third report in between, undated, cannot chain them into one story either.
    between = _on(make("C", "Elon Musk deal, Tesla CEO Elon Musk says", takeover.briefing.key_points), "deal",
                  "Delaware", None)  # fmt: skip
    assert len(merge_briefings([takeover, between, ruling]).stories) == 2


def _landfall(source: str, storm: str, place: str, published: str, where: str | None) -> ArticleBriefing:
    headline = f"Hurricane {storm} makes landfall in Florida as a Category 4 storm"
    points = [f"Hurricane {storm} made landfall near {place}, Florida, the National Hurricane Center said."]
    item = make(source, headline, points, published=datetime.fromisoformat(published))
    return _on(item, f"Hurricane {storm} landfall", where, None)


def test_undated_events_reported_years_apart_are_two_stories():
    # Two Florida hurricanes, neither event dated by its briefing: the reports' own days keep them apart.
    helene = _landfall("WFTV", "Helene", "Perry", "2024-09-27", "Big Bend, Florida")
    ian = _landfall("Gainesville Sun", "Ian", "Cayo Costa", "2022-09-28", "Cayo Costa, Florida")
    assert len(merge_briefings([helene, ian]).stories) == 2
    same_week = _landfall("AP", "Ian", "Cayo Costa", "2022-09-29", "Florida")
    assert len(merge_briefings([helene, ian, same_week]).stories) == 2


# --- "Reports differ" across wordings ------------------------------------------------------------------


def _toll(
    source: str, *points: str, timeline: tuple[tuple[str, str | None, str], ...] = ()
) -> ArticleBriefing:
    item = make(source, f"Earthquake report from {source}", list(points), timeline=list(timeline))
    return _on(item, "earthquake", "southern Turkey and northern Syria", "2023-02-06")


def _differences(*items: ArticleBriefing) -> list[list[tuple[str, list[str]]]]:
    [story] = merge_briefings(list(items)).stories
    return [[(r.value, r.sources) for r in d.reports] for d in story.disagreements]


def test_a_toll_worded_differently_by_each_outlet_is_one_disagreement_naming_every_figure():
    found = _differences(
        _toll("A", "The death toll from the earthquake in Turkey and Syria has passed 5,000."),
        _toll(
            "B", "The quake in Turkey and Syria brought down thousands of buildings, killing more than 2,300."
        ),
        _toll("C", "More than 7,200 people have died in Turkey and Syria, officials said."),
    )
    assert [sorted(d) for d in found] == [
        [("2,300 dead", ["B"]), ("5,000 dead", ["A"]), ("7,200 dead", ["C"])]
    ]


def test_a_toll_for_one_country_is_not_set_against_the_toll_for_both():
    found = _differences(
        _toll(
            "A",
            "The death toll in Turkey and Syria has passed 5,000.",
            "At least 4,500 people died in Turkey.",
        ),
        _toll(
            "B", "More than 7,200 have died in Turkey and Syria.", "The death toll in Turkey reached 4,544."
        ),
    )
    assert sorted(sorted(d) for d in found) == [
        [("4,500 dead", ["A"]), ("4,544 dead", ["B"])],
        [("5,000 dead", ["A"]), ("7,200 dead", ["B"])],
    ]


def test_a_toll_of_another_year_or_a_forecast_is_not_a_disagreement():
    found = _differences(
        _toll(
            "A", "The death toll in Turkey and Syria passed 5,000.", "A 1999 quake in Turkey killed 17,000."
        ),
        _toll(
            "B", "The death toll in Turkey and Syria passed 5,000.", "The WHO said deaths could reach 20,000."
        ),
    )
    assert found == []


def test_those_aboard_are_not_set_against_those_who_escaped_nor_a_day_against_a_time():
    aboard = _toll(
        "A",
        "The plane had 73 passengers and 5 crew members on board.",
        "At least three people died when the train derailed on Monday afternoon.",
    )
    escaped = _toll(
        "B",
        "Slides allowed 33 passengers and four crew members to escape; five people are in hospital.",
        "The train with 275 passengers derailed at 12:42 p.m.; at least three people were killed.",
    )
    assert _differences(aboard, escaped) == []


def test_two_times_of_day_for_one_happening_are_a_disagreement_shown_as_times():
    early = _toll("A", "Helene made landfall near Perry at 11:10 p.m. EDT as a Category 4 hurricane.")
    late = _toll("B", "Helene made landfall near Perry at 11:20 p.m. as a Category 4 hurricane.")
    assert _differences(early, late) == [[("23:10", ["A"]), ("23:20", ["B"])]]  # p.m.: the evening


def test_a_toll_elsewhere_is_not_set_against_the_toll_here_and_jr_is_junior():
    here = _toll("A", "At least 5,100 people are presumed dead in Derna, Libya, after two dams collapsed.")
    elsewhere = _toll("B", "The storm also killed about 170 people elsewhere in Libya.")
    assert _differences(here, elsewhere) == []
    junior = make("A", "Real Madrid win the final", ["Vinicius Jr scored the second goal."],
                  entities=[("Vinicius Jr", "person", "Real Madrid forward")])  # fmt: skip
    written_out = make("B", "Real Madrid win the final", ["Vinicius Junior scored the second goal."],
                       entities=[("Vinicius Junior", "person", "Real Madrid forward")])  # fmt: skip
    assert _differences(junior, written_out) == []


def test_a_toll_followed_by_what_caused_it_is_still_a_toll():
    found = _differences(
        _toll("A", "The death toll in Derna has soared to 11,300 following a flood, the Red Crescent said."),
        _toll("B", "At least 5,100 people are presumed dead in Derna, according to local authorities."),
    )
    assert found == [[("11,300 dead", ["A"]), ("5,100 dead", ["B"])]]


def test_one_surname_with_a_given_name_misspelt_is_shown_but_an_accepted_spelling_or_an_initial_is_not():
    def named(source: str, name: str) -> ArticleBriefing:
        return make(source, "Real Madrid beat Dortmund", [f"{name} hit the post."],
                    entities=[(name, "person", "Dortmund striker")])  # fmt: skip

    assert _differences(named("A", "Nicolas Fullkrug"), named("B", "Niclas F\u00fcllkrug")) == [
        [("Nicolas Fullkrug", ["A"]), ("Niclas F\u00fcllkrug", ["B"])]
    ]
    # Two accepted spellings of one given name, and an accent (issue #27, the lead's decision).
    assert _differences(named("A", "Niklas Fullkrug"), named("B", "Niclas F\u00fcllkrug")) == []
    assert _differences(named("A", "Manuel P. Neves"), named("B", "Manuel Neves")) == []


def test_a_village_misspelt_is_shown_but_its_transliterations_and_two_places_are_not():
    def at(source: str, *places: str) -> ArticleBriefing:
        return make(source, "Stampede at a religious gathering", ["A stampede killed devotees."],
                    entities=[(place, "place", "where it happened") for place in places])  # fmt: skip

    assert _differences(at("A", "Pulrai", "Hathras"), at("B", "Pulkrai", "Hathras")) == [
        [("Pulrai", ["A"]), ("Pulkrai", ["B"])]
    ]
    # Hindi's aspirated p written 'ph', 'f' or 'p': one village (issue #27, the lead's decision).
    assert _differences(at("A", "Pulrai", "Hathras"), at("B", "Fulrai", "Hathras")) == []
    assert _differences(at("A", "Austria"), at("B", "Hungary")) == []
    # One city transliterated two accepted ways is one place, not a disagreement.
    assert _differences(at("A", "Marrakech", "Hathras"), at("B", "Marrakesh", "Hathras")) == []
    assert _differences(at("A", "Odessa"), at("B", "Odesa")) == []
    # A 'th' for a 't' is one transliteration too (AP's 'Katmandu', AFP's 'Kathmandu').
    assert _differences(at("A", "Kathmandu"), at("B", "Katmandu")) == []
    # 'th' renders the one sound of 't' (fresh-b: Kathmandu, Katmandu, the French Katmandou).
    assert _differences(at("A", "Kathmandu"), at("B", "Katmandu"), at("C", "Katmandou")) == []


def test_one_days_happening_told_in_other_words_by_two_outlets_is_one_timeline_line():
    def on_the_day(source: str, *entries: str) -> ArticleBriefing:
        timeline = [("Monday", "2023-02-20", entry) for entry in entries]
        return _on(make(source, "Biden visits Kyiv", ["Biden visited Kyiv."], timeline=timeline),
                   "Biden visit", "Kyiv", "2023-02-20")  # fmt: skip

    fortune = on_the_day("Fortune", "Biden arrived in Kyiv on a surprise visit and met Zelenskiy.",
                         "Musk closed the deal to buy Twitter.")  # fmt: skip
    times = on_the_day("Times of Israel", "Biden made an unannounced visit to Kyiv and met Zelensky.",
                       "Musk said he did not buy Twitter to make more money.")  # fmt: skip
    [story] = merge_briefings([fortune, times]).stories
    lines = [(entry.event, entry.sources) for entry in story.timeline]
    assert len(lines) == 3  # the visit once; the two things Musk did stay two
    assert (
        "Biden arrived in Kyiv on a surprise visit and met Zelenskiy.",
        ["Fortune", "Times of Israel"],
    ) in lines
    # The wording shown credits no outlet with a figure it did not give.
    crash = on_the_day("UPI", "The skydiving plane crashed at Dillingham Airfield, killing 11.")
    plain = on_the_day("WTHI", "The King Air plane crashed near Dillingham Airfield.")
    [story] = merge_briefings([crash, plain]).stories
    assert [(e.event, e.sources) for e in story.timeline] == [
        ("The King Air plane crashed near Dillingham Airfield.", ["UPI", "WTHI"])
    ]


def test_the_closest_statements_are_compared_so_one_match_minute_is_not_set_against_another():
    def final(source: str, goal: str, penalty: str) -> ArticleBriefing:
        points = [
            f"Messi scored a {goal}-minute penalty to put Argentina ahead.",
            f"France were awarded a penalty in the {penalty} minute, which Mbappe converted.",
        ]
        return _on(make(source, "World Cup final", points), "World Cup final", "Lusail, Qatar", "2022-12-18")

    found = _differences(final("Sky", "23rd", "79th"), final("Reuters", "23rd", "80th"))
    assert [sorted(d) for d in found] == [[("79", ["Sky"]), ("80", ["Reuters"])]]


def test_a_weekday_that_is_not_the_day_another_outlet_dates_is_a_disagreement():
    struck = "A magnitude 7.8 earthquake struck southern Turkey."
    monday = _toll("A", "Rescuers searched the rubble.", timeline=(("Monday", "2023-02-06", struck),))
    sunday = _toll("B", "Rescuers searched the rubble.", timeline=(("Sunday evening", None, struck),))
    also_monday = _toll("C", "Rescuers searched the rubble.", timeline=(("Monday", None, struck),))
    assert _differences(monday, sunday) == [[("2023-02-06", ["A"]), ("Sunday evening", ["B"])]]
    assert _differences(monday, also_monday) == []


def test_a_happening_weeks_before_or_a_count_that_moved_is_not_one_happening_dated_two_ways():
    def dated(source: str, day: str, what: str) -> ArticleBriefing:
        return _toll(source, "Rescuers searched the rubble.", timeline=((day, day, what),))

    # The quake of April 25 recalled in a report of May 12's aftershock (fresh-b), a final a year before.
    recalled = dated("A", "2015-05-12", "A 7.9-magnitude quake killed about 8,000 people.")
    assert _differences(recalled, dated("B", "2015-04-25", "A quake left more than 8,000 dead.")) == []
    final = dated("A", "2024-07-14", "Alcaraz beat Djokovic in the Wimbledon final.")
    assert _differences(final, dated("B", "2023-07", "Alcaraz beat Djokovic in the five-set final.")) == []
    # One official's toll on two days (fresh-a): the count moved; nobody dates one happening apart.
    first = dated("A", "2017-09-19", "Luis Felipe Puente put the death toll at 149.")
    assert _differences(first, dated("B", "2017-09-25", "Luis Felipe Puente put the toll at 325.")) == []
    # Days apart, the same happening, is still shown (fresh-b: the first round on 23 against 30 April).
    voted = dated("A", "2017-04-23", "First round of the vote.")
    assert _differences(voted, dated("B", "2017-04-30", "First round of voting.")) != []


def test_an_outlet_a_day_later_on_every_shared_happening_writes_another_zone_not_other_days():
    def match(source: str, day: str, *entries: str) -> ArticleBriefing:
        timeline = [(f"{n}th minute", day, entry) for n, entry in enumerate(entries, 20)]
        return _on(make(source, "Champions League final", ["Real Madrid won the final."], timeline=timeline),
                   "Champions League final", "Cardiff, Wales", day)  # fmt: skip

    goals = ("Ronaldo opened the scoring for Real Madrid.", "Mandzukic equalised for Juventus.")
    # fresh-b: Sydney's ABC dates the Cardiff final's goals a day after the Mexican outlet, every one.
    assert _differences(match("ABC", "2017-06-04", *goals), match("AP", "2017-06-03", *goals)) == []
    # One happening a day apart is still shown (the Turkey quake: 'Sunday evening' against Monday).
    assert _differences(match("ABC", "2017-06-04", goals[0]), match("AP", "2017-06-03", goals[0])) != []


def test_the_same_words_quoted_differently_are_a_disagreement_but_a_fragment_is_not():
    free = _toll("A", 'Musk\'s first tweet after the takeover was "The bird is free".')
    freed = _toll("B", 'Musk tweeted "the bird is freed" hours later.')
    fragment = _toll("C", 'Musk tweeted "the bird is free" as the deal closed.')
    assert _differences(free, freed) == [[('"The bird is free"', ["A"]), ('"the bird is freed"', ["B"])]]
    assert _differences(free, fragment) == []


def test_one_utterance_quoted_in_other_words_by_two_outlets_that_each_quote_more_is_a_disagreement():
    shorter = _toll("A", '"This is the most tragic aircraft incident that we had. We had some helicopters '
                         'with the military," the fire chief said.')  # fmt: skip
    longer = _toll("B", '"In my 40 years as a firefighter here in Hawaii, this is the most tragic aircraft '
                        'incident we\'ve had," the fire chief said.')  # fmt: skip
    [[first, second]] = _differences(shorter, longer)
    assert (first[1], second[1]) == (["A"], ["B"])
    # The same words, each outlet quoting more of the utterance: one quotation, no disagreement.
    more = _toll("C", '"In my 40 years as a firefighter here in Hawaii, this is the most tragic aircraft '
                      'incident that we had," the fire chief said.')  # fmt: skip
    assert _differences(shorter, more) == []
    # Two things said, sharing a phrase: no disagreement.
    other = _toll("D", '"This is the most tragic aircraft incident that we had. We will find out why," '
                       "the mayor said.")  # fmt: skip
    rebuild = _toll("E", '"We will find out why the engine failed and we will rebuild," the governor said.')
    assert _differences(other, rebuild) == []


@settings(max_examples=25, deadline=None)
@given(
    st.permutations(
        [
            WIRE,
            SURVIVOR,
            _toll(
                "A", "The death toll in Turkey and Syria has passed 5,000.", "At least 4,500 died in Turkey."
            ),
            _toll(
                "B",
                "More than 7,200 have died in Turkey and Syria.",
                "The death toll in Turkey reached 4,544.",
            ),
            _toll("C", 'Erdogan said "we will rebuild every home" on Tuesday.'),
            _toll("D", 'Erdogan said "we will rebuild every house" on Tuesday.'),
        ]
    )
)
def test_events_and_disagreements_do_not_depend_on_the_order_of_the_briefings(shuffled):
    assert (
        merge_briefings(shuffled).model_dump_json()
        == merge_briefings(sorted(shuffled, key=id)).model_dump_json()
    )


def test_one_person_spelt_two_ways_by_two_outlets_is_shown_but_two_people_are_not():
    def coach(source: str, name: str) -> ArticleBriefing:
        item = make(
            source,
            "England lose the final",
            ["England lost the final."],
            entities=[(name, "person", "coach")],
        )
        return _on(item, "World Cup final", "Sydney", "2023-08-20")

    found = _differences(coach("Olive Press", "Sarina Wiegman"), coach("India Today", "Serina Weighman"))
    assert [sorted(d) for d in found] == [
        [("Sarina Wiegman", ["Olive Press"]), ("Serina Weighman", ["India Today"])]
    ]
    assert _differences(coach("A", "Ned Segal"), coach("B", "Ted Sagan")) == []
    assert _differences(coach("A", "President Joe Biden"), coach("B", "Joe Biden")) == []


def test_organisations_sharing_a_last_word_are_not_one_entry_but_spellings_of_one_are():
    points = ["Silicon Valley Bank collapsed on Friday after a run on its deposits, regulators said."]
    first = make(
        "A",
        "Silicon Valley Bank collapses after a run on deposits",
        points,
        entities=[
            ("Silicon Valley Bank", "organization", "failed lender"),
            ("Federal Deposit Insurance Corporation", "organization", "receiver"),
            ("Coast Guard", "organization", "search"),
        ],
    )
    second = make(
        "B",
        "Silicon Valley Bank collapses after a run on deposits",
        points,
        entities=[
            ("Federal Reserve Bank", "organization", "central bank"),
            ("Federal Deposit Insurance Corp.", "organization", "took over the bank"),
            ("US Coast Guard", "organization", "search"),
        ],
    )
    [story] = merge_briefings([first, second]).stories
    entries = {e.name: e.sources for e in story.entities}
    assert entries["Silicon Valley Bank"] == ["A"]
    assert entries["Federal Reserve Bank"] == ["B"]
    assert entries["Federal Deposit Insurance Corporation"] == ["A", "B"]
    assert entries["US Coast Guard"] == ["A", "B"]
    assert "Federal Deposit Insurance Corp." not in entries and "Coast Guard" not in entries


# --- the story's headline -------------------------------------------------------------------------------


def test_a_story_is_headed_by_what_most_outlets_lead_with_and_a_toll_by_its_latest_figure():
    rescuer = make(
        "Herald",
        "Rescue worker in Hatay describes pulling a child from the rubble of the earthquake",
        [  # the fullest briefing
            "A rescue worker in Hatay pulled a child from the rubble after the quake in Turkey and Syria.",
            "Rescuers in Hatay searched collapsed buildings through the night after the earthquake.",
            "The rescue worker said the cold slowed the search in the rubble.",
            "Families in Hatay waited beside the rubble of collapsed buildings.",
        ],
        published=datetime.fromisoformat("2023-02-07T09:00:00+00:00"),
    )
    early = make(
        "Gazette",
        "Earthquake in Turkey and Syria kills more than 2,300",
        ["The earthquake in Turkey and Syria killed more than 2,300 people."],
        published=datetime.fromisoformat("2023-02-06T18:00:00+00:00"),
    )
    later = make(
        "Tribune",
        "Turkey and Syria earthquake death toll passes 5,000",
        ["The death toll from the earthquake in Turkey and Syria passed 5,000."],
        published=datetime.fromisoformat("2023-02-07T08:00:00+00:00"),
    )
    items = [
        _on(i, "earthquake", "southern Turkey and northern Syria", "2023-02-06")
        for i in (rescuer, early, later)
    ]
    [story] = merge_briefings(items).stories
    assert story.headline == "Turkey and Syria earthquake death toll passes 5,000"
    assert story.summary == later.briefing.summary


def test_a_point_that_differs_from_another_outlets_only_in_a_figure_is_a_reports_differ_line():
    upi = _toll(
        "UPI", "A small plane crashed near Dillingham Airfield on Friday, killing all 11 people aboard."
    )
    wthi = _toll(
        "WTHI", "A small plane crashed near Dillingham Airfield on Friday, killing all nine people aboard."
    )
    [story] = merge_briefings([upi, wthi]).stories
    assert [[(r.value, r.sources) for r in d.reports] for d in story.disagreements] == [
        [("11 dead", ["UPI"]), ("9 dead", ["WTHI"])]
    ]
    # One point, credited to the outlet whose figure it gives; the other's version is in Reports differ.
    assert [(p.text, p.sources) for p in story.key_points] == [(upi.briefing.key_points[0], ["UPI"])]


def test_the_merge_leaves_the_callers_garbage_collector_as_it_found_it():
    """The merge runs without the cycle collector (benchmarks/merge.py), and gives the process's
    collector back as it was: its thresholds, and disabled if it was."""
    import gc

    before, enabled = gc.get_threshold(), gc.isenabled()
    try:
        gc.set_threshold(1234, 11, 12)
        merge_briefings([cna(), lbc()])
        assert gc.get_threshold() == (1234, 11, 12) and gc.isenabled()
        gc.disable()
        merge_briefings([cna(), lbc()])
        assert not gc.isenabled() and gc.get_threshold() == (1234, 11, 12)
    finally:
        gc.set_threshold(*before)
        if enabled:
            gc.enable()


def test_the_collector_walks_nothing_while_the_merge_runs():
    """The merge makes no reference cycles, so the collector's passes over its many short-lived objects
    were only time spent (a quarter of a 10,000-briefing merge's): none runs while it merges, and it
    leaves no garbage for the next one to find."""
    import contextlib
    import gc
    import sys

    items = [
        make(
            f"Outlet {n}",
            f"Council {n} approves bridge {n}",
            [f"The council of town {n} approved bridge {n}."],
        )
        for n in range(300)
    ]
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        # A pass while merge_briefings runs is the merge's, but the one as it gives the collector back
        # (it walks what the merge made, once; the caller would walk it anyway).
        codes = set()
        frame = sys._getframe()
        while frame is not None:
            codes.add(frame.f_code)
            frame = frame.f_back
        if phase == "start" and merge_briefings.__code__ in codes and giving_back not in codes:
            passes.append(info["generation"])

    giving_back = contextlib._GeneratorContextManager.__exit__.__code__
    gc.collect()
    gc.callbacks.append(count)
    try:
        merge_briefings(items)
    finally:
        gc.callbacks.remove(count)
    assert passes == []
    assert gc.collect() == 0


def test_what_the_merge_made_is_handed_to_the_oldest_generation_without_a_walk():
    """The brief and the texts read live on: the collector given back does not walk them all as its
    youngest generation at the next allocation (a twelfth of a 10,000-briefing merge's CPU) but finds
    them in its oldest, for its next full collection. A caller's frozen objects stay frozen."""
    import gc

    items = [
        make(f"Outlet {n}", f"Council {n} approves bridge {n}", [f"Town {n} approved it."])
        for n in range(300)
    ]
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.unfreeze()  # a command line run in this process froze what it had (summarizer.cli.app)
    gc.collect()
    gc.callbacks.append(count)
    try:
        brief = merge_briefings(items)
        young = gc.get_count()[0]
    finally:
        gc.callbacks.remove(count)
    assert passes == [] and young < gc.get_threshold()[0]
    assert any(story is brief.stories[0] for story in gc.get_objects(generation=2))

    frozen = [object()]
    gc.freeze()
    try:
        held = gc.get_freeze_count()
        merge_briefings(items)
        assert gc.get_freeze_count() == held
    finally:
        gc.unfreeze()
    assert frozen


def test_a_story_is_headed_by_the_briefing_whose_headline_the_outlets_reports_bear_out_key_points_too():
    # What the outlets report in common is in their key points as well as their headlines (issue #27):
    # a headline about a side angle that two other headlines happen to share words with does not head
    # the story over one that states what every outlet's briefing reports.
    found = make(
        "Straits Times",
        "Boys and their coach found alive deep inside flooded Thai cave",
        ["Rescue divers searched the flooded cave."],
    )
    angle = make(
        "Herald",
        "Rescue divers pump water from Thai cave",
        [
            "British divers found the boys and their coach alive deep inside the flooded cave.",
            "Rescue divers pumped water from the cave.",
        ],
    )
    families = make(
        "Gazette",
        "Rescue divers cheered by families at Thai cave",
        [
            "The boys and their coach were found alive deep inside the flooded cave.",
            "Families cheered the rescue divers.",
        ],
    )
    items = [
        _on(i, "boys found", "Tham Luang cave, Thailand", "2018-07-02") for i in (angle, families, found)
    ]
    [story] = merge_briefings(items).stories
    assert story.headline == found.briefing.headline
