"""A name the model translated, found in the article's own form: 'Pope Francis' in a French article
that says 'le pape François', 'Federal Reserve' in a Spanish one that says 'Reserva Federal'; and an
organisation whose words the article gives in another order ('the Federal Reserve's Open Market
Committee' for the Federal Open Market Committee)."""

from __future__ import annotations

import re
from functools import cache
from itertools import product

from ..text.lexicon import LANGUAGES, word_list
from ..text.normalize import STOPWORDS, fold
from .facts import ArticleFacts

__all__ = ["COMPOUND_WORDS", "WORDS_APART", "article_form", "translations"]

#: How many other words may stand among a name's words in the article ('Reserva Federal de Estados
#: Unidos', 'Federal Reserve's Open Market Committee'): the name's own length plus this.
WORDS_APART = 2
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def article_form(name: str, facts: ArticleFacts) -> str | None:
    """The article's own words for the name, as it writes them ('pape François'), when each word of
    the name, or its translation into the article's language (text/data/<lang>/glossary.txt), stands
    in the article close to the others, in any order, neighbours perhaps joined into one word
    ('Nordrhein'); None otherwise."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in STOPWORDS and len(w) > 1]
    if not words:
        return None
    wanted = [{word, *_glossary(facts.lang).get(word, ())} for word in words]
    tokens = [(m.start(), m.end(), fold(m[0])) for m in _TOKEN.finditer(facts.plain)]
    for each in [wanted, *(_compounded(wanted) if facts.lang != "en" else [])]:
        width = len(each) + WORDS_APART
        starts = set().union(*each)
        for first in range(len(tokens)):
            window = tokens[first : first + width]
            if window[0][2] not in starts:
                continue
            taken = _match(each, [token for _, _, token in window])
            if taken is not None:
                return facts.plain[window[min(taken)][0] : window[max(taken)][1]]
    return None


#: How many words of a name one compound of the article may hold ('Steinbach reservoir' is
#: 'Steinbachtalsperre', 'Federal Interior Ministry' 'Bundesinnenministerium').
COMPOUND_WORDS = 3


def _compounded(wanted: list[set[str]]) -> list[list[set[str]]]:
    """The name's words with two or three neighbours written as one word, as German joins them: 'North
    Rhine' is 'Nordrhein', 'Monetary Policy Committee' 'geldpolitischer Ausschuss'; two words in either
    order ('Ministry of the Interior' is 'Innenministerium')."""
    found = []
    for size in range(2, min(COMPOUND_WORDS, len(wanted)) + 1):
        for start in range(len(wanted) - size + 1):
            parts = wanted[start : start + size]
            joined = {"".join(forms) for forms in product(*parts)}
            if size == 2:
                joined |= {"".join(forms) for forms in product(*reversed(parts))}
            found.append([*wanted[:start], joined, *wanted[start + size :]])
    return found


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


def translations(word: str, lang: str) -> frozenset[str]:
    """The article's language's forms of a folded English word, from its glossary ('houses' in German:
    'hauser'); empty when the glossary does not have it (or the language is English or not shipped)."""
    glossary = _glossary(lang)
    return frozenset(glossary.get(word, ()) + glossary.get(word.removesuffix("s"), ()))
