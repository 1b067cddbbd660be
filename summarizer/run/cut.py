"""What a run sends of an article: all of it, or cut to the run's cap at a paragraph or sentence end."""

from __future__ import annotations

import re

from ..models import Article

__all__ = ["CHARS_PER_TOKEN", "cut_article"]


#: Characters per token when estimating an article's length (no tokenizer is downloaded at run time).
CHARS_PER_TOKEN = 4


def cut_article(article: Article, max_tokens: int | None) -> tuple[Article, int | None]:
    """The article cut to about `max_tokens` at a paragraph or sentence end, and the cap when it was cut."""
    if max_tokens is None or len(article.text) <= max_tokens * CHARS_PER_TOKEN:
        return article, None
    limit = max_tokens * CHARS_PER_TOKEN
    head = article.text[:limit]
    ends = [head.rfind("\n"), *(m.end() for m in re.finditer(r"[.!?][\"'\u201d\u2019]?\s", head))]
    cut = max(ends)
    text = head[:cut].rstrip() if cut > limit // 2 else head.rstrip()
    return article.model_copy(update={"text": text}), max_tokens
