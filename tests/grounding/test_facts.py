"""One article indexed: the figures, days and names a briefing may be checked against, and which of
its dates the article states or lets a reader work out."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.grounding.check import missing_figures
from summarizer.grounding.dates import date_support
from summarizer.grounding.facts import ArticleFacts, outlet_names

ARTICLE = (
    "On Tuesday, 6 August, the council met. Mr Abdulla said 73 passengers and five crew were aboard, "
    "the club's sixth title came in 2019, and @AshwiniVaishnaw posted at 4:21 p.m."
)


def test_an_article_gives_its_figures_totals_ordinals_and_years():
    facts = ArticleFacts.of(ARTICLE, date(2024, 8, 8))
    assert {73.0, 5.0, 78.0, 6.0, 2019.0, 421.0} <= facts.values
    assert facts.years == {2019}
    assert facts.day_months == {(8, 6)}
    assert "abdulla" in facts.honorific
    assert {"ashwini", "vaishnaw"} <= facts.folded_words  # a handle names its person


def test_a_date_is_stated_inferred_or_unsupported():
    facts = ArticleFacts.of(ARTICLE, date(2024, 8, 15))
    assert date_support("2024-08-06", "6 August", facts) == "stated"
    assert date_support("2024-08-13", "Tuesday", facts) == "inferred"  # the Tuesday before publication
    assert date_support("2024-08-14", "Tuesday", facts) is None  # a Wednesday
    assert date_support("2024-08-15", "4:21 p.m.", facts) == "inferred"  # a bare time: the day itself
    assert date_support("2024-07-30", "last month", facts) is None


def test_spanish_and_french_figures_and_days_read_in_their_own_conventions():
    # 1.037 is a thousand and thirty-seven, 6,9 a magnitude, 'diez' ten, '13h14' a time of day; the
    # night 'del viernes 8 al sábado 9 de septiembre' gives both days.
    es = ArticleFacts.of(
        "El sismo de magnitud 6,9 a 18,5 kilómetros dejó 1.037 muertos tras diez réplicas, "
        "la noche del viernes 8 al sábado 9 de septiembre, con 1 millón y medio sin luz.",
        date(2017, 9, 10),
    )
    assert es.lang == "es"
    assert {6.9, 18.5, 1037.0, 10.0, 1.5} <= es.values
    assert date_support("2017-09-08", "the night of Friday 8", es) == "inferred"
    assert date_support("2017-09-09", "9 de septiembre", es) == "stated"
    fr = ArticleFacts.of(
        "Vendredi à 13h14, le séisme a fait 2 012 morts et une centaine de blessés.", date(2017, 9, 9)
    )
    assert fr.lang == "fr"
    assert {1314.0, 2012.0, 100.0} <= fr.values
    assert date_support("2017-09-08", "Vendredi", fr) == "inferred"
    assert date_support("2017-09-06", "jeudi", fr) is None  # a Wednesday


def test_a_moment_inside_the_event_takes_a_day_the_article_gives():
    facts = ArticleFacts.of(
        "The quake struck on Thursday, just before midnight. Founded in 1995, the firm grew.",
        date(2017, 9, 10),
    )
    assert date_support("2017-09-07", "in the 23rd minute", facts) == "inferred"  # Thursday
    assert date_support("2017-09-06", "after liftoff", facts) is None  # a day it never gives
    assert date_support("2017-09-07", "just before midnight", facts) == "inferred"
    assert date_support("2017-09-05", "just before midnight", facts) is None
    assert date_support("1995", "1995", facts) == "stated"
    assert date_support("1994", "1994", facts) is None
    assert date_support("2017-08", "last month", facts) == "inferred"
    assert date_support("2016", "last year", facts) == "inferred"


def test_a_list_of_names_gives_its_count():
    facts = ArticleFacts.of("Jeff Bezos, with his brother Mark Bezos, Wally Funk and Oliver Daemen, flew.")
    assert 3.0 in facts.values  # 'Bezos and three others'


def test_an_organisation_is_found_by_its_short_name():
    from summarizer.grounding.check import found_form

    facts = ArticleFacts.of("The Federal Reserve raised rates.", source="UrduPoint (Sputnik)")
    assert found_form("Sputnik news agency", facts, person=False) == "Sputnik"
    assert found_form("Federal Reserve System", facts, person=False) == "Federal Reserve"


#: A German report written for these tests (not from any corpus): figures with a decimal comma and a
#: dot between thousands, number words, a score with a colon, a day with its full stop, a weekday
#: joined to a part of the day, speech verbs.
GERMAN = (
    "Die Notenbank hat den Leitzins am Donnerstag auf 4,75 Prozent angehoben, die dritte Erhöhung in "
    "Folge. Sieben Mitglieder stimmten dafür, zwei dagegen. Bei dem Sturm am Mittwochabend kamen 1.250 "
    "Rinder und zwölf Menschen ums Leben. Das Pokalfinale endete am 15. Juli mit 3:1, Anstoß war um "
    "20.15 Uhr (dpa, 17.7.2025)."
)


def test_german_figures_and_days_read_in_their_own_conventions():
    de = ArticleFacts.of(GERMAN, date(2025, 7, 18))
    assert de.lang == "de"
    # 4,75 is a rate, 1.250 a count, 'zwölf' twelve, 'dritte' a third rise, 3:1 a score, 20.15 Uhr a time.
    assert {4.75, 1250.0, 7.0, 2.0, 12.0, 3.0, 1.0, 2015.0} <= de.values
    assert 4.0 not in de.values and 75.0 not in de.values
    assert (7, 15) in de.day_months and (7, 17) in de.day_months  # '15. Juli', '17.7.2025'
    assert date_support("2025-07-16", "am Mittwochabend", de) == "inferred"  # the Wednesday before
    assert date_support("2025-07-14", "am Mittwochabend", de) is None
    assert date_support("2025-07-10", "Donnerstag", de) is None  # a Thursday, but a week earlier
    assert date_support("2025-07-15", "15. Juli", de) == "stated"
    assert date_support("2025-07-18", "heute Abend", de) == "inferred"
    assert date_support("2025-07-19", "heute Abend", de) is None


#: A Portuguese report written for these tests (not from any corpus).
PORTUGUESE = (
    "A Defesa Civil do Rio Grande do Sul informou nesta sexta-feira que 1.037 casas foram atingidas e "
    "que doze pessoas morreram. A chuva acumulada chegou a 250,5 milímetros em 5 de maio, e 2,3 mil "
    "moradores deixaram suas residências. O Grêmio venceu por 2 a 1 no domingo, às 16h30."
)


def test_portuguese_figures_and_days_read_in_their_own_conventions():
    pt = ArticleFacts.of(PORTUGUESE, date(2024, 5, 10))  # a Friday
    assert pt.lang == "pt"
    assert {1037.0, 12.0, 250.5, 2300.0, 1630.0} <= pt.values
    assert 250.0 not in pt.values
    assert (5, 5) in pt.day_months
    assert date_support("2024-05-10", "sexta-feira", pt) == "inferred"
    assert date_support("2024-05-05", "no domingo", pt) == "stated"  # 5 de maio, a Sunday
    assert date_support("2024-05-09", "quinta-feira", pt) == "inferred"  # the day before a Friday
    assert date_support("2024-05-08", "quinta-feira", pt) is None  # a Wednesday


def test_a_when_counted_back_in_the_articles_words_gives_its_day_month_or_year():
    de = ArticleFacts.of(GERMAN, date(2025, 7, 18))
    assert date_support("2025-07-16", "vor zwei Tagen", de) == "inferred"
    assert date_support("2025-07-10", "vor zwei Tagen", de) is None
    assert date_support("2024", "im Vorjahr", de) == "inferred"
    assert date_support("2025-06", "letzten Monat", de) == "inferred"
    pt = ArticleFacts.of(PORTUGUESE, date(2024, 5, 10))
    assert date_support("2022", "há dois anos", pt) == "inferred"
    assert date_support("2023", "no ano passado", pt) == "inferred"
    assert date_support("2021", "no ano passado", pt) is None


@pytest.mark.parametrize(
    ("text", "lang", "values", "said", "day"),
    [
        # Italian: 'Undici' is eleven, '6.120' six thousand, '9,6' a decimal; 'ieri' the day before.
        (
            "Sono 250 i morti e 365 i feriti. Undici morti ad Accumoli; in campo 6.120 soccorritori "
            "e 9,6 milioni di euro raccolti. Il terremoto ha colpito ieri, 24 agosto, il Centro Italia.",
            "it",
            {11.0, 6120.0, 9.6, 250.0},
            "2016-08-24",
            date(2016, 8, 25),
        ),
        # Portuguese: 'dezoito' is eighteen, '1.200' a thousand two hundred; 'ontem' the day before.
        (
            "O sismo deixou dezoito mortos e 1.200 feridos, disse ontem o ministro, que não deu mais "
            "pormenores sobre as vítimas da região.",
            "pt",
            {18.0, 1200.0},
            "2020-03-04",
            date(2020, 3, 5),
        ),
        # German: 'zwölf' is twelve, '2,5' a decimal; a day written '24. August'.
        (
            "Bei dem Beben am 24. August sind zwölf Menschen ums Leben gekommen, die Zentralbank "
            "hob den Zins um 2,5 Prozent an, sagte der Sprecher der Regierung.",
            "de",
            {12.0, 2.5},
            "2016-08-24",
            date(2016, 8, 26),
        ),
    ],
)
def test_italian_portuguese_and_german_read_in_their_own_conventions(text, lang, values, said, day):
    facts = ArticleFacts.of(text, day)
    assert facts.lang == lang
    assert values <= facts.values
    assert date_support(said, "", facts) is not None


def test_each_wire_a_source_line_joins_with_with_is_a_name_and_its_figures_no_figures():
    facts = ArticleFacts.of(
        "Rafael Nadal won his 14th title at Roland-Garros.", source="Teller Report (Europe 1 with AFP)"
    )
    assert "europe 1" in facts.outlets and "afp" in facts.outlets
    assert missing_figures("Rafael Nadal won his 14th title, Europe 1 reports.", facts) == []
    assert missing_figures("Rafael Nadal won his 15th title, Europe 1 reports.", facts) == ["15"]


def test_a_turnout_the_article_spells_out_grounds_the_briefing_figure() -> None:
    # fresh-j ps31-combatouvrier: 'Un million trois cent mille personnes dans les manifestations !' was
    # read as 'trois' and 'cent mille', and '1.3 million' dropped in every style (13 items).
    facts = ArticleFacts.of(
        "La journée du 31 janvier fut un succès. Un million trois cent mille personnes dans les "
        "manifestations ! Au moins 100 000 de plus que le 19 janvier."
    )
    assert facts.lang == "fr"
    assert missing_figures("1.3 million people marched on 31 January.", facts) == []
    assert missing_figures("1.4 million people marched on 31 January.", facts) == ["1.4"]


def test_the_german_beiden_counts_two() -> None:
    # fresh-j vs23-stern: 'die ersten beiden Zugwaggons' is 'the first two carriages' (2 items dropped).
    facts = ArticleFacts.of(
        "Der Aufprall schleuderte die ersten beiden Zugwaggons quer zu den Gleisen in ein Feld, ein "
        "dritter Waggon kippte auf den Gleisen schräg zur Seite."
    )
    assert facts.lang == "de"
    assert missing_figures("The first two carriages were thrown into a field.", facts) == []
    assert missing_figures("The first four carriages were thrown into a field.", facts) == ["4"]


def test_an_outlet_named_by_its_words_up_to_its_number_is_the_outlet():
    """'Canal 9 Noticias' is 'Canal 9' to a model: its 9 is a name's, no figure; a number opening or
    closing the name gives no shorter name ('7 Días', 'Radio 5')."""
    assert "canal 9" in outlet_names("Canal 9 Noticias")
    assert outlet_names("7 Dias Semanal") == ("7 dias semanal",)
    facts = ArticleFacts.of("El pleno aprobó la ley por 40 votos.", source="Canal 9 Noticias")
    assert missing_figures("According to Canal 9, the law passed by 40 votes.", facts) == []
