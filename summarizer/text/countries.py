"""Countries and their adjectives in many languages, from the Unicode CLDR (babel), so that no list of
them is written by hand: 'Spain' is 'España' and 'Espagne', 'French' is 'francés' and 'franceses'."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.languages import get_official_languages

from .normalize import fold

__all__ = ["CLDR_LANGUAGES", "country_forms", "country_words"]

#: The languages whose names of countries are read: those the checks ship (text/lexicon.py) and the
#: others the tuning parts' articles are written in (Danish, Swedish, Polish: fresh-q), whose names a
#: model translates as well. More is more chances for one language's name of a country to be another
#: word of another language; these seven plus three collide nowhere (tests/text/test_countries.py).
CLDR_LANGUAGES = ("es", "fr", "it", "pt", "de", "nl", "da", "sv", "pl")

#: How many letters the English names of a country and of a language must share from their start for
#: the language's name to be the country's adjective: 'France' and 'French', 'Spain' and 'Spanish',
#: 'Poland' and 'Polish'; not 'Brazil' and 'Portuguese', 'Austria' and 'German', 'Mexico' and
#: 'Spanish' (the adjective is then no language's name, and CLDR does not give it), nor 'French
#: Guiana' (a country of two words), nor a language two countries would share.
_SHARED = 2

#: What a language adds to an adjective's form as CLDR gives it (masculine singular, or the language's
#: name): 'francés' -> 'francesa', 'franceses'; 'deutsch' -> 'deutsche', 'deutschen'; 'espagnol' ->
#: 'espagnole'; and to its stem without a final vowel: 'italiano' -> 'italiana', 'italiani'.
_ENDINGS = ("s", "es", "a", "as", "e", "en", "er", "n", "ne", "nes")
_STEM_ENDINGS = ("a", "as", "o", "os", "e", "i", "es")


def _usable(name: str) -> bool:
    """A plain name: not CLDR's qualified forms ('Congo - Kinshasa', 'Myanmar (Burma)', 'Hong Kong SAR
    China'), which no article writes."""
    return not re.search(r"[()&]| - |\bSAR\b", name)


@cache
def _adjectives() -> dict[str, str]:
    """A country's code to the code of the language whose name is also its adjective: the one country
    of one word whose English name starts as the language's, among those where it is official."""
    english = Locale("en")
    countries: dict[str, list[str]] = {}
    for code, name in english.territories.items():
        for language in get_official_languages(code):
            spoken = english.languages.get(language, "")
            if " " not in name + spoken and spoken[:_SHARED].lower() == name[:_SHARED].lower():
                countries.setdefault(language, []).append(code)
    return {codes[0]: language for language, codes in countries.items() if len(codes) == 1}


def _inflected(adjective: str) -> tuple[str, ...]:
    word = fold(adjective)
    stem = word[:-1] if word[-1:] in "aeio" else word
    return (word, *(word + end for end in _ENDINGS), *(stem + end for end in _STEM_ENDINGS))


@cache
def country_forms() -> tuple[tuple[str, ...], ...]:
    """Each country's names, the English one first: its English adjective, then in each of
    CLDR_LANGUAGES its name and its adjective with its inflections (folded)."""
    english = Locale("en")
    locales = [Locale(lang) for lang in CLDR_LANGUAGES]
    adjectives = _adjectives()
    found: list[tuple[str, ...]] = []
    for code, name in english.territories.items():
        if not (len(code) == 2 and code.isalpha() and _usable(name)) or code in ("EU", "EZ", "UN", "ZZ"):
            continue
        forms = [name]
        language = adjectives.get(code)
        if language is not None:
            forms.append(english.languages[language])
        for locale in locales:
            local = locale.territories.get(code, "")
            if local and _usable(local):
                forms.append(local)
            if language is not None and (adjective := locale.languages.get(language)):
                forms += _inflected(adjective)
        found.append(tuple(dict.fromkeys(forms)))
    # A form two countries share names neither.
    owners: dict[str, set[str]] = {}
    for country in found:
        for form in country:
            owners.setdefault(fold(form), set()).add(country[0])
    return tuple(tuple(f for f in country if len(owners[fold(f)]) == 1) for country in found)


@cache
def country_words(lang: str) -> dict[str, tuple[str, ...]]:
    """A glossary of one language's words for countries (text/data/<lang>/glossary.txt's shape): each
    English name or adjective of one word, folded, to its forms in the language ('french': 'frances',
    'francesa', ...). Empty for a language CLDR_LANGUAGES does not hold."""
    if lang not in CLDR_LANGUAGES:
        return {}
    english, local = Locale("en"), Locale(lang)
    words: dict[str, tuple[str, ...]] = {}
    for code, name in english.territories.items():
        there = fold(local.territories.get(code, ""))
        if len(code) == 2 and there and " " not in fold(name) and " " not in there and _usable(name):
            words[fold(name)] = (there,)
    for language in _adjectives().values():
        if (theirs := local.languages.get(language)) and " " not in theirs:
            words[fold(english.languages[language])] = _inflected(theirs)
    return words
