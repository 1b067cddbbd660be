"""Whether a name in a briefing is one the article gives: people by surname, honorific form and
given name; organisations by name, initials or a slipped letter; places however the article writes
them; names written into free text."""

from __future__ import annotations

import re
from functools import cache

from ..models import Entity
from ..text.lexicon import word_list, word_set
from ..text.normalize import MONTHS, STOPWORDS, TITLES, WEEKDAYS, fold, plain, skeleton, undoubled
from .facts import ArticleFacts
from .translated import article_form, word_given

__all__ = [
    "aliases",
    "is_organisation",
    "description",
    "name_forms",
    "name_found",
    "place_found",
    "unknown_names",
]


#: What a model writes after a name to describe it: 'Jeff Bezos, the world's richest person', 'the
#: committee (Federal Open Market Committee)', 'Angel Enrique Sarmiento of the Mexican Navy', 'the
#: Fed's statement', 'Amazon.com, Inc.'.
_BRACKETED = re.compile(r"\s*\(([^)]*)\)")
_POSSESSED = re.compile(r"^(.*?)'s\s+[a-z][\w -]*$")
_CORPORATE = re.compile(r"(?:,?\s+(?:inc|llc|ltd|plc|corp|co|s\.?a)\.?|\.com)$", re.I)


def name_forms(name: str, *, person: bool = False) -> list[str]:
    """The forms under which a name in a briefing may stand in its article, the written form first:
    without what describes it after a comma or in brackets, the bracketed form itself ('FOMC', the
    article's own 'Comité Federal de Mercado Abierto'), the owner of a possessive ('the Fed's
    statement' is the Fed), without a company's legal suffix ('Amazon.com, Inc.' is Amazon), from its
    first capitalised word ('the rate-setting Federal Open Market Committee'), and, for a person,
    without 'of <organisation>' ('Angel Sarmiento of the Mexican Navy')."""
    forms = [name.strip()]
    bracketed = _BRACKETED.findall(name)
    bare = _BRACKETED.sub("", name).strip()
    forms += [bare, *(b.strip() for b in bracketed)]
    for form in list(forms):
        forms.append(form.split(",", 1)[0].strip())
    for form in [form for form in forms if "(" not in form]:
        if (owned := _POSSESSED.match(form)) is not None and len(form.split()) <= 4:
            forms.append(owned[1])
        forms.append(_CORPORATE.sub("", _CORPORATE.sub("", form)).strip())
        if (capital := re.search(r"(?<![\w'])[A-Z]", form)) is not None:
            forms.append(form[capital.start() :])
        # 'Sputnik news agency' is Sputnik; 'Federal Reserve System' the Federal Reserve.
        if not person and (lead := re.match(r"(?:[A-Z][\w.'&-]*\s?)+", form)) and lead[0].strip() != form:
            forms.append(lead[0].strip())
        if not person and len(words := form.split()) > 2 and fold(words[-1]) in _KIND_WORDS:
            forms.append(" ".join(words[:-1]))
        head = form.split(" of ", 1)[0]
        if head != form and (person or len(re.findall(r"(?<![\w'])[A-Z]", head)) >= 2):
            forms.append(head)
    return [form for form in dict.fromkeys(forms) if re.search(r"\w", form)]


#: The last words of an organisation's name that say what kind it is ('System', 'Group'): a model
#: writes the official name ('Federal Reserve System') where the article uses the short one.
_KIND_WORDS = frozenset(
    ("system", "group", "agency", "organization", "organisation", "corporation", "company", "department")
)


def description(name: str) -> str:
    """What a briefing writes after a name to describe it: after its comma, in its brackets."""
    after = name.split(",", 1)[1] if "," in name else ""
    return " ".join([after, *_BRACKETED.findall(name.split(",", 1)[0])]).strip()


def aliases(surname: str, facts: ArticleFacts) -> set[str]:
    """The other spellings the article gives a surname with an honorific: 'Mr Abdulla' for 'Ismayil Al
    Abdallah'. Only one spelling of the same name (its consonants, its first letter, within two letters
    of its length); 'Mr Abdel' is someone else."""
    surname = fold(surname)
    return {
        form
        for form in facts.honorific
        if form != surname
        and form[:1] == surname[:1]
        and abs(len(form) - len(surname)) <= 2
        and skeleton(form) == skeleton(surname)
    }


def name_found(name: str, facts: ArticleFacts, *, person: bool) -> bool:
    """The name is mentioned: in full, or (a person) by surname or its honorific form and never with
    another given name, or (an organisation) by its initials or with one letter slipped ('Gaurd')."""
    folded = fold(name).strip()
    if not folded:
        return False
    if _phrase_in(folded, facts):
        return True
    parts = [p for p in re.findall(r"[a-z0-9']+", folded) if p not in TITLES]
    if not parts:
        return False
    if person:
        surname = undoubled(parts[-1])
        forms = [w for w in facts.folded_words if undoubled(w) == surname] or sorted(
            aliases(parts[-1], facts)
        )
        return bool(forms) and _given_name_fits(parts, forms, facts)
    if _slipped_phrase_in(parts, facts):
        return True
    without_article = " ".join(parts)
    initials = "".join(p[0] for p in parts if p not in ("of", "and", "for")) if len(parts) > 1 else ""
    if _phrase_in(without_article, facts):
        return True
    # An acronym counts only in capitals: 'UN' for United Nations, never the word 'be' for Bank of England;
    # or as the source line gives it ('Agence France-Presse' for 'La Presse (AFP)').
    if len(initials) < 2:
        return False
    return re.search(rf"\b{initials.upper()}\b", facts.plain) is not None or initials in facts.outlets


#: The words that say what kind of place a name is, not which: "Hatay province" is Hatay, "Gaza Strip"
#: is Gaza. A place found without them is the place.
_PLACE_KINDS = frozenset(
    "the of province city state county region district strip island islands republic kingdom "
    "municipality prefecture governorate oblast territory territories town village area".split()
)

#: Where in a place: "northern Syria" is Syria, for an article that says "northwestern Syria".
_DIRECTIONS = frozenset(
    f"{way}{suffix}"
    for way in "north south east west northeast northwest southeast southwest central".split()
    for suffix in ("", "ern")
)


def place_found(name: str, facts: ArticleFacts) -> bool:
    """The place is one the article gives, however it writes it: as a name is found; by another form of
    it (text/data/en/places.txt: "U.S." for United States, "Turkish" for Turkey, "Kiev" for Kyiv);
    without the word
    for its kind ("Gaza" for Gaza Strip). Of "Lahaina, Maui, Hawaii", the most specific part (the
    first) must be; the rest only say where it is."""
    first = name.split(",", 1)[0].strip()
    if not first:
        return False
    words = re.findall(r"[\w'.]+", first)
    core = " ".join(word for word in words if fold(word) not in _PLACE_KINDS)
    # "northwest Syria" for the article's "northwestern Syria"; but not "North Korea", a place of its own.
    known = _place_key(first) in _place_groups()
    broad = " ".join(word for word in core.split() if known or fold(word) not in _DIRECTIONS)
    if any(_one_place_found(form, facts) for form in dict.fromkeys([first, core, broad]) if form):
        return True
    return facts.lang != "en" and translated_found(core or first, facts)


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
    undotted = _undotted(facts.plain)
    forms = [place, *_place_forms(place)]
    for form in forms:
        letters = form.replace(".", "")
        if letters.isupper() and letters.isalpha():
            if re.search(rf"(?<![\w.]){letters}(?![\w])", undotted):
                return True
        elif form is not place and _phrase_in(fold(form), facts):
            return True
    return False


def _undotted(text: str) -> str:
    """The text with the dots of initials gone: "U.S." is "US", "U.K." is "UK"."""
    return re.sub(r"(?<![\w.])((?:[A-Z]\.){2,})", lambda m: m[1].replace(".", ""), text)


def _place_forms(place: str) -> list[str]:
    """The other forms of the place in text/data/en/places.txt (none when it is not there)."""
    key = _place_key(place)
    return [form for group in _place_groups().get(key, []) for form in group if _place_key(form) != key]


def _place_key(form: str) -> str:
    return fold(form).replace(".", "").removeprefix("the ").strip()


@cache
def _place_groups() -> dict[str, list[tuple[str, ...]]]:
    groups: dict[str, list[tuple[str, ...]]] = {}
    for line in word_list("places"):
        forms = tuple(form.strip() for form in line.split("|"))
        for form in forms:
            groups.setdefault(_place_key(form), []).append(forms)
    return groups


def _phrase_in(phrase: str, facts: ArticleFacts) -> bool:
    """The phrase stands in the article, a possessive apart ("OpenAI's board of directors")."""
    pattern = r"(?:'s)?\s+".join(re.escape(word) for word in phrase.split())
    return re.search(r"(?<![a-z0-9])" + pattern + r"(?![a-z0-9])", facts.folded) is not None


def _given_name_fits(parts: list[str], forms: list[str], facts: ArticleFacts) -> bool:
    """A person named with a given name the article never uses ('Salman Dawood') is someone else, or
    no one, when the article gives that surname other given names ('Shahzada Dawood'). An article that
    only ever says 'President Biden' lets 'Joe Biden' stand."""
    # 'Ecuadorean President Rafael Correa': one given name the article uses is enough.
    if len(parts) < 2 or len(parts[0]) < 2 or any(p in facts.folded_words for p in parts[:-1]):
        return True
    given: set[str] = set()
    for form in forms:
        for match in re.finditer(r"\b([A-Z][A-Za-z'-]+) (?i:" + re.escape(form) + r")\b", facts.plain):
            word = fold(match[1])
            if word not in TITLES and word not in STOPWORDS and word not in _HONORIFICS:
                given.add(word)
    return not given


_HONORIFICS = word_set("honorifics")


def _slipped(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two swapped ('gaurd' for 'guard'), in words of five or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return len(diff) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _slipped_phrase_in(parts: list[str], facts: ArticleFacts) -> bool:
    """The name's words stand together in the article, each as written or with one slip."""
    words = [p.strip("'") for p in parts]
    size = len(words)
    if size == 0:
        return False
    text = facts.word_list
    for start in range(len(text) - size + 1):
        if all(_slipped(word, text[start + k]) for k, word in enumerate(words)):
            return True
    return False


#: A run of capitalised words, with the small words names carry ('Bank of England', 'Ismayil Al Abdallah').
#: A hyphen between two capitalised words joins them ('Agence France-Presse', which plain() spaces).
_NAME_RUN = re.compile(
    r"(?<![\w'])[A-Z][\w'-]*(?:(?:\s+-\s+|\s+(?:(?:of|and|the|de|del|da|di|du|van|von|bin|al|el|la|le)\s+)?)"
    r"[A-Z][\w'-]*)+"
)


def unknown_names(text: str, facts: ArticleFacts) -> list[str]:
    """Names in free text (a key point, a summary) that the article does not give: 'general counsel
    Mark Thompson', 'Bramley Construction' where the article has 'Brawner Builders' and 'construction
    workers', 'Fed Chair Jerome Powell' in an article that names no one, 'Juan Carlos Ferrero' beside
    its Carlos Alcaraz, 'Prince William'. A name of two words or more, or one with a title before it, is
    looked up as a whole: its last word must be one the article writes with a capital (a slip allowed)
    and a person's given name must fit; or the article gives it as a phrase, by its initials, as a
    place, or in its own words (translated.article_form). Titles, months and weekdays are not names.
    In an article in another language, whose names a model translates, one word the article gives
    with a capital lets a name pass: a name half invented there is left to the entity and speaker
    checks."""
    found = []
    written = plain(text)
    for match in _NAME_RUN.finditer(written):
        run = match[0].replace("'s ", " ").removesuffix("'s")
        # A sentence's first word is capitalised for the sentence ('Ends Djokovic's run'): it is left
        # out when it is not the article's and the next word is.
        opening = re.match(r"(\S+)\s+(\S+)", run)
        if (
            opening
            and re.search(r"(?:^|[.!?:;]\s+)$", written[: match.start()])
            and not _capitalised(fold(opening[1]), facts)
            and _capitalised(fold(opening[2]), facts)
        ):
            run = run[opening.start(2) :]
        # 'Jeffrey Pritzker of Bramley Construction' is two names: each is looked up.
        parts = _CONNECTOR.split(run)
        for name in parts if len(parts) > 1 else [run]:
            words = [fold(w).removesuffix("'s") for w in re.findall(r"[A-Z][\w'-]*", name)]
            named = [w for w in words if w not in TITLES and w not in STOPWORDS and w not in MONTHS]
            named = [w for w in named if w not in WEEKDAYS and len(w) > 1]
            # 'Prince William': one name with a title is a person's (in English: 'US CPI' is no person).
            titled = facts.lang == "en" and len(named) == 1 and any(w in TITLES - STOPWORDS for w in words)
            if (len(named) >= 2 or titled) and not _known(name, named, facts) and name not in found:
                found.append(name)
    return found


def _known(name: str, named: list[str], facts: ArticleFacts) -> bool:
    if facts.lang != "en":
        # A model writing English translates the article's names ('Grand Slam' for 'Grand Chelem',
        # 'National Emergency Committee', 'World Cup' for 'Mundial'): one word the article gives, as
        # written or in its own form (translated.word_given), lets the name pass.
        return (
            any(_capitalised(word, facts) or word_given(word, facts, facts.capitalised) for word in named)
            or article_form(name, facts) is not None
            or _official(named, facts)
        )
    # The last word is the surname or the head ('Army Corps' for the article's 'Army Corp'), or an
    # acronym of the article's words ('ADG' for 'additional director general').
    if _capitalised(named[-1], facts) or _capitalised(named[-1].removesuffix("s"), facts):
        return len(named) < 2 or name_found(name, facts, person=True) or _capitalised(named[0], facts)
    if _spelt_out(named[-1], facts):
        return True
    if name_found(name, facts, person=False) or place_found(name, facts):
        return True
    return article_form(name, facts) is not None or _official(named, facts) or _with_place_forms(name, facts)


#: Words an organisation's official name adds to the name an article uses ('Ministry of Home Affairs'
#: for 'Home Ministry', 'Civil Protection Department' for 'Civil Protection agency').
_OFFICIAL = frozenset(("affairs", "department", "office", "agency", "service", "services", "ministry"))


def _official(named: list[str], facts: ArticleFacts) -> bool:
    """An organisation written in full: without the words that say what kind it is (_OFFICIAL), its
    words are names the article gives, together ('Home Affairs' for 'Home ministry')."""
    core = [w for w in named if w not in _OFFICIAL]
    if not core or len(core) == len(named) or not all(_capitalised(w, facts) for w in core):
        return False
    return article_form(" ".join(core), facts) is not None


def _with_place_forms(name: str, facts: ArticleFacts) -> bool:
    """An organisation named with a place in another of its forms ('United States Geological Survey'
    for the article's 'U.S. Geological Survey', text/data/en/places.txt)."""
    folded = fold(name)
    for key, groups in _place_groups().items():
        if " " not in key or not re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", folded):
            continue
        for form in {form for group in groups for form in group}:
            other = re.sub(rf"(?<![a-z]){re.escape(key)}(?![a-z])", form, folded)
            if other != folded and (name_found(other, facts, person=False) or _undotted_in(other, facts)):
                return True
    return False


def _undotted_in(name: str, facts: ArticleFacts) -> bool:
    """The name stands in the article with its initials' dots gone ('us geological survey' for 'U.S.
    Geological Survey')."""
    pattern = r"\s+".join(re.escape(word) for word in name.replace(".", "").split())
    return re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", fold(_undotted(facts.plain))) is not None


def _spelt_out(acronym: str, facts: ArticleFacts) -> bool:
    """The article writes out the acronym's words: 'adg' for 'additional director general'."""
    words = [w for w in facts.word_list if w not in ("of", "and", "the")]
    size = len(acronym)
    if not 2 <= size <= 6:
        return False
    return any("".join(w[0] for w in words[i : i + size]) == acronym for i in range(len(words) - size + 1))


_CONNECTOR = re.compile(r"\s+(?:of|and|the)\s+")


def _capitalised(word: str, facts: ArticleFacts) -> bool:
    return word in facts.capitalised or any(_slipped(word, known) for known in facts.capitalised)


#: Words that make a speaker an organisation rather than a person ('OpenAI board of directors').
_ORGANISATION = word_set("organisation_words")


def is_organisation(speaker: str, entities: list[Entity]) -> bool:
    """The speaker is an organisation: the briefing says so, or its name says so and no person has it."""
    folded = fold(speaker)
    kinds = {e.kind for e in entities if fold(e.name) == folded}
    if kinds:
        return "organization" in kinds and "person" not in kinds
    return bool(set(re.findall(r"[a-z]+", folded)) & _ORGANISATION)
