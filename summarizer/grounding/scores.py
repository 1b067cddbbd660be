"""Figures read in pairs and as levels: a score, a match's sets, a record, a vote's tally ('7-5',
'6-3/6-3/6-0', '100-2', '95-38') given as the article gives them, each figure alone perhaps the
article's but not the pair; and a rate given as a level where the article gives only a change."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import LANGUAGES, table
from ..text.normalize import fold
from ..text.numbers import WORD_NUMBERS
from .counts import figure_tokens, quantity_words
from .facts import ArticleFacts
from .ranges import stated_ranges

__all__ = ["levels_as_changes", "unstated_scores"]


#: A score: two whole figures joined by a dash or a slash ('7-6', '(7/4)', '4-2'), not a range of
#: decimals or percentages ('4.5%-4.75%') nor a date.
_SCORE = re.compile(r"(?<![\d.,/-])(\d{1,2}) ?[-/] ?(\d{1,2})(?![\d%/-]|[.,]\d)")
#: A score in words ('one-nil', 'two - one'): plain() spaces the hyphen.
_WORD_SCORE = re.compile(r"\b([a-z]+) ?- ?([a-z]+)\b")


#: The sets of a match written one after another with a slash between ('6-3/6-3/6-0', as AFP copy
#: gives them): each is a score, though the slashes keep _SCORE from reading one.
_SETS = re.compile(r"(?<![\d.,/-])\d{1,2} ?- ?\d{1,2}(?: ?/ ?\d{1,2} ?- ?\d{1,2})+(?![\d%/-])")
_SET = re.compile(r"(\d{1,2}) ?- ?(\d{1,2})")


#: A score as other languages write it: '3 a 1' (es, it), '3 à 1' (fr), '3 x 1' (pt), '3:1' (de).
_SCORE_SAID = re.compile(r"(?<![\d.,])(\d{1,2}) ?(?: a | x |:) ?(\d{1,2})(?![\d%]|[.,]\d)")


def unstated_scores(text: str, facts: ArticleFacts) -> list[str]:
    """The scores `text` gives ('(7/5)') that the article never gives, however it writes them ('7-5',
    '7/5', '[7-5]'): each figure alone may be the article's, the pair is not."""
    stated = {(a, b) for a, b in _SCORE.findall(facts.counted)}
    stated |= {(a, b) for sets in _SETS.findall(facts.counted) for a, b in _SET.findall(sets)}
    stated |= _tallies(facts.counted, facts.lang)
    stated |= stated_ranges(facts.counted)  # '30-35 cars' for 'tra le 30 e le 35 auto'
    if facts.lang != "en":
        stated |= {(a, b) for a, b in _SCORE_SAID.findall(facts.counted)}
    for a, b in _WORD_SCORE.findall(facts.counted):
        if a in WORD_NUMBERS and b in WORD_NUMBERS:
            stated.add((f"{WORD_NUMBERS[a]:g}", f"{WORD_NUMBERS[b]:g}"))
    unstated = [f"{a}-{b}" for a, b in _SCORE.findall(fold(text)) if (a, b) not in stated]
    return unstated + _moved_records(text, facts)


#: A record of wins and defeats, its wins in three figures ('a 100-2 record at Roland Garros'): not a
#: score, not a type of aircraft ('737-800', both ends of three figures).
_RECORD = re.compile(r"(?<![\d.,/-])(\d{3}) ?- ?(\d{1,2})(?![\d%/-]|[.,]\d)")


def _moved_records(text: str, facts: ArticleFacts) -> list[str]:
    """The records `text` gives ('100-3') that the article gives with one end the same and the other
    another ('100-2'): each figure alone may be the article's, the pair is not. A record the article
    writes in words only ('100 wins and two defeats') is left alone."""
    stated = set(_RECORD.findall(facts.counted))
    return [
        f"{a}-{b}"
        for a, b in _RECORD.findall(fold(text))
        if (a, b) not in stated and any((x == a) != (y == b) for x, y in stated)
    ]


#: A whole count of a vote ('95 votes'), not a share nor a decimal.
_COUNT = re.compile(r"(?<![\d.,])\d{1,4}(?![\d%]|[.,]\d)")


def _tallies(counted: str, lang: str) -> set[tuple[str, str]]:
    """A vote's tally as the article gives it, two counts in one sentence that names votes, in their
    order ('ended with 95 votes in favor of Draghi against 38 against'): a briefing writes it '95-38',
    not '38-95'. The article's language's words for votes (quantities.txt)."""
    found = set()
    for sentence in re.split(r"[.;!?]\s", counted):
        if not any(quantity_words(lang).get(word) == "vote" for word in re.findall(r"[a-z]+", sentence)):
            continue
        # 'voted eight to one': counts in words too, as the score's figures ('8', '1').
        counts = [
            token if _COUNT.fullmatch(token) else f"{_words_of(lang)[token]:g}"
            for token in figure_tokens(sentence)
            if _COUNT.fullmatch(token) or token in _words_of(lang)
        ]
        found |= {(a, b) for i, a in enumerate(counts) for b in counts[i + 1 :] if a != b}
    return found


@cache
def _words_of(lang: str) -> dict[str, float]:
    """The number words of English and the article's language, with their values ('one', 'acht')."""
    words = dict(WORD_NUMBERS)
    if lang != "en" and lang in LANGUAGES:
        words |= {word: float(value) for word, value in table("number_words", lang).items()}
    return words


#: A level a statement gives a rate: 'to 0.75%', 'at 4.5 per cent'.
_LEVEL = re.compile(r"\b(?:to|at)\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)")
#: The units of a change in each shipped language: '0.75 point', '50 basis points', '0,5 puntos',
#: '0,25 Prozentpunkte'.
_CHANGE = re.compile(
    r"\s*(?:percentage\s+|basis\s+)?(?:points?|puntos?|punti|pontos?|prozentpunkte?n?|basispunkte?n?)\b"
)


def levels_as_changes(text: str, facts: ArticleFacts) -> list[str]:
    """The rates `text` gives as a level ('raised its main rate to 0.75%') that the article gives only
    as a change, in points ('a relevé ses taux de 0,75 point'), wherever it states them."""
    found = []
    for figure in _LEVEL.findall(fold(text)):
        value = float(figure)
        places = [
            m.end() for m in re.finditer(r"(?<![\d.])" + re.escape(f"{value:g}") + r"(?![\d])", facts.counted)
        ]
        places += [
            m.end() for m in re.finditer(r"(?<![\d.])" + re.escape(figure) + r"(?![\d])", facts.counted)
        ]
        places = sorted(set(places))
        if places and all(_CHANGE.match(facts.counted, end) for end in places):
            found.append(f"{figure}% (a change in points)")
    return found
