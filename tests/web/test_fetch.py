"""Fetching over HTTP against the local news site: bounds, manners, address checks, conditional requests."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.config.settings import FetchPolicy
from summarizer.errors import InputError
from summarizer.store import FileStore
from summarizer.web.fetch import Fetched, Fetcher, user_agent
from tests.webserver import NewsSite, Route, self_signed

#: The test site is on 127.0.0.1: every test but the refusal ones allows private addresses.
LOCAL = FetchPolicy(allow_private=True, host_delay=0.0, timeout=5.0)


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as running:
        yield running


def fetch(url: str, policy: FetchPolicy = LOCAL, store: Any = None, **options: Any) -> Fetched:
    async def go() -> Fetched:
        async with Fetcher(policy, store, **options) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


def failure(url: str, policy: FetchPolicy = LOCAL, **options: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        fetch(url, policy, **options)
    assert caught.value.source == url  # the failure names the URL as it was given
    return caught.value


def test_a_page_is_fetched_with_a_user_agent_that_says_who_is_asking(site):
    url = site.page("/news/1", 1)
    fetched = fetch(url)
    assert "Council vote number 1" in fetched.text and fetched.content_type == "text/html"
    agent = dict(site.requests)["/news/1"]["user-agent"]
    assert agent == user_agent() and agent.startswith("summarizer/") and "(+http" in agent


def test_loopback_is_refused_unless_private_addresses_are_allowed(site):
    url = site.page("/news/1", 1)
    error = failure(url, FetchPolicy(host_delay=0))
    assert error.kind == "blocked" and "127.0.0.1" in error.reason and "--allow-private" in error.reason
    assert site.requests == []  # refused before a single byte was sent, robots.txt included


def test_a_redirect_to_a_refused_address_is_checked_again_on_that_hop(site):
    # 127.0.0.1 is allowed here, 127.0.0.2 is not: the redirect's own address is what is checked.
    site.routes["/moved"] = Route(
        status=302, headers={"location": f"http://127.0.0.2:{site.base.rsplit(':', 1)[1]}/x"}
    )
    error = failure(site.url("/moved"), allowed=lambda address: str(address) == "127.0.0.1")
    assert error.kind == "blocked" and "127.0.0.2" in error.reason


def test_a_redirect_to_another_scheme_is_refused(site):
    site.routes["/moved"] = Route(status=301, headers={"location": "file:///etc/passwd"})
    error = failure(site.url("/moved"))
    assert (
        error.kind == "blocked"
        and "only http and https" in error.reason
        and "file:///etc/passwd" in error.reason
    )


def test_a_url_of_another_scheme_is_refused():
    error = failure("ftp://127.0.0.1/feed.xml")
    assert error.kind == "blocked" and "not ftp" in error.reason


@pytest.mark.parametrize("url", ["http://[bad/feed", "http://example.org:99999/", "https://:80/"])
def test_a_broken_url_is_named_not_raised(url):
    error = failure(url)
    assert error.kind == "unreadable" and ("not a valid URL" in error.reason or "no host" in error.reason)


def test_a_redirect_to_a_broken_url_is_named(site):
    site.routes["/moved"] = Route(status=302, headers={"location": "http://[broken"})
    error = failure(site.url("/moved"))
    assert "not a valid URL (a redirect to http://[broken)" in error.reason


def test_redirects_are_followed_and_the_final_url_kept(site):
    site.page("/news/1", 1)
    site.routes["/old"] = Route(status=301, headers={"location": "/older"})
    site.routes["/older"] = Route(status=308, headers={"location": site.url("/news/1")})
    fetched = fetch(site.url("/old"))
    assert fetched.url == site.url("/old") and fetched.final_url == site.url("/news/1")


def test_a_redirect_loop_stops(site):
    site.routes["/a"] = Route(status=302, headers={"location": "/b"})
    site.routes["/b"] = Route(status=302, headers={"location": "/a"})
    error = failure(site.url("/a"), LOCAL.model_copy(update={"max_redirects": 3}))
    assert "more than 3 redirects" in error.reason
    assert site.hits("/a") + site.hits("/b") == 4


@pytest.mark.parametrize(
    ("status", "kind"), [(404, "not found"), (410, "not found"), (403, "blocked"), (503, "unreachable")]
)
def test_an_http_error_is_a_named_failure(site, status, kind):
    site.routes["/gone"] = Route(b"no", status=status, content_type="text/plain")
    error = failure(site.url("/gone"))
    assert error.kind == kind and f"HTTP {status}" in error.reason


def test_a_slow_response_times_out(site):
    site.routes["/slow"] = Route(b"late", delay=3.0)
    started = time.monotonic()
    error = failure(site.url("/slow"), LOCAL.model_copy(update={"timeout": 0.5}))
    assert "timed out after 0.5 s" in error.reason and time.monotonic() - started < 2.5


def test_a_trickle_that_never_pauses_long_still_times_out(site):
    # Each piece arrives well within a read timeout; the whole response does not within the timeout.
    site.routes["/trickle"] = Route(b"x" * 40 * 1024, trickle=0.1)
    error = failure(site.url("/trickle"), LOCAL.model_copy(update={"timeout": 1.0}))
    assert "timed out" in error.reason


def test_an_oversized_response_is_refused_from_its_declared_length(site):
    site.routes["/big"] = Route(b"x" * 300_000)
    error = failure(site.url("/big"), LOCAL.model_copy(update={"max_bytes": 100_000}))
    assert error.kind == "too large" and "not read past" in error.reason


def test_an_oversized_response_without_a_length_is_not_read_past_the_cap(site):
    site.routes["/big"] = Route(b"x" * 3_000_000, declare_length=False)
    error = failure(site.url("/big"), LOCAL.model_copy(update={"max_bytes": 100_000}))
    assert error.kind == "too large"


def test_a_gzip_response_is_inflated(site):
    url = site.page("/news/2", 2, gzip=True)
    assert "Council vote number 2" in fetch(url).text
    assert "gzip" in dict(site.requests)["/news/2"]["accept-encoding"]


def test_a_gzip_bomb_is_stopped_at_the_cap_after_inflating(site):
    site.routes["/bomb"] = Route(b"\0" * 50_000_000, gzip=True)  # 50 MB that compresses to ~50 kB
    error = failure(site.url("/bomb"), LOCAL.model_copy(update={"max_bytes": 1_000_000}))
    assert error.kind == "too large"


def test_robots_txt_is_honoured_unless_told_otherwise(site):
    url = site.page("/private/memo", 3)
    error = failure(url)
    assert error.kind == "blocked" and "robots.txt disallows" in error.reason
    assert site.hits("/private/memo") == 0
    assert "Council vote number 3" in fetch(url, LOCAL.model_copy(update={"robots": False})).text


def test_robots_txt_is_read_once_per_site(site):
    urls = [site.page(f"/news/{n}", n) for n in range(4)]

    async def go() -> None:
        async with Fetcher(LOCAL) as fetcher:
            await asyncio.gather(*(fetcher.fetch(url) for url in urls))

    asyncio.run(go())
    assert site.hits("/robots.txt") == 1


def test_a_missing_robots_txt_allows_everything(site):
    del site.routes["/robots.txt"]
    assert fetch(site.page("/private/memo", 3)).text


def test_a_failing_robots_txt_disallows_everything(site):
    site.routes["/robots.txt"] = Route(b"down", status=503, content_type="text/plain")
    error = failure(site.page("/news/1", 1))
    assert error.kind == "blocked" and "robots.txt could not be read" in error.reason


def test_no_more_requests_go_to_one_host_at_once_than_allowed_and_they_are_spaced(site):
    urls = [site.page(f"/news/{n}", n, delay=0.2) for n in range(6)]
    del site.routes["/robots.txt"]
    policy = LOCAL.model_copy(update={"per_host": 2, "host_delay": 0.05, "robots": False})

    async def go() -> float:
        started = time.monotonic()
        async with Fetcher(policy) as fetcher:
            await asyncio.gather(*(fetcher.fetch(url) for url in urls))
        return time.monotonic() - started

    # Six 0.2 s answers two at a time take three rounds: at least 0.6 s; all at once would take 0.2 s.
    assert asyncio.run(go()) >= 0.6


def test_a_second_fetch_asks_conditionally_and_a_304_gives_the_stored_body(site, tmp_path):
    store = FileStore(tmp_path / "cache")
    url = site.page("/news/1", 1, etag='"v1"', last_modified="Wed, 05 Mar 2025 08:00:00 GMT")
    first = fetch(url, store=store)
    second = fetch(url, store=store)
    assert first.changed and not second.changed and second.text == first.text
    asked = [headers for path, headers in site.requests if path == "/news/1"]
    assert "if-none-match" not in asked[0]
    assert asked[1]["if-none-match"] == '"v1"'
    assert asked[1]["if-modified-since"] == "Wed, 05 Mar 2025 08:00:00 GMT"
    assert (tmp_path / "cache" / "CACHEDIR.TAG").is_file()


def test_a_changed_page_is_downloaded_again(site, tmp_path):
    store = FileStore(tmp_path / "cache")
    url = site.page("/news/1", 1, etag='"v1"')
    fetch(url, store=store)
    site.page("/news/1", 2, etag='"v2"')
    again = fetch(url, store=store)
    assert again.changed and "Council vote number 2" in again.text


def test_cache_clear_removes_the_fetch_records_too(site, tmp_path):
    store = FileStore(tmp_path / "cache")
    fetch(site.page("/news/1", 1, etag='"v1"'), store=store)
    assert store.count()[0] == 1
    assert store.clear() == 1
    assert fetch(site.url("/news/1"), store=store).changed


def test_an_unresolvable_host_is_a_dns_failure():
    error = failure("http://no-such-host.invalid/feed.xml")
    assert error.kind == "unreachable" and "DNS" in error.reason


def test_nothing_listening_is_a_connection_failure():
    error = failure("http://127.0.0.1:9/feed.xml", LOCAL.model_copy(update={"robots": False}))
    assert error.kind == "unreachable" and "cannot connect" in error.reason


@pytest.mark.parametrize("charset", ["zlib", "rot13", "no-such-charset"])
def test_a_charset_that_is_not_a_text_encoding_falls_back_to_utf8(site, charset):
    site.routes["/odd"] = Route("<p>Café</p>".encode(), content_type=f"text/html; charset={charset}")
    assert "Café" in fetch(site.url("/odd")).text


def test_a_charset_the_server_names_is_used(site):
    site.routes["/latin"] = Route(
        "<p>Café crème</p>".encode("latin-1"), content_type="text/html; charset=iso-8859-1"
    )
    assert "Café crème" in fetch(site.url("/latin")).text


def test_a_url_asked_for_twice_in_a_run_is_fetched_once(site):
    url = site.page("/news/1", 1)

    async def go() -> None:
        async with Fetcher(LOCAL) as fetcher:
            await asyncio.gather(fetcher.fetch(url), fetcher.fetch(url))

    asyncio.run(go())
    assert site.hits("/news/1") == 1


def test_a_crawl_delay_spaces_the_requests_to_its_host(site):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    urls = [site.page(f"/news/{n}", n) for n in range(3)]

    async def go() -> float:
        async with Fetcher(LOCAL) as fetcher:
            await fetcher.fetch(urls[0])
            started = time.monotonic()
            await asyncio.gather(*(fetcher.fetch(url) for url in urls[1:]))
            return time.monotonic() - started

    assert asyncio.run(go()) >= 1.5  # two more requests, each a second after the one before


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    return self_signed(tmp_path_factory.mktemp("tls"))


def test_https_verifies_the_certificate_against_the_host_name(certificate, monkeypatch):
    with NewsSite(tls=certificate) as secure:
        url = secure.page("/news/1", 1).replace("127.0.0.1", "localhost")
        error = failure(url)
        assert error.kind == "unreachable" and error.reason.startswith("TLS:")
        assert "CERTIFICATE_VERIFY_FAILED" in error.reason
        # Trusted (an intranet's own CA, through SSL_CERT_FILE): the same page is read.
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
        assert "Council vote number 1" in fetch(url).text
