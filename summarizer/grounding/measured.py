"""A figure given in another measure than the article gives it in: '35 days' where the article's 35 are
'35 años', 'more than five hours' where its five are 'cinq millions de signalements', '8.5 percent'
where its 8.5 are millions of devices, '100 centimetres' where its 100 are kilos, '$500 million' where
its 500 million are euros, '6,000 million people' where its 6,000 millions are dollars.

A figure's measure is what the words right beside it say, read in the article's own language
(text/data/<lang>/: time_units, scales, currency_codes, percent_words; units of length and weight are
written alike in every shipped language, text/data/en/units.txt): a unit of time, of length or weight,
a share, a scale (a million of something), and whether it is money and in which currency, or a count
of things after its scale. The finding stands on evidence only: the article states the figure, and
wherever it does, it gives it a measure that is not the statement's. A figure either side gives without
such a word is never questioned: paraphrase ('rose to 35') says nothing against the article; but a
figure a statement leaves bare at its clause's end is read in the measure of the figure before it
('planned to take 36 hours and took 17', where the article's 17 are 'harrowing days').
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..text.lexicon import LANGUAGES, table, word_set
from ..text.normalize import fold
from ..text.numbers import is_year
from .counts import PLURAL, article_figures, figure_tokens, is_noun, token_value
from .facts import ArticleFacts, without_outlets

__all__ = ["THINGS", "Measure", "measure", "mismeasured_figures"]


class Measure(NamedTuple):
    """What the words beside a figure say it measures: its unit ('day', 'kilogram', 'percent',
    'scale'), and its money ('usd', 'eur'), or 'things' for a count named after its scale; None for
    what they do not say."""

    unit: str | None
    money: str | None

    def __str__(self) -> str:
        return " ".join(part for part in self if part)

    def against(self, other: Measure) -> bool:
        """The two say different things: a unit each, and not the same; or money each, not the same."""
        return any(a is not None and b is not None and a != b for a, b in zip(self, other, strict=True))


#: What is counted after a scale, in no currency: '5 millions de signalements', '8.5 million devices'.
THINGS = "things"
#: Words between a scale and what it counts ('millones de dólares', 'milioni di euro').
_OF = frozenset("of de d di del des du von van da do".split())
#: A dollar sign with the letters of its country before it: 'R$' is the Brazilian real, 'US$' the dollar.
_DOLLAR = re.compile(r"(?<![a-z])(us|[a-z]{1,2})?\$")


def mismeasured_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives in a measure that the article gives them in nowhere, while wherever it
    states them it gives another ('35 (day; the article: year)')."""
    mine = figure_tokens(_marked(without_outlets(fold(text), facts.outlets)))
    theirs, where = article_figures(_marked(facts.counted), facts.lang)
    found = []
    for index, token in enumerate(mine):
        value = token_value(token)
        if value is None or is_year(value) or value not in facts.values:
            continue
        if index and token_value(mine[index - 1]) is not None:
            continue  # 'three hundred thousand', '65 to 35': one figure, or a pair the score checks read
        said = measure(mine, index, "en", counts=True)
        if said == (None, None):
            said = _sibling_measure(mine, index)
        places = where.get(value, [])
        if said == (None, None) or not places:
            continue
        stated = [measure(theirs, at, facts.lang) for at in places]
        # '$6bn' where the article's 6 are hours and its 6,000 millions the dollars: a scale changes the
        # figure, so a scaled figure is set only against the article's scaled ones.
        if said.unit == "scale":
            stated = [other for other in stated if other.unit == "scale"]
        if stated and all(said.against(other) for other in stated):
            given = "/".join(sorted({str(m) for m in stated}))
            found.append(f"{token} ({said}; the article: {given})")
    return found


#: How far back a figure left bare at its clause's end takes the measure of the one before it.
SIBLING_REACH = 6


def _sibling_measure(tokens: list[str], index: int) -> Measure:
    """The measure of a figure a statement leaves bare at its clause's end, from the figure before it
    in the same sentence: 'planned to take 36 hours and took 17' gives 17 hours."""
    if tokens[index + 1 : index + 2] not in ([], ["."], [";"], [","]):
        return Measure(None, None)
    for at in range(index - 1, max(-1, index - 1 - SIBLING_REACH), -1):
        if tokens[at] in ".;:!?":
            break
        if token_value(tokens[at]) is not None:
            return measure(tokens, at, "en")
    return Measure(None, None)


def _marked(folded: str) -> str:
    """A folded text with its money signs and percent signs as words ('usd 500', '8.5 percent'), which
    the figure tokens otherwise leave out."""
    folded = _DOLLAR.sub(lambda m: " usd " if m[1] in (None, "us") else f" {m[1]}dollar ", folded)
    return folded.replace("%", " percent ")


def measure(tokens: list[str], index: int, lang: str, *, counts: bool = False) -> Measure:
    """What the words beside the figure at `index` say it measures, in the language `lang`; with
    `counts`, a plural noun after a scale is a count of things ('6,000 million people'), which only an
    English statement's words can say for sure."""
    words = _words(lang)
    before = tokens[index - 1] if index else ""
    money = _currency(before, words.currencies)
    after = [_unelided(token) for token in tokens[index + 1 : index + 5]]
    first = after[0] if after else ""
    if first in words.percent and (first != "per" or after[1:2] in (["cent"], ["cento"])):
        return Measure("percent", money)
    # '$4bn' is a scale; 'm' is metres or millions ('$550m', 'the 624m shaft'): it says nothing for sure.
    if first in words.scales or (first in words.short_scales and first not in words.units):
        counted = next((token for token in after[1:] if token not in _OF), "")
        named = _currency(counted, words.currencies)
        if money and named and money != named:
            return Measure("scale", None)  # 'R$ 1 milhão de euros': the page says two things
        money = money or named
        if money is None and counts and _counted(counted):
            money = THINGS
        return Measure("scale", money)
    # 'the 17 harrowing days': one word may say how before the unit says what.
    for word in after[:2] if first.isalpha() and first not in _OF else after[:1]:
        if word in words.times:
            return Measure(words.times[word], money)
        if word in words.units and word not in words.short_scales:
            return Measure(words.units[word], money)
    return Measure(None, money or _currency(first, words.currencies))


def _counted(word: str) -> bool:
    """A word after a scale that names what is counted: 'people', or another plural noun ('devices')."""
    return word == "people" or (is_noun(word) and PLURAL.fullmatch(word) is not None)


def _currency(token: str, currencies: dict[str, str]) -> str | None:
    if token in currencies:
        return currencies[token]
    return token if token.endswith("dollar") and len(token) <= len("dollar") + 2 else None


def _unelided(token: str) -> str:
    """'d'euros' is 'euros'."""
    return token.rpartition("'")[2]


class _Words(NamedTuple):
    percent: frozenset[str]
    scales: frozenset[str]
    short_scales: frozenset[str]
    currencies: dict[str, str]
    times: dict[str, str]
    units: dict[str, str]


@cache
def _words(lang: str) -> _Words:
    """The measure words of the language `lang` and of English (an article's '$', 'km' and 'kg' are
    written alike everywhere); for a language not shipped, English's only, and no words of time (one
    language's unit of time is another's small word: the French 'an')."""
    langs = ("en", lang) if lang in LANGUAGES and lang != "en" else ("en",)
    return _Words(
        percent=frozenset(w for each in langs for w in word_set("percent_words", each)),
        scales=frozenset(w for each in langs for w in word_set("scales", each)),
        short_scales=frozenset(table("scale_abbreviations")),
        currencies={k: v for each in langs for k, v in table("currency_codes", each).items()},
        times=table("time_units", lang) if lang in LANGUAGES else {},
        units=table("units"),
    )
