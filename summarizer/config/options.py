"""Every setting the command line can set, declared once: its flag, the setting it sets (and so its
environment variable and its key in a config file), its default, and its help text.

The command line builds its options from this table (cli/options.py) and reads the settings a command
was given from it (cli/commands.py); `Settings` takes its defaults from it, so a default is written
once and the help always says the one in force. A setting's variable is `SUMMARIZER_<SETTING>` unless
it keeps the OpenAI SDK's name, and its config file key is the setting's name: `summarizer config`
and tests/config/test_options.py check both against `Settings`.

Light on purpose: `summarizer --help` reads it without loading pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "DEFAULT_MODEL",
    "OPTIONS",
    "Option",
    "default",
    "default_as",
    "option",
    "options_of",
]

#: OpenAI's high-volume tier with strict structured outputs on Chat Completions.
DEFAULT_MODEL = "gpt-6-luna"
#: The embedding model of `--cluster embeddings`: OpenAI's cheapest current one (1,536 dimensions).
DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small"

#: How a flag's value is read (cli/values.py has the reader of each).
Kind = Literal["text", "positive", "non_negative", "seconds", "rate", "prices", "path", "choice", "switch"]


@dataclass(frozen=True)
class Option:
    """One setting as the command line sets it."""

    #: The setting, as `Settings` names it; a part of one is dotted ("fetch.allow_private").
    setting: str
    flag: str
    #: The help text; "{default}" is replaced by the default below.
    help: str
    kind: Kind = "text"
    #: The setting's default (None: none, or one the help does not show).
    default: object = None
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    #: For a switch (a flag without a value): what the setting becomes when it is given.
    given: object = True
    #: The environment variable, when it is not SUMMARIZER_<SETTING> (the SDK's names).
    variable: str | None = None

    @property
    def dest(self) -> str:
        """The name argparse keeps the value under."""
        return self.flag.lstrip("-").replace("-", "_")

    @property
    def environment(self) -> str:
        """The environment variable that sets it, as `summarizer config` names it."""
        return self.variable or "SUMMARIZER_" + self.setting.split(".")[0].upper()

    def text(self) -> str:
        """The help text, the default in it (120.0 shown as 120)."""
        shown = f"{self.default:g}" if isinstance(self.default, float) else str(self.default)
        return self.help.replace("{default}", shown)


OPTIONS: tuple[Option, ...] = (
    # --- the model and the endpoint
    Option("model", "--model", "the model (default: {default})", default=DEFAULT_MODEL),
    Option(
        "base_url",
        "--base-url",
        "an OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or OpenAI's)",
        metavar="URL",
        variable="OPENAI_BASE_URL",
    ),
    Option(
        "trust_project",
        "--trust-project",
        "for this run, read the settings that decide where the API key and requests go (base_url, "
        "fetch.allow_private) from the project's pyproject.toml too; without it they are ignored, "
        "unless your config.toml lists the folder in trusted_projects",
        kind="switch",
        default=False,
    ),
    Option(
        "mode",
        "--mode",
        "json_object for servers without strict JSON-schema output (default: {default})",
        kind="choice",
        choices=("json_schema", "json_object"),
        default="json_schema",
    ),
    Option(
        "timeout",
        "--timeout",
        "how long one whole answer may take, first byte sent to last byte read, before it counts as "
        "a hang and is retried (default: {default})",
        kind="seconds",
        default=120.0,
        metavar="SECONDS",
    ),
    # --- the checks
    Option(
        "max_reasks",
        "--max-reasks",
        "times an invalid answer is sent back with its errors (default: {default})",
        kind="non_negative",
        default=2,
        metavar="N",
    ),
    Option(
        "grounding",
        "--grounding",
        "quotes, figures and names the article does not support: drop them after one re-ask (strict, "
        "default), keep them marked unverified (warn), or do not check (off)",
        kind="choice",
        choices=("strict", "warn", "off"),
        default="strict",
    ),
    # --- pace and budget
    Option(
        "concurrency",
        "--concurrency",
        "requests in flight at once (default: {default})",
        kind="positive",
        default=8,
        metavar="N",
    ),
    Option(
        "rpm",
        "--rpm",
        "the endpoint's requests-per-minute limit, to pace the run under it (default: learned from the "
        "server's x-ratelimit-* headers and 429s)",
        kind="rate",
        metavar="N",
    ),
    Option(
        "tpm", "--tpm", "the endpoint's tokens-per-minute limit (default: learned)", kind="rate", metavar="N"
    ),
    Option(
        "deadline",
        "--deadline",
        "end the run after this long: no new request, the ones in flight cancelled; their articles and "
        "those left are listed as not summarised",
        kind="seconds",
        metavar="SECONDS",
    ),
    Option(
        "max_run_tokens",
        "--max-tokens",
        "token budget for the whole run: once spent, no new request is sent and the remaining articles "
        "are listed as not summarised",
        kind="positive",
        metavar="N",
    ),
    Option(
        "max_article_tokens",
        "--max-article-tokens",
        "cut longer articles to about N tokens (default: {default}; the output says which)",
        kind="positive",
        default=12_000,
        metavar="N",
    ),
    Option(
        "prices",
        "--price",
        "dollars per million input, output (and cached input) tokens, to show the cost "
        "(default: $SUMMARIZER_PRICE; no price, no cost)",
        kind="prices",
        metavar="IN,OUT[,CACHED]",
        variable="SUMMARIZER_PRICE",
    ),
    # --- the brief
    Option(
        "detail",
        "--detail",
        "how much of each story: brief (default: what an editor reads first, the most reported first: "
        "at most 5 key points, 4 quotes, 8 in Who's who, each story within 40 lines for the five lead "
        "stories and 25 for the others, and how many more the full brief has) or full (every item)",
        kind="choice",
        choices=("brief", "full"),
        default="brief",
    ),
    # --- stories
    Option(
        "cluster",
        "--cluster",
        "how briefings on one event are found: by their words (text, default), or by the endpoint's "
        "embeddings of their events, headlines and summaries (one request per 64 briefings, cached; "
        "by text again if it fails)",
        kind="choice",
        choices=("text", "embeddings"),
        default="text",
    ),
    Option(
        "embedding_model",
        "--embedding-model",
        "the model of --cluster embeddings (default: {default})",
        default=DEFAULT_EMBEDDING_MODEL,
        metavar="NAME",
    ),
    Option(
        "synthesize",
        "--synthesize",
        "one more call per story reported by two outlets or more, to write its headline and summary "
        "from all of them and find what they report differently (each version checked against its "
        "outlet's article; cached like a briefing)",
        kind="switch",
        default=False,
    ),
    # --- inputs
    Option(
        "follow_symlinks",
        "--follow-symlinks",
        "read a link in a folder to a file outside it too (by default such a file is not read, and named "
        "on stderr: a folder must not send a private file to the endpoint)",
        kind="switch",
        default=False,
    ),
    Option(
        "undated",
        "--undated",
        "an article with no publication date that can be read: keep it (default: an article's date is "
        "often missing, never wrong, and a brief should not lose news silently; the summary line counts "
        "them) or drop it (for a cron job whose --since must keep last year's news out)",
        kind="choice",
        choices=("keep", "drop"),
        default="keep",
    ),
    Option(
        "strict",
        "--strict",
        "exit 2 when anything was lost: an input not summarised, a file in a folder skipped, a date "
        "that could not be read (for a pipeline that must not publish partial work; the output is "
        "written all the same, to look at)",
        kind="switch",
        default=False,
    ),
    # --- live sources
    Option(
        "fetch.allow_private",
        "--allow-private",
        "fetch from private, loopback and link-local addresses too (an intranet CMS); refused by "
        "default, after DNS and on every redirect",
        kind="switch",
        default=False,
    ),
    Option(
        "fetch.robots",
        "--ignore-robots",
        "fetch what a site's robots.txt disallows",
        kind="switch",
        default=True,
        given=False,
    ),
    Option(
        "fetch.max_per_feed",
        "--max-per-feed",
        "read at most N entries of each feed, its first ones (default: {default})",
        kind="positive",
        default=100,
        metavar="N",
    ),
    Option(
        "fetch.max_feed_entries",
        "--max-feed-entries",
        "read at most N entries from all the feeds of the run, the first feeds' first (default: {default})",
        kind="positive",
        default=1_000,
        metavar="N",
    ),
    Option(
        "fetch.follow_links",
        "--no-follow-links",
        "do not fetch the page of a feed entry that holds only a teaser (it is listed as failed)",
        kind="switch",
        default=True,
        given=False,
    ),
)

_BY_SETTING = {entry.setting: entry for entry in OPTIONS}


def option(setting: str) -> Option:
    """The option that sets `setting`; KeyError for a setting the command line does not set."""
    return _BY_SETTING[setting]


def default(setting: str) -> object:
    """The default of a setting the table declares: what `Settings` (or its part) takes."""
    return _BY_SETTING[setting].default


T = TypeVar("T")


def default_as(setting: str, kind: type[T]) -> T:
    """The default of a setting, as the type its field has (for `Settings` and its parts)."""
    value = _BY_SETTING[setting].default
    if not isinstance(value, kind):
        raise TypeError(f"the default of {setting} is {value!r}, not a {kind.__name__}")
    return value


def options_of(*settings: str) -> Iterator[Option]:
    """The options of these settings, in the order given."""
    return (_BY_SETTING[name] for name in settings)
