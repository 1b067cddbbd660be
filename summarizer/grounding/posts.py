"""An embedded social-media post: its words are its signer's, the name and handle on the line below it."""

from __future__ import annotations

import re

from ..text.lexicon import alternation
from ..text.normalize import fold
from .facts import ArticleFacts

__all__ = ["POST_LENGTH", "post_signer"]

#: How far after a quotation the signature of the post holding it may stand: a post is at most 280
#: characters, its hashtags and link after the words quoted.
POST_LENGTH = 280

#: A post's signature as an article embeds it: a dash, the name, the handle in brackets ('— Caroline
#: Haga (@hagacaroline) March 17, 2019'; plain() writes the dash '-').
#: The article's own attribution between the words and a signature ('..., President Ana Costa said'):
#: the words are the article's quotation, not a post's.
_SAID = re.compile(r"\b" + alternation("speech_verbs", "all") + r"\b")
_SIGNATURE = re.compile(r"\s[-\u2013\u2014]\s+((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'-]*)\s+\(@\w+\)")


def post_signer(span: tuple[int, int], facts: ArticleFacts) -> str | None:
    """Who signed the embedded post the quotation at `span` is the words of (folded), or None when it is
    none: 'We made it to #Beira. ... even worse #cycloneIdai pic.twitter.com/... — Caroline Haga
    (@hagacaroline)' is Haga's, whoever the article quoted before it. The signature is the first after
    the words; a quotation mark or a speech verb between them ends the post. A post's words stand
    outside quotation marks: words quoted in them are the article's quotation."""
    after = facts.plain[span[1] : span[1] + POST_LENGTH]
    if after.lstrip(".,;!?")[:1] == '"' or facts.plain[max(0, span[0] - 1) : span[0]] == '"':
        return None  # in quotation marks: the article's quotation, a post embedded after it another's
    found = _SIGNATURE.search(after)
    between = after[: found.start()] if found else ""
    if found is None or '"' in between.strip(' ."') or _SAID.search(between.lower()):
        return None
    return fold(found[1])
