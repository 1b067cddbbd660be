"""The fake endpoint served over HTTP on 127.0.0.1, from threads of this process."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .endpoint import FakeEndpoint


class _Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 drops simultaneous connects, costing a 1 s SYN retransmit.
    request_queue_size = 256
    daemon_threads = True


class LoopbackServer:
    """Serves `endpoint` on 127.0.0.1:`port` (0: a free one) until `stop()`."""

    def __init__(self, endpoint: FakeEndpoint, port: int = 0) -> None:
        self._httpd = _Server(("127.0.0.1", port), _handler(endpoint))
        self.port: int = self._httpd.server_address[1]
        # A short poll: stopping waits for the loop to look, and every test stops a server or two.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler(endpoint: FakeEndpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the client reuses its connections
        # Headers and body go out in separate writes: with Nagle's algorithm on, the second waits for
        # the client's delayed ACK (~40 ms a response on Linux). No real API server stalls so.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            self._serve("GET", b"")

        def do_POST(self) -> None:
            self._serve("POST", self.rfile.read(int(self.headers.get("content-length", 0))))

        def _serve(self, method: str, raw: bytes) -> None:
            arrived = time.monotonic()
            with endpoint.in_flight():
                reply = endpoint.respond(method, self.path, self.headers, raw)
                # The answer is encoded before the wait, which ends `latency` after the request
                # arrived, and leaves in one write: the endpoint's own work is not its latency.
                body = b"" if reply.drop or reply.trickle is not None else endpoint.encoded(reply)
                head = self._head(reply.status, endpoint.headers_for(reply), len(body))
                remaining = endpoint.delay(reply) - (time.monotonic() - arrived)
                if remaining > 0:
                    time.sleep(remaining)
            if reply.drop:  # close the connection without a word
                self.close_connection = True
                self.connection.close()
                return
            if reply.trickle is not None:
                self._trickle(reply.status, endpoint.headers_for(reply), reply.trickle)
                return
            self.wfile.write(head + body)

        def _head(self, status: int, headers: list[tuple[str, str]], length: int) -> bytes:
            """The status line and headers, content-length last, up to the blank line."""
            reason = self.responses.get(status, ("",))[0]
            lines = [f"HTTP/1.1 {status} {reason}", *(f"{name}: {value}" for name, value in headers)]
            return ("\r\n".join([*lines, f"content-length: {length}"]) + "\r\n\r\n").encode("latin-1")

        def _trickle(self, status: int, headers: list[tuple[str, str]], every: float) -> None:
            """A body promised at a gigabyte, sent a byte every `every` seconds until the client goes or
            the endpoint stops."""
            self.close_connection = True
            try:
                self.wfile.write(self._head(status, headers, 10**9))
                while not endpoint.stopped.wait(every):
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:
                pass  # the client gave up: what a whole-answer timeout does

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
