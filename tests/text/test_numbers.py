"""The one reader of figures: what a user sees as 'the same figure' reads as one value everywhere."""

from __future__ import annotations

import pytest

from summarizer.text.normalize import fold
from summarizer.text.numbers import figures, is_year, joined_totals, ordinal_counts, shown, tokens


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2,300 people", [2300.0]),
        ("$2.70 a share", [2.7]),
        ("five people", [5.0]),
        ("twenty-five people", [25.0]),
        ("one hundred and twenty homes", [120.0]),
        ("at 3:05 p.m.", [305.0]),
        ("a dozen homes", [12.0]),
        # A race time in seconds and hundredths, as Italian sports copy writes it.
        ("in 9\u203380", [9.8]),
        ("in 9''79, al fotofinish", [9.79]),
    ],
)
def test_figures_read_each_way_of_writing_a_figure_as_its_value(text, values):
    assert list(figures(text)) == values


def test_one_and_zero_are_idioms_unless_asked_for():
    assert list(figures("one of the two", idiomatic=False)) == [2.0]
    assert sorted(figures("one of the two")) == [1.0, 2.0]


def test_tokens_give_each_figure_its_kind_and_value():
    read = tokens(fold("Twenty-five died at 12:42 in the 80th minute, 3% more"))
    assert ("25", 25.0) in read
    assert ("12:42@", 1242.0) in read  # a time of day, marked
    assert ("80#", 80.0) in read  # an ordinal, marked: a point, not a count
    assert read[read.index(("3", 3.0)) + 1] == ("%", None)
    assert ("died", None) in read


def test_the_statement_reader_and_grounding_read_a_compound_alike():
    said = "twenty-five people died"
    assert [v for _, v in tokens(fold(said)) if v is not None] == list(figures(said))


@pytest.mark.parametrize(
    ("figure", "year"),
    [(2023.0, True), ("1995", True), ("2,012", False), (150.0, False), (2023.5, False), ("20233", False)],
)
def test_is_year(figure, year):
    assert is_year(figure) is year


def test_ordinals_and_joined_counts_give_the_totals_a_model_states():
    assert ordinal_counts(fold("their sixth title")) == {6.0}
    assert joined_totals(fold("73 passengers and five crew members")) == {78.0}


def test_counts_joined_in_the_articles_language_give_their_total():
    spanish = fold("Fallecieron 149 pasajeros y los ocho tripulantes a bordo.")
    assert joined_totals(spanish, "es") == {157.0}
    assert joined_totals(fold("149 passeggeri e otto membri dell'equipaggio"), "it") == {157.0}
    # 'y' joins nothing in English.
    assert joined_totals(spanish) == frozenset()


def test_a_figure_is_shown_with_thousands_and_without_a_trailing_zero():
    assert (shown(2300.0), shown(8.1), shown(5.0)) == ("2,300", "8.1", "5")


def test_a_thousand_word_and_a_time_of_day_read_in_each_languages_way():
    # '2 mil muertos' is 2,000 dead, not 2 and 1,000; '14.30 Uhr' and 'alle 14.30' are 14:30.
    assert sorted(figures("2 mil muertos, dos mil heridos", lang="es")) == [2000.0, 2000.0]
    assert list(figures("deux mille morts", lang="fr")) == [2000.0]
    assert list(figures("3 mil mortos", lang="pt")) == [3000.0]
    # 14.30 Uhr is also 230, as an English briefing's '2:30 p.m.' reads, and 14.3, as British copy's
    # 'at 14.30' reads
    assert sorted(figures("um 14.30 Uhr starben zwölf Menschen", lang="de")) == [12.0, 14.3, 230.0, 1430.0]
    assert sorted(figures("la scossa alle 3.36 di notte", lang="it")) == [3.36, 336.0]
    # A decimal stays one ('magnitudo 6.2'), and a thousand alone is a thousand.
    assert sorted(figures("magnitudo 6.2, mille sfollati", lang="it")) == [6.2, 1000.0]


def test_a_time_of_day_in_german_and_italian_notation_reads_as_an_english_briefing_gives_it():
    # 'um 20 Uhr' is 20:00, which a briefing gives as '20:00' or '8 p.m.' (read as 8).
    assert {2000.0, 8.0} <= set(figures("Der Stuhl ist ab 20 Uhr leer", lang="de"))
    # 'ore 11,45': the minutes after a comma; the British 'at 11.45' is the same time.
    assert {1145.0, 11.45} <= set(figures("l'annuncio dell'Ansa alle ore 11,45", lang="it"))
    # A briefing copying '1.02 Uhr' as '1.02 a.m.' gives a time, not the decimal 1.02.
    assert list(figures("Sweden's win was certain at 1.02 a.m.")) == [102.0]


def test_tens_and_units_written_as_one_word_in_italian_and_german():
    assert list(figures("dopo trentuno anni", lang="it")) == [31.0]
    assert list(figures("ventotto vittime", lang="it")) == [28.0]
    assert list(figures("nach einunddreißig Jahren", lang="de")) == [31.0]


def test_a_time_of_day_marked_by_the_languages_clock_word_reads_as_the_clock():
    # '19.22 horas' is 19:22, not the decimal 19.22; an English briefing writes it 19:22, 7:22 p.m. or,
    # the British way, 19.22.
    assert sorted(figures("a las 19.22 horas", lang="es")) == [19.22, 722.0, 1922.0]
    assert sorted(figures("l'annuncio alle ore 11,45", lang="it")) == [11.45, 1145.0]
    # A full hour: 'peu avant 19 heures' is 19:00, which an English briefing writes '7 pm' or '19:00'.
    assert sorted(figures("peu avant 19 heures", lang="fr")) == [7.0, 19.0, 700.0, 1900.0]
    assert {9.0, 2100.0} <= set(figures("À 21 heures mardi 16 avril", lang="fr"))
    assert {8.0, 2000.0} <= set(figures("Die Sedisvakanz beginnt um 20 Uhr.", lang="de"))
    assert {10.0, 2200.0} <= set(figures("quando as urnas fecharam (22 horas em Lisboa)", lang="pt"))
    # Past 24 it is a duration; and a time given in minutes is no full hour.
    assert list(figures("pendant 48 heures", lang="fr")) == [48.0]
    assert 7.0 not in set(figures("à 19h06", lang="fr"))


def test_an_age_written_as_one_word_with_its_number_is_that_number():
    # 'l'undicenne Chanin': the eleven-year-old; a briefing's '11-year-old' is the article's.
    assert list(figures("il più piccolo, l'undicenne Chanin", lang="it")) == [11.0]
    assert list(figures("der Elfjährige", lang="de")) == [11.0]
    assert list(figures("de twaalfjarige jongen", lang="nl")) == [12.0]
    # 'ventenne' is twenty; 'ventotto' alone is no age, and 'ventottenne' twenty-eight.
    assert list(figures("un ventenne e un ventottenne", lang="it")) == [20.0, 28.0]


def test_a_dutch_number_written_into_its_word_is_that_number():
    # Dutch writes 'three hundred' and 'four-lane' as one word: a briefing's 300 and 4 are the article's.
    assert list(figures("meer dan driehonderd hulpverleners", lang="nl")) == [300.0]
    assert list(figures("een vierbaans verkeersbrug en een driedaagse top", lang="nl")) == [4.0, 3.0]
    # 'brak in tweeën': broke in two.
    assert list(figures("het schip brak in tweeën", lang="nl")) == [2.0]
    # A word that only starts like a number word is none: 'achterstallig' (overdue) is no eight.
    assert list(figures("achterstallig onderhoud", lang="nl")) == []


def test_one_and_a_half_in_one_word_is_one_and_a_half():
    assert list(figures("een schade van anderhalf miljoen euro", lang="nl")) == [1.5]
    assert list(figures("Schäden von eineinhalb Millionen Euro", lang="de")) == [1.5]


def test_an_approximate_count_in_one_word_is_its_figure():
    # 'una ventina di feriti' is about twenty, as a briefing writes it.
    assert list(figures("una ventina di feriti e una quarantina di sfollati", lang="it")) == [20.0, 40.0]
    assert list(figures("een tiental gewonden", lang="nl")) == [10.0]
    # 'trentina' is also the Trentino's adjective: no figure.
    assert list(figures("la provincia trentina", lang="it")) == []


def test_the_ordinals_past_fifteen_count_too():
    """'su decimoséptimo título' is 17 titles, 'il diciottesimo' 18, 'le seizième' 16."""
    assert ordinal_counts(fold("su decimoséptimo título"), "es") == {17}
    assert ordinal_counts(fold("il diciottesimo scudetto"), "it") == {18}
    assert ordinal_counts(fold("son seizième titre"), "fr") == {16}
