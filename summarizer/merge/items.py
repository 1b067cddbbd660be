"""What the merge reads of a story's briefings: each item with its outlet; whether grounding flagged it."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ArticleBriefing

__all__ = ["flagged_fields", "said"]


def flagged_fields(item: ArticleBriefing) -> set[str]:
    """The fields of a briefing that grounding flagged (policy 'warn'), e.g. {'key_points[2]'}."""
    return {finding.where for finding in item.checks.flagged}


def said(members: list[ArticleBriefing], field: str) -> Iterator[tuple[str, str, bool]]:
    """(source, text, flagged) for each string in one list field of the story's briefings, lead first."""
    for item in members:
        source, texts = item.ref.source, getattr(item.briefing, field)
        if not item.checks.flagged:  # most briefings: no field's name to make for each item
            yield from ((source, text, False) for text in texts)
            continue
        flagged = flagged_fields(item)
        for index, text in enumerate(texts):
            yield source, text, f"{field}[{index}]" in flagged
