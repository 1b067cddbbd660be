"""The command line, run as a user runs it: exit statuses, messages, files, and the examples' brief."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.cli import EXIT_FAILURES, EXIT_OK, EXIT_STOPPED, EXIT_USAGE, main
from summarizer.models import Brief
from summarizer.render import escape_markdown

from .conftest import EXAMPLES, ROOT
from .llm_server import status

EXAMPLES_CASSETTE = ROOT / "cassettes" / "examples" / "brief.yaml"


def command() -> list[str]:
    """The installed console script when there is one beside this Python, else `python -m summarizer`."""
    script = Path(sys.executable).parent / "summarizer"
    return [str(script)] if script.exists() else [sys.executable, "-m", "summarizer"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return subprocess.run([*command(), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture
def examples_cassette(recording: bool, cassette_args: Callable[..., list[str]]) -> Path:
    """The cassette of the README's first command; (re-)recorded with the rest when recording."""
    if recording:
        assert main(["brief", str(EXAMPLES), "-q", "-o", os.devnull, *cassette_args(EXAMPLES_CASSETTE)]) == 0
    return EXAMPLES_CASSETTE


def test_the_readme_command_makes_a_brief_from_the_examples_with_no_key(examples_cassette, tmp_path):
    out = tmp_path / "brief.md"
    result = run("brief", str(EXAMPLES), "--cassette", str(examples_cassette), "-o", str(out))
    assert result.returncode == EXIT_OK, result.stderr
    brief = out.read_text()
    assert brief.startswith("# News brief\n")
    assert "from 2 articles (CNA, LBC)" in brief
    assert "### Key points" in brief and "### Quotes" in brief
    progress = result.stderr.splitlines()
    assert sum(line.startswith(("[1/2] done", "[2/2] done")) for line in progress) == 2
    assert progress[-1].startswith("2 summarised, 0 not summarised, 1 story; this run: 2 requests, ")
    assert progress[-1].endswith(f"; written to {out}")


def test_the_same_cassette_gives_the_same_bytes_every_run(examples_cassette, tmp_path):
    outputs = []
    for name in ("one.md", "two.md"):
        assert (
            main(
                [
                    "brief",
                    str(EXAMPLES),
                    "-q",
                    "--cassette",
                    str(examples_cassette),
                    "-o",
                    str(tmp_path / name),
                ]
            )
            == 0
        )
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_the_installed_command_works_from_another_directory(examples_cassette, tmp_path):
    result = run("brief", str(EXAMPLES), "-q", "--cassette", str(examples_cassette), cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout.startswith("# News brief")
    assert result.stderr == ""


def test_json_format_prints_the_brief_model(examples_cassette, capsys):
    assert (
        main(["brief", str(EXAMPLES), "-q", "--format", "json", "--cassette", str(examples_cassette)])
        == EXIT_OK
    )
    brief = Brief.model_validate(json.loads(capsys.readouterr().out))
    assert {ref.source for ref in brief.sources} == {"CNA", "LBC"}
    assert brief.usage.requests == 2


def test_an_unreadable_input_is_listed_and_the_rest_is_still_briefed(examples_cassette, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    out = tmp_path / "brief.md"
    code = main(
        ["brief", str(EXAMPLES), str(empty), "-q", "--cassette", str(examples_cassette), "-o", str(out)]
    )
    assert code == EXIT_FAILURES
    brief = out.read_text()
    assert "1 input was not summarised" in brief
    assert f"- {escape_markdown(str(empty))}: unreadable: empty: no article text" in brief
    assert "(CNA, LBC)" in brief


def test_no_key_and_no_cassette_is_one_clear_line_and_a_usage_status():
    result = run("brief", str(EXAMPLES))
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip().count("\n") == 0
    assert "OPENAI_API_KEY" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "x.txt", "--record"], "--record needs --cassette"),
        (["brief", "x.txt", "--cassette", "/nonexistent/c.yaml"], "no cassette at /nonexistent/c.yaml"),
    ],
)
def test_usage_errors_say_what_to_fix(args, message, capsys):
    assert main(args) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_bad_option_values_are_usage_errors(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["brief", "x.txt", "--concurrency", "0"])
    assert caught.value.code == EXIT_USAGE


def test_a_rejected_key_stops_the_run_and_lists_every_article(cassette_args, tmp_path):
    cassette = ROOT / "cassettes" / "test_cli" / "rejected_key.yaml"
    denied = status(401, "Incorrect API key provided: sk-proj-****1234.", "invalid_request_error")
    out = tmp_path / "brief.md"
    args = ["brief", str(EXAMPLES), "--concurrency", "1", "-o", str(out), *cassette_args(cassette, denied)]
    code = main(args)
    assert code == EXIT_STOPPED
    brief = out.read_text()
    assert "2 inputs were not summarised" in brief
    assert "access denied: HTTP 401" in brief
    assert "not summarised: the run stopped" in brief


def test_schema_prints_the_strict_briefing_schema(capsys):
    assert main(["schema"]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"headline", "summary", "key_points", "quotes", "timeline", "what_next"}
    assert all("description" in prop for prop in schema["$defs"]["Quote"]["properties"].values())


def test_summarize_merge_render_compose_to_the_same_brief(examples_cassette, tmp_path):
    records, brief_json, rendered, whole = (tmp_path / n for n in ("b.jsonl", "brief.json", "b.md", "w.md"))
    cassette = ["--cassette", str(examples_cassette)]
    assert main(["summarize", str(EXAMPLES), "-q", "-o", str(records), *cassette]) == EXIT_OK
    assert len(records.read_text().splitlines()) == 2
    assert main(["merge", str(records), "-o", str(brief_json)]) == EXIT_OK
    assert main(["render", str(brief_json), "-o", str(rendered)]) == EXIT_OK
    assert main(["brief", str(EXAMPLES), "-q", "-o", str(whole), *cassette]) == EXIT_OK
    assert rendered.read_bytes() == whole.read_bytes()


def test_merge_lists_a_corrupt_record_and_merges_the_rest(examples_cassette, tmp_path, capsys):
    records = tmp_path / "b.jsonl"
    assert (
        main(["summarize", str(EXAMPLES), "-q", "-o", str(records), "--cassette", str(examples_cassette)])
        == 0
    )
    records.write_text(records.read_text() + '{"ref": "broken"\n')
    assert main(["merge", str(records)]) == EXIT_FAILURES
    brief = Brief.model_validate_json(capsys.readouterr().out)
    assert len(brief.sources) == 2 and brief.failures[0].origin == f"{records}:3"


def test_the_date_window_leaves_articles_out_and_says_how_many(examples_cassette, tmp_path):
    out = tmp_path / "b.md"
    args = [
        "brief",
        str(EXAMPLES),
        "--cassette",
        str(examples_cassette),
        "--since",
        "2025-08-07",
        "-o",
        str(out),
    ]
    result = run(*args)
    assert result.returncode == EXIT_OK, result.stderr
    assert "0 summarised, 0 not summarised, 2 left out by --since/--until" in result.stderr
    assert "0 stories from 0 articles" in out.read_text()


HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> https://evil.example"
)


def test_html_output_is_safe_to_drop_into_a_page(tmp_path):
    from .builders import make

    item = make(
        "Evil", HOSTILE, [HOSTILE], quotes=[(HOSTILE, "X")], url="https://outlet.example/a", title=HOSTILE
    )
    brief_json = tmp_path / "brief.json"
    brief_json.write_text(render_brief_json(item))
    out = tmp_path / "brief.html"
    assert main(["render", str(brief_json), "--format", "html", "-o", str(out)]) == EXIT_OK
    html = out.read_text()
    assert html.startswith('<article class="summarizer-brief">')
    assert "<script" not in html and "<img" not in html  # article text can carry no raw HTML
    assert "&lt;script&gt;" in html  # shown as text, not run
    hrefs = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert hrefs == ["https://outlet.example/a"]  # the article's own URL, nothing else


def render_brief_json(item: object) -> str:
    from summarizer.merge import merge_briefings

    return merge_briefings([item]).model_dump_json()  # type: ignore[list-item]


def test_a_users_template_renders_in_a_sandbox(examples_cassette, tmp_path, capsys):
    template = tmp_path / "slack.txt"
    template.write_text(
        "{% for story in brief.stories %}*{{ story.headline }}* ({{ story.sources | length }})\n{% endfor %}"
    )
    args = ["brief", str(EXAMPLES), "-q", "--cassette", str(examples_cassette), "--template", str(template)]
    assert main(args) == EXIT_OK
    assert capsys.readouterr().out.endswith("(2)\n")
    evil = tmp_path / "evil.txt"
    evil.write_text("{{ brief.__class__.__mro__[1].__subclasses__() }}")
    assert main([*args[:-1], str(evil)]) == EXIT_USAGE
    assert "unsafe" in capsys.readouterr().err


def test_schema_brief_prints_the_brief_models_schema(capsys):
    assert main(["schema", "brief"]) == EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Brief" and {"stories", "sources", "failures"} <= set(schema["properties"])
