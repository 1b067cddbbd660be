"""--synthesize: one more structured call per multi-outlet story, to write its headline and summary."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging

import openai

from .cache import BriefingCache
from .errors import ArticleError
from .grounding import ArticleFacts, check_text
from .llm import Asker, Gate, LLMSettings
from .models import Brief, Story, StoryDraft, SynthesisRecord, Usage
from .prompts import prompt_version, reground_message, story_messages

__all__ = ["synthesize_brief", "synthesis_key"]

logger = logging.getLogger(__name__)


def synthesis_key(story: Story, settings: LLMSettings) -> str:
    """What makes a synthesis reusable: the merged material, the model, the prompts and the policy."""
    # What was reported and by whom; never where the articles were read from (a path differs between
    # machines, and would change the prompt, the cassette match and the cache key).
    material = story.model_dump_json(exclude={"headline", "summary", "synthesized", "sources"})
    material += json.dumps(sorted((ref.article_id, ref.source) for ref in story.sources))
    parts = ["story", material, settings.model, settings.mode, settings.grounding, prompt_version()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


async def synthesize_brief(
    brief: Brief,
    texts: dict[str, str],
    headlines: dict[str, str],
    *,
    client: openai.AsyncOpenAI,
    settings: LLMSettings,
    gate: Gate,
    store: BriefingCache | None = None,
) -> Brief:
    """The brief with each story reported by two outlets or more given a headline and summary written
    from all of them. `texts` and `headlines` map an article id to its text and its briefing's headline.

    The draft is validated and its figures checked against the story's articles; one that cannot be
    grounded after a re-ask, or a call that fails, leaves the story's own headline and summary. What
    the calls cost is added to the brief's usage; drafts are cached like briefings.
    """

    async def one(story: Story) -> tuple[Story, Usage]:
        if len({ref.source for ref in story.sources}) < 2:
            return story, Usage()
        key = synthesis_key(story, settings)
        record = store.read(key, SynthesisRecord) if store is not None else None
        if record is None:
            record, settled = await _synthesize(story, key, texts, headlines, client, settings, gate)
            if store is not None and settled:
                store.write(key, record)
        if record.draft is None:
            return story, record.usage
        update = {"headline": record.draft.headline, "summary": record.draft.summary, "synthesized": True}
        return story.model_copy(update=update), record.usage

    done = await asyncio.gather(*(one(story) for story in brief.stories))
    usage = sum((spent for _, spent in done), brief.usage)
    return brief.model_copy(update={"stories": [story for story, _ in done], "usage": usage})


async def _synthesize(
    story: Story,
    key: str,
    texts: dict[str, str],
    headlines: dict[str, str],
    client: openai.AsyncOpenAI,
    settings: LLMSettings,
    gate: Gate,
) -> tuple[SynthesisRecord, bool]:
    """The record, and whether it is settled (worth caching): a failed call is not."""
    ids = [ref.article_id for ref in story.sources]
    messages = story_messages(story, key[:16], [headlines[i] for i in ids if i in headlines])
    ask = Asker(client, settings, gate, label=f"story {key[:16]}")
    try:
        draft, content = await ask(messages, StoryDraft)
        if settings.grounding != "off":
            facts = ArticleFacts.of("\n\n".join(texts[i] for i in ids if i in texts))
            findings = check_text({"headline": draft.headline, "summary": draft.summary}, facts)
            if findings:
                again = [*messages, {"role": "assistant", "content": content}, reground_message(findings)]
                draft, _ = await ask(again, StoryDraft)
                if check_text({"headline": draft.headline, "summary": draft.summary}, facts):
                    logger.warning("story %s: synthesis still ungrounded; the merge's own stays", key[:16])
                    return SynthesisRecord(draft=None, usage=ask.usage), True
    except ArticleError as error:
        if error.fatal:
            raise
        logger.warning("story %s: synthesis failed (%s); the merge's own stays", key[:16], error.message)
        return SynthesisRecord(draft=None, usage=ask.usage), False
    return SynthesisRecord(draft=draft, usage=ask.usage), True
