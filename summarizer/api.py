"""The public API: every name `summarizer` exports, in one place, sync and async.

A brief in three lines (the key from OPENAI_API_KEY, the endpoint from OPENAI_BASE_URL or OpenAI's):

    >>> from summarizer import make_brief, render_brief
    >>> result = make_brief("today/")  # doctest: +SKIP
    >>> print(render_brief(result.brief))  # doctest: +SKIP

The pieces, each usable alone: `read_articles` (inputs → articles) → `summarize` (articles → checked
briefings) → `merge_briefings` (briefings → one brief) → `render_brief` (a brief → Markdown, JSON,
HTML). Every function that waits on the network has an async twin (`amake_brief`, `asummarize`,
`aread_articles`); the sync ones run it on one event loop of their own, so they work from Jupyter too.
Everything else is importable from its package (`summarizer.models`, `summarizer.config.settings`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING

from .config.settings import Settings
from .errors import ArticleError, InputError, SummarizerError, UsageError
from .living.memory import read_previous
from .models import Article, ArticleBriefing, Brief, Briefing, Failure
from .run.runner import Progress, ProgressEvent, Summaries, announce, open_run
from .sources.ingest import aread_articles, read_articles
from .sources.live import FeedReport
from .sources.notes import Notes
from .sources.select import Paths, Selection
from .sync import run_sync

if TYPE_CHECKING:  # the SDK is imported when a run first sends (summarizer.run.runner.open_run)
    from .llm.client import Client
    from .merge.assemble import merge_briefings
    from .output.records import dump_records, load_records
    from .output.render import render_brief
    from .output.templates import render_template

#: The public names of the stages after the answers (the merge, the records, the renderer),
#: imported on first use. A run imports them once its requests are out (amake_brief), so the first
#: request does not wait for them (issue #24: start-up to the first request).
_LATER = {
    "merge_briefings": ".merge.assemble",
    "dump_records": ".output.records",
    "load_records": ".output.records",
    "render_brief": ".output.render",
    "render_template": ".output.templates",
}

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

logger = logging.getLogger(__name__)


if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt name is still an error for them

    def __getattr__(name: str) -> object:
        """Import a later stage's public name on first use, and keep it here for the next time."""
        if name not in _LATER:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(_LATER[name], __package__), name)
        globals()[name] = value
        return value


@dataclass
class RunResult:
    """What `make_brief` made: the brief, every article's outcome, and what the run should say."""

    brief: Brief
    summaries: Summaries
    articles: list[Article]
    #: Articles outside the date window, not summarised on purpose.
    left_out: list[Article] = field(default_factory=list)
    #: What each feed fetched from a URL held: entries, new since the last run, skipped, failed.
    feeds: list[FeedReport] = field(default_factory=list)
    #: What the user should know that is no failure of an article (embeddings that could not be had).
    warnings: list[str] = field(default_factory=list)
    #: The inputs that could not be read or fetched (also among the brief's failures).
    unread: list[Failure] = field(default_factory=list)
    #: What reading the inputs noticed: files skipped in folders, dates not read, text without header.
    notes: Notes = field(default_factory=Notes)

    @property
    def complete(self) -> bool:
        """True when every input became a briefing."""
        return not self.brief.failures

    def __repr__(self) -> str:
        # Short: the whole brief in a repr is megabytes in a notebook, and asyncio.run() builds this
        # repr at its end (restoring the Ctrl-C handler formats the finished task with its result).
        return (
            f"<RunResult: {len(self.brief.stories)} stories, {len(self.summaries.briefings)} briefings, "
            f"{len(self.brief.failures)} failures>"
        )


async def asummarize(
    articles: Sequence[Article],
    *,
    client: Client | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """Summarise articles concurrently: at most `settings.concurrency` requests in flight.

    Every article ends as a briefing or a failure. A briefing is stored in the cache the moment it
    arrives, so an interrupted run resumes where it stopped; an article already cached costs nothing;
    the same text given twice costs one call. A rejected API key, a wrong endpoint, or the run's token
    budget stops new requests: the articles not yet sent are reported as not summarised, with the reason.

        >>> client = openai.AsyncAzureOpenAI(max_retries=0)  # doctest: +SKIP
        >>> summaries = await asummarize([Article(text=..., source="AP")], client=client)  # doctest: +SKIP
    """
    settings = settings or Settings()
    async with open_run(settings, client, progress) as run:
        announce(progress, len(articles))
        return await run.summarize(articles, len(articles))


def summarize(
    articles: Sequence[Article],
    *,
    client: Client | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> Summaries:
    """The synchronous form of `asummarize`; builds a client from `settings` when none is given.

    >>> summaries = summarize(read_articles("today/").articles)  # doctest: +SKIP
    >>> [b.briefing.headline for b in summaries.briefings]  # doctest: +SKIP
    """
    return run_sync(asummarize(articles, client=client, settings=settings, progress=progress))


def make_brief(
    paths: Paths,
    *,
    settings: Settings | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
    previous: Brief | str | PathLike[str] | None = None,
) -> RunResult:
    """Read the inputs, summarise every article, and merge the briefings into one brief.

    `paths` is one input or several: files, folders, "-" for stdin, or URLs of pages and feeds;
    `feeds` names files that list more URLs (OPML, or one URL a line). URLs are fetched as
    `settings.fetch` says (private addresses refused, robots.txt honoured), conditionally against the
    cache. Inputs that cannot be read or fetched and articles that cannot be summarised are listed in
    the brief's failures. `fields` maps article fields to a JSON export's names (see read_articles);
    paths in `exclude` (your own output) are not read. Articles outside `settings.window` are left
    out (a feed's entries outside it are not even fetched). With `settings.cluster="embeddings"` the
    stories are found by the endpoint's embeddings (summarizer.run.embeddings), else by text; a fall
    back to text is said in `warnings`. With `previous` (a Brief, or the path of one as JSON), each
    story is marked against it: new, updated (what changed) or unchanged, keeping the id of the story
    it carries on, and the previous stories nothing reports now are listed (summarizer.living).
    Works from a running event loop too (Jupyter): the run has a loop of its own.

        >>> result = make_brief("today/", settings=Settings(concurrency=16))  # doctest: +SKIP
        >>> result.complete, len(result.brief.stories)  # doctest: +SKIP
        >>> later = make_brief("today/", previous=result.brief)  # doctest: +SKIP
        >>> [(story.id, story.change.status) for story in later.brief.stories]  # doctest: +SKIP
    """
    coroutine = amake_brief(
        paths,
        settings=settings,
        client=client,
        progress=progress,
        fields=fields,
        exclude=exclude,
        feeds=feeds,
        previous=previous,
    )
    return run_sync(coroutine)


async def amake_brief(
    paths: Paths,
    *,
    settings: Settings | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
    fields: Mapping[str, str] | None = None,
    exclude: Iterable[str | PathLike[str]] = (),
    feeds: Paths = (),
    previous: Brief | str | PathLike[str] | None = None,
) -> RunResult:
    """The asynchronous form of `make_brief`: `await amake_brief("today/", client=my_client)`. URLs
    are fetched on the caller's event loop."""
    settings = settings or Settings()
    # A previous brief that cannot be read fails before anything is paid for.
    earlier = read_previous(previous) if isinstance(previous, str | PathLike) else previous
    if client is None:
        settings.key()  # fail before reading anything
    # Summarised as they are read: the first request leaves before the last file is read (issue #24).
    selection = Selection(paths, settings, fields, exclude, feeds)
    await selection.start()  # no article at all: a usage error before the run opens
    async with open_run(settings, client, progress) as run:
        summaries = await run.summarize(selection.articles())
        ingested, articles, left_out = selection.ingested, selection.kept, selection.left_out
        from .living import mark_changes, with_events
        from .merge.assemble import merge_briefings

        failures = [*ingested.failures, *summaries.failures]
        embedded = None
        if settings.cluster == "embeddings" and not summaries.stopped:
            # Each imported when asked for: the synthesis imports the grounding checks, which a rerun
            # whose every answer is cached never needs otherwise (issue #24: a fifth of its time).
            from .run.embeddings import embed_briefings

            embedded = await embed_briefings(summaries.briefings, run)
            summaries.spent = run.gate.spent
            if embedded.stop is not None:
                # A rejected key stops the run here as it would have stopped the summaries: the brief
                # is still written (grouped by text), and the exit status says the run stopped.
                run.gate.stop(embedded.stop)
                summaries.stopped, summaries.stop_error = embedded.stop.message, embedded.stop
        brief = merge_briefings(
            summaries.briefings,
            failures,
            embeddings=embedded.vectors if embedded is not None else None,
            calibration=embedded.calibration if embedded is not None else None,
        )
        if embedded is not None:
            brief = brief.model_copy(update={"usage": brief.usage + embedded.usage})
        if settings.synthesize and not summaries.stopped:
            from .synthesis.synthesize import synthesize_brief

            headlines = {item.ref.article_id: item.briefing.headline for item in summaries.briefings}
            brief = await synthesize_brief(brief, headlines, run)
            summaries.spent = run.gate.spent
    if settings.prices is not None:
        brief = brief.model_copy(update={"cost": round(settings.prices.cost(brief.usage), 6)})
    if earlier is not None:
        origin = str(previous) if isinstance(previous, str | PathLike) else "the previous brief"
        brief = mark_changes(brief, earlier, briefings=summaries.briefings, origin=origin)
    else:
        brief = with_events(brief, summaries.briefings)  # what a later run will match its stories by
    warnings = [embedded.warning] if embedded is not None and embedded.warning else []
    return RunResult(
        brief=brief,
        summaries=summaries,
        articles=articles,
        left_out=left_out,
        feeds=ingested.feeds,
        warnings=warnings,
        unread=ingested.failures,
        notes=ingested.notes,
    )
