"""What the model fills: every field description below is prompt text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import NonBlank, _Model

EntityKind = Literal["person", "organization", "place"]


class Entity(_Model):
    name: str = Field(description="The full name as the article gives it, e.g. 'Karoline Leavitt'.")
    kind: EntityKind = Field(description="Whether this is a person, an organization or a place.")
    role: str = Field(
        description="The entity's role in this story, in a few words, e.g. 'White House press secretary'."
    )


class Quote(_Model):
    text: str = Field(
        description=(
            "The quoted words copied verbatim from the article, without the surrounding quotation marks. "
            "Never paraphrase, shorten inside the quote, or fix grammar."
        )
    )
    speaker: str = Field(description="Who said it, named as in the article.")
    context: str = Field(description="When, where or to whom it was said, in a few words from the article.")


class TimelineEvent(_Model):
    when: str = Field(description="The time exactly as the article states it, e.g. 'Wednesday (Aug 6)'.")
    date: str | None = Field(
        description=(
            "The same moment as an ISO date (YYYY-MM-DD) when the article makes it certain, otherwise null."
        )
    )
    event: str = Field(description="What happened or will happen then, in one sentence.")


class NewsEvent(_Model):
    """The one event an article reports, named so that other outlets' briefings of it compare equal."""

    what: str = Field(
        description=(
            "What happened, as a short noun phrase of two to six words naming the kind of event and "
            "whom or what it concerns, as any outlet would name it, e.g. 'earthquake', 'Twitter takeover "
            "by Elon Musk', 'World Cup final'. No figures, no opinion."
        )
    )
    where: str | None = Field(
        description=(
            "Where it happened, as place names from the article, most specific first, e.g. "
            "'Marrakech, Morocco'; null when the article names no place."
        )
    )
    when: str | None = Field(
        description=(
            "The day it happened as an ISO date (YYYY-MM-DD), worked out from the publication date when "
            "the article says 'Monday' or 'yesterday'; YYYY-MM when only the month is known; null when "
            "the article does not say."
        )
    )


class Briefing(_Model):
    """A faithful, neutral briefing on one article, written only from the article's text."""

    headline: NonBlank = Field(description="A neutral, factual headline of at most 15 words. No clickbait.")
    summary: NonBlank = Field(
        description="Two or three sentences: what happened, who is involved, and why it matters."
    )
    key_points: list[str] = Field(
        description=(
            "The article's main facts, most important first; each a self-contained sentence that names "
            "who and what, and attributes claims to whoever made them."
        )
    )
    entities: list[Entity] = Field(
        description="The people, organizations and places that matter to the story, each with its role."
    )
    quotes: list[Quote] = Field(
        description="The most newsworthy direct quotations in the article (at most five), verbatim."
    )
    timeline: list[TimelineEvent] = Field(
        description="Dated or timed events the article states, in the order they happened."
    )
    what_next: list[str] = Field(
        description="Scheduled or expected developments the article mentions: deadlines, meetings, decisions."
    )
    topics: list[str] = Field(description="Two to five short topic labels, lower case, e.g. 'ukraine war'.")
    #: Optional so that briefings cached before it existed, and answers without it, still validate.
    event: NewsEvent | None = Field(
        default=None,
        description=(
            "The one news event the article reports (what, where, when), in the plain form any outlet's "
            "briefing of the same event would give."
        ),
    )

    @field_validator("key_points")
    @classmethod
    def _some_points(cls, value: list[str]) -> list[str]:
        points = [point.strip() for point in value if point.strip()]
        if not points:
            raise ValueError("give at least one key point")
        return points


class OutletVersion(_Model):
    """What one outlet reports of a fact that another outlet reports differently."""

    outlet: NonBlank = Field(description="The outlet, named exactly as in the list of outlets.")
    says: NonBlank = Field(
        description="Its version of the fact in a few words, e.g. 'the post' or 'more than 5,000'."
    )
    evidence: NonBlank = Field(
        description=(
            "The words of this outlet's article that give its version, copied character for character: "
            "a whole clause or sentence, never reworded."
        )
    )


class FactDisagreement(_Model):
    """One fact that the outlets of a story report differently."""

    about: NonBlank = Field(
        description="The fact, as a short noun phrase, e.g. 'what the shot hit' or 'the death toll'."
    )
    versions: list[OutletVersion] = Field(
        description="Each outlet's version: two or more, from different outlets, that cannot all be true."
    )


class StoryDraft(_Model):
    """A story's headline and summary written from what several outlets reported (--synthesize)."""

    headline: NonBlank = Field(description="A neutral, factual headline for the story, at most 15 words.")
    summary: NonBlank = Field(
        description=(
            "Two or three sentences on what happened, drawn only from the reports given, attributing "
            "claims to their sources; where the reports differ, say so instead of choosing."
        )
    )
    #: Optional so that drafts stored before it existed still validate.
    disagreements: list[FactDisagreement] = Field(
        default=[],
        description=(
            "Every fact the articles report differently: a figure, a day or time, a place, what happened, "
            "who said or did something, a record or a ranking. Not a detail only one outlet gives, and "
            "not the same fact worded differently. Empty when they agree."
        ),
    )
