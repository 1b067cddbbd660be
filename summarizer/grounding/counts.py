"""What a figure counts: a figure is supported only where the article states it for the same thing.
'At least 120 people died' where the article's 120 are injured; '19 survivors' where its 19 are
children who died. The tolls are read in each shipped language (text/data/<lang>/tolls.txt)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..text.language import MONTH_NUMBERS
from ..text.lexicon import LANGUAGES, every_language, table, word_set
from ..text.normalize import STOPWORDS, fold, stem_word
from ..text.numbers import WORD_NUMBERS, figures, is_year
from .facts import ArticleFacts
from .owners import ARTICLES, OF_WORDS
from .ranges import moved_range_ends
from .translated import translations

__all__ = [
    "MEASURE_AFTER",
    "MEASURE_BEFORE",
    "PLURAL",
    "SENTENCE_BEFORE",
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "article_figures",
    "counts_the_same",
    "figure_tokens",
    "counted_otherwise",
    "is_noun",
    "miscounted_figures",
    "miscounts",
    "quantity_words",
    "token_value",
    "toll_words",
    "whole_of",
]

#: Words of a statement read after and before a figure, within its clause, for what it counts ('120
#: people are known to have died', 'the toll rose to 71').
MEASURE_AFTER, MEASURE_BEFORE = 8, 4
#: Words of the article read after and before each place it states the figure, within its clause.
WINDOW_AFTER, WINDOW_BEFORE = 6, 4
#: How far back in its sentence an election's quantity is read for a figure nothing nearer counts.
SENTENCE_BEFORE = 25
_TOKEN = re.compile(r"\d[\d,]*\d(?:\.\d+)?|\d(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[.,;:!?()]")
_STOPS = frozenset(".,;:!?()")
_NOT_MEASURES = word_set("not_measures")
#: A plural: '18 days', and the irregular ones a count is given in ('three children', 'two women').
PLURAL = re.compile(r"[a-z-]+[^s]s|children|women|men")
#: The endings of English adjectives ('crucial', 'powerful', 'massive', 'historic', 'notable').
_ADJECTIVE = re.compile(r"[a-z]+(?:al|ful|ous|ive|ic|able|ible|less)")
_MEASURES_BEFORE = frozenset(table("measures_before"))
#: Words that join two clauses, each with its own figure ('seven dead and 120 injured'): a figure's
#: clause ends there.
_JOINS = frozenset(("and", "but", "while", "whereas", "y", "pero", "et", "mais"))


@cache
def toll_words(lang: str | None = None) -> dict[str, str]:
    """The toll words with what they count ('killed' and 'muertos' the dead), and the words of an
    election's quantities ('turnout', 'participation', 'voix'): of the article's language `lang`, since
    one language's toll word is another's small word (the German article 'die' is no English verb);
    of every shipped language for a briefing's text (None) and an article in a language not shipped."""
    found: dict[str, str] = {}
    for each in (lang,) if lang in LANGUAGES else LANGUAGES:
        for name in ("tolls", "quantities", "ranks"):
            try:
                found |= table(name, each)
            except FileNotFoundError:
                continue
    return found


def figure_tokens(folded: str) -> list[str]:
    # 'Fifty-seven passengers' is one figure, 57, not fifty and seven.
    folded = _COMPOUND.sub(lambda m: f"{WORD_NUMBERS[m[1]] + WORD_NUMBERS[m[2]]:g}", folded)
    return _TOKEN.findall(folded.replace("-", " "))


#: An English number written with a hyphen ('fifty-seven', folded 'fifty - seven') or without.
_COMPOUND = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) ?[- ] ?"
    r"(one|two|three|four|five|six|seven|eight|nine)\b"
)


@lru_cache(maxsize=1 << 16)  # a run's words and figures; bounded for a long batch
def token_value(token: str, lang: str = "en") -> float | None:
    """The figure a token gives: digits, or a number word of the language ('nineteen', 'diecinueve')."""
    if token in _STOPS:
        return None
    values = list(figures(token, folded=True, idiomatic=False, lang=lang))
    return values[0] if len(values) == 1 else None


#: Words that make what follows a part of the figure before them ('21 died, including 3 children').
_INCLUDING = frozenset(("including", "among"))


def _toll_of_whole(tokens: list[str], index: int) -> set[str]:
    """The toll of the figure a part is counted in: 'including' or 'among' before the figure at
    `index`, in its sentence with no figure between, makes it a part of the figure before that word,
    which counts its toll ('41 dead, including 4 children' counts four dead children)."""
    for at in range(index - 1, -1, -1):
        token = tokens[at]
        if token in ".;:!?" or token[0].isdigit() or token_value(token) is not None:
            return set()
        if token in _INCLUDING:
            break
    else:
        return set()
    for whole in range(at - 1, -1, -1):
        if tokens[whole] in ".;:!?":
            return set()
        if token_value(tokens[whole]) is not None:
            return _toll(*_around(tokens, whole, MEASURE_BEFORE, MEASURE_AFTER))
    return set()


def _around(tokens: list[str], index: int, before: int, after: int) -> tuple[list[str], list[str]]:
    """The words before and after the figure at `index`, within the sentence and short of the next figure
    (past the whole the figure is a part of: whole_of)."""
    ahead: list[str] = []
    for token in tokens[(whole_of(tokens, index) or index) + 1 :]:
        if token in _STOPS or token in _JOINS or token[0].isdigit() or len(ahead) >= after:
            break
        ahead.append(token)
    behind: list[str] = []
    for token in reversed(tokens[:index]):
        if token in _STOPS or token in _JOINS or token[0].isdigit() or len(behind) >= before:
            break
        behind.append(token)
    return behind, ahead


#: The words that make a figure a part of the whole the next one counts: 'of' and 'out of' in each
#: shipped language (text/data/<lang>/of_words.txt, out_of.txt), an article between.
_PART_OF = OF_WORDS | frozenset(every_language("out_of"))


def whole_of(tokens: list[str], index: int) -> int | None:
    """Where the whole stands that the figure at `index` is a part of: '150' of '35 out of 150 seats',
    '35 de los 150 escaños', '35 sur 150 sièges' (what the part counts is what the whole counts); None
    when no figure follows 'of'."""
    at = index + 1
    while at < len(tokens) and at - index <= 3 and (tokens[at] in _PART_OF or tokens[at] in ARTICLES):
        at += 1
    parted = any(token in _PART_OF for token in tokens[index + 1 : at])
    return at if parted and at < len(tokens) and token_value(tokens[at]) is not None else None


def miscounted_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives as a toll the article never states them as (`_miscounts`), and those
    it gives in a unit the article's same figure is not in ('18 days' for '18-year-old')."""
    return miscounts(text, facts)[0]


def counted_otherwise(text: str, facts: ArticleFacts) -> list[str]:
    """The figures `text` gives with a plural noun the article never writes after them, where neither
    is a unit: '34 counts' for '34 charges', '368 seats' for '368 MPs', and as well '12 houses' for 12
    people. One thing in two words or two things: the words alone cannot say, so such a figure is kept
    and marked, not dropped (issue #27: on 23 tuning parts this reading dropped 21 faithful items and
    caught one planted swap)."""
    return miscounts(text, facts)[1]


def miscounts(text: str, facts: ArticleFacts) -> tuple[list[str], list[str]]:
    """`miscounted_figures` and `counted_otherwise` at once.

    The figures `text` gives as a toll the article never states them as: the article has the figure,
    but wherever it says what it counts, it is another toll ('about 120 people have been injured' for
    'at least 120 people are known to have died'; 'Nineteen children ... died' for '19 survivors').

    A figure's toll is the first toll word after it in its clause (a clause ends at punctuation and at
    'and'), else the nearest before it; in the article, else the first past the 'and'. Tried and left
    out, on the four corpora: requiring the noun after a figure ('buildings', 'minutes') beside it in
    the article dropped 14 to 70 faithful items per corpus (paraphrase: 'rose to 273' for 'the death
    toll ... rose to at least 273, as the search for survivors continued')."""
    mine = figure_tokens(fold(text))
    theirs, where = article_figures(facts.counted, facts.lang)
    found: list[str] = []
    reworded: list[str] = []
    for index, token in enumerate(mine):
        value = token_value(token)
        if value is None or is_year(value) or value not in facts.values:
            continue
        behind, ahead = _around(mine, index, MEASURE_BEFORE, MEASURE_AFTER)
        # 'the magnitude 7.3 temblor': a figure its measure names first counts no toll.
        tolls = set() if behind and behind[0] in _MEASURES_BEFORE else _toll(behind, ahead)
        # 'At least 21 people died, including the driver and 3 children': a part counts what its whole does.
        tolls = tolls or _toll_of_whole(mine, index)
        places = where.get(value, [])
        if not places:
            continue
        # '35 out of 150 seats': the part counts what its whole does.
        windows = [_around(theirs, whole_of(theirs, i) or i, WINDOW_BEFORE, WINDOW_AFTER) for i in places]
        # 'Nineteen children and six adults are thought to have died': a clause without a toll word
        # takes the one its clause goes on to, past the 'and'.
        # 'Le taux de participation ... a baissé, s'établissant à 65,30%': an election's quantity
        # named at the start of the figure's sentence is the figure's, when nothing nearer says.
        counted = [
            _toll(b, a, facts.lang)
            or _toll([], _clause_after(theirs, i), facts.lang)
            or _quantity_before(theirs, i, facts.lang)
            for (b, a), i in zip(windows, places, strict=True)
        ]
        if tolls and all(kinds and not kinds & tolls for kinds in counted):
            found.append(f"{token} ({'/'.join(sorted(tolls))})")
        elif ahead and is_noun(ahead[0]) and PLURAL.fullmatch(ahead[0]) and not _compound(ahead):
            # '18 days' where every 18 of the article is '18-year-old': the plural right after a
            # figure says what it counts, and the article's word after it never is this one. (Any word,
            # not only plurals, dropped faithful items: 'magnitude 8.1 earthquake' for '8.1 quake'.)
            # In another language the plural is looked for as the glossary translates it ('28 houses'
            # where the article's 28 are 'Menschen' and its houses '50 Häuser'); a plural the
            # glossary does not have is not checked. An adjective after the article's figure does not
            # say what it counts ('two crucial blunders' says nothing against 'two errors'); a noun
            # does ('21-year-old').
            nouns = [
                a[0] if a and is_noun(a[0]) and not _ADJECTIVE.fullmatch(a[0]) else None for _, a in windows
            ]
            checkable = facts.lang == "en" or translations(ahead[0], facts.lang)
            same = any(counts_the_same(ahead[0], a, facts.lang) for _, a in windows)
            # Evidence, not a blind spot: two plain nouns may be one thing in two words ('34 counts'
            # for '34 charges', '368 seats' for '368 MPs', '2,629 houses' for '2 629 maisons'); a
            # unit is one thing only ('18 days' is no '18-year-old', '9 minutes' no '9 metres').
            # Each word in its own language: the briefing's in English, the article's in its own (one
            # language's unit of time is another's small word: the French 'an').
            unit = _unit(ahead[0], "en")
            theirs_units = [_unit(a[0], facts.lang) if a else None for _, a in windows]
            measured = unit is not None or any(u is not None for u in theirs_units)
            # One unit however a language writes it: '29 seconds' for '29 Sekunden', 'metres' 'meters'.
            same = same or (unit is not None and unit in theirs_units)
            if checkable and all(nouns) and not same:
                (found if measured else reworded).append(f"{token} ({ahead[0]})")
    return found + moved_range_ends(text, facts), reworded


def _unit(word: str, lang: str) -> str | None:
    """The unit a folded word of the language `lang` gives a figure in, or None: of time ('days',
    'Jahre': 'day', 'year'; '18-year-old' is years) or of measurement ('metres', 'meters': 'metre')."""
    return _units(lang).get(word)


@cache
def _units(lang: str) -> dict[str, str]:
    """English's units and the language's words of time (none for a language not shipped)."""
    return table("units") | table("time_units") | (table("time_units", lang) if lang in LANGUAGES else {})


@lru_cache(maxsize=64)
def article_figures(counted: str, lang: str) -> tuple[list[str], dict[float, list[int]]]:
    """The article's tokens, and where each figure stands among them: read once an article, not once
    for every figure of every item checked against it (a run's checks spent most of their time here)."""
    tokens = figure_tokens(counted)
    where: dict[float, list[int]] = {}
    for index, token in enumerate(tokens):
        value = token_value(token, lang)
        if value is not None and not _day_of_month(tokens, index) and not _clock_part(tokens, index):
            where.setdefault(value, []).append(index)
    return tokens, where


def _clock_part(tokens: list[str], index: int) -> bool:
    """The figure at `index` is the hour or the minutes of a time ('6:05 remaining', read '6 : 05'): a
    time is one figure (text.numbers reads it so), not a 6 and a 5 counting what follows them."""
    after = tokens[index + 1 : index + 3]
    if len(after) == 2 and after[0] == ":" and _MINUTES.fullmatch(after[1]):
        return tokens[index].isdigit()
    before = tokens[max(0, index - 2) : index]
    return (
        len(before) == 2
        and before[1] == ":"
        and before[0].isdigit()
        and bool(_MINUTES.fullmatch(tokens[index]))
    )


_MINUTES = re.compile(r"\d\d")


def _day_of_month(tokens: list[str], index: int) -> bool:
    """The figure at `index` is a day of a month ('the Jan. 13 accident', '13 gennaio'): a date says
    nothing of what the same figure counts elsewhere ('raising to 13 the number of people dead')."""
    before = tokens[index - 2 : index] if index >= 2 else tokens[:index]
    before = [token for token in before if token != "."][-1:]
    after = tokens[index + 1 : index + 2]
    # '13 may have died': 'may' after a figure is a month only before a year or the sentence's end.
    if after == ["may"] and tokens[index + 2 : index + 3] and tokens[index + 2][0].isalpha():
        after = []
    return any(token in MONTH_NUMBERS for token in [*before, *after])


def counts_the_same(plural: str, theirs: list[str], lang: str) -> bool:
    """The article's words after a figure (`theirs`) hold the briefing's plural: in English the same
    stem, a derived word or an abbreviation (_says); in another language, a word holding one of its
    translations ('wohnhausern' for 'houses', 'stimmten' for 'votes')."""
    if lang == "en":
        return _says(plural, stem_word(plural), theirs)
    forms = translations(plural, lang)
    return not forms or any(form in word for word in theirs for form in forms)


def _says(word: str, stem: str, after: list[str]) -> bool:
    """The article's words after its figure say what `word` (the statement's, stemmed `stem`) counts:
    the same stem, one derived from another ('rescuers', 'rescue workers'), or its abbreviation
    ('75 bps', '75 basis points')."""
    stems = [stem_word(w) for w in after]
    if stem in stems or any(len(s) >= _STEM and stem.startswith(s) for s in stems):
        return True
    letters = word.removesuffix("s")
    return len(letters) >= 2 and "".join(w[0] for w in after[: len(letters)]) == letters


#: The shortest stem another may be derived from ('rescu' of 'rescuer').
_STEM = 5


def _quantity_before(tokens: list[str], index: int, lang: str | None = None) -> set[str]:
    """The election quantity (quantities.txt) the figure's sentence names before it: 'participation'
    in 'Le chiffre de la participation à 17 heures a baissé, s'établissant à 65,30%'."""
    start = max(0, index - SENTENCE_BEFORE)
    for at in range(index - 1, start - 1, -1):
        token = tokens[at]
        if token in ".;:!?":
            return set()
        if token in quantity_words(lang) and " ".join(tokens[max(0, at - 2) : at + 1]) not in _idioms(lang):
            return {quantity_words(lang)[token]}
    return set()


@cache
def _idioms(lang: str | None) -> frozenset[str]:
    """The phrases in which a quantity word counts nothing (text/data/<lang>/not_quantities.txt): 'la CGT,
    par la voix de son numéro un' speaks through its leader; its 'voix' are no votes."""
    try:
        return word_set("not_quantities", lang) if lang in LANGUAGES else frozenset()
    except FileNotFoundError:
        return frozenset()


@cache
def quantity_words(lang: str | None = None) -> dict[str, str]:
    """An election's quantity words of the article's language `lang` (of every language: None)."""
    found: dict[str, str] = {}
    for each in (lang,) if lang in LANGUAGES else LANGUAGES:
        try:
            found |= table("quantities", each)
        except FileNotFoundError:
            continue
    return found


def _clause_after(tokens: list[str], index: int) -> list[str]:
    """The words after a figure to its clause's end, across 'and' (at most WINDOW_AFTER * 2)."""
    ahead: list[str] = []
    for token in tokens[index + 1 : index + 1 + 2 * WINDOW_AFTER]:
        if token in _STOPS:
            break
        ahead.append(token)
    return ahead


def _compound(ahead: list[str]) -> bool:
    """The plural after a figure is the first of two ('650 Commons seats'): it says which, the second
    what is counted (English puts the head of a compound last)."""
    return len(ahead) > 1 and is_noun(ahead[1]) and PLURAL.fullmatch(ahead[1]) is not None


def is_noun(word: str) -> bool:
    """A word that can say what a figure counts: not a small word, a toll or a word like 'people'."""
    return len(word) > 2 and word not in STOPWORDS and word not in _NOT_MEASURES and word not in toll_words()


def _toll(behind: list[str], ahead: list[str], lang: str | None = None) -> set[str]:
    """The toll a figure counts: the first toll word after it ('120 people have been injured'), else
    the nearest before it ('the dead rose to 90'); none when its clause has none. An elided article
    goes ("l'argento", "dell'oro")."""
    for word in [*ahead, *behind]:
        word = _ELIDED.sub("", word)
        if word in toll_words(lang):
            return {toll_words(lang)[word]}
    return set()


#: The elided article or preposition an Italian or French word is written with: "l'", "dell'", "d'".
_ELIDED = re.compile(r"^[a-z]{1,4}'(?=[a-z]{3})")
