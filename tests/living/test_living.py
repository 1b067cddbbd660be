"""The living brief: stories marked new, updated or unchanged against the previous brief, with ids that
last from run to run; measured on the labelled sequence of benchmarks/fresh-a."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from datetime import datetime
from types import ModuleType

import pytest

from summarizer.disagree import TOLLS
from summarizer.errors import UsageError
from summarizer.living import (
    changes_only,
    kept_for_next,
    mark_changes,
    match_stories,
    read_previous,
    recall,
    remember,
)
from summarizer.living.figures import figure_changes
from summarizer.living.tolls import TOLL_WORDS, story_places, tolls
from summarizer.merge.assemble import merge_briefings
from summarizer.models import Brief, Failure, NewsEvent, Point, SourceRef, Story, story_id
from summarizer.output.render import render_brief
from summarizer.store import FileStore, SQLiteStore
from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
FRESH_A = BENCHMARKS / "fresh-a"


def _benchmark() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("living_benchmark", BENCHMARKS / "living.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def benchmark() -> ModuleType:
    return _benchmark()


@pytest.fixture(scope="module")
def sequence(benchmark: ModuleType) -> dict[str, Brief]:
    return dict(benchmark.run_sequence(FRESH_A))


# --- the labelled sequence -------------------------------------------------------------------------------


def test_every_status_and_changed_figure_of_the_fresh_a_sequence_matches_its_labels(benchmark):
    ok, lines = benchmark.check(FRESH_A)
    assert ok, "\n".join(lines)


@pytest.mark.parametrize("style", ["attributive", "terse", "titled"])
def test_every_status_holds_in_each_model_style(benchmark, style):
    _, lines = benchmark.check(FRESH_A, style)
    wrong = [line for line in lines if "! status" in line or "FAIL mx-" in line or "FAIL fed-" in line]
    assert not wrong, "\n".join(lines)


def test_a_story_keeps_its_id_whatever_order_its_articles_come_in(benchmark):
    items = benchmark.load_items(FRESH_A, "plain")
    runs = json.loads((FRESH_A / "sequence.json").read_text())["runs"]
    marked = []
    for seed in (1, 2):
        rng, previous, ids = random.Random(seed), None, []
        for run in runs:
            chosen = [items[aid] for aid in run["articles"]]
            rng.shuffle(chosen)
            previous = mark_changes(merge_briefings(chosen), previous, briefings=chosen)
            ids.append(sorted((s.id, s.change.status if s.change else "") for s in previous.stories))
        marked.append(ids)
    assert marked[0] == marked[1]


def test_a_story_no_longer_reported_is_listed_once(sequence):
    gone = [[g.headline for g in brief.changes.no_longer_reported] for brief in sequence.values()]
    assert gone[4] == ["Mexico earthquake death toll rises to 90"]  # day5: the Chiapas quake
    assert gone[5:] == [[], [], [], []]


def test_a_figure_change_says_who_reported_each_value_and_when(sequence):
    story = next(s for s in sequence["day3"].stories if s.change and s.change.figures)
    dead = next(f for f in story.change.figures if f.fact == "dead")
    assert (dead.old.value, dead.old.sources, dead.old.published) == (
        "61",
        ["Europe 1"],
        datetime(2017, 9, 9),
    )
    assert (dead.new.value, dead.new.sources, dead.new.published) == (
        "90",
        ["BBSNews (WPLG)"],
        datetime(2017, 9, 10),
    )


# --- ids, joins and splits -------------------------------------------------------------------------------


def _story(*articles: str, headline: str = "Floods in Riverton", text: str = "Floods hit Riverton.") -> Story:
    return Story(
        headline=headline,
        summary=text,
        sources=[SourceRef(article_id=a, source=f"Outlet {a}", origin=a) for a in articles],
        key_points=[{"text": text, "sources": [f"Outlet {a}" for a in articles]}],
        quotes=[],
        entities=[],
        timeline=[],
        what_next=[],
        topics=[],
    )


def test_a_new_story_is_named_by_its_articles_in_any_order():
    assert _story("a", "b").id == _story("b", "a").id == story_id(["a", "b"]) != _story("a").id


def test_stories_that_join_keep_the_id_of_the_one_they_hold_most_of_and_say_which_they_continue():
    previous = [_story("a", "b"), _story("c")]
    joined = [_story("a", "b", "c")]
    match = match_stories(previous, joined)
    assert match.ids == [previous[0].id] and match.continues == [[0, 1]] and match.dropped == []
    brief = mark_changes(
        Brief(stories=joined, sources=[], failures=[]), Brief(stories=previous, sources=[], failures=[])
    )
    change = brief.stories[0].change
    assert change.status == "updated" and change.continues == [previous[0].id, previous[1].id]


def test_a_story_that_splits_keeps_its_id_in_the_larger_part_and_the_other_part_continues_it():
    previous = [_story("a", "b", "c")]
    parts = [_story("a", "b"), _story("c", headline="Other", text="Something else entirely.")]
    brief = mark_changes(
        Brief(stories=parts, sources=[], failures=[]), Brief(stories=previous, sources=[], failures=[])
    )
    kept, split = brief.stories
    assert kept.id == previous[0].id and split.id != previous[0].id
    assert split.change.continues == [previous[0].id] and split.change.status == "updated"
    assert "Split from a story of the last brief" in render_brief(brief)


def test_a_story_told_in_other_words_by_other_outlets_is_matched_by_its_event(benchmark):
    items = benchmark.load_items(FRESH_A, "plain")
    before = [items["mx17b-wusa9"]]
    after = [items["mx17b-queretaro"]]
    previous = mark_changes(merge_briefings(before), None, briefings=before)
    marked = mark_changes(merge_briefings(after), previous, briefings=after)
    assert marked.stories[0].id == previous.stories[0].id and marked.stories[0].change.status == "updated"


def test_two_earthquakes_twelve_days_apart_are_not_one_story(benchmark):
    items = benchmark.load_items(FRESH_A, "plain")
    before, after = [items["mx17a-bbsnews"]], [items["mx17b-cbssf"]]
    previous = mark_changes(merge_briefings(before), None, briefings=before)
    marked = mark_changes(merge_briefings(after), previous, briefings=after)
    assert marked.stories[0].change.status == "new"
    assert [g.id for g in marked.changes.no_longer_reported] == [previous.stories[0].id]


# --- what counts as changed --------------------------------------------------------------------------------


def test_tolls_are_read_with_the_place_each_counts():
    places, general = story_places(
        [
            _story("a").model_copy(
                update={"event": NewsEvent(what="quake", where="Raboso, Puebla, Mexico", when=None)}
            )
        ]
    )
    text = "Puente said 55 died in Puebla, 49 in Mexico City and 10 in Mexico State; 22 died at a school."
    places[("mexico", "city")] = "Mexico City"
    found = [(f.measure, f.place, f.shown) for f in tolls(text, places, general)]
    assert found == [
        ("dead", "Puebla", "55"),
        ("dead", "Mexico City", "49"),
        ("dead", "State of Mexico", "10"),
    ]
    quake = (
        "The death toll from the quake that struck Mexico City rose to at least 273 as the search went on."
    )
    assert [(f.place, f.shown) for f in tolls(quake, places, general)] == [("", "at least 273")]
    assert list(tolls("The magnitude 7.1 quake hit 70 miles away.", places, general)) == []


def test_the_tolls_read_are_the_ones_reports_differ_on():
    assert set(TOLL_WORDS.values()) == TOLLS


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # money, a projection and a venue are no tolls
        ("Families of the dead will each receive one million rubles ($15,300).", []),
        ("The WHO said the toll could rise to 20,000; 7,200 have died so far.", [("", "7,200")]),
        ("22 died at a school in Mexico City.", []),
        # places named together count the whole toll; where the quake struck scopes nothing
        ("Two quakes in Turkey and Syria killed more than 28,000 people.", [("", "more than 28,000")]),
        (
            "The toll from the quake that struck eastern Turkey and neighbouring Syria rose past 7,200.",
            [("", "past 7,200")],
        ),
        ("The governor of Oaxaca said 71 people had died in his state.", [("Oaxaca", "71")]),
        ("At least 273 dead; 137 in Mexico City.", [("", "at least 273"), ("Mexico City", "137")]),
    ],
)
def test_what_a_toll_is_and_where_it_counts(text, found):
    places = {
        ("mexico", "city"): "Mexico City",
        ("oaxaca",): "Oaxaca",
        ("turkey",): "Turkey",
        ("syria",): "Syria",
    }
    assert [(f.place, f.shown) for f in tolls(text, places, frozenset())] == found


def test_a_later_lower_toll_is_an_outlet_behind_the_news_not_a_change():
    def story(article: str, outlet: str, day: str, text: str) -> Story:
        ref = SourceRef(
            article_id=article, source=outlet, origin=article, published=datetime.fromisoformat(day)
        )
        return _story(article).model_copy(
            update={"sources": [ref], "key_points": [Point(text=text, sources=[outlet])]}
        )

    before = story("a", "Wire", "2016-11-19", "The derailment killed at least 115 people.")
    behind = story("b", "Radio", "2016-11-20", "The derailment killed at least 45 people.")
    ahead = story("c", "Daily", "2016-11-21", "The derailment killed 142 people.")
    assert figure_changes([before], behind, {"Radio"}) == []
    [change] = figure_changes([before, behind], ahead, {"Daily"})
    assert (change.old.value, change.new.value) == ("at least 115", "142")


def test_reports_of_articles_already_in_the_previous_brief_change_nothing(sequence):
    # day4: the Chiapas quake's one remaining article was in day3's brief; the older ones left the window.
    story = next(s for s in sequence["day4"].stories)
    assert story.change.status == "unchanged" and story.change.figures == []


def test_changes_only_keeps_the_new_and_updated_stories_and_counts_the_rest(sequence):
    brief = changes_only(sequence["day3"])
    assert [s.change.status for s in brief.stories] == ["updated"]
    assert brief.changes.unchanged_left_out == 1
    assert {ref.article_id for ref in brief.sources} == {"mx17a-europe1", "mx17a-bbsnews"}
    assert "1 unchanged story is not shown." in render_brief(brief)


def test_the_markdown_and_the_page_show_what_changed(sequence):
    markdown = render_brief(sequence["day3"])
    assert "**Updated:** [Mexico earthquake death toll rises to 90]" in markdown
    assert "- Dead: 61 (Europe 1, 9 Sep) → **90** (BBSNews, 10 Sep)" in markdown
    assert "- New outlet: BBSNews" in markdown
    assert "*Unchanged since the last brief.*" in markdown
    page = render_brief(sequence["day3"], "html", standalone=True)
    assert "Dead in Oaxaca: 46 (Europe 1, 9 Sep) → <strong>71</strong> (BBSNews, 10 Sep)" in page
    gone = render_brief(sequence["day5"])
    assert (
        "## No longer reported\n\n- Mexico earthquake death toll rises to 90 *(BBSNews; last 10 Sep)*" in gone
    )


def test_a_brief_not_compared_shows_no_marks(benchmark):
    items = list(benchmark.load_items(FRESH_A, "plain").values())[:3]
    brief = merge_briefings(items)
    assert render_brief(brief) == render_brief(brief.model_copy(update={"changes": None}))
    assert "since the last brief" not in render_brief(brief)


# --- the previous brief, kept and read ---------------------------------------------------------------------


def test_a_brief_of_an_older_version_without_ids_and_marks_is_read_and_matched(sequence, tmp_path):
    old = json.loads(sequence["day5"].model_dump_json())
    for story in old["stories"]:
        for key in ("id", "event", "change"):
            del story[key]
    del old["changes"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    previous = read_previous(path)
    assert previous.stories[0].id == story_id(["mx17b-cbssf"])  # made from its articles
    marked = mark_changes(sequence["day6"], previous)
    assert marked.stories[0].id == previous.stories[0].id and marked.stories[0].change.status == "updated"


def test_a_previous_brief_this_version_cannot_read_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"stories": [{"headline": 3}], "sources": [], "failures": []}')
    with pytest.raises(UsageError) as error:
        read_previous(bad)
    assert "\n" not in str(error.value) and "bad.json is not a brief as JSON" in str(error.value)
    with pytest.raises(UsageError, match="cannot read the previous brief"):
        read_previous(tmp_path / "missing.json")


@pytest.mark.parametrize("kind", ["file", "sqlite"])
def test_the_store_keeps_the_last_brief_of_each_output(sequence, tmp_path, kind):
    store = FileStore(tmp_path / "cache") if kind == "file" else SQLiteStore(str(tmp_path / "cache.db"))
    assert recall(store, "/out/brief.md") == (None, None)
    remember(store, "/out/brief.md", sequence["day1"])
    remember(store, "/out/brief.md", sequence["day2"])
    remember(store, "/out/other.md", sequence["day5"])
    assert recall(store, "/out/brief.md") == (sequence["day2"], None)
    assert recall(store, "/out/other.md") == (sequence["day5"], None)


def test_a_kept_brief_this_version_cannot_read_is_set_aside_in_one_line(sequence, tmp_path):
    from summarizer.living.memory import Remembered, _key

    store = FileStore(tmp_path / "cache")
    store.put(
        _key("/out/brief.md"),
        Remembered(tool="summarizer 9.0", output="x", written=datetime(2030, 1, 1), brief={"stories": 1}),
    )
    brief, warning = recall(store, "/out/brief.md")
    assert brief is None and "written by summarizer 9.0" in warning and "\n" not in warning


def _writer(kind: str, where: str, output: str, brief_json: str, rounds: int) -> None:
    store = FileStore(where) if kind == "file" else SQLiteStore(where)
    brief = Brief.model_validate_json(brief_json)
    for _ in range(rounds):
        remember(store, output, brief)
        found, warning = recall(store, output)
        assert warning is None and found is not None


@pytest.mark.parametrize("kind", ["file", "sqlite"])
def test_two_processes_keeping_briefs_for_the_same_output_at_once_leave_one_whole(sequence, tmp_path, kind):
    import multiprocessing

    where = str(tmp_path / ("cache" if kind == "file" else "cache.db"))
    briefs = [sequence["day2"], sequence["day6"]]
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_writer, args=(kind, where, "/out/brief.md", brief.model_dump_json(), 40))
        for brief in briefs
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    store = FileStore(where) if kind == "file" else SQLiteStore(where)
    found, warning = recall(store, "/out/brief.md")
    assert warning is None and found in briefs


@pytest.mark.parametrize(
    ("example", "options"),
    [
        ("living-before.md", ["before"]),
        ("living-before.html", ["before", "format=html", "standalone=1"]),
        ("living-after.md", ["after"]),
        ("living-after.html", ["after", "format=html", "standalone=1"]),
    ],
)
def test_the_docs_example_of_an_updated_story_is_what_the_script_writes(tmp_path, example, options):
    import subprocess

    docs = BENCHMARKS.parent / "docs"
    out = tmp_path / example
    subprocess.run([sys.executable, str(docs / "make_living.py"), str(out), *options], check=True)
    assert out.read_text(encoding="utf-8") == (docs / example).read_text(encoding="utf-8"), (
        f"docs/{example} is stale: regenerate it with docs/make_living.py"
    )


def test_a_toll_that_rose_over_the_days_is_a_progression_and_not_a_new_disagreement():
    after = (BENCHMARKS.parent / "docs" / "living-after.md").read_text(encoding="utf-8")
    assert "### Over the days\n\n- 36 (Raw Story, 10 Aug) → 67 (Brisbane Times, 12 Aug) → **89**" in after
    assert "Newly reported differently" not in after


def test_a_story_whose_articles_failed_this_time_is_not_gone_and_is_kept_for_the_next_run(
    benchmark, sequence
):
    items = benchmark.load_items(FRESH_A, "plain")
    today = [items["mx17a-europe1"], items["mx17a-bbsnews"]]
    failed = [
        Failure(
            origin=f"articles/{aid}.md", article_id=aid, kind="not summarised", reason="the budget was spent"
        )
        for aid in ("fed23a-urdupoint", "fed23a-sentinel")
    ]
    marked = mark_changes(merge_briefings(today, failed), sequence["day2"], briefings=today)
    assert marked.changes.no_longer_reported == []
    kept = kept_for_next(marked, sequence["day2"])
    fed = next(s for s in sequence["day2"].stories if s.sources[0].article_id.startswith("fed"))
    assert [s.id for s in kept.stories] == [*(s.id for s in marked.stories), fed.id]
    assert {ref.article_id for ref in fed.sources} <= {ref.article_id for ref in kept.sources}
