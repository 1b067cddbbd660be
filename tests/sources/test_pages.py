"""Saved HTML pages: the article's own text and facts without the page around it, or too little reported."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from summarizer.sources.ingest import read_articles
from summarizer.sources.pages import html_to_text
from tests.conftest import FIXTURES


def test_a_page_gives_its_main_text_and_metadata_without_the_boilerplate():
    [article] = read_articles([FIXTURES / "boilerplate.html"]).articles
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert (article.author, article.source) == ("Mira Olsen", "The Coastal Gazette")
    assert article.url == "https://gazette.example/news/2025/03/harbour-bridge-reopens"
    assert article.published == datetime(2025, 3, 4, 9, 30, tzinfo=UTC)  # its metadata's, to the minute
    assert article.text.startswith("The Harbour Bridge in Porthmere reopened to traffic on Monday")
    assert "spending at its meeting on 20 March" in article.text
    for boilerplate in (
        "cookies",
        "Most read",
        "ADVERTISEMENT",
        "Photo caption",
        "Comments",
        "Copyright",
        "trackEverything",
        "Related stories",
        "Subscribe",
    ):
        assert boilerplate not in article.text


@pytest.mark.parametrize("name", ["stub.html", "video.html"])
def test_a_page_with_too_little_text_is_reported_not_summarised(name):
    result = read_articles([FIXTURES / name])
    assert result.articles == []
    [failure] = result.failures
    assert failure.origin == str(FIXTURES / name) and "too little article text" in failure.reason


def test_html_fragments_become_paragraph_lines():
    assert (
        html_to_text("<p>One.</p><p>Two <b>bold</b>.</p><ul><li>Three</li></ul>") == "One.\nTwo bold.\nThree"
    )


def test_stdin_is_sniffed_as_a_page_or_a_feed():
    import io

    page = read_articles(["-"], stdin=io.StringIO((FIXTURES / "boilerplate.html").read_text())).articles
    feed = read_articles(["-"], stdin=io.StringIO((FIXTURES / "feed_full.xml").read_text())).articles
    assert page[0].author == "Mira Olsen" and len(feed) == 2
