"""Hand-made briefings for merge and render tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from summarizer.models import ArticleBriefing, Briefing, SourceRef, Usage

from .fake import ANSWERS


def make(
    source: str,
    headline: str,
    key_points: list[str],
    *,
    entities: Sequence[tuple[str, str, str]] = (),
    quotes: Sequence[tuple[str, str]] = (),
    timeline: Sequence[tuple[str, str | None, str]] = (),
    summary: str | None = None,
    article_id: str | None = None,
    **fields: Any,
) -> ArticleBriefing:
    briefing = Briefing(
        headline=headline,
        summary=summary or headline + ".",
        key_points=key_points,
        entities=[{"name": n, "kind": k, "role": r} for n, k, r in entities],
        quotes=[{"text": t, "speaker": s, "context": "said"} for t, s in quotes],
        timeline=[{"when": w, "date": d, "event": e} for w, d, e in timeline],
        what_next=fields.pop("what_next", []),
        topics=fields.pop("topics", []),
    )
    ref = SourceRef(
        article_id=article_id or f"{source.lower()}-{abs(hash(headline)) % 10**8}",
        source=source,
        origin=f"{source.lower()}.txt",
        **fields,
    )
    return ArticleBriefing(
        ref=ref, briefing=briefing, model="test", usage=Usage(requests=1, prompt_tokens=10)
    )


def example(article_id: str, source: str) -> ArticleBriefing:
    """A briefing written for one of the example articles (tests/answers)."""
    briefing = Briefing.model_validate(json.loads((ANSWERS / f"{article_id}.json").read_text()))
    ref = SourceRef(article_id=article_id, source=source, origin=f"{source.lower()}.md")
    return ArticleBriefing(ref=ref, briefing=briefing, model="test")


def cna() -> ArticleBriefing:
    return example("29bb05685f717daf", "CNA")


def lbc() -> ArticleBriefing:
    return example("b977c616738cd329", "LBC")
