"""An article as read from the user's input, and the reference the brief cites it by."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import _Model


class Article(_Model):
    """One news article as read from the user's input. Its text is untrusted data."""

    id: str = Field(description="Stable id derived from the article's text.")
    text: str = Field(description="The article's body text.")
    title: str | None = None
    source: str | None = Field(default=None, description="The outlet, e.g. 'CNA'.")
    url: str | None = None
    author: str | None = None
    published: datetime | None = None
    origin: str = Field(description="Where it was read from: a path, 'path#3' for the 3rd record, or '-'.")

    @property
    def label(self) -> str:
        """A short human name for progress lines and failure reports."""
        return self.title or self.origin


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
            source=article.source or article.origin.rsplit("/", 1)[-1],
            origin=article.origin,
            title=article.title,
            url=article.url,
            published=article.published,
        )
