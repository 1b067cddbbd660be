"""A local OpenAI-compatible server, for recording cassettes from real HTTP exchanges.

It answers POST /v1/chat/completions. By default it serves the briefing written for the article it is
asked about (found by the article id the prompt carries, in tests/answers/<id>.json). A test can queue
a *script* of replies that are served first, in order: HTTP errors, invalid JSON, refusals, truncated
answers, or the article's answer altered. Nothing here runs during replay: the cassette holds it all.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ANSWERS = Path(__file__).parent / "answers"
ARTICLE_ID = re.compile(r"==== BEGIN ARTICLE ([0-9a-f]{16}) ====")
STORY = re.compile(r"==== BEGIN STORY ([0-9a-f]{16}) ====")
#: The organisation id an echoing server puts in its answers.
ECHOED_ORG = "org-Echoed0rganisati0n1d"


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


#: A scripted step: given the request's JSON and the article's written answer, what to send back.
Step = Callable[[dict[str, Any], dict[str, Any] | None], Reply]


def load_answer(article_id: str) -> dict[str, Any] | None:
    path = ANSWERS / f"{article_id}.json"
    return json.loads(path.read_text()) if path.exists() else None


def written_for(request: dict[str, Any]) -> dict[str, Any] | None:
    """The answer written for what the request asks about: an article's briefing, or (a --synthesize
    request) the examples' story draft in answers/story.json."""
    for message in request.get("messages", []):
        content = message.get("content") or ""
        if found := ARTICLE_ID.search(content):
            return load_answer(found[1])
        if STORY.search(content):
            return json.loads((ANSWERS / "story.json").read_text())
    return None


def completion(
    request: dict[str, Any],
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
) -> dict[str, Any]:
    """A chat.completion body; token counts are derived from the text lengths, so they are repeatable."""
    prompt_chars = sum(len(message.get("content") or "") for message in request.get("messages", []))
    completion_tokens = len(content or refusal or "") // 4 + 1
    return {
        "id": "chatcmpl-local",
        "object": "chat.completion",
        "created": 1754524800,
        "model": request.get("model", "unknown"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_chars // 4 + 1,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_chars // 4 + 1 + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0},
        },
    }


def error_body(status: int, message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": None, "param": None}}


# --- the steps a test can script -----------------------------------------------------------------


def answer(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """The briefing written for this article."""
    if written is None:
        return Reply(404, error_body(404, "no answer written for this article", "not_found"))
    return Reply(200, completion(request, json.dumps(written, ensure_ascii=False)))


def answer_with(change: Callable[[dict[str, Any]], dict[str, Any]]) -> Step:
    """The written briefing, altered (to break the schema, or to invent a quote)."""

    def step(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
        assert written is not None, "no answer written for this article"
        return Reply(200, completion(request, json.dumps(change(json.loads(json.dumps(written))))))

    return step


def content(text: str) -> Step:
    """An answer whose text is exactly `text` (say, JSON that does not parse)."""
    return lambda request, written: Reply(200, completion(request, text))


def refusal(text: str) -> Step:
    return lambda request, written: Reply(200, completion(request, None, refusal=text))


def truncated(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """The answer cut off mid-JSON, as when the output-token limit is hit."""
    text = json.dumps(written or {"headline": "x" * 200})
    return Reply(200, completion(request, text[: len(text) // 3], finish_reason="length"))


def status(code: int, message: str, kind: str, headers: dict[str, str] | None = None) -> Step:
    return lambda request, written: Reply(code, error_body(code, message, kind), headers or {})


# --- the server ---------------------------------------------------------------------------------------


class LocalLLMServer:
    """An OpenAI-compatible endpoint on 127.0.0.1 with a random free port; a context manager."""

    def __init__(self, script: list[Step] | None = None, *, echo: bool = False) -> None:
        self.script = list(script or [])
        #: Echo the request's Authorization header and an organisation id in every answer's body (as
        #: some proxies do in their errors): what no log line or cassette may keep.
        self.echo = echo
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> LocalLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reply(self, request: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(request)
            step = self.script.pop(0) if self.script else answer
        return step(request, written_for(request))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/").endswith("/chat/completions"):
                    reply = server.reply(request)
                else:
                    reply = Reply(404, error_body(404, f"unknown path {self.path}", "not_found"))
                if server.echo and isinstance(reply.body, dict):
                    reply.body["echo"] = f"{self.headers.get('authorization')} for {ECHOED_ORG}"
                body = json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("x-request-id", f"req-local-{len(server.requests)}")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
