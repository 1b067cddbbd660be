"""Figures an article writes in a notation a briefing writes another way: a duration in words of time
('seven minutes and 35 seconds', '2 h 27 min', "7'35''") that a model writes as a clock does, 7:35; a
century in Roman numerals ('XXe siècle', 'siglo XX') that it writes '20th century'; a time of day
written with a dot where a comma marks decimals ('las 17.00') that it writes 17:00 or 5 p.m.

numbers.figures reads each of these as pieces, or not at all: '7' and '35', no figure in 'XX', 17.0
for '17.00'. Here each is read whole, as the briefing writes it; the article's figures are
its figures and these too (grounding/facts.py).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import LANGUAGES, table, word_list
from .numbers import WORD_NUMBERS, clock_readings

__all__ = ["ROMAN", "other_notations", "uncompounded"]

#: The Roman numerals' letters and values: a century is written with these (no D nor M in news copy's).
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
#: A time of day with a dot, where the language marks decimals with a comma ('las 17.00', 'alle
#: 14.30'): no decimal (that is '17,00'), no thousands (three digits), no date ('15.07.2024').
_DOTTED = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{2})(?![\d]|[.,]\d)")
#: Minutes and seconds the way sports copy writes them, with primes: "7'35''" as folded.
_PRIMES = re.compile(r"(?<![\d.,'])(\d{1,3})'(\d{2})(?:''|\")?(?![\d'])")
#: The shorter units of each longer one, and their abbreviations in every language ('2 h 27', '7 min 35 s').
_SMALLER = {"hour": "minute", "minute": "second"}
_SHORT = {"h": "hour", "min": "minute", "mn": "minute", "s": "second", "sec": "second"}


def other_notations(folded: str, lang: str) -> frozenset[float]:
    """The figures a folded article writes in another notation than a briefing, as the briefing
    writes them: 'seven minutes and 35 seconds' is 7:35 (735), 'XXe siècle' 20, and in a language that
    marks decimals with a comma 'las 17.00' a time of day (1700, 5 p.m.)."""
    found = _durations(folded, lang) | _centuries(folded, lang)
    found |= {float(int(minutes) * 100 + int(seconds)) for minutes, seconds in _PRIMES.findall(folded)}
    if lang != "en" and lang in LANGUAGES:
        times = " ".join(f"{h}:{m}" for h, m in _DOTTED.findall(folded) if int(h) <= 24 and int(m) < 60)
        found |= {float(h) * 100 + float(m) for h, m in re.findall(r"(\d+):(\d+)", times)}
        found |= set(clock_readings(times))
    return frozenset(found)


def uncompounded(folded: str, lang: str) -> str:
    """A folded text with each count its language compounds with a unit of time written apart, as
    the figure and its unit: German and Dutch write 'nach einer zehnstundigen Beratung' (ten hours),
    'dreijahrige' (three years), 'tienjarige' (ten years) as one word, read as 'zehn stunde', 'drei
    jahr', 'tien jaren' (its number words, text/data/<lang>/number_words.txt, before the first three
    letters of one of its time units, time_units.txt)."""
    if lang not in _COMPOUNDING:
        return folded
    pattern, units = _compound(lang)
    return pattern.sub(lambda found: f"{found[1]} {units[found[2]]}", folded)


#: The shipped languages that write a count and its unit as one word.
_COMPOUNDING = ("de", "nl")


@cache
def _compound(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    numbers = sorted(table("number_words", lang), key=len, reverse=True)
    # A unit by its first three letters: 'stundig' of 'Stunde', 'jarig' of 'jaar', 'tagig' of 'Tag'.
    units: dict[str, str] = {}
    for unit in table("time_units", lang):
        units.setdefault(unit[:3], unit)
    pattern = rf"\b({'|'.join(map(re.escape, numbers))})({'|'.join(map(re.escape, sorted(units)))})[a-z]*"
    return re.compile(pattern), units


def _durations(folded: str, lang: str) -> set[float]:
    """'seven minutes and 35 seconds', 'one-minute three-second', '2 h 27 min': the two figures as a
    clock joins them (735, 103, 227); the second under 60."""
    pattern, numbers, units = _duration_words(lang)
    found = set()
    for first, big, second, small in pattern.findall(folded):
        if _SMALLER.get(units[big]) != units[small]:
            continue
        high, low = _value(first, numbers), _value(second, numbers)
        if high is not None and low is not None and low < 60:
            found.add(high * 100 + low)
    return found


def _value(word: str, numbers: dict[str, float]) -> float | None:
    return float(word) if word.isdigit() else numbers.get(word)


@cache
def _duration_words(lang: str) -> tuple[re.Pattern[str], dict[str, float], dict[str, str]]:
    """The pattern of two figures each with its unit of time, joined or not by the language's 'and',
    with the number words and the units it reads (English's too: a briefing's words are English)."""
    langs = ("en", lang) if lang in LANGUAGES and lang != "en" else ("en",)
    numbers = dict(WORD_NUMBERS)
    units = dict(_SHORT)
    joining: set[str] = set()
    for each in langs:
        numbers |= {word: float(value) for word, value in table("number_words", each).items()}
        units |= {w: u for w, u in table("time_units", each).items() if u in ("hour", "minute", "second")}
        joining |= {word for word in word_list("joining_words", each) if " " not in word}
    number = r"(\d{1,3}|" + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True)) + ")"
    unit = "(" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + ")"
    join = "(?:, |(?:" + "|".join(sorted(map(re.escape, joining), key=len, reverse=True)) + ") )?"
    return re.compile(rf"(?<![\w.,]){number} (?:- )?{unit} {join}{number} (?:- )?{unit}\b"), numbers, units


def _centuries(folded: str, lang: str) -> set[float]:
    """The centuries written in Roman numerals beside the language's word for one: 'xxe siecle', 'siglo
    xx', 'xx secolo', 'xx. jahrhundert'."""
    words = "|".join(word_list("centuries", lang if lang in LANGUAGES else "en"))
    roman = "([" + "".join(ROMAN) + r"]+)"
    pattern = rf"\b{roman}(?:e|eme|er|o|th|\.)? (?:{words})\b|\b(?:{words}) {roman}\b"
    found = set()
    for before, after in re.findall(pattern, folded):
        value = _roman(before or after)
        if value is not None:
            found.add(float(value))
    return found


#: Each value a Roman numeral writes with one or two letters, largest first.
_WRITTEN = (
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(letters: str) -> int | None:
    """The value of a Roman numeral written the usual way ('xix' is 19), None for letters that are no
    such numeral ('ic', 'vx')."""
    total = 0
    for index, letter in enumerate(letters):
        value = ROMAN[letter]
        following = ROMAN[letters[index + 1]] if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return total if total > 0 and _written(total) == letters else None


def _written(value: int) -> str:
    """A number in Roman numerals, the usual way: 19 is 'xix'."""
    out = ""
    for number, letters in _WRITTEN:
        while value >= number:
            out, value = out + letters, value - number
    return out
