"""The strict schema the engine sends is the one the SDK would make: the fingerprint, and every cache
key and cassette with it, depends on it byte for byte."""

from __future__ import annotations

import json

import pytest
from openai.lib._pydantic import to_strict_json_schema  # the SDK's own transform, as the reference
from pydantic import BaseModel, Field

from summarizer.llm.schema import output_schema
from summarizer.models import Briefing, StoryDraft


class _Nested(BaseModel):
    """A model with what the transform must handle: an optional nested model with a description (a
    $ref beside other keywords), a list of models, a null default, and a union."""

    class Inner(BaseModel):
        value: int

    inner: Inner | None = Field(default=None, description="An optional inner model.")
    items: list[Inner]
    either: int | str
    described: Inner = Field(description="A $ref with a description beside it.")


@pytest.mark.parametrize("model", [Briefing, StoryDraft, _Nested])
def test_the_strict_schema_is_the_sdks_byte_for_byte(model):
    ours = json.dumps(output_schema(model))
    theirs = json.dumps(to_strict_json_schema(model))
    assert ours == theirs


def test_every_object_is_closed_and_requires_every_property():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    found = list(objects(output_schema(Briefing)))
    assert len(found) >= 4
    for node in found:
        assert node["additionalProperties"] is False
        assert node["required"] == list(node["properties"])
