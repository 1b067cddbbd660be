"""The fake endpoint's /embeddings: deterministic vectors, a hashed bag of the words of each input,
normalised, in the API's response shape (base64 float32 or a list of floats, as asked)."""

from __future__ import annotations

import array
import base64
import hashlib
import math
import re
import sys
from typing import Any

from .replies import Reply, error_body

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
    """An embeddings response for the request's input (a string or a list of them): the default answer
    to an embeddings request, and a step a script can serve."""
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
