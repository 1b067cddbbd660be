"""The one word-overlap measure of the merge and the disagreement finder."""

from __future__ import annotations

from summarizer.text.similarity import jaccard


def test_jaccard_is_the_share_of_words_in_common():
    assert jaccard({"quake", "kill", "town"}, {"quake", "kill", "city"}) == 2 / 4
    assert jaccard({"a"}, {"a"}) == 1.0
    assert jaccard(set(), set()) == 0.0
    assert jaccard({"bridge"}, {"tunnel"}) == 0.0
