"""Whom a pronoun's attribution refers to: '"...," he said' after a paragraph that names its speaker
without a speech verb ('Urzua beamed as the crowd chanted'), an Italian '"...", aveva detto' with no
subject, and a quotation that goes on after '," he said.' ('"We are 100 percent ready."'). speakers.py
asks these only when no candidate before the quotation is the subject of a speech verb. A name after
its sentence's subject pronoun does not speak there ('He thanked Pope Benedict and called ...'); a
quotation its sentence gives to a pronoun is a guess at a speaker when another is named as late
(guessed: kept and marked, not given to someone else)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ..text.lexicon import LANGUAGES, alternation
from ..text.normalize import TITLES, fold

__all__ = [
    "PRONOUN_VERB_WITHIN",
    "SUBJECT_WITHIN",
    "continued_quotation",
    "enclosing",
    "guessed",
    "pronoun_attribution",
    "pronoun_subject",
    "said_by_pronoun",
    "subject_before",
]

#: How far into its sentence a name may stand and still be its subject ('Mission chief Narongsak
#: Osatanakorn, the former governor ...', "L'allenatore capo, Nopparat Kantawong, era ...").
SUBJECT_WITHIN = 40
#: The most that may stand between a quotation and the one it goes on: one sentence of attribution
#: ('," he said with a Chilean flag draped around his shoulders. "').
_BETWEEN = 160
_SPEECH = alternation("speech_verbs", "all")
#: 'he said', 'she added'; a verb with no subject, after an auxiliary in the languages that drop the
#: pronoun ('aveva detto', 'ha dichiarato', 'disse').
_PRONOUN = re.compile(r"^(?:he\s+|she\s+|(?:ha|aveva|avevano|hanno|había|havia|tinha)\s+)?" + _SPEECH + r"\b")
#: A sentence's end, a closing quotation mark included ('"Mission Accomplished." Urzua beamed').
_SENTENCE_END = re.compile(r"[.!?]['\"]?(?:\s|$)")


def enclosing(span: tuple[int, int], plain: str) -> tuple[int, int]:
    """The whole quotation a quoted fragment stands in, when it stands between quotation marks."""
    start, end = span
    # A fragment that opens its quotation ('"My little cousins are inside' of a longer one) stands in
    # it even where a stray mark earlier in the article has put the count of quotation marks out.
    opens = plain[max(0, start - 1) : start] == '"'
    if plain.count('"', 0, start) % 2 == 1 or opens:
        opening, closing = plain.rfind('"', 0, start), plain.find('"', end)
        if closing != -1:
            return opening, closing + 1
    return span


def pronoun_attribution(clause: str, plain_clause: str) -> bool:
    """The clause after a quotation (lower case, and as written) gives it to a pronoun or to no
    subject: 'he said', 'aveva detto, citato dai media'; not 'ha detto Schettino', whose name follows."""
    found = _PRONOUN.match(clause)
    if found is None:
        return False
    return re.match(r"[\s,]*[A-Z]", plain_clause[found.end() :]) is None


def continued_quotation(start: int, plain: str) -> tuple[int, int] | None:
    """The quotation that the one opening at `start` goes on from: right before it, with only a
    pronoun's attribution between ('"...," he said. "We are 100 percent ready."')."""
    close = plain.rfind('"', 0, start)
    if close < 0 or start - close > _BETWEEN:
        return None
    between = plain[close + 1 : start].strip(" ,;:")
    ends = list(_SENTENCE_END.finditer(between + " "))
    # Two quotations side by side ('"..." "..." he said') may be two speakers': only one that goes on
    # after its speaker's attribution is the same speaker's.
    if not (len(ends) == 1 and pronoun_attribution(between.lower(), between)):
        return None
    opening = plain.rfind('"', 0, close)
    return (opening, close + 1) if opening >= 0 else None


def _opens(lead: str) -> bool:
    """What stands before a name in its sentence leaves it the subject: names and titles only
    ('Mission chief Narongsak'), or a short description and a comma ("L'allenatore capo, Nopparat")."""
    words = lead.split()
    if "," in lead:
        return len(lead.split(",")[0].split()) <= 3 and lead.count(",") == 1
    return all(word[0].isupper() or fold(word) in TITLES for word in words)


def subject_before(start: int, reach: int, mentions: Mapping[str, list[int]], plain: str) -> str | None:
    """The person the article names last before `start` (within `reach` characters), when they are the
    subject of their sentence: the name opens it, after at most a title or a description set off by a
    comma ('Urzua beamed as an elated crowd chanted', "L'allenatore capo, Nopparat Kantawong, era").
    Named last as anything else ('the capsule carrying Luis Urzua'), the pronoun is left unresolved."""
    named = [
        (position, surname)
        for surname, positions in mentions.items()
        for position in positions
        if start - reach <= position < start and plain[position : position + 1].isupper()
    ]
    if not named:
        return None
    position, surname = max(named)
    opening = max(
        (m.end() for m in _SENTENCE_END.finditer(plain, max(0, position - 400), position)), default=0
    )
    lead = plain[opening:position]
    if position - opening <= SUBJECT_WITHIN and '"' not in lead and _opens(lead):
        return surname
    return None


#: How many words may stand between a sentence's subject pronoun and the speech verb before a quotation
#: ('il a ensuite remercié le pape Benoît XVI et appelé le monde à « ... »': eight).
PRONOUN_VERB_WITHIN = 10
#: What may open a sentence before its subject: a short phrase set off by a comma ('Toujours très
#: affaibli, il s'était offert ...').
_OPENING = r"^[\s\"'(]*(?:[^,.;!?\"]{1,40},\s*)?"


@cache
def _pronouns(lang: str) -> str:
    """The subject pronouns of the article's language (text/data/<lang>/subject_pronouns.txt)."""
    return alternation("subject_pronouns", lang if lang in LANGUAGES else "en")


def pronoun_subject(lead: str, lang: str) -> bool:
    """A sentence, lower case, up to a name in it (`lead`), opens with a subject pronoun: the name
    after it is not the sentence's subject ('he thanked Pope Benedict', 'il a remercié le pape Benoît')."""
    return re.match(_OPENING + _pronouns(lang) + r"\s", lead) is not None


def said_by_pronoun(lead: str, after: str, lang: str) -> bool:
    """A quotation's own sentence, lower case, gives it to a pronoun: up to the quotation (`lead`), 'il
    a appelé à', 'dans lequel il a appelé à', 'he then called on the world to'; or right after it
    (`after`), 'he said', 'avait-il lancé', 'a-t-elle ajouté'. Whom the pronoun stands for is not
    said there."""
    words = rf"(?:[\w'-]+[\s,]+){{0,{PRONOUN_VERB_WITHIN}}}?"
    pattern = r"(?:^|[\s,;(])" + _pronouns(lang) + r"\s+" + words + _SPEECH + r"\b[^.!?]*$"
    if re.search(pattern, lead) is not None:
        return True
    # 'he said', and the French verb before its pronoun: 'dit-il', 'avait-il lancé', 'a-t-elle ajouté'.
    inverted = r"(?:[a-z]+ - (?:t - )?)?" + _pronouns(lang) + r"\b"
    return re.match(r"[\s,;:\"']*" + inverted, after) is not None


def guessed(
    span: tuple[int, int], who: str, surname: str, lower: str, lang: str, reach: tuple[int, int]
) -> bool:
    """The quotation at `span` of an article (`lower`: its plain text in lower case, unaccented) is
    given, in its own sentence, to a pronoun ('dans lequel il a appelé à « ... »'), and the one named
    `surname` is named as late before it as `who`, the speaker found before it (in the sentence where
    `who` last stands, or after): the pronoun may stand for either. 'Il a ensuite remercié ... et
    appelé le monde à « ... »' after '« ... », a commenté François Ier' is François's when no one else
    is named since. `reach` is how far before the quotation a speaker is looked for, and after it
    its attribution."""
    start, end = enclosing(span, lower)
    opening = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, start)), default=0)
    if not said_by_pronoun(lower[opening:start], lower[end : end + reach[1]], lang):
        return False

    def named(name: str) -> list[int]:
        found = re.finditer(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", lower)
        return [m.start() for m in found if start - reach[0] <= m.start() < opening]

    theirs, own = named(who), named(surname)
    if not theirs or not own:
        return False
    their_sentence = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, max(theirs))), default=0)
    return max(own) >= their_sentence
