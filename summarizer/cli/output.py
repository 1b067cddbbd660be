"""What a command leaves behind: the output written safely, the closing summary line, the exit status."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config.files import environment_name
from ..config.settings import FetchPolicy, Settings, Window
from ..errors import SummarizerError, UsageError, redact
from ..models import Brief, Failure
from ..output.formats import Format, format_for_path
from ..run.runner import Summaries
from ..store.atomic import write_atomic
from .exits import (
    EXIT_FAILURES,
    EXIT_OK,
    EXIT_STOPPED,
    EXIT_STRICT,
    EXIT_UNCHANGED,
    exit_status_of,
    with_flags,
)

if TYPE_CHECKING:
    from ..models import Article
    from ..sources.live import FeedReport
    from ..sources.notes import Notes

__all__ = [
    "check_output",
    "check_render_options",
    "counted",
    "exit_status",
    "keep_existing",
    "print_feeds",
    "print_project_notices",
    "print_inputs",
    "print_summary",
    "print_undated",
    "strict_status",
    "rendered",
    "write_output",
]


def rendered(brief: Brief, args: argparse.Namespace, settings: Settings | None = None) -> str:
    """The brief as the options ask; the detail from --detail, else the settings' (environment, config
    file), else the brief detail."""
    # The renderer is imported here, once the answers are in, not before the first request.
    from ..output.render import render_brief
    from ..output.templates import render_template

    if args.template:
        return render_template(brief, args.template)
    return render_brief(
        brief,
        output_format(args),
        title=args.title,
        detail=args.detail or (settings.detail if settings is not None else "brief"),
        appendix=not args.no_appendix,
        standalone=args.standalone,
    )


def output_format(args: argparse.Namespace) -> Format:
    """--format, else what -o's extension asks for (.md/.markdown, .json, .html/.htm), else Markdown."""
    chosen: Format | None = args.format
    return chosen or format_for_path(args.output)


def check_render_options(args: argparse.Namespace) -> None:
    """Before the first request: options that cannot go together are a usage error."""
    if args.standalone and (args.template or output_format(args) != "html"):
        raise UsageError("--standalone makes a whole HTML page: use it with --format html or -o FILE.html")
    if args.template:
        from ..output.templates import check_template  # the sandbox, imported when a template is given

        check_template(args.template)


def exit_status(
    summaries: Summaries,
    *,
    complete: bool,
    kept: bool = False,
    output: str | None = None,
    unread: Sequence[Failure] = (),
) -> int:
    """The command's exit status, after one line for what went wrong (`kept`: no output was written,
    see keep_existing; `unread`: the inputs that could not be read, already named one a line)."""
    # One line for what went wrong, whether or not the progress was shown: it is not progress.
    if summaries.unstored:
        print(f"summarizer: warning: {summaries.unstored}; answers were not stored", file=sys.stderr)
    elif skipped := summaries.unstored_entries:
        count = "1 answer" if len(skipped) == 1 else f"{len(skipped):,} answers"
        shown = "; ".join(skipped[:3]) + ("; ..." if len(skipped) > 3 else "")
        print(f"summarizer: warning: {count} could not be stored ({shown}); the others were", file=sys.stderr)
    note = _withheld(output) if kept else ""
    if summaries.stopped:
        print(f"summarizer: error: the run stopped: {with_flags(summaries.stopped)}{note}", file=sys.stderr)
        return exit_status_of(summaries.stop_error) if summaries.stop_error is not None else EXIT_STOPPED
    if kept:  # every article failed: say why (with -q nothing else does), not only what was kept
        failures = [*unread, *summaries.failures]
        first = failures[0]
        print(
            f"summarizer: error: {len(failures):,} not summarised (the first, {first.origin}: "
            f"{first.reason}).{note}",
            file=sys.stderr,
        )
    return EXIT_OK if complete else EXIT_FAILURES


def strict_status(status: int, failures: Sequence[Failure], notes: Notes | None, *, strict: bool) -> int:
    """With --strict, EXIT_STRICT for a run that lost anything: an input not summarised, a file in a
    folder skipped, a date not read; each is named above already. A run that stopped (3, 4) keeps its
    own status: it says more."""
    if not strict or status not in (EXIT_OK, EXIT_FAILURES, EXIT_UNCHANGED):
        return status
    skipped = sum(notes.skipped.values()) if notes is not None else 0
    dates = len(notes.unread_dates) if notes is not None else 0
    counts = [(len(failures), "not summarised"), (skipped, "skipped"), (dates, "with a date not read")]
    lost = [f"{count:,} {what}" for count, what in counts if count]
    if not lost:
        return status
    print(f"summarizer: error: --strict: {', '.join(lost)} (named above)", file=sys.stderr)
    return EXIT_STRICT


def print_summary(
    summaries: Summaries,
    brief: Brief | None,
    left_out: Sequence[Article],
    args: argparse.Namespace,
    settings: Settings,
    *,
    kept: bool = False,
    feeds: Sequence[FeedReport] = (),
    note: str = "",
    undated: int = 0,
) -> None:
    """The closing line: what was summarised, not summarised, left out and undated (`undated`: the
    articles of the run without a date), what the run spent, where the output went."""
    stream = sys.stderr
    prices = settings.prices
    spent = summaries.spent
    cached = f" ({summaries.cached:,} from the cache)" if summaries.cached else ""
    stories = f", {len(brief.stories):,} {'story' if len(brief.stories) == 1 else 'stories'}" if brief else ""
    failed = len(brief.failures) if brief else len(summaries.failures)
    window = _left_out(left_out, undated)
    cost = f", ${prices.cost(spent):.4f}" if prices is not None else ""
    written = f"; written to {args.output}" if args.output and not kept else ""
    limited = f" ({spent.rate_limited:,} answered 429: rate limit)" if spent.rate_limited else ""
    reasked = summaries.reasked
    reasks = f", {reasked} grounding re-ask{'s' if reasked != 1 else ''}" if reasked else ""
    print(
        f"{len(summaries.briefings):,} summarised{cached}, {failed:,} not summarised{window}{stories}; "
        f"this run: {counted(spent.requests, 'request')}{limited}{reasks}, {spent.prompt_tokens:,} prompt + "
        f"{spent.completion_tokens:,} completion tokens{cost}{written}{_capped(feeds, settings.fetch)}"
        f"{f'; {note}' if note else ''}",
        file=stream,
    )


def counted(number: int, noun: str) -> str:
    """'1 request', '2 requests', '1,234 requests'."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def print_undated(articles: Sequence[Article], notes: Notes | None, window: Window) -> None:
    """With a date window (--since, --until), one line naming the articles that have no date (the first
    few), -q or not: the window cannot tell whether they are in it, and they are kept unless --undated
    drop; a cron job's log must say so. (Without a window a date decides nothing: the summary line
    counts them.) Those already named for having neither outlet nor date are not named twice."""
    if window.since is None and window.until is None:
        return
    named = set(notes.headerless) if notes is not None else set()
    undated = [article.origin for article in articles if article.published is None]
    undated = [origin for origin in undated if origin not in named]
    if not undated:
        return
    shown = ", ".join(undated[:3]) + (", ..." if len(undated) > 3 else "")
    count = "1 article has" if len(undated) == 1 else f"{len(undated):,} articles have"
    print(f"summarizer: warning: {count} no date that can be read (kept: --undated drop leaves them out): "
          f"{shown}", file=sys.stderr)  # fmt: skip


def _left_out(left_out: Sequence[Article], undated: int) -> str:
    """The summary line's part for articles not sent on purpose, and for those sent with no date."""
    dropped = sum(article.published is None for article in left_out)  # only --undated drop does that
    outside = len(left_out) - dropped
    parts = [f"{outside:,} left out by --since/--until"] if outside else []
    if dropped:
        parts.append(f"{dropped:,} undated left out by --undated drop")
    if undated:
        parts.append(f"{undated:,} undated")
    return "".join(f", {part}" for part in parts)


def print_inputs(failures: Sequence[Failure], notes: Notes | None = None, undated: str = "keep") -> None:
    """One line for each input that was not read (a missing path, a file that is no article, a link out
    of an input folder, a private address, a URL robots.txt disallows), and for what reading noticed
    (files skipped in a folder, a date that could not be read), -q or not: the brief lists the
    failures too, but a cron job's log must say them. `undated`: what became of an article whose date
    could not be read (Settings.undated)."""
    for failure in failures:
        print(f"summarizer: warning: {failure.origin}: {failure.reason}", file=sys.stderr)
    if notes is None:
        return
    if skipped := notes.skipped_line():
        print(f"summarizer: warning: {skipped}", file=sys.stderr)
    if headerless := notes.headerless:
        files = "1 text article gives" if len(headerless) == 1 else f"{len(headerless):,} text articles give"
        shown = ", ".join(headerless[:3]) + (", ..." if len(headerless) > 3 else "")
        print(
            f"summarizer: warning: {files} no outlet and no date (no front matter, no Source:/Date: header "
            f"lines): {shown}",
            file=sys.stderr,
        )
    became = "left out by --undated drop" if undated == "drop" else "kept undated"
    for unread in notes.unread_dates:
        print(f"summarizer: warning: {unread}: not a date that can be read; {became}", file=sys.stderr)


def _capped(feeds: Sequence[FeedReport], policy: FetchPolicy) -> str:
    """What the caps on feeds left unread, and the flag that raises each: the summary line's part."""
    over_feed = sum(feed.over_feed_cap for feed in feeds)
    over_run = sum(feed.over_run_cap for feed in feeds)
    parts = []
    if over_feed:
        parts.append(
            f"{over_feed:,} feed entries over the cap of {policy.max_per_feed:,} per feed not read; "
            "--max-per-feed to raise it"
        )
    if over_run:
        parts.append(
            f"{over_run:,} feed entries over the cap of {policy.max_feed_entries:,} for the run not read; "
            "--max-feed-entries to raise it"
        )
    return "".join(f"; {part}" for part in parts)


def print_feeds(feeds: list[FeedReport]) -> None:
    """One line per feed fetched: what it held, what was new since the last run, what was not used."""
    for feed in feeds:
        unchanged = "; not modified since the last run" if not feed.changed else ""
        skipped = f", {feed.skipped} skipped by --since/--until" if feed.skipped else ""
        over = feed.over_feed_cap + feed.over_run_cap
        skipped += f", {over} over the cap" if over else ""
        counts = f"{feed.entries} entries, {feed.new} new{skipped}, {feed.failed} failed"
        print(f"feed {feed.url}: {counts}{unchanged}", file=sys.stderr)


def print_project_notices(given: dict[str, object]) -> None:
    """One line for each setting of the project's file that decides where the key goes: ignored (the
    project is not trusted; how to trust it) or honoured (which file set it, and why it is trusted).
    Nothing for one that a flag or the environment overrides anyway."""
    fields = Settings.model_fields
    for config in Settings.config_files(given):
        for key, notice in zip(config.guarded, config.notices(), strict=True):
            name = key.split(".")[0]
            if name in given or os.environ.get(environment_name(name, fields[name], "SUMMARIZER_")):
                continue
            kind = "warning: " if config.trusted_by is None else ""
            print(f"summarizer: {kind}{with_flags(notice)}", file=sys.stderr)


def check_output(output: str | None) -> None:
    """Before the first request: an output that could never be written is a usage error, not a loss
    discovered after the answers were paid for."""
    if output is None or output == "-":
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"-o {output} is a directory: name a file")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the folders up to here will be made
    if not folder.is_dir():
        raise UsageError(f"cannot write -o {output}: {folder} is not a directory")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write -o {output}: {folder} is not writable")


def keep_existing(output: str | None, summaries: Summaries, unread: Sequence[Failure] = ()) -> bool:
    """Whether to write no output file: a run that summarised nothing because something failed (a
    rejected key, a wrong endpoint, a stale cassette, every input unreadable) must not replace a good
    brief with an empty one, nor leave a new empty brief that a publish step would pick up. (A run
    that failed nothing and found nothing new, a quiet hour's feed, writes its empty brief.)"""
    if output is None or output == "-":
        return False
    return not summaries.briefings and bool(unread or summaries.failures or summaries.stopped)


def _withheld(output: str | None) -> str:
    """What became of -o when keep_existing said to write nothing."""
    if output is not None and Path(output).is_file():
        return " The existing output was kept: this run summarised nothing."
    return f" Nothing was written to {output}: this run summarised nothing."


def write_output(
    text: str, output: str | None, summaries: Summaries | None = None, settings: Settings | None = None
) -> None:
    """Write to stdout, or atomically to a file: a reader never sees half a brief. When the file cannot
    be written after a run, say where the briefings are kept: a rerun then costs nothing."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    text = redact(text)  # an answer may echo the key (stdout is guarded on its way out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except OSError as error:
        reason = f"cannot write {output}: {error.strerror or error}"
        if summaries is None or settings is None:
            raise SummarizerError(reason) from None
        if settings.cache_dir is not None and not summaries.unstored and summaries.briefings:
            kept = (
                f"the briefings are kept in the cache at {settings.cache_dir}: run the same command "
                "again once it can be written (no request is sent again)"
            )
        else:
            try:
                kept = f"the output was saved to {_rescue(text, target)} instead (no cache to rerun from)"
            except OSError:
                kept = "it could not be saved elsewhere either, and there is no cache to rerun from"
        raise SummarizerError(f"{reason}; {kept}") from None


def _rescue(text: str, target: Path) -> str:
    """Somewhere else to put an output that cannot be written where asked: the temp folder."""
    handle, path = tempfile.mkstemp(prefix=f"summarizer-{target.stem}-", suffix=target.suffix)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    return path
