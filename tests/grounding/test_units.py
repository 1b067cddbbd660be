"""A figure given in a unit the article never gives it in (grounding/units.py): dropped only where the
article gives that unit with another figure."""

from summarizer.grounding.counts import miscounted_figures
from summarizer.grounding.facts import ArticleFacts
from summarizer.grounding.units import misunited_figures, repeated_figures


def test_a_figure_in_a_unit_the_article_gives_another_figure_is_not_supported():
    facts = ArticleFacts.of(
        "Alcaraz dethroned the seven-time champion 12 months ago. It was all over in just two hours "
        "and 27 minutes. I did an interview when I was 11 or 12 and said my dream is to win Wimbledon."
    )
    assert misunited_figures("He won in two hours and 12 minutes.", facts) == ["12 (minutes)"]
    assert (
        misunited_figures("He won in two hours and 27 minutes, 12 months after his first title.", facts) == []
    )


def test_an_age_is_not_a_number_of_years_of_something_else():
    facts = ArticleFacts.of(
        "Benedict, the first pope in 600 years to resign, has died at the age of 95. He had steered "
        "the Church for eight years."
    )
    assert misunited_figures("He had led the Church for 95 years.", facts) == ["95 (years)"]
    assert misunited_figures("He died 95 years old, the first pope in 600 years to resign.", facts) == []


def test_without_another_figure_in_that_unit_there_is_no_evidence():
    facts = ArticleFacts.of("About 50 people were stranded on roofs in Ahrweiler.")
    assert misunited_figures("Some 50 houses were stranded by the flood.", facts) == []


def test_a_figure_whose_unit_the_article_leaves_to_its_sentence_is_that_unit():
    facts = ArticleFacts.of(
        "Originally the plan was supposed to take 36 hours, instead it took 22. England had won 35 "
        "matches and drawn four in the run-up to the final. A total of eight of the 12 boys are out."
    )
    assert misunited_figures("The rescue took 22 hours.", facts) == []
    assert misunited_figures("England won 35 and drew four matches.", facts) == []
    assert misunited_figures("Eight boys are out.", facts) == []


def test_the_words_between_a_figure_and_its_noun_do_not_hide_it():
    facts = ArticleFacts.of(
        "The crash claimed 189 lives, of which 181 were passengers and eight were crew. It was "
        "Real's 12th title in its 15th final; it lost 3 finals before.",
        title="6 missing workers presumed dead; 8 workers fell",
    )
    assert misunited_figures("181 passengers and eight crew died.", facts) == []
    assert misunited_figures("Real won their 12th title in 15 finals.", facts) == []
    assert misunited_figures("Six workers are presumed dead.", facts) == []


def test_the_unit_is_read_in_the_articles_language():
    fr = ArticleFacts.of(
        "L'évacuation a été rapide : près de 1 500 personnes ont été dirigées vers la sortie. Seules "
        "les tours ont été sauvées par les 400 pompiers mobilisés."
    )
    assert fr.lang == "fr"
    assert misunited_figures("The 1,500 firefighters deployed saved the towers.", fr) == [
        "1,500 (firefighters)"
    ]
    assert misunited_figures("The 400 firefighters deployed saved the towers.", fr) == []


def test_a_figure_given_twice_for_two_things_where_the_article_gives_it_once_is_not_supported():
    facts = ArticleFacts.of(
        "The band, with 524 points, beat Barbara Pravi (France), with 499 points, and Gjon's Tears "
        "(Switzerland), with 432 points."
    )
    swapped = "Barbara Pravi was second with 499 points and Gjon's Tears third with 499."
    assert repeated_figures(swapped, facts) == [
        "499 (given 2 times, for other things; the article states it 1)"
    ]
    assert (
        repeated_figures("Barbara Pravi was second with 499 points and Gjon's Tears third with 432.", facts)
        == []
    )


def test_one_quantity_said_twice_and_small_figures_are_no_repeat():
    facts = ArticleFacts.of(
        "Urzua kept his men calm for the 17 harrowing days it took rescuers to reach them. Real won with "
        "two goals from Ronaldo."
    )
    assert repeated_figures("For the 17 harrowing days; rescuers took 17 days to make contact.", facts) == []
    assert (
        repeated_figures("Two goals from Ronaldo made Real the first to win two years running.", facts) == []
    )


def test_a_toll_before_the_articles_figure_is_what_it_counts():
    facts = ArticleFacts.of(
        "The official confirmed death toll of the Tempi rail crash has risen to 57 late on Thursday "
        "night, with 56 passengers still missing.",
        title="Death toll rises to 57, 56 passengers still missing",
    )
    assert misunited_figures("Fifty-seven passengers are still missing.", facts) == ["57 (passengers)"]
    assert misunited_figures("Fifty-six passengers are still missing.", facts) == []


def test_a_unit_the_article_writes_in_english_is_read_in_its_language():
    facts = ArticleFacts.of(
        "Rafael Nadal a dominé le jeune Norvégien en trois sets. Il devance désormais Roger Federer et "
        "Novak Djokovic de deux titres. Il s'impose en n'ayant concédé que trois sets sur la quinzaine."
    )
    assert facts.lang == "fr"
    # The French 'sets' is the English word: two is the lead in titles, the sets dropped were three.
    assert misunited_figures("Nadal dropped only two sets over the fortnight.", facts) == ["two (sets)"]
    assert misunited_figures("Nadal dropped only three sets over the fortnight.", facts) == []


def test_a_share_counts_what_it_is_of():
    facts = ArticleFacts.of(
        "With almost 90 percent of ballots counted, the most likely scenario is clear. Jair Bolsonaro "
        "posted 56 percent of valid votes. Cyclone Idai has killed at least 300 people in the region, "
        "more than 200 in Mozambique."
    )
    # Bolsonaro's share given as the share of ballots counted.
    assert misunited_figures("With almost 56 percent of ballots counted, he was elected.", facts) == [
        "56 (ballots)"
    ]
    assert (
        misunited_figures("With almost 90 percent of ballots counted, he had 56 percent of the votes.", facts)
        == []
    )
    # 'of them' is no share of a thing: nothing to compare.
    assert misunited_figures("It killed at least 300, more than 200 of them in Mozambique.", facts) == []


def test_a_part_of_a_whole_counts_what_the_whole_counts():
    # Written for the tests: a party's share of a parliament's seats, in English, Spanish and French.
    english = ArticleFacts.of(
        "The exit poll gave the Green Party 42 out of 200 seats, twelve seats ahead of its closest rival."
    )
    assert misunited_figures("The Greens won 42 seats, 12 ahead.", english) == []
    assert misunited_figures("The Greens won 200 votes.", english) == []
    spanish = ArticleFacts.of("El partido obtuvo 42 de los 200 escaños, doce escaños más que su rival.")
    assert misunited_figures("The party won 42 seats.", spanish) == []
    french = ArticleFacts.of("Le parti obtient 42 sur 200 sièges, douze sièges de plus que son rival.")
    assert misunited_figures("The party won 42 seats.", french) == []


def test_a_part_of_a_whole_is_still_no_other_unit():
    facts = ArticleFacts.of("Officials said 42 out of 200 seats were taken. In all 60 delegates voted.")
    assert misunited_figures("The party sent 42 delegates.", facts) == ["42 (delegates)"]


def test_a_figure_the_number_of_something_reaches_counts_that_thing():
    # Written for the tests: what 'the number of ... to N' counts, in English, Italian and German.
    english = ArticleFacts.of(
        "Divers on Tuesday found 12 bodies near the wreck, taking the number of bodies recovered to 85. "
        "Rescuers had pulled 40 passengers from the sea."
    )
    assert misunited_figures("85 bodies recovered.", english) == []
    assert misunited_figures("85 passengers were rescued.", english) == ["85 (passengers)"]
    italian = ArticleFacts.of(
        "I sommozzatori hanno trovato 12 corpi, portando il numero dei corpi recuperati a 85. Altri 40 "
        "superstiti sono stati portati in ospedale."
    )
    assert misunited_figures("85 bodies recovered.", italian) == []
    german = ArticleFacts.of(
        "Taucher fanden am Dienstag 12 Leichen, damit stieg die Zahl der Leichen auf 85. Weitere 40 "
        "Überlebende wurden ins Krankenhaus gebracht."
    )
    assert misunited_figures("85 bodies recovered.", german) == []


def test_a_part_of_a_whole_counts_what_the_whole_counts_in_dutch():
    # Written for the tests: a share of seats given as a part 'out of' the whole, and in Dutch 'van de'.
    facts = ArticleFacts.of(
        "The count gave the Greens 41 out of 120 seats on the council, ahead of 12 independents."
    )
    assert misunited_figures("The Greens won 41 seats.", facts) == []
    assert miscounted_figures("The Greens won 41 seats.", facts) == []
    assert misunited_figures("The Greens won 12 seats.", facts) == ["12 (seats)"]
    dutch = ArticleFacts.of("De Groenen krijgen 41 van de 120 zetels, voor 12 onafhankelijken.")
    assert misunited_figures("The Greens won 41 seats.", dutch) == []


def test_the_noun_a_figure_counts_may_stand_after_words_that_say_which():
    facts = ArticleFacts.of(
        "The ferry sank with 90 people aboard. Among the dead were 12 Dutch students on an exchange "
        "visit. The vessel had seven crew and one cook."
    )
    assert misunited_figures("The dead included 90 Dutch students.", facts) == ["90 (students)"]
    assert misunited_figures("The dead included 12 Dutch students.", facts) == []
    # A noun counted in the singular is its own unit.
    assert misunited_figures("The ferry had 12 crew.", facts) == ["12 (crew)"]
    assert misunited_figures("The ferry had seven crew.", facts) == []


def test_a_wider_word_with_another_figure_says_nothing_against_the_narrower_one():
    facts = ArticleFacts.of(
        "The airline said the plane carried 140 passengers and 8 crew members: two pilots and six "
        "flight attendants. Two of the passengers were infants."
    )
    # 'six cabin crew' for the article's 'six flight attendants': its crew are 8, but 'cabin crew' it
    # never counts, so the eight are no evidence against the six.
    assert misunited_figures("There were two pilots and six cabin crew.", facts) == []
    assert misunited_figures("The crew were 8, among them two pilots.", facts) == []
    assert misunited_figures("Four members of the crew survived.", facts) == []


def test_a_participle_or_an_ordinal_before_a_noun_is_not_read_as_which():
    facts = ArticleFacts.of(
        "Ten workers were on the bridge; the other six were presumed dead. She threw two of her three "
        "goals in the second half."
    )
    assert misunited_figures("Six missing workers are presumed dead.", facts) == []
    assert misunited_figures("She scored two second-half goals.", facts) == []


def test_a_noun_counted_in_the_singular_is_read_in_the_articles_language():
    it = ArticleFacts.of(
        "Nell'albergo c'erano 22 ospiti e sette dipendenti. Tra i dispersi c'è un cuoco di 33 anni, "
        "dipendente della struttura."
    )
    assert it.lang == "it"
    assert misunited_figures("The hotel had 22 guests and 33 staff.", it) == ["33 (staff)"]
    assert misunited_figures("The hotel had 22 guests and seven staff.", it) == []
