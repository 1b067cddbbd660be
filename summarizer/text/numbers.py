"""The one reader of figures: digits, number words, times of day, ordinals, years; and how a figure
is shown. Grounding looks a briefing's figures up among its article's, the merge compares outlets'
figures, the disagreement finder reads each with what it counts: all read them here, the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import suppress
from functools import cache

from text_to_num import alpha2digit

from .lexicon import LANGUAGES, every_language, table, word_list
from .normalize import fold

__all__ = [
    "CLOCK_TIME",
    "FIRST_YEAR",
    "LAST_YEAR",
    "ORDINAL_MARK",
    "TIME_MARK",
    "WORD_NUMBERS",
    "Token",
    "clock_readings",
    "figures",
    "in_english_notation",
    "is_year",
    "joined_totals",
    "ordinal_counts",
    "shown",
    "tokens",
]

#: Number words read as figures ('five', 'dozen'); compounds ('twenty-five') are text2num's. The list
#: stays beside text2num because alpha2digit leaves some lone number words as words ('one of the two'
#: stays so, where 'the two' is a count) and knows neither 'dozen' nor 'nil'.
WORD_NUMBERS = {word: float(value) for word, value in table("number_words").items()}
_ORDINAL_WORDS = {word: float(value) for word, value in table("ordinal_words").items()}
#: Times of day given as words ('just before midnight'), read as the clock reads them (2400).
_CLOCK_WORDS = {word: float(value) for word, value in table("clock_words").items()}
_UNITS = [word for word, value in WORD_NUMBERS.items() if 1 <= value <= 9]
_TENS = [word for word, value in WORD_NUMBERS.items() if value in (20, 30, 40, 50, 60, 70, 80, 90)]
#: Number words that text2num reads into one figure with their neighbours ('twenty-five', 'one
#: hundred and twenty'); the words alone are read by WORD_NUMBERS.
_COMPOUND = re.compile(r"\b(?:" + "|".join(_TENS) + r"|hundred|thousand)\b")
_TENS_UNITS = re.compile(r"\b(" + "|".join(_TENS) + r") - (" + "|".join(_UNITS) + r")\b")
#: 'one' and 'zero' are idioms more often than counts ('one of', 'no one', 'zero tolerance').
_IDIOMS = frozenset(("one", "zero"))
#: The number words a token is read as, idioms left out.
_WORD_VALUES = {word: value for word, value in WORD_NUMBERS.items() if word not in _IDIOMS}

#: The years a news story names: a four-digit figure in this range is a year, not a count. News copy
#: writes counts in the thousands with a comma ('2,012 deaths'), so '2012' is a year.
FIRST_YEAR, LAST_YEAR = 1900, 2100

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
#: A time of day ('12:42'): one figure to grounding, its own kind of value to the merge.
CLOCK_TIME = re.compile(r"(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\b")

#: A whole and a fraction, as rates are written ('4-1/2 to 4-3/4 percent', folded '4 - 1/2'): one figure.
_MIXED_FRACTION = re.compile(r"(?<![\d.,/])(\d+)(?: - | )([1-9])/([248])(?![\d/])")


def _mixed(match: re.Match[str]) -> str:
    whole, top, bottom = (int(part) for part in match.groups())
    return f"{whole + top / bottom:g}" if top < bottom else match[0]


def _compounds(folded: str) -> str:
    """The folded text with number-word compounds as digits: 'twenty - five' (plain() spaced the hyphen)
    is 25, 'one hundred and twenty' 120 (text2num); and '4 - 1/2' as 4.5."""
    if "/" in folded:
        folded = _MIXED_FRACTION.sub(_mixed, folded)
    if not _COMPOUND.search(folded):
        return folded
    return str(alpha2digit(_TENS_UNITS.sub(r"\1-\2", folded), "en"))


#: In the other shipped languages a comma marks decimals ('6,9') and a dot or a space groups thousands
#: ('1.037', '2 012'); French and Portuguese write a time of day '13h14', German '14.30 Uhr', Italian
#: 'alle 14.30'.
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:[. ]\d{3})+)(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_HOURS = re.compile(r"\b(\d{1,2}) ?h ?(\d{2})\b")
#: A time of day written with a dot before 'a.m.' or 'p.m.' ('1.02 a.m.', British and copied from a
#: German or Italian article's '1.02 Uhr'): a time, 1:02, not the decimal 1.02.
_DOTTED_CLOCK = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{2}) ?(?=[ap]\.? ?m\b)")


def _clock_marks(where: str) -> str:
    """The words of every shipped language that make a figure a time of day (text/data/<lang>/
    clock_marks.txt), `where` they stand ('after' it: 'heures', 'horas', 'Uhr'; 'before': 'alle'), as
    an alternation."""
    marks = (entry.split("|") for entry in every_language("clock_marks"))
    words = {fold(word.strip()) for word, side in marks if side.strip() == where}
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


#: A time of day marked by the language's clock words: '19.22 horas', '20.15 Uhr', 'alle 14.30',
#: 'ore 11,45' (a comma only after the word: '1,50 heures' is a duration).
_CLOCK_SAID = re.compile(
    rf"(?<![\d.,:])(\d{{1,2}})[.:h](\d{{2}}) ?(?:{_clock_marks('after')})\b"
    rf"|\b(?:{_clock_marks('before')}) (\d{{1,2}})[.:,](\d{{2}})(?![\d])"
)
#: A full hour so marked: 'peu avant 19 heures', 'um 20 Uhr', '22 horas em Lisboa', 'alle 20'.
_FULL_HOUR = re.compile(
    rf"(?<![\d.,:])(\d{{1,2}}) ?(?:{_clock_marks('after')})\b"
    rf"|\b(?:{_clock_marks('before')}) (\d{{1,2}})(?![\d.,:])"
)


def _said(match: re.Match[str]) -> str:
    hour, minute = match[1] or match[3], match[2] or match[4]
    return f"{hour}:{minute} " if int(hour) <= 24 and int(minute) < 60 else match[0]


def clock_readings(text: str) -> Iterator[float]:
    """The other ways an English briefing writes a time of day of a text in English notation: '19:06'
    as '7:06 p.m.' (706) or, as British copy does, '19.06'; '21:00' or '21 heures' as '9 pm' (9) or
    '9:00 p.m.' (900), a full hour as '21:00' (2100). A time of day past 24 is a duration ('48 heures')."""
    for hours, minutes in CLOCK_TIME.findall(text):
        hour, minute = int(hours), int(minutes)
        yield float(f"{hour}.{minute:02d}")
        if 12 < hour < 24:
            yield float((hour - 12) * 100 + minute)
            if minute == 0:
                yield float(hour - 12)
    for after, before in _FULL_HOUR.findall(text):
        hour = int(after or before)
        if hour <= 24:
            yield float(hour * 100)
            if 12 < hour < 24:
                yield from (float(hour - 12), float((hour - 12) * 100))


#: 'un millón y medio', '2 millions et demi': a figure and a half.
_HALF = re.compile(r"\b(\d+) ((?:[a-z]+ )?)(?:y medio|y media|et demi|et demie)\b")

#: A day written in figures the European way ('12.2.2024', '15.7.'): day, month, then the year.
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}(?![\d]))?")
_MONTH_NAMES = {int(number): word for word, number in reversed(table("months").items())}
#: German gives a time of day with 'Uhr' ('20.15 Uhr', '13:14 Uhr'), or after 'um', 'gegen', 'ab' or
#: 'bis'; any other pair of figures joined by a colon is a score ('mit 25:22 nach Verlängerung').
_UHR = re.compile(r"(?<![\d.,:])(\d{1,2})[.:](\d{2}) ?uhr\b")
_COLON_SCORE = re.compile(
    r"(?<![\d.,:])(?<!um )(?<!gegen )(?<!ab )(?<!bis )(\d{1,3}):(\d{1,3})(?![\d:]| ?uhr\b)"
)

#: A race time in seconds and hundredths, the way Italian sports copy (and others) writes it: '9″80'
#: (folded to "9''80") or '9"80' is 9.80 seconds. Minutes before it ("1'43''65") are left as they are.
_SECONDS = re.compile(r"(?<![\d.,'])(\d{1,2})(?:''|\")(\d{2,3})(?![\d'])")


def in_seconds(folded: str) -> str:
    """The folded text with its race times in seconds written as decimals: "9''80" is 9.80."""
    return _SECONDS.sub(r"\1.\2", folded) if "'" in folded or '"' in folded else folded


#: Portuguese gives a score as '2 x 1' or 'por 2 a 1'.
_PT_SCORE = re.compile(
    r"(?:(?<=por )|(?<![\d.,]))(\d{1,2})(?: ?x ?|(?<=por \d) a |(?<=por \d\d) a )(\d{1,2})(?![\d.,])"
)
#: 'N mil' is N thousand in Spanish and Portuguese ('5 mil pessoas', '1,5 mil'), not 'mil millones'.
_THOUSANDS = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?) mil\b(?! mill| milh)")


def _numeric_date(match: re.Match[str]) -> str:
    day, month, year = int(match[1]), int(match[2]), match[3]
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match[0]
    return f"{day} {_MONTH_NAMES[month]}" + (f" {year}" if year else "") + " "


def in_english_notation(folded: str, lang: str) -> str:
    """A folded text with its figures written the English way: in Spanish, French and German '1.037'
    is 1,037, '6,9' is 6.9, '2 012' is 2,012, '13h14' 13:14 and '12.2.2024' 12 February 2024; in
    German '20.15 Uhr' is 20:15 and '25:22' a score, 25-22. In every language a race time "9''80" is
    9.80; English is otherwise left as it is."""
    folded = in_seconds(folded)
    if lang == "en":
        return folded
    if lang == "de":
        folded = _COLON_SCORE.sub(r"\1-\2", _UHR.sub(r"\1:\2 uhr", folded))
    if lang == "pt":
        folded = _PT_SCORE.sub(r"\1-\2", folded)
    folded = _NUMERIC_DATE.sub(_numeric_date, folded)
    folded = _CLOCK_SAID.sub(_said, folded)
    folded = _HALF.sub(r"\1.5 \2", _HOURS.sub(r"\1:\2", folded))
    folded = _GROUPED.sub(lambda m: m[1] + m[2].replace(".", "").replace(" ", ""), folded)
    return _thousands(_DECIMAL_COMMA.sub(".", folded), lang)


def _thousands(folded: str, lang: str) -> str:
    """'2 mil muertos', 'deux mille morts', '3 mila', 'zwei tausend': the figure times a thousand, as
    English writes it (2000); the language's word for a thousand is its number word worth 1000."""
    found = _thousand_pattern(lang)
    if found is None:
        return folded
    pattern, units = found

    def times(match: re.Match[str]) -> str:
        first = match[1]
        value = float(first) if first[0].isdigit() else units[first]
        return f"{value * 1000:g}"

    return pattern.sub(times, folded)


@cache
def _thousand_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, float]] | None:
    """The language's 'N thousand' (None when it has no word for a thousand), with its unit words."""
    words, _ = _number_words(lang)
    thousand = [word for word, value in words.items() if value == 1000]
    if not thousand:
        return None
    units = {word: value for word, value in words.items() if value < 1000}
    before = "|".join([r"\d+(?:\.\d+)?", *(re.escape(u) for u in sorted(units, key=len, reverse=True))])
    return re.compile(rf"\b({before}) (?:{'|'.join(thousand)})\b"), units


@cache
def _number_words(lang: str) -> tuple[dict[str, float], re.Pattern[str]]:
    # A language not shipped has no number words the checks can read.
    words = (
        {word: float(value) for word, value in table("number_words", lang).items()}
        if lang in LANGUAGES
        else {}
    )
    words |= _ages(words, lang)
    return words, re.compile(
        r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b" if words else r"(?!)"
    )


def _ages(words: dict[str, float], lang: str) -> dict[str, float]:
    """A number written as one word with what it counts (text/data/<lang>/age_endings.txt, then
    compound_endings.txt): 'undicenne' (11, its last vowel elided), 'elfjährige', 'vierbaans' (four-lane)."""
    endings: list[str] = []
    for name in ("age_endings", "compound_endings"):
        with suppress(FileNotFoundError):  # a language that writes them apart ('11 años', 'four-lane')
            endings += word_list(name, lang)
    aged: dict[str, float] = {}
    for word, value in words.items():
        stems = {word, word[:-1]} if word[-1] in "aeiou" else {word}
        aged |= {stem + ending: value for stem in stems for ending in endings}
    return aged


def figures(text: str, *, idiomatic: bool = True, folded: bool = False, lang: str = "en") -> Iterator[float]:
    """Every figure in a text, as a value: '2,300' and '2300', '$2.7' and '2.70', 'five' and '5'.

    With `idiomatic` False, the words 'one' and 'zero' are not read as figures ('one of', 'no one').
    `folded` says the text is already folded; `lang` the language whose notation and number words it
    is written in ('6,9' is 6.9 in Spanish and French, 'diez' and 'dix' are 10).
    """
    text = in_seconds(_ISO_DATE.sub(" ", text if folded else fold(text)))
    if "." in text:
        text = _DOTTED_CLOCK.sub(r"\1:\2 ", text)
    if "h" in text:
        # Hours and minutes the French way, also when an English briefing copies them ('in 2h27'): one
        # figure, 2:27, as the article's '2h27' is read, not 2 and a lost 27 (disagree reads it so too).
        text = _HOURS.sub(r"\1:\2", text)
    if lang == "de":
        # A model copies the score '25:22' into its English briefing, where it reads as a time of day.
        yield from (float(a + b.zfill(2)) for a, b in _COLON_SCORE.findall(text) if len(b) <= 2)
    if lang != "en":
        text = in_english_notation(text, lang)
        # An English briefing gives '20.15 Uhr' or '16h30' as '8:15 p.m.', '4:30 p.m.' (read as 815, 430),
        # '19 heures' as '7 pm', British copy 'ore 11,45' as 'at 11.45'.
        yield from clock_readings(text)
        yield from (float(n) * 1000 for n in _THOUSANDS.findall(text))
        words, pattern = _number_words(lang)
        yield from (words[word] for word in pattern.findall(text))
    # A time of day is one figure, however written: '3:05 p.m.' and the bulletin's '305 PM' are 305.
    if ":" in text:
        text = CLOCK_TIME.sub(r"\1\2", text)
    text = _compounds(text)
    for whole, fraction in _NUMBER.findall(text):
        yield float(whole.replace(",", "") + ("." + fraction if fraction else ""))
    for word in _WORD_NUMBER.findall(text):
        if idiomatic or word not in _IDIOMS:
            yield WORD_NUMBERS[word]


def shown(value: float) -> str:
    """A figure as the brief shows it: '2,300', '8.1'."""
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


def is_year(figure: float | str) -> bool:
    """A year, not a count: a whole figure from FIRST_YEAR to LAST_YEAR (as text: four digits, no comma)."""
    if isinstance(figure, str):
        if len(figure) != 4 or not figure.isdigit():
            return False
        figure = float(figure)
    return figure.is_integer() and FIRST_YEAR <= figure <= LAST_YEAR


def ordinal_counts(folded: str, lang: str = "en") -> frozenset[float]:
    """The counts an article gives as ordinals: a 'sixth Champions League win' is six wins, a
    'sixième titre' six titles."""
    found = {_ORDINAL_WORDS[word] for word in _ORDINAL_WORD.findall(folded)}
    if lang != "en" and lang in LANGUAGES:
        local = {word: float(value) for word, value in table("ordinal_words", lang).items()}
        found |= {local[word] for word in re.findall(r"[a-z]+", folded) if word in local}
    return frozenset(found)


_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b")


def joined_totals(folded: str, lang: str = "en") -> frozenset[float]:
    """The totals of two counts a text joins with 'and' ('73 passengers and five crew members': a model
    gives their total, 78), or the language's word for it (text/data/<lang>/joining_words.txt: '149
    pasajeros y los ocho tripulantes', a small word of the language allowed before the second count)."""
    totals = set()
    for first, _, second in _joined(lang).findall(folded):
        a, b = list(figures(first, folded=True, lang=lang)), list(figures(second, folded=True, lang=lang))
        if len(a) == 1 and len(b) == 1:
            totals.add(a[0] + b[0])
    return frozenset(totals)


@cache
def _joined(lang: str) -> re.Pattern[str]:
    shipped = lang if lang in LANGUAGES else "en"
    joining = "|".join(re.escape(fold(w)) for w in word_list("joining_words", shipped))
    small = "|".join(
        re.escape(fold(w)) for w in sorted(word_list("stopwords", shipped), key=len, reverse=True)
    )
    before = rf"(?:(?:{small}) )?" if shipped != "en" else ""
    return re.compile(
        rf"([\d,]*\d|\b[a-z]+\b) ((?:[a-z'-]+ ){{1,3}})(?:{joining}) {before}([\d,]*\d|\b[a-z]+\b) [a-z]"
    )


#: A statement's words, punctuation and figures, each figure with its value.
Token = tuple[str, float | None]
#: The mark put on a time of day's token ('12:42@'): its own measure, never a count.
TIME_MARK = "@"
#: The mark put on an ordinal figure's token ('80th' is '80#'): a point ('the 80th minute'), never a
#: count ('120 minutes').
ORDINAL_MARK = "#"
#: A word first: most tokens are words, and the alternatives start with different characters (a letter,
#: a digit, a stop), so their order changes no match, only how soon one is found (a fifth less time).
_TOKEN = re.compile(
    r"([a-z]+(?:'[a-z]+)*)"
    r"|(?<![a-z0-9:])(\d{1,2}:\d\d)(?![\d:])|(?<![a-z0-9])(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th)?(%?)"
    r"|([;,.!?])"
)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _afternoon(found: list[Token], back: int) -> None:
    """The time of day `back` tokens before a 'p.m.' (in `found`, read so far), in the afternoon."""
    token, value = found[-back]
    if token.endswith(TIME_MARK) and value is not None and value < 1200:
        found[-back] = (token, value + 1200)


#: The words a time of day is read with: its clock words ('midnight') and the 'm' and 'pm' after it.
_TIME_WORDS = frozenset((*_CLOCK_WORDS, "m", "pm"))


def tokens(folded: str) -> list[Token]:
    """The words and punctuation of a folded text, each figure with its value ('3%' is 3 then '%'),
    a time of day as one figure (12:42 is 1242, 8:12 p.m. 2012, midnight 2400, marked TIME_MARK), an
    ordinal marked ORDINAL_MARK."""
    found: list[Token] = []
    for word, clock, number, ordinal, percent, stop in _TOKEN.findall(_compounds(folded)):
        if word:  # most tokens: asked first (one match fills one group of the six)
            if word not in _TIME_WORDS:  # most words: one look-up, not three tests
                found.append((word, _WORD_VALUES.get(word)))
                continue
            if word in _CLOCK_WORDS:
                found.append((word + TIME_MARK, _CLOCK_WORDS[word]))
                continue
            if word == "m" and len(found) > 2 and found[-1][0] == "." and found[-2][0] == "p":
                _afternoon(found, 3)  # '8:12 p.m.' is 20:12
            elif word == "pm" and found:
                _afternoon(found, 1)
            found.append((word, _WORD_VALUES.get(word)))
        elif clock:
            hours, minutes = clock.split(":")
            found.append((clock + TIME_MARK, float(int(hours) * 100 + int(minutes))))
        elif number:
            digits = number.rstrip(",")
            if _DIGITS.fullmatch(digits):
                found.append((digits + (ORDINAL_MARK if ordinal else ""), float(digits.replace(",", ""))))
            if digits != number:  # '1,782, according to ...': the comma ends the figure's phrase
                found.append((",", None))
            if percent:
                found.append(("%", None))
        else:
            found.append((stop, None))
    return found
