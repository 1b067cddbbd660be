"""The command line's parser: its commands, their options grouped by what they are for, option values.

It imports nothing heavy (no pydantic, no OpenAI SDK, no jinja2): `--help`, `--version`, a usage error
and a shell's completion answer before the library is loaded. Option values that need the library
(prices) import it when they are given."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .. import __version__
from .options import (
    SHELLS,
    add_setting,
    cache_option,
    input_options,
    live_options,
    model_options,
    output_options,
    story_options,
    talk_options,
    transport_options,
)
from .values import prices

__all__ = ["Parser", "build_parser", "complete_if_asked"]


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


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


_EXIT_STATUS = """exit status:
  0 all summarised; 1 some inputs not summarised (the output lists them); 2 usage error;
  3 the endpoint rejected the API key or the quota is spent; 4 the endpoint is wrong (nothing
  listening, not OpenAI-compatible, unknown model); 130 interrupted; 143 terminated.
  With --changes-only: 0 some story is new or updated, 5 none is (nothing to send)"""


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
        "summarizer brief --feeds feeds.opml --since 2h --changes-only -o alert.md  # 5: nothing new",
    )
    input_options(brief.add_argument_group("input"))
    live_options(brief.add_argument_group("live sources (URLs and feeds)"))
    output_options(brief.add_argument_group("output"), changes=True)
    model_options(brief)
    story_options(brief.add_argument_group("stories"))
    add_setting(brief.add_argument_group("synthesis"), "synthesize")
    talk_options(brief.add_argument_group("display"))

    summarise = command(
        "summarize",
        "articles in, briefings out as JSON lines (for merge)",
        "summarizer summarize today/ -o briefings.jsonl",
        "summarizer summarize today/ | summarizer merge - -o brief.json",
    )
    input_options(summarise.add_argument_group("input"))
    live_options(summarise.add_argument_group("live sources (URLs and feeds)"))
    output_options(summarise.add_argument_group("output"), formats=False)
    model_options(summarise)
    talk_options(summarise.add_argument_group("display"))

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
    output_options(merge.add_argument_group("output"), formats=False)

    render = command(
        "render",
        "a brief as JSON in, Markdown, HTML or your template out",
        "summarizer render brief.json --format html -o brief.html",
        "summarizer merge briefings.jsonl | summarizer render - --template my.j2",
    )
    render.add_argument(
        "path", metavar="FILE", help="a brief as JSON (from merge, or brief --format json), or - for stdin"
    )
    output_options(render.add_argument_group("output"))

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
    cache_option(cache)

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

    def action(name: str, summary: str, *examples: str) -> Parser:
        sub: Parser = actions.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=_examples(*examples),
        )
        return sub

    submit = action(
        "submit",
        "send every article not yet cached as a batch request",
        "summarizer batch submit archive/ --cache sqlite:briefs.db",
        "summarizer batch submit archive/ --since 2026-11-01 --model gpt-6-luna",
        "summarizer batch submit archive/ --transport file    # writes ./batch-inputs/*.jsonl",
    )
    input_options(submit.add_argument_group("input"))
    transport_options(submit)
    model_options(submit)
    talk_options(submit.add_argument_group("display"))
    for name, summary, example in (
        (
            "status",
            "each batch's state and request counts",
            "summarizer batch status --cache sqlite:briefs.db",
        ),
        (
            "cancel",
            "cancel the batches still running (collect then takes what was answered)",
            "summarizer batch cancel --cache sqlite:briefs.db",
        ),
    ):
        each = action(name, summary, example)
        transport_options(each)
        model_options(each)
        talk_options(each.add_argument_group("display"))
    collect = action(
        "collect",
        "store the answers of finished batches; optionally write the brief",
        "summarizer batch collect --cache sqlite:briefs.db -o brief.md --batch-price 0.05,0.20",
        "summarizer batch collect --transport file --results out.jsonl -o brief.md",
        "summarizer batch collect --followups none -o brief.md   # no online re-asks",
    )
    transport_options(collect)
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
        type=prices,
        metavar="IN,OUT[,CACHED]",
        help="dollars per million tokens at the batch rate (default: --price); follow-ups cost --price",
    )
    output_options(collect.add_argument_group("output"), changes=True)
    model_options(collect)
    talk_options(collect.add_argument_group("display"))


def complete_if_asked(parser: Parser) -> None:
    """When a shell asks for completions (the code `summarizer completion` prints sets _ARGCOMPLETE),
    answer and exit; otherwise do nothing and import nothing."""
    if "_ARGCOMPLETE" in os.environ:
        import argcomplete

        argcomplete.autocomplete(parser, exit_method=sys.exit)
