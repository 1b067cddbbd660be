"""Outlets by short name: the outlet, not its syndication history, whatever the source field holds."""

from __future__ import annotations

import pytest

from summarizer.output.outlets import MAX_OUTLET_CHARS, short_name

SHORT = {
    "Associated Press (published by the St. Paul Pioneer Press / TwinCities.com)": "Associated Press",
    "Jewish Life (via FOX Business)": "Jewish Life",
    "Nexstar (DC News Now)": "Nexstar",
    "Reuters via Yahoo News": "Reuters",
    "Reuters, via Yahoo News": "Reuters",
    "AFP, syndicated by Raw Story": "AFP",
    "BBC News | World": "BBC News",
    "CNN Wire - KTLA": "CNN Wire",
    "The Guardian — US edition": "The Guardian",
    "(published by X) Associated Press": "Associated Press",
    "Associated Press (published by": "Associated Press",
    "AP (via X (Y))": "AP",
    "(AP)": "AP",
    "[Reuters]": "Reuters",
    "(AP) (Reuters)": "AP",
    "| Reuters": "Reuters",
    "  CNA \t": "CNA",
}

UNCHANGED = [
    "CNA",
    "AC/DC News",
    "Wilkes-Barre Times Leader",
    "breaking0news.net",
    "Al Majalla",
    "The Times of Israel",
]


@pytest.mark.parametrize(("source", "short"), SHORT.items())
def test_a_source_shows_as_its_outlet(source, short):
    assert short_name(source) == short


@pytest.mark.parametrize("source", UNCHANGED)
def test_a_plain_outlet_name_is_left_alone(source):
    assert short_name(source) == source


HOSTILE = [
    "",
    "   ",
    "((((",
    ")))",
    "( | )",
    "via",
    "A" * 10_000,
    "(" * 5_000 + "AP" + ")" * 5_000,
    "(" * 5_000 + "AP",
    "AP" + " (x)" * 2_000,
    "Evil\n## Injected\r\nheading",
    "\u202eevil\u202c news\u200b",
    "<script>alert(1)</script>",
    "[CNA](javascript:alert(1))",
    "\x00\x07null\x1bbell",
]


@pytest.mark.parametrize("source", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_source_gives_one_short_line_and_never_fails(source):
    short = short_name(source)
    assert "\n" not in short and "\r" not in short
    assert len(short) <= MAX_OUTLET_CHARS
    assert not {"\u202e", "\u202c", "\u200b", "\x00", "\x1b"} & set(short)
    assert bool(short) == bool(source.strip())  # only an empty source gives an empty name


def test_names_keep_their_words_and_are_cut_at_a_word():
    assert short_name("Evil\n## Injected") == "Evil ## Injected"  # one line; Markdown escaping is render's
    cut = short_name("The Very Long Name Of A Regional Newspaper Company In Somewhere Else")
    assert cut == "The Very Long Name Of A Regional…"
    assert short_name("[CNA](javascript:alert(1))") == "CNA"
