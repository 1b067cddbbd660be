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
