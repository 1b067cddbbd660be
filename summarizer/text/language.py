"""Which shipped language an article is written in, and the calendar words of each: month names,
weekdays and the words that place a day relative to publication, read from the data files."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import LANGUAGES, table, word_list, word_set

__all__ = ["MONTH_NUMBERS", "WEEKDAY_NUMBERS", "day_months", "language", "relative_days", "without_days"]

#: Every shipped language's month names and abbreviations, folded, with the month's number: a
#: briefing written in English may keep the article's 'junio' or 'septembre' in a timeline entry.
MONTH_NUMBERS = {word: int(n) for lang in LANGUAGES for word, n in table("months", lang).items()}
#: Every shipped language's weekdays, folded, with datetime.weekday()'s number ('vendredi' is 4).
WEEKDAY_NUMBERS = {word: n for lang in LANGUAGES for n, word in enumerate(word_list("weekdays", lang))}

_MONTH = r"([a-z]{3,10})"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?" + _MONTH + r"\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def day_months(folded: str) -> set[tuple[int, int]]:
    """(month, day) pairs a folded text states, in any shipped language: 'aug 6', '6 august', '6th of
    august', '19 de septiembre', 'dimanche 14 juillet'.

    Two patterns over the months lists, not dateparser's search_dates: on 24 articles (12 of
    benchmarks/corpus, 12 of fresh-a) it agreed on 7, read 'now', 'today' and '27 years ago' as days
    counted from the day it ran, missed 'July 20' (bzspace-wapo), and took 100 times as long (0.76 s
    of CPU against 0.008).
    """
    found = set()
    for day, month in _DAY_MONTH.findall(folded):
        if month in MONTH_NUMBERS and 1 <= int(day) <= 31:
            found.add((MONTH_NUMBERS[month], int(day)))
    for month, day in _MONTH_DAY.findall(folded):
        if month in MONTH_NUMBERS and 1 <= int(day) <= 31:
            found.add((MONTH_NUMBERS[month], int(day)))
    return found


def without_days(folded: str) -> str:
    """A folded text with its days of the month taken out ('25 september', 'june 5th'): a date is
    checked as a date, its day is no figure."""
    folded = _DAY_MONTH.sub(lambda m: " " if m[2] in MONTH_NUMBERS else m[0], folded)
    return _MONTH_DAY.sub(lambda m: " " if m[1] in MONTH_NUMBERS else m[0], folded)


_WORD = re.compile(r"[a-z]+")
#: How much more often one language's small words must occur than English's for an article to be read
#: as that language: an English report quoting 'de la' twice is still English.
_MARGIN = 1.5


def language(folded: str) -> str:
    """The shipped language whose small words ('the', 'de', 'les') a folded text uses most; English
    when none stands out. A language not shipped is read as English: the checks then go as far as
    they honestly can (names and figures are still looked up; its dates and number words are not read)."""
    words = _WORD.findall(folded)
    scores = {lang: sum(word in _small_words(lang) for word in words) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    return best if scores[best] > _MARGIN * scores["en"] else "en"


@cache
def _small_words(lang: str) -> frozenset[str]:
    return word_set("stopwords", lang)


@cache
def relative_days(lang: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """(pattern, days from publication) for the words that place a moment: 'yesterday' is -1,
    'hier' -1, 'esta noche' 0; the article's language and English (a briefing's `when` is English)."""
    found = {phrase: int(days) for name in dict.fromkeys(("en", lang)) for phrase, days in _days(name)}
    return tuple((re.compile(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])"), d) for p, d in found.items())


def _days(lang: str) -> list[tuple[str, str]]:
    # A phrase may have a space ('last night'): 'last night | -1'.
    pairs = []
    for line in word_list("relative_days", lang):
        phrase, days = line.split("|")
        pairs.append((phrase.strip(), days.strip()))
    return pairs
