"""Write the living brief's example of docs/: yesterday's brief, and today's marked against it.

Yesterday's brief is the ten articles of docs/make_brief.py but the Hindustan Times' report of the Maui
fires (13 August 2023, 89 dead); today's has it too, so the Maui story is updated (its toll, a new outlet)
and the other stories are unchanged. The briefings are checked and priced as docs/make_brief.py does.

    python docs/make_living.py docs/living-before.md before
    python docs/make_living.py docs/living-after.md after
    python docs/make_living.py docs/living-before.html before format=html standalone=1
    python docs/make_living.py docs/living-after.html after format=html standalone=1
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from summarizer.living import mark_changes
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Brief
from summarizer.output.render import render_brief

NEW_TODAY = "mf-hindustan"


def _make_brief() -> ModuleType:
    """docs/make_brief.py, whose articles, prices and checked briefings this example shares."""
    spec = importlib.util.spec_from_file_location(
        "make_brief", Path(__file__).resolve().parent / "make_brief.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = _make_brief()
ARTICLES, PRICE_IN, PRICE_OUT, ROOT, briefing = (
    example.ARTICLES,
    example.PRICE_IN,
    example.PRICE_OUT,
    example.ROOT,
    example.briefing,
)


def brief_of(items: list[ArticleBriefing]) -> Brief:
    brief = merge_briefings(items)
    cost = brief.usage.prompt_tokens * PRICE_IN + brief.usage.completion_tokens * PRICE_OUT
    return brief.model_copy(update={"cost": cost})


def main() -> int:
    out, which = Path(sys.argv[1]).resolve(), sys.argv[2]
    os.chdir(ROOT)
    options = dict(arg.split("=", 1) for arg in sys.argv[3:])
    items = [briefing(name) for name in ARTICLES]
    yesterday_items = [item for item in items if NEW_TODAY not in item.ref.origin]
    yesterday = mark_changes(brief_of(yesterday_items), None, briefings=yesterday_items)
    brief = yesterday if which == "before" else mark_changes(brief_of(items), yesterday, briefings=items)
    brief = brief.model_copy(update={"changes": brief.changes if which == "after" else None})
    out.write_text(render_brief(brief, **options), encoding="utf-8")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
