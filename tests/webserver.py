"""A local news site for the fetch tests: pages, feeds, redirects, 304s, slow, oversized and gzip answers,
and a robots.txt, served on 127.0.0.1 only from a thread of the test process.

    with NewsSite() as site:
        site.url("/feed.xml")          # http://127.0.0.1:PORT/feed.xml
        site.requests                  # every request seen: (path, headers)

Routes are plain data (`Route`), so a test can change what a path serves between two runs.
"""

from __future__ import annotations

import gzip
import ssl
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .synthetic import article_text


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds before the status line is sent.
    delay: float = 0.0
    #: Seconds between 1 KiB pieces of the body (a trickle that never stops being "active").
    trickle: float = 0.0
    #: Answer 304 to a request whose If-None-Match holds this tag.
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    #: False: no Content-Length, the body ends when the connection closes.
    declare_length: bool = True


ROBOTS = "User-agent: *\nDisallow: /private/\n"


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1 that no one trusts, and its key (needs openssl)."""
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(certificate), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


def page_html(index: int, *, title: str | None = None, published: datetime | None = None) -> str:
    """An article page, with the boilerplate a real one has, around the text of synthetic article `index`;
    published on `published` (default: a day in March 2025), as its article:published_time says."""
    title = title or f"Council vote number {index}"
    when = published.isoformat() if published else f"2025-03-0{1 + index % 9}T09:00:00Z"
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in article_text(index).splitlines())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:site_name" content="The Local Times">
<meta name="author" content="Reporter {index}">
<meta property="article:published_time" content="{when}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{escape(title)}</h1>
{paragraphs}</article>
<footer>Copyright The Local Times</footer>
</body></html>"""


def rss(base: str, items: list[tuple[int, datetime, bool]], title: str = "The Local Times") -> str:
    """An RSS feed of synthetic articles: (index, published, full content in the feed or only a teaser)."""
    entries = []
    for index, published, full in items:
        content = (
            "<content:encoded><![CDATA["
            + "".join(f"<p>{line}</p>" for line in article_text(index).splitlines())
            + "]]></content:encoded>"
            if full
            else ""
        )
        entries.append(
            f"<item><title>Council vote number {index}</title><link>{base}/news/{index}</link>"
            f"<guid>{base}/news/{index}</guid><pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
            f"<description>A council voted.</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>News</description>"
        + "".join(entries)
        + "</channel></rss>"
    )


class NewsSite:
    """The site on 127.0.0.1 (or another loopback address) and a free port; a context manager. `routes`
    maps a path to what it serves."""

    def __init__(self, host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Route(ROBOTS.encode(), content_type="text/plain")}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        if not host.startswith("127."):
            raise ValueError("the test site serves on loopback addresses only")
        self._httpd = ThreadingHTTPServer((host, 0), self._handler())
        self.scheme = "http"
        if tls is not None:  # (certificate, key): HTTPS
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
            self.scheme = "https"
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, index: int, published: datetime | None = None, **route: object) -> str:
        """Serve article page `index` at `path` (published then, see page_html); its URL."""
        body = page_html(index, published=published).encode()
        self.routes[path] = Route(body, **route)  # type: ignore[arg-type]
        return self.url(path)

    def feed(self, path: str, items: list[tuple[int, datetime, bool]], **route: object) -> str:
        """Serve an RSS feed at `path` whose entries link to /news/INDEX; its URL."""
        body = rss(self.base, items).encode()
        self.routes[path] = Route(body, content_type="application/rss+xml", **route)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(seen == path for seen, _ in self.requests)

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with site._lock:
                    site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(path)
                if route is None:
                    self._send(Route(b"not here", status=404, content_type="text/plain"))
                    return
                time.sleep(route.delay)
                if route.etag is not None and self.headers.get("if-none-match") == route.etag:
                    self._send(Route(status=304, headers={"etag": route.etag}))
                    return
                if (
                    route.last_modified is not None
                    and self.headers.get("if-modified-since") == route.last_modified
                ):
                    self._send(Route(status=304, headers={"last-modified": route.last_modified}))
                    return
                self._send(route)

            def _send(self, route: Route) -> None:
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                if route.status != 304:
                    self.send_header("content-type", route.content_type)
                if route.gzip:
                    self.send_header("content-encoding", "gzip")
                if route.etag:
                    self.send_header("etag", route.etag)
                if route.last_modified:
                    self.send_header("last-modified", route.last_modified)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.declare_length or route.status == 304:
                    self.send_header("content-length", str(len(body) if route.status != 304 else 0))
                else:
                    self.send_header("connection", "close")
                    self.close_connection = True
                self.end_headers()
                if route.status == 304:
                    return
                try:
                    if route.trickle:
                        for start in range(0, len(body), 1024):
                            self.wfile.write(body[start : start + 1024])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: that is what a size cap or a timeout does

        return Handler
