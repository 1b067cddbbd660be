"""Rendering: the brief's shape, and no markup smuggled in through article or model text."""

from __future__ import annotations

import json
import re

import pytest

from summarizer.merge import merge_briefings
from summarizer.models import Brief, Failure
from summarizer.render import escape_markdown, render_brief

from .builders import cna, lbc, make

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click here](https://evil.example/phish)",
    "![pixel](https://evil.example/track.png)",
    "# Fake heading",
    "line one\n## Injected section\n- injected item",
    "visit https://evil.example or www.evil.example now",
    "<https://evil.example>",
    "`code` and **bold** and _em_",
    "1. starts like a list",
    "- starts like a list",
    "=====",
    "&lt;script&gt;",
    "[ref]: https://evil.example",
]


def rendered_with(text: str) -> str:
    item = make(
        "Evil",
        text,
        [text],
        entities=[(text, "person", text)],
        quotes=[(text, text)],
        timeline=[(text, None, text)],
        summary=text,
        what_next=[text],
        topics=[text],
        title=text,
        url="javascript:alert(1)",
    )
    failure = Failure(origin=text, kind="unreadable", reason=text)
    return render_brief(merge_briefings([item], [failure]))


TEMPLATE_HEADINGS = {
    "# News brief",
    "## Sources",
    "## Not summarised",
    "### Key points",
    "### Quotes",
    "### Who's who",
    "### Timeline",
    "### What's next",
}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_inject_html_links_images_or_headings(text):
    out = rendered_with(text)
    assert not re.search(r"(?<!\\)<[a-zA-Z/!]", out), "raw HTML tag"
    assert not re.search(r"(?<!\\)\]\(", out), "inline link or image"
    assert not re.search(r"(?<!\\)\]:", out), "link reference definition"
    assert not re.search(r"(?<![\\])\b(https?)://", out), "bare autolink"
    assert "javascript:" not in out.replace("javascript\\:", "")
    headings = [line for line in out.splitlines() if line.startswith("#")]
    story_headings = [h for h in headings if h not in TEMPLATE_HEADINGS]
    assert len(story_headings) == 1 and story_headings[0].startswith("## "), headings
    assert "\n## Injected" not in out


def test_escaped_text_still_reads_the_same():
    assert escape_markdown("Trump's 25% tariff [on India]") == "Trump's 25% tariff \\[on India\\]"
    assert escape_markdown("multi\nline\ttext") == "multi line text"
    assert escape_markdown("1. first") == "1\\. first"


def test_the_examples_brief_shows_story_sources_points_quotes_and_who_is_who():
    out = render_brief(merge_briefings([cna(), lbc()]))
    assert out.startswith("# News brief\n\n1 story from 2 articles (CNA, LBC).\n")
    assert "*Reported by CNA, LBC*" in out
    assert "[CNA, LBC]" in out
    assert "“Today was a good day, but we got a lot of work ahead” — Marco Rubio" in out
    assert "- **Karoline Leavitt** (person): White House press secretary [CNA, LBC]" in out
    assert "## Top stories" not in out  # a single story needs no index


def test_several_stories_get_a_top_stories_index_in_weight_order():
    other = make("Gazette", "Bridge reopens after repairs", ["The city bridge reopened on Monday."])
    out = render_brief(merge_briefings([other, cna(), lbc()]))
    top = out.split("## Top stories\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert top[0].startswith("1. Trump could meet Putin") and top[0].endswith("[CNA, LBC]")
    assert top[1] == "2. Bridge reopens after repairs [Gazette]"


def test_failures_are_listed_with_their_reason():
    failure = Failure(origin="today/empty.txt", kind="unreadable", reason="empty: no article text")
    out = render_brief(merge_briefings([cna()], [failure]))
    assert "1 input was not summarised" in out
    assert "- today/empty.txt: unreadable: empty: no article text" in out


def test_a_source_link_is_rendered_only_for_http_urls():
    ok = make(
        "Gazette", "Bridge reopens", ["The bridge reopened."], url="https://example.org/a (b)", title="Bridge"
    )
    out = render_brief(merge_briefings([ok]))
    assert "[Bridge](https://example.org/a%20%28b%29)" in out


def test_json_output_is_the_brief_model():
    brief = merge_briefings([cna(), lbc()])
    assert Brief.model_validate(json.loads(render_brief(brief, "json"))) == brief
