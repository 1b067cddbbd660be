"""Write the example brief of docs/: ten articles of the evaluation corpus, merged and rendered.

The briefings are the corpus's model-style ones (benchmarks/corpus/briefings), checked against their
articles the way a run checks them (grounding "strict": what the article does not support is dropped).
No model is called: the token counts are estimates (about four characters a token, plus the prompt)
and the cost is theirs at $0.15 / $0.60 per million input / output tokens.

    python docs/make_brief.py docs/brief-after.md [renderer options as keyword=value, e.g. detail=full]

docs/brief-before.md was written by this script with the renderer of main before issue #12.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from summarizer.grounding.check import ArticleFacts, apply_findings, check_briefing, inferred_dates
from summarizer.merge.assemble import merge_briefings
from summarizer.models import ArticleBriefing, Briefing, Checks, SourceRef, Usage
from summarizer.output.render import render_brief
from summarizer.sources.ingest import read_articles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("benchmarks") / "corpus"  # relative: the brief names each article by where it was read
#: Three events of three outlets each (a bridge collapse, wildfires, a bank failure) and one single.
ARTICLES = [
    "kb-guardian",
    "kb-burundi",
    "kb-nexstar",
    "mf-rawstory",
    "mf-brisbane",
    "mf-hindustan",
    "svb-albany",
    "svb-techinfonic",
    "svb-jewishlife",
    "x-rebrand-nbcla",
]
PROMPT_TOKENS = 900  # the system prompt and the schema, sent with every article
PRICE_IN, PRICE_OUT = 0.15e-6, 0.60e-6


def briefing(name: str) -> ArticleBriefing:
    article = read_articles([CORPUS / "articles" / f"{name}.md"]).articles[0]
    data = json.loads((CORPUS / "briefings" / f"{name}.json").read_text(encoding="utf-8"))
    if "event" not in Briefing.model_fields:
        data.pop("event", None)
    answer = Briefing.model_validate(data)
    facts = ArticleFacts.of_article(article)
    findings, checked = check_briefing(answer, facts)
    kept = apply_findings(answer, findings, fallback_title=article.title) if findings else answer
    usage = Usage(
        requests=1,
        prompt_tokens=PROMPT_TOKENS + len(article.text) // 4,
        completion_tokens=len(json.dumps(data)) // 4,
    )
    return ArticleBriefing(
        ref=SourceRef.of(article),
        briefing=kept,
        model="gpt-4o-mini",
        usage=usage,
        checks=Checks(
            policy="strict", checked=checked, dropped=findings, inferred=inferred_dates(kept, facts)
        ),
    )


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    os.chdir(ROOT)
    options = dict(arg.split("=", 1) for arg in sys.argv[2:])
    brief = merge_briefings([briefing(name) for name in ARTICLES])
    cost = brief.usage.prompt_tokens * PRICE_IN + brief.usage.completion_tokens * PRICE_OUT
    out.write_text(render_brief(brief.model_copy(update={"cost": cost}), **options), encoding="utf-8")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
