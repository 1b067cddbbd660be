"""The command line's parser: its commands, their options grouped by what they are for, option values."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

from .. import __version__
from ..fields import FIELD_NAMES
from ..render import FORMATS
from ..settings import DEFAULT_MODEL, Prices, default_cache_dir
from .batch import add_batch_parser

__all__ = ["build_parser"]

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
    parser.add_argument(
        "--cache",
        metavar="URL",
        help="the store as a URL instead: file:DIR, or sqlite:PATH for one file many processes share "
        "(default: $SUMMARIZER_CACHE, else the folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command."""
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
    shared = {"input": _input_options, "model": _model_options, "talk": _talk_options}
    add_batch_parser(commands, {**shared, "output": _output_options, "prices": _prices})
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
