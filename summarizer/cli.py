"""The command line: parse arguments, call the library, print. No logic of its own."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from types import FrameType
from typing import Any

from pydantic import ValidationError

from . import __version__
from .cache import FileStore
from .engine import Unrecoverable, briefing_schema
from .errors import SummarizerError, UsageError
from .fields import FIELD_NAMES
from .files import write_atomic
from .merge import merge_briefings
from .models import Brief
from .pipeline import Summaries, make_brief, select_articles, summarize
from .progress import progress_for
from .records import dump_records, load_records
from .render import FORMATS, render_brief, render_template
from .settings import DEFAULT_MODEL, Prices, Settings, Window, default_cache_dir

__all__ = [
    "EXIT_ENDPOINT",
    "EXIT_FAILURES",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STOPPED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "Terminated",
    "main",
]

EXIT_OK = 0  # every article became a briefing
EXIT_FAILURES = 1  # some inputs are listed as not summarised, or the output could not be written
EXIT_USAGE = 2  # the command was used wrongly (bad option, no API key, no articles)
EXIT_STOPPED = 3  # the endpoint rejected the key; the run stopped (the brief lists what was not done)
EXIT_ENDPOINT = 4  # the endpoint is wrong: nothing listening, not OpenAI-compatible, unknown model
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports a process it ended

# A library error speaks in settings; on the command line the same thing is a flag.
_FLAGS = {
    "(base_url)": "(--base-url)",
    "use mode json_object": "use --mode json_object",
    "replay a recorded run from a cassette": "replay a recorded run with --cassette FILE",
    "record it again": "record it again with --record",
}


# --- options shared by several commands --------------------------------------------------------------


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="articles: .txt .md .json .jsonl .html .xml/.rss/.atom files, folders, or - for stdin",
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        type=_field,
        metavar="NAME=KEY",
        help="read an article field from a JSON export's own key, e.g. text=body or "
        "title=title.rendered (repeatable; fields: " + ", ".join(FIELD_NAMES) + ")",
    )
    parser.add_argument(
        "--since",
        type=_moment(start=True),
        metavar="DATE",
        help="leave out articles published before DATE (YYYY-MM-DD or ISO time)",
    )
    parser.add_argument(
        "--until",
        type=_moment(start=False),
        metavar="DATE",
        help="leave out articles published after DATE (a date includes the whole day)",
    )


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help=f"the model (default: $SUMMARIZER_MODEL or {DEFAULT_MODEL})")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or OpenAI's)",
    )
    parser.add_argument(
        "--mode",
        choices=["json_schema", "json_object"],
        help="json_object for servers without strict JSON-schema output",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="how long to wait for one answer before it counts as a hang and is retried (default: 120)",
    )
    parser.add_argument(
        "--rpm",
        type=_rate,
        metavar="N",
        help="the endpoint's requests-per-minute limit, to pace the run under it "
        "(default: learned from the server's x-ratelimit-* headers and 429s)",
    )
    parser.add_argument(
        "--tpm", type=_rate, metavar="N", help="the endpoint's tokens-per-minute limit (default: learned)"
    )
    parser.add_argument(
        "--deadline",
        type=_seconds,
        metavar="SECONDS",
        help="stop sending after this long; the articles left are listed as not summarised",
    )
    parser.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help="requests in flight at once (default: 8)",
    )
    parser.add_argument(
        "--max-reasks",
        type=_non_negative,
        metavar="N",
        help="times an invalid answer is sent back with its errors (default: 2)",
    )
    parser.add_argument(
        "--grounding",
        choices=["strict", "warn", "off"],
        help="quotes, figures and names the article does not support: drop them after one "
        "re-ask (strict, default), keep them marked unverified (warn), or do not check (off)",
    )
    parser.add_argument(
        "--cassette",
        metavar="FILE",
        help="replay the HTTP exchanges recorded in FILE instead of calling the endpoint",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="with --cassette: call the endpoint and record the exchanges to FILE",
    )
    _cache_option(parser)
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor store briefings in the cache"
    )
    parser.add_argument(
        "--max-tokens",
        type=_positive,
        metavar="N",
        help="token budget for the whole run: once spent, no new request is sent and the "
        "remaining articles are listed as not summarised",
    )
    parser.add_argument(
        "--max-article-tokens",
        type=_positive,
        metavar="N",
        help="cut longer articles to about N tokens (default: 12000; the output says which)",
    )
    parser.add_argument(
        "--price",
        type=_prices,
        metavar="IN,OUT[,CACHED]",
        help="dollars per million input, output (and cached input) tokens, to show the cost "
        "(default: $SUMMARIZER_PRICE; no price, no cost)",
    )


def _output_options(parser: argparse.ArgumentParser, *, formats: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, atomically (default: stdout)")
    if formats:
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default="markdown",
            help="markdown (default), json (the Brief model) or html (a safe fragment)",
        )
        parser.add_argument(
            "--template",
            metavar="FILE",
            help="render with your own jinja2 template instead (sandboxed; see the README)",
        )


def _talk_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="log requests and retries on stderr")


def _cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where briefings are stored as they arrive (default: {default_cache_dir()})",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Turn a day's news articles into one structured, source-attributed brief.",
        epilog="Exit status: 0 all summarised; 1 some inputs not summarised (the output lists them); "
        "2 usage error; 3 the endpoint rejected the API key; 4 the endpoint is wrong (nothing listening, "
        "not OpenAI-compatible, unknown model); 130 interrupted; 143 terminated.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    brief = commands.add_parser("brief", help="summarise articles and merge them into one brief")
    _input_options(brief)
    _output_options(brief)
    _model_options(brief)
    brief.add_argument(
        "--synthesize",
        action="store_true",
        help="one more call per story reported by two outlets or more, to write its headline "
        "and summary from all of them (checked and cached like a briefing)",
    )
    _talk_options(brief)

    summarise = commands.add_parser("summarize", help="articles in, briefings out as JSON lines (for merge)")
    _input_options(summarise)
    _output_options(summarise, formats=False)
    _model_options(summarise)
    _talk_options(summarise)

    merge = commands.add_parser(
        "merge", help="briefings as JSON lines in, the brief out as JSON (for render)"
    )
    merge.add_argument("paths", nargs="+", metavar="FILE", help="JSON-lines files written by summarize")
    _output_options(merge, formats=False)

    render = commands.add_parser("render", help="a brief as JSON in, Markdown, HTML or your template out")
    render.add_argument("path", metavar="FILE", help="a brief as JSON (from merge, or brief --format json)")
    _output_options(render)

    schema = commands.add_parser(
        "schema", help="print a JSON schema: the briefing the model fills, or the brief"
    )
    schema.add_argument("which", nargs="?", choices=["briefing", "brief"], default="briefing")

    cache = commands.add_parser("cache", help="show or clear the cache of briefings")
    cache.add_argument("action", choices=["info", "clear"])
    _cache_option(cache)
    return parser


# --- option values -------------------------------------------------------------------------------------


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a number a minute, e.g. 500") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _prices(text: str) -> Prices:
    try:
        return Prices.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _field(text: str) -> tuple[str, str]:
    name, _, key = text.partition("=")
    if name not in FIELD_NAMES or not key:
        raise argparse.ArgumentTypeError(f"give NAME=KEY with NAME one of {', '.join(FIELD_NAMES)}")
    return name, key


def _moment(*, start: bool) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError("give a date (YYYY-MM-DD) or an ISO time") from None
        if len(text) == 10 and not start:  # a date: the whole day
            moment = datetime.combine(moment.date(), time.max)
        return moment.replace(tzinfo=None) if moment.tzinfo is None else moment

    return parse


# --- the commands ------------------------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that it unwinds the same way: the run is cancelled on its loop,
    nothing is half-written, every briefing finished so far stays cached."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM handled like Ctrl-C while a command runs; the previous handler put back after it."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    args = _parser().parse_args(argv)
    # Everything imported so far lives as long as the process: keep the collector from walking it again
    # and again while a run creates its briefings (measured: 15% of the pipeline's CPU time).
    gc.freeze()
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.ERROR,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "brief": _brief,
        "summarize": _summarize,
        "merge": _merge,
        "render": _render,
        "schema": _schema,
        "cache": _cache,
    }
    try:
        with _sigterm_as_interrupt():
            status = commands[args.command](args)
            sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
            return status
    except SummarizerError as error:
        print(f"summarizer: error: {_with_flags(str(error))}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (`summarizer brief ... | head`): stop quietly, as Unix tools do. Python
        # would flush stdout again at exit and complain; point it at devnull first (the Python docs'
        # recipe for SIGPIPE).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURES
    except KeyboardInterrupt as interrupt:
        how = "terminated" if isinstance(interrupt, Terminated) else "interrupted"
        print(
            f"\nsummarizer: {how}; nothing was written. Every briefing finished so far is cached: "
            "run the same command again to resume.",
            file=sys.stderr,
        )
        return EXIT_TERMINATED if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED


def _brief(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _check_output(args.output)
    with _cassette(args, settings) as (settings, unrecoverable):
        result = make_brief(
            args.paths,
            settings=settings,
            progress=progress_for(sys.stderr, quiet=args.quiet),
            fields=dict(args.field),
            exclude=_outputs(args),
            unrecoverable=unrecoverable,
        )
    kept = _keep_existing(args.output, result.summaries)
    if not kept:
        _write(_rendered(result.brief, args), args.output, result.summaries, settings)
    if not args.quiet:
        _summary(result.summaries, result.brief, len(result.left_out), args, settings.prices, kept=kept)
    return _status(result.summaries, complete=result.complete, kept=kept)


def _summarize(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _check_output(args.output)
    ingested, articles, left_out = select_articles(args.paths, settings, dict(args.field), _outputs(args))
    with _cassette(args, settings) as (settings, unrecoverable):
        summaries = summarize(
            articles,
            settings=settings,
            progress=progress_for(sys.stderr, quiet=args.quiet),
            unrecoverable=unrecoverable,
        )
    failures = [*ingested.failures, *summaries.failures]
    kept = _keep_existing(args.output, summaries)
    if not kept:
        _write(dump_records(summaries.briefings, failures), args.output, summaries, settings)
    if not args.quiet:
        _summary(summaries, None, len(left_out), args, settings.prices, kept=kept)
    return _status(summaries, complete=not failures, kept=kept)


def _merge(args: argparse.Namespace) -> int:
    briefings, failures = load_records(args.paths)
    brief = merge_briefings(briefings, failures)
    _write(render_brief(brief, "json"), args.output)
    return EXIT_OK if not failures else EXIT_FAILURES


def _render(args: argparse.Namespace) -> int:
    try:
        brief = Brief.model_validate_json(Path(args.path).read_bytes())
    except OSError as error:
        raise UsageError(f"cannot read {args.path}: {error.strerror or error}") from None
    except ValueError as error:
        raise UsageError(f"{args.path} is not a brief as JSON: {str(error).splitlines()[0]}") from None
    _write(_rendered(brief, args), args.output)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    schema = briefing_schema() if args.which == "briefing" else Brief.model_json_schema()
    print(json.dumps(schema, indent=2))
    return EXIT_OK


def _cache(args: argparse.Namespace) -> int:
    store = FileStore(args.cache_dir or _settings_from({}).cache_dir or default_cache_dir())
    if args.action == "clear":
        print(f"removed {store.clear()} briefings from {store.root}")
    else:
        entries, size = store.count()
        print(f"{entries} briefings, {size / 1e6:.1f} MB, in {store.root}")
    return EXIT_OK


# --- helpers -----------------------------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    """The settings: the flags given, then the environment, then the defaults."""
    given: dict[str, Any] = {
        "model": args.model,
        "mode": args.mode,
        "base_url": args.base_url,
        "timeout": args.timeout,
        "max_reasks": args.max_reasks,
        "grounding": args.grounding,
        "concurrency": args.concurrency,
        "rpm": args.rpm,
        "tpm": args.tpm,
        "deadline": args.deadline,
        "cache_dir": args.cache_dir,
        "max_article_tokens": args.max_article_tokens,
        "max_run_tokens": args.max_tokens,
        "prices": args.price,
        "synthesize": getattr(args, "synthesize", None),
        "window": Window(since=args.since, until=args.until),
    }
    settings = _settings_from({name: value for name, value in given.items() if value is not None})
    return settings.model_copy(update={"cache_dir": None}) if args.no_cache else settings


def _settings_from(given: dict[str, Any]) -> Settings:
    try:
        return Settings(**given)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise UsageError(f"invalid settings (from the flags or SUMMARIZER_* variables): {problems}") from None


def _outputs(args: argparse.Namespace) -> list[str]:
    """The run's own output file, never to be read back as an input."""
    return [args.output] if args.output and args.output != "-" else []


def _with_flags(message: str) -> str:
    for setting, flag in _FLAGS.items():
        message = message.replace(setting, flag)
    return message


@contextmanager
def _cassette(
    args: argparse.Namespace, settings: Settings
) -> Iterator[tuple[Settings, Unrecoverable | None]]:
    """Replay or record a cassette when asked to, with its settings and its hook for unrecorded requests."""
    if args.record and not args.cassette:
        raise UsageError("--record needs --cassette FILE to record to")
    if not args.cassette:
        yield settings, None
        return
    from .cassette import cassette_settings, not_recorded, use_cassette

    with use_cassette(args.cassette, record=args.record):
        yield cassette_settings(settings, record=args.record), not_recorded


def _rendered(brief: Brief, args: argparse.Namespace) -> str:
    return render_template(brief, args.template) if args.template else render_brief(brief, args.format)


def _status(summaries: Summaries, *, complete: bool, kept: bool = False) -> int:
    # One line for what went wrong, whether or not the progress was shown: it is not progress.
    if summaries.unstored:
        print(f"summarizer: warning: {summaries.unstored}; answers were not stored", file=sys.stderr)
    note = " The existing output was kept: this run summarised nothing." if kept else ""
    if summaries.stopped:
        print(f"summarizer: error: the run stopped: {_with_flags(summaries.stopped)}{note}", file=sys.stderr)
        return summaries.stop_code or EXIT_STOPPED
    if kept:
        print(f"summarizer: error:{note}", file=sys.stderr)
    return EXIT_OK if complete else EXIT_FAILURES


def _summary(
    summaries: Summaries,
    brief: Brief | None,
    left_out: int,
    args: argparse.Namespace,
    prices: Prices | None,
    *,
    kept: bool = False,
) -> None:
    stream = sys.stderr
    spent = summaries.spent
    cached = f" ({summaries.cached} from the cache)" if summaries.cached else ""
    stories = f", {len(brief.stories)} {'story' if len(brief.stories) == 1 else 'stories'}" if brief else ""
    failed = len(brief.failures) if brief else len(summaries.failures)
    window = f", {left_out} left out by --since/--until" if left_out else ""
    cost = f", ${prices.cost(spent):.4f}" if prices is not None else ""
    written = f"; written to {args.output}" if args.output and not kept else ""
    limited = f" ({spent.rate_limited} answered 429: rate limit)" if spent.rate_limited else ""
    reasked = summaries.reasked
    reasks = f", {reasked} grounding re-ask{'s' if reasked != 1 else ''}" if reasked else ""
    print(
        f"{len(summaries.briefings)} summarised{cached}, {failed} not summarised{window}{stories}; "
        f"this run: {spent.requests} requests{limited}{reasks}, {spent.prompt_tokens} prompt + "
        f"{spent.completion_tokens} completion tokens{cost}{written}",
        file=stream,
    )


def _check_output(output: str | None) -> None:
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


def _keep_existing(output: str | None, summaries: Summaries) -> bool:
    """Whether to leave an existing output file as it is: a run that summarised nothing (a rejected key,
    a wrong endpoint) must not replace a good brief with an empty one."""
    if output is None or output == "-" or not Path(output).is_file():
        return False
    return not summaries.briefings and bool(summaries.failures or summaries.stopped)


def _write(
    text: str, output: str | None, summaries: Summaries | None = None, settings: Settings | None = None
) -> None:
    """Write to stdout, or atomically to a file: a reader never sees half a brief. When the file cannot
    be written after a run, say where the briefings are kept: a rerun then costs nothing."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
