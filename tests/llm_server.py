"""A local OpenAI-compatible server, for recording cassettes from real HTTP exchanges.

It answers POST /v1/chat/completions. By default it serves the briefing written for the article it is
asked about (found by the article id the prompt carries, in tests/answers/<id>.json). A test can queue
a *script* of replies that are served first, in order: HTTP errors, invalid JSON, refusals, truncated
answers, or the article's answer altered. Nothing here runs during replay: the cassette holds it all.

It answers POST /v1/embeddings too (`embed`): deterministic vectors, a hashed bag of the words of each
input, normalised, in the API's response shape (base64 float32 or a list of floats, as asked); a script
step serves an embeddings request as it does a chat one.

It also fakes the Batch API (`BatchPlan`): file upload (multipart, purpose "batch"), batch creation with
validation of the lines and the limits, a scripted sequence of statuses, output and error files answered
through the same chat answers (and script), and cancel.
"""

from __future__ import annotations

import array
import base64
import email.parser
import email.policy
import hashlib
import json
import math
import re
import sys
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


# --- embeddings --------------------------------------------------------------------------------------

#: The fake embeddings' dimensions (OpenAI's text-embedding-3-small has 1,536; fewer keep cassettes short).
EMBEDDING_DIMENSIONS = 256


def fake_embedding(text: str) -> list[float]:
    """A hashed bag of the text's words, normalised: texts sharing words point alike. Repeatable (md5,
    not Python's salted hash). No model: only a stand-in for the shape and the arithmetic."""
    vector = [0.0] * EMBEDDING_DIMENSIONS
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        digest = hashlib.md5(word.encode()).digest()
        index = int.from_bytes(digest[:4], "little") % EMBEDDING_DIMENSIONS
        vector[index] += 1.0 if digest[4] % 2 else -1.0
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [round(x / norm, 6) for x in vector]


def _encoded(vector: list[float], encoding_format: str) -> str | list[float]:
    if encoding_format != "base64":
        return vector
    packed = array.array("f", vector)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def embed(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """An embeddings response for the request's input (a string or a list of them)."""
    texts = request.get("input")
    texts = [texts] if isinstance(texts, str) else texts
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) and t for t in texts):
        return Reply(
            400, error_body(400, "input must be a non-empty string or list of them", "invalid_request_error")
        )
    encoding = request.get("encoding_format", "float")
    tokens = sum(len(text) // 4 + 1 for text in texts)
    return Reply(
        200,
        {
            "object": "list",
            "data": [
                {"object": "embedding", "index": index, "embedding": _encoded(fake_embedding(text), encoding)}
                for index, text in enumerate(texts)
            ],
            "model": request.get("model", "unknown"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        },
    )


# --- the Batch API ---------------------------------------------------------------------------------


@dataclass
class BatchPlan:
    """How the fake Batch API behaves: the statuses a batch goes through (one step each time it is
    retrieved; cancelling jumps to "cancelling" then "cancelled"), how many of its requests are answered
    before it ends (None: all; fewer for an expired or cancelled batch), and the limits a file must keep."""

    statuses: list[str] = field(
        default_factory=lambda: ["validating", "in_progress", "finalizing", "completed"]
    )
    answered: int | None = None
    max_requests: int = 50_000
    max_bytes: int = 200 * 1024 * 1024


def _line_problems(text: str, plan: BatchPlan) -> list[dict[str, Any]]:
    """What the Batch API's validation says of an input file: bad lines, repeated ids, limits."""
    problems: list[dict[str, Any]] = []
    lines = text.splitlines()
    if len(lines) > plan.max_requests:
        problems.append({"code": "too_many_requests", "message": f"more than {plan.max_requests} requests"})
    if len(text.encode()) > plan.max_bytes:
        problems.append({"code": "file_too_large", "message": f"larger than {plan.max_bytes} bytes"})
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        try:
            request = json.loads(line)
        except ValueError:
            problems.append({"code": "invalid_json_line", "message": "not JSON", "line": number})
            continue
        custom_id = request.get("custom_id")
        if not isinstance(custom_id, str) or custom_id in seen:
            problems.append(
                {"code": "duplicate_custom_id", "message": "custom_id missing or repeated", "line": number}
            )
        seen.add(str(custom_id))
        if request.get("method") != "POST" or request.get("url") != "/v1/chat/completions":
            problems.append(
                {"code": "invalid_url", "message": "must POST /v1/chat/completions", "line": number}
            )
        if not isinstance(request.get("body"), dict) or "messages" not in request["body"]:
            problems.append({"code": "invalid_body", "message": "no chat request body", "line": number})
    return problems


def _multipart(content_type: str, raw: bytes) -> dict[str, tuple[str | None, bytes]]:
    """A multipart/form-data body's fields: name -> (file name, content)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + raw
    )
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields


class FakeBatches:
    """The files and batches endpoints' state, answered through the server's chat replies."""

    def __init__(self, server: LocalLLMServer, plan: BatchPlan) -> None:
        self.server, self.plan = server, plan
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._steps: dict[str, list[str]] = {}

    def upload(self, fields: dict[str, tuple[str | None, bytes]]) -> Reply:
        if fields.get("purpose", (None, b""))[1] != b"batch" or "file" not in fields:
            return Reply(400, error_body(400, "give a file with purpose batch", "invalid_request_error"))
        name, content = fields["file"]
        file_id = f"file-{len(self.files) + 1:04d}"
        self.files[file_id] = content
        return Reply(200, self._file(file_id, name or "input.jsonl", "batch"))

    def _file(self, file_id: str, name: str, purpose: str) -> dict[str, Any]:
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(self.files[file_id]),
            "created_at": 1754524800,
            "filename": name,
            "purpose": purpose,
            "status": "processed",
        }

    def create(self, request: dict[str, Any]) -> Reply:
        file_id = request.get("input_file_id")
        if file_id not in self.files:
            return Reply(404, error_body(404, f"no file {file_id}", "not_found"))
        if request.get("endpoint") != "/v1/chat/completions" or request.get("completion_window") != "24h":
            return Reply(
                400, error_body(400, "endpoint or completion_window not supported", "invalid_request_error")
            )
        batch_id = f"batch_{len(self.batches) + 1:04d}"
        text = self.files[file_id].decode("utf-8")
        problems = _line_problems(text, self.plan)
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": file_id,
            "completion_window": "24h",
            "created_at": 1754524800,
            "metadata": request.get("metadata"),
            "status": "validating",
            "errors": None,
            "output_file_id": None,
            "error_file_id": None,
            "request_counts": {"total": len(text.splitlines()), "completed": 0, "failed": 0},
        }
        self.batches[batch_id] = batch
        self._steps[batch_id] = ["failed"] if problems else list(self.plan.statuses[1:])
        if problems:
            batch["errors"] = {"object": "list", "data": problems}
        return Reply(200, batch)

    def retrieve(self, batch_id: str) -> Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return Reply(404, error_body(404, f"no batch {batch_id}", "not_found"))
        steps = self._steps[batch_id]
        if steps:
            batch["status"] = steps.pop(0)
            if batch["status"] in ("completed", "expired", "cancelled"):
                self._finish(batch)
        return Reply(200, batch)

    def cancel(self, batch_id: str) -> Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return Reply(404, error_body(404, f"no batch {batch_id}", "not_found"))
        batch["status"] = "cancelling"
        self._steps[batch_id] = ["cancelled"]
        return Reply(200, batch)

    def _finish(self, batch: dict[str, Any]) -> None:
        """Answer the batch's requests (all, or the plan's first few) through the chat replies."""
        lines = self.files[batch["input_file_id"]].decode("utf-8").splitlines()
        answered = lines if self.plan.answered is None else lines[: self.plan.answered]
        output, errors = [], []
        for number, line in enumerate(answered, 1):
            request = json.loads(line)
            reply = self.server.reply(request["body"])
            result = {
                "id": f"batch_req_{number:04d}",
                "custom_id": request["custom_id"],
                "response": {
                    "status_code": reply.status,
                    "request_id": f"req-{number:04d}",
                    "body": reply.body,
                },
                "error": None,
            }
            (output if reply.status == 200 else errors).append(json.dumps(result))
        for name, found in (("output_file_id", output), ("error_file_id", errors)):
            if found:
                file_id = f"file-{len(self.files) + 1:04d}"
                self.files[file_id] = "".join(line + "\n" for line in found).encode()
                batch[name] = file_id
        batch["request_counts"] = {"total": len(lines), "completed": len(output), "failed": len(errors)}

    def content(self, file_id: str) -> tuple[int, bytes]:
        if file_id not in self.files:
            return 404, json.dumps(error_body(404, f"no file {file_id}", "not_found")).encode()
        return 200, self.files[file_id]


# --- the server ---------------------------------------------------------------------------------------


class LocalLLMServer:
    """An OpenAI-compatible endpoint on 127.0.0.1 with a random free port; a context manager."""

    def __init__(
        self, script: list[Step] | None = None, *, echo: bool = False, batches: BatchPlan | None = None
    ) -> None:
        self.script = list(script or [])
        #: The fake Batch API (files and batches endpoints).
        self.batches = FakeBatches(self, batches or BatchPlan())
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

    def reply(self, request: dict[str, Any], default: Step = answer) -> Reply:
        with self._lock:
            self.requests.append(request)
            step = self.script.pop(0) if self.script else default
        return step(request, written_for(request))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0].rstrip("/")
                if found := re.fullmatch(r".*/files/([\w-]+)/content", path):
                    status, raw = server.batches.content(found[1])
                    self.send_response(status)
                    self.send_header(
                        "content-type", "application/octet-stream" if status == 200 else "application/json"
                    )
                    self.send_header("content-length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                    return
                if found := re.fullmatch(r".*/batches/([\w-]+)", path):
                    self._reply(server.batches.retrieve(found[1]))
                    return
                self._reply(Reply(404, error_body(404, f"unknown path {self.path}", "not_found")))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                path = self.path.rstrip("/")
                if path.endswith("/files"):
                    fields = _multipart(self.headers.get("content-type", ""), raw)
                    self._reply(server.batches.upload(fields))
                    return
                request = json.loads(raw or b"{}")
                if path.endswith("/chat/completions"):
                    reply = server.reply(request)
                elif path.endswith("/embeddings"):
                    reply = server.reply(request, default=embed)
                elif path.endswith("/batches"):
                    reply = server.batches.create(request)
                elif found := re.fullmatch(r".*/batches/([\w-]+)/cancel", path):
                    reply = server.batches.cancel(found[1])
                else:
                    reply = Reply(404, error_body(404, f"unknown path {self.path}", "not_found"))
                self._reply(reply)

            def _reply(self, reply: Reply) -> None:
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


class TricklingEndpoint:
    """A hostile endpoint on 127.0.0.1: it answers 200 to every POST, then sends one byte of the body
    every `every` seconds and never finishes (each read waits less than any sane per-read timeout).
    A context manager; `requests` counts what it was sent."""

    def __init__(self, every: float = 0.1) -> None:
        self.every = every
        self.requests = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> TricklingEndpoint:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                with endpoint._lock:
                    endpoint.requests += 1
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(10**9))
                self.end_headers()
                try:
                    while not endpoint._stop.wait(endpoint.every):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                except OSError:
                    pass  # the client gave up: what a whole-answer timeout does
                self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
