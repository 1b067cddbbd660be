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


def make_brief(out: Path, *options: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python docs/make_brief.py OUT OPTIONS...`, run in this process."""
    spec = importlib.util.spec_from_file_location("make_brief", ROOT / "docs" / "make_brief.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(sys, "argv", ["make_brief.py", str(out), *options])
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
