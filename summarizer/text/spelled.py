"""Figures an article writes out in several words, read whole: 'un million trois cent mille' is
1,300,000, 'setenta y cinco' 75.

numbers.figures reads number words one by one ('trois', 'cent mille', 'setenta', 'cinco'), which serves
counts and quantities; a figure spelled out in full reads there as pieces, none of them the figure a
briefing gives ('1.3 million', '75 minutes'). text2num reads the whole run in the article's language.
"""

from __future__ import annotations

import re
from collections import Counter

from text_to_num import alpha2digit

__all__ = ["spelled_figures"]

#: The languages text2num reads; the others have no spelled figures read here.
_READ = frozenset(("en", "es", "fr", "it", "pt", "de", "nl"))
_DIGITS = re.compile(r"\d+")
#: Below this a spelled figure is one word, which numbers.figures reads already ('trois', 'veinte'); from
#: it on a language may join its words with its 'and' ('setenta y cinco', 'vingt et un').
_SMALLEST = 21.0


def spelled_figures(folded: str, lang: str) -> frozenset[float]:
    """The figures from 21 on that a folded text spells out in words, and each one of a
    million or more also as the briefing writes it, in millions: 'un million trois cent mille' is
    1,300,000 and 1.3. A lone 'million' ('un million de', 'two million') stays the count it is read as."""
    if lang not in _READ:
        return frozenset()
    written = Counter(_DIGITS.findall(folded))
    found: set[float] = set()
    for digits, times in Counter(_DIGITS.findall(str(alpha2digit(folded, lang)))).items():
        value = float(digits)
        # A scale word alone ('1,1 million', 'un million de') is read as 1,000,000: no figure of its own.
        if times <= written[digits] or value < _SMALLEST or digits.rstrip("0") == "1":
            continue
        found.add(value)
        for scale in (1e9, 1e6):
            # '2,000,000' is 'two million' (already read as 2); only a fraction is new ('1.3 million').
            if value >= scale and not (value / scale).is_integer():
                found.add(round(value / scale, 3))
                break
    return frozenset(found)
