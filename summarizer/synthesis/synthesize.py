"""--synthesize: one more structured call per multi-outlet story, to write its headline and summary
and to find what its outlets report differently beyond figures and days (versions.py checks each)."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from ..errors import ArticleError
from ..grounding.check import ArticleFacts, check_echo, check_free_text
from ..grounding.workflow import ask_grounded
from ..llm.prompts import story_message
from ..models import Brief, Finding, Story, StoryDraft, SynthesisRecord, Usage
from ..run.runner import Run
from ..store import answer_key
from .versions import VersionCheck, merge_found

__all__ = ["story_key", "synthesize_brief"]

logger = logging.getLogger(__name__)


def story_key(story: Story, fingerprint: str, policy: str) -> str:
    """What makes a synthesis reusable: the merged reports and who made them, the request's fingerprint
    and the grounding policy. Never where the articles were read from (a path differs between machines,
    and would change the prompt, the cassette match and the cache key)."""
    # The living brief's id, event and marks are not the reports: a synthesis made before they existed
    # is the same one.
    exclude: dict[str, Any] = dict.fromkeys(
        ("headline", "summary", "synthesized", "sources", "left_out", "id", "event", "change"), True
    )
    exclude["disagreements"] = {"__all__": {"progression"}}
    exclude["quotes"] = {"__all__": {"in_part"}}  # who printed a quote in part: how it is credited, not what
    material = story.model_dump_json(exclude=exclude)
    material += json.dumps(sorted((ref.article_id, ref.source) for ref in story.sources))
    return answer_key("story", material, fingerprint, policy)


async def synthesize_brief(brief: Brief, headlines: dict[str, str], run: Run) -> Brief:
    """The brief with each story reported by two outlets or more given a headline and summary written
    from all of them, and the disagreements the model found added to its "Reports differ". `headlines`
    maps an article id to its briefing's headline; the texts the articles were summarised from are the
    run's, and go to the model with the merged reports.

    The draft is validated and its figures checked against the story's articles; one that cannot be
    grounded after a re-ask, or a call that fails, leaves the story's own headline and summary. A
    disagreement is kept only when each version's words stand in its outlet's article (versions.py).
    What the calls cost is added to the brief's usage; drafts are stored like briefings.
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
    update: dict[str, object] = {
        "disagreements": merge_found(story.disagreements, record.disagreements),
        "left_out": record.left_out,
    }
    if record.draft is not None:
        update |= {"headline": record.draft.headline, "summary": record.draft.summary, "synthesized": True}
    return story.model_copy(update=update), record.usage


def _seen(finding: Finding) -> tuple[str, str, str]:
    return finding.where, finding.item, finding.reason


def _is_draft_text(finding: Finding) -> bool:
    return finding.where in ("headline", "summary")


async def _synthesize(
    story: Story, key: str, headlines: dict[str, str], run: Run
) -> tuple[SynthesisRecord, bool]:
    """The record, and whether it is settled (worth storing): a failed call is not."""
    ids = [ref.article_id for ref in story.sources]
    articles = [(ref.source, run.sent[ref.article_id]) for ref in story.sources if ref.article_id in run.sent]
    engine = run.engine
    told = [headlines[i] for i in ids if i in headlines]
    messages = engine.messages(StoryDraft, [story_message(story, key[:16], told, articles)])
    ask = engine.asker(f"story {key[:16]}")
    versions = VersionCheck.of(articles)
    check = None
    # The outlets' names too: a summary says who reported what ("the Daily Planet reported").
    facts = ArticleFacts.of(
        "\n\n".join([*(text for _, text in articles), *(outlet for outlet, _ in articles)])
    )
    if run.settings.grounding != "off":

        def check(draft: StoryDraft) -> tuple[list[Finding], int]:
            findings = check_free_text({"headline": draft.headline, "summary": draft.summary}, facts)
            _, rejected = versions.check(draft.disagreements)
            checked = 2 + sum(len(d.versions) for d in draft.disagreements)
            return [*findings, *(version.finding() for version in rejected)], checked

    try:
        grounded = await ask_grounded(ask, messages, StoryDraft, check)
    except ArticleError as error:
        if error.fatal:
            raise
        logger.warning("story %s: synthesis failed (%s); the merge's own stays", key[:16], error.message)
        return SynthesisRecord(draft=None, usage=ask.usage), False
    # Versions are always checked, whatever the grounding policy: a disagreement is a claim about
    # what the articles say, and one that they do not bear out is not shown.
    found, rejected = versions.check(grounded.answer.disagreements)
    # Once each: a model that gives one wrong version three times is one mistake to read of.
    left_out = list({_seen(finding): finding for finding in (v.left_out() for v in rejected)}.values())
    for finding in left_out:
        logger.info("story %s: left out of Reports differ: %s", key[:16], finding.item)
    draft: StoryDraft | None = grounded.answer
    ungrounded = [finding for finding in grounded.findings if _is_draft_text(finding)]
    if check is None:  # grounding off: still never the tool's own prompt for a headline
        ungrounded = check_echo(
            {"headline": grounded.answer.headline, "summary": grounded.answer.summary}, facts
        )
    if ungrounded:
        logger.warning("story %s: synthesis still ungrounded; the merge's own stays", key[:16])
        draft = None
        # The words that could not be grounded, and why: the merge's own headline and summary stay.
        written = " ".join(dict.fromkeys(finding.item for finding in ungrounded))
        reasons = "; ".join(dict.fromkeys(finding.reason for finding in ungrounded))
        reason = f"{reasons} (the merge's own are shown)"
        left_out.insert(0, Finding(kind="number", where="headline and summary", item=written, reason=reason))
    return SynthesisRecord(draft=draft, disagreements=found, left_out=left_out, usage=ask.usage), True
