"""Whom a speaker string names: a person after the titles and the description a model writes first
('Houston Police Chief Art Acevedo', 'South African Weather Service forecaster Dipuo Tawana'), or an
organisation ('Houston Police Department'); and a speaker an article describes rather than names."""

from __future__ import annotations

import re

from ..models import Entity
from ..text.lexicon import word_set
from ..text.normalize import STOPWORDS, TITLES, fold, plain
from . import reach
from .facts import ArticleFacts
from .pronouns import enclosing

__all__ = [
    "SENTENCE_END",
    "TITLED_NAME",
    "described_name",
    "described_speaker",
    "heads_role",
    "is_organisation",
]


#: Words that make a speaker an organisation rather than a person ('OpenAI board of directors').
_ORGANISATION = word_set("organisation_words")


def is_organisation(speaker: str, entities: list[Entity]) -> bool:
    """The speaker is an organisation: the briefing says so, or its name says so and no person has it."""
    folded = fold(speaker)
    kinds = {e.kind for e in entities if fold(e.name) == folded}
    if kinds:
        return "organization" in kinds and "person" not in kinds
    # 'European Central Bank President Lagarde', 'Houston Police Chief Art Acevedo': the organisation
    # says whose title it is; the name after the title is a person's.
    titled = TITLED_NAME.search(plain(speaker))
    if titled and not set(re.findall(r"[a-z]+", fold(titled[1]))) & _ORGANISATION:
        return False
    if described_name(plain(speaker)) is not None:
        return False  # 'South African Weather Service forecaster Dipuo Tawana'
    return bool(set(re.findall(r"[a-z]+", folded)) & _ORGANISATION)


#: The titles of a person's office ('President', 'Chief'), not the words that only go with one
#: ('the', 'US', 'Press', 'Former').
_OFFICES = sorted(
    (
        t
        for t in TITLES - STOPWORDS
        if t.isalpha() and t not in ("us", "state", "foreign", "press", "special", "former")
    ),
    key=len,
    reverse=True,
)
#: A title and a name after it ('President Lagarde', 'Chief Art Acevedo', 'spokesman Laxmi Dhakal').
TITLED_NAME = re.compile(
    r"(?<![\w'])(?i:" + "|".join(_OFFICES) + r")\s+((?:[A-Z][\w'-]+\s+)*[A-Z][\w'-]+)\s*$"
)
#: A given name and a surname at the end, after a word in lower case ('forecaster', 'candidate') or an
#: organisation's ('Department'): what describes a person before their name.
_DESCRIBED_NAME = re.compile(
    r"(?<![\w'])(?:(?!(?:of|to|for|and|the|with|by|from|at|in|on|said)\s)[a-z][\w'-]*[a-z]|(?i:"
    + "|".join(sorted(_ORGANISATION, key=len, reverse=True))
    + r"))\s+((?:[A-Z][\w'-]+\s+)+[A-Z][\w'-]+)\s*$"
)


def described_name(speaker: str) -> str | None:
    """The person a speaker names after describing them ('Dipuo Tawana' of 'South African Weather
    Service forecaster Dipuo Tawana', 'Fabrizio Curcio' of 'Head of the Civil Protection Department
    Fabrizio Curcio'): a given name and a surname, neither a title nor an organisation's word, after
    a word in lower case or an organisation's; None when the speaker ends otherwise."""
    found = _DESCRIBED_NAME.search(speaker)
    if found is None or not speaker[: found.start()].strip():
        return None
    words = {fold(w) for w in found[1].split()}
    return None if words & (_ORGANISATION | TITLES) else found[1]


#: Where a sentence ends: its full stop, question or exclamation mark and a space (or the text's end).
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def described_speaker(speaker: str, span: tuple[int, int], facts: ArticleFacts) -> bool:
    """A speaker the briefing names by a description the article gives, not a name ('his opponents'
    of 'His opponents describe him as arrogant and "president of the rich."'): each of its words is
    one the article writes in lower case, and they stand in the quotation's sentence or the clause
    after it."""
    words = {w for w in re.findall(r"[a-z]+", fold(speaker)) if w not in STOPWORDS and len(w) > 2}
    if not words or not all(_lower(word, facts) for word in words):
        return False
    start, end = enclosing(span, facts.plain)
    opening = max((m.end() for m in SENTENCE_END.finditer(facts.lower, 0, start)), default=0)
    around = set(
        re.findall(
            r"[a-z]+", facts.lower[opening:start] + " " + facts.lower[end : end + reach.DESCRIPTION_AFTER]
        )
    )
    return words <= around


def _lower(word: str, facts: ArticleFacts) -> bool:
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", facts.plain) is not None


#: The shortest word read as the head of a compound ('ordföranden' of 'interimsordföranden').
_HEAD = 5


def heads_role(words: str, role: set[str]) -> bool:
    """The first word of `words` is one of the speaker's `role` words, or the head of one ('chairman'
    of 'chairman', 'ordföranden' of 'interimsordföranden': a compound ends with what it names), after
    a possessive "'s": 'Northvolt Ordföranden:' and "Tesla's chief executive said" describe the
    speaker as the organisation's role, and give it the words no more than 'Tom Johnstone:' would."""
    first = re.match(r"\W*(?:'s\s+|s\s+)?([a-z]+)", words)
    if first is None or len(first[1]) < _HEAD or first[1] in STOPWORDS:
        return False
    return any(word.endswith(first[1]) for word in role)
