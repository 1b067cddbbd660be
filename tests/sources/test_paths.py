"""What a path names: files, folders in a stable order; links, locked folders and exclusions handled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarizer.sources.ingest import read_articles
from summarizer.sources.paths import is_url

from .test_ingest import TEXT, story, write


def test_folders_are_read_recursively_in_a_stable_order_skipping_hidden_files(tmp_path):
    write(tmp_path / "b" / "2.txt", story("Two"))
    write(tmp_path / "a.txt", story("One"))
    write(tmp_path / "b" / "1.md", story("Three"))
    write(tmp_path / ".cache" / "x.txt", story("Hidden"))
    write(tmp_path / "notes.pdf", b"%PDF")
    texts = [a.text for a in read_articles([tmp_path]).articles]
    assert texts == [story("One"), story("Three"), story("Two")]


def test_a_missing_path_is_reported(tmp_path):
    result = read_articles([tmp_path / "nope.txt"])
    assert result.articles == []
    assert result.failures[0].reason == "no such file or folder"


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", story("One"))
    locked = tmp_path / "locked"
    write(locked / "x.txt", story("Hidden"))
    write(tmp_path / "z.txt", story("Two"))
    scandir = os.scandir

    def refusing(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # the tests run as root, where chmod 000 does not stop us
    result = read_articles([tmp_path])
    assert [a.text for a in result.articles] == [story("One"), story("Two")]
    [failure] = result.failures
    assert failure.origin == str(locked) and "Permission denied" in failure.reason


def test_a_broken_link_is_reported_by_its_path_in_a_folder_and_as_an_argument(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    from_folder = read_articles([tmp_path])
    from_argument = read_articles([link])
    for result in (from_folder, from_argument):
        [failure] = result.failures
        assert failure.origin == str(link) and "broken link" in failure.reason
    assert [a.text for a in from_folder.articles] == [TEXT]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_an_article_in_a_folder_is_named_not_read(tmp_path):
    # It went by in the log alone: not on stderr, not in the brief, not counted by --strict.
    good = write(tmp_path / "today" / "good.md", TEXT)
    os.mkfifo(tmp_path / "today" / "wire.md")
    os.mkfifo(tmp_path / "today" / "control")  # not named like an article: not ours to mention
    result = read_articles([tmp_path / "today"])
    assert [a.text for a in result.articles] == [TEXT] and good.exists()
    [failure] = result.failures
    assert failure.origin == str(tmp_path / "today" / "wire.md")
    assert failure.reason == "not a regular file (a pipe, a socket or a device): not read"


def test_excluded_paths_are_skipped(tmp_path):
    write(tmp_path / "a.txt", story("One"))
    out = write(tmp_path / "brief.md", story("Old brief without its marker"))
    result = read_articles([tmp_path], exclude=[out])
    assert [a.text for a in result.articles] == [story("One")]
    assert read_articles([out], exclude=[tmp_path / "." / "brief.md"]).articles == []


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("https://example.org/feed.xml", True),
        ("http://127.0.0.1:8080/news", True),
        ("ftp://example.org/x", True),  # a URL, refused by name when fetched
        ("today/", False),
        ("C:\\news\\today", False),
        ("-", False),
        ("https:", False),
        ("http://exa mple.com/x", True),  # a broken URL, named as one when fetched
    ],
)
def test_a_url_is_told_from_a_path(given, url):
    assert is_url(given) is url


def test_a_link_that_leaves_the_folder_is_not_followed_unless_asked(tmp_path):
    inside = tmp_path / "today"
    write(inside / "a.txt", story("One"))
    private = write(tmp_path / "private" / "diary.txt", story("Secret"))
    (inside / "diary.txt").symlink_to(private)
    (inside / "sub").mkdir()
    (inside / "sub" / "again.txt").symlink_to(inside / "a.txt")  # within the folder: read
    (inside / "sub" / "hop.txt").symlink_to(inside / "diary.txt")  # a link in, then out: not read
    result = read_articles([inside])
    assert [a.text for a in result.articles] == [story("One"), story("One")]
    assert {(f.origin, f.kind) for f in result.failures} == {
        (str(inside / "diary.txt"), "blocked"),
        (str(inside / "sub" / "hop.txt"), "blocked"),
    }
    reason = result.failures[0].reason
    assert str(private) in reason and "outside" in reason and "--follow-symlinks" in reason
    followed = read_articles([inside], follow_symlinks=True)
    assert story("Secret") in [a.text for a in followed.articles] and not followed.failures
    assert [a.text for a in read_articles([inside / "diary.txt"]).articles] == [story("Secret")]  # named


def test_a_link_to_a_system_file_is_not_read(tmp_path):
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    [failure] = read_articles([tmp_path]).failures
    assert failure.kind == "blocked" and "/etc/passwd" in failure.reason
