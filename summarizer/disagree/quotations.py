"""Quotations of one utterance that two outlets give in other words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import combinations

from rapidfuzz import fuzz

from ..models import Disagreement, ReportedValue
from ..text.groups import connected_groups
from ..text.normalize import (
    fold,
    plain,
)
from .spellings import SPELLING_LIKENESS

__all__ = ["QUOTE_LIKENESS", "QUOTE_SHARED_RUN", "quotations", "quote_disagreements"]


_QUOTED = re.compile(r'"([^"]{8,})"')


#: How alike two quotations must be, letter for letter, to be one utterance quoted differently:
#: 'The bird is free' and 'the bird is freed' (0.97); unrelated words of one speaker stay apart (< 0.6).
QUOTE_LIKENESS = 0.8


def quotations(text: str) -> list[str]:
    """The passages a statement quotes ('Musk tweeted "the bird is freed" hours later')."""
    if '"' not in text and text.isascii():
        return []  # plain() makes curly quotes straight, and no ASCII text a quote: most quote none
    return _QUOTED.findall(plain(text))


def _quote_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _worded_apart(a: list[str], b: list[str]) -> bool:
    """The shorter quotation matches a stretch of the longer closely, but not word for word."""
    short, long = sorted((a, b), key=len)
    if not short:
        return False
    joined, within = " ".join(short), " ".join(long)
    if f" {joined} " in f" {within} ":
        return False  # the one is a fragment of the other: the same words
    # Each stretch of the longer of as many words, letter for letter. rapidfuzz's ratio, in C (difflib's
    # here was most of a merge's time). Not its partial_ratio, whose stretches are of as many letters:
    # 'our neighbours are under the rubble' and 'our neighbors are trapped under the rubble, and ...'
    # (one utterance, labelled in benchmarks/corpus) fall to 0.77 there, stay at 0.82 here.
    cutoff = QUOTE_LIKENESS * 100
    size = len(short)
    alike = [
        long[start : start + size]
        for start in range(len(long) - size + 1)
        if fuzz.ratio(joined, " ".join(long[start : start + size]), score_cutoff=cutoff)
    ]
    if any(_spelt_alike(short, stretch) for stretch in alike):
        return False  # the same words, one spelt another way ('Mater Ecclesiae', 'Mater Ecclesia')
    return bool(alike) or _overlap_worded_apart(short, long)


def _spelt_alike(a: list[str], b: list[str]) -> bool:
    """Two runs of as many words, each word the same or a spelling of it ('ecclesiae' and 'ecclesia',
    'asovstal' and 'azovstal', alike letter for letter as one name's spellings are): one wording."""
    return all(
        x == y or (min(len(x), len(y)) >= _SPELT_WORD and fuzz.ratio(x, y) >= SPELLING_LIKENESS * 100)
        for x, y in zip(a, b, strict=True)
    )


#: A word shorter than this is compared as it is: 'die' and 'dies' are other words.
_SPELT_WORD = 5


#: Two quotations that each run past the other share at least this many words in a row before they
#: are read as one utterance ('In my 40 years ..., this is the most tragic aircraft incident we've had'
#: and 'This is the most tragic aircraft incident that we had. We had some helicopters ...').
QUOTE_SHARED_RUN = 5
#: The shared stretch grows from the longest run back to a run that starts fewer than this many words
#: before it in both quotations, and on to a run that starts fewer than QUOTE_GAP_AFTER words after the
#: last. Not measured: on the four corpora (benchmarks/corpus, heldout, heldout2, fresh-a, all styles)
#: one pair of quotations shares a run ('... the most tragic aircraft incident ...'), and every value
#: tried (1 to 100 for each) gives the same brief. A judgement: a sentence apart, a clause apart.
QUOTE_GAP_BEFORE = 8
QUOTE_GAP_AFTER = 3


def _overlap_worded_apart(a: list[str], b: list[str]) -> bool:
    """The stretch two quotations share, from their first words in common to their last, is worded
    alike but not the same: one utterance, each quoting more of it, and in other words."""
    run = QUOTE_SHARED_RUN
    if not {tuple(a[i : i + run]) for i in range(len(a) - run + 1)} & {
        tuple(b[i : i + run]) for i in range(len(b) - run + 1)
    }:
        return False  # no run of words in common: two things said (the quick test, most pairs)
    # difflib, not rapidfuzz: the rule is written on its blocks (the longest run first, then the runs on
    # either side), which an LCS alignment does not give; and it runs only on the few pairs that share
    # a run (3 of the 2,689 pairs compared on the four corpora).
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or max(block.size for block in blocks) < QUOTE_SHARED_RUN:
        return False
    longest = max(blocks, key=lambda block: block.size)
    # The shared stretch: the longest run, and the runs next to it while they stay close.
    first = last = blocks.index(longest)
    while (
        first > 0
        and longest.a - blocks[first - 1].a < QUOTE_GAP_BEFORE
        and longest.b - blocks[first - 1].b < QUOTE_GAP_BEFORE
    ):
        first -= 1
    while (
        last < len(blocks) - 1 and blocks[last + 1].a - (blocks[last].a + blocks[last].size) < QUOTE_GAP_AFTER
    ):
        last += 1
    a_span = a[blocks[first].a : blocks[last].a + blocks[last].size]
    b_span = b[blocks[first].b : blocks[last].b + blocks[last].size]
    if a_span == b_span:
        return False  # the same words: one quotes more of the utterance than the other
    return fuzz.ratio(" ".join(a_span), " ".join(b_span)) >= QUOTE_LIKENESS * 100


def quote_disagreements(quoted: list[tuple[str, str, str]]) -> list[Disagreement]:
    """(source, quotation, statement) from several outlets: each utterance that two outlets quote in
    different words, as a Disagreement showing each wording."""
    words_of = [_quote_words(q) for _, q, _ in quoted]
    pairs = [
        (i, j)
        for i, j in combinations(range(len(quoted)), 2)
        if quoted[i][0] != quoted[j][0] and _worded_apart(words_of[i], words_of[j])
    ]
    found = []
    for group in connected_groups(pairs):
        reports: dict[str, tuple[set[str], str]] = {}
        for i in group:
            source, quotation, statement = quoted[i]
            reports.setdefault(quotation, (set(), statement))[0].add(source)
        if len(reports) > 1:
            found.append(
                Disagreement(
                    reports=[
                        ReportedValue(value=f'"{value}"', sources=sorted(sources), text=text)
                        for value, (sources, text) in reports.items()
                    ]
                )
            )
    return found
