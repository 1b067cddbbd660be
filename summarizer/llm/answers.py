"""What the engine reads of an answer: a chat completion's first choice and usage, an embeddings
response's vectors; and what ends an article for good (a refusal, a truncation, a filter)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2
from pydantic import ValidationError

from ..errors import AnswerTruncated, ContentFiltered, EndpointError, InvalidAnswer, ModelRefused
from ..models import Usage
from .vectors import unpack

__all__ = [
    "completion_of",
    "embeddings_of",
    "Completion",
    "EVIDENCE_CHARS",
    "Embedded",
    "completion_from",
    "content_of",
    "token_count",
    "validation_problems",
    "usage_of",
    "vector_of",
]

#: How much of a model's last output a failure keeps as evidence.
EVIDENCE_CHARS = 2_000


@dataclass(frozen=True)
class Completion:
    """What the engine reads of a chat completion: the first choice and the usage. Read straight from
    the JSON: building the SDK's ChatCompletion model cost 0.2 ms an answer, for five fields."""

    usage: Usage
    #: False when the completion has no choice at all.
    answered: bool
    content: str
    refusal: str | None
    finish_reason: str | None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Completion:
        choices = data.get("choices")
        choice = (
            choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], dict) else None
        )
        message = choice.get("message") if choice is not None else None
        message = message if isinstance(message, dict) else {}
        content, refusal = message.get("content"), message.get("refusal")
        reason = choice.get("finish_reason") if choice is not None else None
        return cls(
            usage=usage_of(data.get("usage")),
            answered=choice is not None,
            content=content if isinstance(content, str) else "",
            refusal=refusal if isinstance(refusal, str) and refusal else None,
            finish_reason=reason if isinstance(reason, str) else None,
        )


@dataclass(frozen=True)
class Embedded:
    """What the engine reads of an embeddings response: one vector per input, in input order, and the
    usage (prompt tokens only: an embedding has no completion)."""

    vectors: list[list[float]]
    usage: Usage


def completion_from(data: dict[str, Any]) -> Completion:
    """A chat completion from its JSON (a batch result's body), as the engine reads a response."""
    return Completion.of(data)


def usage_of(usage: object) -> Usage:
    """One request's usage from a completion's "usage" object (absent or garbled: the request alone)."""
    if not isinstance(usage, dict):
        return Usage(requests=1)
    prompt_details = usage.get("prompt_tokens_details")
    completion_details = usage.get("completion_tokens_details")
    return Usage(
        requests=1,
        prompt_tokens=token_count(usage.get("prompt_tokens")),
        completion_tokens=token_count(usage.get("completion_tokens")),
        cached_prompt_tokens=token_count(
            prompt_details.get("cached_tokens") if isinstance(prompt_details, dict) else 0
        ),
        reasoning_tokens=token_count(
            completion_details.get("reasoning_tokens") if isinstance(completion_details, dict) else 0
        ),
    )


def vector_of(embedding: object) -> list[float]:
    """One embedding as floats: base64 of little-endian float32s, or a JSON list of numbers."""
    if isinstance(embedding, str):
        return unpack(embedding)
    if isinstance(embedding, list) and all(isinstance(x, int | float) for x in embedding):
        return [float(x) for x in embedding]
    raise TypeError("not an embedding")


def token_count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def content_of(completion: Completion, attempt: int) -> str:
    """The answer's text, or the ArticleError that ends this article: refusal, truncation, filter."""
    if not completion.answered:
        raise InvalidAnswer("the endpoint returned no answer", attempts=attempt)
    content, refusal = completion.content, completion.refusal
    if refusal:
        raise ModelRefused(f"the model refused: {refusal}", attempts=attempt, last_output=refusal)
    if completion.finish_reason == "length":
        raise AnswerTruncated(
            "the answer was cut off at the output-token limit before it was complete",
            attempts=attempt,
            last_output=content[:EVIDENCE_CHARS],
        )
    if completion.finish_reason == "content_filter":
        raise ContentFiltered(
            "the provider's content filter stopped the answer",
            attempts=attempt,
            last_output=content[:EVIDENCE_CHARS],
        )
    return content


def validation_problems(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "the answer"
        if item["type"] == "json_invalid":
            problems.append(f"the answer is not valid JSON ({item['msg']})")
        else:
            problems.append(f"{where}: {item['msg']}")
    return problems


def completion_of(response: httpx2.Response, base_url: str) -> Completion:
    """A chat completion from an HTTP response; EndpointError when the response is not one (a web page,
    an error page of a proxy: the base URL is wrong)."""
    content_type = response.headers.get("content-type", "")
    try:
        data = response.json() if "json" in content_type else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        raise EndpointError(
            f"{base_url} is not an OpenAI-compatible endpoint: it answered "
            f"{content_type or 'no content type'}, not a chat completion. "
            "Does the base URL end in /v1?"
        )
    return Completion.of(data)


def embeddings_of(response: httpx2.Response, count: int, base_url: str) -> Embedded:
    """The vectors of an embeddings response, by each item's `index`; EndpointError when it is not one
    (a vector missing, or neither base64 float32 nor a list of numbers)."""
    try:
        data = response.json()
        items = sorted(data["data"], key=lambda item: item["index"])
        vectors = [vector_of(item["embedding"]) for item in items]
    except (ValueError, KeyError, TypeError):
        vectors = []
    if len(vectors) != count:
        raise EndpointError(
            f"{base_url} did not answer with {count} embeddings: is it an "
            "OpenAI-compatible endpoint that serves /embeddings?"
        )
    usage = data.get("usage")
    tokens = token_count(usage.get("prompt_tokens")) if isinstance(usage, dict) else 0
    return Embedded(vectors, Usage(requests=1, prompt_tokens=tokens))
