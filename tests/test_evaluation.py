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
    "corpus": {**TARGETS, "disagreements, merge alone": 13 / 23, "disagreements shown": 19 / 23},
    "heldout": {**TARGETS, "disagreements, merge alone": 15 / 25, "disagreements shown": 18 / 25},
    "heldout2": {**TARGETS, "disagreements, merge alone": 7 / 17, "disagreements shown": 15 / 17},
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
