"""Whether the article writes a word as someone's given name, not their surname: a name's last word
found in the article must be a surname there for a statement's person to be the article's."""

from __future__ import annotations

import re

from ..text.lexicon import word_set
from ..text.normalize import STOPWORDS, TITLES, fold
from .facts import ArticleFacts

__all__ = ["only_given_names"]

#: Words after which a capitalised word names a body, not a person ('the Civil Guard').
_BODIES = word_set("organisation_words")


def only_given_names(forms: list[str], facts: ArticleFacts) -> bool:
    """The article writes the surname (each of its `forms`) only as someone's given name, with their
    surname after it: its 'Philippe Wojazer' (a photographer's credit) gives no 'Edouard Philippe'."""
    spots = [
        match
        for form in forms
        for match in re.finditer(r"(?<![\w'-])(?i:" + re.escape(form) + r")(?![\w'-])", facts.plain)
        if match[0][:1].isupper()
    ]
    return bool(spots) and all(
        (after := re.match(r" ([A-Z][\w'-]+)", facts.plain[match.end() :])) is not None
        and fold(after[1]) not in STOPWORDS
        and fold(after[1]) not in TITLES
        and fold(after[1]) not in _BODIES
        for match in spots
    )
