"""summarizer: a day's news articles in, one structured, source-attributed brief out.

>>> from summarizer import make_brief, render_brief
>>> result = make_brief("today/")            # needs OPENAI_API_KEY
>>> print(render_brief(result.brief))

Every public name lives in summarizer.api and is imported from it when first used, not when the
package is: `summarizer --help` and a program that needs only the models do not pay for the OpenAI SDK,
jinja2 and the HTML readers (measured in benchmarks/startup.py).
"""

import importlib
import logging
import typing

__version__ = "0.1.0"

# A library logs; the application decides where the lines go (the CLI sends them to stderr).
logging.getLogger(__name__).addHandler(logging.NullHandler())

if typing.TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported eagerly
    from .api import (
        Article,
        ArticleBriefing,
        ArticleError,
        Brief,
        Briefing,
        Failure,
        InputError,
        ProgressEvent,
        RunResult,
        Settings,
        Summaries,
        SummarizerError,
        UsageError,
        amake_brief,
        aread_articles,
        asummarize,
        dump_records,
        load_records,
        make_brief,
        merge_briefings,
        read_articles,
        render_brief,
        render_template,
        summarize,
    )

__all__ = [
    "Article",
    "ArticleBriefing",
    "ArticleError",
    "Brief",
    "Briefing",
    "Failure",
    "InputError",
    "ProgressEvent",
    "RunResult",
    "Settings",
    "Summaries",
    "SummarizerError",
    "UsageError",
    "amake_brief",
    "aread_articles",
    "asummarize",
    "dump_records",
    "load_records",
    "make_brief",
    "merge_briefings",
    "read_articles",
    "render_brief",
    "render_template",
    "summarize",
]

if not typing.TYPE_CHECKING:  # hidden from type checkers, so a misspelt name is still an error for them

    def __getattr__(name: str) -> object:
        """Import a public name from summarizer.api on first use, and keep it here for the next time."""
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(".api", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
