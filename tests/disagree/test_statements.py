"""A statement read for its figures, each with what it counts and where."""

from __future__ import annotations

from summarizer.disagree.figures import figure_disagreements
from summarizer.disagree.statements import (
    TIME_OF_DAY,
    read_statement,
    statement_tokens,
    statement_values,
    story_places,
)

PLACES = story_places(["Lahaina, Maui, Hawaii", "southern Turkey and northern Syria"], ["Kyiv"])


def test_places_named_together_by_commas_are_one_and_by_and_two():
    assert PLACES["lahaina"] == PLACES["maui"]
    # The last of three names the whole ('Hawaii'): a clause naming only it names no place within.
    assert PLACES["hawaii"] == ""
    assert PLACES["turkey"] != PLACES["syria"]
    assert "southern" not in PLACES  # a vague word names no place


def test_each_figure_is_read_with_its_measure_and_place():
    said = read_statement("A", "The quake killed 5,000 people in Turkey; 1,200 were injured.", PLACES)
    turkey = frozenset({PLACES["turkey"]})
    assert said.measures[("dead", turkey)] == {5000.0}
    assert said.measures[("injured", frozenset())] == {1200.0}


def test_another_time_a_projection_and_a_date_give_no_figure():
    assert read_statement("A", "The toll could reach 20,000.", PLACES).measures == {}
    # An expectation a figure is compared with leaves the figure reported (issue #27, fresh-j).
    higher = read_statement("A", "Turnout reached 78 percent, higher than expected.", PLACES)
    assert higher.measures == {("percent", frozenset()): frozenset({78.0})}
    assert read_statement("A", "A 1960 tsunami killed 61 people.", PLACES, frozenset({2023})).measures == {}
    assert read_statement("A", "It struck on September 8.", PLACES).measures == {}
    # A day written the ISO way is a day: '2015-04-26' gives no '4, 26 dead' to set against a toll.
    said = read_statement("A", "On 2015-04-26 the quake had killed 1,805 people.", PLACES)
    assert said.measures == {("dead", frozenset()): {1805.0}}


def test_a_time_of_day_and_an_ordinal_are_their_own_measures():
    said = read_statement("A", "He scored in the 80th minute and the match ended at 21:45.", PLACES)
    assert ("minut#", frozenset()) in said.measures  # the stem of minute, as a point
    assert said.measures[(TIME_OF_DAY, frozenset())] == {2145.0}


def test_statement_values_are_what_outlets_may_disagree_on():
    frame, values = statement_values("A magnitude 8.1 quake struck on Thursday at 23:49, killing 90.")
    assert values == {"8.1", "23:49", "Thursday", "90"}
    assert "quak" in frame and "8.1" not in frame  # stems


def test_a_scale_says_whether_it_counts_a_sum_or_people():
    places = story_places(["Pijijiapan, Chiapas, Mexico"], [])

    def measures(text: str) -> set[str]:
        return {measure for measure, _ in read_statement("A", text, places).measures}

    # fresh-b: a sum approved for relief is not the millions of people who need tents.
    assert measures("The government approved $4.9 million for relief.") == {"million usd"}
    assert measures("At least two million people need tents.") == {"million peopl"}
    # The people of a story's place are people ('50 million Mexicans felt it').
    assert measures("More than 50 million Mexicans felt it.") == {"million peopl"}
    # A sum written short is the sum: '$550m' is millions, not 550 dead because 'killed' follows.
    said = read_statement("A", "Damage of 500 million euros ($550m), it killed three people.", places)
    assert said.measures == {
        ("million eur", frozenset()): {500.0},
        ("million usd", frozenset()): {550.0},
        ("dead", frozenset()): {3.0},
    }
    assert measures("Musk completed his $44 billion acquisition of Twitter.") == {"billion usd"}
    assert measures("The bank lent 44 billion to the state.") == {"billion"}  # no currency given


def test_a_sum_in_one_currency_is_not_a_sum_in_another():
    # fresh-f (issue #27): 'EUR700 million (USD 737 million)' is one cost in two currencies, and 'more
    # than 300 million euros' pledged is not set against 'pledges topped $700 million'; no rate of
    # exchange is known here. The euro sign, folded 'eur700', is read as 700 euros.
    cost = read_statement(
        "A", "The restoration was estimated to cost \u20ac700 million (USD 737 million).", {}
    )
    assert cost.measures == {("million eur", frozenset()): {700.0}, ("million usd", frozenset()): {737.0}}
    other = read_statement("B", "The restoration cost around 700 million euros.", {})
    assert figure_disagreements([cost, other]) == []
    euros = read_statement("A", "More than 300 million euros had already been pledged to rebuild it.", {})
    dollars = read_statement("B", "Private pledges to rebuild it topped $700 million.", {})
    assert figure_disagreements([euros, dollars]) == []
    # One currency still disagrees.
    more = read_statement("C", "More than 500 million euros had already been pledged to rebuild it.", {})
    assert len(figure_disagreements([euros, more])) == 1


def test_an_ordinal_without_its_noun_counts_what_the_statements_other_ordinals_count():
    said = read_statement("A", "Ronaldo scored in the 20th and 63rd minutes, Asensio in the 90th.", PLACES)
    assert said.measures == {("minut#", frozenset()): {20.0, 63.0, 90.0}}
    # Ordinals of two things leave the one without a noun unread.
    two = read_statement("A", "In the 80th minute of his 100th game he scored, his 12th.", PLACES)
    assert ("minut#", frozenset()) in two.measures and 12.0 not in set().union(*two.measures.values())


def test_a_games_clock_and_a_score_are_no_time_of_day():
    # fresh-c: '1:57 left' and '6:05 remaining' on a game's clock, '25:22' a score written the German way.
    for text in ("His 53-yarder with 1:57 left put them ahead.", "With 6:05 remaining he ran for 8 yards.",
                 "The Chiefs beat the 49ers 25:22 after overtime."):  # fmt: skip
        assert (TIME_OF_DAY, frozenset()) not in read_statement("A", text, PLACES).measures
    said = read_statement("A", "The office opened from 9:00 to 17:30.", PLACES)
    assert said.measures[(TIME_OF_DAY, frozenset())] == {900.0, 1730.0}


def test_an_age_or_a_figure_with_a_fraction_is_no_toll():
    # fresh-g (issue #27): 'died ..., aged 95' was 95 dead and 'died at 9.34' (a British time) 9.34 dead,
    # set against each other as two tolls.
    aged = read_statement("A", "Benedict XVI died at 9:34 in the monastery in the Vatican, aged 95.", {})
    assert aged.measures == {("time of day", frozenset()): {934.0}, ("age", frozenset()): {95.0}}
    # ... and 'at 9.34' is that moment written the British way, the time of day 9:34, not a decimal.
    british = read_statement("B", "Spokesman Matteo Bruni said he died at 9.34 in the monastery.", {})
    assert british.measures == {("time of day", frozenset()): {934.0}}
    assert read_statement("C", "Pope Francis died at the age of 88.", {}).measures == {
        ("age", frozenset()): {88.0}
    }
    quake = read_statement("D", "The quake measured 7.8 and killed 50.", {})
    assert quake.measures == {("dead", frozenset()): {50.0}}


def test_a_figure_beside_a_counted_noun_is_not_a_toll_of_another_clause():
    # fresh-g (issue #27): 'five are unidentified' were five of the victims, read as a second toll of the
    # dead ('5, 9 dead' against '9 dead').
    said = read_statement(
        "A",
        "The death toll has risen to nine; four victims have been recognised and five are unidentified.",
        {},
    )
    assert said.measures == {("dead", frozenset()): {9.0}, ("victim", frozenset()): {4.0}}
    # 'M7.1' is a magnitude, not a clause ending after 'M' (fresh-a: the toll raised to 217 kept).
    quake = read_statement("B", "Toll of Tuesday's M7.1 quake raised to 217.", {})
    assert quake.measures == {("magnitude", frozenset()): {7.1}, ("dead", frozenset()): {217.0}}


def test_a_currency_code_a_magnitude_and_an_iso_day_are_read_where_they_stand_and_nowhere_else():
    # The patterns start with what they look for and look behind it after (statements.py): the same
    # readings as looking behind first, at the edges too.
    tokens = statement_tokens("Rs500 raised, M7.1 quake on 2015-04-26, after 5 hours10")
    words = [token for token, _ in tokens]
    assert words[:2] == ["rs", "500"]  # a code apart from its figure
    assert ("magnitude", None) in tokens and ("7.1", 7.1) in tokens
    assert "2015" not in words and "04" not in words  # the ISO day is a day, not figures
    assert words[-2:] == ["5", "hours"]  # a word's last letters are no code ('rs'), nor its digits a figure
    # Five digits before the dashes are no ISO day; 'm' within a word is no magnitude.
    assert [token for token, _ in statement_tokens("ref 12015-04-26")] == ["ref", "12015", "04", "26"]
    assert [token for token, _ in statement_tokens("am7.1")] == ["am", ".", "1"]
