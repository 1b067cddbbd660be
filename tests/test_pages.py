"""Saved HTML pages, RSS/Atom feeds and CMS exports, read as newsroom tools hold them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from summarizer.errors import UsageError
from summarizer.ingest import read_articles
from summarizer.pages import html_to_text

FIXTURES = Path(__file__).parent / "fixtures"
WORDPRESS = {
    "text": "content.rendered",
    "title": "title.rendered",
    "published": "date_gmt",
    "source": "yoast_head_json.og_site_name",
}


def test_a_page_gives_its_main_text_and_metadata_without_the_boilerplate():
    [article] = read_articles([FIXTURES / "boilerplate.html"]).articles
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert (article.author, article.source) == ("Mira Olsen", "The Coastal Gazette")
    assert article.url == "https://gazette.example/news/2025/03/harbour-bridge-reopens"
    assert article.published == datetime(2025, 3, 4)
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


def test_a_feed_with_full_content_is_one_article_per_entry_with_link_date_and_author():
    result = read_articles([FIXTURES / "feed_full.xml"])
    assert result.failures == []
    school, ferry = result.articles
    assert school.title == "School roof repairs to finish before autumn term"
    assert (school.url, school.author, school.source) == (
        "https://gazette.example/news/school-roof",
        "Ian Pike",
        "The Coastal Gazette",
    )
    assert school.published == datetime(2025, 3, 5, 8, 0)
    assert "contractor had agreed to work through the Easter holidays" in school.text  # the full content
    assert ferry.origin == f"{FIXTURES / 'feed_full.xml'}#2"
    assert "<p>" not in ferry.text and "410,000 passengers" in ferry.text


def test_a_feed_without_full_content_reports_each_entry_by_its_link():
    result = read_articles([FIXTURES / "feed_summaries.xml"])
    assert result.articles == []
    links = ["https://radio.example/news/landslip", "https://radio.example/news/lifeboat"]
    assert [link in failure.reason for failure, link in zip(result.failures, links, strict=True)] == [
        True,
        True,
    ]
    assert all("no full content to summarise" in failure.reason for failure in result.failures)


def test_a_cms_export_is_read_with_the_users_field_names_and_its_html_made_text():
    result = read_articles([FIXTURES / "cms_export.json"], fields=WORDPRESS)
    library, parking = result.articles
    assert library.title == "Library to open on Sundays from April"
    assert library.source == "The Coastal Gazette" and library.published == datetime(2025, 3, 3, 10, 0)
    assert library.text.splitlines()[0].startswith("Porthmere Library will open on Sundays")
    assert "<p>" not in library.text
    assert parking.source is None  # the field is missing from that record: nothing is invented


def test_an_unknown_field_name_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown article field"):
        read_articles([FIXTURES / "cms_export.json"], fields={"body": "content"})


def test_html_fragments_become_paragraph_lines():
    assert (
        html_to_text("<p>One.</p><p>Two <b>bold</b>.</p><ul><li>Three</li></ul>") == "One.\nTwo bold.\nThree"
    )


def test_stdin_is_sniffed_as_a_page_or_a_feed():
    import io

    page = read_articles(["-"], stdin=io.StringIO((FIXTURES / "boilerplate.html").read_text())).articles
    feed = read_articles(["-"], stdin=io.StringIO((FIXTURES / "feed_full.xml").read_text())).articles
    assert page[0].author == "Mira Olsen" and len(feed) == 2
