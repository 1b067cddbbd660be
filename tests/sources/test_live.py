"""URLs as inputs: pages and feeds from the local news site, feed lists, per-feed counts, named failures."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import pytest

from summarizer import RunResult, Settings, amake_brief
from summarizer.cli import EXIT_FAILURES, EXIT_OK, main
from summarizer.config.settings import FetchPolicy, Window, parse_moment
from summarizer.sources.ingest import Ingested, read_articles
from summarizer.sources.live import read_url_list
from summarizer.sources.pages import page
from summarizer.store import FileStore
from tests.conftest import EXAMPLES, EXAMPLES_CASSETTE, TEST_KEY
from tests.fake import FakeEndpoint, simulated
from tests.webserver import NewsSite, Route

LOCAL = FetchPolicy(allow_private=True, host_delay=0.0, timeout=5.0)
NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as running:
        yield running


def read(*inputs: Any, policy: FetchPolicy = LOCAL, **options: Any) -> Ingested:
    return read_articles(list(inputs), fetch=policy, **options)


def test_a_page_url_is_one_article_with_its_site_and_url(site):
    url = site.page("/news/5", 5)
    [article] = read(url).articles
    assert article.origin == url and article.url == url
    assert article.title == "Council vote number 5" and article.source == "The Local Times"
    assert "Copyright" not in article.text and "council approved" in article.text


def test_a_feed_with_full_content_needs_no_more_requests(site):
    url = site.feed("/feed.xml", [(1, NOW, True), (2, NOW, True)])
    result = read(url)
    assert [a.title for a in result.articles] == ["Council vote number 1", "Council vote number 2"]
    assert [a.origin for a in result.articles] == [f"{url}#1", f"{url}#2"]
    assert site.hits("/news/1") == 0
    [report] = result.feeds
    assert (report.title, report.entries, report.new, report.skipped, report.failed) == (
        "The Local Times",
        2,
        2,
        0,
        0,
    )


def test_entries_without_full_content_are_fetched_from_their_links(site):
    url = site.feed("/feed.xml", [(1, NOW, False), (2, NOW, False)])
    for index in (1, 2):
        site.page(f"/news/{index}", index)
    result = read(url)
    assert result.failures == []
    first, second = result.articles
    assert first.origin == site.url("/news/1") and first.url == site.url("/news/1")
    assert first.source == "The Local Times"
    assert first.published == datetime(2025, 3, 2, 9, tzinfo=UTC)  # the page's own date wins the feed's
    assert "council approved" in second.text


def test_relative_links_in_a_feed_are_resolved_against_where_it_came_from(site):
    site.feed("/feeds/main.xml", [(1, NOW, False)])
    route = site.routes["/feeds/main.xml"]
    route.body = route.body.replace(site.base.encode() + b"/news/1", b"../news/1")
    site.page("/news/1", 1)
    [article] = read(site.url("/feeds/main.xml")).articles
    assert article.url == site.url("/news/1")


def test_with_follow_links_off_a_teaser_entry_is_a_named_failure(site):
    url = site.feed("/feed.xml", [(1, NOW, False)])
    site.page("/news/1", 1)
    result = read(url, policy=LOCAL.model_copy(update={"follow_links": False}))
    [failure] = result.failures
    assert failure.origin == site.url("/news/1") and "--no-follow-links" in failure.reason
    assert site.hits("/news/1") == 0


def test_since_skips_old_entries_without_fetching_them_and_counts_them(site):
    old = NOW - timedelta(days=3)
    url = site.feed("/feed.xml", [(1, NOW, False), (2, old, False), (3, old, True)])
    for index in (1, 2):
        site.page(f"/news/{index}", index)
    result = read(url, window=Window(since=parse_moment("24h")))
    assert [a.title for a in result.articles] == ["Council vote number 1"]
    assert site.hits("/news/2") == 0
    [report] = result.feeds
    assert (report.entries, report.skipped, report.failed) == (3, 2, 0)


def test_a_feed_in_another_encoding_keeps_its_characters(site):
    body = site.feed("/feed.xml", [(1, NOW, True)]) and site.routes["/feed.xml"].body.decode()
    body = body.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("The Local Times", "Le Café")
    site.routes["/feed.xml"] = Route(body.encode("latin-1"), content_type="application/rss+xml")
    [article] = read(site.url("/feed.xml")).articles
    assert article.source == "Le Café"


def test_a_feed_whose_text_is_a_url_is_not_fetched_by_the_feed_reader(site):
    site.routes["/secret"] = Route(b"<rss><channel><item><title>leaked</title></item></channel></rss>")
    site.routes["/feed.xml"] = Route(
        f"{site.url('/secret')}#<rss>".encode(), content_type="application/rss+xml"
    )
    result = read(site.url("/feed.xml"))
    assert site.hits("/secret") == 0 and result.articles == []


def test_a_failing_entry_is_named_and_counted_and_the_feed_goes_on(site):
    url = site.feed("/feed.xml", [(1, NOW, False), (2, NOW, False), (3, NOW, False)])
    site.page("/news/1", 1)
    site.routes["/news/2"] = Route(b"<html><body><p>Subscribe to read.</p></body></html>")  # a paywall stub
    result = read(url)  # /news/3 is not there: 404
    assert [a.origin for a in result.articles] == [site.url("/news/1")]
    failures = {f.origin: (f.kind, f.reason) for f in result.failures}
    assert failures[site.url("/news/2")][0] == "unreadable"
    assert "too little article text" in failures[site.url("/news/2")][1]
    assert failures[site.url("/news/3")] == ("not found", "HTTP 404 Not Found")
    assert result.feeds[0].failed == 2


def test_a_second_run_counts_only_new_entries_and_asks_conditionally(site, tmp_path):
    store = FileStore(tmp_path / "cache")
    url = site.feed("/feed.xml", [(1, NOW, True)], etag='"one"')
    assert read(url, store=store).feeds[0].new == 1
    again = read(url, store=store)
    assert again.feeds[0].new == 0 and not again.feeds[0].changed
    assert [a.title for a in again.articles] == ["Council vote number 1"]  # from the stored body
    site.feed("/feed.xml", [(2, NOW, True), (1, NOW, True)], etag='"two"')
    third = read(url, store=store)
    assert (third.feeds[0].entries, third.feeds[0].new, third.feeds[0].changed) == (2, 1, True)


def test_every_kind_of_failure_is_named_and_the_rest_is_read(site, tmp_path):
    good = site.page("/news/1", 1)
    site.routes["/file.pdf"] = Route(b"%PDF-1.7", content_type="application/pdf")
    site.routes["/big"] = Route(b"<p>" + b"x" * 200_000)
    site.routes["/slow"] = Route(b"late", delay=4.0)
    local = tmp_path / "saved.md"
    local.write_text("An article saved by hand. " * 30)
    result = read(
        good,
        site.url("/file.pdf"),
        site.url("/big"),
        site.url("/slow"),
        site.page("/private/x", 2),
        "ftp://127.0.0.1/feed.xml",
        str(local),
        policy=LOCAL.model_copy(update={"max_bytes": 100_000, "timeout": 1.5}),
    )
    assert [a.origin for a in result.articles] == [good, str(local)]  # input order, files and URLs mixed
    kinds = {f.origin.removeprefix(site.base): f.kind for f in result.failures}
    assert kinds == {
        "/file.pdf": "unreadable",
        "/big": "too large",
        "/slow": "unreachable",
        "/private/x": "blocked",
        "ftp://127.0.0.1/feed.xml": "blocked",
    }


def test_a_reader_that_chokes_costs_only_its_url(site, monkeypatch):
    def choke(origin: str, html: str) -> dict[str, Any]:
        raise RecursionError("maximum recursion depth exceeded")

    good = site.feed("/feed.xml", [(2, NOW, True)])
    monkeypatch.setattr("summarizer.sources.live.page", choke)
    result = read(site.page("/news/1", 1), good)
    assert [a.title for a in result.articles] == ["Council vote number 2"]
    [failure] = result.failures
    assert failure.origin == site.url("/news/1") and "RecursionError" in failure.reason


def test_reading_a_slow_page_does_not_stall_the_other_fetches(site, monkeypatch):
    real = page

    def slow(origin: str, html: str) -> dict[str, Any]:
        time.sleep(1.0)  # as a large page keeps trafilatura busy
        return real(origin, html)

    monkeypatch.setattr("summarizer.sources.live.page", slow)
    first = site.page("/news/1", 1)
    others = [site.page(f"/news/{n}", n, delay=0.3) for n in (2, 3)]
    policy = LOCAL.model_copy(update={"timeout": 0.8, "per_host": 3, "robots": False})
    result = read(first, *others, policy=policy)
    assert result.failures == [] and len(result.articles) == 3


def test_without_allow_private_the_local_site_is_refused(site):
    result = read(site.page("/news/1", 1), policy=FetchPolicy())
    [failure] = result.failures
    assert failure.kind == "blocked" and "127.0.0.1" in failure.reason
    assert site.requests == []


def test_a_text_feed_list_skips_comments_and_names_bad_lines(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# morning feeds\n\nhttps://a.example/feed.xml  # the A feed\nnot a url\n"
        "https://b.example/news#top\nhttps://a.example/feed.xml\n"
    )
    urls, errors = read_url_list(listing)
    assert urls == ["https://a.example/feed.xml", "https://b.example/news#top"]
    [error] = errors
    assert error.source == f"{listing}:4" and "not a URL" in error.reason


def test_an_opml_list_gives_its_feeds_in_order(tmp_path):
    listing = tmp_path / "feeds.opml"
    listing.write_text(
        '<?xml version="1.0"?>\n<opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="Local"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>'
        '<outline type="rss" text="B" xmlurl="https://b.example/atom"/></outline>'
        '<outline type="link" text="C" url="https://c.example/story"/></body></opml>'
    )
    assert read_url_list(listing) == (
        ["https://a.example/rss", "https://b.example/atom", "https://c.example/story"],
        [],
    )


def test_an_opml_list_resolves_no_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://leak.example/")
    listing = tmp_path / "feeds.opml"
    listing.write_text(
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<opml><body><outline xmlUrl="&x;"/></body></opml>'
    )
    urls, _ = read_url_list(listing)
    assert urls == []


def test_feeds_listed_in_a_file_are_read_after_the_other_inputs(site, tmp_path):
    page = site.page("/news/1", 1)
    feed = site.feed("/feed.xml", [(2, NOW, True)])
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{feed}\nnonsense\n")
    result = read_articles([page], feeds=[listing], fetch=LOCAL)
    assert [a.title for a in result.articles] == ["Council vote number 1", "Council vote number 2"]
    assert [f.origin for f in result.failures] == [f"{listing}:2"]


@pytest.mark.parametrize(
    ("text", "ago"),
    [
        ("90m", timedelta(minutes=90)),
        ("24h", timedelta(hours=24)),
        ("2d", timedelta(days=2)),
        ("1w", timedelta(weeks=1)),
    ],
)
def test_since_reads_a_time_ago(text, ago):
    assert parse_moment(text, now=NOW) == NOW - ago


def test_since_still_reads_dates_and_says_what_it_accepts():
    assert parse_moment("2025-03-04") == datetime(2025, 3, 4)
    with pytest.raises(ValueError, match="24h"):
        parse_moment("yesterday")


# --- end to end: a brief from a feed URL, through the command line and the library ----------------------


@pytest.fixture
def simulator() -> Iterator[FakeEndpoint]:
    with simulated() as running:
        yield running


def brief(site: NewsSite, simulator: FakeEndpoint, tmp_path: Path, *args: str) -> tuple[int, str]:
    out = tmp_path / "brief.md"
    status = main(
        [
            "brief",
            *args,
            "--base-url",
            simulator.base_url,
            "--cache-dir",
            str(tmp_path / "cache"),
            "-o",
            str(out),
        ]
    )
    return status, out.read_text() if out.exists() else ""


def test_a_brief_from_a_feed_url_names_the_feeds_articles(site, simulator, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    feed = site.feed("/feed.xml", [(1, NOW, False), (2, NOW, True)])
    site.page("/news/1", 1, published=NOW)
    status, text = brief(site, simulator, tmp_path, feed, "--allow-private")
    assert status == EXIT_OK, capsys.readouterr().err
    assert f"[Council vote number 1]({site.url('/news/1')})" in text
    assert f"[Council vote number 2]({site.url('/news/2')})" in text
    lines = capsys.readouterr().err.splitlines()
    assert f"feed {feed}: 2 entries, 2 new, 0 failed" in lines
    assert lines[-1].startswith("2 summarised, 0 not summarised")

    # An hour later: the feed has not changed, nothing is summarised again.
    site.routes["/feed.xml"].etag = '"same"'
    brief(site, simulator, tmp_path, feed, "--allow-private", "--since", "24h")
    status, _ = brief(site, simulator, tmp_path, feed, "--allow-private", "--since", "24h")
    lines = capsys.readouterr().err.splitlines()
    assert f"feed {feed}: 2 entries, 0 new, 0 failed; not modified since the last run" in lines
    assert lines[-1].startswith("2 summarised (2 from the cache)") and status == EXIT_OK
    assert sum(simulator.stats.requests.values()) == 2


def test_without_allow_private_the_brief_lists_the_refused_url(
    site, simulator, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    feed = site.feed("/feed.xml", [(2, NOW, True)])
    status, text = brief(site, simulator, tmp_path, feed)
    assert status == EXIT_FAILURES and site.requests == []
    assert text == ""  # nothing summarised: no brief of nothing is written
    assert (
        f"summarizer: warning: {feed}: refused: 127.0.0.1 is a private, loopback" in capsys.readouterr().err
    )


def test_feeds_from_a_list_and_the_fetch_flags(site, simulator, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    feed = site.feed("/feed.xml", [(1, NOW, False)])
    site.page("/news/1", 1)
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# ours\n{feed}\n")
    status, text = brief(
        site, simulator, tmp_path, "--feeds", str(listing), "--allow-private", "--no-follow-links"
    )
    assert status == EXIT_FAILURES and site.hits("/news/1") == 0
    assert "following links is off" in capsys.readouterr().err  # nothing summarised: no file written
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /\n", content_type="text/plain")
    status, text = brief(
        site, simulator, tmp_path, "--feeds", str(listing), "--allow-private", "--ignore-robots"
    )
    assert status == EXIT_OK and "Council vote number 1" in text


def test_the_library_fetches_on_the_callers_event_loop(site, simulator, tmp_path):
    feed = site.feed("/feed.xml", [(2, NOW, True)])
    settings = Settings(
        base_url=simulator.base_url,
        api_key=TEST_KEY,
        cache_dir=None,
        fetch=LOCAL,  # type: ignore[arg-type]
    )

    async def run() -> RunResult:
        return await amake_brief([feed], settings=settings)

    result = asyncio.run(run())
    assert [a.title for a in result.articles] == ["Council vote number 2"]
    assert result.feeds[0].entries == 1 and result.complete


def test_a_url_a_replayed_cassette_does_not_hold_is_a_failure_and_the_run_goes_on(site, tmp_path):
    feed = site.feed("/feed.xml", [(2, NOW, True)])
    out = tmp_path / "brief.md"
    cassette = EXAMPLES_CASSETTE
    status = main(
        ["brief", str(EXAMPLES), feed, "--allow-private", "--cassette", str(cassette), "-o", str(out)]
    )
    assert status == EXIT_FAILURES
    assert f"{feed}: unreachable: CannotOverwriteExistingCassetteException" in out.read_text().replace(
        "\\:", ":"
    )


def test_the_fetch_policy_can_come_from_a_config_file(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.summarizer.fetch]\nallow_private = true\nmax_bytes = 1000\n"
    )
    monkeypatch.chdir(tmp_path)
    fetch = Settings().fetch
    # Which addresses may be reached is a trusted project's say only (config.TRUSTED_ONLY).
    assert (fetch.allow_private, fetch.max_bytes, fetch.robots) == (False, 1000, True)
    assert Settings(trust_project=True).fetch.allow_private is True


def test_excluded_paths_stay_excluded_beside_urls(site, tmp_path):
    kept, mine = tmp_path / "a.md", tmp_path / "brief.md"
    for path in (kept, mine):
        path.write_text("An article saved by hand. " * 30 + path.name)
    result = read_articles(
        [kept, site.page("/news/1", 1), mine], exclude=(path for path in [mine]), fetch=LOCAL
    )
    assert [a.origin for a in result.articles] == [str(kept), site.url("/news/1")]


# --- caps on what feeds may queue ------------------------------------------------------------------------


def test_a_feed_gives_at_most_its_cap_of_entries_and_says_how_many_it_left(site):
    url = site.feed("/huge.xml", [(n, NOW, True) for n in range(1, 251)])
    result = read(url)
    assert len(result.articles) == 100  # MAX_PER_FEED
    assert [a.origin for a in result.articles[:2]] == [f"{url}#1", f"{url}#2"]  # the feed's first ones
    [report] = result.feeds
    assert (report.entries, report.over_feed_cap, report.over_run_cap) == (250, 150, 0)
    raised = read(url, policy=LOCAL.model_copy(update={"max_per_feed": 300}))
    assert len(raised.articles) == 250


def test_the_feeds_of_a_run_give_at_most_the_runs_cap_in_input_order(site):
    first = site.feed("/a.xml", [(n, NOW, True) for n in range(1, 81)])
    second = site.feed("/b.xml", [(n, NOW, True) for n in range(81, 161)])
    result = read(first, second, policy=LOCAL.model_copy(update={"max_feed_entries": 100}))
    assert len(result.articles) == 100
    assert [(r.url, r.over_feed_cap, r.over_run_cap) for r in result.feeds] == [
        (first, 0, 0),
        (second, 0, 60),
    ]


def test_the_summary_line_says_when_a_cap_bit_and_how_to_raise_it(site, tmp_path, monkeypatch, capsys):
    url = site.feed("/huge.xml", [(n, NOW, True) for n in range(1, 151)])
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    with simulated() as simulator:
        args = ["brief", url, "--allow-private", "--base-url", simulator.base_url, "--no-cache"]
        assert main([*args, "--max-per-feed", "20", "-o", str(tmp_path / "b.md")]) == EXIT_OK
        assert sum(simulator.stats.requests.values()) == 20
    err = capsys.readouterr().err
    assert "130 feed entries over the cap of 20 per feed not read; --max-per-feed to raise it" in err


# --- a page says who published it and when ----------------------------------------------------------------


def _outlet_page(text: str, head: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>News</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{paragraphs}</article><footer>Contact us</footer>"
        "</body></html>"
    ).encode()


def test_a_feed_of_three_outlets_pages_gives_each_outlet_and_date_and_merges_one_event(
    site, simulator, tmp_path, monkeypatch, capsys
):
    """An aggregator's feed ("Aggregator Live") of teasers linking to three outlets' pages: each page
    names its outlet (og:site_name; JSON-LD publisher; nothing, so its domain) and its date (meta;
    JSON-LD; none, with years in the text), and two outlets' reports of one meeting are one story."""
    import json as json_module

    from summarizer.models import Brief
    from summarizer.output.render import render_brief

    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    cna, lbc = (article.text for article in read_articles([EXAMPLES]).articles)
    undated = "\n".join(
        f"The harbour company, founded in 2019, reported in 2023 that its {n}th quay was finished on time "
        "and under budget, and that work on the next would start once the council approved the plans."
        for n in range(1, 6)
    )
    linked = json_module.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "herald"},
                {
                    "@type": "NewsArticle",
                    "datePublished": "2025-08-06T18:30:00+01:00",
                    "publisher": {"@type": "Organization", "name": "Harbour Herald"},
                },
            ],
        }
    )
    site.routes["/a"] = Route(
        _outlet_page(
            cna,
            '<meta property="og:site_name" content="Northern Post">'
            '<meta property="article:published_time" content="2025-08-06T09:15:00Z">',
        )
    )
    site.routes["/b"] = Route(_outlet_page(lbc, f'<script type="application/ld+json">{linked}</script>'))
    site.routes["/c"] = Route(_outlet_page(undated, ""))
    items = "".join(
        f"<item><title>Item {path}</title><link>{site.url(path)}</link>{date}"
        "<description>A teaser.</description></item>"
        for path, date in (("/a", "<pubDate>Thu, 07 Aug 2025 00:00:00 GMT</pubDate>"), ("/b", ""), ("/c", ""))
    )
    site.routes["/feed.xml"] = Route(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Aggregator Live</title>{items}'
        "</channel></rss>".encode(),
        content_type="application/rss+xml",
    )
    out = tmp_path / "brief.json"
    args = [site.url("/feed.xml"), "--allow-private", "--base-url", simulator.base_url, "--no-cache"]
    assert main(["brief", *args, "-q", "-o", str(out)]) == EXIT_OK, capsys.readouterr().err
    brief = Brief.model_validate_json(out.read_text())
    by_url = {ref.url: ref for ref in brief.sources}
    assert by_url[site.url("/a")].source == "Northern Post"
    assert by_url[site.url("/a")].published == datetime(
        2025, 8, 6, 9, 15, tzinfo=UTC
    )  # the page's, not the feed's
    assert by_url[site.url("/b")].source == "Harbour Herald"
    assert by_url[site.url("/b")].published == datetime(2025, 8, 6, 17, 30, tzinfo=UTC)
    assert by_url[site.url("/c")].source == "127.0.0.1" and by_url[site.url("/c")].published is None
    assert "Aggregator Live" not in {ref.source for ref in brief.sources}
    [meeting] = [story for story in brief.stories if len(story.sources) > 1]
    assert {ref.source for ref in meeting.sources} == {"Northern Post", "Harbour Herald"}
    title = render_brief(brief).split("\n# ", 1)[1].splitlines()[0]
    assert title == "News brief — Wednesday 6 August 2025"  # no year of the text made a date


def test_a_page_with_no_date_of_its_own_takes_a_time_element_else_the_servers_last_modified(site):
    text = "\n".join(f"The council met in 2021 and again in 2024, and its {n}th motion passed easily." * 3
                     for n in range(1, 5))  # fmt: skip
    timed = _outlet_page(text, "").replace(b"<article>", b'<article><time datetime="2026-11-30T07:00:00Z">')
    site.routes["/timed"] = Route(timed, last_modified="Tue, 01 Dec 2026 10:00:00 GMT")
    site.routes["/bare"] = Route(
        _outlet_page(text, ""), headers={"Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT"}
    )
    site.routes["/nothing"] = Route(_outlet_page(text, ""))
    timed_page, bare, nothing = read(site.url("/timed"), site.url("/bare"), site.url("/nothing")).articles
    assert timed_page.published == datetime(2026, 11, 30, 7, tzinfo=UTC)
    assert bare.published == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert nothing.published is None  # not 2021, not 2024
