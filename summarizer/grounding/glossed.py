"""Names a briefing glosses with the article's own form: an organisation or a place written out in full
or in another language ('Hellenic Broadcasting Corporation') whose description says what the article
calls it ('ERT, public broadcaster'), in Who's who or in brackets beside it in a sentence."""

from __future__ import annotations

import re

from ..models import Briefing
from ..text.normalize import STOPWORDS, TITLES, fold, plain
from .acronyms import written_inside_a_sentence
from .facts import ArticleFacts
from .names import name_found, place_groups
from .translated import article_form

__all__ = ["glossed", "glossed_names"]

#: A run of capitalised words with the small words names carry, then brackets: 'National Institute of
#: Geophysics and Volcanology (INGV)', 'The Italian Coast Guard (Guardia Costiera)'.
_BRACKETED_NAME = re.compile(
    r"(?<![\w'])([A-Z][\w'-]*(?:\s+(?:(?:of|and|the|for|de|di|della|del|da|do|du|des)\s+)?[A-Z][\w'-]*)*)"
    r"\s*\(([^()]+)\)"
)
#: The small words a name carries between its capitalised ones ('Istituto Nazionale di Geofisica e
#: Vulcanologia', 'Capitaneria di Porto').
_SMALL_WORDS = frozenset("of and the for de di del della da do dos du des e y la le von van der".split())
#: What a description writes before the name it gives: an owner ("Spain's Civil Guard"), an article.
_OWNER = re.compile(r"^(?:the\s+)?(?:[A-Z][\w-]*'s\s+)?", re.I)


def glossed_names(briefing: Briefing, facts: ArticleFacts) -> frozenset[str]:
    """The names (folded) of the briefing's organisations and places that it glosses with a name the
    article gives: in Who's who, a description one of whose parts is that name ('ERT, public
    broadcaster'; 'Italian state broadcaster (RAI)'; "Spain's Civil Guard" for 'Guardia Civil'); in a
    sentence, a name with the article's in brackets after it, or the article's with the name in
    brackets ('The Italian Coast Guard (Guardia Costiera)'). A reader checking the brief sees both, as
    a fact-checker reads 'ERT' in the article and the model's gloss of it. A part that is a place, one
    of the briefing's people, an owner ('Bergoglio's order') or one capitalised word that may be a place
    ('avalanche-stricken hotel, Abruzzo') names no organisation and glosses none; an acronym does."""
    # The briefing's people by surname: 'Mitsotakis' glosses no organisation.
    people = {words[-1] for e in briefing.entities if e.kind == "person" and (words := _words(e.name))}
    places = {fold(e.name) for e in briefing.entities if e.kind == "place"}

    def gives(part: str) -> bool:
        name = _OWNER.sub("", part.strip()).strip()
        words = re.findall(r"[\w'-]+", name)
        if not _a_name(name) and not _articles_own(name, facts):
            return False
        # One capitalised word may be a place or a person ('Larissa'); an acronym is a body's ('ERT').
        if len(words) == 1 and sum(c.isupper() for c in name) < 2:
            return False
        key = fold(name)
        if key in places or key.removeprefix("the ") in place_groups() or set(_words(name)) & people:
            return False
        # The gloss whole, as the article writes it or in its own words: not 'Procura' alone for
        # 'Procura della Repubblica di Pescara'.
        return name_found(name, facts, person=False) or article_form(name, facts) is not None

    names: set[str] = set()
    for entity in briefing.entities:
        if entity.kind != "person" and entity.role and any(gives(p) for p in _parts(entity.role)):
            names.add(fold(entity.name))
    texts = [briefing.headline, briefing.summary, *briefing.key_points, *briefing.what_next]
    for text in texts + [event.event for event in briefing.timeline]:
        for match in _BRACKETED_NAME.finditer(plain(text)):
            outside, inside = match[1], match[2]
            if not _a_name(inside):
                continue
            if gives(inside):
                names.add(fold(outside))
            elif gives(outside):
                names.add(fold(inside))
    return frozenset(names)


def glossed(name: str, names: frozenset[str]) -> bool:
    """The name in free text is one of the glossed names, or a run of its words ('The National
    Institute' of 'National Institute of Geophysics and Volcanology'), with a title beside it ('Port
    Authority Commander' of 'Port Authority')."""
    run = _untitled(name)
    if not run.strip():
        return False
    # One word of a glossed name ('Authority') is not enough: the name whole, or two of its words.
    return any(run == _untitled(known) or (run.count(" ") > 2 and run in _untitled(known)) for known in names)


def _a_name(text: str) -> bool:
    """A name, not a description nor a list ('with the United Kingdom, France'): it opens with a
    capital, and each of its words is capitalised, a figure or one of the small words names carry."""
    words = re.findall(r"[\w'-]+", text)
    if not words or not text[:1].isupper() or re.search(r"[,;:]", text):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS for w in words)


def _articles_own(text: str, facts: ArticleFacts) -> bool:
    """The article's own name for a body, word for word as it writes it inside a sentence, with its
    capital and in its small letters ('selon le Centre africain de contrôle et de prévention des
    maladies'): three words or more, in an article in another language than the briefing's English,
    where what the model copies in the article's words is its name, not an English description of it."""
    if facts.lang == "en" or len(re.findall(r"[\w'-]+", text)) < 3 or re.search(r"[,;:]", text):
        return False
    return text[:1].isupper() and written_inside_a_sentence(text, facts.plain)


def _parts(description: str) -> list[str]:
    """A description's parts: between its commas and semicolons, and in its brackets."""
    inner = re.findall(r"\(([^()]*)\)", description)
    outer = re.sub(r"\([^()]*\)", ",", description)
    return [part for part in re.split(r"[,;/]", ",".join([outer, *inner])) if part.strip()]


def _untitled(name: str) -> str:
    """The name's words without titles and small words, spaced on both sides for a run to be looked for."""
    words = re.findall(r"[a-z0-9'-]+", fold(name).replace("'s ", " "))
    return f" {' '.join(w for w in words if w not in TITLES and w not in STOPWORDS)} "


def _words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9'-]+", fold(name))
    return [w for w in words if w not in STOPWORDS and w not in TITLES and w not in _SMALL_WORDS]
