"""What a figure counts (grounding/counts.py): a figure is supported only where the article states it
for the same thing."""

from summarizer.grounding.counts import counted_otherwise, miscounted_figures
from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.scores import unstated_scores
from summarizer.grounding.units import misunited_figures


def test_a_day_of_a_month_does_not_hide_what_the_article_counts_with_the_figure():
    facts = ArticleFacts.of(
        "Divers pulled out a woman's body on Sunday, raising to 13 the number of people dead in the "
        "Jan. 13 accident. The ship rammed a reef on 13 January."
    )
    assert miscounted_figures("As of Sunday 13 people are listed as missing.", facts) == ["13 (missing)"]
    assert miscounted_figures("The toll rose to 13 dead on Sunday.", facts) == []


def test_may_after_a_figure_is_a_month_only_as_a_date():
    facts = ArticleFacts.of("Officials said 13 may have died. The ship sank on 13 May.")
    assert miscounted_figures("Thirteen people are missing.", facts) == ["thirteen (missing)"]
    assert miscounted_figures("Thirteen people may have died.", facts) == []


def test_a_time_the_article_gives_for_another_place_of_the_race_is_not_supported():
    facts = ArticleFacts.of(
        "Fred Kerley claimed silver in 9.84. Canada's Andre de Grasse took the bronze in 9.89. Lyles "
        "crossed the line with a gold-medal winning time of 9.79."
    )
    assert miscounted_figures("Kerley took silver in 9.89.", facts) == ["9.89 (second)"]
    assert miscounted_figures("Kerley was third in 9.79.", facts) == ["9.79 (third)"]
    faithful = "Lyles won gold in 9.79; Kerley took silver in 9.84 and De Grasse bronze in 9.89."
    assert miscounted_figures(faithful, facts) == []
    it = ArticleFacts.of(
        "Jacobs è il nuovo campione olimpico dei 100 metri. Per la prima volta un italiano vince la "
        "finale, e lo ha fatto con il tempo di 9.80. Kerley ha vinto l'argento in 9.84, mentre De "
        "Grasse si è preso il bronzo in 9.89."
    )
    assert it.lang == "it"
    assert miscounted_figures("Kerley took silver in 9.89.", it) == ["9.89 (second)"]


def test_an_italian_figure_written_before_another_plural_is_not_supported():
    it = ArticleFacts.of(
        "Finito l'incubo della grotta di Tham Luang in Thailandia. Tutti salvi: i 12 ragazzini, "
        "l'allenatore e gli ultimi soccorritori, che erano rimasti con loro per 8 giorni."
    )
    assert it.lang == "it"
    assert miscounted_figures("The SEALs had stayed with them for the previous 12 days.", it) == ["12 (days)"]
    assert miscounted_figures("The SEALs had stayed with them for the previous 8 days.", it) == []


def test_a_range_with_an_end_moved_to_another_figure_is_not_supported():
    facts = ArticleFacts.of(
        "Thai Navy seals reached the group, aged between 11 and 15, and the 25-year-old coach."
    )
    assert miscounted_figures("The boys, aged between 11 and 25, were found.", facts) == [
        "11-25 (a range the article gives as another)"
    ]
    assert miscounted_figures("The boys, aged from 11 to 15, and their 25-year-old coach.", facts) == []


def test_a_number_written_with_a_hyphen_is_one_figure():
    facts = ArticleFacts.of("The death toll rose to 57, and 56 passengers are still missing.")
    assert miscounted_figures("Fifty-seven passengers are still missing.", facts) == ["57 (missing)"]
    assert miscounted_figures("Fifty-six passengers are still missing.", facts) == []


def test_how_often_a_thing_happened_counts_that_thing():
    # 'lost in the final four times' is four finals lost; 'times' says how often, not of what.
    facts = ArticleFacts.of("Djokovic has won the event once, but has lost in the final four times.")
    assert miscounted_figures("Djokovic has lost four finals.", facts) == []
    # ... while the article's figure for another plural still counts that one.
    facts = ArticleFacts.of("Djokovic has won 24 titles. He played four finals this year.")
    assert counted_otherwise("Djokovic has won four titles.", facts) == ["four (titles)"]


def test_the_sets_of_a_match_written_with_slashes_are_each_a_score():
    # AFP copy: 'in the final (6-3/6-3/6-0)'.
    facts = ArticleFacts.of("Nadal beat Casper Ruud in the final (6-3/6-3/6-0) on Sunday.")
    assert unstated_scores("Nadal beat Ruud 6-3, 6-3, 6-0.", facts) == []
    assert unstated_scores("Nadal beat Ruud 6-3, 6-4, 6-0.", facts) == ["6-4"]


def test_a_votes_tally_is_its_two_counts_in_the_articles_order():
    facts = ArticleFacts.of("The Senate vote ended with 95 votes in favour of Draghi against 38 against.")
    assert unstated_scores("The confidence vote passed 95-38.", facts) == []
    assert unstated_scores("The confidence vote passed 38-95.", facts) == ["38-95"]
    # In words: 'voted eight to one' is the tally 8-1.
    facts = ArticleFacts.of("The committee voted eight to one in favour of raising rates to 0.25 per cent.")
    assert unstated_scores("Rates rose to 0.25%, vote 8-1.", facts) == []
    assert unstated_scores("Rates rose to 0.25%, vote 7-2.", facts) == ["7-2"]
    # Two figures of a sentence that names no votes are no tally.
    facts = ArticleFacts.of("The ship carried 95 passengers and 38 crew.")
    assert unstated_scores("It carried 95-38.", facts) == ["95-38"]


def test_a_record_is_read_as_a_pair():
    facts = ArticleFacts.of(
        "Nadal, 34, now has a 100-2 record at Roland Garros, where he has won 13 titles in 16 years and "
        "lost only three sets. Boeing's 737-800 was not involved."
    )
    # The 100 and the 3 are each the article's; its record is 100-2.
    assert unstated_scores("He now has a 100-3 career record at Roland Garros.", facts) == ["100-3"]
    assert unstated_scores("He now has a 100-2 career record at Roland Garros.", facts) == []
    # A record the article writes in words only is left alone.
    words = ArticleFacts.of("He has 100 wins and two defeats at Roland Garros.")
    assert unstated_scores("He has a 100-2 record there.", words) == []


def test_a_time_is_no_figure_of_what_follows_it():
    facts = ArticleFacts.of(
        "The Chiefs faced a 4th and 1 with 6:05 remaining in overtime. Mahomes connected with Hardman "
        "for a 3-yard touchdown with 3 seconds remaining. It was their third title in five years."
    )
    # The 05 of 6:05 is no 5 seconds remaining: the touchdown came with 3.
    assert misunited_figures("The touchdown came with 5 seconds remaining.", facts) == ["5 (seconds)"]
    assert misunited_figures("The touchdown came with 3 seconds remaining.", facts) == []


def test_par_la_voix_de_is_an_attribution_not_a_count_of_votes() -> None:
    # fresh-j ps19-huffpost: 'La CGT, par la voix de son numéro un' made the CGT's two million marchers
    # a count of votes, and 'turnout at more than two million' was dropped.
    facts = ArticleFacts.of(
        "La CGT, par la voix de son numéro un Philippe Martinez, a avancé le chiffre de « plus de deux "
        "millions » de manifestants en France. Du côté du ministère, on a comptabilisé moins de manifestants."
    )
    assert facts.lang == "fr"
    assert miscounted_figures("The CGT put turnout at more than two million.", facts) == []
    said = ArticleFacts.of(
        "Le candidat de la CGT a obtenu deux millions de voix au premier tour, selon les résultats "
        "publiés par le ministère."
    )
    assert miscounted_figures("Two million people were injured.", said) == ["two (injured)"]


def test_a_part_counts_what_its_whole_does():
    # 'including' makes the children part of the dead; the article's two children are among the hurt.
    facts = ArticleFacts.of(
        "Nine people were killed when the ferry capsized. Two children were among the injured, and 14 "
        "passengers were taken to hospital."
    )
    assert miscounted_figures("Nine people died, including the captain and two children.", facts) == [
        "two (dead)"
    ]
    assert miscounted_figures("Two children were injured, among 14 passengers in hospital.", facts) == []
    assert miscounted_figures("Nine people died; two children were hurt.", facts) == []
    # Another figure between the word and the part: the part is that figure's ('14 passengers', which the
    # article counts in no toll), and nothing stands against either.
    assert miscounted_figures("Nine people died, including 14 passengers and two children.", facts) == []


def test_a_survivors_verb_is_a_toll_in_the_articles_language():
    nl = ArticleFacts.of(
        "Drie bemanningsleden hebben het ongeluk overleefd, meldt de kustwacht van het eiland."
    )
    assert nl.lang == "nl"
    assert miscounted_figures("Forty died, including three crew members.", nl) == ["three (dead)"]
    assert miscounted_figures("Three crew members survived.", nl) == []


def test_a_part_of_a_whole_counts_what_the_whole_counts():
    # Written for the tests: '42 out of 200 seats' counts seats, not the word 'out' after it.
    facts = ArticleFacts.of("The poll gave the Greens 42 out of 200 seats. Two people died in a crash.")
    assert miscounted_figures("The Greens took 42 seats.", facts) == []
    assert counted_otherwise("The Greens took 42 cars.", facts) == ["42 (cars)"]


def test_a_range_the_article_states_is_no_score():
    # Written for the test: a pair of ends with what they count after them, in Italian and Spanish.
    italian = ArticleFacts.of("Il crollo ha trascinato con sé tra le 30 e le 35 auto, oltre a tre camion.")
    assert unstated_scores("The collapse took 30-35 cars with it.", italian) == []
    assert unstated_scores("The collapse took 30-36 cars with it.", italian) == ["30-36"]
    spanish = ArticleFacts.of("El derrumbe arrastró entre los 30 y los 35 coches, además de tres camiones.")
    assert unstated_scores("The collapse took 30-35 cars.", spanish) == []


def test_the_first_of_two_plurals_after_a_figure_names_which_not_what_is_counted():
    facts = ArticleFacts.of(
        "Les travaillistes obtiennent 326 sièges sur les 650 de la Chambre des communes, selon les "
        "estimations publiées jeudi soir."
    )
    # 'Commons seats' counts seats, as the article's 'sièges' do; 'Commons' says which.
    assert miscounted_figures("labour won 326 of the 650 commons seats", facts) == []
    assert counted_otherwise("labour won 326 commons", facts) == ["326 (commons)"]


def test_a_plural_noun_the_article_does_not_write_is_kept_and_marked_a_unit_is_dropped():
    # '34 counts' for the article's '34 charges', '368 seats' for its '368 MPs': one thing in two words
    # or two things, which the words alone cannot tell: kept and marked, neither dropped nor asked
    # again for. A unit is one thing only: '18 days' is no '18-year-old', and '29 Sekunden' are seconds.
    facts = ArticleFacts.of(
        "A jury found him guilty on all 34 charges. The exit poll gives the party 368 MPs. "
        "Daemen, an 18-year-old student, flew with him."
    )
    assert miscounted_figures("He was convicted on all 34 counts.", facts) == []
    assert counted_otherwise("He was convicted on all 34 counts.", facts) == ["34 (counts)"]
    assert miscounted_figures("The party is projected to win 368 seats.", facts) == []
    assert miscounted_figures("It came 18 days later.", facts) == ["18 (days)"]
    german = ArticleFacts.of("Er drückte ihm 9 Minuten und 29 Sekunden das Knie in den Nacken.")
    assert miscounted_figures("He knelt on his neck for 9 minutes 29 seconds.", german) == []
    assert counted_otherwise("He knelt on his neck for 9 minutes 29 seconds.", german) == []
