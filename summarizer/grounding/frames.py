"""What a figure is said of: a figure of the article used for another of its quantities.

'Turnout was 65 percent at 5 p.m.' where the article's 65% is Macron's share and its turnout at 5 p.m.
is 65.3; 'a first title in 12 years' where 12 is Real Madrid's titles and Juventus has waited 21 years.
Each figure is read with the content words around it (its frame), in the statement and wherever the
article states a figure. The statement's figure is given for something else when the article says
what the statement says of it with another figure, in clearly more of the same words than anywhere it
states this one, and states this one with at most one of them. A figure the article states in the
statement's words, or as the same toll, is never questioned, nor one whose words the article gives no
other figure: paraphrase is left alone. Names, years, days of a month and the figures of a score, a
range or a pair are left to the checks that read them (attached.py, dates, scores.unstated_scores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.language import MONTH_NUMBERS
from ..text.lexicon import LANGUAGES, table
from ..text.normalize import STOPWORDS, fold, plain, stem_word
from ..text.numbers import WORD_NUMBERS, figures, is_year
from .facts import ArticleFacts

__all__ = ["FRAME_AFTER", "FRAME_BEFORE", "MARGIN", "MATCHED", "OWN", "reframed_figures"]

#: Words read before and after a statement's figure, within its phrase; twice as many in the article.
FRAME_BEFORE, FRAME_AFTER = 6, 6
#: How many of the statement's words another figure of the article must be stated with ...
MATCHED = 3
#: ... by how many more than the best place the article states this figure ...
MARGIN = 2
#: ... which shares at most this many of them (more, and the article says this figure of this thing).
OWN = 1
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+|[.,;:!?()]")
_SENTENCE = frozenset(".;:!?()")
#: Where a statement's figure's phrase ends besides its sentence: a comma, a clause joined by 'and'
#: ('the highest in 22 years and its eleventh hike'). The article's frames are read wider: a wider
#: frame there only makes a figure more often its own.
_PHRASE = frozenset((",", "and", "but", "while", "as"))
#: The words between the two figures of a pair or a range ('65 to 35', '66 against 34').
_PAIRED = frozenset(("to", "against", "and", "x", "a"))
#: Words around any figure that say nothing of what it counts.
_EMPTY = frozenset(("least", "about", "more", "than", "over", "nearly", "almost", "some", "around", "per"))
_SMALL = STOPWORDS | _EMPTY
_SCALES = frozenset(table("measures_before"))
_VERSUS = frozenset(("against", "versus", "vs"))


@dataclass(frozen=True)
class Frame:
    """A figure with the stems of the content words it is said with, and whether its neighbours place
    it (a day of a month, a score, a range, a pair)."""

    value: float
    token: str
    words: frozenset[str]
    placed: bool
    #: The first content word after it: what it counts ('five days', 'three children').
    unit: str | None = None


def _value(token: str) -> float | None:
    if token in _SENTENCE or token == ",":
        return None
    token = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", token)
    values = list(figures(token, folded=True, idiomatic=False))
    return values[0] if len(values) == 1 else None


def _frames(folded: str, names: frozenset[str], stops: frozenset[str], *, wide: bool = False) -> list[Frame]:
    """Each figure of a folded text with its frame; a name says whose figure it is ('Djokovic 6-2';
    attached.py), not what it counts. A `wide` frame (the article's) reads past other figures ('the
    first goal for the 32-year-old right-back in five years')."""
    tokens = _TOKEN.findall(folded.replace("-", " "))
    values = [_value(token) for token in tokens]
    found = []
    for index, token in enumerate(tokens):
        value = values[index]
        if value is None:
            continue
        words: set[str] = set()
        versus = False
        unit: str | None = None
        for step, reach in ((-1, FRAME_BEFORE * (2 if wide else 1)), (1, FRAME_AFTER * (2 if wide else 1))):
            at, seen = index + step, 0
            while 0 <= at < len(tokens) and seen < reach:
                word = tokens[at]
                if word in _SENTENCE or word in stops or (values[at] is not None and not wide):
                    break
                if step < 0 and word in _VERSUS:
                    versus = True  # '65.8 per cent ... against 34.2': the second of a pair
                if len(word) > 2 and word not in _SMALL and word not in WORD_NUMBERS and word not in names:
                    words.add(stem_word(word))
                    if step > 0 and unit is None:
                        unit = stem_word(word)
                seen += 1
                at += step
        near = [i for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
        # ... or the scale before it names ('magnitude 7.3', 'Category 4').
        # ... or is part of a name ('Flight SU 1492', 'Apollo 11').
        placed = versus or (index > 0 and (tokens[index - 1] in _SCALES or tokens[index - 1] in names))
        placed = (
            placed
            or any(tokens[i] in MONTH_NUMBERS or values[i] is not None for i in near)
            or any(
                0 <= far < len(tokens) and values[far] is not None and tokens[(far + index) // 2] in _PAIRED
                for far in (index - 2, index + 2)
            )
        )
        found.append(Frame(value, token, frozenset(words), placed, unit))
    return found


def reframed_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives for a quantity the article states with another figure, and states this
    one for something else; shown as '65 (percent, turnout)'. Read in English articles only: the words
    of a statement and of an article in another language do not meet."""
    if facts.lang != "en":
        return []
    names = _names(facts.plain)
    theirs = _frames_of(facts.counted, names)
    found = []
    frames = _frames(fold(text), names | _names(plain(text)), _PHRASE)
    given = {frame.value for frame in frames}
    for frame in frames:
        # A year places a figure in time, a day of a month is a date: checked as such.
        if frame.value not in facts.values or not frame.words or is_year(frame.value) or frame.placed:
            continue
        mine = [said for said in theirs if said.value == frame.value]
        if not mine:
            continue
        own = max(mine, key=lambda said: len(frame.words & said.words))
        # Stated here with two of the statement's words, or as the same toll ('death', 'kill'): the
        # article says this figure of this thing, perhaps at another time; no swap.
        if len(frame.words & own.words) > OWN or _tolls(frame.words) & _tolls(own.words):
            continue
        # Said of the same unit somewhere ('five days' after the quake, 'almost five days after'): kept.
        if frame.unit is not None and any(said.unit == frame.unit for said in mine):
            continue
        # Another figure the statement gives too shares its words by standing in its phrase ('65.8
        # per cent ... against 34.2'): no sign of a swap.
        others = [said for said in theirs if said.value != frame.value and said.value not in given]
        best = max(others, key=lambda said: len(frame.words & said.words), default=None)
        shared = frame.words & best.words if best is not None else frozenset()
        if len(shared) >= MATCHED and len(shared) >= len(frame.words & own.words) + MARGIN:
            found.append(f"{frame.token} ({', '.join(sorted(shared))})")
    return found


@lru_cache(maxsize=64)
def _frames_of(counted: str, names: frozenset[str]) -> list[Frame]:
    return _frames(counted, names, frozenset(), wide=True)


@lru_cache(maxsize=64)
def _names(text: str) -> frozenset[str]:
    """The words a text capitalises inside a sentence, folded: its names."""
    return frozenset(fold(word) for word in _INSIDE.findall(text))


_INSIDE = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w'-]*")


def _tolls(stems: frozenset[str]) -> set[str]:
    return {measure for stem in stems if (measure := _toll_stems().get(stem))}


@lru_cache(maxsize=1)
def _toll_stems() -> dict[str, str]:
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        try:
            found |= {stem_word(word): measure for word, measure in table("tolls", lang).items()}
        except FileNotFoundError:
            continue
    return found
