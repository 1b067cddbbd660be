"""A headline written in title case, as English papers write one ('Jury Convicts Former Officer on All
Three Counts'): there a capital says nothing of a name. A word of it is read as the rest of the same
briefing, or the article, writes it in lower case ('convicted' ... 'all three counts'), and the briefing
never capitalises it inside a sentence; a name stays capitalised, and is checked as before."""

from __future__ import annotations

import re

from ..models import Briefing
from .acronyms import SMALL_WORDS, written_inside_a_sentence
from .facts import ArticleFacts

__all__ = ["cased_as_a_sentence"]

#: The short words title case leaves in lower case beside the small words of a name.
_LEFT_LOWER = SMALL_WORDS | frozenset("a an as at by in on to or with from into over after vs".split())
#: Fewer words than this are a label, not a headline in title case.
_TITLE_CASE_WORDS = 4
#: A word this long or shorter is read only as written ('Bed', 'Reds').
_STEMMED = 5


def cased_as_a_sentence(briefing: Briefing, facts: ArticleFacts) -> str:
    """The headline with each word after the first in lower case where the briefing's other text or
    the article writes it so, when the headline is in title case (every word capitalised but the short
    ones); any other headline as written."""
    headline = briefing.headline
    words = re.findall(r"[^\W\d_][\w'-]*", headline)
    if len(words) < _TITLE_CASE_WORDS or any(w[0].islower() and w.lower() not in _LEFT_LOWER for w in words):
        return headline
    others = " ".join(
        [
            briefing.summary,
            *briefing.key_points,
            *briefing.what_next,
            *(event.event for event in briefing.timeline),
        ]
    )

    def lowered(match: re.Match[str]) -> str:
        word = match[0]
        lower = word.lower()
        # A verb or a plural in another form ('Convicts' where the summary writes 'convicted').
        stem = re.sub(r"(?:ing|ed|es|s|d)$", "", lower) if len(lower) > _STEMMED else lower
        written = rf"(?<![\w'-]){re.escape(stem)}(?:ing|ed|es|s|d)?(?![\w'-])"
        # A word the briefing capitalises inside a sentence is part of a name there ('Supreme Court of
        # Appeal'), whatever the article writes in lower case.
        if (
            word == lower
            or written_inside_a_sentence(word, others)
            or not any(re.search(written, text) for text in (others, facts.plain))
        ):
            return word
        return lower

    first = re.match(r"\W*[\w'-]+", headline)
    cut = first.end() if first else 0
    return headline[:cut] + re.sub(r"(?<![\w'-])[^\W\d_][\w'-]*", lowered, headline[cut:])
