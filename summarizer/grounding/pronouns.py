"""Whom a pronoun's attribution refers to: '"...," he said' after a paragraph that names its speaker
without a speech verb ('Urzua beamed as the crowd chanted'), an Italian '"...", aveva detto' with no
subject, and a quotation that goes on after '," he said.' ('"We are 100 percent ready."'). speakers.py
asks these only when no candidate before the quotation is the subject of a speech verb."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..text.lexicon import alternation
from ..text.normalize import TITLES, fold

__all__ = ["SUBJECT_WITHIN", "continued_quotation", "pronoun_attribution", "subject_before"]

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
