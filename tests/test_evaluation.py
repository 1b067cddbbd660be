"""The floors of issue #11 on the real-article corpus (benchmarks/corpus): a regression fails here.

benchmarks/evaluate.py prints the same figures against their targets; the floors below are the
targets where they are met, and today's figure where they are not (labelled disagreements shown).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVALUATE = Path(__file__).resolve().parent.parent / "benchmarks" / "evaluate.py"

FLOORS = {
    "grouping precision": 0.97,
    "grouping recall": 0.95,
    "faithful items kept": 0.99,
    "corrupted quotes caught": 0.99,
    "corrupted figures caught": 0.95,
    "corrupted names caught": 0.95,
    "corrupted speakers caught": 0.95,
    # The target is every one (1.0); figures, days, quotations and spellings are shown, facts
    # without a figure or a day are not yet (13 of 23).
    "disagreements shown": 13 / 23,
}


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_evaluation", EVALUATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    return _load().evaluate()


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_the_corpus_figure_holds_its_floor(report, figure):
    value, detail = report.figures[figure]
    misses = [m for m in report.misses if not m.startswith("(")]
    assert value >= FLOORS[figure] - 1e-9, f"{figure}: {value:.3f} ({detail})\n" + "\n".join(misses)


def test_reports_differ_shows_nothing_the_labels_do_not_name(report):
    assert report.unlabelled == []


def test_every_event_of_the_corpus_is_one_story(report):
    _, detail = report.figures["grouping recall"]
    assert "15 stories for 15 events" in detail
