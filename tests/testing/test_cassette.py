"""The cassette policy (summarizer/testing/cassette.py): how requests match, and which headers stay."""

from __future__ import annotations

import pytest
from vcr.request import Request

from summarizer.testing.cassette import _scrub_response, address_matcher


def _match(recorded: str, asked: str) -> bool:
    try:
        address_matcher(Request("GET", recorded, b"", {}), Request("GET", asked, b"", {}))
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(
    ("recorded", "asked", "match"),
    [
        # The model's endpoint is wherever it was when recorded, and wherever it is when replayed.
        ("http://127.0.0.1:8123/v1/chat/completions", "https://api.openai.com/v1/chat/completions", True),
        ("http://127.0.0.1:8123/v1/files/file-1/content", "http://127.0.0.1:9/v1/files/file-1/content", True),
        ("http://127.0.0.1:8123/v1/batches/batch_1", "http://127.0.0.1:9/v1/batches/batch_2", False),
        ("http://127.0.0.1:8123/v1/embeddings", "http://127.0.0.1:8123/v1/chat/completions", False),
        # A page, a feed or a robots.txt fetched during the run is its whole URL.
        ("https://one.example/news/1", "https://one.example/news/1", True),
        ("https://one.example/robots.txt", "https://two.example/robots.txt", False),
        ("http://127.0.0.1:8001/robots.txt", "http://127.0.0.1:8002/robots.txt", False),
        ("https://one.example/feed.xml?page=1", "https://one.example/feed.xml?page=2", False),
        ("http://one.example/news/1", "https://one.example/news/1", False),
    ],
)
def test_model_requests_match_on_their_path_and_fetched_urls_on_all_of_it(recorded, asked, match):
    assert _match(recorded, asked) is match


def test_a_fetched_pages_redirect_and_validators_are_kept_and_no_secret_is():
    response = {
        "status": {"code": 301, "message": "Moved Permanently"},
        "headers": {
            "Location": ["/news/3"],
            "ETag": ['"v2"'],
            "Last-Modified": ["Wed, 06 Aug 2025 09:00:00 GMT"],
            "Set-Cookie": ["session=secret"],
            "openai-organization": ["org-Echoed0rganisati0n1d"],
        },
        "body": {"string": b""},
    }
    assert set(_scrub_response(response)["headers"]) == {"Location", "ETag", "Last-Modified"}
