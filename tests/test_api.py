"""The public API is exactly what __init__ exports, sorted."""

from __future__ import annotations

import types

import summarizer


def test_all_is_sorted_and_is_exactly_the_public_names():
    public = {
        name
        for name, value in vars(summarizer).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert sorted(summarizer.__all__) == summarizer.__all__
    assert set(summarizer.__all__) == public


def test_every_exported_error_descends_from_summarizer_error():
    errors = [getattr(summarizer, name) for name in summarizer.__all__ if name.endswith(("Error", "Denied"))]
    assert errors and all(issubclass(error, summarizer.SummarizerError) for error in errors)
