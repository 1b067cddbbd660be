"""The data: articles in, briefings from the model, the merged brief out.

article.py (what is read), briefing.py (what the model fills: its field descriptions are prompt text),
outcome.py (one article's result: a checked briefing or a failure), brief.py (the merged brief),
changes.py (what changed since the previous brief: the living brief's records). A model module
imports pydantic and nothing else of the package: every other package may import these.
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
    StoryChange,
    SynthesisRecord,
    Wording,
    story_id,
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
from .changes import (
    BriefChanges,
    FigureChange,
    FigureReport,
    NoLongerReported,
    PreviousBrief,
    StoryStatus,
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
    "BriefChanges",
    "Briefing",
    "Checks",
    "Disagreement",
    "Entity",
    "EntityKind",
    "FactDisagreement",
    "Failure",
    "FailureKind",
    "FigureChange",
    "FigureReport",
    "Finding",
    "NewsEvent",
    "NoLongerReported",
    "NonBlank",
    "OutletVersion",
    "Point",
    "PreviousBrief",
    "Quote",
    "ReportedValue",
    "SourceRef",
    "Story",
    "StoryChange",
    "StoryDraft",
    "StoryStatus",
    "SynthesisRecord",
    "TimelineEvent",
    "Usage",
    "Wording",
    "story_id",
]
