"""Which shipped language an article is written in, and the calendar words of each: month names,
weekdays and the words that place a day relative to publication, read from the data files."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import LANGUAGES, table, word_list, word_set

__all__ = [
    "MONTH_NUMBERS",
    "SMALL_WORDS_SHARE",
    "UNKNOWN",
    "WEEKDAY_NUMBERS",
    "day_months",
    "language",
    "relative_days",
    "weekday_days",
    "without_days",
]

#: Every shipped language's month names and abbreviations, folded, with the month's number: a
#: briefing written in English may keep the article's 'junio' or 'septembre' in a timeline entry.
MONTH_NUMBERS = {word: int(n) for lang in LANGUAGES for word, n in table("months", lang).items()}
#: Every shipped language's weekdays, folded, with datetime.weekday()'s number ('vendredi' is 4).
WEEKDAY_NUMBERS = {word: n for lang in LANGUAGES for n, word in enumerate(word_list("weekdays", lang))}


def _optional(name: str, lang: str) -> tuple[str, ...]:
    """A list that only some languages have (none when this one has no such file)."""
    try:
        return word_list(name, lang)
    except FileNotFoundError:
        return ()


_MONTH = r"([a-z]{3,10})"
# German writes the day as an ordinal with a full stop ('15. Juli').
# A day joined to its month by a hyphen or a slash, as airline and agency copy writes it ('29-Dec-2024',
# folded '29 - dec - 2024').
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|\.)?(?:\s+|\s*[-/]\s*)(?:of\s+|de\s+)?" + _MONTH + r"\b"
)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def day_months(folded: str) -> set[tuple[int, int]]:
    """(month, day) pairs a folded text states, in any shipped language: 'aug 6', '6 august', '6th of
    august', '19 de septiembre', 'dimanche 14 juillet', '15. juli', '29-dec-2024'.

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


#: The parts of a day a language joins to a weekday in one word ('mittwochmorgen', 'freitagabend').
_DAY_PARTS = tuple(part for lang in LANGUAGES for part in _optional("day_parts", lang))


def _phrase(name: str) -> str:
    # 'segunda-feira' as folded text writes it: 'segunda - feira', 'segunda feira', 'segunda-feira'.
    return r"\s*-?\s*".join(re.escape(word) for word in re.split(r"[\s-]+", name))


_WEEKDAY = re.compile(
    r"(?<![a-z])("
    + "|".join(_phrase(name) for name in sorted(WEEKDAY_NUMBERS, key=len, reverse=True))
    + r")(?:"
    + "|".join(map(re.escape, _DAY_PARTS))
    + r")?(?![a-z])(?:\s+(\d{1,2})(?:st|nd|rd|th|er)?\b(?!:))?"
)
_WEEKDAY_KEYS = {re.sub(r"[\s-]+", "", name): number for name, number in WEEKDAY_NUMBERS.items()}


def weekday_days(folded: str) -> set[tuple[int, int | None]]:
    """The weekdays a folded text names (datetime.weekday()'s number), in any shipped language, each
    with the day of its month when it gives one: 'friday', 'vendredi', 'viernes 8' (4 and 8),
    'sexta - feira', and the German weekday joined to a part of its day ('mittwochmorgen')."""
    found: set[tuple[int, int | None]] = set()
    for name, number in _WEEKDAY.findall(folded):
        weekday = _WEEKDAY_KEYS[re.sub(r"[\s-]+", "", name)]
        found.add((weekday, None))
        if number:
            found.add((weekday, int(number)))
    return found


_WORD = re.compile(r"[a-z]+")
#: How much more often one language's small words must occur than English's for an article to be read
#: as that language: an English report quoting 'de la' twice is still English.
_MARGIN = 1.5
#: The language of an article written in none of the shipped languages (ISO 639's 'undetermined').
UNKNOWN = "und"
#: The share of a text's words that are one language's small words (its stopwords.txt; a word in k
#: shipped languages' lists counts 1/k for each, so 'de' tells little and 'los' much) for the text to
#: be read as that language. On the 194 articles of the six tuning corpora (benchmarks/corpus to
#: fresh-c) and test paragraphs in Portuguese, Dutch, Polish and Italian: English articles 0.205-0.523
#: English, any other at most 0.069; Spanish, French, German and Portuguese articles at least 0.149 of
#: their own (0.132 with the Italian list of a parallel branch shipped too). With Dutch shipped (issue
#: #27): the two Dutch articles of the tuning parts 0.178 and 0.224 Dutch, the test paragraph 0.241; a
#: text in a language not shipped at most 0.036 of any shipped one's (Polish; Danish 0.033 English,
#: once 'er', 'om', 'op', 'hun' and 'na', Danish and Polish words too, were kept out of the Dutch list).
SMALL_WORDS_SHARE = {"en": 0.12, "other": 0.10}
#: Fewer words than this cannot say a text is in none of the shipped languages.
_FEWEST_WORDS = 20


def language(folded: str) -> str:
    """The shipped language whose small words ('the', 'los', 'les', 'und') a folded text uses most,
    when they stand out (SMALL_WORDS_SHARE); English when its do; UNKNOWN for a text in none of the
    shipped languages (Danish, Polish). An article in a language not shipped is checked as far as the
    checks honestly go: quotes and digits are; what they cannot read (its number words, calendar
    words, translated names) is kept and marked (grounding/unread.py)."""
    words = _WORD.findall(folded)
    weights = _small_word_weights()
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for word in words:
        for lang, weight in weights.get(word, ()):
            scores[lang] += weight / len(words)
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    # A short text ('Vendredi à 13h14, le séisme a fait 2 012 morts') is read in the language that
    # stands out, else as English: too few words to say it is in none of them.
    short = len(words) < _FEWEST_WORDS
    least = {"en": 0.0, "other": 1e-9} if short else SMALL_WORDS_SHARE
    if best != "en" and scores[best] > _MARGIN * scores["en"] and scores[best] >= least["other"]:
        return best
    return "en" if scores["en"] >= least["en"] else UNKNOWN


@cache
def _small_word_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each small word with the languages whose list has it, each weighing 1/k for k such languages."""
    holders: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for word in word_set("stopwords", lang):
            holders.setdefault(word, []).append(lang)
    return {word: tuple((lang, 1 / len(langs)) for lang in langs) for word, langs in holders.items()}


@cache
def relative_days(lang: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """(pattern, days from publication) for the words that place a moment: 'yesterday' is -1,
    'hier' -1, 'esta noche' 0; the article's language and English (a briefing's `when` is English)."""
    found = {phrase: int(days) for name in dict.fromkeys(("en", lang)) for phrase, days in _days(name)}
    return tuple((re.compile(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])"), d) for p, d in found.items())


def _days(lang: str) -> list[tuple[str, str]]:
    # A phrase may have a space ('last night'): 'last night | -1'.
    pairs = []
    for line in _optional("relative_days", lang):
        phrase, days = line.split("|")
        pairs.append((phrase.strip(), days.strip()))
    return pairs
