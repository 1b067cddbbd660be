"""Fetch pages and feeds over HTTP: address checks, robots.txt, per-host manners, bounded responses,
conditional requests against a fetch cache.

Every hop of a redirect chain is checked again: its scheme (http or https only), every address its host
resolves to (addresses.py: private, loopback, link-local, multicast and reserved ones are refused unless
the policy allows private addresses), and robots.txt. A response is read as a stream and never past the
size cap (after gzip, so a small compressed bomb is stopped too), each request within one timeout that
covers the whole of it, a slow trickle included. Nothing a page holds is executed: its bytes are only
decoded and parsed."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import urllib.robotparser
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx2
from pydantic import BaseModel

from .. import __version__
from ..config.settings import FetchPolicy
from ..errors import InputError
from ..store import Store
from .addresses import IPAddress, Refused, Unresolvable, checked_transport, is_public
from .body import ENCODINGS, decode_text, fetch_error, media_type, read_body

__all__ = ["FetchRecord", "Fetched", "Fetcher", "user_agent"]

logger = logging.getLogger(__name__)


PROJECT_URL = "https://pypi.org/project/summarizer/"


#: The name robots.txt rules are matched against.
ROBOTS_AGENT = "summarizer"


#: A robots.txt longer than this is read only this far (Google's limit; RFC 9309 asks for 500 KiB at least).
ROBOTS_MAX_BYTES = 512 * 1024


#: A Crawl-delay is honoured up to this many seconds between requests to one host.
MAX_CRAWL_DELAY = 10.0


#: Bump when FetchRecord changes: older records are then simply not found.
FORMAT = 1


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def user_agent() -> str:
    """Who is asking, and where to read about it: what a site's operator sees in the logs."""
    return f"summarizer/{__version__} (+{PROJECT_URL})"


class FetchRecord(BaseModel):
    """What the fetch cache keeps of one URL: its validators, its body and the feed entries seen in it."""

    url: str
    final_url: str
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    sha256: str
    text: str
    #: A feed's entry keys (guid or link) as of the last fetch: what was new since.
    seen: list[str] = []


@dataclass
class Fetched:
    """One URL fetched: its decoded text and where it ended up."""

    url: str
    final_url: str
    content_type: str
    text: str
    #: False when the server answered 304 Not Modified, or sent the same bytes again.
    changed: bool = True
    #: The feed entries seen in it at the previous fetch (empty the first time).
    seen_before: frozenset[str] = frozenset()
    #: The server's Last-Modified header: a page's date when nothing else gives one.
    last_modified: str | None = None


@dataclass
class _Host:
    """Manners toward one host: at most `per_host` requests at once, and a pause between their starts."""

    slots: asyncio.Semaphore
    delay: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0


@dataclass
class _Exchange:
    status: int
    reason: str
    headers: httpx2.Headers
    body: bytes = b""


class Fetcher:
    """Fetches URLs for one run, politely and within bounds; an async context manager.

        >>> async with Fetcher(FetchPolicy(), store) as fetcher:  # doctest: +SKIP
        ...     page = await fetcher.fetch("https://example.org/news/1")

    `allowed` decides which resolved addresses may be reached (default: public ones, or any with
    `policy.allow_private`). `store`, when given, keeps each URL's validators and body, so that the next
    run asks with If-None-Match / If-Modified-Since and a 304 costs no download.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        store: Store | None = None,
        *,
        allowed: Callable[[IPAddress], bool] | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.store = store
        if allowed is None:
            allowed = (lambda address: True) if self.policy.allow_private else is_public
        self._client = httpx2.AsyncClient(
            transport=checked_transport(allowed, self.policy.concurrency),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx2.Timeout(self.policy.timeout),
            headers={"user-agent": user_agent(), "accept-encoding": ", ".join(ENCODINGS)},
        )
        self._slots = asyncio.Semaphore(self.policy.concurrency)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, asyncio.Task[urllib.robotparser.RobotFileParser | InputError]] = {}
        self._fetches: dict[str, asyncio.Task[Fetched]] = {}
        #: How many requests went out and how many bytes came back (what a rerun saves shows here).
        self.requests = 0
        self.downloaded = 0

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for task in [*self._robots.values(), *self._fetches.values()]:
            task.cancel()
        await self._client.aclose()

    # --- the public call ---------------------------------------------------------------------------

    async def fetch(self, url: str, *, accept: str = "*/*") -> Fetched:
        """The URL's body, decoded; an InputError naming the URL for anything that stops it (refused,
        robots.txt, DNS, TLS, timeout, HTTP status, too large). A URL asked for again while it is being
        fetched (two feeds with the same story) shares that fetch. Done fetches are not kept: a run
        of a thousand pages would hold every page's HTML to the end."""
        task = self._fetches.get(url)
        if task is None:
            task = self._fetches[url] = asyncio.ensure_future(self._fetch(url, accept))
            task.add_done_callback(lambda _: self._fetches.pop(url, None))
        return await asyncio.shield(task)

    async def _fetch(self, url: str, accept: str) -> Fetched:
        record = self._record(url)
        headers = {"accept": accept}
        if record is not None:
            if record.etag:
                headers["if-none-match"] = record.etag
            if record.last_modified:
                headers["if-modified-since"] = record.last_modified
        final, exchange = await self._follow(url, headers, self.policy.max_bytes, robots=self.policy.robots)
        seen = frozenset(record.seen) if record is not None else frozenset()
        if exchange.status == 304:
            if record is None:
                raise fetch_error(url, "HTTP 304 Not Modified to a request that held no validators")
            logger.info("%s: not modified", url)
            final, modified = record.final_url, record.last_modified
            return Fetched(url, final, record.content_type, record.text, False, seen, modified)
        if exchange.status != 200:
            raise _status_error(url, exchange)
        content_type = media_type(exchange.headers)
        text = decode_text(exchange.body, exchange.headers)
        digest = hashlib.sha256(exchange.body).hexdigest()
        changed = record is None or record.sha256 != digest
        self._keep(
            FetchRecord(
                url=url,
                final_url=final,
                etag=exchange.headers.get("etag"),
                last_modified=exchange.headers.get("last-modified"),
                content_type=content_type,
                sha256=digest,
                text=text,
                seen=record.seen if record is not None else [],
            )
        )
        return Fetched(url, final, content_type, text, changed, seen, exchange.headers.get("last-modified"))

    def remember_entries(self, url: str, keys: Iterable[str]) -> None:
        """Note the entries a feed holds now, so that the next run can tell which are new."""
        record = self._record(url)
        if record is not None:
            self._keep(record.model_copy(update={"seen": sorted(set(keys))}))

    # --- the fetch cache ---------------------------------------------------------------------------

    @staticmethod
    def _key(url: str) -> str:
        material = json.dumps({"format": FORMAT, "kind": "fetch", "url": url}, sort_keys=True)
        return hashlib.sha256(material.encode()).hexdigest()

    def _record(self, url: str) -> FetchRecord | None:
        if self.store is None:
            return None
        record = self.store.get(self._key(url), FetchRecord)
        return record if record is not None and record.url == url else None

    def _keep(self, record: FetchRecord) -> None:
        if self.store is not None:
            self.store.put(self._key(record.url), record)

    # --- one URL, hop by hop -----------------------------------------------------------------------

    async def _follow(
        self, url: str, headers: dict[str, str], limit: int, *, robots: bool, truncate: bool = False
    ) -> tuple[str, _Exchange]:
        """Follow redirects by hand, checking each hop before it is asked; (the last URL, its answer)."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            _check_scheme(url, current)
            if robots:
                await self._check_robots(url, current)
            exchange = await self._exchange(url, current, headers, limit, truncate=truncate)
            location = exchange.headers.get("location")
            if exchange.status not in _REDIRECTS or not location:
                return current, exchange
            try:
                following = urljoin(current, location.strip())
            except ValueError:
                following = location.strip()  # refused, by name, when checked at the top of the loop
            logger.info("%s: %d redirect to %s", url, exchange.status, following)
            current = following
        raise fetch_error(url, f"more than {self.policy.max_redirects} redirects")

    async def _exchange(
        self, url: str, target: str, headers: dict[str, str], limit: int, *, truncate: bool
    ) -> _Exchange:
        host = urlsplit(target).hostname or ""
        try:
            # The timeout starts once it is this request's turn: waiting for a host is not the host's fault.
            async with self._turn(host), asyncio.timeout(self.policy.timeout):
                self.requests += 1
                async with self._client.stream("GET", target, headers=headers) as response:
                    exchange = _Exchange(response.status_code, response.reason_phrase, response.headers)
                    if response.status_code == 200:
                        exchange.body = await read_body(url, response, limit, truncate=truncate)
                        self.downloaded += len(exchange.body)
                    return exchange
        except InputError:  # too large, a broken body: already this URL's failure
            raise
        except TimeoutError:
            raise fetch_error(url, f"timed out after {self.policy.timeout:g} s") from None
        except httpx2.TimeoutException:
            raise fetch_error(url, f"timed out after {self.policy.timeout:g} s") from None
        except Refused as refused:
            raise fetch_error(
                url,
                f"refused: {refused.described} a private, loopback, link-local or "
                "reserved address (allow_private / --allow-private to fetch from an intranet)",
                "blocked",
            ) from None
        except Unresolvable as error:
            raise fetch_error(url, f"DNS: cannot resolve {error.host}: {error.detail}") from None
        except httpx2.ConnectError as error:
            raise fetch_error(url, _connect_reason(host, error)) from None
        except httpx2.HTTPError as error:  # a broken response: protocol errors, bad encodings
            raise fetch_error(url, f"{type(error).__name__}: {error}") from None
        except Exception as error:  # anything else on the way (a replayed cassette that does not hold
            # this URL): this URL's failure, not the run's
            logger.debug("fetching %s", url, exc_info=True)
            first = (str(error).strip().splitlines() or [""])[0]
            raise fetch_error(url, f"{type(error).__name__}: {first}".rstrip(": ")) from None

    @asynccontextmanager
    async def _turn(self, host: str) -> AsyncIterator[None]:
        """Wait for a free slot, overall and for the host, and for the host's pause since the last start."""
        manners = self._hosts.get(host)
        if manners is None:
            manners = self._hosts[host] = _Host(
                asyncio.Semaphore(self.policy.per_host), self.policy.host_delay
            )
        # The host's slot and pause first, the run's slot last: a request waiting for its host holds
        # none of the run's slots, so one slow host cannot stall the others (measured: 4 hosts of 27
        # requests took 14.9 s the other way round, 6.8 s this way: benchmarks/fetch.py).
        async with manners.slots:
            async with manners.lock:
                wait = manners.next_start - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                manners.next_start = time.monotonic() + manners.delay
            async with self._slots:
                yield

    # --- robots.txt --------------------------------------------------------------------------------

    async def _check_robots(self, url: str, target: str) -> None:
        parts = urlsplit(target)
        origin = f"{parts.scheme}://{parts.netloc}"
        task = self._robots.get(origin)
        if task is None:
            task = self._robots[origin] = asyncio.ensure_future(self._read_robots(origin))
        rules = await asyncio.shield(task)
        if isinstance(rules, InputError):
            if rules.source != origin:  # no answer at all (DNS, refused address, timeout): nor for the page
                raise fetch_error(url, rules.reason, rules.kind)
            raise fetch_error(
                url,
                f"{origin}/robots.txt could not be read ({rules.reason}), which counts as disallowing "
                "everything (RFC 9309; robots / --ignore-robots to fetch anyway)",
                "blocked",
            )
        if not rules.can_fetch(ROBOTS_AGENT, target):
            raise fetch_error(
                url, f"{origin}/robots.txt disallows {target} (robots / --ignore-robots)", "blocked"
            )

    async def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | InputError:
        """The origin's rules; a 4xx means none (allow all). A 5xx is an InputError naming the origin; no
        answer at all, the InputError of the robots.txt URL."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            _, exchange = await self._follow(
                f"{origin}/robots.txt",
                {"accept": "text/plain"},
                ROBOTS_MAX_BYTES,
                robots=False,
                truncate=True,
            )
        except InputError as error:
            return error
        if 400 <= exchange.status < 500:
            rules.parse([])  # no rules: everything allowed
        elif exchange.status != 200:
            return fetch_error(origin, f"HTTP {exchange.status}")
        else:
            rules.parse(decode_text(exchange.body, exchange.headers).splitlines())
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay is not None:
                manners = self._hosts.get(urlsplit(origin).hostname or "")
                if manners is not None:
                    manners.delay = max(manners.delay, min(float(delay), MAX_CRAWL_DELAY))
        return rules


def _check_scheme(url: str, target: str) -> None:
    try:
        parts = urlsplit(target)
        parts.port  # noqa: B018 - a port out of range raises here
    except ValueError as error:
        where = "" if target == url else f" (a redirect to {target[:200]})"
        raise fetch_error(url, f"not a valid URL{where}: {error}", "unreadable") from None
    if parts.scheme not in ("http", "https"):
        where = "" if target == url else f" (a redirect to {target})"
        raise fetch_error(
            url, f"only http and https URLs are fetched, not {parts.scheme or 'none'}{where}", "blocked"
        )
    if not parts.hostname:
        raise fetch_error(url, f"no host in {target}", "unreadable")


def _status_error(url: str, exchange: _Exchange) -> InputError:
    status = f"HTTP {exchange.status} {exchange.reason}".strip()
    if exchange.status in (404, 410):
        return fetch_error(url, status, "not found")
    if exchange.status in (401, 402, 403, 451):
        return fetch_error(url, f"{status}: a paywall, a login or a block", "blocked")
    return fetch_error(url, status)


def _connect_reason(host: str, error: httpx2.ConnectError) -> str:
    detail = str(error) or type(error).__name__
    if "CERTIFICATE" in detail.upper() or "SSL" in detail.upper() or "TLS" in detail.upper():
        return f"TLS: {detail}"
    return f"cannot connect to {host}: {detail}"
