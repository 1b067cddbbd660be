"""What is asked: the output's strict JSON schema, the request body, and the fingerprint that makes an
answer reusable."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from pydantic import BaseModel

from ..config.settings import Settings
from ..models import Briefing
from .prompts import Message, prompt_version, system_message

__all__ = [
    "body_for",
    "body_key",
    "briefing_schema",
    "fingerprint",
    "messages_for",
    "output_schema",
    "request_body",
]


@cache
def output_schema(output: type[BaseModel] = Briefing) -> dict[str, Any]:
    """The output's JSON schema, made strict the way OpenAI's structured outputs require."""
    schema = output.model_json_schema()
    return _strict(schema, schema)


def _strict(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """`schema` made strict in place: every object closed (additionalProperties false) with every
    property required, null defaults dropped, a one-item allOf flattened, and a $ref that stands beside
    other keywords (a description) inlined. The transform the SDK applies (its private
    `openai.lib._pydantic.to_strict_json_schema`), owned here: tests/test_schema.py checks that both
    give the same schema, so that the fingerprint, and with it every cache key, stays the same."""
    for defs in ("$defs", "definitions"):
        if isinstance(schema.get(defs), dict):
            for inner in schema[defs].values():
                _strict(inner, root)
    if schema.get("type") == "object" and "additionalProperties" not in schema:
        schema["additionalProperties"] = False
    properties = schema.get("properties")
    if isinstance(properties, dict):
        schema["required"] = list(properties)
        schema["properties"] = {key: _strict(value, root) for key, value in properties.items()}
    if isinstance(schema.get("items"), dict):
        schema["items"] = _strict(schema["items"], root)
    if isinstance(schema.get("anyOf"), list):
        schema["anyOf"] = [_strict(variant, root) for variant in schema["anyOf"]]
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            schema.update(_strict(all_of[0], root))
            schema.pop("allOf")
        else:
            schema["allOf"] = [_strict(entry, root) for entry in all_of]
    if "default" in schema and schema["default"] is None:
        schema.pop("default")
    ref = schema.get("$ref")
    if isinstance(ref, str) and len(schema) > 1:
        schema.update({**_resolve(root, ref), **schema})
        schema.pop("$ref")
        return _strict(schema, root)
    return schema


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    """What a local `$ref` ("#/$defs/Quote") points at."""
    if not ref.startswith("#/"):
        raise ValueError(f"unexpected $ref {ref!r}: only local references are made strict")
    found: Any = root
    for key in ref[2:].split("/"):
        found = found[key]
    if not isinstance(found, dict):
        raise ValueError(f"$ref {ref!r} does not point at a schema")
    return found


def briefing_schema() -> dict[str, Any]:
    """The briefing's strict JSON schema (a copy: callers may change it)."""
    copy: dict[str, Any] = json.loads(json.dumps(output_schema(Briefing)))
    return copy


def fingerprint(settings: Settings, output: type[BaseModel]) -> str:
    """What makes an answer of this kind reusable: the model, the mode, the prompts and the schema."""
    material = [settings.model, settings.mode, prompt_version(), json.dumps(output_schema(output))]
    return hashlib.sha256("\n".join(material).encode("utf-8")).hexdigest()[:16]


def request_body(
    settings: Settings, user: list[Message], output: type[BaseModel] = Briefing
) -> dict[str, Any]:
    """The body of the first request for `output` about the user's messages, exactly as an online run
    sends it: what a batch line carries."""
    return body_for(settings, messages_for(settings, output, user), output)


def messages_for(settings: Settings, output: type[BaseModel], user: list[Message]) -> list[Message]:
    schema = output_schema(output) if settings.mode == "json_object" else None
    return [system_message(schema, output.__name__), *user]


def body_for(settings: Settings, messages: list[Message], output: type[BaseModel]) -> dict[str, Any]:
    response_format: dict[str, Any] = {"type": "json_object"}
    if settings.mode == "json_schema":
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": output.__name__.lower(), "schema": output_schema(output), "strict": True},
        }
    body: dict[str, Any] = {"model": settings.model, "messages": messages, "response_format": response_format}
    if settings.max_output_tokens is not None:
        body["max_completion_tokens"] = settings.max_output_tokens
    return body


def body_key(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
