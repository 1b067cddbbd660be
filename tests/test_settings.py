"""The one settings object: values as a caller writes them are taken; a wrong one fails at once, named."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer import Settings


def test_a_cache_dir_given_as_a_str_is_a_path():
    assert Settings(cache_dir="cache/").cache_dir == Path("cache")


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"grounding": "lenient"}, "grounding"),
        ({"concurrency": 0}, "concurrency"),
        ({"timeout": 0}, "timeout"),
    ],
)
def test_a_bad_value_fails_at_once_naming_the_field(given, field):
    with pytest.raises(ValidationError) as caught:
        Settings(**given)
    assert [error["loc"][0] for error in caught.value.errors()] == [field]


def test_an_unknown_setting_is_refused_not_ignored():
    with pytest.raises(ValidationError, match="concurency"):
        Settings(concurency=4)  # type: ignore[call-arg]


def test_the_environment_is_read_and_the_caller_wins(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_CONCURRENCY", "16")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1")
    assert Settings().concurrency == 16 and Settings().base_url == "http://127.0.0.1:8000/v1"
    assert Settings(concurrency=2).concurrency == 2
