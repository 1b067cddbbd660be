"""A figure given in a unit the article never gives it in, and gives to another figure: '12 minutes' where
the article's 12 are months and the match lasted 'two hours and 27 minutes'; 'the 1,500 firefighters'
where its 1,500 are visitors and its firefighters 400; 'led the Church for 95 years' where 95 is his age
and he led it for eight years. The unit is the plural noun right after the figure, read in the article's
language (the glossary), or the noun after words that say which ('150 German teenagers' where the
article's 150 are all aboard and its German teenagers 16), or one counted in the singular ('19 crew',
text/data/en/collective_nouns.txt); the finding stands on evidence only: the article states that unit,
with the words that say which, with another figure (its '12 crew' say nothing against '9 cabin crew').
Measured on the tuning parts (issue #27): 12 of 78 planted errors that reached the brief caught, then
3 of 92 figures swapped more by the noun past its words and in the singular; no faithful item of any
part or style dropped more."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import LANGUAGES, every_language, table, word_set
from ..text.normalize import STOPWORDS, fold
from ..text.numbers import is_year
from .counts import (
    PLURAL,
    article_figures,
    counts_the_same,
    figure_tokens,
    is_noun,
    token_value,
    toll_words,
    whole_of,
)
from .facts import ArticleFacts, without_outlets
from .owners import ARTICLES as _ARTICLES
from .owners import OF_WORDS as _OF
from .translated import translations

__all__ = ["REPEATED_FROM", "TOLL_BEFORE", "UNIT_AFTER", "misunited_figures", "repeated_figures"]

#: How many of the article's words after a figure are read for its unit ('11 Boeing 737 Max 8',
#: 'three Navy SEALs', '400 sapeurs-pompiers').
UNIT_AFTER = 3
#: How many words before an article's figure are read for the toll it counts ('toll rises to 57').
TOLL_BEFORE = 10
#: Words a figure is written with that are no unit of it ('95 years old', '25 per cent', 'a total of').
_NOT_UNITS = frozenset(("old", "percent", "cent", "total", "number", "toll", "tally"))
_SENTENCE = frozenset(".;:!?()")
#: The smallest figure read for repeats: smaller ones stand for several things in one statement.
REPEATED_FROM = 10


def misunited_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives in a unit ('40 nationalities') that the article states them in nowhere,
    while it states that unit with another figure ('35 nationalities'); shown as '40 (nationalities)'.

    The unit is a plural noun right after the figure, or a noun joined to it ('a 53-yard kick'). Where
    the article gives a figure with no noun after it, its unit is the one its sentence's nearest other
    figure is given in ('planned to take 36 hours, instead it took 22'), or the noun it is 'of' ('at the
    age of 95')."""
    folded = fold(text)
    mine = figure_tokens(folded)
    theirs, where = article_figures(facts.counted, facts.lang)
    found = []
    for index, token in enumerate(mine[:-1]):
        value = token_value(token)
        if value is None or is_year(value) or value not in facts.values:
            continue
        # '56 percent of ballots', '55.54% of the ballots': a share counts what it is of.
        share = _share_start(mine, index)
        head = _head(mine, index) if share is None else None
        unit = mine[share if share is not None else head or index + 1]
        if (
            not unit.isalpha()
            or unit in _NOT_UNITS
            or not is_noun(unit)
            or mine[index + 2 : index + 3] == ["old"]
        ):
            continue  # '95 years old' is an age, however the article writes it
        joined = re.search(rf"(?<![\w.,]){re.escape(token)}-{re.escape(unit)}\b", folded) is not None
        if not (PLURAL.fullmatch(unit) or joined or share is not None or head) or not _readable(unit, facts):
            continue
        if index > 0 and token_value(mine[index - 1]) is not None:
            continue  # a pair or a range ('65 to 35', '7 6'): read by the checks of scores and ranges
        places = where.get(value, [])
        if not places:
            continue
        # '190-point lead' for the article's '190 lead': the word after the unit may be what it counts.
        start = share or index + 1
        said = [w for w in mine[start : max(start + 2, (head or 0) + 1)] if w.isalpha()]
        if any(_same(said, _unit(theirs, i, facts.lang), facts) for i in places):
            continue
        others = (
            i for figure, spots in where.items() if figure != value and not is_year(figure) for i in spots
        )
        # '150 German teenagers' is set against the article's '16 German teenagers', not '9 cabin crew'
        # against its '12 crew': a wider word with another figure says nothing against the narrower.
        which = mine[index + 1 : head] if head else []
        if any(all(_counts(w, _unit(theirs, i, facts.lang), facts) for w in (*which, unit)) for i in others):
            found.append(f"{token} ({unit})")
    return found


#: How many words may stand between a figure and the noun it counts ('150 German teenagers', '11,800
#: commercial flights'), and the nouns that count people in the singular ('19 crew', '33 staff').
MODIFIERS_BEFORE = 2
_COLLECTIVE = word_set("collective_nouns")


def _head(tokens: list[str], index: int) -> int | None:
    """Where the noun stands that the figure at `index` counts when words that say which stand before
    it: '150 German teenagers', '12 cabin crew'; a noun counted in the singular ('19 crew') is its own
    head. None when the word after the figure is already its plural noun, or no head follows."""
    for at in range(index + 1, min(len(tokens), index + 2 + MODIFIERS_BEFORE)):
        word = tokens[at]
        if word in _COLLECTIVE:
            return at
        if not _modifier(word):
            return None
        if PLURAL.fullmatch(word) and is_noun(word):
            return at if at > index + 1 else None
    return None


def _modifier(word: str) -> bool:
    """A word that may say which between a figure and its noun ('German', 'cabin', 'commercial'): not a
    small word, a number or an ordinal ('two fourth-quarter touchdowns'), nor a verb's participle, which
    says what happened ('MAX 8 crashed minutes after', 'six missing workers')."""
    return (
        word.isalpha()
        and len(word) > 2  # '14th Roland-Garros' is a rank: 'th' is no word that says which
        and word not in STOPWORDS
        and word not in _PLACING
        and word not in _NOT_UNITS
        and word not in _ORDINALS
        and token_value(word) is None
        and not word.endswith(("ed", "ing"))
    )


_ORDINALS = frozenset(table("ordinal_words"))


def _same(said: list[str], theirs: list[str], facts: ArticleFacts) -> bool:
    """The article's unit words hold one of the statement's (of those read in the article's language)."""
    return any(_counts(word, theirs, facts) for word in said if _readable(word, facts))


def _counts(word: str, theirs: list[str], facts: ArticleFacts) -> bool:
    """The article's words after a figure hold the statement's unit: translated (counts.counts_the_same),
    or, where the glossary has no translation, the word itself, which the article writes too ('sets' in
    a French article's 'trois sets')."""
    if facts.lang != "en" and not translations(word, facts.lang):
        return any(w == word or w == word.removesuffix("s") for w in theirs)
    return counts_the_same(word, theirs, facts.lang)


def _readable(word: str, facts: ArticleFacts) -> bool:
    """An English word the checks can look for in the article's language: any in an English article,
    one the glossary translates in another ('firefighters', 'pompiers'), or one the article writes
    itself ('sets', 'Boeing')."""
    return facts.lang == "en" or bool(translations(word, facts.lang)) or word in facts.folded_words


def _unit(tokens: list[str], index: int, lang: str) -> list[str]:
    """What the article's figure at `index` counts: the nouns among the words after it; else
    the noun it is 'of' ('the age of 95'); else the unit of its sentence's nearest other figure."""
    if (whole := whole_of(tokens, index)) is not None:
        return _unit(tokens, whole, lang)  # '35 out of 150 seats': seats, as the whole
    share = _share_start(tokens, index)
    after = [word for word in _after(tokens, index if share is None else share - 1) if _counting(word, lang)]
    if after:  # '6 missing workers', '181 were passengers', 'its 15th final'
        return after
    if index >= 2 and tokens[index - 1] in _OF and _counting(tokens[index - 2], lang):
        return [tokens[index - 2]]
    # 'the death toll rises to 57, 56 passengers still missing': the toll before it is what 57 counts;
    # 'taking the number of bodies recovered to 232', what the number counts.
    for at in range(index - 1, max(0, index - TOLL_BEFORE) - 1, -1):
        token = tokens[at]
        if token in _SENTENCE or token == "," or token_value(token, lang) is not None:
            break
        if token in toll_words(lang) or (_counting(token, lang) and _counted_by(tokens[:at])):
            return [token]
    for distance in range(1, 12):
        for at in (index - distance, index + distance):
            if not 0 <= at < len(tokens) or token_value(tokens[at], lang) is None:
                continue
            between = tokens[min(at, index) + 1 : max(at, index)]
            if any(token in _SENTENCE for token in between):
                continue
            near = [word for word in _after(tokens, at) if _counting(word, lang)]
            if near:
                return near
    return []


#: The nouns that give a figure what it counts after 'of', in every shipped language ('the number of',
#: 'el número de', 'die Zahl der'): text/data/<lang>/count_nouns.txt.
_COUNT_NOUNS = frozenset(every_language("count_nouns"))


def _counted_by(before: list[str]) -> bool:
    """The words before a noun end with a count noun and 'of' ('the number of', 'il numero dei', 'die
    Zahl der'): the noun is what the count counts."""
    tail = before[-3:]
    while tail and (tail[-1] in _OF or tail[-1] in _ARTICLES):
        tail = tail[:-1]
    return len(tail) < len(before[-3:]) and bool(tail) and tail[-1] in _COUNT_NOUNS


#: Words that start what places a figure, not what it counts ('drawn four in the run-up to the final').
_PLACING = frozenset(
    "in on at for from to by with after before since during into near and or but "
    "en dans pour par sur avec apres avant depuis entre con por desde tras nel nella "
    "im am bei nach vor seit".split()
)
#: The words that make a figure a share, in every shipped language that lists them ('percent', 'por
#: ciento', 'pour cent'): text/data/<lang>/percent_words.txt.
_PERCENT = frozenset(every_language("percent_words"))


def _share_start(tokens: list[str], index: int) -> int | None:
    """Where what the share at `index` is of begins: 'ballots' in '56 percent of ballots' and in '55.54
    of the ballots' (its % sign not a token); None when the figure is not followed by 'of'."""
    at = index + 1
    while at < len(tokens) and tokens[at] in _PERCENT:
        at += 1
    if at >= len(tokens) or tokens[at] not in _OF:
        return None
    at += 1
    # 'of the', 'de los': an article may stand before it; 'more than 200 of them' is no share of a thing.
    while at < len(tokens) and tokens[at] in _ARTICLES:
        at += 1
    return at if at < len(tokens) and tokens[at].isalpha() and tokens[at] not in STOPWORDS else None


def _counting(word: str, lang: str) -> bool:
    """A word that can say what a figure counts, in the article's language."""
    return word.isalpha() and word not in _NOT_UNITS and is_noun(word) and word not in _stopwords(lang)


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return word_set("stopwords", lang) if lang in LANGUAGES else frozenset()


def _after(tokens: list[str], index: int) -> list[str]:
    """The article's words right after the figure at `index`, up to the next figure or punctuation."""
    ahead: list[str] = []
    for token in tokens[index + 1 :]:
        if not token[0].isalpha() or token in _PLACING or len(ahead) >= UNIT_AFTER:
            break
        # 'four members of the crew': the noun 'of' names is what is counted too.
        if token not in _OF and token not in _ARTICLES:
            ahead.append(token)
    return ahead


def repeated_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives more often, for other things, than the article states them: '499 points
    and Gjon's Tears third with 499' where the article gives 499 once, to Barbara Pravi, and 432 to
    Gjon's Tears; one of the two is another figure of the article moved onto the second thing. A
    figure repeated with the same noun after it is one quantity said twice ('the 17 harrowing days ...
    took 17 days'); a figure under REPEATED_FROM is left alone ('two goals', 'two years running')."""
    mine = figure_tokens(without_outlets(fold(text), facts.outlets))
    _, where = article_figures(facts.counted, facts.lang)
    seen: dict[float, list[int]] = {}
    for index, token in enumerate(mine):
        value = token_value(token)
        if value is None or value < REPEATED_FROM or is_year(value) or value not in facts.values:
            continue
        if token_value(mine[index - 1] if index else "") is not None or (
            index + 1 < len(mine) and token_value(mine[index + 1]) is not None
        ):
            continue  # a pair, a score or a range ('6-2 6-2')
        seen.setdefault(value, []).append(index)
    found = []
    for value, spots in seen.items():
        stated = len(where.get(value, []))
        if len(spots) < 2 or not 0 < stated < len(spots):
            continue
        units = [{w for w in mine[i + 1 : i + 3] if _counting(w, "en")} for i in spots]
        if any(a & b for n, a in enumerate(units) for b in units[n + 1 :]):
            continue
        found.append(
            f"{mine[spots[0]]} (given {len(spots)} times, for other things; the article states it {stated})"
        )
    return found
