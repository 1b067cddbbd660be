"""The articles of a run, read at once (select_articles) or as the run goes (Selection): the same."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from summarizer.config.settings import Settings, Window
from summarizer.errors import UsageError
from summarizer.models import Article
from summarizer.sources.select import Selection, select_articles
from tests.synthetic import write_articles


async def streamed(selection: Selection) -> list[Article]:
    await selection.start()
    return [article async for article in selection.articles()]


def test_a_selection_read_as_it_goes_gives_what_select_articles_gives(tmp_path: Path):
    folder = tmp_path / "today"
    write_articles(folder, 40)
    (folder / "broken.json").write_text("{not json")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    body = (folder / "00000.md").read_text().split("---\n", 2)[2]
    for day in (5, 7):  # one outside the window, one inside
        (folder / f"dated-{day}.md").write_text(f"---\npublished: 2025-08-0{day}\n---\n{day} {body}")
    settings = Settings(window=Window(since=datetime(2025, 8, 6, 12)))
    ingested, kept, left_out = select_articles([folder], settings)
    selection = Selection([folder], settings)
    articles = asyncio.run(streamed(selection))
    assert left_out and kept and ingested.failures  # the window and the failure are seen
    assert [a.id for a in articles] == [a.id for a in selection.kept] == [a.id for a in kept]
    assert [a.id for a in selection.left_out] == [a.id for a in left_out]
    assert selection.ingested.failures == ingested.failures
    assert selection.ingested.notes == ingested.notes


def test_inputs_with_no_article_are_a_usage_error_at_the_start(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no articles found in"):
        asyncio.run(Selection([tmp_path / "empty"], Settings()).start())
