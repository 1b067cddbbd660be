"""--synthesize: a story reported by several outlets gets a headline and summary written from all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarizer import Settings, make_brief
from summarizer.cli import EXIT_OK, main
from summarizer.models import Brief
from summarizer.output.render import render_brief
from tests.conftest import EXAMPLES, FAST, TEST_KEY, cassette_folder
from tests.fake import FakeEndpoint, answer, answer_with

CASSETTES = cassette_folder(__name__)
WRITTEN = "Trump could meet Putin as soon as next week after Witkoff's Moscow talks, White House says"


def test_a_story_from_two_outlets_gets_a_written_headline_and_summary(cassette_args, tmp_path, capsys):
    args = cassette_args(CASSETTES / "examples.yaml")
    out = tmp_path / "brief.md"
    assert main(["brief", str(EXAMPLES), "--synthesize", "-q", "-o", str(out), *args]) == EXIT_OK
    brief = out.read_text()
    assert f"## 1. {WRITTEN}" in brief
    assert "Reported by CNA, LBC; headline and summary written from all of them." in brief
    assert "\n3 model requests to " in brief  # two briefings and the synthesis, all counted
    # What the outlets report differently beyond figures, found by the same call and shown with its
    # fact, each version's words having been found in its outlet's article.
    assert "- How long the war has lasted: **3.5 years** (CNA) vs **three years** (LBC)\n" in brief


def invent_a_figure(draft: dict[str, Any]) -> dict[str, Any]:
    draft["summary"] += " At least 40 officials attended."
    return draft


def _synthesized_with(cassette_args, out: Path, cassette: str, change) -> str:
    """The examples' brief, the synthesis answered twice with `change` made (once, then re-asked)."""
    args = cassette_args(CASSETTES / cassette, answer, answer, answer_with(change), answer_with(change))
    code = main(["brief", str(EXAMPLES), "--synthesize", "--concurrency", "1", "-q", "-o", str(out), *args])
    assert code == EXIT_OK
    return out.read_text()


def test_a_synthesis_that_invents_a_figure_is_reasked_then_dropped(cassette_args, tmp_path):
    brief = _synthesized_with(cassette_args, tmp_path / "brief.md", "invented_figure.yaml", invent_a_figure)
    story, _ = brief.split("\n## Appendix\n")
    assert "40 officials" not in story and "written from all of them" not in story
    assert "## 1. Trump could meet Putin as soon as next week, White House official says" in brief
    assert (
        "At least 40 officials attended.: not stated in the articles: 40 (the merge's own are shown)\n"
    ) in brief
    assert "\n4 model requests to " in brief


def misquote_lbc(draft: dict[str, Any]) -> dict[str, Any]:
    draft["disagreements"][0]["versions"][1]["evidence"] = "the war has lasted three years"
    return draft


def test_a_disagreement_whose_words_are_not_in_the_article_is_reasked_then_left_out(cassette_args, tmp_path):
    written = _synthesized_with(
        cassette_args, tmp_path / "brief.json", "misquoted_version.yaml", misquote_lbc
    )
    brief = Brief.model_validate_json(written)
    story = brief.stories[0]
    assert story.synthesized  # the headline and summary were sound; only the version was not
    assert not [d for d in story.disagreements if d.about]
    assert brief.usage.requests == 4  # asked again once, naming the version
    # Not silently: the appendix says what was left out, and why.
    [left_out] = story.left_out
    # The words the model gave as LBC's are shown, so an editor can see they are not LBC's.
    words = "LBC: three years, in the words \u201cthe war has lasted three years\u201d"
    assert (left_out.where, left_out.item) == ("how long the war has lasted", words)
    rendered = render_brief(brief)
    assert "### Left out of the synthesis" in rendered
    line = f"- Story 1, how long the war has lasted: {words}: these words are not in LBC's article\n"
    assert line in rendered


def test_a_synthesis_is_cached_like_a_briefing(tmp_path):
    with FakeEndpoint() as server:
        settings = Settings(retry=FAST, base_url=server.base_url, api_key=TEST_KEY,
                            cache_dir=tmp_path / "cache", synthesize=True)  # fmt: skip
        first = make_brief([EXAMPLES], settings=settings)
        assert len(server.requests) == 3
        again = make_brief([EXAMPLES], settings=settings)
        assert len(server.requests) == 3  # nothing asked again
    assert again.brief.stories[0].synthesized
    assert [d.about for d in again.brief.stories[0].disagreements] == ["how long the war has lasted"]
    assert render_brief(again.brief) == render_brief(first.brief)


def test_without_the_flag_no_synthesis_is_asked_for(tmp_path):
    with FakeEndpoint() as server:
        settings = Settings(base_url=server.base_url, api_key=TEST_KEY, concurrency=2)
        result = make_brief([EXAMPLES], settings=settings)
        assert len(server.requests) == 2
    assert not result.brief.stories[0].synthesized


def test_the_synthesis_key_does_not_depend_on_where_the_articles_were_read_from():
    from summarizer.merge.assemble import merge_briefings
    from summarizer.synthesis.synthesize import story_key
    from tests.builders import cna, lbc

    here = merge_briefings([cna(), lbc()]).stories[0]
    moved = [ref.model_copy(update={"origin": "/elsewhere/" + ref.origin}) for ref in here.sources]
    there = here.model_copy(update={"sources": moved})
    assert story_key(here, "request", "strict") == story_key(there, "request", "strict")
    assert story_key(here, "request", "strict") != story_key(here, "another model's request", "strict")


ECHO = "Some items in your briefing are not supported by the article: -"


def echo_the_reask(draft: dict[str, Any]) -> dict[str, Any]:
    """What an endpoint that echoes the request answers: the tool's own re-ask as the story's text, and
    one wrong version given three times."""
    draft["headline"] = ECHO
    draft["summary"] = f"{ECHO} headline (number): Answer again with the complete briefing."
    misquoted = misquote_lbc(draft)["disagreements"][0]
    draft["disagreements"] = [misquoted, misquoted, misquoted]
    return draft


def test_a_synthesis_that_echoes_the_prompt_is_not_published_and_each_left_out_item_is_listed_once(
    cassette_args, tmp_path
):
    brief = _synthesized_with(cassette_args, tmp_path / "brief.md", "echoed_prompt.yaml", echo_the_reask)
    story, appendix = brief.split("\n## Appendix\n")
    assert "Some items in your briefing" not in story and "written from all of them" not in story
    assert "## 1. Trump could meet Putin as soon as next week, White House official says" in story
    assert "the tool's own prompt, not the articles" in appendix
    left_out = appendix.split("### Left out of the synthesis")[1].split("###")[0]
    lines = [line for line in left_out.splitlines() if line.startswith("- ")]
    assert len(lines) == len(set(lines)) == 2  # the echoed text, and the wrong version once
