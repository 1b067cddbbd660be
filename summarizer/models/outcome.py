"""One article's result: a checked briefing with what it cost, or a failure and why."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .article import SourceRef
from .base import _Model
from .briefing import Briefing


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


class Finding(_Model):
    """An item of a briefing that its article does not support."""

    kind: Literal["quote", "speaker", "number", "date", "name"]
    where: str = Field(description="The briefing field, e.g. 'quotes[2]' or 'key_points[0]'.")
    item: str = Field(description="The text that was checked.")
    reason: str
    kept: bool = Field(
        default=False,
        description="The article does not confirm the item but does not contradict it either (a quote it "
        "attributes to no one named): kept and marked unverified, never dropped nor asked again for.",
    )


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
