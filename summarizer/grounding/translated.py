"""A name the model translated, found in the article's own form: 'Pope Francis' in a French article
that says 'le pape François', 'Federal Reserve' in a Spanish one that says 'Reserva Federal'; and an
organisation whose words the article gives in another order ('the Federal Reserve's Open Market
Committee' for the Federal Open Market Committee)."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import LANGUAGES, word_list
from ..text.normalize import STOPWORDS, fold
from .facts import ArticleFacts

__all__ = ["WORDS_APART", "article_form"]

#: How many other words may stand among a name's words in the article ('Reserva Federal de Estados
#: Unidos', 'Federal Reserve's Open Market Committee'): the name's own length plus this.
WORDS_APART = 2
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def article_form(name: str, facts: ArticleFacts) -> str | None:
    """The article's own words for the name, as it writes them ('pape François'), when each word of
    the name, or its translation into the article's language (text/data/<lang>/glossary.txt), stands
    in the article close to the others, in any order; None otherwise."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in STOPWORDS and len(w) > 1]
    if not words:
        return None
    wanted = [{word, *_glossary(facts.lang).get(word, ())} for word in words]
    tokens = [(m.start(), m.end(), fold(m[0])) for m in _TOKEN.finditer(facts.plain)]
    width = len(words) + WORDS_APART
    for first in range(len(tokens)):
        window = tokens[first : first + width]
        if window[0][2] not in set().union(*wanted):
            continue
        taken = _match(wanted, [token for _, _, token in window])
        if taken is not None:
            return facts.plain[window[min(taken)][0] : window[max(taken)][1]]
    return None


def _match(wanted: list[set[str]], window: list[str]) -> list[int] | None:
    """A distinct position of the window for each wanted word, if there is one (greedy, in order)."""
    taken: list[int] = []
    for forms in wanted:
        spot = next((i for i, token in enumerate(window) if token in forms and i not in taken), None)
        if spot is None:
            return None
        taken.append(spot)
    return taken


@cache
def _glossary(lang: str) -> dict[str, tuple[str, ...]]:
    if lang == "en" or lang not in LANGUAGES:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for line in word_list("glossary", lang):
        english, *forms = (form.strip() for form in line.split("|"))
        found[english] = tuple(forms)
    return found
