"""The commands: each parses nothing and decides nothing, it calls the library and hands the result on."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..api import make_brief, summarize
from ..config.options import OPTIONS
from ..config.settings import Settings, Window, default_cache_dir
from ..errors import UsageError
from ..llm.schema import briefing_schema
from ..models import Article, ArticleBriefing, Brief, Failure
from ..output.formats import GENERATED_MARKER
from ..output.records import dump_records, read_records
from ..run.runner import Progress
from ..sources.select import select_articles
from ..store import open_store, store_for
from .exits import EXIT_FAILURES, EXIT_OK
from .output import (
    check_output,
    check_render_options,
    exit_status,
    keep_existing,
    print_feeds,
    print_inputs,
    print_project_notices,
    print_summary,
    print_undated,
    rendered,
    strict_status,
    write_output,
)
from .previous import find_previous
from .progress import showing_progress

__all__ = ["COMMANDS"]


def _brief(args: argparse.Namespace) -> int:
    settings = _settings(args)
    check_output(args.output)
    check_render_options(args)
    with _cassette(args, settings) as settings:
        previous = find_previous(args, settings, [*args.paths, *args.feeds])
        with _progress(args) as progress:
            result = make_brief(
                args.paths,
                settings=settings,
                progress=progress,
                fields=dict(args.field),
                exclude=_outputs(args),
                feeds=args.feeds,
            )
    brief = previous.mark(result.brief, result.summaries.briefings)
    kept = keep_existing(args.output, result.summaries, result.unread)
    if not kept:
        write_output(rendered(previous.shown(brief), args, settings), args.output, result.summaries, settings)
        previous.remember(brief)
    print_inputs(result.unread, result.notes, settings.undated)
    print_undated(result.articles, result.notes, settings.window)
    for warning in result.warnings:
        print(f"summarizer: warning: {warning}", file=sys.stderr)
    previous.warn()
    if not args.quiet:
        print_feeds(result.feeds)
        note = "" if kept else previous.note(brief)
        print_summary(
            result.summaries,
            brief,
            result.left_out,
            args,
            settings,
            kept=kept,
            feeds=result.feeds,
            note=note,
            undated=_undated(result.articles),
        )
    status = exit_status(
        result.summaries, complete=result.complete, kept=kept, output=args.output, unread=result.unread
    )
    status = previous.status(status, brief, kept=kept)
    return strict_status(status, result.brief.failures, result.notes, strict=settings.strict)


def _summarize(args: argparse.Namespace) -> int:
    settings = _settings(args)
    check_output(args.output)
    ingested, articles, left_out = select_articles(
        args.paths, settings, dict(args.field), _outputs(args), args.feeds
    )
    with _cassette(args, settings) as settings, _progress(args) as progress:
        summaries = summarize(
            articles,
            settings=settings,
            progress=progress,
        )
    failures = [*ingested.failures, *summaries.failures]
    print_inputs(ingested.failures, ingested.notes, settings.undated)
    print_undated(articles, ingested.notes, settings.window)
    kept = keep_existing(args.output, summaries, ingested.failures)
    if not kept:
        write_output(dump_records(summaries.briefings, failures), args.output, summaries, settings)
    if not args.quiet:
        print_feeds(ingested.feeds)
        print_summary(
            summaries,
            None,
            left_out,
            args,
            settings,
            kept=kept,
            feeds=ingested.feeds,
            undated=_undated(articles),
        )
    status = exit_status(
        summaries, complete=not failures, kept=kept, output=args.output, unread=ingested.failures
    )
    return strict_status(status, failures, ingested.notes, strict=settings.strict)


def _merge(args: argparse.Namespace) -> int:
    from ..living import with_events
    from ..merge.assemble import merge_briefings
    from ..output.render import render_brief

    check_output(args.output)
    briefings: list[ArticleBriefing] = []
    failures: list[Failure] = []
    for path in args.paths:
        text = _read_input(path).decode("utf-8", errors="replace")
        found, failed = read_records(text, _name(path))
        if not found and failed and all(failure.origin.startswith(f"{_name(path)}:") for failure in failed):
            raise UsageError(_not_records(path, text, failed[0]))
        briefings += found
        failures += failed
    brief = with_events(merge_briefings(briefings, failures), briefings)  # as `brief` gives it
    write_output(render_brief(brief, "json"), args.output)
    return EXIT_OK if not failures else EXIT_FAILURES


def _render(args: argparse.Namespace) -> int:
    check_render_options(args)
    check_output(args.output)
    data = _read_input(args.path)
    try:
        brief = Brief.model_validate_json(data)
    except ValidationError as error:
        raise UsageError(_not_a_brief(args.path, data, error)) from None
    write_output(rendered(brief, args), args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    schema = briefing_schema() if args.which == "briefing" else Brief.model_json_schema()
    print(json.dumps(schema, indent=2))
    return EXIT_OK


def _cache(args: argparse.Namespace) -> int:
    store = store_for(_settings_from(_store_given(args))) or open_store(default_cache_dir())
    where = store.url.removeprefix("file:")
    if args.action == "clear":
        removed = store.clear()
        recreated = getattr(store, "recreated", None)  # a damaged database: removed, made anew
        if recreated:
            print(f"the cache at {where.removeprefix('sqlite:')} was damaged ({recreated}): removed it and "
                  "made a new, empty one")  # fmt: skip
        else:
            print(f"removed {_entries(removed)} from {where}")
    else:
        entries, size = store.count()
        # Briefings, and the syntheses, embeddings and fetch records stored beside them.
        print(f"{_entries(entries)}, {size / 1e6:.1f} MB, in {where}")
    return EXIT_OK


def _undated(articles: list[Article]) -> int:
    return sum(article.published is None for article in articles)


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


# --- helpers -----------------------------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    """The settings: the flags given, then the environment, then the config files, then the defaults.
    Which flag sets which setting is the option table's (summarizer.config.options)."""
    given: dict[str, Any] = {**given_settings(args), **_store_given(args)}
    if (window := _window(args)) is not None:
        given["window"] = window
    parts = {name: given.pop(name) for name in [name for name in given if "." in name]}
    settings = _settings_from(given)
    print_project_notices(given)
    # The parts of a setting (fetch.robots) change the whole's value the rest of the chain gave.
    changes: dict[str, Any] = {}
    for whole in sorted({name.split(".")[0] for name in parts}):
        update = {
            name.split(".", 1)[1]: value for name, value in parts.items() if name.startswith(whole + ".")
        }
        changes[whole] = getattr(settings, whole).model_copy(update=update)
    if args.no_cache:
        changes["cache_dir"] = None
    return settings.model_copy(update=changes)


def given_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The settings the command's flags give, by setting name ("fetch.robots" for a part). A flag not
    given (a switch not given) is left out, so that the environment's or a file's value stands."""
    given: dict[str, Any] = {}
    for entry in OPTIONS:
        value = getattr(args, entry.dest, None)
        if entry.kind == "switch":
            value = entry.given if value else None
        if value is not None:
            given[entry.setting] = value
    return given


def _window(args: argparse.Namespace) -> Window | None:
    if not (args.since or args.until):
        return None
    try:
        return Window(since=args.since, until=args.until)
    except ValidationError:  # the only way it fails: a window no article can be in
        raise UsageError(
            f"--since ({args.since:%Y-%m-%d %H:%M}) is after --until ({args.until:%Y-%m-%d %H:%M}): "
            "no article can be in the window"
        ) from None


def _store_given(args: argparse.Namespace) -> dict[str, Any]:
    """The store the flags name: --cache URL, or --cache-dir DIR (a flag wins over $SUMMARIZER_CACHE)."""
    if args.cache and args.cache_dir:
        raise UsageError("give --cache URL or --cache-dir DIR, not both")
    if args.cache_dir:
        return {"cache_dir": args.cache_dir, "cache": f"file:{args.cache_dir}"}
    return {"cache": args.cache} if args.cache else {}


def _settings_from(given: dict[str, Any]) -> Settings:
    try:
        return Settings(**given)
    except ValidationError as error:
        problems = "; ".join(settings_problem(e, given) for e in error.errors())
        raise UsageError(f"invalid settings (from the flags or SUMMARIZER_* variables): {problems}") from None


def settings_problem(error: Any, flags: Mapping[str, Any] = {}) -> str:
    """One invalid setting, named by the variable that gave it when one did ('SUMMARIZER_CLUSTER=
    embedding: Input should be ...'), else by its field."""
    field = ".".join(map(str, error["loc"]))
    variable = "SUMMARIZER_" + field.upper().replace(".", "__")
    # pydantic's "Value error, " says nothing to the user: the words after it are ours.
    message = str(error["msg"]).removeprefix("Value error, ")
    if "." not in field and field not in flags and variable in os.environ:
        return f"{variable}={os.environ[variable]!r}: {message}"
    flag = next((entry.flag for entry in OPTIONS if entry.setting == field), None)
    if field in flags and flag is not None:  # the command line speaks in flags, not in settings
        return f"{flag}: {message}"
    return f"{field}: {message}"


def _progress(args: argparse.Namespace) -> AbstractContextManager[Progress | None]:
    # A live bar on a terminal, but not with -v: log lines would tear it.
    return showing_progress(sys.stderr, quiet=args.quiet, live=not args.verbose)


def _read_input(path: str) -> bytes:
    """A file's bytes, or stdin's for "-"; a file that cannot be read is a usage error naming it."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def _name(path: str) -> str:
    return "stdin" if path == "-" else path


def _not_records(path: str, text: str, first: Failure) -> str:
    """Why a file given to merge is the wrong file: one usage error, not a failure for every line."""
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict) and "stories" in whole:
        hint = f"it is a brief: render it with summarizer render {path}"
    elif isinstance(whole, (dict, list)) or Path(path).suffix in _ARTICLE_SUFFIXES:
        hint = f"articles? summarise them first: summarizer summarize {path} | summarizer merge -"
    else:
        hint = "summarizer summarize writes them"
    line = first.origin.rsplit(":", 1)[1]
    reason = first.reason.removeprefix("not a briefing or failure record: ")
    return f"{_name(path)} holds no briefings as JSON lines ({hint}); line {line}: {reason}"


def _not_a_brief(path: str, data: bytes, error: ValidationError) -> str:
    """Why a file given to render is the wrong file, and what to do with it instead."""
    first = error.errors()[0]
    where = ".".join(map(str, first["loc"]))
    problem = f"{where}: {first['msg']}" if where else first["msg"]
    found, _ = read_records(data.decode("utf-8", errors="replace"), _name(path))
    wrote = _brief_written_as(data)
    if found:
        hint = f"it holds briefings: merge them first: summarizer merge {path} | summarizer render -"
    elif wrote:
        return (
            f"{_name(path)} is a brief summarizer wrote as {wrote}: render reads a brief as JSON; "
            "write one with summarizer brief --format json -o brief.json (or summarizer merge)"
        )
    elif Path(path).suffix in _ARTICLE_SUFFIXES:
        hint = f"articles? summarizer brief {path}"
    else:
        hint = "summarizer merge or summarizer brief --format json writes one"
    return f"{_name(path)} is not a brief as JSON ({hint}): {problem}"


def _brief_written_as(data: bytes) -> str | None:
    """'Markdown' or 'HTML' when the file is a brief this tool rendered, else None."""
    head = data[:4096].decode("utf-8", errors="replace")
    if head.lstrip("\ufeff").startswith(GENERATED_MARKER):
        return "Markdown"
    if 'class="summarizer-brief"' in head or '<meta name="generator" content="summarizer">' in head:
        return "HTML"
    return None


_ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom"}


def _outputs(args: argparse.Namespace) -> list[str]:
    """The run's own output file, never to be read back as an input."""
    return [args.output] if args.output and args.output != "-" else []


@contextmanager
def _cassette(args: argparse.Namespace, settings: Settings) -> Iterator[Settings]:
    """Replay or record a cassette when asked to, with its settings (no cache; a placeholder key)."""
    if args.record and not args.cassette:
        raise UsageError("--record needs --cassette FILE to record to")
    if not args.cassette:
        yield settings
        return
    from ..testing.cassette import cassette_settings, use_cassette

    with use_cassette(args.cassette, record=args.record):
        yield cassette_settings(settings, record=args.record)


def _batch(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _cassette(args, settings) as replayed:
        # A cassette run keeps the cache here: the batches and their answers live in it.
        from .batch import run_batch  # the Batch API's SDK calls: only this command's

        return run_batch(args, replayed.model_copy(update={"cache_dir": settings.cache_dir}))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "brief": _brief,
    "summarize": _summarize,
    "merge": _merge,
    "render": _render,
    "schema": _schema,
    "cache": _cache,
    "batch": _batch,
}
