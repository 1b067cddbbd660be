"""The example brief that README.md links to (docs/) is what docs/make_brief.py writes today.

A change to the merge, the grounding or the renderer that changes the brief must regenerate the
example too, or a reader of the README sees a brief the code no longer makes (it once showed the
Maui fires as three stories after the merge had made them one, and no date marked "(inferred)").
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def make_brief(
    out: Path, *options: str, monkeypatch: pytest.MonkeyPatch, script_name: str = "make_brief.py"
) -> None:
    """`python docs/make_brief.py OUT OPTIONS...` (or another docs script), run in this process."""
    spec = importlib.util.spec_from_file_location(script_name[:-3], ROOT / "docs" / script_name)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(sys, "argv", [script_name, str(out), *options])
    monkeypatch.chdir(ROOT)  # the script works from the root, and the test puts the directory back
    assert script.main() == 0


@pytest.mark.parametrize(
    ("example", "options"),
    [("brief-after.md", []), ("brief-after.html", ["format=html", "standalone=1"])],
)
def test_the_example_brief_is_what_the_script_writes(
    tmp_path: Path, example: str, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / example
    make_brief(out, *options, monkeypatch=monkeypatch)
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / example).read_text(encoding="utf-8"), (
        f"docs/{example} is stale: regenerate it with docs/make_brief.py"
    )


def test_the_example_brief_marks_inferred_dates() -> None:
    assert "2023-08-09 (inferred), Earlier Wednesday" in (ROOT / "docs" / "brief-after.md").read_text(
        encoding="utf-8"
    )


# --- every Python snippet of the README runs as written ---------------------------------------------------


def readme_snippets() -> list[str]:
    """The README's ```python blocks, in order."""
    import re

    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


#: Snippets that go on from the one before them (their first line says so).
CONTINUING = "# continuing the snippet above"


def undefined_names(code: str, known: set[str]) -> set[str]:
    """The names a snippet reads that it neither imports nor assigns (nor Python has, nor `known`)."""
    import ast
    import builtins

    tree = ast.parse(code)
    bound = set(known) | set(dir(builtins)) | {"__file__"}  # a test module's own
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    read = {
        node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    return read - bound


def test_every_readme_snippet_names_only_what_it_imports_or_defines():
    snippets = readme_snippets()
    assert len(snippets) >= 6
    before: set[str] = set()
    for snippet in snippets:
        known = before if CONTINUING in snippet.splitlines()[0] else set()
        assert not undefined_names(snippet, known), (snippet, undefined_names(snippet, known))
        before = known | _bound(snippet)


def _bound(code: str) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def test_the_readme_library_snippets_run_against_a_local_endpoint(simulator, tmp_path, monkeypatch, capsys):
    """The quick library snippets and the batch one, run as written in a folder holding today/ and
    archive/ (the examples), against the fake endpoint; `vllm run-batch` is played by its stand-in."""
    import shutil

    from tests.batch_tools import run_batch
    from tests.conftest import EXAMPLES, TEST_KEY

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", simulator.base_url)
    for folder in ("today", "archive"):
        shutil.copytree(EXAMPLES, tmp_path / folder)
    snippets = readme_snippets()
    batch = next(s for s in snippets if "FileTransport(" in s)
    first, _, rest = batch.partition("# vllm run-batch")
    namespace: dict[str, object] = {}
    exec(compile(first, "README batch snippet", "exec"), namespace)
    [made] = (tmp_path / "batch-in").glob("*.jsonl")
    (tmp_path / "batch-out").mkdir()
    run_batch(made, tmp_path / "batch-out" / "results.jsonl")
    exec(compile(rest.partition("\n")[2], "README batch snippet", "exec"), namespace)
    assert len(namespace["brief"].stories) >= 1  # type: ignore[attr-defined]
    for snippet in snippets:
        if 'make_brief("today/"' in snippet:
            exec(compile(snippet, "README snippet", "exec"), {})
    assert "News brief" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("example", "options"),
    [("editor-after.md", []), ("editor-after.html", ["format=html", "standalone=1"])],
)
def test_the_editors_example_story_is_what_the_script_writes(
    tmp_path: Path, example: str, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / example
    make_brief(out, *options, monkeypatch=monkeypatch, script_name="make_editor.py")
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / example).read_text(encoding="utf-8"), (
        f"docs/{example} is stale: regenerate it with docs/make_editor.py"
    )


def test_the_editors_example_story_fits_a_screen_and_says_what_the_full_brief_adds() -> None:
    """Issue #23: the big story that ran to 78 lines (docs/editor-before.md) runs to at most 40, with
    no place in its Who's who, and the appendix says what the caps left out."""
    before = (ROOT / "docs" / "editor-before.md").read_text(encoding="utf-8")
    after = (ROOT / "docs" / "editor-after.md").read_text(encoding="utf-8")

    def story(text: str) -> list[str]:
        return text.split("\n## 1. ", 1)[1].split("\n## ", 1)[0].splitlines()

    assert len(story(before)) > 70 and len(story(after)) <= 40
    who = "\n".join(story(after)).split("### Who's who", 1)[1]
    assert "**Syria**" not in who and "**Turkey**" not in who and "more in the full brief" in who
    assert "### Left out of this brief" in after and "- Story 1: " in after
