"""Reading inputs: every shape of file and stdin, streamed in order, and bad inputs reported by name."""

from __future__ import annotations

import codecs
import io
import json
import logging
import tracemalloc
from datetime import datetime
from pathlib import Path

import pytest

from summarizer.errors import UsageError
from summarizer.models import Article, Failure
from summarizer.sources.ingest import iter_articles, read_articles
from tests.conftest import EXAMPLES

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


def test_stdin_is_read_with_a_dash_as_text_or_json():
    assert read_articles(["-"], stdin=io.StringIO(TEXT)).articles[0].text == TEXT
    records = json.dumps([{"text": story("A")}, {"text": story("B")}])
    from_json = read_articles(["-"], stdin=io.StringIO(records))
    assert [a.text for a in from_json.articles] == [story("A"), story("B")]
    lines = json.dumps({"text": story("A")}) + "\n" + json.dumps({"text": story("B")}) + "\n"
    from_lines = read_articles(["-"], stdin=io.StringIO(lines))
    assert [a.origin for a in from_lines.articles] == ["-:1", "-:2"] and from_lines.failures == []


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


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (f"{TEXT} Le pr\xe9sident.".encode("cp1252"), "not UTF-8 text (byte 0xe9 on line 1)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not text"),
    ],
    ids=["latin-1", "binary"],
)
def test_stdin_that_is_not_text_is_reported_like_a_file_not_a_crash(content, reason):
    # sys.stdin's text layer let such bytes through as surrogates, and the run died in a traceback.
    stdin = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8", errors="surrogateescape")
    result = read_articles(["-"], stdin=stdin)
    [failure] = result.failures
    assert result.articles == [] and failure.origin == "-" and failure.reason.startswith(reason)


def test_stdin_in_utf16_with_a_byte_order_mark_is_read_as_a_file_is():
    stdin = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16")), encoding="utf-8", errors="surrogateescape")
    assert read_articles(["-"], stdin=stdin).articles[0].text == TEXT


PARIS = "Le président a déclaré que la réforme était nécessaire, et l'Assemblée a voté jeudi. " * 8


@pytest.mark.parametrize(
    ("name", "document"),
    [
        (
            "page.html",
            '<html><head><meta charset="windows-1252"><title>Réforme</title></head>'
            f"<body><article><h1>Réforme</h1><p>{PARIS}</p></article></body></html>",
        ),
        (
            "feed.xml",
            '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Journal'
            f"</title><item><title>Réforme</title><description>{PARIS}</description></item></channel></rss>",
        ),
    ],
)
def test_a_saved_page_or_feed_in_the_charset_it_declares_is_read(tmp_path, name, document):
    # It was refused as "not UTF-8 text", though it says its charset and a browser reads it by that.
    path = write(tmp_path / name, document.encode("latin-1"))
    result = read_articles([path])
    assert result.failures == []
    [article] = result.articles
    assert "Le président a déclaré" in article.text and article.title == "Réforme"


def test_a_page_whose_declared_charset_does_not_decode_it_is_still_refused_by_name(tmp_path):
    page = f'<html><head><meta charset="x-no-such-charset"></head><body><p>{PARIS}</p></body></html>'
    path = write(tmp_path / "page.html", page.encode("latin-1"))
    [failure] = read_articles([path]).failures
    assert failure.reason.startswith("not UTF-8 text (byte 0xe9 on line 1)")


def test_a_file_that_is_not_utf8_is_reported_with_where_and_what_to_do(tmp_path):
    # "not UTF-8 text" alone left the user to hunt for the byte in a 10,000-line export.
    bad = write(tmp_path / "export.txt", f"{TEXT}\n\nLe pr\xe9sident a parl\xe9.\n".encode("cp1252"))
    [failure] = read_articles([bad]).failures
    line = TEXT.count("\n") + 3
    assert failure.reason == f"not UTF-8 text (byte 0xe9 on line {line}): save it as UTF-8"


def test_the_examples_are_two_articles_from_cna_and_lbc():
    articles = read_articles([EXAMPLES]).articles
    assert sorted(a.source or "" for a in articles) == ["CNA", "LBC"]
    assert all(a.published == datetime(2025, 8, 6) for a in articles)


def test_one_bad_record_in_an_export_costs_only_that_record(tmp_path):
    export = write(tmp_path / "export.json", json.dumps([{"text": story("Good")}, {"title": "no body"}, 7]))
    result = read_articles([export])
    assert [a.text for a in result.articles] == [story("Good")]
    assert [f.origin for f in result.failures] == [f"{export}#2", f"{export}#3"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n"),
        ("digits.json", '{"text": ' + "7" * 5000 + "}"),
    ],
)
def test_json_too_deep_or_too_long_a_number_is_reported_not_a_traceback(tmp_path, name, content):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", TEXT)
    result = read_articles([bad, good])
    assert [a.text for a in result.articles] == [TEXT]
    [failure] = result.failures
    assert failure.origin.startswith(str(bad)) and "JSON" in failure.reason


# --- text as it is found on disk ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl"])
def test_unicode_with_a_byte_order_mark_is_read_not_called_binary(tmp_path, encoding, suffix):
    text = "Café owners in Zürich said " + TEXT
    content = json.dumps({"text": text}, ensure_ascii=False) if suffix != ".txt" else text
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = write(tmp_path / f"a{suffix}", bom + content.encode(encoding))
    result = read_articles([path])
    assert result.failures == []
    assert [a.text for a in result.articles] == [text]


# --- our own briefs are not articles -----------------------------------------------------------------


OWN_OUTPUTS = {
    "brief.md": "<!-- generated by summarizer -->\n# News brief\n\n" + TEXT,
    "brief.html": '<html><head><meta name="generator" content="summarizer"></head><body><p>'
    + TEXT
    + "</p></body></html>",
    "fragment.html": f'<article class="summarizer-brief"><h1>News brief</h1><p>{TEXT}</p></article>',
    "brief.json": json.dumps({"stories": [{"summary": TEXT}], "sources": [], "text": TEXT}),
    "briefings.jsonl": json.dumps({"ref": {"id": "x"}, "briefing": {"summary": TEXT}}) + "\n",
    "failures.jsonl": json.dumps({"origin": "a.txt", "kind": "unreadable", "reason": "empty"}) + "\n",
}


@pytest.mark.parametrize("name", sorted(OWN_OUTPUTS))
def test_a_brief_we_wrote_is_skipped_with_a_note_in_a_folder_and_as_a_file(tmp_path, caplog, name):
    ours = write(tmp_path / name, OWN_OUTPUTS[name])
    write(tmp_path / "article.txt", TEXT)
    with caplog.at_level(logging.INFO, logger="summarizer.sources"):
        from_folder = read_articles([tmp_path])
        from_file = read_articles([ours])
    assert [a.text for a in from_folder.articles] == [TEXT] and from_folder.failures == []
    assert from_file.articles == [] and from_file.failures == []
    assert any(str(ours) in r.getMessage() and "summarizer" in r.getMessage() for r in caplog.records)


def test_a_markdown_article_that_only_mentions_the_marker_is_read(tmp_path):
    path = write(tmp_path / "a.md", TEXT + "\n<!-- generated by summarizer -->\n")
    assert len(read_articles([path]).articles) == 1


# --- streaming: one article at a time, in input order --------------------------------------------


def test_iter_articles_yields_articles_and_failures_lazily_in_input_order(tmp_path):
    first = write(tmp_path / "1.txt", story("One"))
    bad = write(tmp_path / "2.txt", "")
    third = write(tmp_path / "3.jsonl", json.dumps({"text": story("Three")}) + "\n{broken\n")
    asked: list[Path] = []

    def paths():
        for path in (first, bad, third):
            asked.append(path)
            yield path

    items = iter_articles(paths())
    assert isinstance(next(items), Article) and asked == [first]
    rest = list(items)
    assert [type(item) for item in rest] == [Failure, Article, Failure]
    assert rest[2].origin == f"{third}:2"  # a broken line costs only that line


def test_json_lines_are_read_a_line_at_a_time(tmp_path):
    record = json.dumps({"text": TEXT, "title": "Bridge"}) + "\n"
    path = write(tmp_path / "many.jsonl", record * 20_000)  # about 10 MB
    tracemalloc.start()
    try:
        count = sum(1 for item in iter_articles(path) if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < path.stat().st_size / 10


# --- what a path is ------------------------------------------------------------------------------------


@pytest.mark.parametrize("single", ["today", Path("today")], ids=["str", "Path"])
def test_one_str_or_path_is_one_input_not_a_list_of_characters(single, tmp_path, monkeypatch):
    write(tmp_path / "today" / "a.txt", TEXT)
    monkeypatch.chdir(tmp_path)
    result = read_articles(single)
    assert [a.text for a in result.articles] == [TEXT] and result.failures == []


def test_iter_articles_says_where_urls_are_read():
    with pytest.raises(UsageError, match="read_articles or aread_articles"):
        list(iter_articles([EXAMPLES, "https://example.org/feed.xml"]))


# --- plain text with header lines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Title: Bridge to reopen in May\nSource: Riverside Gazette\nURL: https://gazette.example/bridge\n"
        "Date: Updated Jul 26, 2023\n",
        # MultiMarkdown metadata: any keys, a continuation line indented, names in any case.
        "title: Bridge to reopen\n    in May\nauthor: Ann Lee\nsource: Riverside Gazette\nkeywords: bridge\n"
        "date: 2023-07-26\nurl: https://gazette.example/bridge\n",
    ],
    ids=["archive header", "MultiMarkdown metadata"],
)
def test_header_lines_of_a_text_article_are_its_fields_not_its_text(header, tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(f"{header}\n{TEXT}\n")
    ingested = read_articles(path)
    [article] = ingested.articles
    assert article.source == "Riverside Gazette" and article.url == "https://gazette.example/bridge"
    assert article.published == datetime(2023, 7, 26)
    assert article.title is not None and article.title.startswith("Bridge to reopen")
    assert article.text == TEXT and "Source:" not in article.text  # the header is not sent as text
    assert not ingested.notes.headerless


@pytest.mark.parametrize(
    "text",
    [
        f"WASHINGTON: {TEXT}\n\nMore.",  # a dateline
        f"Note: the figures are provisional.\n\n{TEXT}",  # no known field
        f"Source: Riverside Gazette\n{TEXT}",  # no blank line after it: a sentence of the text
    ],
)
def test_text_that_only_looks_like_a_header_is_all_text_and_said_to_have_no_outlet(text, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(text)
    ingested = read_articles(path)
    [article] = ingested.articles
    assert article.text == text.strip() and article.source is None
    assert ingested.notes.headerless == [str(path)]


def test_a_text_file_refused_as_empty_or_too_short_is_not_also_said_to_have_no_outlet(tmp_path):
    # One warning for an empty file (it is empty), not a second that it names no outlet and no date.
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "stub.txt").write_text("Subscribe to read more.")
    ingested = read_articles(tmp_path)
    assert not ingested.articles and len(ingested.failures) == 2
    assert ingested.notes.headerless == []


def test_a_text_field_that_is_an_object_says_which_key_to_read_with_field(tmp_path):
    path = tmp_path / "wordpress.json"
    record = {"title": {"rendered": "Bridge"}, "content": {"rendered": f"<p>{TEXT}</p>", "protected": False}}
    path.write_text(json.dumps([record]))
    [failure] = read_articles(path).failures
    assert failure.reason == (
        "the text field is an object, not article text: name the key that holds the text with "
        "--field text=content.rendered"
    )
    [article] = read_articles(path, fields={"text": "content.rendered"}).articles  # and so it reads
    assert article.text == TEXT
