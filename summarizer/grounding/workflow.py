"""Grounded answers: ask, check the answer against its source text, re-ask once with what it cannot
support. One workflow for an article's briefing and for a story's synthesis."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic import BaseModel

from ..errors import InvalidAnswer
from ..llm.asker import Asker, OnRetry
from ..llm.prompts import Message, article_message, reground_message
from ..models import Article, ArticleBriefing, Briefing, Checks, Finding, SourceRef

if TYPE_CHECKING:  # the engine (and the SDK) is imported when a run first sends, not with this module
    from ..llm.engine import Engine
    from .check import ArticleFacts

__all__ = ["Grounded", "ask_grounded", "summarize_article"]

logger = logging.getLogger(__name__)

Output = TypeVar("Output", bound=BaseModel)

#: Checks an answer against its source: the items it cannot support, and how many items were checked.
Check = Callable[[Output], tuple[list[Finding], int]]


@dataclass(frozen=True)
class Grounded(Generic[Output]):
    """An answer and what its check found (after the one re-ask, when there was one)."""

    answer: Output
    findings: list[Finding]
    checked: int
    reasked: bool


async def ask_grounded(
    ask: Asker, messages: list[Message], output: type[Output], check: Check[Output] | None
) -> Grounded[Output]:
    """Ask for an answer; when `check` finds unsupported items, name them to the model once and take
    its corrected answer. An invalid correction leaves the first answer standing, with its findings."""
    answer, content = await ask(messages, output)
    if check is None:
        return Grounded(answer, [], 0, reasked=False)
    findings, checked = check(answer)
    # An item the article does not contradict (a quote it attributes to no one named) is kept and
    # marked: asking again for it would cost a request and could only make the model guess.
    unsupported = [finding for finding in findings if not finding.kept]
    # A timeline date the article does not give goes and its entry stays (apply_findings): asking
    # again for it alone would pay a request to learn that the article gives no such day.
    if all(finding.kind == "date" for finding in unsupported):
        return Grounded(answer, findings, checked, reasked=False)
    logger.info("%s: %d ungrounded item(s); asking again", ask.label, len(unsupported))
    again = [*messages, {"role": "assistant", "content": content}, reground_message(unsupported)]
    try:
        corrected, _ = await ask(again, output)
    except InvalidAnswer:
        return Grounded(answer, findings, checked, reasked=True)
    findings, checked = check(corrected)
    return Grounded(corrected, findings, checked, reasked=True)


async def summarize_article(
    engine: Engine, article: Article, *, on_retry: OnRetry | None = None
) -> ArticleBriefing:
    """Ask the model for one article's briefing, validate it, and check it against the article.

    A transport fault is retried with backoff; an answer that does not validate is sent back with its
    errors. Quotes, figures and names the article does not support are sent back once; under the
    "strict" policy what is still unsupported is then dropped, under "warn" it is kept and flagged.
    Raises an ArticleError subclass, carrying attempts, usage and the last output, when no briefing can
    be had.
    """
    settings = engine.settings
    ask = engine.asker(f"article {article.id}", on_retry)
    messages = engine.messages(Briefing, [article_message(article)])
    check: Check[Briefing] | None = None
    # The article is indexed for the checks when its answer is in, not before its request: a run's
    # first requests leave before every worker has read its article (issue #24).
    read: list[ArticleFacts] = []
    if settings.grounding != "off":

        def check(briefing: Briefing) -> tuple[list[Finding], int]:
            # The checks (hundreds of patterns compiled on import) come with the first answer, not
            # before the first request: 0.14 s of a run's start-up (issue #24).
            from .check import ArticleFacts, check_briefing

            if not read:
                read.append(ArticleFacts.of_article(article))
            return check_briefing(briefing, read[0])

    grounded = await ask_grounded(ask, messages, Briefing, check)
    from .check import apply_findings, inferred_dates

    briefing, findings = grounded.answer, grounded.findings
    checks = Checks(policy=settings.grounding, checked=grounded.checked, reasked=grounded.reasked)
    dropped = [finding for finding in findings if not finding.kept]
    if dropped and settings.grounding == "strict":
        briefing = apply_findings(briefing, dropped, fallback_title=article.title)
        kept = [finding for finding in findings if finding.kept]
        checks = checks.model_copy(update={"dropped": dropped, "flagged": kept})
    elif findings:
        checks = checks.model_copy(update={"flagged": findings})
    if read:
        checks = checks.model_copy(update={"inferred": inferred_dates(briefing, read[0])})
    return ArticleBriefing(
        ref=SourceRef.of(article),
        briefing=briefing,
        model=settings.model,
        usage=ask.usage,
        attempts=ask.attempts,
        checks=checks,
    )
