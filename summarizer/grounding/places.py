"""Whether a place in a briefing is one the article gives, however it writes it: another form of the
place (text/data/<lang>/places.txt), without the word for its kind, in brackets, or translated word by
word from the article's language."""

from __future__ import annotations

import re

from ..text.lexicon import word_set
from ..text.normalize import STOPWORDS, fold
from .facts import ArticleFacts
from .names import name_found, phrase_in, place_groups, place_key
from .translated import article_form, word_given

__all__ = ["country_named", "place_found", "translated_found", "undotted"]

#: A form of the place in brackets beside it: 'Rhineland-Palatinate (Rheinland-Pfalz)'.
_BRACKETED = re.compile(r"\s*\(([^)]*)\)")

#: The words that say what kind of place a name is, not which: "Hatay province" is Hatay, "Gaza Strip"
#: is Gaza, "Federative Republic of Brazil" (text/data/en/official_styles.txt) is Brazil, "Hotel
#: Rigopiano" the article's Rigopiano hotel (site_kinds.txt). A place found without them is the place.
_PLACE_KINDS = (
    frozenset(
        "the of province city state county region district strip island islands republic kingdom "
        "municipality prefecture governorate oblast territory territories town village area".split()
    )
    | word_set("official_styles")
    | word_set("site_kinds")
)

#: Where in a place: "northern Syria" is Syria, for an article that says "northwestern Syria".
_DIRECTIONS = frozenset(
    f"{way}{suffix}"
    for way in "north south east west northeast northwest southeast southwest central".split()
    for suffix in ("", "ern")
)


def place_found(name: str, facts: ArticleFacts) -> bool:
    """The place is one the article gives, however it writes it: as a name is found; by another form of
    it (text/data/<lang>/places.txt: "U.S." for United States, "Turkish" for Turkey, "Kiev" for Kyiv,
    "Nordrhein-Westfalen" for North Rhine-Westphalia); without the word for its kind ("Gaza" for Gaza
    Strip); in brackets, the form the article gives ("Ahrweiler district (Kreis Ahrweiler)"); in an
    article in another language, translated word by word (translated.article_form). Of "Lahaina, Maui,
    Hawaii", the most specific part (the first) must be; the rest only say where it is."""
    if bracketed := _BRACKETED.findall(name):
        # 'Rhineland-Palatinate (Rheinland-Pfalz)': the place as translated, or in the article's form.
        forms = [_BRACKETED.sub("", name), *bracketed]
        return any(place_found(form, facts) for form in forms if form.strip())
    first = name.split(",", 1)[0].strip()
    if not first:
        return False
    words = re.findall(r"[\w'.]+", first)
    core = " ".join(word for word in words if fold(word) not in _PLACE_KINDS)
    # "northwest Syria" for the article's "northwestern Syria"; but not "North Korea", a place of its own.
    known = place_key(first) in place_groups()
    broad = " ".join(word for word in core.split() if known or fold(word) not in _DIRECTIONS)
    if any(_one_place_found(form, facts) for form in dict.fromkeys([first, core, broad]) if form):
        return True
    # A place the model translated ('Rhineland-Palatinate' for 'Rheinland-Pfalz'), in the article's words.
    return facts.lang != "en" and (
        translated_found(core or first, facts) or article_form(first, facts) is not None
    )


def translated_found(name: str, facts: ArticleFacts) -> bool:
    """A name a model translated from the article's language ('Saint Barthélemy' for 'San Bartolomé',
    'Mount Everest' for 'mont Everest', 'tour de Dharhara'): each of its words is one of the article's
    in its own form (translated.word_given), and one of them is a word the article capitalises."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in STOPWORDS and len(w) > 1]
    words = [w for w in words if w not in _PLACE_KINDS and w not in _DIRECTIONS] or words
    if not words:
        return False
    return all(word_given(w, facts, facts.folded_words) for w in words) and any(
        word_given(w, facts, facts.capitalised) for w in words
    )


def _one_place_found(place: str, facts: ArticleFacts) -> bool:
    if name_found(place, facts, person=False):
        return True
    text = undotted(facts.plain)
    forms = [place, *_place_forms(place)]
    for form in forms:
        letters = form.replace(".", "")
        if letters.isupper() and letters.isalpha():
            if re.search(rf"(?<![\w.]){letters}(?![\w])", text):
                return True
        elif form is not place and phrase_in(fold(form), facts):
            return True
    return False


def undotted(text: str) -> str:
    """The text with the dots of initials gone: "U.S." is "US", "U.K." is "UK"."""
    return re.sub(r"(?<![\w.])((?:[A-Z]\.){2,})", lambda m: m[1].replace(".", ""), text)


def _place_forms(place: str) -> list[str]:
    """The other forms of the place in text/data/<lang>/places.txt (none when it is not there)."""
    key = place_key(place)
    return [form for group in place_groups().get(key, []) for form in group if place_key(form) != key]


def country_named(name: str, facts: ArticleFacts) -> bool:
    """A country standing for its national team or its state, filed as an organisation ('Italy' beat
    'England' at Wembley), in an article in another language that names the country its own way
    ('Italia', 'los ingleses'): the name is the country's English one, translated, not another
    body's. In an English article the organisation is found as written, or not at all."""
    key = place_key(name)
    countries = [group for group in place_groups().get(key, []) if place_key(group[0]) == key]
    return facts.lang != "en" and bool(countries) and place_found(name, facts)
