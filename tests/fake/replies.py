"""What the fake endpoint answers with: chat completion and error bodies, the briefings written for the
example articles (tests/answers/) and those made by rule from any article, and the steps a test scripts.

A step is a function of (the request's JSON, the answer written for its article or None) to a `Reply`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ANSWERS = Path(__file__).resolve().parent.parent / "answers"
ARTICLE_ID = re.compile(r"==== BEGIN ARTICLE ([0-9a-f]{16}) ====")
ARTICLE = re.compile(r"==== BEGIN ARTICLE ([0-9a-f]{16}) ====\n(.*?)\n==== END ARTICLE", re.S)
STORY = re.compile(r"==== BEGIN STORY ([0-9a-f]{16}) ====")
#: The organisation id an echoing endpoint puts in its answers.
ECHOED_ORG = "org-Echoed0rganisati0n1d"


@dataclass
class Reply:
    """One answer. `body` is sent as JSON, unless it is bytes (sent as they are, as `content_type`)."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    #: The fault this reply is, by name ("server_error", "429", ...): answered after `fault_latency`.
    fault: str | None = None
    #: No answer at all: the connection closed without a word.
    drop: bool = False
    #: A hang: 200 and its headers, then one byte of the body every `trickle` seconds, never ending.
    trickle: float | None = None


#: A scripted step: given the request's JSON and the article's written answer, what to send back.
Step = Callable[[dict[str, Any], dict[str, Any] | None], Reply]


#: The articles that have a written answer: looked up once, not a file system call per request.
WRITTEN = frozenset(path.stem for path in ANSWERS.glob("*.json"))


def load_answer(article_id: str) -> dict[str, Any] | None:
    return json.loads((ANSWERS / f"{article_id}.json").read_text()) if article_id in WRITTEN else None


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


def article_of(request: dict[str, Any]) -> tuple[str, str]:
    """The id and text of the article a request carries; ("?", "") when it carries none."""
    for message in request.get("messages", []):
        if found := _article_in(message.get("content") or ""):
            return found
    return "?", ""


@functools.lru_cache(maxsize=64)
def _article_in(content: str) -> tuple[str, str] | None:
    # Cached: the endpoint and a rule-built answer both look for the article of the same request.
    found = ARTICLE.search(content)
    return (found[1], found[2]) if found else None


def prompt_tokens(request: dict[str, Any]) -> int:
    """The prompt's tokens as `usage` counts them: a token for every four characters, and one more."""
    return sum(len(message.get("content") or "") for message in request.get("messages", [])) // 4 + 1


def completion(
    request: dict[str, Any],
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
) -> dict[str, Any]:
    """A chat.completion body; token counts are derived from the text lengths, so they are repeatable."""
    prompt = prompt_tokens(request)
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
            "prompt_tokens": prompt,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0},
        },
    }


def error_body(status: int, message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": None, "param": None}}


def answer_text(reply: Reply) -> str:
    """The text of a chat completion's answer."""
    return str(reply.body["choices"][0]["message"]["content"])


# --- answers ---------------------------------------------------------------------------------------------


def answer(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """The briefing written for this article (the default answer)."""
    if written is None:
        return Reply(404, error_body(404, "no answer written for this article", "not_found"))
    return Reply(200, completion(request, json.dumps(written, ensure_ascii=False)))


def briefing_for(text: str) -> dict[str, Any]:
    """A faithful briefing made by rule: every sentence is copied from the article."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 20] or [body.strip()]
    first_words = sentences[0].split()[:12]
    return {
        "headline": " ".join(first_words).rstrip(".,;:"),
        "summary": " ".join(sentences[:2]),
        "key_points": sentences[:4],
        "entities": [],
        "quotes": [],
        "timeline": [],
        "what_next": sentences[4:5],
        "topics": ["local news"],
    }


def by_rule(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """A grounded briefing made by rule from whatever article the request carries (for load tests)."""
    return Reply(200, completion(request, json.dumps(briefing_for(article_of(request)[1]))))


# --- the steps a test can script -------------------------------------------------------------------------


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
    """An HTTP error with the API's error body (and `headers`: retry-after, say)."""
    return lambda request, written: Reply(code, error_body(code, message, kind), headers or {})


def page(code: int, html: str, content_type: str = "text/html; charset=utf-8") -> Step:
    """A web page where an API answer should be: what a base URL that is not an endpoint answers."""
    return lambda request, written: Reply(code, html.encode(), content_type=content_type)


def dropped(request: dict[str, Any], written: dict[str, Any] | None) -> Reply:
    """The connection closed without an answer."""
    return Reply(drop=True, fault="dropped")


def hang(every: float = 0.1) -> Step:
    """200, then a byte of the body every `every` seconds, never ending: each read waits less than any
    sane per-read timeout, and only a bound on the whole answer ends it."""
    return lambda request, written: Reply(200, trickle=every, fault="hang")
