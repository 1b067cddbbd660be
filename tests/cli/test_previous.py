"""The living brief from the command line, run after run against the simulator: the previous brief kept
in the store per output, --previous, --no-previous, --changes-only and its exit status, two runs at once."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from summarizer.cli import EXIT_OK, EXIT_UNCHANGED, EXIT_USAGE, main
from summarizer.living import output_name, recall
from summarizer.models import Brief
from summarizer.store import FileStore, SQLiteStore
from tests.cli.test_app import command
from tests.conftest import TEST_KEY
from tests.fake import FakeEndpoint

pytestmark = pytest.mark.simulator(latency=0.001)

FLOODS_MONDAY = """---
source: Riverton Herald
published: 2025-03-10
---
Floods in Riverton killed 12 people on Monday, officials said. The Riverton river burst its banks after
three days of heavy rain across the valley, and rescue teams worked through the night to reach families
stranded on rooftops. Emergency shelters opened in two schools on the edge of town. The mayor said the
water would take days to recede and asked residents to stay away from the river. Roads to the north of
the valley stayed closed.
"""

FLOODS_TUESDAY = """---
source: Valley News
published: 2025-03-11
---
The death toll from the Riverton floods rose to 19 on Tuesday, officials said. The Riverton river burst its
banks after three days of heavy rain across the valley, and rescue teams still worked to reach families
stranded on rooftops. Emergency shelters in two schools took in more than four hundred people. The mayor
said the water would take days to recede and asked residents to stay away from the river. Roads to the
north of the valley stayed closed.
"""

BUDGET = """---
source: City Times
published: 2025-03-10
---
The Northwick council approved its annual budget on Monday after a long debate over library opening hours.
Councillors voted to keep all four branch libraries open on Saturdays and to delay the new parking scheme
by a year. The treasurer said the budget was balanced without raising the local tax. The opposition said
the parking delay would cost the town its share of a regional transport grant next spring. The next
council meeting is in April.
"""


@pytest.fixture
def environment(simulator: FakeEndpoint, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    return ["--base-url", simulator.base_url, "--concurrency", "2"]


def _articles(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def test_the_second_run_on_an_output_marks_what_changed_since_the_first(environment, tmp_path, capsys):
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY, budget=BUDGET)
    out = tmp_path / "brief.md"
    assert main(["brief", str(day), "-o", str(out), *environment]) == EXIT_OK
    first = capsys.readouterr().err
    assert "; no previous brief for brief.md yet: this one is kept for the next run" in first
    assert "Since" not in out.read_text() and "since the last brief" not in out.read_text()

    _articles(day, floods_tuesday=FLOODS_TUESDAY)
    assert main(["brief", str(day), "-o", str(out), *environment]) == EXIT_OK
    second = capsys.readouterr().err
    assert "no previous brief" not in second
    assert "since the last brief written to brief.md: 0 new, 1 updated, 1 unchanged" in second
    text = out.read_text()
    assert "Since the last brief written to brief.md: 1 updated, 1 unchanged." in text
    assert "- Dead in Riverton: 12 (Riverton Herald, 10 Mar) → **19** (Valley News, 11 Mar)" in text
    assert "- New outlet: Valley News" in text


def test_changes_only_writes_the_changes_and_exits_5_when_there_are_none(environment, tmp_path, capsys):
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY, budget=BUDGET)
    out = tmp_path / "alert.md"
    assert main(["brief", str(day), "-o", str(out), "--changes-only", *environment]) == EXIT_OK  # all new
    assert "Floods in Riverton" in out.read_text()
    assert main(["brief", str(day), "-o", str(out), "--changes-only", *environment]) == EXIT_UNCHANGED
    assert "2 unchanged stories are not shown." in out.read_text()
    _articles(day, floods_tuesday=FLOODS_TUESDAY)
    assert main(["brief", str(day), "-o", str(out), "--changes-only", *environment]) == EXIT_OK
    alert = out.read_text()
    assert "**Updated** since the last brief" in alert and "Northwick" not in alert
    assert "1 unchanged story is not shown." in alert
    (day / "budget.md").unlink()
    assert main(["brief", str(day), "-o", str(out), "--changes-only", *environment]) == EXIT_UNCHANGED
    assert "## No longer reported" in out.read_text()  # listed, though it is nothing to send


def test_previous_names_a_brief_and_no_previous_starts_fresh(environment, tmp_path, capsys):
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY)
    monday = tmp_path / "monday.json"
    assert main(["brief", str(day), "-o", str(monday), *environment]) == EXIT_OK
    _articles(day, floods_tuesday=FLOODS_TUESDAY)
    out = tmp_path / "tuesday.md"
    assert main(["brief", str(day), "-o", str(out), "--previous", str(monday), *environment]) == EXIT_OK
    assert f"Since {monday}: 1 updated." in out.read_text().replace("\\", "")
    assert main(["brief", str(day), "-o", str(out), "--no-previous", *environment]) == EXIT_OK
    assert "Since" not in out.read_text()
    capsys.readouterr()
    assert main(["brief", str(day), "-o", str(out), *environment]) == EXIT_OK  # --no-previous's was kept
    assert "Unchanged since the last brief" in out.read_text()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--previous", "missing.json"], "cannot read the previous brief missing.json"),
        (["--previous", "bad.json"], "bad.json is not a brief as JSON that summarizer"),
        (["--previous", "bad.json", "--no-previous"], "give --previous FILE or --no-previous, not both"),
        (["--changes-only", "--no-cache"], "--changes-only needs the previous brief: the cache is off"),
    ],
)
def test_a_previous_brief_that_cannot_be_had_is_one_line_before_any_request(
    environment, simulator, tmp_path, monkeypatch, capsys, args, says
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.json").write_text('{"stories": "none"}')
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY)
    assert main(["brief", str(day), "-o", "out.md", *args, *environment]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert sum(simulator.stats.requests.values()) == 0


def test_a_brief_to_standard_output_is_remembered_by_its_inputs(environment, tmp_path, capsys):
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY)
    assert main(["brief", str(day), *environment]) == EXIT_OK
    _articles(day, floods_tuesday=FLOODS_TUESDAY)
    assert main(["brief", str(day), *environment]) == EXIT_OK  # other inputs: another memory
    assert main(["brief", str(day), *environment]) == EXIT_OK
    assert "Unchanged since the last brief" in capsys.readouterr().out.split("<!-- generated")[-1]


@pytest.mark.parametrize("store", ["file", "sqlite"])
def test_two_runs_at_once_on_the_same_output_leave_a_whole_previous_brief(simulator, tmp_path, store):
    """Two processes write the same output and its previous brief at the same moment, twice over:
    each run ends well, and what the store keeps is one of their briefs, whole."""
    cache = f"sqlite:{tmp_path / 'cache.db'}" if store == "sqlite" else f"file:{tmp_path / 'cache'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["OPENAI_API_KEY"] = TEST_KEY
    out = tmp_path / "brief.json"
    inputs = [
        _articles(tmp_path / "a", floods=FLOODS_MONDAY, budget=BUDGET),
        _articles(tmp_path / "b", floods=FLOODS_MONDAY, tuesday=FLOODS_TUESDAY),
    ]
    base = ["brief", "-q", "-o", str(out), "--cache", cache, "--base-url", simulator.base_url]
    for _ in range(2):
        runs = [
            subprocess.Popen([*command(), *base, str(folder)], env=env, stderr=subprocess.PIPE, text=True)
            for folder in inputs
        ]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [EXIT_OK, EXIT_OK], errors
        assert not any("warning" in error or "Traceback" in error for error in errors), errors
    kept = FileStore(tmp_path / "cache") if store == "file" else SQLiteStore(str(tmp_path / "cache.db"))
    brief, warning = recall(kept, output_name(str(out)))
    assert warning is None and brief is not None
    assert {len(brief.stories)} <= {1, 2} and Brief.model_validate_json(out.read_text()).stories


def test_the_batch_path_marks_its_brief_at_collect_time(tmp_path, capsys):
    from summarizer import Settings
    from summarizer.batch import FileTransport, batch_brief, collect, submit
    from summarizer.sources.ingest import read_articles
    from tests.batch_tools import run_batch
    from tests.conftest import FAST
    from tests.synthetic import write_articles

    settings = Settings(cache_dir=tmp_path / "cache", retry=FAST)
    write_articles(tmp_path / "today", 3)
    first_in = FileTransport(tmp_path / "in1", [tmp_path / "out1.jsonl"])
    submit(read_articles([tmp_path / "today"]).articles, transport=first_in, settings=settings)
    run_batch(next((tmp_path / "in1").glob("*.jsonl")), tmp_path / "out1.jsonl")
    collect(transport=first_in, settings=settings)
    first = batch_brief(settings=settings)
    assert all(story.change is None and story.event is None for story in first.stories)

    write_articles(tmp_path / "today", 2, start=3)
    second_in = FileTransport(tmp_path / "in2", [tmp_path / "out2.jsonl"])
    submit(read_articles([tmp_path / "today"]).articles, transport=second_in, settings=settings)
    run_batch(next((tmp_path / "in2").glob("*.jsonl")), tmp_path / "out2.jsonl")
    out = tmp_path / "brief.md"
    results = [
        "--transport",
        "file",
        "--input-dir",
        str(tmp_path / "in2"),
        "--results",
        str(tmp_path / "out2.jsonl"),
    ]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert (
        main(
            ["batch", "collect", *results, *cache, "-o", str(out), "--previous", str(_json(tmp_path, first))]
        )
        == 0
    )
    assert "0 new, 1 updated, 0 unchanged" in capsys.readouterr().err  # the generated articles are one story
    second = batch_brief(settings=settings, previous=first)
    [story] = second.stories
    assert story.id == first.stories[0].id and story.change is not None and story.change.status == "updated"
    assert story.change.new_outlets == ["Gazette 3", "Gazette 4"]
    assert main(["batch", "collect", *results, *cache, "-o", str(out), "--changes-only"]) == EXIT_UNCHANGED


def _json(folder: Path, brief: Brief) -> Path:
    path = folder / "previous.json"
    path.write_text(brief.model_dump_json())
    return path


def test_make_brief_marks_against_a_previous_brief_given_as_a_brief_or_a_path(simulator, tmp_path):
    from summarizer import Settings, make_brief
    from tests.conftest import FAST

    settings = Settings(
        base_url=simulator.base_url, api_key=TEST_KEY, cache_dir=tmp_path / "cache", retry=FAST
    )
    day = _articles(tmp_path / "in", floods=FLOODS_MONDAY, budget=BUDGET)
    first = make_brief(day, settings=settings).brief
    assert all(story.change is None for story in first.stories) and first.changes is None
    _articles(day, floods_tuesday=FLOODS_TUESDAY)
    later = make_brief(day, settings=settings, previous=first).brief
    assert sorted(s.change.status for s in later.stories if s.change) == ["unchanged", "updated"]
    assert {s.id for s in later.stories} == {s.id for s in first.stories}
    path = tmp_path / "first.json"
    path.write_text(first.model_dump_json())
    again = make_brief(day, settings=settings, previous=path).brief
    assert again.stories == later.stories and again.changes.previous.origin == str(path)
