"""The merged brief: stories across outlets, each claim with its sources; and a stored synthesis."""

from __future__ import annotations

from pydantic import Field

from .article import SourceRef
from .base import _Model
from .briefing import EntityKind, StoryDraft
from .outcome import Checks, Failure, Finding, Usage


class Point(_Model):
    """A statement kept once, with every source that made it."""

    text: str
    sources: list[str]
    unverified: bool = Field(default=False, description="Not found in an article (grounding 'warn').")


class AttributedQuote(_Model):
    text: str
    speaker: str
    context: str
    sources: list[str]
    unverified: bool = False


class AttributedEntity(_Model):
    """A person, organisation or place in a story, with the outlets that named it."""

    name: str
    kind: EntityKind
    role: str
    sources: list[str]
    unverified: bool = False


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
    about: str | None = Field(
        default=None,
        description=(
            "The fact, when the --synthesize call found the disagreement (each version's words were then "
            "found in its outlet's article); None when the merge found it by comparing figures and days."
        ),
    )


class Story(_Model):
    """One event as reported by one or more outlets."""

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


class Brief(_Model):
    """The day's brief: the stories, every source, every failure, the checks, and what it cost."""

    stories: list[Story]
    sources: list[SourceRef]
    failures: list[Failure]
    articles: list[ArticleReport] = Field(default=[], description="Per article: tokens, attempts, checks.")
    usage: Usage = Field(default=Usage(), description="What producing these briefings took, in total.")
    cost: float | None = Field(default=None, description="In dollars, when a price is configured; else null.")


class SynthesisRecord(_Model):
    """A stored synthesis: the draft (None when its headline or summary could not be grounded), the
    disagreements whose every version was found in its outlet's article, and what it cost."""

    draft: StoryDraft | None
    disagreements: list[Disagreement] = Field(default=[])
    left_out: list[Finding] = Field(default=[])
    usage: Usage
