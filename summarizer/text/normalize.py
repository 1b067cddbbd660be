"""Text normalisation shared by grounding and merging: folding, content words, names."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from functools import _lru_cache_wrapper, lru_cache
from typing import TypeVar

import snowballstemmer
from anyascii import anyascii

from .lexicon import table, word_list, word_set

__all__ = [
    "MONTHS",
    "NAME_SUFFIXES",
    "STOPWORDS",
    "TITLES",
    "VAGUE_PLACE",
    "WEEKDAYS",
    "cached",
    "cached_sets",
    "clear_caches",
    "content_words",
    "fold",
    "name_key",
    "plain",
    "rendered",
    "skeleton",
    "spelling",
    "statement_frame",
    "stem_word",
    "surname",
    "transliterated",
    "undoubled",
    "words",
]

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
})  # fmt: skip

STOPWORDS = word_set("stopwords")
#: Words that precede a name without being part of it: 'President Donald Trump' is Trump.
TITLES = word_set("titles")
#: Month names and abbreviations, as articles and timelines write them.
MONTHS = {word: int(number) for word, number in table("months").items()}
#: Words of a place that do not say which place: 'southern Turkey' and 'southern Mexico' do not meet.
VAGUE_PLACE = word_set("vague_places")
WEEKDAYS = word_list("weekdays")
#: Suffixes after a name, short form to long ('Jr' is 'Junior'): never a surname.
NAME_SUFFIXES = {**table("name_suffixes"), **{long: long for long in table("name_suffixes").values()}}
_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")
_DASH = re.compile(r"\s*-\s*")
#: An article or a preposition French and Italian elide onto the next word ('l'', 'd'', 'dell'').
_ELIDED = re.compile(r"^(?:l|d|qu|dell|dall|nell|sull|all|un)'(?=[a-z])")
#: A character the next one repeats: dropped, so a run of one letter is left once. (Deleting with no
#: template, rather than 'r"(.)\1+"' replaced by r"\1", is a quarter of the time: Python 3.11 expands a
#: template in Python for each match, and a merge folds the doubled letters of every statement.)
_DOUBLED = re.compile(r"(.)(?=\1)")
_NOT_CONSONANT = re.compile(r"[aeiouy'.-]")


def plain(text: str) -> str:
    """Compatibility-normalised, straight quotes, one kind of dash, single spaces."""
    if text.isascii():
        # NFKC leaves ASCII as it is, and the backtick is the one ASCII character _QUOTES changes:
        # the translation's per-character dictionary look-ups were a tenth of a 10,000-briefing merge.
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if "-" in text:
        text = _DASH.sub(" - ", text)  # an en dash and a hyphen read alike
    return " ".join(text.split())


def fold(text: str) -> str:
    """plain(), lower case, in ASCII letters: 'Støre' is 'store', 'Đoković' 'dokovic' (anyascii)."""
    # A merge folds each statement several times (grouping, points, figures): short texts are cached.
    return _fold_short(text) if len(text) <= 400 else _fold(text)


def _fold(text: str) -> str:
    text = plain(text)
    if not text.isascii():  # most news copy is ASCII once quotes and dashes are plain
        text = anyascii(text)
    return text.lower()


_Result = TypeVar("_Result")
#: Every cache of texts read, emptied by clear_caches().
_CACHES: list[_lru_cache_wrapper[object]] = []


def cached(function: Callable[..., _Result], size: int = 1 << 15) -> _lru_cache_wrapper[_Result]:
    """The function with its results for the last `size` (32,768) texts kept (a merge reads each
    statement several times: grouping, points, figures), forgotten by clear_caches()."""
    wrapped = lru_cache(maxsize=size)(function)
    _CACHES.append(wrapped)
    return wrapped


#: How many texts' sets of words (or of figures, or measures) are kept: a merge asks for a text's again
#: within its story, never once the story is done, and a kept set is one more object the garbage
#: collector walks at each full collection for as long as it is kept. At 32,768, a 10,000-briefing
#: merge kept 85,000 such objects to the end, and the collector walked them five times.
SETS_KEPT = 1 << 12


def cached_sets(function: Callable[..., _Result]) -> _lru_cache_wrapper[_Result]:
    """cached(), for a function whose results are sets: the last SETS_KEPT texts' kept."""
    return cached(function, SETS_KEPT)


#: Every short text of a merge is folded, and its words read, first by the grouping and again by its
#: story: a 10,000-briefing merge folds 54,518 texts and reads the words of 49,842. Kept for 65,536,
#: they are read once (at 32,768, the grouping's pass had pushed each out before its story came:
#: 88,000 folds, 59,000 readings). A folded text is a string and its words a tuple of strings: the
#: garbage collector stops walking either once it has seen them.
_TEXTS_READ = 1 << 16
_fold_short = cached(_fold, _TEXTS_READ)


def words(text: str, *, folded: bool = False) -> Iterator[str]:
    """The content words of a text, in order and repeated: folded, stop words out, stemmed ('killed'
    and 'killing' are 'kill'; Snowball's English stemmer).

    `folded` says the text is already folded.
    """
    # A statement's words are read once: the grouping counts them, and the points, the figures and the
    # headline's choice ask for them again.
    return iter(_short_words(text, folded) if len(text) <= 400 else _words(text, folded))


def _words(text: str, folded: bool) -> tuple[str, ...]:
    stems = _STEMS
    # One dictionary look-up a word, in a comprehension: a generator doing the suffix, the stop word
    # and the length tests on every word was a quarter of a 10,000-briefing merge (benchmarks/merge.py).
    return tuple([stem for word in _WORD.findall(text if folded else fold(text)) if (stem := stems[word])])


_short_words = cached(_words, _TEXTS_READ)


class _Stems(dict[str, str]):
    """Each word as found (folded) to its stem, or to "" when it is no content word (a stop word, a
    single letter), worked out the first time the word is met. A word that ends in a digit ('3.5',
    'aldmoor12') is its own stem, not asked of the stemmer: every suffix Snowball's English stemmer
    removes or changes ends in a letter (tried on 378,750 such words), and a 10,000-briefing merge met
    6,000 of them, each new, at 30 us a word."""

    def __missing__(self, found: str) -> str:
        # 'd'elizabeth', 'l'abbaye', 'dell'alluvione': the word without the article French and Italian
        # elide onto it, as an outlet writing the event in its own language joins them.
        word = _ELIDED.sub("", found).removesuffix("'s")
        if word in STOPWORDS or len(word) < 2:
            stem = ""
        elif word[-1].isdigit():
            stem = word
        else:
            stem = stem_word(word)
        self[found] = stem
        return stem


_STEMMER = snowballstemmer.stemmer("english")
#: Snowball's stemmer keeps the word it works on in itself: one thread at a time (a caller may check or
#: merge on several threads).
_STEMMING = threading.Lock()
#: Each word's stem, kept: a vocabulary, so bounded in practice; emptied by clear_caches().
_STEMS = _Stems()


def stem_word(word: str) -> str:
    """A folded word's stem: 'fired' and 'firing' are 'fire', 'deaths' 'death'."""
    with _STEMMING:
        stem: str = _STEMMER.stemWord(word)
    return stem


def skeleton(word: str) -> str:
    """A name's consonants, doubled letters folded and a final 'h' dropped: the spellings of one name
    in transliteration meet ('Abdallah', 'Abdulla': 'bdl')."""
    consonants = _NOT_CONSONANT.sub("", undoubled(fold(word)))
    return consonants.removesuffix("h") if len(consonants) > 2 else consonants


_TRANSLITERATIONS = table("transliterations")


def transliterated(name: str) -> str:
    """A place's name as its transliterations meet: its consonants (skeleton) after the letters that
    render one sound two ways are read alike ('Marrakech', 'Marrakesh': 'mrksh'; 'Pulrai' and 'Fulrai'
    stay two)."""
    return skeleton(rendered(name))


def rendered(name: str) -> str:
    """A name with the letters that render one sound two ways read alike, its vowels and doubled
    letters kept: 'Luiz Inácio' and 'Luis Inacio' meet, 'Saakar' and 'Sakar' stay two."""
    folded = fold(name)
    for letters, read in _TRANSLITERATIONS.items():
        folded = folded.replace(letters, read)
    return folded


_SPELLINGS = table("spellings")
_LETTERS = re.compile(r"[a-z0-9]+")
_DOUBLED_LETTER = re.compile(r"([a-z])(?=\1)")  # a figure's digits are its own: 'Aldmoor11' is not 'Aldmoor1'


@cached  # asked for each pair of a story's names
def spelling(name: str) -> str:
    """A name as its accepted spellings meet: accents out, the letters that render one sound read alike
    (rendered(), then the spellings table), doubled letters folded, punctuation out. 'Benedikt XVI.'
    and 'Benedict XVI', 'Oleh Psjuk' and 'Oleg Psiuk', 'Saakar' and 'Sakar' meet; 'Serina Weighman'
    and 'Sarina Wiegman' stay two."""
    read = rendered(name)
    for letters, sound in _SPELLINGS.items():
        read = read.replace(letters, sound)
    return " ".join(_DOUBLED_LETTER.sub("", word) for word in _LETTERS.findall(read))


@cached_sets
def content_words(text: str) -> frozenset[str]:
    """The set of a statement's content words (cached: a merge asks for each statement's more than once)."""
    return frozenset(words(text))


_DIGIT = re.compile(r"\d")
_WEEKDAY_SET = frozenset(WEEKDAYS)


@cached_sets
def statement_frame(text: str) -> frozenset[str]:
    """What a statement is about: its content words without figures and weekdays, on which two
    outlets' statements are compared."""
    # A word of letters alone is let through before any search for a digit: most are (a fifth of the
    # frame's time).
    return frozenset(w for w in content_words(text) - _WEEKDAY_SET if w.isalpha() or not _DIGIT.search(w))


@cached  # a merge folds each event's words, and the same words recur across outlets and stories
def undoubled(word: str) -> str:
    """Doubled letters folded, so that 'Zelenskyy' and 'Zelensky' meet."""
    return _DOUBLED.sub("", word)


@cached  # a merge reads each outlet's names, and the same names recur across outlets and stories
def surname(name: str) -> str | None:
    """The last word of a name that is not a title or a suffix, folded; None when there is none. What
    follows a comma describes the person ('Greg McBride, senior vice president' is McBride); 'Jr' is no
    surname ('Martin Luther King Jr.' is King).

    Kept by hand rather than nameparser's HumanName: 26 times slower (245 us a name against 9; a
    10,000-briefing merge reads 51,604 names), and it reads a comma as 'Last, First', which briefings
    never write ('Neil Saunders, managing director of GlobalData' gave the surname 'Neil Saunders').
    """
    head = name.split(",", 1)[0]
    parts = [p.strip(".'-") for p in re.findall(r"[a-z0-9'.-]+", fold(head))]
    while len(parts) > 1 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    # A title stands before a name ('King Charles'); after a given name it is the name ('Martin Luther
    # King'). A name of titles alone ('the president') has no surname.
    given = any(p not in TITLES and p not in STOPWORDS for p in parts[:-1])
    parts = parts if given else [p for p in parts if p not in TITLES]
    return parts[-1] if parts and parts[-1] else None


@cached
def name_key(name: str) -> str:
    """A key under which spellings of one name meet: titles dropped, the surname, doubled letters folded.

    'President Donald Trump', 'Donald Trump' and 'Mr Trump' give 'trump'; 'Zelenskyy' and 'Zelensky'
    give 'zelensky'.
    """
    last = surname(name)
    return undoubled(last) if last else fold(name).strip()


def clear_caches() -> None:
    """Forget the texts read and kept for speed (a benchmark times each run from cold)."""
    for cache in _CACHES:
        cache.cache_clear()
    _STEMS.clear()
