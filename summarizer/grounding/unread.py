"""What the checks cannot read in an article written in a language they do not know (text.language's
UNKNOWN: Danish, Polish): kept and marked, never dropped.

Quotes are checked word for word and figures in digits in either notation ('1.250' is 1,250 or 1.25),
whatever the language. What needs the language's words is not: a figure it may write in words
('tolv'), a figure its digits give with a word for thousands or millions ('140 tys.', '3 tusen'), a
day it names in words ('onsdag'), a name the model translated ('Ministry of Infrastructure' for
'ministeriet for Infrastruktur', 'Polish' for 'polskich'). Such an item is kept and marked, as the policy
does for a quote the article attributes to no one it names. A person's name is not translated, so a
person the article does not name is still dropped, and so is everything the article contradicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..models import Briefing, Finding
from ..text.language import UNKNOWN, day_months
from ..text.lexicon import every_language, word_set
from ..text.normalize import STOPWORDS, TITLES, fold, surname
from ..text.places import place_groups, place_key
from .described import is_organisation
from .facts import ArticleFacts

__all__ = ["WORDS_UP_TO", "kept_and_marked", "unreadable"]

#: The whole figures a language may write in words ('tolv', 'dwanaście'): news style guides spell
#: out numbers up to ten or twenty, and write larger ones in digits, which the check reads.
WORDS_UP_TO = 20
_MARK = "; the article's language is not one the checks read: kept and marked"
_INDEX = re.compile(r"\[(\d+)\]")


def unreadable(findings: list[Finding], briefing: Briefing, facts: ArticleFacts) -> list[Finding]:
    """The findings, those that only the article's unread language could settle kept and marked."""
    if facts.lang != UNKNOWN:
        return findings
    return kept_and_marked(findings, lambda finding: _needs_the_language(finding, briefing, facts), _MARK)


def kept_and_marked(findings: list[Finding], keep: Callable[[Finding], bool], mark: str) -> list[Finding]:
    """The findings, each that `keep` holds kept and marked: `kept`, its reason ending with `mark`."""
    return [
        finding.model_copy(update={"kept": True, "reason": finding.reason + mark})
        if keep(finding)
        else finding
        for finding in findings
    ]


def _needs_the_language(finding: Finding, briefing: Briefing, facts: ArticleFacts) -> bool:
    if finding.kept:
        return False
    index = int(found[1]) if (found := _INDEX.search(finding.where)) else -1
    if finding.kind == "number":
        if finding.reason.startswith("a day the article does not give"):
            return True
        missing = finding.reason.removeprefix("not stated in the article: ")
        if missing == finding.reason:
            return False  # a figure the article gives for something else: read, and contradicted
        values = [float(value) for value in missing.split(", ")]
        return all(
            (value.is_integer() and 0 <= value <= WORDS_UP_TO) or _scaled(value, facts) for value in values
        )
    if finding.kind == "date":
        # '3 July' is read in any language that writes the day in figures and a month the checks know.
        return not day_months(fold(briefing.timeline[index].when))
    if finding.kind == "name" and finding.where.startswith("entities["):
        return briefing.entities[index].kind != "person"
    if finding.kind == "name":
        names = finding.reason.removeprefix("names not in the article: ").split(", ")
        return all(_translated(name, finding.item, briefing) for name in names)
    if finding.kind == "speaker" and finding.reason == "the speaker is not named in the article":
        return is_organisation(finding.item, briefing.entities)
    return False


#: The scales a language may name in a word after a figure's digits: thousands, millions, billions.
_SCALES = (1e3, 1e6, 1e9)


def _scaled(value: float, facts: ArticleFacts) -> bool:
    """Whether the article may give `value` as digits scaled by a word of its language that the checks
    do not read ('100 tys.' for 100,000, '140 tusen', '6,5 mld'): the digits, one to three before
    the point as a scaled figure is written, followed by a word. Only the language could say whether
    the word is a scale ('tys.') or what is counted ('100 aut', 100 cars)."""
    for scale in _SCALES:
        digits = value / scale
        if digits < 1 or digits >= 1000 or digits not in facts.values:
            continue
        whole, _, fraction = f"{digits:g}".partition(".")
        written = re.escape(whole) + (r"[.,]" + re.escape(fraction) if fraction else "")
        if re.search(rf"(?<![\d.,]){written}\s+[^\W\d_]", facts.folded):
            return True
    return False


def _translated(name: str, item: str, briefing: Briefing) -> bool:
    """A name in free text that a model translated: an organisation's or a place's ('Civil Protection',
    'Dutch Red Cross'), with a word of the kind names of institutions and places are made of. A
    person's name is not translated: one the briefing names as a person or a speaker, one the text
    gives a title or a role ('Mayor Piet Smit', 'district administrator Markus Ramers'), or one of
    no such word ('Piet Smit and Kees Jansen') is not."""
    words = [fold(word) for word in re.findall(r"[\w'-]+", name)]
    people = [e.name for e in briefing.entities if e.kind == "person"] + [q.speaker for q in briefing.quotes]
    if words and words[-1] in {last for person in people if (last := surname(person))}:
        return False
    if set(words) & (TITLES | _HONORIFICS) - STOPWORDS:
        return False
    if place_key(name) in place_groups():
        # A place's name or adjective ('Polish' for the article's 'polskich') names no person, whatever
        # word stands before it ('offer Polish owners' is no role's).
        return True
    before = re.search(r"([A-Za-z]+)\s+" + re.escape(name), item)
    if before is not None and before[1].islower() and before[1].endswith(_ROLE_ENDINGS):
        return False
    return bool(set(words) & _institution_words())


#: How the words for a person's role end ('administrator', 'commissioner', 'spokesman', 'president').
_ROLE_ENDINGS = ("or", "er", "ist", "ent", "man", "woman", "chief", "head")
_HONORIFICS = word_set("honorifics")


@cache
def _institution_words() -> frozenset[str]:
    """The English words of translated names: every glossary's ('ministry', 'civil', 'cross'), the
    words that make a name an organisation's, and the places' names and adjectives."""
    words = {line.split("|", 1)[0].strip() for line in every_language("glossary")}
    words |= word_set("organisation_words")
    words |= {word for line in every_language("places") for word in re.findall(r"[a-z]+", fold(line))}
    return frozenset(words)
