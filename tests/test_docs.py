"""The example brief that README.md links to (docs/) is what docs/make_brief.py writes today.

A change to the merge, the grounding or the renderer that changes the brief must regenerate the
example too, or a reader of the README sees a brief the code no longer makes (it once showed the
Maui fires as three stories after the merge had made them one, and no date marked "(inferred)").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("example", "options"),
    [("brief-after.md", []), ("brief-after.html", ["format=html", "standalone=1"])],
)
def test_the_example_brief_is_what_the_script_writes(
    tmp_path: Path, example: str, options: list[str]
) -> None:
    out = tmp_path / example
    subprocess.run([sys.executable, str(ROOT / "docs" / "make_brief.py"), str(out), *options], check=True)
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / example).read_text(encoding="utf-8"), (
        f"docs/{example} is stale: regenerate it with docs/make_brief.py"
    )


def test_the_example_brief_marks_inferred_dates() -> None:
    assert "2023-08-09 (inferred), late Wednesday" in (ROOT / "docs" / "brief-after.md").read_text(
        encoding="utf-8"
    )
