"""An input's fields made an Article: front matter, CMS names, capped metadata, dates read, never invented."""

from __future__ import annotations

import io
import json
import logging
from datetime import UTC, datetime, timedelta, timezone

import pytest

from summarizer.errors import UsageError
from summarizer.sources.fields import MAX_FRONT_MATTER_CHARS, MAX_META_CHARS, MAX_URL_CHARS, article_id
from summarizer.sources.ingest import read_articles
from summarizer.sources.pages import MIN_ARTICLE_CHARS
from tests.conftest import FIXTURES

from .test_ingest import TEXT, story, write


def test_markdown_front_matter_gives_title_source_url_and_date(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Bridge to reopen\nsource: Gazette\nurl: https://example.org/bridge\n"
        "published: 2025-05-02\n---\n" + TEXT,
    )
    [article] = read_articles([path]).articles
    assert (article.title, article.source, article.url) == (
        "Bridge to reopen",
        "Gazette",
        "https://example.org/bridge",
    )
    assert article.published == datetime(2025, 5, 2)
    assert article.text == TEXT


def test_the_id_is_derived_from_the_text_not_the_path(tmp_path):
    first = write(tmp_path / "x.txt", TEXT)
    second = write(tmp_path / "copy" / "y.txt", "\n" + TEXT + "\n")
    other = write(tmp_path / "z.txt", TEXT + " Updated.")
    a, b, c = read_articles([first, second, other]).articles
    assert a.id == b.id == article_id(TEXT)
    assert c.id != a.id


# --- bounded: nothing a file says can make reading it cost more than the file ----------------------


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        (BILLION_LAUGHS + "title: Bridge\n", "anchors or aliases"),
        ("title: Bridge\nnotes: " + "x" * MAX_FRONT_MATTER_CHARS + "\n", "front matter is longer than"),
        ("title: Bridge\ntags: " + "[" * 100 + "]" * 100 + "\n", "nested too deeply"),
        ("title: Bridge\ntags: " + "[" * 30_000 + "]" * 30_000 + "\n", "front matter"),
    ],
    ids=["alias-bomb", "too-long", "nested", "nested-past-the-C-stack"],
)
def test_front_matter_that_would_expand_or_run_away_is_refused_by_name(tmp_path, front, reason):
    bad = write(tmp_path / "bomb.md", f"---\n{front}---\n{TEXT}")
    good = write(tmp_path / "good.md", f"---\ntitle: Bridge\n---\n{story('Good')}")
    result = read_articles([bad, good])
    assert [a.text for a in result.articles] == [story("Good")]
    [failure] = result.failures
    assert failure.origin == str(bad) and reason in failure.reason


def test_front_matter_that_is_not_yaml_is_one_line_naming_the_file_s_line(tmp_path):
    # PyYAML's message ran over four lines and named the text "<unicode string>": the warning on stderr
    # and the brief's "Not summarised" line said neither where in the file nor in one line.
    bad = write(tmp_path / "bad.md", f"---\ntitle: Bridge\nsource: [AP\nauthor: Jo\n---\n{TEXT}")
    [failure] = read_articles([bad]).failures
    assert failure.reason == (
        "front matter is not valid YAML: line 4, column 7: did not find expected ',' or ']' "
        "(while parsing a flow sequence on line 3)"
    )


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", MAX_META_CHARS), ("source", MAX_META_CHARS), ("author", MAX_META_CHARS)],
)
def test_an_overlong_title_source_or_author_is_cut_to_its_cap_with_a_warning(tmp_path, caplog, field, limit):
    path = write(tmp_path / "long.json", json.dumps({"text": TEXT, field: "Word " * 1_000_000}))
    with caplog.at_level(logging.WARNING, logger="summarizer.sources.fields"):
        [article] = read_articles([path]).articles
    value = getattr(article, field)
    assert len(value) <= limit and value.startswith("Word Word")
    assert any(str(path) in r.getMessage() and field in r.getMessage() for r in caplog.records)


def test_an_overlong_url_is_dropped_not_cut_with_a_warning(tmp_path, caplog):
    url = "https://example.org/" + "a" * MAX_URL_CHARS
    path = write(tmp_path / "long.json", json.dumps({"text": TEXT, "url": url, "title": "Bridge"}))
    with caplog.at_level(logging.WARNING, logger="summarizer.sources.fields"):
        [article] = read_articles([path]).articles
    assert article.url is None and article.title == "Bridge"
    assert any("url" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


# --- dates: read the way people write them, never invented --------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2025-08-06", datetime(2025, 8, 6)),
        ("Aug 6, 2025", datetime(2025, 8, 6)),
        ("6 August 2025", datetime(2025, 8, 6)),
        ("Wednesday, August 6, 2025 10:30", datetime(2025, 8, 6, 10, 30)),
        ("Wed, 06 Aug 2025 10:00:00 GMT", datetime(2025, 8, 6, 10, tzinfo=UTC)),
        ("Wed, 06 Aug 2025 10:00:00 EST", datetime(2025, 8, 6, 10, tzinfo=timezone(timedelta(hours=-5)))),
        ("2025-08-06T10:00:00+01:00", datetime(2025, 8, 6, 10, tzinfo=timezone(timedelta(hours=1)))),
    ],
)
def test_a_date_is_read_as_people_write_it(tmp_path, written, read):
    path = write(tmp_path / "a.md", f"---\npublished: {written}\n---\n{TEXT}")
    [article] = read_articles([path]).articles
    assert article.published == read


@pytest.mark.parametrize("written", ["2024-13-45", "Tuesday", "August 2025", "2025", "soon", "x" * 10_000])
def test_a_date_that_cannot_be_read_is_dropped_with_a_warning_and_the_article_kept(tmp_path, caplog, written):
    path = write(tmp_path / "a.md", f"---\ntitle: Bridge\npublished: {written}\n---\n{TEXT}")
    with caplog.at_level(logging.WARNING, logger="summarizer.sources.fields"):
        result = read_articles([path])
    [article] = result.articles
    assert article.published is None and article.title == "Bridge" and result.failures == []
    assert any(str(path) in r.getMessage() and "date" in r.getMessage() for r in caplog.records)


# --- the article's text: some, and text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [(42, "a number, not article text"), (["a", "b"], "a list, not article text"), (True, "true or false")],
)
def test_a_text_field_that_is_not_text_says_what_it_is(tmp_path, value, reason):
    path = write(tmp_path / "a.json", json.dumps({"text": value, "title": "Bridge"}))
    [failure] = read_articles([path]).failures
    assert reason in failure.reason


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("short.txt", "Officials said the bridge would reopen in May."),
        ("short.md", "---\ntitle: Bridge\n---\nOfficials said the bridge would reopen in May."),
        ("short.json", json.dumps({"text": "Officials said the bridge would reopen in May."})),
        ("short.jsonl", json.dumps({"text": "Officials said the bridge would reopen in May."})),
    ],
)
def test_too_little_text_is_reported_from_every_kind_of_file(tmp_path, name, content):
    short = write(tmp_path / name, content)
    result = read_articles([short, write(tmp_path / "good.txt", TEXT)])
    assert [a.text for a in result.articles] == [TEXT]
    [failure] = result.failures
    assert failure.origin.startswith(str(short)) and "too little article text" in failure.reason
    assert str(MIN_ARTICLE_CHARS) in failure.reason


def test_too_little_text_on_stdin_is_reported():
    [failure] = read_articles(["-"], stdin=io.StringIO("A teaser, not an article.")).failures
    assert failure.origin == "-" and "too little article text" in failure.reason


# --- CMS exports: the user's field names, dots reaching into objects ----------------------------------


WORDPRESS = {
    "text": "content.rendered",
    "title": "title.rendered",
    "published": "date_gmt",
    "source": "yoast_head_json.og_site_name",
}


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
