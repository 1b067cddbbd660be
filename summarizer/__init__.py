"""summarizer: a day's news articles in, one structured, source-attributed brief out.

>>> from summarizer import make_brief, render_brief
>>> result = make_brief(["today/"])            # needs OPENAI_API_KEY
>>> print(render_brief(result.brief))
"""

import logging

from .errors import (
    AccessDenied,
    AnswerTruncated,
    ArticleError,
    ContentFiltered,
    InputError,
    InvalidAnswer,
    ModelRefused,
    NotRecorded,
    RequestRejected,
    SummarizerError,
    TransportError,
    UsageError,
)
from .ingest import read_articles
from .llm import DEFAULT_MODEL, LLMSettings, RetryPolicy, briefing_schema, summarize_article
from .merge import merge_briefings
from .models import (
    Article,
    ArticleBriefing,
    Brief,
    Briefing,
    Entity,
    Failure,
    Quote,
    SourceRef,
    Story,
    TimelineEvent,
    Usage,
)
from .pipeline import (
    ProgressEvent,
    RunResult,
    Settings,
    Summaries,
    asummarize,
    make_brief,
    make_client,
    summarize,
)
from .render import render_brief

__version__ = "0.1.0"

# A library logs; the application decides where the lines go (the CLI sends them to stderr).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "AccessDenied",
    "AnswerTruncated",
    "Article",
    "ArticleBriefing",
    "ArticleError",
    "Brief",
    "Briefing",
    "ContentFiltered",
    "DEFAULT_MODEL",
    "Entity",
    "Failure",
    "InputError",
    "InvalidAnswer",
    "LLMSettings",
    "ModelRefused",
    "NotRecorded",
    "ProgressEvent",
    "Quote",
    "RequestRejected",
    "RetryPolicy",
    "RunResult",
    "Settings",
    "SourceRef",
    "Story",
    "Summaries",
    "SummarizerError",
    "TimelineEvent",
    "TransportError",
    "Usage",
    "UsageError",
    "asummarize",
    "briefing_schema",
    "make_brief",
    "make_client",
    "merge_briefings",
    "read_articles",
    "render_brief",
    "summarize",
    "summarize_article",
]
