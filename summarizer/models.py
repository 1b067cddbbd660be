"""The data: articles in, briefings from the model, the merged brief out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- input ------------------------------------------------------------------------------------


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


# --- what the model fills: every description below is prompt text ------------------------------

EntityKind = Literal["person", "organization", "place"]


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


#: Text the model must fill with something: stripped, and re-asked when empty.
NonBlank = Annotated[str, AfterValidator(_non_blank)]


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


class SynthesisRecord(_Model):
    """A stored synthesis: the draft (None when its headline or summary could not be grounded), the
    disagreements whose every version was found in its outlet's article, and what it cost."""

    draft: StoryDraft | None
    disagreements: list[Disagreement] = []
    left_out: list[Finding] = []
    usage: Usage


# --- one article's result -----------------------------------------------------------------------


class Usage(_Model):
    """Tokens spent, counting every re-ask and retried request that returned an answer."""

    requests: int = 0
    #: Of those, answered 429 for the rate limit (they cost no tokens and no attempt).
    rate_limited: int = 0
    prompt_tokens: int = 0
    cached_prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            rate_limited=self.rate_limited + other.rate_limited,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            cached_prompt_tokens=self.cached_prompt_tokens + other.cached_prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            reasoning_tokens=self.reasoning_tokens + other.reasoning_tokens,
        )


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


class Finding(_Model):
    """An item of a briefing that its article does not support."""

    kind: Literal["quote", "speaker", "number", "date", "name"]
    where: str = Field(description="The briefing field, e.g. 'quotes[2]' or 'key_points[0]'.")
    item: str = Field(description="The text that was checked.")
    reason: str


class Checks(_Model):
    """The grounding check of one briefing against its article."""

    policy: Literal["strict", "warn", "off"] = "off"
    checked: int = Field(default=0, description="How many quotes, speakers, figures, dates and names.")
    reasked: bool = Field(default=False, description="Whether the model was asked to correct items.")
    dropped: list[Finding] = Field(default=[], description="Still ungrounded after the re-ask: removed.")
    flagged: list[Finding] = Field(default=[], description="Still ungrounded, kept and marked (warn).")
    inferred: list[str] = Field(
        default=[],
        description="Timeline entries (e.g. 'timeline[0]') dated from a weekday or 'tonight' and the "
        "publication date, not from a date the article states.",
    )


class ArticleBriefing(_Model):
    """A validated briefing together with the article it describes and what it cost."""

    ref: SourceRef
    briefing: Briefing
    model: str
    usage: Usage = Usage()
    attempts: int = 1
    checks: Checks = Checks()
    cut_at_tokens: int | None = Field(
        default=None, description="Set when the article was longer than the cap and only its start was sent."
    )


#: The closed set of reasons an input ends as a failure instead of a briefing.
FailureKind = Literal[
    "unreadable",
    "blocked",
    "not found",
    "too large",
    "failed",
    "unreachable",
    "rejected",
    "wrong endpoint",
    "access denied",
    "refused",
    "truncated",
    "content filtered",
    "invalid answer",
    "not recorded",
    "not summarised",
]


class Failure(_Model):
    """An input that did not become a briefing, and why. The brief lists every one."""

    origin: str = Field(description="The input's path or label.")
    source: str | None = None
    article_id: str | None = None
    kind: FailureKind = Field(description="A short stable label: 'unreadable', 'refused', 'truncated', ...")
    reason: str
    attempts: int = Field(default=0, description="Requests that returned an answer for it, re-asks included.")
    usage: Usage = Field(default=Usage(), description="What those requests cost: paid for, though discarded.")
    last_output: str | None = Field(
        default=None, description="The model's last answer, redacted and cut short."
    )


# --- the merged brief ----------------------------------------------------------------------------


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
    disagreements: list[Disagreement] = []
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
