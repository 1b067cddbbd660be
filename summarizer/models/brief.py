"""The merged brief: stories across outlets, each claim with its sources; and a stored synthesis."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import Field, model_validator

from .article import SourceRef
from .base import _Model
from .briefing import EntityKind, NewsEvent, StoryDraft
from .changes import BriefChanges, FigureChange, StoryStatus
from .outcome import Checks, Failure, Finding, Usage


class Wording(_Model):
    """A statement as some outlets made it."""

    text: str
    sources: list[str]
    unverified: bool = False


class Point(_Model):
    """A statement kept once, with every source that made it."""

    text: str
    sources: list[str]
    unverified: bool = Field(default=False, description="Not found in an article (grounding 'warn').")
    restated: list[Wording] = Field(
        default=[],
        description=(
            "The same fact as other outlets stated it, in their words and with their sources: joined "
            "into this point because they give the same figures about the same subject (merge.restated)."
        ),
    )


class AttributedQuote(_Model):
    text: str
    speaker: str
    context: str
    sources: list[str]
    unverified: bool = False
    in_part: list[str] = Field(
        default=[],
        description="Of the sources, those that printed only part of these words (the text is the fullest).",
    )


class AttributedEntity(_Model):
    """A person, organisation or place in a story, with the outlets that named it."""

    name: str
    kind: EntityKind
    role: str
    sources: list[str]
    unverified: bool = False
    aliases: list[str] = Field(
        default=[],
        description=(
            "The other forms the outlets gave the same name ('US Geological Survey' beside 'U.S. "
            "Geological Survey', 'Zelenskiy' beside 'Zelenskyy'); `name` is the form most of them gave."
        ),
    )
    mentioned_only: bool = Field(
        default=False,
        description=(
            "Not one of the story's actors: named in none of its statements and quoted by none of them "
            "(only in an outlet's list of who matters), or a news organisation the articles credit for "
            "what they report. The brief's Who's who leaves it to the full brief."
        ),
    )


class AttributedEvent(_Model):
    when: str
    date: str | None
    event: str
    sources: list[str]
    unverified: bool = False
    inferred: bool = Field(
        default=False, description="The date was worked out from the wording and the publication date."
    )


class ArticleReport(_Model):
    """What producing one article's briefing took, as the brief reports it."""

    source: str
    origin: str
    article_id: str
    model: str
    usage: Usage
    attempts: int
    checks: Checks
    cut_at_tokens: int | None = None


class ReportedValue(_Model):
    """One outlet's version of a fact that another outlet reports differently."""

    value: str = Field(description="The figure, day or version, e.g. '2,300', 'Wednesday' or 'the post'.")
    sources: list[str]
    text: str = Field(
        description="The statement as this outlet made it (its article's words, when found by a model)."
    )


class Disagreement(_Model):
    """Outlets that report the same thing differently; none is picked."""

    reports: list[ReportedValue]
    progression: bool = Field(
        default=False,
        description=(
            "A toll given on successive days, each later report higher (reports in that order): news "
            "moving, not outlets at odds. Shown as 36 → 67 → 89."
        ),
    )
    about: str | None = Field(
        default=None,
        description=(
            "The fact, when the --synthesize call found the disagreement (each version's words were then "
            "found in its outlet's article); None when the merge found it by comparing figures and days."
        ),
    )


class StoryChange(_Model):
    """How a story stands against the previous brief, and what is new in it since."""

    status: StoryStatus
    continues: list[str] = Field(
        default=[],
        description=(
            "The ids of the previous brief's stories this one carries on: its own id when it kept it; "
            "several when stories joined; a story split from another carries it on under a new id."
        ),
    )
    figures: list[FigureChange] = Field(default=[], description="Figures a newer report gives otherwise.")
    new_outlets: list[str] = Field(default=[], description="Outlets the previous brief did not have here.")
    new_quotes: list[AttributedQuote] = Field(default=[])
    new_timeline: list[AttributedEvent] = Field(default=[])
    new_disagreements: list[Disagreement] = Field(default=[])


def story_id(article_ids: list[str]) -> str:
    """A new story's id: a hash of its articles' ids, so that it does not depend on their order. A story
    that carries on one of the previous brief's keeps that one's id instead (summarizer.living)."""
    return hashlib.sha256("\n".join(sorted(set(article_ids))).encode("utf-8")).hexdigest()[:12]


class Story(_Model):
    """One event as reported by one or more outlets."""

    id: str = Field(
        default="",
        description=(
            "Stable across runs while the event is reported: kept from the previous brief's story it "
            "carries on, else made from its articles' ids."
        ),
    )
    headline: str
    summary: str
    synthesized: bool = Field(default=False, description="Headline and summary written from all outlets.")
    sources: list[SourceRef]
    disagreements: list[Disagreement] = Field(default=[])
    left_out: list[Finding] = Field(
        default=[],
        description=(
            "What the --synthesize call wrote that the story's articles do not bear out, and so is not "
            "shown: a headline and summary (where: 'headline and summary'), or a version of a "
            "disagreement (where: the fact; item: the outlet and its version)."
        ),
    )
    key_points: list[Point]
    quotes: list[AttributedQuote]
    entities: list[AttributedEntity]
    timeline: list[AttributedEvent]
    what_next: list[Point]
    topics: list[str]
    event: NewsEvent | None = Field(
        default=None,
        description=(
            "The event as its reports name it (what, where, the earliest day): what the next run's "
            "stories are matched against. None when the brief was not compared with another."
        ),
    )
    change: StoryChange | None = Field(
        default=None,
        description=(
            "Against the previous brief: new, updated (and what changed) or unchanged; None: not compared."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _id_from_sources(cls, data: Any) -> Any:
        """A story without an id (made by the merge, or read from an older brief) gets its articles'."""
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("sources"), list):
            ids = [
                ref.article_id if isinstance(ref, SourceRef) else ref.get("article_id", "")
                for ref in data["sources"]
            ]
            return {**data, "id": story_id([i for i in ids if isinstance(i, str)])}
        return data


class Brief(_Model):
    """The day's brief: the stories, every source, every failure, the checks, and what it cost."""

    stories: list[Story]
    sources: list[SourceRef]
    failures: list[Failure]
    articles: list[ArticleReport] = Field(default=[], description="Per article: tokens, attempts, checks.")
    usage: Usage = Field(default=Usage(), description="What producing these briefings took, in total.")
    cost: float | None = Field(default=None, description="In dollars, when a price is configured; else null.")
    changes: BriefChanges | None = Field(
        default=None,
        description=(
            "The previous brief it was compared with, and its stories nothing reports now; None when not "
            "compared."
        ),
    )


class SynthesisRecord(_Model):
    """A stored synthesis: the draft (None when its headline or summary could not be grounded), the
    disagreements whose every version was found in its outlet's article, and what it cost."""

    draft: StoryDraft | None
    disagreements: list[Disagreement] = Field(default=[])
    left_out: list[Finding] = Field(default=[])
    usage: Usage
