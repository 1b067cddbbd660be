"""An organisation a model writes out in full where the article gives its acronym: the initials of the
name's words, a number in it kept whole ('Democrats 66' for 'D66', 'Group of 20' for 'G20'), written
the article's way, in capitals ('NOS') or as a word with one capital ('Ansa', 'Ibope', as Italian,
Dutch and Portuguese papers write an agency or a pollster); or its short form, the openings of its
words ('Aemet' for Agencia Estatal de Meteorologia)."""

from __future__ import annotations

import re

from ..text.normalize import fold
from .facts import ArticleFacts

__all__ = [
    "SMALL_WORDS",
    "abbreviation_given",
    "acronym_written",
    "initials",
    "numbers_of_acronyms",
    "short_form_written",
    "written_inside_a_sentence",
]

#: The small words of a name in any shipped language, left out of its initials ('Agenzia Nazionale
#: Stampa Associata' is ANSA, 'Radiotelevisione di San Marino', 'Centraal Bureau voor de Statistiek').
SMALL_WORDS = frozenset(
    "of and the for di de da del della delle dei degli do dos la le des du der und e y".split()
    + "van voor en het".split()
)
#: The shortest acronym an article may write with one capital ('Ansa'): a word of three letters with a
#: capital ('Bat', 'Cup') is too often a word of its own.
_ONE_CAPITAL = 4


def initials(words: list[str]) -> str:
    """The initials of a name's folded words without its small words, a number kept whole ('d66')."""
    return "".join(word if word.isdigit() else word[:1] for word in words if word not in SMALL_WORDS)


def acronym_written(letters: str, facts: ArticleFacts) -> bool:
    """The article writes these initials as an acronym: in capitals ('UPI', 'D66'), or, four letters
    or more, as one word with a capital inside a sentence ('persbureau Ansa', 'projecções do Ibope');
    a capitalised word opening a sentence may be any word."""
    if len(letters) < 2:
        return False
    if re.search(rf"\b{re.escape(letters.upper())}\b", facts.plain):
        return True
    if len(letters) < _ONE_CAPITAL or not letters.isalpha():
        return False
    return written_inside_a_sentence(letters.capitalize(), facts.plain)


def written_inside_a_sentence(words: str, plain: str) -> bool:
    """The words stand in the text as written, somewhere other than at a sentence's opening, where a
    capital says nothing of a name."""
    return any(
        not re.search(r"(?:^|[.!?:;\"“«]\s*)$", plain[: match.start()])
        for match in re.finditer(rf"\b{re.escape(words)}\b", plain)
    )


def abbreviation_given(name: str, facts: ArticleFacts) -> bool:
    """The name, of two words or more, is one the article gives by its acronym (acronym_written) or its
    short form (short_form_written)."""
    words = re.findall(r"[a-z0-9']+", fold(name))
    return len(words) > 1 and (acronym_written(initials(words), facts) or short_form_written(words, facts))


def short_form_written(words: list[str], facts: ArticleFacts) -> bool:
    """The article writes the name by the first letters of each of its words in turn, more than one
    of some ('Aemet' for Agencia Estatal de Meteorologia, 'Interpol', 'Mercosur'), as one word with a
    capital inside a sentence or in capitals: every word of the name, its small words apart, gives
    the acronym its opening letters, in order. Two words at least, four letters at least."""
    named = [word for word in words if word not in SMALL_WORDS and word.isalpha()]
    if len(named) < 2:
        return False
    return any(
        len(written) >= _ONE_CAPITAL
        and written[0] == named[0][0]
        and _opens_each(written, named)
        and acronym_written(written, facts)
        for written in {fold(word) for word in re.findall(r"(?<![\w-])[A-Z][A-Za-z]+(?![\w-])", facts.plain)}
    )


def _opens_each(acronym: str, words: list[str]) -> bool:
    """The acronym is an opening of each word in turn, each at least one letter."""
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    return any(
        acronym[:size] == word[:size] and _opens_each(acronym[size:], rest)
        for size in range(1, min(len(word), len(acronym) - len(rest)) + 1)
    )


#: A run of capitalised words that ends in a number, 'of' allowed before it ('Democrats 66', 'Group of
#: 20'): a name whose number may be part of its acronym.
_NUMBERED_RUN = re.compile(r"(?<![\w'])((?:[A-Z][\w'-]*\s+)+(?:of\s+)?)(\d+)(?![\w.,]?\d)")


def numbers_of_acronyms(text: str, facts: ArticleFacts) -> str:
    """The text with the number of a name written out taken out, when the article gives the name's
    acronym with that number: 'Democrats 66: 27 seats' where the article writes 'D66' states no 66,
    as 'D66' itself does not; or writes the number joined to a code's capitals, as flights and
    aircraft are named: 'Air France Flight 447' for 'le vol AF447', 'an Airbus 320' for 'A320'. A
    number neither holds is read as before."""

    def blanked(match: re.Match[str]) -> str:
        words = re.findall(r"[a-z0-9]+", fold(match[0]))
        if len(words) > 1 and acronym_written(initials(words), facts):
            return match[1]
        return match[1] if re.search(rf"(?<![\w-])[A-Z]{{1,3}}{match[2]}(?![\w-])", facts.plain) else match[0]

    return _NUMBERED_RUN.sub(blanked, text)
