"""Reading articles: every supported shape, stable ids, and bad inputs reported by name."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from summarizer.ingest import article_id, read_articles

from .conftest import EXAMPLES

TEXT = (
    "Officials said on Tuesday that the bridge would reopen in May, two months later than the council "
    "had promised. The contractor blamed a shortage of steel and a wet winter that stopped work on the "
    "piers for six weeks. Residents on both banks have driven a 20-mile detour since the closure, and "
    "shops near the crossing say trade has fallen by a third. The council will publish a revised budget "
    "for the repairs at its meeting next month, the officials said."
)


def story(name: str) -> str:
    """A distinct article text, long enough to be summarised, that starts with `name`."""
    return f"{name} {TEXT}"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_file_is_one_article_named_by_its_path(tmp_path):
    path = write(tmp_path / "bridge.txt", TEXT + "\n")
    [article] = read_articles([path]).articles
    assert article.text == TEXT
    assert article.origin == str(path)
    assert article.label == str(path)
    assert article.source is None


def test_markdown_front_matter_gives_title_source_url_and_date(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Bridge to reopen\nsource: Gazette\nurl: https://example.org/bridge\n"
        "published: 2025-05-02\n---\n" + TEXT,
    )
    [article] = read_articles([path]).articles
    assert (article.title, article.source, article.url) == (
        "Bridge to reopen",
        "Gazette",
        "https://example.org/bridge",
    )
    assert article.published == datetime(2025, 5, 2)
    assert article.text == TEXT


def test_json_object_list_and_jsonl_with_common_cms_field_names(tmp_path):
    one = write(tmp_path / "one.json", json.dumps({"headline": "H1", "body": story("First")}))
    many = write(
        tmp_path / "many.json",
        json.dumps([{"text": story("Second")}, {"content": story("Third"), "outlet": "X"}]),
    )
    lines = write(
        tmp_path / "feed.jsonl",
        json.dumps({"text": story("Fourth")}) + "\n\n" + json.dumps({"text": story("Fifth")}),
    )
    result = read_articles([one, many, lines])
    assert [a.text for a in result.articles] == [
        story("First"),
        story("Second"),
        story("Third"),
        story("Fourth"),
        story("Fifth"),
    ]
    assert result.articles[0].title == "H1"
    assert result.articles[2].source == "X"
    assert result.articles[2].origin == f"{many}#2"
    assert result.articles[4].origin == f"{lines}:3"
    assert result.failures == []


def test_folders_are_read_recursively_in_a_stable_order_skipping_hidden_files(tmp_path):
    write(tmp_path / "b" / "2.txt", story("Two"))
    write(tmp_path / "a.txt", story("One"))
    write(tmp_path / "b" / "1.md", story("Three"))
    write(tmp_path / ".cache" / "x.txt", story("Hidden"))
    write(tmp_path / "notes.pdf", b"%PDF")
    texts = [a.text for a in read_articles([tmp_path]).articles]
    assert texts == [story("One"), story("Three"), story("Two")]


def test_stdin_is_read_with_a_dash_as_text_or_json():
    assert read_articles(["-"], stdin=io.StringIO(TEXT)).articles[0].text == TEXT
    records = json.dumps([{"text": story("A")}, {"text": story("B")}])
    from_json = read_articles(["-"], stdin=io.StringIO(records))
    assert [a.text for a in from_json.articles] == [story("A"), story("B")]


def test_the_id_is_derived_from_the_text_not_the_path(tmp_path):
    first = write(tmp_path / "x.txt", TEXT)
    second = write(tmp_path / "copy" / "y.txt", "\n" + TEXT + "\n")
    other = write(tmp_path / "z.txt", TEXT + " Updated.")
    a, b, c = read_articles([first, second, other]).articles
    assert a.id == b.id == article_id(TEXT)
    assert c.id != a.id


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "   \n", "empty"),
        ("binary.txt", b"\x89PNG\x00\x00\x00", "binary"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("broken.json", '{"text": ', "invalid JSON"),
        ("numbers.json", "[1]", "expected a JSON object"),
        ("notext.json", '{"title": "only a title"}', "empty"),
        ("bad.md", "---\ntitle: [unclosed\n---\nBody", "front matter"),
        ("page.pdf", b"%PDF-1.7", "unsupported file type .pdf"),
    ],
)
def test_a_bad_input_is_reported_by_name_and_the_rest_are_still_read(tmp_path, name, content, reason):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", TEXT)
    result = read_articles([bad, good])
    assert [a.text for a in result.articles] == [TEXT]
    [failure] = result.failures
    assert failure.origin.startswith(str(bad))
    assert failure.kind == "unreadable"
    assert reason in failure.reason


def test_a_missing_path_is_reported(tmp_path):
    result = read_articles([tmp_path / "nope.txt"])
    assert result.articles == []
    assert result.failures[0].reason == "no such file or folder"


def test_the_examples_are_two_articles_from_cna_and_lbc():
    articles = read_articles([EXAMPLES]).articles
    assert sorted(a.source or "" for a in articles) == ["CNA", "LBC"]
    assert all(a.published == datetime(2025, 8, 6) for a in articles)


def test_one_bad_record_in_an_export_costs_only_that_record(tmp_path):
    export = write(tmp_path / "export.json", json.dumps([{"text": story("Good")}, {"title": "no body"}, 7]))
    result = read_articles([export])
    assert [a.text for a in result.articles] == [story("Good")]
    assert [f.origin for f in result.failures] == [f"{export}#2", f"{export}#3"]
