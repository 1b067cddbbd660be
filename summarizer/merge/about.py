"""What a briefing is about, as the grouping weighs it: TF-IDF vectors of its words, without the words
that say who reports."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import chain

from ..models import ArticleBriefing
from ..text.lexicon import every_language, word_list
from ..text.normalize import fold, name_key, words
from ..text.outlets import news_organisations, outlet_names

__all__ = ["PRIOR_BRIEFINGS", "Vector", "cosine", "terms", "vectors"]

#: A batch is taken as a sample of a larger day of news: document frequencies are smoothed as though
#: this many more briefings shared none of the words, so that in a brief of two, the words both share
#: do not count as common.
PRIOR_BRIEFINGS = 20

Vector = dict[str, float]

#: The words that say who reports and how ('according', 'reported', 'told'; text/data/<lang>/
#: speech_verbs.txt) and what ('the paper', 'carrying AFP copy'; text/data/en/reporting_words.txt):
#: every outlet's briefing may use them of any event, as the literal, attributive style does in every
#: sentence ('According to <outlet>, carrying <wire> copy, ...'). Weighed, they made one event's
#: reports less alike the more an outlet wrote them, and two events' alike (issue #27).
_REPORTING = frozenset(
    stem for word in (*every_language("speech_verbs"), *word_list("reporting_words")) for stem in words(word)
)
#: The news agencies and outlets stories credit (text/data/<lang>/news_organisations.txt), folded.
_NEWSROOMS = tuple(
    sorted(
        {fold(form) for form in chain.from_iterable(news_organisations())},
        key=lambda form: (-len(form), form),
    )
)


@cache
def _reporters(source: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """The names of who reports in a folded text (the source line's outlet and wire, which the prompt
    gives, and the news organisations), and their words: a text with none of them is read as it is."""
    names = sorted({*outlet_names(source), *_NEWSROOMS}, key=lambda name: (-len(name), name))
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, names)) + r")(?![a-z0-9])")
    return pattern, frozenset(stem for name in names for stem in words(name, folded=True))


def terms(item: ArticleBriefing) -> Counter[str]:
    """Word counts of the headline, summary and key points, plus each person's and organisation's
    name; not the words that say who reports (`_REPORTING`, the outlet, its wire, the news agencies):
    they say nothing of what happened. A word the event names stays: a story about an outlet, or about
    a declaration, is told in those words."""
    b = item.briefing
    texts = (b.headline, b.summary, *b.key_points)
    reporters, their_words = _reporters(item.ref.source)
    counted = Counter(chain.from_iterable(map(words, texts)))
    what = b.event.what if b.event is not None else ""
    if not their_words.isdisjoint(counted):
        named = fold(what)
        unsaid = (reporters.sub(lambda m: m[0] if m[0] in named else " ", fold(text)) for text in texts)
        counted = Counter(chain.from_iterable(words(text, folded=True) for text in unsaid))
    if reporting := counted.keys() & _REPORTING:
        for word in reporting.difference(words(what)):
            del counted[word]
    for entity in b.entities:
        if entity.kind == "place":
            continue
        if their_words.isdisjoint(words(entity.name)) or not reporters.fullmatch(fold(entity.name).strip()):
            counted["@" + name_key(entity.name)] += 1
    return counted


def vectors(all_terms: list[Counter[str]]) -> tuple[list[Vector], Counter[str]]:
    """Unit TF-IDF vectors (sublinear term frequency), and how many briefings use each word."""
    spread: Counter[str] = Counter(chain.from_iterable(all_terms))  # each briefing's words, counted in C
    total = len(all_terms) + PRIOR_BRIEFINGS
    idf = {word: math.log1p(total / count) for word, count in spread.items()}
    unit = []
    for counts in all_terms:
        vector = {w: (1 + math.log(n)) * idf[w] if n > 1 else idf[w] for w, n in counts.items()}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        unit.append({w: x / norm for w, x in vector.items()})
    return unit, spread


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    # The shared words' products, summed in the same order as over every word: a word the other lacks
    # added 0.0, which leaves a sum as it was.
    return sum(x * b[w] for w, x in a.items() if w in b)
