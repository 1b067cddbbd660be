"""Whether a surname the article gives a quotation to is the speaker's: the first person the article
names with it is theirs, by the same given name (up to a slipped letter or its form in the article's
language), not by a title, an honorific or a place before it."""

from __future__ import annotations

import re

from ..text.lexicon import LANGUAGES, word_set
from ..text.normalize import STOPWORDS, TITLES, fold
from .facts import ArticleFacts, unaccented
from .names import place_groups, slipped
from .translated import cognate

__all__ = ["first_of_the_name"]


def first_of_the_name(speaker: str, surname: str, facts: ArticleFacts) -> bool:
    """A surname alone ('Bezos said') is the first person the article names with it ('Jeff Bezos,
    along with his brother Mark Bezos'): a speaker given another given name is someone else."""
    # 'Swedish singer Loreen': a word in lower case or a nationality describes; it is no given name.
    named_as = speaker.split(",", 1)[0]
    described = {fold(w) for w in re.findall(r"[\w'-]+", named_as) if w[:1].islower()}
    # 'M. Robin' in a French article: the language's honorific ('M.', 'Herr', 'Sr.') is no given name.
    honorifics = word_set("honorifics", facts.lang) if facts.lang in LANGUAGES else frozenset()
    given = [
        w
        for w in re.findall(r"[a-z]+", fold(named_as))
        if w not in TITLES and w not in described and w not in honorifics
    ]
    given = [w for w in given[:-1] if w not in place_groups()] + given[-1:]
    if len(given) < 2:
        return True
    before = re.finditer(
        r"\b([A-Z][\w'-]+) (?:([A-Z][\w'-]+) )?(?i:" + re.escape(surname) + r")\b", unaccented(facts.plain)
    )
    # 'PM Modi', 'President Biden', 'The Bezos': no given name. 'Jair Messias Bolsonaro': a middle name.
    # "Sweden's Loreen": a place before the name is not its given name.
    names = ([fold(w) for w in m.groups() if w and not w.isupper() and not _placed(w)] for m in before)
    named = next((ws for ws in names if any(w not in TITLES and w not in STOPWORDS for w in ws)), None)
    # 'Benedict' for the Italian 'Benedetto': the given name in the article's language.
    translated = facts.lang != "en" and any(cognate(w, g) for w in named or () for g in given[:-1])
    # 'Tadedj Pogacar' for Tadej Pogacar: the article's given name with a letter slipped is the speaker's.
    return named is None or any(slipped(w, g) for w in named for g in given[:-1]) or translated


def _placed(word: str) -> bool:
    return word.endswith("'s") or fold(word) in place_groups()
