"""--synthesize: one more structured call per multi-outlet story, to write its headline and summary."""

from __future__ import annotations

import asyncio
import json
import logging

from .cache import answer_key
from .errors import ArticleError
from .grounded import ask_grounded
from .grounding import ArticleFacts, check_figures
from .models import Brief, Finding, Story, StoryDraft, SynthesisRecord, Usage
from .prompts import story_message
from .run import Run

__all__ = ["story_key", "synthesize_brief"]

logger = logging.getLogger(__name__)


def story_key(story: Story, fingerprint: str, policy: str) -> str:
    """What makes a synthesis reusable: the merged reports and who made them, the request's fingerprint
    and the grounding policy. Never where the articles were read from (a path differs between machines,
    and would change the prompt, the cassette match and the cache key)."""
    material = story.model_dump_json(exclude={"headline", "summary", "synthesized", "sources"})
    material += json.dumps(sorted((ref.article_id, ref.source) for ref in story.sources))
    return answer_key("story", material, fingerprint, policy)


async def synthesize_brief(brief: Brief, headlines: dict[str, str], run: Run) -> Brief:
    """The brief with each story reported by two outlets or more given a headline and summary written
    from all of them. `headlines` maps an article id to its briefing's headline; the texts the articles
    were summarised from are the run's.

    The draft is validated and its figures checked against the story's articles; one that cannot be
    grounded after a re-ask, or a call that fails, leaves the story's own headline and summary. What the
    calls cost is added to the brief's usage; drafts are stored like briefings.
    """
    done = await asyncio.gather(*(_story(story, headlines, run) for story in brief.stories))
    usage = sum((spent for _, spent in done), brief.usage)
    return brief.model_copy(update={"stories": [story for story, _ in done], "usage": usage})


async def _story(story: Story, headlines: dict[str, str], run: Run) -> tuple[Story, Usage]:
    if len({ref.source for ref in story.sources}) < 2:
        return story, Usage()
    key = story_key(story, run.engine.fingerprint(StoryDraft), run.settings.grounding)
    record = run.store.get(key, SynthesisRecord) if run.store is not None else None
    if record is None:
        record, settled = await _synthesize(story, key, headlines, run)
        if run.store is not None and settled:
            run.store.put(key, record)
    if record.draft is None:
        return story, record.usage
    update = {"headline": record.draft.headline, "summary": record.draft.summary, "synthesized": True}
    return story.model_copy(update=update), record.usage


async def _synthesize(
    story: Story, key: str, headlines: dict[str, str], run: Run
) -> tuple[SynthesisRecord, bool]:
    """The record, and whether it is settled (worth storing): a failed call is not."""
    ids = [ref.article_id for ref in story.sources]
    engine = run.engine
    told = [headlines[i] for i in ids if i in headlines]
    messages = engine.messages(StoryDraft, [story_message(story, key[:16], told)])
    ask = engine.asker(f"story {key[:16]}")
    check = None
    if run.settings.grounding != "off":
        facts = ArticleFacts.of("\n\n".join(run.sent[i] for i in ids if i in run.sent))

        def check(draft: StoryDraft) -> tuple[list[Finding], int]:
            return check_figures({"headline": draft.headline, "summary": draft.summary}, facts), 2

    try:
        grounded = await ask_grounded(ask, messages, StoryDraft, check)
    except ArticleError as error:
        if error.fatal:
            raise
        logger.warning("story %s: synthesis failed (%s); the merge's own stays", key[:16], error.message)
        return SynthesisRecord(draft=None, usage=ask.usage), False
    if grounded.findings:
        logger.warning("story %s: synthesis still ungrounded; the merge's own stays", key[:16])
        return SynthesisRecord(draft=None, usage=ask.usage), True
    return SynthesisRecord(draft=grounded.answer, usage=ask.usage), True
