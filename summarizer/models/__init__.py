"""The data: articles in, briefings from the model, the merged brief out.

article.py (what is read), briefing.py (what the model fills: its field descriptions are prompt text),
outcome.py (one article's result: a checked briefing or a failure), brief.py (the merged brief). A
model module imports pydantic and nothing else of the package: every other package may import these.
"""

from .article import (
    Article,
    SourceRef,
)
from .base import NonBlank
from .brief import (
    ArticleReport,
    AttributedEntity,
    AttributedEvent,
    AttributedQuote,
    Brief,
    Disagreement,
    Point,
    ReportedValue,
    Story,
    SynthesisRecord,
)
from .briefing import (
    Briefing,
    Entity,
    EntityKind,
    FactDisagreement,
    NewsEvent,
    OutletVersion,
    Quote,
    StoryDraft,
    TimelineEvent,
)
from .outcome import (
    ArticleBriefing,
    Checks,
    Failure,
    FailureKind,
    Finding,
    Usage,
)

__all__ = [
    "Article",
    "ArticleBriefing",
    "ArticleReport",
    "AttributedEntity",
    "AttributedEvent",
    "AttributedQuote",
    "Brief",
    "Briefing",
    "Checks",
    "Disagreement",
    "Entity",
    "EntityKind",
    "FactDisagreement",
    "Failure",
    "FailureKind",
    "Finding",
    "NewsEvent",
    "NonBlank",
    "OutletVersion",
    "Point",
    "Quote",
    "ReportedValue",
    "SourceRef",
    "Story",
    "StoryDraft",
    "SynthesisRecord",
    "TimelineEvent",
    "Usage",
]
