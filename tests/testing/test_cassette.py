"""The cassette policy (summarizer/testing/cassette.py): how requests match, and which headers stay."""

from __future__ import annotations

import pytest
from vcr.request import Request

from summarizer.errors import UsageError
from summarizer.testing.cassette import _scrub_response, address_matcher, use_cassette


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


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not: [yaml\n", "not YAML (line 2): expected ',' or ']', but got '<stream end>'"),
        (b"\x89PNG\r\n\x1a\n\x00\xff", "not UTF-8 text"),
        (b"interactions: 5\n", "not a cassette: no list of recorded 'interactions'"),
        (
            b"interactions:\n- request: {}\n",
            "not a cassette: interaction 1 lacks its request or its response's body",
        ),
    ],
    ids=["not-yaml", "binary", "no-interactions", "no-response"],
)
def test_a_file_that_is_not_a_cassette_is_one_usage_error_naming_it(tmp_path, content, reason):
    # It was PyYAML's or a TypeError's traceback, or (not UTF-8) a warning and a traceback in the log,
    # then every article "not recorded", as if the cassette were merely stale.
    path = tmp_path / "brief.yaml"
    path.write_bytes(content)
    with pytest.raises(UsageError) as caught, use_cassette(path):
        pass
    assert str(caught.value) == f"cannot replay the cassette {path}: {reason}"
