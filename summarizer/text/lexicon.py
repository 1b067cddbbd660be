"""The word lists the judgement layers read, one file a list under text/data/<language>/.

A list is a text file of one entry a line ('#' starts a comment); a table's line is a word, a space and
its value ('january 1'). Each is read once. A second language is a folder of the same files: no code
changes. LANGUAGES names those shipped.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

__all__ = ["LANGUAGES", "alternation", "every_language", "table", "word_list", "word_set"]

#: The languages whose lists are shipped: English in full; Spanish, French, Italian, Portuguese,
#: German and Dutch for what the grounding check reads in an article (figures, number words,
#: ordinals, months, weekdays, days, speech verbs, tolls, small words, the words of translated names).
LANGUAGES = ("en", "es", "fr", "it", "pt", "de", "nl")


@cache
def word_list(name: str, lang: str = "en") -> tuple[str, ...]:
    """The entries of a list, in the file's order. FileNotFoundError for a list or language not shipped."""
    text = files(__package__).joinpath("data", lang, f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)


@cache
def word_set(name: str, lang: str = "en") -> frozenset[str]:
    return frozenset(word_list(name, lang))


@cache
def table(name: str, lang: str = "en") -> dict[str, str]:
    """A list of 'word value' lines as a mapping, in the file's order."""
    pairs = (entry.split(None, 1) for entry in word_list(name, lang))
    return {word: value.strip() for word, value in pairs}


@cache
def every_language(name: str) -> tuple[str, ...]:
    """The entries of a list in every shipped language that has it ('said', 'dijo', 'a declare')."""
    entries: list[str] = []
    for lang in LANGUAGES:
        if files(__package__).joinpath("data", lang, f"{name}.txt").is_file():
            entries += word_list(name, lang)
    return tuple(dict.fromkeys(entries))


def alternation(name: str, lang: str = "en") -> str:
    """The list as a regular expression alternation, longest first ('says' before 'say'); `lang`
    "all" joins every shipped language's."""
    words = sorted(
        every_language(name) if lang == "all" else word_list(name, lang), key=lambda word: (-len(word), word)
    )
    return "(?:" + "|".join(re.escape(word) for word in words) + ")"
