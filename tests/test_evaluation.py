"""The floors of issue #11 on the real-article corpora: a regression fails here.

benchmarks/evaluate.py prints the same figures against their targets. `benchmarks/corpus` is the
corpus the rules were written on; `benchmarks/heldout` and `benchmarks/heldout2` were written blind to
them, each measured once as it came (heldout: grouping 0.795 / 0.838, 1.8% of faithful items dropped;
heldout2: grouping 1.000 / 1.000, 0.8% dropped, 4 of 5 swapped speakers caught), then used to fix
what it showed, so they are regression corpora now. The floors are the targets where they are met,
and today's figure where they are not ("Reports differ", whose target is every labelled disagreement).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

TARGETS = {
    "grouping precision": 0.97,
    "grouping recall": 0.95,
    "faithful items kept": 0.99,
    "corrupted quotes caught": 0.99,
    "corrupted figures caught": 0.95,
    "corrupted names caught": 0.95,
    "corrupted speakers caught": 0.95,
}
#: Labelled disagreements shown, by the merge alone and with the --synthesize answers a model gave
#: (each version checked against its article); the target is all of them.
FLOORS = {
    "corpus": {**TARGETS, "disagreements, merge alone": 14 / 23, "disagreements shown": 19 / 23},
    "heldout": {**TARGETS, "disagreements, merge alone": 17 / 25, "disagreements shown": 19 / 25},
    # heldout2's three spellings of one name (the village, the preacher, the striker) relabelled by the
    # lead's decision of 2026-12-07 (issue #27): not disagreements. They were 7 / 17 and 15 / 17.
    "heldout2": {**TARGETS, "disagreements, merge alone": 5 / 14, "disagreements shown": 12 / 14},
}
#: What "Reports differ" shows that no label names, at most: the model's on the corpus are real
#: differences the labels missed (285 aftershocks against close to 200; "damaged" against
#: "destroyed"), and one approximation (around 72 km against about 70 km); on heldout2 the merge's
#: one is a false alarm (a goal in the 83rd minute against a booking in the 35th).
UNLABELLED = {
    "corpus": {"disagreements, merge alone": 0, "disagreements shown": 6},
    "heldout": {"disagreements, merge alone": 0, "disagreements shown": 0},
    "heldout2": {"disagreements, merge alone": 1, "disagreements shown": 4},
}
EVENTS = {"corpus": 15, "heldout": 10, "heldout2": 10}


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_evaluation", BENCHMARKS / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request):
    return request.param, _load().evaluate(BENCHMARKS / request.param)


def test_each_figure_holds_its_floor(measured):
    corpus, report = measured
    misses = [m for m in report.misses if not m.startswith("(")]
    low = {
        figure: f"{report.figures[figure][0]:.3f} ({report.figures[figure][1]})"
        for figure, floor in FLOORS[corpus].items()
        if report.figures[figure][0] < floor - 1e-9
    }
    assert not low, f"{corpus}: {low}\n" + "\n".join(misses)


def test_reports_differ_shows_no_more_than_the_labels_and_the_known_extras(measured):
    corpus, report = measured
    # Each bound is on a figure the report measured: a renamed or missing one would bound nothing.
    assert UNLABELLED[corpus] and set(UNLABELLED[corpus]) <= set(report.figures), sorted(report.figures)
    for figure, most in UNLABELLED[corpus].items():
        shown = report.unlabelled.get(figure, [])
        assert len(shown) <= most, f"{corpus}, {figure}: " + "\n".join(shown)


def test_every_event_is_one_story(measured):
    corpus, report = measured
    _, detail = report.figures["grouping recall"]
    assert f"{EVENTS[corpus]} stories for {EVENTS[corpus]} events" in detail


#: benchmarks/fresh-a, the tuning part of the fresh corpus, in its four model styles: today's figures
#: (the first, in benchmarks/fresh-a/FIRST.md, then the one text layer's: attributive 183 -> 166
#: faithful items dropped, titled 81 -> 75, one false alarm fewer in three styles; then places checked
#: like every other name (issue #20): titled 75 -> 76, "All England Lawn Tennis and Croquet Club" for the
#: article's "All England Club"; then "Reports differ" comparing like with like (issue #27): labelled
#: disagreements shown 4 -> 10 plain, 4 -> 8 attributive, 1 -> 2 terse, 4 -> 10 titled; false alarms
#: -- what "Reports differ" shows, a toll's progression under "Over the days" not among them -- 11 -> 3,
#: 15 -> 6, 4 -> 1, 12 -> 4; then the grounding check tuned on this part (issue #27,
#: benchmarks/fresh-a/AFTER.md): 0 / 0 / 0 / 1 dropped, 11 of 92 planted errors reaching the brief; then
#: "Reports differ" read by an editor (issue #27): false alarms 3 -> 2, 6 -> 4, 1 -> 0, 4 -> 2, a
#: happening weeks before or a count that moved no longer a day disagreement) are bounds a change must
#: not cross. At most:
FRESH_AT_MOST = {
    **{f"{style} dropped": n for style, n in {"plain": 0, "attributive": 0, "terse": 0, "titled": 1}.items()},
    **{
        f"{style} re-asked": n for style, n in {"plain": 0, "attributive": 0, "terse": 0, "titled": 1}.items()
    },
    **{
        f"{style} false alarms": n
        for style, n in {"plain": 2, "attributive": 4, "terse": 0, "titled": 2}.items()
    },
    "leaked figure_swapped": 6,
    "leaked figure_misremembered": 0,
    "leaked quote_drifted": 0,
    "leaked quote_misattributed": 1,
    "leaked date_unsupported": 0,
    "leaked name_invented": 0,
}
#: ... and at least.
FRESH_AT_LEAST = {
    **{
        f"{style} grouping {m}": 1.0
        for style in ("plain", "attributive", "terse", "titled")
        for m in ("precision", "recall")
    },
    **{
        f"{style} labelled shown": n
        # Plain and titled 10 -> 9 (issue #27, the evening of 2026-12-07): the second-set tie-break
        # (8/6 against 9-7) was shown only inside a false day disagreement ('8, Sunday' against '9'),
        # France 24's and NDTV's one AFP sentence set apart because 'after 4h42' was read as 4 and a
        # lost 42; read as 4 h 42 min it is NDTV's 'four hours and 42 minutes', the two are one point,
        # and no day is at odds. No reading of the tie-break score itself was lost.
        for style, n in {"plain": 9, "attributive": 8, "terse": 2, "titled": 9}.items()
    },
}


def _measure(part: str):
    """benchmarks/figures.py's figures for one corpus part, in every style."""
    _load()
    spec = importlib.util.spec_from_file_location("part_figures", BENCHMARKS / "figures.py")
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(BENCHMARKS.parent))
    try:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module.measure(BENCHMARKS / part, list(module.STYLES))
    finally:
        sys.path.remove(str(BENCHMARKS.parent))


@pytest.fixture(scope="module")
def fresh():
    return _measure("fresh-a")


def test_the_fresh_tuning_part_holds_its_first_figures(fresh):
    over = {k: fresh.counts[k] for k, most in FRESH_AT_MOST.items() if fresh.counts[k] > most}
    under = {k: fresh.counts[k] for k, least in FRESH_AT_LEAST.items() if fresh.counts[k] < least - 1e-9}
    assert not over and not under, f"over: {over}; under: {under}\n" + "\n".join(fresh.details)


def test_every_planted_error_is_counted_and_each_leak_named(fresh):
    # Three planted errors per article, each leak listed where it stands. One is left out as unmeasurable:
    # mx17a-europe1's event.when '2017-09-09' (a field the brief does not show) stands in the faithful
    # brief too, since its timeline keeps 'Samedi matin' dated 2017-09-09, the day the article was published.
    assert fresh.counts["planted errors counted"] == 92
    leaked = [line for line in fresh.details if line.startswith("leaked: ")]
    assert len(leaked) == sum(v for k, v in fresh.counts.items() if k.startswith("leaked "))
    assert any(
        "mx17b-cbssf key_points[2] '32 people died at a school' in the brief's key point" in x for x in leaked
    )


#: The later tuning parts, fresh-b and fresh-c as they stood at the end of the session of 2026-12-07
#: (benchmarks/fresh-b tuned on after its one held-out measurement, benchmarks/fresh-c after its first:
#: their FIRST.md and AFTER.md), fresh-d and fresh-e since: bounds a change must not cross. At most,
#: then at least.
LATER_PARTS = {
    # Every bound below that the session of 2026-12-08 beat is the figure measured after it, its names,
    # figures and speakers merged: an institution written out in full or translated, whose every word
    # that says which body it is stands in the article, and a speaker described without a name, are
    # kept and marked, not dropped (titled dropped fresh-d 13 -> 10, h 12 -> 8, i 11 -> 7, k 11 -> 6,
    # o 13 -> 8, q 7 -> 3, s 31 -> 17), and so is a figure's plural the article does not write after it.
    # Who spoke, on the article's word at the quotation (issue #27, grounding/evidence.py): faithful
    # speakers dropped as another's 11 / 18 / 1 / 7 -> 1 / 3 / 0 / 0 over every tuning part, and the
    # bounds below tightened where items dropped fell (fresh-b ... fresh-s); quotes misattributed through
    # k 2 -> 1, l 4 -> 3, n 1 -> 0, o 1 -> 0, q 2 -> 1, s 2 -> 1; fresh-f 2 -> 3: bx13-straitstimes'
    # 'Benedict called his choice "..."', given to Federico Lombardi, is kept and marked, since the
    # search finds the pope by 'XVI', a regnal number read as his surname, which the sentence does not
    # write: the search's guess, no longer the article's word.
    # Every bound below that the late night of 2026-12-07's six helpers beat together (names read in
    # other languages, other notations, speakers, swapped figures, Reports differ, grouping) is the
    # figure measured after their merge (issue #27).
    # The titled style's drops worked on by classes (issue #27, the evening of 2026-12-07: a site with
    # the word for its kind, a name the briefing glosses with the article's own, a speaker described
    # before their name, a year worked out from the publication date, a source line's wires, sets
    # joined by slashes, a number in words, another form of a word, another word for a body's kind, the
    # kind of body first in French, Spanish and Portuguese, the agency an Italian speaker told): titled
    # dropped fresh-b 10 -> 6, d 29 -> 16, e 20 -> 16, f 15 -> 12, h 26 -> 14, i 28 -> 15, plain fresh-h
    # 6 -> 4, attributive fresh-i 7 -> 6; titled articles re-asked b 7 -> 5, d 15 -> 10, e 11 -> 9,
    # f 9 -> 8, h 13 -> 8, i 12 -> 7; no planted error through more.
    "fresh-b": (
        {
            "plain dropped": 3,
            "attributive dropped": 2,
            "terse dropped": 2,
            "titled dropped": 6,
            "titled re-asked": 5,
        },
        {"leaked figure_swapped": 6, "leaked quote_misattributed": 0, "leaked name_invented": 0},
        {
            "plain labelled shown": 7,
            "attributive labelled shown": 8,
            "plain grouping recall": 1.0,
            # 0.952 -> 1.000 (issue #27, the evening of 2026-12-07): 'ECB interest rate hike' named
            # nowhere by two outlets is the one a third places nowhere either.
            "attributive grouping recall": 1.0,
            # 0.952 -> 1.000 (issue #27, the late night of 2026-12-07): 'Harvey', which a terse briefing
            # writes only at a sentence's start, is a name because another outlet writes it as one.
            "terse grouping recall": 1.0,
        },
    ),
    # fresh-c terse 2 -> 1 (issue #27): 'voted eight to one' is the tally 8-1 a briefing writes.
    "fresh-c": (
        {"plain dropped": 1, "attributive dropped": 1, "terse dropped": 1, "titled dropped": 6},
        {
            # 8 -> 7: '($500 million)' where the article's 500 million are euros (grounding/measured.py).
            "leaked figure_swapped": 7,
            "leaked quote_misattributed": 0,
            # 1 -> 0: a body named by one word and its kind is looked up ('the STA news agency'), #27.
            "leaked name_invented": 0,
            # 3 -> 2: a time is no figure of what follows it ('6:05 remaining' gave no 5 seconds), #27.
            "leaked figure_misremembered": 2,
        },
        {
            "plain labelled shown": 3,
            "attributive labelled shown": 4,
            "titled grouping recall": 1.0,
            # 0.943 / 0.800 -> 1.000 / 1.000 (issue #27, the evening of 2026-12-07): one rate rise put
            # in 'Britain', the 'United Kingdom' and the 'UK', and one placed nowhere.
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive")},
        },
    ),
    # fresh-d and fresh-e, tuning parts since their AFTER.md. "Reports differ" and the grouping after
    # issue #27's like-with-like work (false alarms, the merge alone, 16 / 16 / 3 / 14 -> 9 / 9 / 3 / 9 on
    # fresh-d; 10 / 10 / 3 / 8 -> 11 / 11 / 3 / 9 on fresh-e, whose cave story, split in two, shows the
    # governor's two transliterations in each; fresh-e's grouping precision 0.714 -> 1.000); the
    # realistic errors worked on (fresh-e's leaks were 9 figures swapped and 6 quotes misattributed,
    # fresh-d's 11 and 2); and the faithful drops worked on (the titled style, Italian and Portuguese).
    "fresh-d": (
        {
            # With issue #27's French/Spanish/Portuguese work (times of day in the article's notation,
            # translated names, described speakers): 4 / 3 / 0 / 31 -> 3 / 2 / 0 / 29. Titled 16 -> 14:
            # a pollster written out whose acronym the article writes with one capital ('Ibope').
            "plain dropped": 1,
            "attributive dropped": 0,
            "terse dropped": 0,
            "titled dropped": 8,
            "titled re-asked": 6,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 9, "attributive": 9, "terse": 3, "titled": 9}.items()
            },
        },
        # Swaps 6 -> 4: a share counts what it is of ('56 percent of ballots counted' where the article's
        # 56 percent are of the votes and 90 percent of ballots were counted), issue #27.
        {"leaked figure_swapped": 4, "leaked quote_misattributed": 1, "leaked name_invented": 0},
        {
            "attributive labelled shown": 1,
            "plain grouping recall": 1.0,
            **{f"{s} grouping precision": 1.0 for s in ("plain", "titled")},
        },
    ),
    # fresh-e's Italian (issue #27): 'l'undicenne', the eleven-year-old, is 11 (an age in one word with
    # its number, text/data/<lang>/age_endings.txt), and a sentence that opens by counting opens no name
    # ('Three Thai navy SEALs', 'Last SEALs'): plain 4 -> 3, attributive 3 -> 1, terse 3 -> 2.
    "fresh-e": (
        {
            "plain dropped": 3,
            "attributive dropped": 1,
            "terse dropped": 2,
            # 16 -> 13: 'Royal Thai Navy SEALs' for an Italian article's 'navy seals thailandesi', a
            # body translated whose words stand there in small letters (grounding/written.py).
            # 13 -> 12: a day the article names by its weekday ('domenica prossima', dates.py).
            "titled dropped": 11,
            "titled re-asked": 9,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 11, "attributive": 11, "terse": 3, "titled": 9}.items()
            },
        },
        {
            # 3 -> 2: 'planned to take 36 hours and took 17' reads the bare 17 in hours, where the
            # article's 17 are 'harrowing days' (grounding/measured.py).
            "leaked figure_swapped": 2,
            "leaked quote_misattributed": 1,
            "leaked name_invented": 0,
        },
        {
            # 2 / 1 / 0 -> 4 / 2 / 1 (plain, attributive, terse; issue #27, the evening of 2026-12-07):
            # one unit however spelt, the rescue shaft's '624m' against '622 meter' and the miners'
            # '610 metres underground' against 'more than 600 meters deep'.
            "plain labelled shown": 4,
            "attributive labelled shown": 2,
            "terse labelled shown": 1,
            "titled labelled shown": 1,
            "plain grouping recall": 1.0,
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    # fresh-f and fresh-g, tuning parts since their AFTER.md (the figures they were left at: bounds, not
    # targets), tightened after the titled style's and German/Italian drops were worked on (issue #27:
    # a date the article does not give is taken out, its entry kept, and counted apart: "dates taken out");
    # then "Reports differ" and the grouping worked on by classes (issue #27, the afternoon of
    # 2026-12-07): grouping precision on fresh-f 0.721 -> 1.000 (events agree on a kind of happening, not
    # on a name), fresh-g terse recall 0.892 -> 1.000 (one place spelt two accepted ways); false alarms
    # 7 / 8 / 2 / 3 -> 2 / 4 / 1 / 1 on fresh-f and 14 / 14 / 5 / 10 -> 5 / 6 / 4 / 4 on fresh-g (name
    # spellings, sums in two currencies, an age or a time read as a toll, a year recalled, a quotation's
    # spelling); fresh-f's labelled disagreements shown 2 / 0 / 1 / 1 -> 3 / 2 / 2 / 3 (two white-smoke
    # times the evaluator now reads on the 24-hour clock; the Pinault pledge, dollars against euros, no
    # longer shown); then the realistic errors worked on by classes. Figures swapped, after a figure
    # given in a unit the article gives another figure (grounding/units.py, issue #27): fresh-a 8 -> 6,
    # b 7 -> 6, c 10 -> 9, d 11 -> 9, e 4 -> 3, f 5 -> 3,
    # g 12 -> 10 (and d 9 -> 8 once a toll before the article's figure is what it counts); then a figure
    # given twice for two things the article gives it once: c 9 -> 8, d 8 -> 6,
    # f 3 -> 2, g 10 -> 8; names invented, a titled person's surname checked in every language: f 3 -> 1,
    # g 2 -> 1; quotes given to another person, attributions read across an exclamation, a German verb
    # before its speaker and a colon: g 3 -> 0; a day or a month the article gives another of: c 4 -> 3
    # and g 2 -> 1 figures misremembered; a quotation its colon sentence gives to another's description:
    # e 2 -> 1 quotes misattributed; no faithful item dropped more.
    "fresh-f": (
        {
            # French and Spanish (issue #27): times of day in the article's notation ('18h20', '19 heures'
            # as '7 pm', '19.22 horas'), names translated ('St Peter's Square', 'Sistine Chapel'),
            # speakers described ('the minister') or given by a pronoun: 17 / 14 / 1 / 24 -> 2 / 1 / 0 / 15.
            "plain dropped": 0,
            "attributive dropped": 0,
            "terse dropped": 0,
            "titled dropped": 9,
            "titled re-asked": 7,
            "titled dates taken out": 11,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 2, "attributive": 4, "terse": 1, "titled": 1}.items()
            },
        },
        # Swaps: ndd19-rtl's '50 million euros' (the city's pledge) as the foundation's first-day
        # collection gets through since its point's faithful '9 pm' ('À 21 heures') is read as a time;
        # nd19-francetvinfo's '1,500 firefighters' is caught, 'pompiers' read as firefighters.
        # Merged with the swaps caught by what a figure counts (2), that is 3.
        # Names invented: 1 -> 0, a given name the article gives ('Philippe Wojazer', a photo credit) is
        # no surname ('Prime Minister Edouard Philippe'), issue #27.
        {"leaked figure_swapped": 3, "leaked quote_misattributed": 3, "leaked name_invented": 0},
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 3, "attributive": 2, "terse": 2, "titled": 3}.items()
            },
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    "fresh-g": (
        {
            "plain dropped": 0,
            "attributive dropped": 0,
            "terse dropped": 0,
            "titled dropped": 0,
            "titled dates taken out": 10,
            # Attributive 6 -> 5 (issue #27, the night of 2026-12-07): a lead ('165 points ahead') is a
            # margin, no longer set against Ukraine's 631 points (data/en/margins.txt). Plain and
            # attributive 5 -> 4: one country's points are not set against another's (disagree/subjects.py).
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 4, "attributive": 4, "terse": 4, "titled": 4}.items()
            },
        },
        # bx13-stol's '265th pope' for the successor gets through since its point's faithful '8 p.m.'
        # (the article's 'um 20 Uhr') is read as a time: 8 swaps through on the leaks' branch, 9 merged.
        {
            "leaked figure_swapped": 9,
            "leaked quote_misattributed": 0,
            "leaked name_invented": 1,
            "leaked figure_misremembered": 1,
        },
        {
            "plain labelled shown": 5,
            "attributive labelled shown": 2,
            "titled labelled shown": 4,
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    # fresh-h and fresh-i, tuning parts since their AFTER.md (the session of 2026-12-07 evening): held at
    # the figures they were left at, bounds and not targets.
    # fresh-h since (issue #27, English plain): dropped 6 / 5 / 2 / 26 -> 1 / 2 / 2 / 25 (the sets of a
    # match written '6-3/6-3/6-0' are each a score; 'lost in the final four times' is four finals; an
    # embedded post is its signer's, '— Caroline Haga (@hagacaroline)'), and the post given to Nyusi,
    # who spoke before it, is caught: quote_misattributed 1 -> 0. figure_misremembered went 2 -> 0 by no
    # check of mine (the two points no longer stand in the brief as the outlet's once the faithful
    # items around them are kept): its bound is left where it was.
    "fresh-h": (
        {
            **{
                f"{style} dropped": n
                # plain 1 -> 0, attributive 2 -> 1: a name that owns the speaker's description does not
                # speak ('la representante ... de la ONU, Mami Mizutori', grounding/owners.py).
                # titled 14 -> 12: 'last Friday', the week before publication (dates.weekday_neighbours).
                for style, n in {"plain": 0, "attributive": 0, "terse": 1, "titled": 7}.items()
            },
            "titled re-asked": 5,
            "titled dates taken out": 10,
            # "Reports differ" worked on by classes (issue #27, the evening of 2026-12-07): false
            # alarms 2 / 10 / 3 / 3 -> 1 / 5 / 3 / 1 (a speed, '140km/h', no longer a toll of 140; a
            # match's set lengths no longer set against its length, which '2h18' now gives; Cyclone
            # Idai's toll, recalled in reports of Cyclone Kenneth, no longer set against Kenneth's).
            **{
                f"{style} false alarms": n
                # attributive 5 -> 4: whose figure it is (disagree/subjects.py).
                for style, n in {"plain": 1, "attributive": 4, "terse": 3, "titled": 1}.items()
            },
        },
        # rg22-dhnet's planted '2h28' no longer reaches the brief since the faithful rg22-tellerreport
        # point now kept says the same and is shown instead: not caught by a check, so the bound stays 2.
        {
            # 7 -> 6: a unit the article writes in English is read in its language ('two sets' where
            # a French article's 'deux' are titles and its sets 'trois').
            "leaked figure_swapped": 6,
            # 1 -> 0: a post the page embeds is its author's ('— Caroline Haga (@hagacaroline)').
            "leaked quote_misattributed": 0,
            # 2 -> 0: a surname the article gives another given name is someone else in every language
            # ('Toni Nadal', 'Christian Ruud' in French articles naming Rafael Nadal and Casper Ruud).
            "leaked name_invented": 0,
            # 2 -> 0: a time written the French way ('in 2h28' for the article's '2h18') is read whole,
            # and a record as a pair ('100-3' for the article's '100-2'), issue #27.
            "leaked figure_misremembered": 0,
        },
        {
            # 3 / 1 / 2 / 2 -> 4 / 4 / 2 / 5: hours and minutes the French way, 'in 2h18' against 'two
            # hours and 20 minutes'; the British 'around 15.10' against 'around 3:15 p.m.'; a count in
            # thousands in a Spanish label ('36 mil') read by the evaluator as the 36,000 shown.
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 4, "attributive": 4, "terse": 2, "titled": 5}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    # fresh-i since (issue #27, German, Italian and Dutch read in their own words): dropped 8 / 7 / 6 / 28
    # -> 1 / 2 / 0 / 19 (Dutch read as a shipped language, 'Five Star Movement' found as the article's
    # 'Vijfsterrenbeweging' and its five no figure; 'Green Vault' for 'Grünes Gewölbe', 'LKA' for
    # 'Landeskriminalamt', 'Polizei Berlin', 'Abruzzo Alpine Rescue' for 'Soccorso alpino abruzzese';
    # 'all'ANSA' a source the words went to, not their speaker; a vote's tally '95-38' where the article
    # gives '95 votes in favor ... against 38'); quote_misattributed 2 -> 1 ('„…“, so ein
    # Polizeisprecher' is not the museum management's). Titled dates taken out 10 -> 11: the Dutch
    # article's 'aankomend najaar' (this autumn), dated 1 September by the model, was kept and marked
    # while Dutch was not read; read, its date goes as a season's does in every language (entry kept).
    "fresh-i": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 0, "attributive": 1, "terse": 0, "titled": 5}.items()
            },
            "titled re-asked": 3,
            "titled dates taken out": 11,
            # 3 / 2 / 3 / 3 -> 3 / 0 / 2 / 0 false alarms: the Draghi stories no longer one, their days
            # no longer set against each other (issue #27, the evening of 2026-12-07).
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 0, "terse": 2, "titled": 0}.items()
            },
        },
        {
            # 4 -> 3: '100 centimetres across' where the article's 100 are kilos (grounding/measured.py);
            # 3 -> 2: '33 staff' where its 33 is an age and its 'dipendenti' seven (a noun counted in the
            # singular, grounding/units.py).
            "leaked figure_swapped": 2,
            # 2 -> 1: words the article gives to 'one of the rescuers' are no named person's (issue #27).
            "leaked quote_misattributed": 1,
            # 2 -> 0: a person a role introduces keeps their surname, as written, in every language
            # ('Pescara prosecutor Marco Ferrante' on an Italian article's other Marco, 'hotel manager
            # Bruno Di Tommaso' on its Paola Tommasini), issue #27.
            "leaked name_invented": 0,
            "leaked figure_misremembered": 2,
        },
        {
            **{f"{s} labelled shown": 1 for s in ("plain", "attributive", "terse", "titled")},
            # Grouping precision 0.775 -> 1.000 in every style, by text and by multilingual-e5-small:
            # Draghi's rejected (14 July 2022) and accepted (20-21 July) resignations were one story;
            # two happenings whose briefings state their days 6 or more apart, named differently, are
            # two events (issue #27).
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    # fresh-l, written blind and measured once (its FIRST.md), then tuned on for its grouping by text:
    # 15 / 16 / 5 / 9 stories for 5 events (recall 0.125 / 0.083 / 1.000 / 0.625), two global outages
    # and three WHO emergencies whose outlets named no place of the event's own, or the places where it
    # was felt. With an event without a place of its own agreeing on what happened alone: recall
    # 0.833 / 0.792 / 1.000 / 1.000 (the mpox declarations placed in Geneva, Africa and Congo stay
    # apart in plain and attributive), precision 1.000.
    "fresh-l": (
        {
            **{
                f"{style} dropped": n
                # Titled 26 -> 11 (19 when this was written): a company's legal form, 'CrowdStrike
                # Holdings' for the article's CrowdStrike (text/data/en/organisation_kinds.txt); a body
                # glossed with the article's words in its small letters ('Centre africain de contrôle et
                # de prévention des maladies': grounding/glossed.py).
                # plain 6 -> 4, attributive 7 -> 5: 'dijo el director general de la OMS, Tedros' gives the
                # words to Tedros, not to the WHO whose director he is (grounding/owners.py).
                # attributive 5 -> 3: 'près de 17.000 personnes' and 'more than 16 000 cases' copied the
                # article's way are read its way (check.as_the_article_writes).
                for style, n in {"plain": 3, "attributive": 1, "terse": 1, "titled": 9}.items()
            },
            "titled dates taken out": 8,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 2, "attributive": 1, "terse": 3, "titled": 1}.items()
            },
        },
        {
            # 6 -> 3: 'five hours' for 'cinq millions de signalements', '8.5 percent' for 8.5 million
            # devices, '6,000 million people' for 6,000 millions of dollars (grounding/measured.py).
            "leaked figure_swapped": 3,
            # 5 -> 4: '"...", señaló el doctor Tedros Adhanom' credits the words to Tedros, not to the
            # committee named before (grounding/credited.py); no faithful item dropped more.
            "leaked quote_misattributed": 3,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 2,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 2, "attributive": 1, "terse": 1, "titled": 1}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 0.83, "attributive": 0.79, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-j, fresh-k and fresh-m, written blind and measured first and at the end of the evening session
    # of 2026-12-07 (their FIRST.md and AFTER.md), tuning parts since: held at their AFTER figures.
    # fresh-j and fresh-k: every language's line for a place joins under its English form, so 'Dutch' finds
    # a Dutch article's 'Nederland' and 'Spanish' a Portuguese one's Spain (plain j 16 -> 15, attributive
    # k 9 -> 7).
    "fresh-j": (
        {
            # 16, 15, 6, 23 at AFTER.md; a French figure spelled out whole ('un million trois cent mille',
            # text/spelled.py) grounds the briefings' '1.3 million': 4, 4, 3, 2 items kept; a hyphenated
            # city of a list keeps its own figure ('19,000 in Clermont-Ferrand', attached.py): 2, 1 more;
            # German 'die ersten beiden' counts two (data/de/number_words.txt): 1, 0, 0, 1 more; 'Civil
            # Service' or 'Public Service' for 'la fonction publique' (data/fr/glossary.txt): 1, 1, 0, 1;
            # 'par la voix de' counts no votes (data/fr/not_quantities.txt): 1, 0, 0, 0; 'Second Chamber'
            # for 'Zweite Kammer' (data/de/glossary.txt): 1, 2, 0, 0. Then 6, 7, 3, 19 -> 6, 6, 1, 9: a
            # party written out whose acronym the article gives with its number ('Democrats 66' for
            # 'D66', whose 66 is no figure: grounding/acronyms.py), a part of a whole counting what the
            # whole counts ('35 out of 150 seats'), a body translated in small letters ('préfecture de
            # police').
            **{
                f"{style} dropped": n
                # 6 / 7 / 3 / 19 -> 6 / 6 / 1 / 18: a part of a whole counts what the whole counts ('35 out of
                # 150 seats' counts seats, counts.whole_of).
                # terse 1 -> 0: 'ein Mensch getötet' counts one dead (facts._ONE_TOLL).
                # titled 9 -> 8: 'on Friday', the week after publication (dates.weekday_neighbours).
                for style, n in {"plain": 4, "attributive": 6, "terse": 0, "titled": 7}.items()
            },
            "titled dates taken out": 10,
            # Plain 5 -> 6 (issue #27, the night of 2026-12-07): with a lead read as a margin ('nine
            # seats ahead', data/en/margins.txt), the lead is shown (labelled shown 2 -> 3, plain and
            # attributive), and the parties' seats the briefings give side by side, one false alarm
            # before (35 Knack vs 25 vs 23 vs 10, 35, 150), pair as two. Titled 5 -> 4, plain 6 -> 7: a
            # party's figure is set only against the same party's (disagree/subjects.py), which shows
            # the PVV's and D66's 2021 seats (labelled shown plain 3 -> 5) and parts one false alarm of
            # the 2021 exit poll in two (the VVD's 35 against D66's 27; the PVV's 17 against 19 seats
            # the Daily Herald gives no party): whose a bare figure is, no name beside it, is not known.
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 7, "attributive": 8, "terse": 4, "titled": 4}.items()
            },
        },
        {
            "leaked figure_swapped": 4,
            # 2 -> 1: 'zo beweert Laurent Berger ... "...", klinkt het' gives the words to Berger, not to
            # the CGT's Martinez named after them (data/nl/speech_verbs.txt).
            "leaked quote_misattributed": 0,
            "leaked name_invented": 1,
            "leaked figure_misremembered": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 5, "attributive": 3, "terse": 1, "titled": 2}.items()
            },
            **{
                f"{style} grouping precision": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    "fresh-k": (
        {
            **{
                f"{style} dropped": n
                # Terse 2 -> 1, titled 21 -> 12: a court and a prosecutor translated from Spanish and
                # Portuguese ('High Court of Justice', 'Public Prosecutor's Office': data/es/glossary.txt),
                # a weather agency by its short form ('Aemet': grounding/acronyms.py).
                # 9 / 7 / 2 / 21 -> 5 / 5 / 1 / 20: 'Ester Garcia, the lawyer of Alves' victim, said' and
                # 'dijo Irene Guardiola, la abogada de Alves' are not Alves's words (grounding/owners.py).
                # attributive 5 -> 4: 'Santa Maria (470,7 mm)' copied the article's way is read its way
                # (check.as_the_article_writes).
                for style, n in {"plain": 5, "attributive": 3, "terse": 0, "titled": 6}.items()
            },
            "titled dates taken out": 13,
            # 4 / 3 / 1 / 3 -> 2 / 1 / 1 / 0 (issue #27, the night of 2026-12-07): 'Dani' and 'Daniel'
            # Alves, a given name and its familiar form, are no spelling to check (disagree/spellings.py).
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 2, "attributive": 1, "terse": 1, "titled": 0}.items()
            },
        },
        {
            # 4 -> 3: '35 days' where the article's 35 are años (grounding/measured.py).
            # 3 -> 4 (the session of 2026-12-08): '209 victims' for the article's '209 pessoas' (Romania's
            # 1970 toll given as Valencia's) is kept and marked, not dropped: a plural noun the article does
            # not write after a figure is no evidence of another thing (counts.counted_otherwise).
            "leaked figure_swapped": 4,
            # 4 -> 3: '"...," Spain's state weather agency noted' credits the words to the agency, not to
            # a minister named elsewhere (grounding/credited.py); no faithful item dropped more.
            "leaked quote_misattributed": 1,
            "leaked name_invented": 2,
            "leaked figure_misremembered": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 2, "attributive": 1, "terse": 2, "titled": 2}.items()
            },
            **{
                f"{style} grouping precision": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
            # 0.857 / 0.786 -> 1.000 / 0.893 (issue #27, the night of 2026-12-07): one happening of one
            # kind on one day, placed in words that do not meet ('Comunitat Valenciana, España' and
            # 'Valencia, Spain'; 'Catalonia', 'Cataluña' and 'Barcelona'), is one event when both name
            # one subject or one's report names the other's place (merge/cluster.py, `_one_day`).
            # Attributive 0.893 -> 1.000 (issue #27, the late night of 2026-12-07): NDTV's 'rape
            # conviction overturned' joins the others' 'acquittal' once the words that say who reports
            # ('According to NDTV Sports', 'the outlet') weigh nothing (merge/about.py).
            **{f"{s} grouping recall": 1.0 for s in ("plain", "attributive", "terse", "titled")},
        },
    ),
    # fresh-m, Dutch read in its own words (issue #27): 'driehonderd' (300) and 'vierbaans' (four-lane)
    # are numbers written into one word, 'Ivoorkust' is Ivory Coast, and 'zei minister ... Salvini al dat'
    # makes the name after its verb the speaker of the quote that follows, 'in tweeën' is in two and
    # 'opvarenden' passengers, 'kustwacht' the Coast Guard; dropped 10/12/20 -> 5/6/16 (Dutch plain
    # 5 -> 0, attributive 6 -> 0, titled 9 -> 5).
    "fresh-m": (
        {
            **{
                f"{style} dropped": n
                # Titled 16 -> 7: 'Agenzia Nazionale Stampa Associata' for the article's 'Ansa', a corps a
                # kind of body ('National Fire Brigade Corps' for 'vigili del fuoco'), the Italian Coast
                # Guard as 'kustwacht' and 'guarda costeira' write it.
                # 5 / 6 -> 4 / 5: '«...», lo ha definito il prefetto Bruno Frattasi' gives the words to
                # him (a speaker who names what they speak of: data/it/speech_verbs.txt).
                # attributive 5 -> 4: '"...," but separately Genoa Chief Prosecutor Francesco Cozzi told
                # reporters' does not attribute the words before it (reach.CLAUSE_END).
                # terse 3 -> 0: 'taking the number of bodies recovered to 232' counts bodies (units.py);
                # '30-35 cars' is the range 'tra le 30 e le 35 auto', no score (ranges.stated_ranges).
                for style, n in {"plain": 1, "attributive": 2, "terse": 0, "titled": 5}.items()
            },
            "titled dates taken out": 8,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 7, "attributive": 7, "terse": 6, "titled": 1}.items()
            },
        },
        {
            # 7 -> 5: a part counts what its whole does ('21 died, including the driver and 3 children',
            # the article's three among the injured; '41 dead, including 4 children', its four survived:
            # 'overleefd', data/nl/tolls.txt), grounding/counts.py.
            "leaked figure_swapped": 5,
            # 2 -> 1: 'The mayor of Venice, Luigi Brugnaro, describes "an apocalyptic scene"' names the mayor
            # alone, so the words are no minister's (grounding/credited.py named_alone).
            "leaked quote_misattributed": 0,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 1,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 4, "attributive": 3, "terse": 2, "titled": 1}.items()
            },
            **{
                f"{style} grouping precision": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-q, written blind and measured once (its FIRST.md), then tuned on in the night session of
    # 2026-12-07 for its grouping and its unshipped languages (Polish, Swedish). Dropped 8/7/3/20 ->
    # 2/3/1/19: digits an unread language scales by a word ('100 tys.') and a place's adjective
    # ('Polish' after 'offer') are kept and marked; a role of the speaker's after a company's name
    # ('Northvolt Ordföranden:') gives the speaker the words, not the company. Grouping: Wirecard's
    # admission and its insolvency filing three days later are two events (attributive and titled
    # precision 0.667 / 0.692 -> 1.000; terse recall 0.704 -> 0.889). The 12th planted error through
    # (figure_swapped 6 -> 7) was never flagged: the merge folded it into another outlet's point before.
    # The Volkswagen scandal's reports, 14 days apart, are one affair's (merge/events.py, one_affair):
    # plain, attributive and terse recall 0.889 -> 1.000. Titled 19 -> 7: a company's legal form a
    # model adds ('Wirecard AG'), an office written out as a title ('Chief Executive Officer' for the
    # article's 'chief executive').
    "fresh-q": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 1, "attributive": 0, "terse": 0, "titled": 2}.items()
            },
            "titled dates taken out": 6,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 2, "terse": 0, "titled": 0}.items()
            },
        },
        {
            "leaked figure_swapped": 7,
            "leaked quote_misattributed": 1,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 1,
            "leaked date_unsupported": 2,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 0, "attributive": 1, "terse": 0, "titled": 1}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-n, fresh-o and fresh-p (issue #27, the night of 2026-12-07): written blind, measured at d0b4072
    # (FIRST.md) and at c1eabaa (AFTER.md), tuning parts since; held at their figures after that. Speakers
    # read as a reader would (grounding/speakers.py, credited.py, first_named.py): fresh-n plain 14 -> 12,
    # attributive 12 -> 11, fresh-o attributive 9 -> 5, fresh-p titled 13 -> 12; quotes misattributed
    # through fresh-j 1 -> 0, fresh-k 3 -> 2, fresh-m 1 -> 0.
    "fresh-n": (
        {
            **{
                f"{style} dropped": n
                # 14 / 12 / 5 / 33 until countries came from CLDR and parties were read translated.
                # Notations (issue #27, the night of 2026-12-07, a later session): a figure the article
                # writes another way than the briefing ('seven minutes and 35 seconds' as 7:35, 'XXe
                # siècle' as the 20th century, 'las 17.00' as 17:00, 'setenta y cinco', 'decimosexto';
                # text/notation.py), an outlet named up to its number ('Antena 3' of 'Antena 3
                # Noticias'), a flight's number its code holds ('Flight 447' for 'AF447'), a day the
                # article names by its weekday ('on 22 July' for 'on Saturday'): 14 / 12 / 5 / 33 -> 9 /
                # 5 / 4 / 32.
                for style, n in {"plain": 1, "attributive": 2, "terse": 4, "titled": 14}.items()
            },
            "titled dates taken out": 11,
            # 11 / 6 -> 8 / 3 plain and attributive (issue #27): a figure a list gives to a party is that
            # party's, set only against the same party's (disagree/subjects.py; plain labelled 0 -> 1,
            # Reform UK's 13 seats against four).
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 8, "attributive": 3, "terse": 2, "titled": 3}.items()
            },
        },
        {
            # 7 until the Liberal Democrats were read in French: 'Reform UK would win 61 seats' (the
            # article's 61 are the Liberal Democrats') was dropped for that name, not for its figure.
            "leaked figure_swapped": 8,
            "leaked quote_misattributed": 0,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 0,
            "leaked date_unsupported": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 1, "attributive": 0, "terse": 0, "titled": 0}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    "fresh-o": (
        {
            **{
                f"{style} dropped": n
                # 7 / 9 / 1 / 22 until countries came from CLDR ('French Alps' for 'Alpes Franceses').
                # Notations (see fresh-n), and a day joined to its month by hyphens ('29-Dec-2024'):
                # 7 / 9 / 1 / 22 -> 5 / 8 / 1 / 20, titled dates taken out 5 -> 4.
                for style, n in {"plain": 0, "attributive": 1, "terse": 1, "titled": 8}.items()
            },
            "titled dates taken out": 4,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 1, "terse": 0, "titled": 3}.items()
            },
        },
        {
            # 5 -> 3: '150 German teenagers' where the article's German teenagers are 16, '19 crew' where
            # its crew are nine (the noun after words that say which, or counted in the singular).
            "leaked figure_swapped": 3,
            "leaked quote_misattributed": 0,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 0,
            "leaked date_unsupported": 2,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 2, "attributive": 2, "terse": 0, "titled": 3}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # Grouping 0.628 -> 1.000 (plain, attributive, titled): a stadium and a small word name no place
    # (merge/events.py, _NOT_WHICH): the Euro 2024 and Copa America finals of one day are two stories.
    "fresh-p": (
        {
            **{
                f"{style} dropped": n
                # 17 / 3 / 8 / 13 until countries came from CLDR ('Spain' for 'España', a team).
                # Notations (see fresh-n): 17 / 3 / 8 / 13 -> 14 / 2 / 4 / 11.
                for style, n in {"plain": 1, "attributive": 0, "terse": 1, "titled": 6}.items()
            },
            "titled dates taken out": 6,
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 6, "terse": 1, "titled": 4}.items()
            },
        },
        {
            # 12 -> 13: the article's 'six minutes 17 seconds' now grounds '6:17' (its 7:35 and 1:03,
            # faithful, were dropped before), and the planted '6:17 behind' given to Evenepoel, whose
            # 9:18 the article gives, is no longer dropped by that blind spot: the article's own sentence
            # gives the 6:17 to him and Vingegaard together.
            "leaked figure_swapped": 13,
            "leaked quote_misattributed": 0,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 0,
            "leaked date_unsupported": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 4, "attributive": 1, "terse": 1, "titled": 4}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-r: written blind in the late night of 2026-12-07 (FIRST.md at the rules of 6c2689f), measured
    # again at the end of that session (AFTER.md: the same), a tuning part since, held at those figures;
    # titled 15 -> 9 once a name written out keeps its acronym before what follows it ("NASA").
    "fresh-r": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 1, "attributive": 1, "terse": 0, "titled": 9}.items()
            },
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 2, "attributive": 3, "terse": 0, "titled": 2}.items()
            },
        },
        {
            "leaked figure_swapped": 6,
            "leaked quote_misattributed": 2,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 0,
            "leaked date_unsupported": 0,
            "leaked quote_drifted": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 1, "attributive": 1, "terse": 0, "titled": 0}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-s: written blind beside fresh-r, its FIRST.md and AFTER.md the same but for one false alarm
    # fewer (attributive); a tuning part since, held at those figures; titled
    # 40 -> 31 once a headline in title case is read with the briefing's own lower-case words.
    "fresh-s": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 3, "attributive": 3, "terse": 0, "titled": 11}.items()
            },
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 2, "terse": 1, "titled": 0}.items()
            },
        },
        {
            "leaked figure_swapped": 4,
            "leaked quote_misattributed": 1,
            "leaked name_invented": 0,
            "leaked figure_misremembered": 0,
            "leaked date_unsupported": 0,
            "leaked quote_drifted": 0,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 1, "attributive": 2, "terse": 0, "titled": 1}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 0.76, "attributive": 0.76, "terse": 0.76, "titled": 0.76}.items()
            },
        },
    ),
    # fresh-x (events that come in pairs: the Noto earthquake and the Haneda collision the next day, the
    # Queen's death and her funeral, the Kakhovka dam), written blind in the session of 2026-12-08 and
    # measured once (its FIRST.md: dropped 21 / 12 / 4 / 23), then tuned on (14 / 9 / 3 / 18): a name
    # spelt the way of the article's language ('Elisabetta II'), a dam or an abbey by its kind's word.
    "fresh-x": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 13, "attributive": 7, "terse": 3, "titled": 16}.items()
            },
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 2, "terse": 2, "titled": 3}.items()
            },
        },
        {
            "leaked date_unsupported": 0,
            "leaked figure_misremembered": 0,
            "leaked figure_swapped": 5,
            "leaked name_invented": 1,
            "leaked quote_drifted": 0,
            "leaked quote_misattributed": 1,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 2, "attributive": 1, "terse": 1, "titled": 0}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 1.0, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
    # fresh-t (storms, floods and heat), written blind on 2026-12-07 and untouched until the end of the
    # session of 2026-12-08 (FIRST.md, AFTER.md, AFTER2.md): a tuning part since, held at its AFTER2 figures.
    "fresh-t": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 12, "attributive": 13, "terse": 4, "titled": 13}.items()
            },
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 4, "attributive": 4, "terse": 1, "titled": 3}.items()
            },
        },
        {
            "leaked date_unsupported": 1,
            "leaked figure_misremembered": 0,
            "leaked figure_swapped": 7,
            "leaked name_invented": 0,
            "leaked quote_drifted": 0,
            "leaked quote_misattributed": 3,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 2, "attributive": 2, "terse": 0, "titled": 2}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 0.84, "attributive": 0.84, "terse": 0.72, "titled": 0.84}.items()
            },
        },
    ),
    # fresh-u (heads of government who fall), written blind on 2026-12-07 and untouched until the end of
    # the session of 2026-12-08 (FIRST.md, AFTER.md, AFTER2.md): a tuning part since, held at AFTER2's.
    "fresh-u": (
        {
            **{
                f"{style} dropped": n
                for style, n in {"plain": 5, "attributive": 3, "terse": 0, "titled": 16}.items()
            },
            **{
                f"{style} false alarms": n
                for style, n in {"plain": 3, "attributive": 1, "terse": 1, "titled": 0}.items()
            },
        },
        {
            "leaked date_unsupported": 0,
            "leaked figure_misremembered": 1,
            "leaked figure_swapped": 3,
            "leaked name_invented": 0,
            "leaked quote_drifted": 0,
            "leaked quote_misattributed": 4,
        },
        {
            **{
                f"{style} labelled shown": n
                for style, n in {"plain": 0, "attributive": 0, "terse": 0, "titled": 0}.items()
            },
            **{f"{s} grouping precision": 1.0 for s in ("plain", "attributive", "terse", "titled")},
            **{
                f"{style} grouping recall": n
                for style, n in {"plain": 1.0, "attributive": 0.583, "terse": 1.0, "titled": 1.0}.items()
            },
        },
    ),
}


@pytest.mark.parametrize("part", sorted(LATER_PARTS))
def test_the_later_tuning_parts_hold_their_figures(part):
    measured = _measure(part)
    dropped, leaked, least = LATER_PARTS[part]
    over = {k: measured.counts[k] for k, most in {**dropped, **leaked}.items() if measured.counts[k] > most}
    under = {k: measured.counts[k] for k, n in least.items() if measured.counts[k] < n - 1e-9}
    assert not over and not under, f"{part}: over {over}; under {under}"
