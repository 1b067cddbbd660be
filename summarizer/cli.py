"""The command line: parse arguments, call the pipeline, print. No logic of its own."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .cache import BriefingCache, default_cache_dir
from .cassette import use_cassette
from .errors import SummarizerError, UsageError
from .llm import DEFAULT_MODEL, LLMSettings, briefing_schema
from .pipeline import Prices, RunResult, Settings, make_brief
from .progress import progress_for
from .render import render_brief

__all__ = ["EXIT_FAILURES", "EXIT_OK", "EXIT_STOPPED", "EXIT_USAGE", "main"]

EXIT_OK = 0  # every article became a briefing
EXIT_FAILURES = 1  # the brief was written, but some inputs are listed as not summarised
EXIT_USAGE = 2  # the command was used wrongly (bad option, no API key, no articles)
EXIT_STOPPED = 3  # the endpoint rejected the key; the run stopped (the brief lists what was not done)
EXIT_INTERRUPTED = 130

#: The placeholder key a replayed cassette is run with: its requests never leave the process.
REPLAY_KEY = "sk-replay-placeholder"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Turn a day's news articles into one structured, source-attributed brief.",
        epilog="Exit status: 0 all summarised; 1 some inputs not summarised (the brief lists them); "
        "2 usage error; 3 the endpoint rejected the API key.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    brief = commands.add_parser("brief", help="summarise articles and merge them into one brief")
    brief.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt .md .json .jsonl), folders, or - for stdin",
    )
    brief.add_argument("-o", "--output", metavar="FILE", help="write the brief here (default: stdout)")
    brief.add_argument("--format", choices=["markdown", "json"], default="markdown")
    brief.add_argument(
        "--model",
        default=os.environ.get("SUMMARIZER_MODEL", DEFAULT_MODEL),
        help=f"the model (default: $SUMMARIZER_MODEL or {DEFAULT_MODEL})",
    )
    brief.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or OpenAI's)",
    )
    brief.add_argument(
        "--mode",
        choices=["json_schema", "json_object"],
        default="json_schema",
        help="json_object for servers without strict JSON-schema output",
    )
    brief.add_argument(
        "--concurrency",
        type=_positive,
        default=8,
        metavar="N",
        help="requests in flight at once (default: 8)",
    )
    brief.add_argument(
        "--max-reasks",
        type=_non_negative,
        default=2,
        metavar="N",
        help="times an invalid answer is sent back with its errors (default: 2)",
    )
    brief.add_argument(
        "--synthesize",
        action="store_true",
        help="one more call per story reported by two outlets or more, to write its headline and summary "
        "from all of them (checked and cached like a briefing)",
    )
    brief.add_argument(
        "--grounding",
        choices=["strict", "warn", "off"],
        default="strict",
        help="quotes, figures and names the article does not support: drop them after one re-ask "
        "(strict, default), keep them marked unverified (warn), or do not check (off)",
    )
    brief.add_argument(
        "--cassette",
        metavar="FILE",
        help="replay the HTTP exchanges recorded in FILE instead of calling the endpoint",
    )
    brief.add_argument(
        "--record",
        action="store_true",
        help="with --cassette: call the endpoint and record the exchanges to FILE",
    )
    _cache_options(brief)
    brief.add_argument(
        "--no-cache", action="store_true", help="neither read nor store briefings in the cache"
    )
    brief.add_argument(
        "--max-tokens",
        type=_positive,
        metavar="N",
        help="token budget for the whole run: once spent, no new request is sent and the remaining "
        "articles are listed as not summarised",
    )
    brief.add_argument(
        "--max-article-tokens",
        type=_positive,
        default=12_000,
        metavar="N",
        help="cut longer articles to about N tokens (default: 12000; the brief says which were cut)",
    )
    brief.add_argument(
        "--price",
        type=_prices,
        default=os.environ.get("SUMMARIZER_PRICE"),
        metavar="IN,OUT[,CACHED]",
        help="dollars per million input, output (and cached input) tokens, to show the cost "
        "(default: $SUMMARIZER_PRICE; no price, no cost)",
    )
    brief.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    brief.add_argument("-v", "--verbose", action="store_true", help="log requests and retries on stderr")

    commands.add_parser("schema", help="print the briefing's JSON schema (what the model must answer)")

    cache = commands.add_parser("cache", help="show or clear the cache of briefings")
    cache.add_argument("action", choices=["info", "clear"])
    _cache_options(cache)
    return parser


def _cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where briefings are stored as they arrive (default: {default_cache_dir()})",
    )


def _prices(text: str) -> Prices:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError("give dollars per million tokens as IN,OUT[,CACHED]") from None
    if len(values) not in (2, 3) or any(value < 0 for value in values):
        raise argparse.ArgumentTypeError("give dollars per million tokens as IN,OUT[,CACHED]")
    return Prices(input=values[0], output=values[1], cached_input=values[2] if len(values) == 3 else None)


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "schema":
            print(json.dumps(briefing_schema(), indent=2))
            return EXIT_OK
        if args.command == "cache":
            return _cache(args)
        return _brief(args)
    except SummarizerError as error:
        print(f"summarizer: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(
            "\nsummarizer: interrupted; no brief was written. Every briefing finished so far is cached: "
            "run the same command again to resume.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED


def _cache(args: argparse.Namespace) -> int:
    store = BriefingCache(args.cache_dir or default_cache_dir())
    if args.action == "clear":
        print(f"removed {store.clear()} briefings from {store.root}")
    else:
        entries, size = store.size()
        print(f"{entries} briefings, {size / 1e6:.1f} MB, in {store.root}")
    return EXIT_OK


def _brief(args: argparse.Namespace) -> int:
    if args.record and not args.cassette:
        raise UsageError("--record needs --cassette FILE to record to")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    replaying = bool(args.cassette) and not args.record
    settings = Settings(
        llm=LLMSettings(
            model=args.model, mode=args.mode, max_reasks=args.max_reasks, grounding=args.grounding
        ),
        concurrency=args.concurrency,
        base_url=args.base_url,
        # A cassette run (replay or recording) must make its own requests: no cache.
        cache_dir=None if args.no_cache or args.cassette else (args.cache_dir or default_cache_dir()),
        max_article_tokens=args.max_article_tokens,
        max_run_tokens=args.max_tokens,
        prices=args.price,
        synthesize=args.synthesize,
        api_key=REPLAY_KEY if replaying and not os.environ.get("OPENAI_API_KEY") else None,
    )
    cassette: AbstractContextManager[Any] = (
        use_cassette(args.cassette, record=args.record) if args.cassette else nullcontext()
    )
    progress = progress_for(sys.stderr, quiet=args.quiet)
    with cassette:
        result = make_brief(args.paths, settings=settings, progress=progress)
    _write(render_brief(result.brief, args.format), args.output)
    if not args.quiet:
        _summary(result, args.output, args.price, sys.stderr)
    if result.summaries.stopped:
        print(f"summarizer: error: the run stopped: {result.summaries.stopped}", file=sys.stderr)
        return EXIT_STOPPED
    return EXIT_OK if result.complete else EXIT_FAILURES


def _summary(result: RunResult, output: str | None, prices: Prices | None, stream: TextIO) -> None:
    brief = result.brief
    usage = brief.usage
    stories = f"{len(brief.stories)} {'story' if len(brief.stories) == 1 else 'stories'}"
    print(
        f"{len(result.summaries.briefings)} summarised, {len(brief.failures)} not summarised, {stories}; "
        f"{usage.requests} requests, {usage.prompt_tokens} prompt + "
        f"{usage.completion_tokens} completion tokens" + (f"; brief written to {output}" if output else ""),
        file=stream,
    )


def _write(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file: a reader never sees half a brief."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
