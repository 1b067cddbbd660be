"""summarizer: a day's news articles in, one structured, source-attributed brief out.

>>> from summarizer import make_brief, render_brief
>>> result = make_brief(["today/"])            # needs OPENAI_API_KEY
>>> print(render_brief(result.brief))
"""

import logging

from .engine import Engine, briefing_schema, make_client
from .errors import (
    AccessDenied,
    AnswerTruncated,
    ArticleError,
    BudgetSpent,
    ContentFiltered,
    EndpointError,
    InputError,
    InvalidAnswer,
    ModelRefused,
    NotRecorded,
    NotSummarised,
    RequestRejected,
    RunStopped,
    SummarizerError,
    TransportError,
    UsageError,
)
from .grounded import summarize_article
from .ingest import aread_articles, iter_articles, read_articles
from .merge import merge_briefings
from .models import (
    Article,
    ArticleBriefing,
    ArticleReport,
    AttributedEntity,
    AttributedEvent,
    AttributedQuote,
    Brief,
    Briefing,
    Checks,
    Disagreement,
    Entity,
    Failure,
    Finding,
    Point,
    Quote,
    ReportedValue,
    SourceRef,
    Story,
    TimelineEvent,
    Usage,
)
from .pipeline import RunResult, amake_brief, asummarize, make_brief, summarize
from .records import dump_records, load_records
from .render import render_brief, render_template
from .run import Gate, ProgressEvent, Summaries
from .settings import DEFAULT_MODEL, FetchPolicy, Prices, RetryPolicy, Settings, Window
from .sources import FeedReport

__version__ = "0.1.0"

# A library logs; the application decides where the lines go (the CLI sends them to stderr).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "AccessDenied",
    "AnswerTruncated",
    "Article",
    "ArticleBriefing",
    "ArticleError",
    "ArticleReport",
    "AttributedEntity",
    "AttributedEvent",
    "AttributedQuote",
    "Brief",
    "Briefing",
    "BudgetSpent",
    "Checks",
    "ContentFiltered",
    "DEFAULT_MODEL",
    "Disagreement",
    "EndpointError",
    "Engine",
    "Entity",
    "Failure",
    "FeedReport",
    "FetchPolicy",
    "Finding",
    "Gate",
    "InputError",
    "InvalidAnswer",
    "ModelRefused",
    "NotRecorded",
    "NotSummarised",
    "Point",
    "Prices",
    "ProgressEvent",
    "Quote",
    "ReportedValue",
    "RequestRejected",
    "RetryPolicy",
    "RunResult",
    "RunStopped",
    "Settings",
    "SourceRef",
    "Story",
    "Summaries",
    "SummarizerError",
    "TimelineEvent",
    "TransportError",
    "Usage",
    "UsageError",
    "Window",
    "amake_brief",
    "aread_articles",
    "asummarize",
    "briefing_schema",
    "dump_records",
    "iter_articles",
    "load_records",
    "make_brief",
    "make_client",
    "merge_briefings",
    "read_articles",
    "render_brief",
    "render_template",
    "summarize",
    "summarize_article",
]
