"""A story's quotes: the same words from several outlets kept once, with every outlet that printed them."""

from __future__ import annotations

from ..models import (
    ArticleBriefing,
    AttributedQuote,
    Quote,
)
from ..text.normalize import (
    fold,
)
from .items import flagged_fields

__all__ = ["merge_quotes"]


def _quote_key(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def merge_quotes(members: list[ArticleBriefing]) -> list[AttributedQuote]:
    """The same quote from two outlets is one quote with two sources; a fragment joins its full quote."""
    kept: list[tuple[str, Quote, set[str], list[bool]]] = []
    for item in members:
        flagged = flagged_fields(item)
        for position, quote in enumerate(item.briefing.quotes):
            key = _quote_key(quote.text)
            flag = f"quotes[{position}]" in flagged
            for index, (kept_key, _, sources, flags) in enumerate(kept):
                if key in kept_key or kept_key in key:
                    sources.add(item.ref.source)
                    flags.append(flag)
                    if len(key) > len(kept_key):  # keep the fuller wording
                        kept[index] = (key, quote, sources, flags)
                    break
            else:
                kept.append((key, quote, {item.ref.source}, [flag]))
    return [
        AttributedQuote(**quote.model_dump(), sources=sorted(sources), unverified=any(flags))
        for _, quote, sources, flags in kept
    ]
