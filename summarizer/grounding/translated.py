"""A name the model translated, found in the article's own form: 'Pope Francis' in a French article
that says 'le pape François', 'Federal Reserve' in a Spanish one that says 'Reserva Federal'; and an
organisation whose words the article gives in another order ('the Federal Reserve's Open Market
Committee' for the Federal Open Market Committee)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..text.countries import country_words
from ..text.lexicon import LANGUAGES, word_list
from ..text.normalize import STOPWORDS, fold, rendered
from ..text.numbers import WORD_NUMBERS
from .acronyms import acronym_written, initials, short_form_written
from .facts import ArticleFacts

__all__ = [
    "WORDS_APART",
    "article_form",
    "cognate",
    "glossary",
    "initials_given",
    "names_without_figures",
    "one_word",
    "translations",
    "word_given",
]

#: How many other words may stand among a name's words in the article ('Reserva Federal de Estados
#: Unidos', 'Federal Reserve's Open Market Committee'): the name's own length plus this.
WORDS_APART = 2
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def article_form(name: str, facts: ArticleFacts) -> str | None:
    """The article's own words for the name, as it writes them ('pape François'), when each word of
    the name, or its translation into the article's language (text/data/<lang>/glossary.txt), stands
    in the article close to the others, in any order; None otherwise."""
    words = [w for w in re.findall(r"[a-z0-9_]+", _phrases(fold(name), facts.lang)) if w not in STOPWORDS]
    words = [w for w in words if len(w) > 1]
    if not words:
        return None
    wanted = [{word, *glossary(facts.lang).get(word, ())} for word in words]
    tokens = [(m.start(), m.end(), fold(m[0])) for m in _TOKEN.finditer(facts.plain)]
    width = len(words) + WORDS_APART
    compounds = facts.lang in _COMPOUNDING
    for first in range(len(tokens)):
        window = tokens[first : first + width]
        if not any(_fits(window[0][2], forms, compounds) for forms in wanted):
            continue
        taken = _match(wanted, [token for _, _, token in window], compounds)
        if taken is not None:
            return facts.plain[window[min(taken)][0] : window[max(taken)][1]]
    return None


#: Languages that write a name's words as one ('Zentralbank', 'Innenministerium'): a translated word
#: may be a part of one of the article's words, and one word may hold several.
_COMPOUNDING = frozenset(("de", "nl"))
#: The shortest part of a compound word that counts as a word of a name.
_PART = 4


def _fits(token: str, forms: set[str], compounds: bool) -> bool:
    if token in forms:
        return True
    return compounds and any(len(form) >= _PART and form in token for form in forms)


def _match(wanted: list[set[str]], window: list[str], compounds: bool = False) -> list[int] | None:
    """A position of the window for each wanted word, if there is one (greedy, in order): distinct
    positions, except that parts of one compound word share it."""
    taken: list[int] = []
    for forms in wanted:
        spot = next((i for i, token in enumerate(window) if token in forms and i not in taken), None)
        if spot is None and compounds:
            spot = next((i for i, token in enumerate(window) if _fits(token, forms, True)), None)
        if spot is None:
            return None
        taken.append(spot)
    return taken


def cognate(word: str, known: str) -> bool:
    """Two spellings of one name in two languages ('Katmandou' and 'Kathmandu', 'Virgenes' and
    'Virgin', 'Bartolome' and 'Barthelemy'), folded: their first four letters are one, an 'h' apart,
    and their lengths within three letters. Only for a language a model translates from."""
    return any(
        min(len(a), len(b)) >= _PART + 1 and a[:_PART] == b[:_PART] and abs(len(a) - len(b)) <= 3
        for a, b in ((word.replace("h", ""), known.replace("h", "")), (_read(word), _read(known)))
    )


@lru_cache(maxsize=1 << 16)  # asked of every word of the article for each name not found as written
def _read(word: str) -> str:
    """A folded word with the letters that render one sound two ways read alike and its 'h's out:
    'Elizabeth' and 'Elisabetta' are 'elisabet' and 'elisabetta'."""
    return rendered(word).replace("h", "")


def one_word(a: str, b: str) -> bool:
    """Two folded words are one word in two languages: one English word of the glossaries has both
    among its forms ('coppa' and 'copa' are each a 'cup'), or one is the other's English word."""
    return a == b or bool(_senses().get(a, frozenset()) & (_senses().get(b, frozenset()) | {b}))


@cache
def _senses() -> dict[str, frozenset[str]]:
    """Each form of the shipped glossaries with the English words it stands for, itself included."""
    senses: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for english, forms in glossary(lang).items():
            for form in (english, *forms):
                senses.setdefault(form, {form}).add(english)
    return {form: frozenset(words) for form, words in senses.items()}


def word_given(word: str, facts: ArticleFacts, words: frozenset[str]) -> bool:
    """A folded word of a translated name is one of `words` of the article (its capitalised words,
    or all of them): as written, in its translation (the glossary), or spelt the article's way
    (cognate)."""
    forms = {word, *glossary(facts.lang).get(word, ())}
    if forms & words:
        return True
    if facts.lang in _COMPOUNDING and any(len(f) >= _PART and f in known for f in forms for known in words):
        return True
    return any(cognate(word, known) for known in words)


def _phrases(folded: str, lang: str) -> str:
    """The name with the glossary's phrases as one word ('world cup' is 'world_cup', the Spanish
    'Mundial'): a phrase of English is one word of the article's language."""
    for phrase in _phrase_keys(lang):
        folded = re.sub(rf"(?<![a-z]){phrase}(?![a-z])", phrase.replace(" ", "_"), folded)
    return folded


@cache
def _phrase_keys(lang: str) -> tuple[str, ...]:
    return tuple(key.replace("_", " ") for key in glossary(lang) if "_" in key)


@cache
def glossary(lang: str) -> dict[str, tuple[str, ...]]:
    """The words of names a model translates, English word to the language's forms; an English
    phrase ('world cup | mundial') is keyed with its spaces as underscores."""
    if lang == "en" or lang not in LANGUAGES:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for line in word_list("glossary", lang):
        english, *forms = (form.strip() for form in line.split("|"))
        found[english.replace(" ", "_")] = tuple(forms)
    # Countries and their adjectives from CLDR beside the file's words ('french': 'frances', 'franceses').
    for english, local in country_words(lang).items():
        found[english] = tuple(dict.fromkeys(found.get(english, ()) + local))
    return found


def translations(word: str, lang: str) -> frozenset[str]:
    """The article's language's forms of a folded English word, from its glossary ('houses' in German:
    'hauser'); empty when the glossary does not have it (or the language is English or not shipped)."""
    forms = glossary(lang)
    return frozenset(forms.get(word, ()) + forms.get(word.removesuffix("s"), ()))


#: An acronym as an article writes it: two to six capitals ('PT', 'PSDB').
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,5}(?![\w-])")


def initials_given(name: str, facts: ArticleFacts) -> bool:
    """An organisation a model translated ('Workers' Party') that the article gives by the initials
    of its own name ('PT', Partido dos Trabalhadores): the initials of the name's words in the
    article's language (the glossary's form, else the word), in any order, are an acronym the article
    writes in capitals. Two words at least; an article in English has its own initials checked."""
    if facts.lang == "en":
        return False
    if _ACRONYM.fullmatch(name.strip()) and facts.lang in _COMPOUNDING:
        return _compound_initials(name.strip().lower(), facts)
    words = [fold(w).removesuffix("'s").strip("'") for w in re.findall(r"[A-Z][\w'-]*", name)]
    words = [w for w in words if w not in STOPWORDS and len(w) > 1]
    if len(words) < 2:
        return False
    # Not translated: the name's own initials, as the article writes its acronym ('Ibope').
    if acronym_written(initials(words), facts) or short_form_written(words, facts):
        return True
    forms = glossary(facts.lang)
    # A number word is its figure in an acronym ('M5S' for Movimento 5 Stelle, the Five Star Movement).
    letters = sorted(
        f"{WORD_NUMBERS[word]:g}" if word in WORD_NUMBERS else (forms.get(word, ()) or (word,))[0][0]
        for word in words
    )
    return any(sorted(found.lower()) == letters for found in _acronyms(facts.plain))


#: An acronym an article writes with one capital ('Pd', 'M5s', as Italian papers write the parties).
_ONE_CAPITAL = re.compile(r"(?<![\w-])[A-Z][a-z0-9]{1,5}(?![\w-])")


@lru_cache(maxsize=64)
def _acronyms(text: str) -> frozenset[str]:
    """The acronyms the text writes: in capitals and figures ('PSOE', 'M5S'), or with one capital
    ('Pd', 'M5s') inside a sentence, a word the text never writes in small letters nor a small word
    of any language ('Il', 'La': a sentence's first word, capitalised for the sentence)."""
    found = set(_ACRONYM.findall(text))
    small = set(re.findall(r"(?<![\w-])[a-z][a-z0-9]*", text)) | STOPWORDS
    for match in _ONE_CAPITAL.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        opening = not before.strip() or re.search(r"[.!?:;«»\"“”\n]\s*$", before) is not None
        if not opening and match[0].lower() not in small:
            found.add(match[0])
    return frozenset(found)


#: What may end a compound word after its last part: an inflection ('Landeskriminalamts').
_INFLECTION = 3


def _compound_initials(acronym: str, facts: ArticleFacts) -> bool:
    """An acronym whose letters begin the parts of one word of the article, each part a word of its
    language's glossary, as German and Dutch write an office out ('LKA' for 'Landeskriminalamt':
    landes, kriminal, amt; 'BKA' for 'Bundeskriminalamt')."""
    parts = _compound_parts(facts.lang)
    return any(_splits(word, acronym, parts) for word in facts.folded_words if len(word) > 2 * len(acronym))


def _splits(word: str, letters: str, parts: frozenset[str]) -> bool:
    """The word is a part starting with each letter in turn, a linking 's' allowed between two."""
    if not letters:
        return len(word) <= _INFLECTION
    for size in range(len(word), 2, -1):
        head = word[:size]
        if head[0] == letters[0] and head in parts:
            rest = word[size:]
            linked = rest[:1] == "s" and _splits(rest[1:], letters[1:], parts)
            if linked or _splits(rest, letters[1:], parts):
                return True
    return False


@cache
def _compound_parts(lang: str) -> frozenset[str]:
    """The language's words a compound is made of: its glossary's forms, three letters or more."""
    return frozenset(form for forms in glossary(lang).values() for form in forms if len(form) > 2)


#: A run of capitalised words with an English number word among them ('Five Star Movement', 'Group of
#: Seven', 'Big Five'): a name, whose number is no figure of the statement.
_NUMBERED_NAME = re.compile(
    r"(?<![\w'])(?:[A-Z][\w'-]*\s+(?:of\s+)?)*(?:"
    + "|".join(word.capitalize() for word in sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")(?:\s+(?:of\s+)?[A-Z][\w'-]*)*(?![\w'])"
)


def names_without_figures(text: str, facts: ArticleFacts) -> str:
    """The text with the number words of names the model translated taken out, when the article gives
    the name in its own form: 'Five Star Movement' in a Dutch article that writes 'Vijfsterrenbeweging'
    states no figure 5, any more than 'Movimento 5 Stelle' states a count. A figure in words the name
    does not hold, or a name the article does not give, is read as before."""
    if facts.lang == "en" or facts.lang not in LANGUAGES:
        return text

    def blanked(match: re.Match[str]) -> str:
        run = match[0]
        if len(run.split()) < 2 or article_form(run, facts) is None:
            return run
        return " ".join(word for word in run.split() if fold(word) not in WORD_NUMBERS)

    return _NUMBERED_NAME.sub(blanked, text)
