"""Names of institutions a model writes out in full where the article gives them short: kept and
marked, not dropped.

A model that knows the world writes 'the Paris Criminal Court' for the article's 'a Paris court',
'the Brazilian Air Force' for 'Brazil's air force', 'the Monetary Policy Committee' for 'the committee
that sets monetary policy'. Nothing in the article contradicts such a name, and every word of it that
says *which* body it is stands in the article; only the words that say *what kind* of body it is
('court', 'office', 'committee') may not. Such a name is kept and marked unverified, as the policy
keeps a quote the article attributes to no one it names: dropping it would drop a faithful item, and
asking again for it would pay a request to learn that the article gives the short form.

What is still dropped: a name with a word the article never writes ('Bezos Earth Fund' for its
'Bezos Climate Fund'), and a name with no word of a kind of body, which may be a person's ('Bruno
Brasil'): a person is not written out in full, so a person the article does not name is invented.
"""

from __future__ import annotations

import re
from functools import cache

from ..models import Briefing, Entity, Finding
from ..text.lexicon import word_set
from ..text.normalize import STOPWORDS, TITLES, fold, stem_word, surname
from .described import is_organisation
from .facts import ArticleFacts
from .places import place_found
from .translated import word_given
from .unread import kept_and_marked

__all__ = ["fuller_names"]

_MARK = "; a fuller form of a name the article gives: kept and marked"
_UNKNOWN_NAMES = "names not in the article: "
_NOT_NAMED = "the speaker is not named in the article"


def fuller_names(findings: list[Finding], briefing: Briefing, facts: ArticleFacts) -> list[Finding]:
    """The findings, those that are only a name written out in full kept and marked."""
    return kept_and_marked(findings, lambda finding: _only_fuller(finding, briefing, facts), _MARK)


def _only_fuller(finding: Finding, briefing: Briefing, facts: ArticleFacts) -> bool:
    if finding.kept:
        return False
    if finding.kind == "speaker":
        # "Munich Public Prosecutor's Office" for the article's 'Munich prosecutors': named by no one.
        return (
            finding.reason == _NOT_NAMED
            and is_organisation(finding.item, briefing.entities)
            and fuller(finding.item, briefing, facts)
        )
    if finding.kind != "name":
        return False
    if (entity := _entity(finding, briefing)) is not None:
        return entity.kind != "person" and fuller(entity.name, briefing, facts)
    if not finding.reason.startswith(_UNKNOWN_NAMES):
        return False
    names = finding.reason.removeprefix(_UNKNOWN_NAMES).split(", ")
    return all(fuller(name, briefing, facts) for name in names)


def _entity(finding: Finding, briefing: Briefing) -> Entity | None:
    found = re.fullmatch(r"entities\[(\d+)\]", finding.where)
    return briefing.entities[int(found[1])] if found else None


def fuller(name: str, briefing: Briefing, facts: ArticleFacts) -> bool:
    """Whether `name` names a body by a word of its kind ('Court', 'Office') and otherwise only by
    words the article writes ('Paris', 'Criminal'): a fuller form of a name it gives. Not a person's
    (a surname of a person the briefing names, a title)."""
    words = [fold(word).removesuffix("'s") for word in re.findall(r"[^\W\d_][\w'.-]*", name)]
    words = [word.strip("'.-") for word in words if word.strip("'.-") not in STOPWORDS]
    kinds = [word for word in words if word in _kind_words()]
    if not kinds or set(words) & TITLES - _kind_words():
        return False
    people = [e.name for e in briefing.entities if e.kind == "person"]
    people += [q.speaker for q in briefing.quotes if not is_organisation(q.speaker, briefing.entities)]
    if {surname(person) for person in people} & set(words):
        return False
    return all(_written(word, facts) for word in words if word not in _kind_words())


def _written(word: str, facts: ArticleFacts) -> bool:
    """The article writes the word, in any form ('Brazilian' for its 'Brazil', 'criminal' for
    'criminals')."""
    if word in facts.folded_words:
        return True
    # 'Criminal' for the French article's 'correctionnel' is the glossary's; 'Munich' its 'München'.
    if facts.lang != "en" and word_given(word, facts, facts.folded_words):
        return True
    stem = stem_word(word)
    if any(stem_word(other) == stem for other in facts.folded_words if other[:3] == word[:3]):
        return True
    return place_found(word.title(), facts)


@cache
def _kind_words() -> frozenset[str]:
    """The English words that say what kind of body a name is ('court', 'office', 'committee')
    (text/data/en/institution_kinds.txt, organisation_words.txt, site_kinds.txt)."""
    words = word_set("institution_kinds") | word_set("organisation_words") | word_set("site_kinds")
    return frozenset(words - STOPWORDS)
