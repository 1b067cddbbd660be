"""summarizer: a day's news articles in, one structured, source-attributed brief out.

>>> from summarizer import make_brief, render_brief
>>> result = make_brief(["today/"])            # needs OPENAI_API_KEY
>>> print(render_brief(result.brief))

The names below are imported when first used, not when the package is: `summarizer --help` and a
program that needs only the models do not pay for the OpenAI SDK, jinja2 and the HTML readers
(measured in benchmarks/startup.py).
"""

import importlib
import logging
import typing

__version__ = "0.1.0"

# A library logs; the application decides where the lines go (the CLI sends them to stderr).
logging.getLogger(__name__).addHandler(logging.NullHandler())

if typing.TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported eagerly
    from .api import RunResult, amake_brief, asummarize, make_brief, summarize
    from .config.settings import DEFAULT_MODEL, FetchPolicy, Prices, RetryPolicy, Settings, Window
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
    from .grounding.workflow import summarize_article
    from .llm.client import make_client
    from .llm.engine import Engine
    from .llm.schema import briefing_schema
    from .merge.assemble import merge_briefings
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
    from .output.records import dump_records, load_records
    from .output.render import render_brief
    from .output.templates import render_template
    from .run.runner import Gate, ProgressEvent, Summaries
    from .sources.ingest import aread_articles, iter_articles, read_articles
    from .sources.live import FeedReport

#: Where each public name lives, by module (tests/test_api.py checks it against the imports above).
_MODULES: dict[str, tuple[str, ...]] = {
    "llm.client": ("make_client",),
    "llm.engine": ("Engine",),
    "llm.schema": ("briefing_schema",),
    "errors": (
        "AccessDenied",
        "AnswerTruncated",
        "ArticleError",
        "BudgetSpent",
        "ContentFiltered",
        "EndpointError",
        "InputError",
        "InvalidAnswer",
        "ModelRefused",
        "NotRecorded",
        "NotSummarised",
        "RequestRejected",
        "RunStopped",
        "SummarizerError",
        "TransportError",
        "UsageError",
    ),
    "grounding.workflow": ("summarize_article",),
    "sources.ingest": ("aread_articles", "iter_articles", "read_articles"),
    "merge.assemble": ("merge_briefings",),
    "models": (
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
        "Failure",
        "Finding",
        "Point",
        "Quote",
        "ReportedValue",
        "SourceRef",
        "Story",
        "TimelineEvent",
        "Usage",
    ),
    "api": ("RunResult", "amake_brief", "asummarize", "make_brief", "summarize"),
    "output.records": ("dump_records", "load_records"),
    "output.render": ("render_brief",),
    "output.templates": ("render_template",),
    "run.runner": ("Gate", "ProgressEvent", "Summaries"),
    "config.settings": ("DEFAULT_MODEL", "FetchPolicy", "Prices", "RetryPolicy", "Settings", "Window"),
    "sources.live": ("FeedReport",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

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

if not typing.TYPE_CHECKING:  # hidden from type checkers, so a misspelt name is still an error for them

    def __getattr__(name: str) -> object:
        """Import a public name's module on first use, and keep the name here for the next time."""
        module = _WHERE.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
