"""A figure given in another measure than the article's (grounding/measured.py): a unit of time, of
length or weight, a share, a scale, a currency, read in the article's language; dropped only where
every place the article states the figure gives it another measure."""

from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.measured import mismeasured_figures


def test_a_length_of_time_is_not_a_length_of_time_in_another_unit():
    es = ArticleFacts.of(
        "El puente del pueblo llevaba 12 años cerrado. Las obras de la carretera durarán varias semanas, "
        "según el ayuntamiento, que pidió paciencia a los vecinos del barrio."
    )
    assert es.lang == "es"
    assert mismeasured_figures("The bridge had been closed for 12 weeks.", es) == [
        "12 (week; the article: year)"
    ]
    assert mismeasured_figures("The bridge had been closed for 12 years.", es) == []
    # Said without its unit, the figure is paraphrase: nothing against the article.
    assert mismeasured_figures("The bridge had stayed shut, 12 in all.", es) == []


def test_a_share_a_count_and_a_length_of_time_are_three_things():
    facts = ArticleFacts.of("The vendor says about 4.2 million laptops stopped working after the update.")
    assert mismeasured_figures("Fewer than 4.2 percent of laptops stopped working.", facts) == [
        "4.2 (percent; the article: scale)"
    ]
    assert mismeasured_figures("Some 4.2 million laptops stopped working.", facts) == []
    fr = ArticleFacts.of(
        "La panne a duré toute la journée et les utilisateurs ont envoyé plus de trois millions de messages "
        "au service client, qui a dû embaucher."
    )
    assert fr.lang == "fr"
    assert mismeasured_figures("The outage lasted three hours.", fr) == ["three (hour; the article: scale)"]


def test_a_unit_of_weight_is_no_unit_of_length():
    de = ArticleFacts.of("Die rund 40 Kilo schwere Glocke wurde aus dem Turm der Kirche gestohlen.")
    assert de.lang == "de"
    assert mismeasured_figures("The bell, 40 centimetres high, was stolen.", de) == [
        "40 (centimetre; the article: kilogram)"
    ]
    assert mismeasured_figures("The 40-kilo bell was stolen.", de) == []


def test_money_is_in_its_own_currency_and_no_count_of_people():
    facts = ArticleFacts.of("Repairs to the harbour could cost 300 million euros, the mayor said.")
    assert mismeasured_figures("Repairs could cost $300 million.", facts) == [
        "300 (scale usd; the article: scale eur)"
    ]
    assert mismeasured_figures("Repairs could cost €300m.", facts) == []
    assert mismeasured_figures("Repairs could cost 300 million.", facts) == []
    pt = ArticleFacts.of(
        "O empresário perdeu quase 2.500 milhões de dólares em um só dia na bolsa de valores."
    )
    assert pt.lang == "pt"
    assert mismeasured_figures("Nearly 2,500 million people lost access.", pt) == [
        "2,500 (scale things; the article: scale usd)"
    ]


def test_a_scaled_figure_is_set_only_against_the_articles_scaled_ones():
    # '$6bn' is 6,000 millions: the article's 6 hours say nothing about it.
    es = ArticleFacts.of(
        "La caída duró 6 horas y el fundador perdió casi 6.000 millones de dólares de su fortuna personal."
    )
    assert mismeasured_figures("The founder lost nearly $6bn.", es) == []


def test_a_page_that_gives_two_currencies_to_one_sum_says_neither():
    pt = ArticleFacts.of("O tribunal fixou a fiança em R$ 1 milhão de euros, a pagar em uma semana pelo réu.")
    assert mismeasured_figures("Bail was set at 1 million euros.", pt) == []


def test_a_figure_the_article_gives_in_the_statements_measure_somewhere_is_supported():
    facts = ArticleFacts.of(
        "The festival sold 20,000 tickets in 20 minutes. Organisers said 20 percent went to students."
    )
    assert mismeasured_figures("A fifth of tickets, 20 percent, went to students.", facts) == []
    assert mismeasured_figures("It sold out in 20 minutes.", facts) == []


def test_a_figure_left_bare_takes_the_measure_of_the_one_before_it():
    facts = ArticleFacts.of(
        "The climbers kept calm for the 11 long days it took the team to reach them. The descent had been "
        "planned to take 30 hours; it took 20."
    )
    assert mismeasured_figures("The descent was planned to take 30 hours and took 11.", facts) == [
        "11 (hour; the article: day)"
    ]
    assert mismeasured_figures("The descent was planned to take 30 hours and took 20.", facts) == []
    # A figure with its own words after it is read by them, not by its neighbour's.
    assert mismeasured_figures("After 30 hours, 11 climbers were out.", facts) == []
