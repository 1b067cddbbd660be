"""The options, in groups by what they are for; each command takes the groups it needs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..config.files import DEFAULT_EMBEDDING_MODEL, DEFAULT_MODEL, default_cache_dir

if TYPE_CHECKING:
    pass
from .values import ARTICLE_FIELDS, field, moment, non_negative, positive, prices, rate, seconds

#: The output formats (summarizer.output.render.FORMATS; a test keeps the two the same).
FORMATS = ("markdown", "json", "html")


#: How much of each story the brief shows (summarizer.output.render.DETAILS; a test keeps the two the same).
DETAILS = ("brief", "full")


#: How briefings are grouped into stories (config.settings.Clustering; a test keeps the two the same).
CLUSTERINGS = ("text", "embeddings")


#: The shells `summarizer completion` writes a script for.
SHELLS = ("bash", "zsh", "fish")

__all__ = ["ARTICLE_FIELDS", "CLUSTERINGS", "DETAILS", "FORMATS", "SHELLS", "Options"]


#: Anything that options can be added to: a parser or one of its groups.
Options = argparse._ActionsContainer


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


def live_options(parser: Options) -> None:
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
        "--no-follow-links",
        action="store_true",
        help="do not fetch the page of a feed entry that holds only a teaser (it is listed as failed)",
    )


def endpoint_options(parser: Options) -> None:
    parser.add_argument("--model", help=f"the model (default: {DEFAULT_MODEL})")
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
        type=seconds,
        metavar="SECONDS",
        help="how long to wait for one answer before it counts as a hang and is retried (default: 120)",
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


def check_options(parser: Options) -> None:
    parser.add_argument(
        "--max-reasks",
        type=non_negative,
        metavar="N",
        help="times an invalid answer is sent back with its errors (default: 2)",
    )
    parser.add_argument(
        "--grounding",
        choices=["strict", "warn", "off"],
        help="quotes, figures and names the article does not support: drop them after one "
        "re-ask (strict, default), keep them marked unverified (warn), or do not check (off)",
    )


def pace_options(parser: Options) -> None:
    parser.add_argument(
        "--concurrency",
        type=positive,
        metavar="N",
        help="requests in flight at once (default: 8)",
    )
    parser.add_argument(
        "--rpm",
        type=rate,
        metavar="N",
        help="the endpoint's requests-per-minute limit, to pace the run under it "
        "(default: learned from the server's x-ratelimit-* headers and 429s)",
    )
    parser.add_argument(
        "--tpm", type=rate, metavar="N", help="the endpoint's tokens-per-minute limit (default: learned)"
    )
    parser.add_argument(
        "--deadline",
        type=seconds,
        metavar="SECONDS",
        help="stop sending after this long; the articles left are listed as not summarised",
    )
    parser.add_argument(
        "--max-tokens",
        type=positive,
        metavar="N",
        help="token budget for the whole run: once spent, no new request is sent and the "
        "remaining articles are listed as not summarised",
    )
    parser.add_argument(
        "--max-article-tokens",
        type=positive,
        metavar="N",
        help="cut longer articles to about N tokens (default: 12000; the output says which)",
    )
    parser.add_argument(
        "--price",
        type=prices,
        metavar="IN,OUT[,CACHED]",
        help="dollars per million input, output (and cached input) tokens, to show the cost "
        "(default: $SUMMARIZER_PRICE; no price, no cost)",
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
        help="with --transport file: where the input JSONL files are written (default: ./batch-inputs)",
    )
    parser.set_defaults(since=None, until=None, field=[])
