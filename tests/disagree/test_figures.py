"""Outlets that give different figures for one fact, however worded."""

from __future__ import annotations

from datetime import date

from summarizer.disagree import figure_disagreements, other_events, read_statement, story_places

PLACES = story_places(["Turkey and Syria"], [])


def _read(*said: tuple[str, str]):
    return [read_statement(source, text, PLACES) for source, text in said]


def test_two_tolls_worded_apart_disagree_and_one_toll_does_not():
    found = figure_disagreements(
        _read(("A", "The death toll has risen to more than 5,000."), ("B", "The quake killed 2,300 people."))
    )
    assert [[r.value for r in d.reports] for d in found] == [["5,000 dead", "2,300 dead"]]
    assert figure_disagreements(_read(("A", "5,000 people died."), ("B", "The quake killed 5,000."))) == []


def test_tolls_at_different_places_are_different_facts():
    said = _read(("A", "In Turkey 5,000 died; in Syria 1,000 died."), ("B", "Turkey's toll is 5,000."))
    assert figure_disagreements(said) == []


def test_a_figure_is_compared_only_with_its_closest_counterpart():
    said = _read(
        ("A", "Kane scored a penalty in the 79th minute."),
        ("B", "Kane scored a penalty in the 80th minute."),
        ("B", "Saka scored in the 23rd minute with a header."),
    )
    [found] = figure_disagreements(said)
    assert [r.value for r in found.reports] == ["79", "80"]


def _on_days(*said: tuple[str, str, str], places=PLACES):
    from datetime import date

    return [read_statement(source, text, places, day=date.fromisoformat(day)) for source, text, day in said]


def test_tolls_listed_by_place_are_compared_place_by_place_and_day_by_day():
    places = story_places(["Raboso, Puebla, Mexico"], ["Mexico City", "Morelos", "Guerrero"])
    said = _on_days(
        ("A", "Puente said 55 died in Morelos, 49 in Mexico City and three in Guerrero.", "2017-09-19"),
        ("B", "By state: 86 dead in Mexico City, 71 in Morelos and 4 in Guerrero.", "2017-09-20"),
        ("C", "He gave 186 deaths in Mexico City, 74 in Morelos and 13 in Guerrero.", "2017-09-25"),
        ("D", "There were 74 deaths in Morelos, 198 in Mexico City and 12 in Guerrero.", "2017-09-27"),
        places=places,
    )
    found = figure_disagreements(said)
    # Each place's toll rose day by day, a progression; never '55, 49, 3' against '86, 71, 4'.
    rising = [[r.value for r in d.reports] for d in found if d.progression]
    assert sorted(rising) == [["49", "86", "186", "198"], ["55", "71", "74"]]
    # Guerrero's fell from 13 on the 25th to 12 on the 27th: outlets at odds, shown with the ones that rose.
    [odds] = [d for d in found if not d.progression]
    assert {r.value: r.sources for r in odds.reports}["13 dead"] == ["C"]
    assert {r.value: r.sources for r in odds.reports}["12 dead"] == ["D"]


def test_one_instant_in_two_zones_is_no_disagreement_and_midnight_is_a_time():
    said = _read(
        ("A", "New Shepard flew from West Texas, lifting off at 8:12 a.m. Central time."),
        ("B", "New Shepard flew from West Texas, lifting off at 9:12 a.m. Eastern."),
    )
    assert figure_disagreements(said) == []
    said = _read(
        ("A", "The magnitude 8.1 quake struck off the Pacific coast just before midnight."),
        ("B", "A magnitude 8.1 quake struck off the Pacific coast at 11:49 local time."),
    )
    assert [[r.value for r in d.reports] for d in figure_disagreements(said)] == [["midnight", "11:49"]]


def test_whose_count_it_is_and_what_it_counts_keep_other_counts_apart():
    said = _read(
        ("A", "Djokovic stays on seven Wimbledon titles, one short of the record."),
        ("B", "Djokovic remains one short of Federer's eight Wimbledon titles."),
    )
    assert figure_disagreements(said) == []
    said = _read(
        ("A", "Alcaraz ended a run of 34 straight wins at Wimbledon for Djokovic."),
        ("B", "Alcaraz won the tiebreak, ending Djokovic's streak of 15 straight tiebreakers at Wimbledon."),
    )
    assert figure_disagreements(said) == []


def test_a_range_in_fractions_is_the_range_in_decimals():
    said = _read(
        ("A", "The Fed raised the target range for the federal funds rate to 4-1/2 to 4-3/4 percent."),
        ("B", "The Fed raised the target range for the federal funds rate to 4.5%-4.75%."),
    )
    assert figure_disagreements(said) == []


def test_each_outlets_one_statement_of_a_measure_meets_the_others_when_their_figures_are_near():
    flight = _read(
        (
            "A",
            "The roughly 11-minute mission went beyond 100 kilometers, the internationally recognized "
            "boundary of space; the weightless portion lasted about four minutes.",
        ),
        (
            "B",
            "Blue Origin flew its first passengers to the edge of space on Tuesday morning; "
            "the crew returned about 10 minutes later after three minutes in zero gravity.",
        ),
    )
    [found] = figure_disagreements(flight)
    assert [r.value for r in found.reports] == ["4 min, 11 min", "3 min, 10 min"]
    # As little alike, but figures far apart: two facts ('a 14-minute first game', the match's 147).
    match = _read(
        (
            "A",
            "Alcaraz broke in a 14-minute first game on his fifth break point; Catherine, Princess of "
            "Wales, was in the Centre Court crowd.",
        ),
        (
            "B",
            "Carlos Alcaraz beat Novak Djokovic 6-2 6-2 7-6 (7-4) to retain the Wimbledon men's singles "
            "title, in two hours and 27 minutes.",
        ),
    )
    assert figure_disagreements(match) == []


def test_an_age_is_not_a_span_of_years():
    said = _read(
        ("A", "Djokovic had been unbeaten on Centre Court for ten years."),
        ("B", "It was the 20-year-old Spaniard's second major on Centre Court."),
    )
    assert figure_disagreements(said) == []


def test_ages_of_people_no_outlet_names_in_common_are_not_one_fact():
    # fresh-b: two rescues told by two outlets, each with its survivor's age.
    said = _read(
        ("A", "On Tuesday a Chinese rescue team freed a 21-year-old man trapped in the rubble of the city."),
        ("B", "Rescuers freed 15-year-old Pema Lama from the rubble of the Hilton Hotel on Thursday."),
    )
    assert figure_disagreements(said) == []
    one = _read(
        ("A", "The rescue team freed 15-year-old Pema Lama from the rubble."),
        ("B", "The rescue team freed 16-year-old Pema Lama from the rubble."),
    )
    assert [[r.value for r in d.reports] for d in figure_disagreements(one)] == [["15", "16"]]


def test_lengths_of_time_in_other_units_are_compared_and_shown_as_lengths():
    said = _read(
        ("A", "Rescuers searched the collapsed school for 36 hours before the last survivor was found."),
        ("B", "Rescuers searched the collapsed school for two days before the last survivor was found."),
    )
    [found] = figure_disagreements(said)
    assert [r.value for r in found.reports] == ["1 day 12 h", "2 days"]
    same = _read(
        ("A", "The final lasted two hours and 27 minutes on Centre Court."),
        ("B", "The final lasted 147 minutes on Centre Court."),
    )
    assert figure_disagreements(same) == []


def test_hours_and_minutes_written_the_french_or_british_way_are_a_length_or_a_moment():
    # fresh-h (issue #27): 'in 2h18' is a match's length, set against 'two hours and 20 minutes'; 'around
    # 15.10' is a time of day, set against 'around 3:15 p.m.'; 'at 18h50' is the moment 'at 6:50 p.m.'.
    lengths = _read(
        ("A", "Nadal beat Ruud 6-3, 6-3, 6-0 in 2h18 in the Roland Garros final."),
        ("B", "Nadal beat Ruud 6-3, 6-3, 6-0 in two hours and 20 minutes in the Roland Garros final."),
    )
    [found] = figure_disagreements(lengths)
    assert [r.value for r in found.reports] == ["2 h 18 min", "2 h 20 min"]
    moments = _read(
        ("A", "The volcano on La Palma erupted around 15.10 on Sunday, spewing lava."),
        ("B", "The volcano on La Palma erupted around 3:15 p.m. on Sunday, spewing lava."),
    )
    [found] = figure_disagreements(moments)
    assert [r.value for r in found.reports] == ["15:10", "15:15"]
    one = _read(
        ("A", "The fire broke out at 18h50 on Monday, the fire service said."),
        ("B", "The fire broke out at 6:50 p.m. on Monday, the fire service said."),
    )
    assert figure_disagreements(one) == []
    # A decimal before its unit stays a decimal: 'at 15.10 euros' is no time of day.
    shares = read_statement("C", "Shares closed at 15.10 euros.", {})
    assert shares.measures == {("euro", frozenset()): {15.1}}


def test_a_named_happening_of_the_storys_kind_recalled_gives_its_own_figures():
    # fresh-h (issue #27): reports of Cyclone Kenneth recall Cyclone Idai's toll a month before; 'more
    # than 1,000 dead' is Idai's, not set against Kenneth's 38. A storm that caused a flood is no other
    # event of the flood's kind: Storm Daniel's figures stay the Derna story's.
    texts = [
        "Kenneth struck just over a month after Cyclone Idai killed more than 1,000 people in the region.",
        "Cyclone Kenneth has killed 38 people in Mozambique, officials said.",
    ]
    others = other_events(texts, ["Cyclone Kenneth"])
    assert others == {"idai"}
    said = [read_statement(source, text, {}, others=others) for source, text in zip("AB", texts, strict=True)]
    assert figure_disagreements(said) == []
    assert other_events(["Storm Daniel burst two dams, killing 2,000."], ["Derna floods"]) == frozenset()
    # Part of a longer name is no happening: 'the National Hurricane Center'.
    assert other_events(["Winds of 155 mph, the National Hurricane Center said."], ["Hurricane Ian"]) == set()


def test_more_than_a_figure_is_not_at_odds_with_a_larger_one_the_same_day():
    said = _on_days(
        ("A", "A magnitude 8.2 earthquake struck southern Turkey, leaving more than 20 dead.", "2017-09-08"),
        ("B", "At least 32 people are known to have died in Turkey.", "2017-09-08"),
    )
    assert [d for d in figure_disagreements(said) if not d.progression] == []
    said = _on_days(
        ("A", "The earthquake in Turkey left 20 dead.", "2017-09-08"),
        ("B", "At least 32 people are known to have died in Turkey.", "2017-09-08"),
    )
    [found] = figure_disagreements(said)
    assert [r.value for r in found.reports] == ["20 dead", "32 dead"]


def test_a_part_of_a_whole_counts_the_whole_s_noun():
    said = _read(
        ("A", "Seven of the train's eight cars derailed near Mendon."),
        ("B", "Two people died on the train near Mendon and one in the truck."),
    )
    assert figure_disagreements(said) == []


def test_lower_bounds_of_one_day_read_upward_in_a_progression():
    """Three outlets' 'more than' figures of one day, then a later toll: the progression reads upward,
    never '6,300 → 7,200 → 5,000' as if the toll fell."""
    said = _on_days(
        ("B", "The toll in Turkey and Syria climbed to more than 6,300.", "2023-02-07"),
        ("A", "More than 7,200 people have died in Turkey and Syria.", "2023-02-07"),
        ("C", "More than 5,000 people were killed in Turkey and Syria.", "2023-02-07"),
        ("D", "The earthquakes killed more than 28,000 people in Turkey and Syria.", "2023-02-11"),
    )
    [found] = figure_disagreements(said)
    assert found.progression
    assert [r.value for r in found.reports] == ["5,000", "6,300", "7,200", "28,000"]


def test_a_forecast_is_not_set_against_a_reported_figure():
    # 'will probably fall below 5%' is what the bank expects, not what inflation is (fresh-c, BoE).
    said = _read(
        ("A", "CPI inflation will probably fall below 5% in the final quarter of the year, the bank said."),
        ("B", "Inflation stood at 7.9% in June, the lowest for a year."),
    )
    assert figure_disagreements(said) == []
    expected = _read(("A", "Inflation is expected to reach 5% by December."), ("B", "It reached 7.9%."))
    assert figure_disagreements(expected) == []


def test_a_lower_bound_against_a_larger_count_the_same_day_is_shown():
    # fresh-c: 'at least 19' (Al Jazeera) against 33 (dpa), both on 15 July, counted at other hours.
    said = _on_days(
        ("A", "At least 19 people have died in the floods.", "2021-07-15"),
        ("B", "The total number of deaths rose to 33.", "2021-07-15"),
    )
    [found] = figure_disagreements(said)
    assert [r.value for r in found.reports] == ["19 dead", "33 dead"] and not found.progression


def test_the_events_toll_is_set_against_the_events_when_both_give_tolls_by_place_too():
    places = story_places(["Ahrweiler, Rhineland-Palatinate, Germany"], ["North Rhine-Westphalia"])
    said = [
        read_statement(source, text, places, day=date(2021, 7, 15))
        for source, text in (
            ("A", "At least 19 people have died in western Germany."),
            ("A", "Police said four people had died around Ahrweiler."),
            ("B", "The death toll around Ahrweiler rose to at least 18."),
            ("B", "The total number of deaths rose to 33; 15 died in North Rhine-Westphalia."),
        )
    ]
    shown = sorted(tuple(r.value for r in d.reports) for d in figure_disagreements(said))
    assert ("19 dead", "33 dead") in shown  # the event's toll against the event's, not the state's 15


def test_the_people_pulled_out_alive_are_a_count_that_moves_like_a_toll():
    # fresh-b (Amatrice): 215 pulled alive on the 25th, 238 on the 28th is the count rising.
    said = _on_days(
        ("A", "215 people have been pulled alive from the rubble.", "2016-08-25"),
        ("B", "Rescuers had pulled 238 people alive from the rubble.", "2016-08-28"),
    )
    [found] = figure_disagreements(said)
    assert found.progression and [r.value for r in found.reports] == ["215", "238"]


def test_several_times_of_day_in_one_statement_are_not_set_against_another_outlets_time():
    # Two moments ('took off at 8:38; last recorded at 8:41') or one moment in two zones: which of them
    # is the other outlet's moment cannot be told (issue #27: take-off against loss of contact).
    said = _read(
        (
            "A",
            "The plane took off from Bole at 8:38 am local time; its last location was received at 8:41 am.",
        ),
        (
            "B",
            "Contact with the plane was lost at 8:44 (5:44 GMT), six minutes after it took off from Bole.",
        ),
    )
    assert figure_disagreements(said) == []
    said = _read(
        ("A", "The Southwest Chief hit the truck near Mendon at 1:42 p.m. as it travelled east."),
        ("B", "The Southwest Chief collided with the truck near Mendon at 12:42 p.m., Amtrak said."),
    )
    assert [[r.value for r in d.reports] for d in figure_disagreements(said)] == [["13:42", "12:42"]]


def test_figures_at_different_stages_of_a_count_are_not_set_against_each_other():
    said = _read(
        ("A", "With 94.44% of the ballots processed, Bolsonaro had 55.54% of the vote in the runoff."),
        ("B", "Bolsonaro won the runoff with 55.15% of the vote, the final count showed."),
    )
    assert figure_disagreements(said) == []


def test_a_count_stage_is_read_however_its_share_is_written():
    # Only a share ('%', 'percent', 'per cent', in any case) gives a stage: the text is searched for
    # one before the pattern is run over it.
    from summarizer.disagree import count_stage

    assert count_stage("With 98.9% of districts counted, Lula led.") == {"98.9"}
    assert count_stage("With 98.9 PER CENT of the votes COUNTED, Lula led.") == {"98.9"}
    assert count_stage("After processing 94.44 Percent, the result stood.") == {"94.44"}
    assert count_stage("With most districts counted, Lula led by 2 points.") == frozenset()
