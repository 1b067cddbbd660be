"""Whether a name in a briefing is one the article gives: people by surname, honorific form and
given name; organisations by name, initials or a slipped letter; places however the article writes
them; names written into free text."""

from __future__ import annotations

import re
from functools import cache

from ..models import Entity
from ..text.lexicon import every_language, word_set
from ..text.normalize import STOPWORDS, TITLES, fold, plain, skeleton, undoubled
from .facts import ArticleFacts
from .given import only_given_names
from .translated import article_form, cognate, one_word, word_given

__all__ = [
    "aliases",
    "is_organisation",
    "description",
    "name_forms",
    "name_found",
    "news_agency_given",
    "outlet_given",
    "place_found",
    "place_groups",
    "slipped",
    "translated_found",
    "undotted",
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
        # A person written with their titles first ('Harris County Institute of Forensic Sciences
        # spokeswoman Tricia Bentley'): the name is the run of capitalised words after the last title.
        # Not 'Opponents of President Emmanuel Macron': the one after 'of' is not the one speaking.
        titled = _TITLED_NAME.search(form) if person else None
        if (
            titled is not None
            and form[: titled.start()].strip()
            and not re.search(r"\b(?:of|to|for)\s+$", form[: titled.start()])
        ):
            forms.append(titled[1])
        head = form.split(" of ", 1)[0]
        if head != form and (person or len(re.findall(r"(?<![\w'])[A-Z]", head)) >= 2):
            forms.append(head)
    return [form for form in dict.fromkeys(forms) if re.search(r"\w", form)]


#: The last words of an organisation's name that say what kind it is ('System', 'Group'): a model
#: writes the official name ('Federal Reserve System') where the article uses the short one.
_KIND_WORDS = frozenset(
    (
        "system",
        "group",
        "agency",
        "organization",
        "organisation",
        "corporation",
        "company",
        "department",
        "headquarters",
    )
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
        # 'Swedish singer Loreen': what describes the person (a word in lower case, a nationality) is
        # no given name.
        described = {fold(w) for w in re.findall(r"[\w'-]+", name) if w[:1].islower()}
        given = [p for p in parts[:-1] if p not in described and _place_key(p) not in place_groups()]
        return bool(forms) and _given_name_fits([*given, parts[-1]], forms, facts)
    if _slipped_phrase_in(parts, facts) or news_agency_given(name, facts):
        return True
    without_article = " ".join(parts)
    # The initials of every word, titles too ('UPI' of United Press International).
    every = re.findall(r"[a-z0-9']+", folded)
    initials = "".join(p[0] for p in every if p not in _SMALL_WORDS) if len(every) > 1 else ""
    if _phrase_in(without_article, facts):
        return True
    # An acronym counts only in capitals: 'UN' for United Nations, never the word 'be' for Bank of England;
    # or as the source line gives it ('Agence France-Presse' for 'La Presse (AFP)').
    if len(initials) < 2:
        return False
    return re.search(rf"\b{initials.upper()}\b", facts.plain) is not None or initials in facts.outlets


def outlet_given(name: str, facts: ArticleFacts) -> bool:
    """The outlet of the source line, which the prompt gives, written in full: by its initials
    ('Agenzia Nazionale Stampa Associata' for 'ANSA', 'Australian Broadcasting Corporation' and
    'American Broadcasting Company News' for 'ABC News'), or with what it is after it ('TASS Russian
    News Agency' for 'TASS')."""
    words = re.findall(r"[a-z0-9']+", fold(name))
    if len(words) < 2 or not facts.outlets:
        return False
    initials = "".join(w[0] for w in words if w not in _SMALL_WORDS)
    for outlet in facts.outlets:
        first, *rest = outlet.split()
        if len(first) >= 3 and initials in (first, first + "".join(w[0] for w in rest)):
            return True
        if not rest and words[0] == first:
            return True
    return False


#: The small words of a name in any shipped language, left out of its initials ('Agenzia Nazionale
#: Stampa Associata' is ANSA, 'Radiotelevisione di San Marino').
_SMALL_WORDS = frozenset(
    "of and the for di de da del della delle dei degli do dos la le des du der und e y".split()
)


#: The words that say what kind of place a name is, not which: "Hatay province" is Hatay, "Gaza Strip"
#: is Gaza, "Federative Republic of Brazil" (text/data/en/official_styles.txt) is Brazil. A place found
#: without them is the place.
_PLACE_KINDS = frozenset(
    "the of province city state county region district strip island islands republic kingdom "
    "municipality prefecture governorate oblast territory territories town village area".split()
) | word_set("official_styles")

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
    known = _place_key(first) in place_groups()
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
        elif form is not place and _phrase_in(fold(form), facts):
            return True
    return False


def undotted(text: str) -> str:
    """The text with the dots of initials gone: "U.S." is "US", "U.K." is "UK"."""
    return re.sub(r"(?<![\w.])((?:[A-Z]\.){2,})", lambda m: m[1].replace(".", ""), text)


def _place_forms(place: str) -> list[str]:
    """The other forms of the place in text/data/<lang>/places.txt (none when it is not there)."""
    key = _place_key(place)
    return [form for group in place_groups().get(key, []) for form in group if _place_key(form) != key]


def _place_key(form: str) -> str:
    return fold(form).replace(".", "").removeprefix("the ").strip()


@cache
def place_groups() -> dict[str, list[tuple[str, ...]]]:
    groups: dict[str, list[tuple[str, ...]]] = {}
    for line in every_language("places"):
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
            # "Sweden's Loreen": a place before the name is not its given name.
            if word.endswith("'s") or _place_key(word) in place_groups():
                continue
            if word not in TITLES and word not in STOPWORDS and word not in _HONORIFICS:
                given.add(word)
    # 'Pope Benedict XVI' for the Italian 'Papa Benedetto XVI': the given name in the article's language.
    # 'Coppa Italia' for the Spanish 'Copa Italia', 'Cape Verde' for 'Cabo Verde': one word translated.
    translated = facts.lang != "en" and any(
        cognate(p, g) or one_word(p, g) for p in parts[:-1] for g in given
    )
    return (not given and not only_given_names(forms, facts)) or translated


_HONORIFICS = word_set("honorifics")


def slipped(a: str, b: str) -> bool:
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
        if all(slipped(word, text[start + k]) for k, word in enumerate(words)):
            return True
    return False


def news_agency_given(name: str, facts: ArticleFacts) -> bool:
    """A news agency written in full ('Deutsche Presse-Agentur', 'Agence France-Presse', 'Associated
    Press'; in free text a hyphen ends the name: 'Deutsche Presse') where the article or its source
    line gives another of its forms ('dpa', 'AFP', 'KION 546 (AP)'): text/data/en/news_organisations.txt."""
    words = " ".join(re.findall(r"[a-z0-9]+", fold(name))).removeprefix("the ")
    for forms in _news_agencies():
        if any(form == words or (form.startswith(words + " ") and " " in words) for form in forms):
            return any(_phrase_in(form, facts) for form in forms)
    return False


@cache
def _news_agencies() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(form.strip() for form in line.split("|")) for line in every_language("news_organisations")
    )


#: Words that make a speaker an organisation rather than a person ('OpenAI board of directors').
_ORGANISATION = word_set("organisation_words")


def is_organisation(speaker: str, entities: list[Entity]) -> bool:
    """The speaker is an organisation: the briefing says so, or its name says so and no person has it."""
    folded = fold(speaker)
    kinds = {e.kind for e in entities if fold(e.name) == folded}
    if kinds:
        return "organization" in kinds and "person" not in kinds
    # 'European Central Bank President Lagarde', 'Houston Police Chief Art Acevedo': the organisation
    # says whose title it is; the name after the title is a person's.
    titled = _TITLED_NAME.search(plain(speaker))
    if titled and not set(re.findall(r"[a-z]+", fold(titled[1]))) & _ORGANISATION:
        return False
    return bool(set(re.findall(r"[a-z]+", folded)) & _ORGANISATION)


#: The titles of a person's office ('President', 'Chief'), not the words that only go with one
#: ('the', 'US', 'Press', 'Former').
_OFFICES = sorted(
    (
        t
        for t in TITLES - STOPWORDS
        if t.isalpha() and t not in ("us", "state", "foreign", "press", "special", "former")
    ),
    key=len,
    reverse=True,
)
#: A title and a name after it ('President Lagarde', 'Chief Art Acevedo', 'spokesman Laxmi Dhakal').
_TITLED_NAME = re.compile(
    r"(?<![\w'])(?i:" + "|".join(_OFFICES) + r")\s+((?:[A-Z][\w'-]+\s+)*[A-Z][\w'-]+)\s*$"
)
