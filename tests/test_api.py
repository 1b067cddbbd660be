"""The public API is exactly what __init__ exports, sorted; its names are imported when first used."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import types
from pathlib import Path

import pytest

import summarizer


def test_all_is_sorted_and_is_exactly_the_public_names():
    public = {
        name
        for name in dir(summarizer)
        if not name.startswith("_") and not isinstance(getattr(summarizer, name), types.ModuleType)
    }
    assert sorted(summarizer.__all__) == summarizer.__all__
    assert set(summarizer.__all__) == public


def test_every_public_name_is_the_api_modules_own_and_there_are_few():
    api = importlib.import_module("summarizer.api")
    assert api.__all__ == summarizer.__all__
    assert 15 <= len(summarizer.__all__) <= 25  # a public API a user can hold in their head
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is getattr(api, name), name


def test_type_checkers_see_the_same_names_from_the_api_module():
    """The TYPE_CHECKING imports (what mypy and IDEs read) and __all__ must not drift apart."""
    tree = ast.parse(Path(summarizer.__file__).read_text())
    [block] = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "typing.TYPE_CHECKING"
    ]
    seen = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == dict.fromkeys(summarizer.__all__, "api")


def test_an_article_made_in_code_needs_only_its_text_and_outlet():
    article = summarizer.Article(text="Rescuers reached the village on Sunday.", source="CNA")
    again = summarizer.Article(text="Rescuers reached the village on Sunday.", source="LBC")
    assert article.id == again.id and len(article.id) == 16  # the same text, the same id (and cache key)
    assert article.id != summarizer.Article(text="Another story.").id
    assert article.origin == "<memory>" and article.source == "CNA"


def test_a_misspelt_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="Breif"):
        _ = summarizer.Breif  # type: ignore[attr-defined]


def test_importing_the_package_imports_none_of_the_heavy_libraries():
    code = "import sys, summarizer; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not loaded & {
        "openai",
        "httpx2",
        "pydantic",
        "jinja2",
        "lxml",
        "trafilatura",
        "feedparser",
        "yaml",
    }


def test_every_exported_error_descends_from_summarizer_error():
    errors = [getattr(summarizer, name) for name in summarizer.__all__ if name.endswith(("Error", "Denied"))]
    assert errors and all(issubclass(error, summarizer.SummarizerError) for error in errors)


def test_load_records_takes_one_path_as_a_str_or_a_path_like_make_brief(tmp_path):
    from summarizer import dump_records, load_records
    from summarizer.models import Failure

    records = tmp_path / "briefings.jsonl"
    records.write_text(dump_records([], [Failure(origin="gone.md", kind="unreadable", reason="gone")]))
    expected = load_records([records])
    assert [f.origin for f in expected[1]] == ["gone.md"]
    # a str is one file, not one file per character
    assert load_records(str(records)) == load_records(records) == expected


def test_a_brief_run_imports_the_merge_and_the_renderer_only_after_its_requests():
    """What `summarizer brief` imports before its first request: not the merge, the living brief's
    marking, the synthesis or the renderer, nor the web fetcher and its HTTP stack when no URL is given
    (issue #24: start-up to the first request). jinja2 is: the prompts are templates."""
    code = "import sys, summarizer.cli.commands, summarizer.cli.app; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "summarizer.api" in loaded and "summarizer.living.memory" in loaded  # the test sees the run
    assert not loaded & {
        "summarizer.merge.assemble",
        "summarizer.living.mark",
        "summarizer.synthesis.synthesize",
        "summarizer.output.render",
        "markdown_it",
        "summarizer.web.fetch",
        "httpcore2",
    }


def test_a_run_result_prints_as_a_line_not_as_the_whole_brief():
    from summarizer.api import RunResult
    from summarizer.models import Brief, Failure
    from summarizer.run.runner import Summaries

    brief = Brief(
        stories=[], sources=[], failures=[Failure(origin="gone.md", kind="unreadable", reason="gone")]
    )
    result = RunResult(brief=brief, summaries=Summaries(), articles=[])
    assert repr(result) == "<RunResult: 0 stories, 0 briefings, 1 failures>"
