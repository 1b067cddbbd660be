"""Render a Brief as Markdown, JSON or HTML; text from articles or the model can never inject markup."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import (
    Environment,
    PackageLoader,
    StrictUndefined,
)
from markupsafe import Markup

from ..config.compiled import template_cache
from ..errors import UsageError
from ..models import Brief, Point, Story
from .changes import StoryChangeView, brief_changes, story_change
from .detail import CAPS, DETAILS, Cut, Detail, cut, fixed_lines
from .escape import escape_markdown, markdown_link, section_link
from .formats import FORMATS, GENERATED_MARKER, Format, format_for_path
from .outlets import outlets_shown, quote_outlets, short_name, unique

if TYPE_CHECKING:  # markdown-it is imported by the HTML page alone, when one is made
    from markdown_it.rules_core import StateCore

__all__ = [
    "DETAILS",
    "FORMATS",
    "KEY_POINTS",
    "Detail",
    "Format",
    "GENERATED_MARKER",
    "brief_dates",
    "format_for_path",
    "render_brief",
]


#: "brief": at most KEY_POINTS key points a story, the ones most outlets report (detail.py: and the
#: other caps, within a budget of lines); "full": every one.
KEY_POINTS = CAPS["key_points"]


@dataclass(frozen=True)
class _Reporter:
    """One article of a story as "Reported by" shows it: the outlet's short name, its link, its time."""

    outlet: str
    url: str | None
    when: str


@dataclass(frozen=True)
class _StoryView:
    number: int
    story: Story
    anchor: str
    lede: str
    outlets: list[str]
    reporters: list[_Reporter]
    key_points: list[Point]
    more_points: int
    attributed: bool
    # Each outlet's day of publication ("13 Aug"), when the story's reports span several days: a toll
    # that rose from one day to the next is shown as such, not as outlets at odds on the same day.
    days: dict[str, str]
    # The living brief's mark: new, updated and what changed, unchanged (None when not compared).
    change: StoryChangeView | None = None
    # Each section as this detail shows it, and how many more the full brief has (detail.py).
    shown: Cut | None = None


@dataclass(frozen=True)
class _CheckLine:
    count: int
    action: str
    kind: str
    item: str
    reason: str
    outlets: list[str]


def brief_dates(brief: Brief) -> tuple[date, date] | None:
    """The first and last day the brief's articles were published (None when none is dated)."""
    days = sorted({ref.published.date() for ref in brief.sources if ref.published})
    return (days[0], days[-1]) if days else None


def _title(brief: Brief, title: str | None) -> str:
    if title is not None and title.strip():
        return " ".join(title.split())
    dates = brief_dates(brief)
    return f"News brief — {_day_range(*dates)}" if dates else "News brief"


def _day_range(first: date, last: date) -> str:
    if first == last:
        return f"{first:%A} {first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{_EN_DASH}{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} to {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"


_EN_DASH = "\u2013"


def _when(published: datetime | None, day: date | None) -> str:
    """An article's time as "Reported by" shows it: the day unless it is the brief's one day, and the
    clock time when one was given (a date alone reads as midnight)."""
    if published is None:
        return ""
    parts = [] if published.date() == day else [f"{published.day} {published:%b %Y}"]
    if published.timetz() != time(0, tzinfo=published.tzinfo):
        offset = published.utcoffset()
        zone = "" if offset is None else " UTC" if not offset else f" {published:%z}"
        parts.append(f"{published:%H:%M}{zone}")
    return ", ".join(parts)


def anchor(text: str) -> str:
    """The id GitHub gives a heading: lower case, punctuation dropped, each space a hyphen."""
    kept = "".join(
        ch for ch in text.lower() if ch.isalnum() or ch in "-_ " or unicodedata.category(ch)[0] == "M"
    )
    return kept.replace(" ", "-")


# The first sentence of a summary: ends at . ! ? before a capital, not after an initial or a title.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)]?)\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


_NOT_AN_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|vs|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Inc|Co|Corp|Jr|Sr))\.$"
)


LEDE_WORDS = 30


def _lede(summary: str) -> str:
    """What happened, in one line: the summary's first sentence, at most LEDE_WORDS words."""
    text = " ".join(summary.split())
    for match in _SENTENCE_END.finditer(text):
        if not _NOT_AN_END.search(text[max(0, match.start() - 8) : match.start()]):
            text = text[: match.start() + len(match[1])]
            break
    words = text.split(" ")
    return text if len(words) <= LEDE_WORDS else " ".join(words[:LEDE_WORDS]).rstrip(",;:") + " …"


def _story_view(number: int, story: Story, day: date | None, detail: Detail, brief: Brief) -> _StoryView:
    outlets = unique(short_name(ref.source) for ref in story.sources)
    ranked = _ranked(story.key_points)
    change = story_change(story, brief)
    sections = cut(story, ranked, detail, number, fixed_lines(story, change))
    shown = sections.key_points
    return _StoryView(
        number=number,
        story=story,
        anchor=anchor(f"{number}. {' '.join(story.headline.split())}"),
        lede=_lede(story.summary),
        outlets=outlets,
        reporters=[_Reporter(short_name(r.source), r.url, _when(r.published, day)) for r in story.sources],
        key_points=shown,
        more_points=len(ranked) - len(shown),
        attributed=len(outlets) > 1,
        days=_days(story),
        change=change,
        shown=sections,
    )


def _days(story: Story) -> dict[str, str]:
    """Each outlet's day of publication, by short name, when the story's articles span several days."""
    published = {short_name(ref.source): ref.published.date() for ref in story.sources if ref.published}
    if len(set(published.values())) < 2:
        return {}
    return {name: f"{day.day} {day:%b}" for name, day in published.items()}


def _ranked(points: list[Point]) -> list[Point]:
    """The points most outlets report first; among equals, each outlet's first point before anyone's
    second (a model lists an article's points most important first), then the merge's order."""
    seen: dict[str, int] = {}
    keys = []
    for index, point in enumerate(points):
        outlets = {short_name(source) for source in point.sources}
        keys.append((-len(outlets), max(seen.get(outlet, 0) for outlet in outlets), index))
        for outlet in outlets:
            seen[outlet] = seen.get(outlet, 0) + 1
    return [points[key[2]] for key in sorted(keys)]


def _check_lines(brief: Brief) -> list[_CheckLine]:
    """Every dropped or unverified item, the same one from several articles or fields counted once."""
    seen: dict[tuple[str, str, str, str], list[str]] = {}
    for report in brief.articles:
        for action, findings in (("dropped", report.checks.dropped), ("unverified", report.checks.flagged)):
            for finding in findings:
                seen.setdefault((action, finding.kind, finding.item, finding.reason), []).append(
                    short_name(report.source)
                )
    lines = [
        _CheckLine(len(outlets), action, kind, item, reason, unique(outlets))
        for (action, kind, item, reason), outlets in seen.items()
    ]
    return sorted(lines, key=lambda line: -line.count)  # stable: the articles' order among equals


def _capital(text: str) -> str:
    """The text with a capital first letter when it starts with a word ('when the sanctions begin'),
    as it is otherwise: escaped whole afterwards, like any text."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() and first.islower() else text


def _quotation(text: str) -> str:
    """A quote as a pull quote: without the comma or colon that led into "he said" in the article
    ("We will rebuild," he said), which a model copies with the words. The brief's JSON keeps it."""
    return text.rstrip().rstrip(",;:").rstrip()


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.output", "templates"),
        bytecode_cache=template_cache("markdown"),
        undefined=StrictUndefined,
        finalize=escape_markdown,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["link"] = markdown_link
    env.filters["bold"] = lambda text: Markup(f"**{escape_markdown(text)}**")
    env.filters["unverified"] = lambda item: Markup(" *(unverified)*" if item.unverified else "")
    env.filters["section"] = section_link
    env.filters["outlets"] = outlets_shown
    env.filters["quote_outlets"] = quote_outlets
    env.filters["short"] = short_name
    env.filters["quotation"] = _quotation
    env.filters["number"] = lambda value: f"{value:,}"
    env.filters["capital"] = _capital
    env.tests["several"] = lambda items: len(items) > 1
    return env


@cache
def _page_environment() -> Environment:
    return Environment(
        loader=PackageLoader("summarizer.output", "templates"),
        bytecode_cache=template_cache("page"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_brief(
    brief: Brief,
    format: Format = "markdown",
    *,
    title: str | None = None,
    detail: Detail = "brief",
    appendix: bool = True,
    standalone: bool = False,
) -> str:
    """The brief as Markdown (the packaged template), JSON (the Brief model, everything) or HTML.

    The Markdown starts with the line GENERATED_MARKER and a blank line, then a title dated with the
    day(s) the articles were published (or `title`), the top stories linked to their sections, and each
    story with at most KEY_POINTS key points (`detail="full"`: all). Failures, grounding checks and
    usage go to an appendix at the end; `appendix=False` leaves it out (a copy to publish).

    The HTML is the Markdown rendered by CommonMark with raw HTML off: it holds no script and no HTML
    from an article, and its only links are the articles' own http(s) URLs and the brief's own anchors.
    It is a fragment to put in a page, or with `standalone=True` a whole page (title, styles for light
    and dark, ~70 characters a line) that forbids scripts by its Content-Security-Policy.

        >>> print(render_brief(result.brief, "html", standalone=True))  # doctest: +SKIP
    """
    if detail not in DETAILS:
        raise UsageError(f"detail must be one of {', '.join(DETAILS)}, not {detail!r}")
    if standalone and format != "html":
        raise UsageError("a standalone page is HTML: use the html format")
    if format == "json":  # recognisable as ours by its "stories" and "sources": needs no marker
        return brief.model_dump_json(indent=2) + "\n"
    dates = brief_dates(brief)
    day = dates[0] if dates and dates[0] == dates[1] else None
    heading = _title(brief, title)
    # Which sources were cut to the token cap: looked up once here, not once per source in the template.
    cut = {(r.article_id, r.origin): r.cut_at_tokens for r in brief.articles if r.cut_at_tokens}
    views = [_story_view(n, story, day, detail, brief) for n, story in enumerate(brief.stories, 1)]
    text = (
        _environment()
        .get_template("brief.md.j2")
        .render(
            brief=brief,
            title=heading,
            stories=views,
            capped=[view for view in views if view.shown and view.shown.left_out],
            changes=brief_changes(brief),
            outlet_count=len(unique(short_name(ref.source) for ref in brief.sources)),
            cut=cut,
            appendix=appendix,
            checks=_check_lines(brief),
            left_out=[  # each once: a brief written before syntheses were deduplicated repeats some
                (n, finding)
                for n, story in enumerate(brief.stories, 1)
                for finding in {(f.where, f.item, f.reason): f for f in story.left_out}.values()
            ],
            models=sorted({report.model for report in brief.articles}),
            # A whole page of many stories runs long: each story links back to the list.
            back_to_top=standalone and len(brief.stories) > 1,
        )
    )
    markdown = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    if format == "html":
        # Raw HTML is off, so the marker would show as text: the fragment's root element marks it instead.
        fragment = _markdown_to_html(markdown)
        if not standalone:
            return fragment
        return _page_environment().get_template("page.html.j2").render(title=heading, body=Markup(fragment))
    return f"{GENERATED_MARKER}\n\n{markdown}"


def _markdown_to_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.core.ruler.push("heading_ids", _heading_ids)
    body: str = parser.render(markdown)
    return '<article class="summarizer-brief">\n' + body + "</article>\n"


def _heading_ids(state: StateCore) -> None:
    """Give each heading the id GitHub would (a repeated one gets -1, -2...): the top stories' links work
    in the HTML as they do in Markdown on GitHub."""
    used: dict[str, int] = {}
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        children = tokens[index + 1].children or []
        slug = anchor("".join(child.content for child in children if child.type in ("text", "code_inline")))
        count = used.get(slug, 0)
        used[slug] = count + 1
        token.attrSet("id", slug if count == 0 else f"{slug}-{count}")
