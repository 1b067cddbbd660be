"""The command line's parser: its commands, their options grouped by what they are for, option values.

It imports nothing heavy (no pydantic, no OpenAI SDK, no jinja2): `--help`, `--version`, a usage error
and a shell's completion answer before the library is loaded. Option values that need the library
(prices) import it when they are given.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .. import __version__
from ..config import DEFAULT_EMBEDDING_MODEL, DEFAULT_MODEL, default_cache_dir

if TYPE_CHECKING:
    from ..settings import Prices

__all__ = ["ARTICLE_FIELDS", "CLUSTERINGS", "DETAILS", "FORMATS", "SHELLS", "Parser", "build_parser"]

#: The article fields --field can map (summarizer.fields.FIELD_NAMES; a test keeps the two the same).
ARTICLE_FIELDS = ("text", "title", "source", "url", "author", "published")
#: The output formats (summarizer.render.FORMATS; a test keeps the two the same).
FORMATS = ("markdown", "json", "html")
#: How much of each story the brief shows (summarizer.render.DETAILS; a test keeps the two the same).
DETAILS = ("brief", "full")
#: How briefings are grouped into stories (summarizer.settings.Clustering; a test keeps the two the same).
CLUSTERINGS = ("text", "embeddings")
#: The shells `summarizer completion` writes a script for.
SHELLS = ("bash", "zsh", "fish")

#: Anything that options can be added to: a parser or one of its groups.
Options = argparse._ActionsContainer


class Parser(argparse.ArgumentParser):
    """argparse with manners: no abbreviated options (a prefix that works today breaks when an option is
    added tomorrow), a usage error in one line with the nearest name, examples kept as written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        #: The command parsers by name (on the top parser), to name the options an unknown one is near.
        self.commands: dict[str, Parser] = {}

    def error(self, message: str) -> NoReturn:
        """One line on stderr, then exit status 2 (the usage and the rest are one --help away)."""
        # A positional's name is argparse's, not the user's ("argument which:"); an option's is theirs.
        message = re.sub(r"^argument (?!-)[^:]*: ", "", message)
        hint = "" if "did you mean" in message else f" (see {self.prog} --help)"
        self.exit(2, f"{self.prog}: error: {message}{hint}\n")

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        command = self.commands.get(getattr(parsed, "command", None) or "", self)
        if extras:
            command.error(command.unknown(extras[0]))
        if getattr(parsed, "paths", None) == [] and not getattr(parsed, "feeds", True):
            # The articles are paths, URLs, or the URLs of --feeds lists: one of them is required.
            command.error("the following arguments are required: PATH|URL (or --feeds FILE)")
        return parsed

    def unknown(self, given: str) -> str:
        """What is wrong with an argument this parser does not know, and the option it is nearest to."""
        if not given.startswith("-") or given == "-":
            return f"unexpected argument {given!r}"
        flag = given.split("=", 1)[0]
        known = [option for option in self._option_string_actions if option.startswith("--")]
        return f"unknown option {flag}{_nearest(flag, known)}"

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse's own message lists every choice; name the nearest one instead (a command, a format).
        if action.choices is not None and value not in action.choices:
            choices = [str(choice) for choice in action.choices]
            what = "command" if isinstance(action, argparse._SubParsersAction) else "choice"
            message = f"unknown {what} {value!r}{_nearest(str(value), choices)}"
            if not _nearest(str(value), choices):
                message += f"; choose from {', '.join(choices)}"
            raise argparse.ArgumentError(action, message)


def _nearest(given: str, known: Sequence[str]) -> str:
    """' (did you mean --model?)', or both of two near ones: --modle is as near --mode as --model."""
    close = difflib.get_close_matches(given, known, n=2, cutoff=0.6)
    if len(close) == 2 and difflib.SequenceMatcher(None, given, close[1]).ratio() < 0.8:
        close = close[:1]
    return f" (did you mean {' or '.join(close)}?)" if close else ""


# --- options shared by several commands --------------------------------------------------------------


def _input_options(parser: Options) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="articles: .txt .md .json .jsonl .html .xml/.rss/.atom files, folders, - for stdin, "
        "or http(s) URLs of pages and RSS/Atom feeds",
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        type=_field,
        metavar="NAME=KEY",
        help="read an article field from a JSON export's own key, e.g. text=body or "
        "title=title.rendered (repeatable; fields: " + ", ".join(ARTICLE_FIELDS) + ")",
    )
    parser.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="read a link in a folder to a file outside it too (by default such a file is not read, "
        "and named on stderr: a folder must not send a private file to the endpoint)",
    )
    parser.add_argument(
        "--since",
        type=_moment(start=True),
        metavar="WHEN",
        help="leave out articles published before WHEN: a date (YYYY-MM-DD), an ISO time, or a time "
        "ago (90m, 24h, 2d, 1w); a feed's older entries are not even fetched",
    )
    parser.add_argument(
        "--until",
        type=_moment(start=False),
        metavar="WHEN",
        help="leave out articles published after WHEN (a date includes the whole day)",
    )


def _live_options(parser: Options) -> None:
    parser.add_argument(
        "--feeds",
        action="append",
        default=[],
        metavar="FILE",
        help="fetch the URLs listed in FILE too: OPML, or one URL a line with # comments (repeatable)",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="fetch from private, loopback and link-local addresses too (an intranet CMS); "
        "refused by default, after DNS and on every redirect",
    )
    parser.add_argument(
        "--ignore-robots", action="store_true", help="fetch what a site's robots.txt disallows"
    )
    parser.add_argument(
        "--max-per-feed",
        type=_positive,
        metavar="N",
        help="read at most N entries of each feed, its first ones (default: 100)",
    )
    parser.add_argument(
        "--max-feed-entries",
        type=_positive,
        metavar="N",
        help="read at most N entries from all the feeds of the run, the first feeds' first (default: 1000)",
    )
    parser.add_argument(
        "--no-follow-links",
        action="store_true",
        help="do not fetch the page of a feed entry that holds only a teaser (it is listed as failed)",
    )


def _endpoint_options(parser: Options) -> None:
    parser.add_argument("--model", help=f"the model (default: {DEFAULT_MODEL})")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="an OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or OpenAI's)",
    )
    parser.add_argument(
        "--trust-project",
        action="store_true",
        help="for this run, read the settings that decide where the API key and requests go (base_url, "
        "fetch.allow_private) from the project's pyproject.toml too; without it they are ignored, "
        "unless your config.toml lists the folder in trusted_projects",
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
        help="how long one whole answer may take, first byte sent to last byte read, before it counts as "
        "a hang and is retried (default: 120)",
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


def _check_options(parser: Options) -> None:
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


def _pace_options(parser: Options) -> None:
    parser.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help="requests in flight at once (default: 8)",
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
        help="end the run after this long: no new request, the ones in flight cancelled; their articles "
        "and those left are listed as not summarised",
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


def _model_options(parser: argparse.ArgumentParser) -> None:
    """Everything about the calls to the model, in groups: endpoint, checks, pace and budget, cache."""
    _endpoint_options(parser.add_argument_group("model and endpoint"))
    _check_options(parser.add_argument_group("checks"))
    _pace_options(parser.add_argument_group("pace and budget"))
    cache = parser.add_argument_group("cache")
    _cache_option(cache)
    cache.add_argument(
        "--no-cache", action="store_true", help="neither read nor store briefings in the cache"
    )


def _story_options(parser: Options) -> None:
    parser.add_argument(
        "--cluster",
        choices=CLUSTERINGS,
        help="how briefings on one event are found: by their words (text, default), or by the "
        "endpoint's embeddings of their events, headlines and summaries (one request per 64 "
        "briefings, cached; by text again if it fails)",
    )
    parser.add_argument(
        "--embedding-model",
        metavar="NAME",
        help=f"the model of --cluster embeddings (default: {DEFAULT_EMBEDDING_MODEL})",
    )


def _output_options(parser: Options, *, formats: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, atomically (default: stdout)")
    if formats:
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="markdown, json (the Brief model, everything) or html (a safe fragment); default: "
            "from -o's extension (.md, .json, .html/.htm), else markdown",
        )
        parser.add_argument(
            "--title", metavar="TEXT", help="the brief's title (default: News brief and the articles' dates)"
        )
        parser.add_argument(
            "--detail",
            choices=DETAILS,
            default="brief",
            help="brief (default: at most 5 key points a story, the most reported first) or full",
        )
        parser.add_argument(
            "--no-appendix",
            action="store_true",
            help="leave out failures, checks and usage: a copy to publish (the JSON keeps them)",
        )
        parser.add_argument(
            "--standalone",
            action="store_true",
            help="with html: a whole page (title, styles for light and dark, no script)",
        )
        parser.add_argument(
            "--template",
            metavar="FILE",
            help="render with your own jinja2 template instead (sandboxed; see the README)",
        )


def _talk_options(parser: Options) -> None:
    # One or the other: -q -v together asked for nothing and for more at once.
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    talk.add_argument("-v", "--verbose", action="store_true", help="log requests and retries on stderr")


def _cache_option(parser: Options) -> None:
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


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


_EXIT_STATUS = """exit status:
  0 all summarised; 1 some inputs not summarised (the output lists them); 2 usage error;
  3 the endpoint rejected the API key or the quota is spent; 4 the endpoint is wrong (nothing
  listening, not OpenAI-compatible, unknown model); 130 interrupted; 143 terminated"""

_SETTINGS = """settings come from the flags, then SUMMARIZER_* variables (OPENAI_API_KEY, OPENAI_BASE_URL),
then [tool.summarizer] in the nearest pyproject.toml, then the user's config.toml:
`summarizer config` shows each one and where it came from."""


def build_parser() -> Parser:
    """The parser of every command."""
    parser = Parser(
        prog="summarizer",
        description="Turn a day's news articles into one structured, source-attributed brief.",
        epilog="\n\n".join(
            [
                _examples(
                    "summarizer brief today/ -o brief.md",
                    "summarizer summarize today/ | summarizer merge - | summarizer render - --format html",
                    "summarizer brief --help",
                ),
                _SETTINGS,
                _EXIT_STATUS,
            ]
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, summary: str, *examples: str) -> Parser:
        sub: Parser = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=_examples(*examples),
        )
        parser.commands[name] = sub
        return sub

    brief = command(
        "brief",
        "summarise articles and merge them into one brief",
        "summarizer brief today/ -o brief.md",
        "summarizer brief feed.xml --since 2026-11-23 --format html -o brief.html",
        "summarizer brief https://example.org/feed.xml --feeds feeds.opml --since 24h -o brief.md",
        "cat export.jsonl | summarizer brief - --field text=body --concurrency 16",
        "summarizer brief today/ --base-url http://localhost:8000/v1 --model qwen3 --mode json_object",
    )
    _input_options(brief.add_argument_group("input"))
    _live_options(brief.add_argument_group("live sources (URLs and feeds)"))
    _output_options(brief.add_argument_group("output"))
    _model_options(brief)
    _story_options(brief.add_argument_group("stories"))
    brief.add_argument_group("synthesis").add_argument(
        "--synthesize",
        action="store_true",
        help="one more call per story reported by two outlets or more, to write its headline "
        "and summary from all of them and find what they report differently (each version checked "
        "against its outlet's article; cached like a briefing)",
    )
    _talk_options(brief.add_argument_group("display"))

    summarise = command(
        "summarize",
        "articles in, briefings out as JSON lines (for merge)",
        "summarizer summarize today/ -o briefings.jsonl",
        "summarizer summarize today/ | summarizer merge - -o brief.json",
    )
    _input_options(summarise.add_argument_group("input"))
    _live_options(summarise.add_argument_group("live sources (URLs and feeds)"))
    _output_options(summarise.add_argument_group("output"), formats=False)
    _model_options(summarise)
    _talk_options(summarise.add_argument_group("display"))

    merge = command(
        "merge",
        "briefings as JSON lines in, the brief out as JSON (for render)",
        "summarizer merge briefings.jsonl -o brief.json",
        "summarizer merge monday.jsonl tuesday.jsonl | summarizer render -",
        "summarizer summarize today/ | summarizer merge - | summarizer render -",
    )
    merge.add_argument(
        "paths", nargs="+", metavar="FILE", help="JSON-lines files written by summarize, or - for stdin"
    )
    _output_options(merge.add_argument_group("output"), formats=False)

    render = command(
        "render",
        "a brief as JSON in, Markdown, HTML or your template out",
        "summarizer render brief.json --format html -o brief.html",
        "summarizer merge briefings.jsonl | summarizer render - --template my.j2",
    )
    render.add_argument(
        "path", metavar="FILE", help="a brief as JSON (from merge, or brief --format json), or - for stdin"
    )
    _output_options(render.add_argument_group("output"))

    schema = command(
        "schema",
        "print a JSON schema: the briefing the model fills, or the brief",
        "summarizer schema > briefing.schema.json",
        "summarizer schema brief",
    )
    schema.add_argument("which", nargs="?", choices=["briefing", "brief"], default="briefing")

    cache = command(
        "cache",
        "show or clear the cache of briefings",
        "summarizer cache info",
        "summarizer cache clear --cache-dir ./briefs-cache",
    )
    cache.add_argument("action", choices=["info", "clear"])
    _cache_option(cache)

    batch = command(
        "batch",
        "summarise through the provider's Batch API: half the price, answers within 24 hours",
        "summarizer batch submit archive/ --cache sqlite:briefs.db",
        "summarizer batch status --cache sqlite:briefs.db",
        "summarizer batch collect --cache sqlite:briefs.db -o brief.md",
        "summarizer batch submit today/ --transport file --input-dir batch-in/",
        "summarizer batch collect --transport file --results out.jsonl -o brief.md",
    )
    _batch_actions(batch)

    command(
        "config",
        "show the settings in force and where each comes from (flag, variable, file, default)",
        "summarizer config",
        "SUMMARIZER_CONCURRENCY=16 summarizer config",
    )

    completion = command(
        "completion",
        "print the shell code that completes summarizer's commands and options",
        'eval "$(summarizer completion bash)"     # in ~/.bashrc',
        'eval "$(summarizer completion zsh)"      # in ~/.zshrc',
        "summarizer completion fish | source      # in ~/.config/fish/config.fish",
    )
    completion.add_argument("shell", choices=SHELLS)
    return parser


def _batch_actions(batch: Parser) -> None:
    """submit, status, cancel and collect: the model options of brief, and where the batch goes."""
    actions = batch.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)
    submit = actions.add_parser("submit", help="send every article not yet cached as a batch request")
    _input_options(submit.add_argument_group("input"))
    _transport_options(submit)
    _model_options(submit)
    _talk_options(submit.add_argument_group("display"))
    for name, summary in (
        ("status", "each batch's state and request counts"),
        ("cancel", "cancel the batches still running (collect then takes what was answered)"),
    ):
        action = actions.add_parser(name, help=summary)
        _transport_options(action)
        _model_options(action)
        _talk_options(action.add_argument_group("display"))
    collect = actions.add_parser(
        "collect", help="store the answers of finished batches; optionally write the brief"
    )
    _transport_options(collect)
    results = collect.add_argument_group("results")
    results.add_argument(
        "--results",
        nargs="+",
        default=[],
        metavar="FILE",
        help="with --transport file: the output JSONL files another tool wrote (vllm run-batch -o)",
    )
    results.add_argument(
        "--followups",
        choices=["online", "batch", "none"],
        default="online",
        help="answers that need a re-ask: sent online through the usual engine (default), in a follow-up "
        "batch (collected like the first), or not at all",
    )
    results.add_argument(
        "--batch-price",
        type=_prices,
        metavar="IN,OUT[,CACHED]",
        help="dollars per million tokens at the batch rate (default: --price); follow-ups cost --price",
    )
    _output_options(collect.add_argument_group("output"))
    _model_options(collect)
    _talk_options(collect.add_argument_group("display"))


def _transport_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_argument_group("transport")
    where.add_argument(
        "--transport",
        choices=["api", "file"],
        default="api",
        help="api: upload to the provider's Batch API (default); file: write and read JSONL files for "
        "another tool (vllm run-batch), no upload",
    )
    where.add_argument(
        "--input-dir",
        type=Path,
        default=Path("batch-inputs"),
        metavar="DIR",
        help="with --transport file: where the input JSONL files are written (default: ./batch-inputs)",
    )
    parser.set_defaults(since=None, until=None, field=[])


def complete_if_asked(parser: Parser) -> None:
    """When a shell asks for completions (the code `summarizer completion` prints sets _ARGCOMPLETE),
    answer and exit; otherwise do nothing and import nothing."""
    if "_ARGCOMPLETE" in os.environ:
        import argcomplete

        argcomplete.autocomplete(parser, exit_method=sys.exit)


# --- option values -------------------------------------------------------------------------------------


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"give a whole number, not {text!r}") from None


def _positive(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative(text: str) -> int:
    value = _whole(text)
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
    from ..settings import Prices

    try:
        return Prices.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _field(text: str) -> tuple[str, str]:
    name, _, key = text.partition("=")
    if name not in ARTICLE_FIELDS or not key:
        raise argparse.ArgumentTypeError(f"give NAME=KEY with NAME one of {', '.join(ARTICLE_FIELDS)}")
    return name, key


def _moment(*, start: bool) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        from ..settings import parse_moment  # imported when a window is given, not for --help

        try:
            moment = parse_moment(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if len(text) == 10 and not start:  # a date: the whole day
            moment = datetime.combine(moment.date(), time.max)
        return moment.replace(tzinfo=None) if moment.tzinfo is None else moment

    return parse
