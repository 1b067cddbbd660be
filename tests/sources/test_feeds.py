"""RSS and Atom feeds: one article per entry with full content, else each entry reported by its link."""

from __future__ import annotations

from datetime import datetime

import pytest

from summarizer.sources.ingest import read_articles
from tests.conftest import FIXTURES


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


@pytest.mark.parametrize("pointer", ["file-url", "path"])
def test_a_feed_whose_text_is_a_url_or_a_path_is_never_fetched_or_opened(pointer, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("<rss><channel><item><title>leaked</title></item></channel></rss>")
    feed = tmp_path / "feed.xml"
    feed.write_text(f"file://{secret}#<rss>" if pointer == "file-url" else f"{secret}<rss")
    result = read_articles([feed])
    assert result.articles == [] and "leaked" not in str(result.failures)
