"""An article as read from the user's input, and the reference the brief cites it by."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from pydantic import Field, model_validator

from .base import _Model

#: The origin of an article made in code rather than read from a path: `Article(text=..., source=...)`.
IN_MEMORY = "<memory>"


def article_id(text: str) -> str:
    """The id of an article: a hash of its text, so the same text always has the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


class Article(_Model):
    """One news article as read from the user's input. Its text is untrusted data."""

    id: str = Field(default="", description="Stable id derived from the article's text.")
    text: str = Field(description="The article's body text.")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet, e.g. 'CNA'.")
    url: str | None = None
    author: str | None = None
    published: datetime | None = None
    origin: str = Field(
        default=IN_MEMORY,
        description="Where it was read from: a path, 'path#3' for the 3rd record, '-', or '<memory>'.",
    )

    @model_validator(mode="before")
    @classmethod
    def _id_from_text(cls, data: Any) -> Any:
        """An article made in code (`Article(text=..., source=...)`) gets the id its text would get."""
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("text"), str):
            return {**data, "id": article_id(data["text"])}
        return data

    @property
    def label(self) -> str:
        """A short human name for progress lines and failure reports."""
        return self.title or self.origin


#: What an article with no source is credited as when its origin is no file name.
_UNNAMED = {"-": "stdin", IN_MEMORY: "unknown source"}


class SourceRef(_Model):
    """The article a briefing came from, as the brief cites it."""

    article_id: str
    source: str = Field(description="The outlet's name, or the article's file name when unknown.")
    origin: str = Field(description="Where the article was read from.")
    title: str | None = None
    url: str | None = None
    published: datetime | None = None

    @classmethod
    def of(cls, article: Article) -> SourceRef:
        return cls(
            article_id=article.id,
            source=article.source or _UNNAMED.get(article.origin) or article.origin.rsplit("/", 1)[-1],
            origin=article.origin,
            title=article.title,
            url=article.url,
            published=article.published,
        )
