"""The options, in groups by what they are for; each command takes the groups it needs. A setting's
option comes from the one table of settings (summarizer.config.options): its flag, its help, its
default; the rest (inputs, outputs, the cassette) are the command line's own."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config.files import default_cache_dir
from ..config.options import Option, option, options_of
from .values import ARTICLE_FIELDS, READERS, field, moment

__all__ = [
    "ARTICLE_FIELDS",
    "CLUSTERINGS",
    "DETAILS",
    "FORMATS",
    "SHELLS",
    "Options",
    "add_setting",
]

#: The output formats (summarizer.output.render.FORMATS; a test keeps the two the same).
FORMATS = ("markdown", "json", "html")
#: How much of each story the brief shows (summarizer.output.detail.DETAILS; a test keeps the two the
#: same): the option table's choices.
DETAILS = option("detail").choices
#: How briefings are grouped into stories (config.settings.Clustering; a test keeps the two the same).
CLUSTERINGS = ("text", "embeddings")
#: The shells `summarizer completion` writes a script for.
SHELLS = ("bash", "zsh", "fish")

#: Anything that options can be added to: a parser or one of its groups.
Options = argparse._ActionsContainer


def add_setting(parser: Options, *settings: str) -> None:
    """The options of these settings, as the table declares them. A value not given stays None (a
    switch not given, False), so that the environment's or a config file's value stands."""
    for entry in options_of(*settings):
        _add(parser, entry)


def _add(parser: Options, entry: Option) -> None:
    if entry.kind == "switch":
        parser.add_argument(entry.flag, action="store_true", help=entry.text())
    elif entry.kind == "choice":
        parser.add_argument(entry.flag, choices=entry.choices, help=entry.text())
    else:
        reader = READERS.get(entry.kind, str)
        parser.add_argument(entry.flag, type=reader, metavar=entry.metavar, help=entry.text())


def input_options(parser: Options) -> None:
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
        type=field,
        metavar="NAME=KEY",
        help="read an article field from a JSON export's own key, e.g. text=body or "
        "title=title.rendered (repeatable; fields: " + ", ".join(ARTICLE_FIELDS) + ")",
    )
    add_setting(parser, "follow_symlinks")
    parser.add_argument(
        "--since",
        type=moment(start=True),
        metavar="WHEN",
        help="leave out articles published before WHEN: a date (YYYY-MM-DD), an ISO time, or a time "
        "ago (90m, 24h, 2d, 1w); a feed's older entries are not even fetched",
    )
    parser.add_argument(
        "--until",
        type=moment(start=False),
        metavar="WHEN",
        help="leave out articles published after WHEN (a date includes the whole day)",
    )
    add_setting(parser, "undated", "strict")


def live_options(parser: Options) -> None:
    parser.add_argument(
        "--feeds",
        action="append",
        default=[],
        metavar="FILE",
        help="fetch the URLs listed in FILE too: OPML, or one URL a line with # comments (repeatable)",
    )
    add_setting(
        parser,
        "fetch.allow_private",
        "fetch.robots",
        "fetch.max_per_feed",
        "fetch.max_feed_entries",
        "fetch.follow_links",
    )


def endpoint_options(parser: Options) -> None:
    add_setting(parser, "model", "base_url", "trust_project", "mode", "timeout")
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


def check_options(parser: Options) -> None:
    add_setting(parser, "max_reasks", "grounding")


def pace_options(parser: Options) -> None:
    add_setting(
        parser, "concurrency", "rpm", "tpm", "deadline", "max_run_tokens", "max_article_tokens", "prices"
    )


def model_options(parser: argparse.ArgumentParser) -> None:
    """Everything about the calls to the model, in groups: endpoint, checks, pace and budget, cache."""
    endpoint_options(parser.add_argument_group("model and endpoint"))
    check_options(parser.add_argument_group("checks"))
    pace_options(parser.add_argument_group("pace and budget"))
    cache = parser.add_argument_group("cache")
    cache_option(cache)
    cache.add_argument(
        "--no-cache", action="store_true", help="neither read nor store briefings in the cache"
    )


def story_options(parser: Options) -> None:
    add_setting(parser, "cluster", "embedding_model")


def output_options(parser: Options, *, formats: bool = True, changes: bool = False) -> None:
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
        add_setting(parser, "detail")
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
    if changes:
        changes_options(parser)


def changes_options(parser: Options) -> None:
    """The living brief: what a brief is compared with, and a brief of what changed alone."""
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="mark each story new, updated or unchanged against this brief (JSON: --format json or "
        "merge) instead of the last one written to the same output, which the cache keeps",
    )
    parser.add_argument(
        "--no-previous",
        action="store_true",
        help="compare with no earlier brief: start fresh (this brief is still kept for the next run)",
    )
    parser.add_argument(
        "--changes-only",
        action="store_true",
        help="only the new and updated stories, and those no longer reported: an alert; exit status 5 "
        "when no story is new or updated",
    )


def talk_options(parser: Options) -> None:
    # One or the other: -q -v together asked for nothing and for more at once.
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    talk.add_argument("-v", "--verbose", action="store_true", help="log requests and retries on stderr")


def cache_option(parser: Options) -> None:
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


def transport_options(parser: argparse.ArgumentParser) -> None:
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
        help="with --transport file: where the input JSONL files are written (default: ./batch-inputs, in "
        "the folder the command runs from)",
    )
    parser.set_defaults(since=None, until=None, field=[])
