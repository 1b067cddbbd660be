"""The forms of a briefing's name that its article gives: the speaker as the article names them, without
the description a model adds ('Pope Francis' where the pope is 'François Ier')."""

from __future__ import annotations

import re

from ..text.normalize import STOPWORDS, TITLES, fold
from .facts import ArticleFacts
from .names import name_forms, name_found, outlet_given
from .translated import article_form
from .written import known_organisation

__all__ = ["found_form", "found_forms"]


def found_forms(name: str, facts: ArticleFacts, *, person: bool) -> list[str]:
    """Every form of the name (names.name_forms) that the article gives, in found_form's order."""
    forms = name_forms(name, person=person)
    if person:
        forms.sort(key=lambda form: len(form.split()))
    return [form for form in forms if name_found(form, facts, person=person)]


def found_form(name: str, facts: ArticleFacts, *, person: bool) -> str | None:
    """The first form of the name (names.name_forms) that the article gives, else the article's own
    form of it (translated.article_form); None if there is none. A person's shortest form comes first:
    'Isaac' of 'Isaac, 18, whose little cousins were trapped', whose last word the article has too."""
    forms = name_forms(name, person=person)
    if person:
        # 'Mayor' of 'Mayor of Amatrice Sergio Pirozzi' is a title, not the person.
        forms = [form for form in forms if _named(form)] or forms
        forms.sort(key=lambda form: len(form.split()))
    found = next((form for form in forms if name_found(form, facts, person=person)), None)
    if found is not None or (person and facts.lang == "en"):
        return found
    if not person and (known_organisation(name, facts) or outlet_given(name, facts)):
        # Written in full, as a name in free text may be ('United States Coast Guard'), or the outlet:
        # as the article writes it where its words stand together ('Banque centrale européenne', whose
        # 'BCE' then speaks), else as written.
        return article_form(name, facts) or name
    # Translated ('Pope Francis' for 'le pape François'), or an organisation's words in another order:
    # the article's own form, so that the speaker is looked for as the article writes them. A person
    # by their name without the title too: 'Pope Francis' where the pope is 'François Ier'.
    if person:
        forms += [untitled for form in forms if (untitled := _untitled(form)) and untitled not in forms]
    return next((own for form in forms if (own := article_form(form, facts)) is not None), None)


def _untitled(form: str) -> str:
    """A person's name without the titles before it ('Pope Francis' is Francis)."""
    words = form.split()
    while len(words) > 1 and fold(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def _named(form: str) -> bool:
    """The form holds a word that is neither a title nor a small word: it can name someone."""
    return any(w not in TITLES and w not in STOPWORDS for w in re.findall(r"[a-z]+", fold(form)))
