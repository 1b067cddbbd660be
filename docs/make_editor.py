"""Write the example of docs/ for issue #23: one big story of the editor's benchmark brief, alone.

The brief is benchmarks/editor.py's: four corpora answered as models answer (fresh-a in its four styles,
corpus, heldout, heldout2), checked against their articles and merged. The story is the one about the
Turkey-Syria earthquake's toll, four outlets, the biggest section of that brief before issue #23 (78
lines). No model is called.

    python docs/make_editor.py docs/editor-after.md [renderer options as keyword=value, e.g. detail=full]

docs/editor-before.md and docs/editor-before.html were written by this script with the code of main
before issue #23 (commit c64c125), docs/editor-after.* by today's: tests/test_docs.py keeps the latter
current.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from summarizer.output.render import render_brief

ROOT = Path(__file__).resolve().parents[1]
#: The story, by words of its headline.
STORY = "Turkey-Syria earthquake"
TITLE = "One story of the editor's benchmark brief"


def benchmark_brief():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("editor_benchmark", ROOT / "benchmarks" / "editor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    os.chdir(ROOT)
    options = dict(arg.split("=", 1) for arg in sys.argv[2:])
    brief = benchmark_brief()
    story = next(s for s in brief.stories if STORY in s.headline)
    ids = {ref.article_id for ref in story.sources}
    alone = brief.model_copy(
        update={
            "stories": [story],
            "sources": story.sources,
            "failures": [],
            "articles": [report for report in brief.articles if report.article_id in ids],
        }
    )
    out.write_text(render_brief(alone, title=TITLE, **options), encoding="utf-8")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
