"""Quotations the article gives to someone other than a named speaker, in words the attribution search
(speakers.py) does not read: one unnamed member of a group ('"...," said one of the rescuers'), never
one the article names elsewhere (it would have named them); and the credit line of a post the page
embeds ('... pic.twitter.com/... — Caroline Haga (@hagacaroline) March 17, 2019'). Issue #27: a speaker
is checked against who the article says spoke."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import alternation, every_language
from ..text.normalize import STOPWORDS, fold
from . import reach
from .facts import ArticleFacts
from .pronouns import enclosing

__all__ = ["said_by_someone_unnamed"]

_SPEECH = alternation("speech_verbs", "all")
#: The auxiliary a speech verb may stand after ('a dit', 'ha dicho').
_AUXILIARY = r"(?:(?:a|ha|han|ont|hat|e|foi)\s+)?"
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


@cache
def _unnamed() -> re.Pattern[str]:
    """'said one of the rescuers', 'a dit l'un des sauveteurs', 'one of the survivors told', in every
    language that ships its list (text/data/<lang>/unnamed_speakers.txt)."""
    opening = (
        "(?:"
        + "|".join(
            re.escape(words) for words in sorted(every_language("unnamed_speakers"), key=len, reverse=True)
        )
        + ")"
    )
    after_verb = rf"^{_AUXILIARY}{_SPEECH}\s+{opening}\s+[a-z]"
    before_verb = rf"^{opening}\s+[a-z][a-z' -]{{1,50}}?\s+{_AUXILIARY}{_SPEECH}\b"
    return re.compile(f"{after_verb}|{before_verb}")


def said_by_someone_unnamed(span: tuple[int, int], speaker: str, facts: ArticleFacts) -> bool:
    """The clause right after the quotation at `span` gives it to one unnamed member of a group ('said
    one of the rescuers') and does not name the speaker ('said one of the survivors, Anupa Shrestha').
    A quotation that ends its own sentence is not described by the next one."""
    _, end = enclosing(span, facts.plain)
    if end >= 2 and facts.plain[end - 1] == '"' and facts.plain[end - 2] in ".!?":
        return False
    clause = facts.lower[end : end + reach.CLAUSE_AFTER].lstrip(" ,;:\"'")
    if not _unnamed().match(clause):
        return False
    # To the sentence's end: 'a raconté un habitant de Katmandou, Anupa Shrestha' names the speaker.
    stop = _SENTENCE_END.search(clause, 1)
    described = set(re.findall(r"[a-z]+", clause[: stop.start()] if stop else clause))
    return not described & (set(re.findall(r"[a-z]+", fold(speaker))) - STOPWORDS)
