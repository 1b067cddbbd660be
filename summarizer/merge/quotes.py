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
    """The same quote from two outlets is one quote with two sources; a fragment joins its full quote,
    and its outlet is credited with printing it in part (`in_part`): the fuller words are not theirs."""
    # Each kept quote: its key, the fullest wording, and (outlet, key of the words it printed) for each.
    kept: list[tuple[str, Quote, list[tuple[str, str]], list[bool]]] = []
    for item in members:
        flagged = flagged_fields(item)
        for position, quote in enumerate(item.briefing.quotes):
            key = _quote_key(quote.text)
            flag = f"quotes[{position}]" in flagged
            for index, (kept_key, _, printed, flags) in enumerate(kept):
                if key in kept_key or kept_key in key:
                    printed.append((item.ref.source, key))
                    flags.append(flag)
                    if len(key) > len(kept_key):  # keep the fuller wording
                        kept[index] = (key, quote, printed, flags)
                    break
            else:
                kept.append((key, quote, [(item.ref.source, key)], [flag]))
    quotes = []
    for kept_key, quote, printed, flags in kept:
        whole = {source for source, key in printed if kept_key in key}
        in_part = {source for source, _ in printed} - whole
        quotes.append(
            AttributedQuote(
                **quote.model_dump(),
                sources=sorted(whole | in_part),
                unverified=any(flags),
                in_part=sorted(in_part),
            )
        )
    return quotes
