"""Which briefings report the same event."""

from __future__ import annotations

from datetime import datetime

from summarizer.merge.cluster import cluster, place_words, same_story
from summarizer.models import Entity, NewsEvent
from tests.builders import make


def _quake(source: str, where: str, when: str, headline: str, points: list[str]):
    item = make(source, headline, points, published=datetime.fromisoformat(when))
    event = NewsEvent(what="earthquake", where=where, when=when)
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})


MEXICO_A = _quake(
    "WDTN",
    "Chiapas, Mexico",
    "2017-09-08",
    "Magnitude 8.1 quake strikes off southern Mexico",
    ["The quake struck off Chiapas just before midnight.", "At least 32 people were killed."],
)
MEXICO_B = _quake(
    "Europe 1",
    "Chiapas, Mexico",
    "2017-09-09",
    "Mexico earthquake toll rises to 61",
    ["Rescuers searched collapsed homes in Oaxaca and Chiapas.", "The toll rose to 61 dead."],
)
MEXICO_LATER = _quake(
    "CBS SF",
    "Puebla, Mexico",
    "2017-09-19",
    "7.1 earthquake shakes central Mexico",
    ["Buildings collapsed in Mexico City.", "At least 149 people were killed."],
)


def test_two_outlets_reports_of_one_event_are_one_story():
    assert same_story(MEXICO_A, MEXICO_B)
    assert cluster([MEXICO_A, MEXICO_B]) == [[0, 1]]


def test_the_same_kind_of_event_elsewhere_and_days_later_is_another_story():
    assert not same_story(MEXICO_A, MEXICO_LATER)
    assert cluster([MEXICO_A, MEXICO_B, MEXICO_LATER]) == [[0, 1], [2]]


def test_place_words_are_the_specific_ones():
    assert place_words(MEXICO_A.briefing) == {"chiapa", "mexico"}


def _happening(
    source: str,
    what: str,
    when: str,
    headline: str,
    points: list[str],
    where: str = "Tham Luang cave, Chiang Rai, Thailand",
):
    item = make(source, headline, points, published=datetime.fromisoformat(when))
    event = NewsEvent(what=what, where=where, when=when)
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})


FOUND = _happening(
    "Straits Times",
    "boys found alive in Thai cave",
    "2018-07-02",
    "Thai boys found alive in Tham Luang cave",
    [
        "British divers found the 12 boys and their coach alive in the Tham Luang cave.",
        "The boys were trapped.",
    ],
)
RESCUED = _happening(
    "China Daily",
    "Thai cave rescue",
    "2018-07-10",
    "All 12 boys and coach rescued from Tham Luang cave",
    ["Divers brought the 12 boys and their coach out of the Tham Luang cave.", "The boys were trapped."],
)
LOST = _happening("A", "submersible Titan lost", "2018-07-02", "Titan lost", ["The Titan lost contact."])
# As benchmarks/corpus's briefings name it: the kind of thing lost, the submersible, said again.
DEBRIS = _happening(
    "B", "Titan submersible debris found", "2018-07-06", "Titan debris found", ["Titan debris found."]
)
FIRE = _happening(
    "Irish Examiner",
    "Notre Dame Cathedral fire",
    "2019-04-15",
    "Spire of Notre Dame Cathedral collapses as fire engulfs Paris landmark",
    ["The fire broke out shortly after 6pm.", "The spire of Notre Dame collapsed."],
)
PLEDGES = _happening(
    "Luxemburger Wort",
    "Notre-Dame rebuilding pledges",
    "2019-04-16",
    "Pledges of over 300 million euros pour in to rebuild Notre-Dame",
    ["LVMH and the Arnault family pledged 200 million euros.", "The Pinault family pledged 100 million."],
)


def test_two_happenings_a_week_apart_are_two_stories_and_one_unfolding_within_days_is_one():
    # The events' own days and what happened, not the shared words of the place (issue #27): the boys
    # found on 2 July and rescued on 10 July are two events; a craft lost and its debris found four
    # days later are one event unfolding.
    assert same_story(FOUND, FOUND.model_copy(update={"ref": RESCUED.ref}))
    assert not same_story(FOUND, RESCUED)
    assert cluster([FOUND, RESCUED]) == [[0], [1]]
    assert cluster([LOST, DEBRIS]) == [[0, 1]]


def test_a_happening_each_report_dates_a_week_apart_is_two_stories_and_an_undated_follow_up_one():
    # fresh-i (issue #27): a resignation refused on 14 July and one accepted on the 20th, each on the
    # day its briefing says it took place, are two events, though one names what happened only in
    # words the other uses too. A follow-up that states no day (its report's day stands in) may be
    # about the earlier happening: the successor search six days after a resignation stays its story.
    refused = _happening(
        "Nu",
        "resignation rejected",
        "2022-07-14",
        "President rejects PM's resignation",
        ["The president rejected the prime minister's resignation.", "The coalition split."],
        where="Rome, Italy",
    )
    accepted = _happening(
        "Latestly",
        "resignation",
        "2022-07-20",
        "PM hands in resignation, president accepts",
        ["The prime minister handed in his resignation.", "The coalition split."],
        where="Rome, Italy",
    )
    assert not same_story(refused, accepted)
    assert cluster([refused, accepted]) == [[0], [1]]
    undated = accepted.briefing.model_copy(
        update={"event": NewsEvent(what="resignation", where="Rome, Italy", when=None)}
    )
    assert cluster([refused, accepted.model_copy(update={"briefing": undated})]) == [[0, 1]]


def _company(what: str, when: str, headline: str, points: list[str], name: str = "Larkspur AG"):
    item = _happening("Outlet " + when, what, when, headline, points, where="Hamburg, Germany")
    larkspur = Entity(name=name, kind="organization", role="payments group")
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"entities": [larkspur]})})


def test_one_subjects_two_happenings_of_different_kinds_days_apart_are_two_stories():
    # Written for the test: a company admits its money is missing, then files for insolvency three
    # days later. Each briefing states its day; the kinds of happening share no word. The company's
    # name opens both events' `what` and is no kind ('Larkspur', of the entity 'Larkspur AG').
    admitted = _company(
        "Larkspur missing cash admission",
        "2021-03-01",
        "Larkspur says its missing EUR 900 million likely does not exist",
        ["Larkspur withdrew its results.", "Larkspur shares fell 60 per cent."],
    )
    filed = _company(
        "Larkspur insolvency filing",
        "2021-03-04",
        "Larkspur files for insolvency after EUR 900 million hole",
        ["Larkspur filed for insolvency at the Hamburg court.", "Larkspur shares fell 60 per cent."],
    )
    assert cluster([admitted, filed]) == [[0], [1]]
    # The same kind of happening said again on a later day is one story unfolding (a scandal whose
    # figures move), and so are two kinds a day apart: outlets date one happening a day apart.
    later = _company(
        "Larkspur missing cash scandal",
        "2021-03-05",
        "Larkspur's missing cash: auditors questioned",
        ["Larkspur's auditors were questioned.", "Larkspur shares fell 60 per cent."],
    )
    next_day = filed.model_copy(
        update={
            "briefing": filed.briefing.model_copy(
                update={
                    "event": NewsEvent(
                        what="Larkspur insolvency filing", where="Hamburg, Germany", when="2021-03-02"
                    )
                }
            )
        }
    )
    assert cluster([admitted, later]) == [[0, 1]]
    assert cluster([admitted, next_day]) == [[0, 1]]


def test_one_affair_reported_over_two_weeks_is_one_story_and_two_happenings_of_one_kind_are_two():
    # Written for the test: outlets call every report of one affair by its name ('Larkspur sensor
    # scandal'), each dated to its own day's development, the chief's exit and a recall plan 16 days on.
    exit_ = _company(
        "Larkspur sensor scandal",
        "2021-05-03",
        "Larkspur chief quits as faked sensor data spreads to 4 million devices",
        ["Larkspur's chief executive resigned.", "4 million devices carry the faked readings."],
    )
    plan = _company(
        "Larkspur scandal",
        "2021-05-19",
        "Larkspur sends regulators its plan to fix 4 million devices",
        ["Larkspur's new chief said the fix needs a software update.", "The plan went to regulators."],
    )
    assert cluster([exit_, plan]) == [[0, 1]]
    # Another affair of the same company is another story: its name says a word the first lacks.
    bribes = _company(
        "Larkspur bribery scandal",
        "2021-05-19",
        "Larkspur managers charged over bribes to regulators",
        ["Larkspur's managers were charged.", "The bribes went to regulators."],
    )
    assert cluster([exit_, bribes]) == [[0], [1]]
    # Two happenings of one kind, named alike, a fortnight apart are two stories: a strike day is a
    # day's happening, not an affair.
    first = _company("Larkspur strike", "2021-05-03", "Larkspur workers strike", ["Plants stood still."])
    second = _company("Larkspur strike", "2021-05-19", "Larkspur workers strike again", ["Lines halted."])
    assert cluster([first, second]) == [[0], [1]]
    # Beyond AFFAIR_DAYS, an affair's name is no longer enough.
    late = _company("Larkspur scandal", "2021-07-19", "Larkspur's fix delayed", ["Larkspur delayed the fix."])
    assert cluster([exit_, late]) == [[0], [1]]


def test_one_country_however_named_and_a_named_happening_without_a_place_are_one_story():
    # fresh-c and fresh-b (issue #27): outlets put one rate rise in 'Britain', the 'United Kingdom' and
    # nowhere; their wording is far apart (cosine 0.17-0.28), their events agree.
    def rise(source: str, where: str | None, headline: str, points: list[str]):
        item = make(source, headline, points, published=datetime(2021, 12, 16))
        event = NewsEvent(what="Bank of England rate rise", where=where, when="2021-12-16")
        return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})

    britain = rise(
        "A", "Britain", "Bank of England lifts rates to 0.25%", ["Inflation hit 5.1% in November."]
    )
    kingdom = rise(
        "B", "United Kingdom", "Bank of England surprises markets", ["Sterling jumped against the dollar."]
    )
    nowhere = rise(
        "C", None, "Bank of England policymakers vote 8-1 for a hike", ["Gilts sold off after the vote."]
    )
    assert cluster([britain, kingdom, nowhere]) == [[0, 1, 2]]
    # A kind of happening alone says no place: an earthquake named nowhere is not every earthquake.
    quake = _happening("D", "earthquake", "2021-12-16", "Quake shakes coast", ["Walls cracked."], "Chile")
    unplaced = _happening("E", "earthquake", "2021-12-16", "Tremor felt inland", ["Homes shook."], "")
    assert cluster([quake, unplaced]) == [[0], [1]]


def test_what_happened_is_its_kind_not_the_name_it_happened_to():
    # fresh-f (issue #27): the Notre-Dame fire and the pledges to rebuild it the next day, labelled two
    # events, share the cathedral's name and the place, not a kind of happening; their wording (cosine
    # 0.04-0.14) is far from one event's.
    assert not same_story(FIRE, PLEDGES)
    assert cluster([FIRE, PLEDGES]) == [[0], [1]]
    # The same kind named by another word is one kind: 'Nepal aftershock' and 'Nepal earthquake'.
    quake = _happening("A", "Nepal earthquake", "2015-05-12", "Nepal quake kills 42", ["42 died."])
    aftershock = _happening("B", "Nepal aftershock", "2015-05-12", "Aftershock hits Nepal", ["It hit."])
    assert same_story(quake, aftershock)


def _placeless(source: str, what: str, where: str | None, headline: str, points: list[str], places=()):
    item = make(source, headline, points, published=datetime.fromisoformat("2024-07-19"))
    event = NewsEvent(what=what, where=where, when="2024-07-19")
    felt = [Entity(name=place, kind="place", role="where it was felt") for place in places]
    entities = [*item.briefing.entities, *felt]
    update = {"event": event, "entities": entities}
    return item.model_copy(update={"briefing": item.briefing.model_copy(update=update)})


def test_a_happening_with_no_place_of_its_own_is_one_story_wherever_its_outlets_felt_it():
    # fresh-l (issue #27): a global outage, told from France by one outlet and from Berlin's airport
    # by another, was two stories, their wording (cosine 0.16-0.29 across four languages' outlets)
    # too far apart for one and their places never meeting.
    paris = _placeless(
        "France TV",
        "CrowdStrike global IT outage",
        None,
        "CrowdStrike bug takes Windows computers down worldwide",
        ["Banks and hospitals in France were hit.", "A faulty CrowdStrike update caused it."],
        places=["France"],
    )
    berlin = _placeless(
        "Wallstreet Online",
        "CrowdStrike outage",
        None,
        "Flights grounded at BER as a faulty update takes IT systems down",
        ["Check-in at BER stopped on Friday morning.", "Airlines cancelled departures."],
        places=["BER"],
    )
    assert same_story(paris, berlin)
    # A kind alone is not enough without a place: two rate rises a day apart are two stories...
    england = _placeless(
        "A", "rate rise", None, "Bank of England raises its rate to 0.25%", ["The committee voted 8-1."]
    )
    fed = _placeless(
        "B", "rate rise", None, "Federal Reserve lifts its target range", ["Powell said inflation was high."]
    )
    assert not same_story(england, fed)
    # ... and two places named apart still part two happenings of one kind in the same days.
    what = "deadly earthquake rescue effort"
    morocco = _placeless("C", what, "Morocco", "Quake near Marrakesh kills 2,000", ["Villages fell."])
    libya = _placeless("D", what, "Libya", "Tremor shakes Benghazi as rescuers dig", ["Homes fell."])
    assert not same_story(morocco, libya)


def test_one_happening_placed_at_different_scales_on_one_day_is_one_story():
    # fresh-k and fresh-c (issue #27): outlets put one happening in its city, its region or its
    # country, in their own languages ('Barcelona', 'Catalonia', 'Cataluña'; 'London' and 'the
    # United Kingdom'), and their wording is far apart. The same kind of happening on one day is one
    # event when both name one subject, or when one's report names the other's place; 'acquittal'
    # and 'acquitted' are one kind, though the stemmer keeps the doubled 't' in one.
    verdict = _reports_of(datetime(2031, 5, 9))

    city = verdict(
        "Diario Uno",
        "Marta Quiroga acquittal",
        "Seville",
        "2031-05-09",
        "Court clears singer Marta Quiroga",
        ["Judges found the evidence insufficient.", "Prosecutors had sought three years."],
    )
    region = verdict(
        "Radio Dos",
        "Marta Quiroga acquitted of fraud",
        "Andalucía",
        "2031-05-09",
        "Quiroga walks free after appeal",
        ["Her lawyer spoke of relief outside the courthouse.", "The prosecutors may appeal again."],
    )
    next_day = verdict(
        "Tres TV",
        "Quiroga acquittal",
        "Andalusia, Spain",
        None,
        "Fans celebrate as Quiroga verdict stands",
        ["Fans gathered outside her home.", "The ruling ends a four-year case."],
    )
    assert cluster([city, region, next_day]) == [[0, 1, 2]]
    # Two happenings of one kind on one day are two when they name different subjects...
    other = verdict(
        "Radio Dos",
        "Pablo Ruiz acquittal",
        "Valencia",
        "2031-05-09",
        "Mayor Pablo Ruiz cleared of bribery",
        ["The council will meet on Monday.", "Prosecutors had sought two years."],
    )
    assert cluster([city, other]) == [[0], [1]]
    # A flood named by no subject is placed by its report's words: the region's report names the city.
    city_flood = _happening(
        "A", "flash floods", "2031-05-09", "Flash floods sweep Alcira", ["Cars were swept away."], "Alcira"
    )
    region_flood = _happening(
        "B",
        "floods",
        "2031-05-09",
        "Storm floods the Ribera Alta",
        ["Roads into Alcira were cut as rivers burst their banks."],
        "Ribera Alta",
    )
    assert cluster([city_flood, region_flood]) == [[0, 1]]
    # Two towns' happenings of one kind on one day, neither naming the other's town, are two...
    other_town = _happening(
        "C", "floods", "2031-05-09", "Storm floods the Vega Baja", ["Cars were swept away."], "Vega Baja"
    )
    assert cluster([city_flood, other_town]) == [[0], [1]]
    # ... and so are two in different countries, however alike their kind and words.
    japan = _happening("A", "earthquake", "2031-05-09", "Quake rattles Sendai", ["Trains halted."], "Japan")
    peru = _happening("B", "earthquake", "2031-05-09", "Tremor damages homes", ["Trains halted."], "Peru")
    assert cluster([japan, peru]) == [[0], [1]]


def test_two_finals_on_one_day_in_two_stadiums_are_two_stories():
    # fresh-p (issue #27): two finals of two competitions played the same evening, each in a stadium of
    # its own city. A stadium is a kind of site and 'de' a small word: neither says which place, so a
    # report that writes 'the stadium' names no place of the other final's 'Gran Rock Stadium'.
    final = _reports_of(datetime(2031, 7, 13))

    south = final(
        "Diario Sur",
        "Copa Sur final",
        "Gran Rock Stadium, Porto Azul",
        "2031-07-13",
        "Austria del Sur beat Patagonia 1-0 to win the Copa Sur",
        ["Luis de Rosa scored in extra time.", "Austria del Sur won a 16th title."],
    )
    also_south = final(
        "Radio Cono",
        "Copa Sur final",
        "Gran Rock Stadium, Porto Azul",
        "2031-07-13",
        "De Rosa's goal wins the Copa Sur for Austria del Sur",
        ["The final went to extra time.", "Patagonia lost a second final in a row."],
    )
    north = final(
        "Gazeta Norte",
        "Nordic final",
        "Estadio Olímpico de Tromsø",
        None,
        "Norland beat Vestria 2-1 to lift the trophy",
        ["Substitute Ola Berg scored late at the stadium.", "Norland won a fourth title."],
    )
    assert cluster([south, also_south, north]) == [[0, 1], [2]]
    assert "stadium" not in place_words(south.briefing) and "de" not in place_words(north.briefing)


def _reports_of(published: datetime):
    """A maker of outlets' briefings published on one day: (source, what, where, when, headline, points)."""

    def report(source: str, what: str, where: str, when: str | None, headline: str, points: list[str]):
        return _reported(source, NewsEvent(what=what, where=where, when=when), headline, points, published)

    return report


def _reported(source: str, event: NewsEvent, headline: str, points: list[str], published: datetime):
    """One outlet's briefing of `event`, published on `published`."""
    item = make(source, headline, points, published=published)
    return item.model_copy(update={"briefing": item.briefing.model_copy(update={"event": event})})


def test_two_cup_finals_of_one_day_whose_names_share_a_word_are_two_stories():
    # Two competitions' finals played the same afternoon in two cities ('FA Cup', 'Scottish Cup'):
    # their names share 'Cup', but each names a competition the other does not, so they are two
    # subjects. One final told as 'Wessex Cup final' and as 'Cup final' stays one story.
    final = _reports_of(datetime(2031, 5, 17))

    wessex = final(
        "Daily Post",
        "Wessex Cup final",
        "Kingsmead",
        "2031-05-17",
        "Rovers beat United 3-0 to lift the Wessex Cup",
        ["Joe Marsh scored twice before the break.", "United finished with ten men."],
    )
    wessex_short = final(
        "Evening News",
        "Cup final",
        "Kingsmead Park",
        "2031-05-17",
        "Marsh double wins the cup for Rovers",
        ["A crowd of 40,000 saw Rovers win a fifth cup.", "United's captain was sent off."],
    )
    caledon = final(
        "Glen Herald",
        "Caledon Cup final",
        "Glenbrae",
        "2031-05-17",
        "Thistle edge Athletic 2-1 in the Caledon Cup final",
        ["Callum Reid headed the winner in extra time.", "Athletic had led at half-time."],
    )
    # A name's longer form ('Caledonian' for 'Caledon') is one subject told two ways, placed in its region.
    caledon_region = final(
        "Radio Strath",
        "Caledonian Cup final",
        "Strathmore",
        "2031-05-17",
        "Reid's late header gives Thistle the trophy",
        ["Thistle came from behind at Glenbrae.", "It is their first cup since 1994."],
    )
    assert cluster([wessex, wessex_short, caledon, caledon_region]) == [[0, 1], [2, 3]]


# A storm's floods as a terse model writes them: every sentence starts with the storm's name, so the
# briefing alone gives no sign that 'Ondine' is a name, not a kind of happening.
CITY_FLOODS = _happening(
    "Coastal Herald",
    "Ondine flooding",
    "2031-10-14",
    "Ondine floods Marlport",
    ["Ondine left 4 dead.", "Ondine closed every road into the old town."],
    where="Marlport",
)
REGION_FLOODS = _happening(
    "Inland Times",
    "Ondine flooding",
    "2031-10-14",
    "Rivers burst their banks across Westmarch",
    ["Emergency crews rescued 300 people after Storm Ondine.", "The toll stood at 5 on Tuesday."],
    where="Westmarch",
)
OTHER_FLOODS = _happening(
    "Valley Courier",
    "Brenna flooding",
    "2031-10-14",
    "Brenna floods Eastholm",
    ["Brenna left 2 dead.", "Brenna swept away a bridge after Storm Brenna stalled."],
    where="Eastholm",
)


def test_a_word_one_outlet_writes_as_a_name_is_a_name_in_every_briefing():
    # One storm's floods in a city and in its region, both on the day, are one story: 'Ondine' is
    # written as a name mid-sentence by one outlet. Another storm's floods that day are not.
    assert cluster([CITY_FLOODS, REGION_FLOODS, OTHER_FLOODS]) == [[0, 1], [2]]


def test_an_event_named_in_the_articles_language_is_of_the_kind_its_english_name_says():
    # A model may name the event in its French article's words ('funérailles d'Elizabeth II',
    # 'Londres'), with little wording in common with an English outlet's briefing of the same funeral:
    # its kind of happening is read in French (text/data/fr/happenings.txt) and its elided article
    # ('d'') is no part of the name. A funeral the same day in another city is another story.
    day = _reports_of(datetime(2031, 3, 4))
    english = day(
        "Daily Post",
        "funeral of Queen Maren II",
        "Westminster Abbey, London",
        "2031-03-04",
        "Thousands line the streets for Queen Maren's funeral",
        ["The coffin was carried on a gun carriage.", "Two minutes' silence was observed at noon."],
    )
    french = day(
        "Le Courrier",
        "funérailles de la reine Maren II",
        "abbaye de Westminster, Londres",
        "2031-03-04",
        "Adieu à la reine Maren II",
        ["Le cercueil a été porté jusqu'à l'abbaye.", "Deux minutes de silence ont été observées."],
    )
    elsewhere = day(
        "Gazette",
        "funeral of Bishop Aldo Rinn",
        "Cathedral of Saint Luke, Lyon",
        "2031-03-04",
        "Lyon mourns its bishop",
        ["The bishop was buried in the cathedral crypt.", "The mayor attended."],
    )
    assert cluster([english, french, elsewhere]) == [[0, 1], [2]]
