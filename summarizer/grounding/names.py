"""Whether a name in a briefing is one the article gives: people by surname, honorific form and
given name; organisations by name, initials or a slipped letter; places however the article writes
them; names written into free text."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import LANGUAGES, word_set
from ..text.normalize import STOPWORDS, TITLES, fold, skeleton, stem_word, undoubled
from ..text.numbers import WORD_NUMBERS
from ..text.outlets import news_organisations
from ..text.places import place_groups, place_key
from .acronyms import abbreviation_given, initials
from .described import TITLED_NAME, described_name
from .facts import ArticleFacts
from .given import only_given_names
from .translated import cognate, one_word

__all__ = [
    "aliases",
    "description",
    "name_forms",
    "name_found",
    "news_agency_given",
    "outlet_given",
    "phrase_in",
    "place_groups",
    "place_key",
    "slipped",
]


#: What a model writes after a name to describe it: 'Jeff Bezos, the world's richest person', 'the
#: committee (Federal Open Market Committee)', 'Angel Enrique Sarmiento of the Mexican Navy', 'the
#: Fed's statement', 'Amazon.com, Inc.'.
_BRACKETED = re.compile(r"\s*\(([^)]*)\)")
_POSSESSED = re.compile(r"^(.*?)'s\s+[a-z][\w -]*$")
_CORPORATE = re.compile(r"(?:,?\s+(?:inc|llc|ltd|plc|corp|co|s\.?a)\.?|\.com)$", re.I)


#: A name of capitalised words only ('Nathalie Kosciusko-Morizet', "Ursula von der Leyen").
_CAPITALISED = re.compile(r"[A-Z][\w'.-]*(?:\s+(?:(?:von|van|der|de|da|di|del|la|le)\s+)*[A-Z][\w'.-]*)*")


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
        # 'la ministre des Transports, Nathalie Kosciusko-Morizet': a description in lower case first,
        # then the person's name after the comma, each word capitalised.
        head, _, rest = form.partition(",")
        if person and head[:1].islower() and _CAPITALISED.fullmatch(rest.strip()):
            forms.append(rest.strip())
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
        # 'Agence Belga' is the article's Belga, 'Grupo Globo' its Globo: the kind of body, first.
        if not person and len(words := form.split()) > 1 and fold(words[0]) in _opening_kinds():
            forms.append(" ".join(words[1:]))
        # A person written with their titles first ('Harris County Institute of Forensic Sciences
        # spokeswoman Tricia Bentley'): the name is the run of capitalised words after the last title.
        # Not 'Opponents of President Emmanuel Macron': the one after 'of' is not the one speaking.
        titled = TITLED_NAME.search(form) if person else None
        if (
            titled is not None
            and form[: titled.start()].strip()
            and not re.search(r"\b(?:of|to|for)\s+$", form[: titled.start()])
        ):
            forms.append(titled[1])
        # ... or after what they do or whom they work for ('Workers' Party candidate Fernando Haddad',
        # 'Head of the Civil Protection Department Fabrizio Curcio').
        if person and (described := described_name(form)) is not None:
            forms.append(described)
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


@cache
def _opening_kinds() -> frozenset[str]:
    """The words other languages open an organisation's name with to say what kind of body it is
    (text/data/<lang>/organisation_kinds.txt: 'agence', 'grupo'); English puts its kind last."""
    kinds: set[str] = set()
    for lang in (lang for lang in LANGUAGES if lang != "en"):
        try:
            kinds |= word_set("organisation_kinds", lang)
        except FileNotFoundError:
            continue
    return frozenset(kinds)


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
    if phrase_in(folded, facts):
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
        given = [p for p in parts[:-1] if p not in described and place_key(p) not in place_groups()]
        return bool(forms) and _given_name_fits([*given, parts[-1]], forms, facts)
    if _slipped_phrase_in(parts, facts) or news_agency_given(name, facts):
        return True
    without_article = " ".join(parts)
    # The initials of every word, titles too ('UPI' of United Press International).
    every = re.findall(r"[a-z0-9']+", folded)
    letters = initials(every) if len(every) > 1 else ""
    if phrase_in(without_article, facts):
        return True
    # An acronym counts as the article writes one: 'UN' for United Nations, 'Ansa' for Agenzia Nazionale
    # Stampa Associata, never the word 'be' for Bank of England; or as the source line gives it
    # ('Agence France-Presse' for 'La Presse (AFP)').
    return abbreviation_given(folded, facts) or (len(letters) > 1 and letters in facts.outlets)


def outlet_given(name: str, facts: ArticleFacts) -> bool:
    """The outlet of the source line, which the prompt gives, written in full: by its initials
    ('Agenzia Nazionale Stampa Associata' for 'ANSA', 'Australian Broadcasting Corporation' and
    'American Broadcasting Company News' for 'ABC News'), or with what it is after it ('TASS Russian
    News Agency' for 'TASS')."""
    words = re.findall(r"[a-z0-9']+", fold(name))
    if len(words) < 2 or not facts.outlets:
        return False
    letters = initials(words)
    for outlet in facts.outlets:
        first, *rest = outlet.split()
        if len(first) >= 3 and letters in (first, first + "".join(w[0] for w in rest)):
            return True
        if not rest and words[0] == first:
            return True
    return False


def phrase_in(phrase: str, facts: ArticleFacts) -> bool:
    """The phrase stands in the article, a possessive apart ("OpenAI's board of directors"), a hyphen
    for a space, a number in words for one in figures ('Five Star Movement', '5-Star movement')."""
    pattern = r"(?:'s)?(?:\s+-)?\s+".join(_number_forms(word) for word in phrase.split())
    return re.search(r"(?<![a-z0-9])" + pattern + r"(?![a-z0-9])", facts.folded) is not None


def _number_forms(word: str) -> str:
    """A word of a name as a pattern: a whole number up to twenty in words or in figures."""
    value = WORD_NUMBERS.get(word) if not word.isdigit() else float(word)
    if value is None or not 0 < value <= 20 or value != int(value):
        return re.escape(word)
    spelt = [w for w, v in WORD_NUMBERS.items() if v == value and w.isalpha()]
    return "(?:" + "|".join(map(re.escape, [f"{value:g}", *spelt])) + ")"


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
            if word.endswith("'s") or place_key(word) in place_groups():
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
    """The name's words stand together in the article, each as written, with one slip, or in another
    form of the word ('National Transportation Safety Committee', 'National Transport Safety
    Committee': one stem, in words of five letters or more)."""
    words = [p.strip("'") for p in parts]
    size = len(words)
    if size == 0:
        return False
    text = facts.word_list
    for start in range(len(text) - size + 1):
        if all(_one_word(word, text[start + k]) for k, word in enumerate(words)):
            return True
    return False


def _one_word(word: str, known: str) -> bool:
    if slipped(word, known):
        return True
    return min(len(word), len(known)) >= 5 and word[:4] == known[:4] and stem_word(word) == stem_word(known)


def news_agency_given(name: str, facts: ArticleFacts) -> bool:
    """A news agency written in full ('Deutsche Presse-Agentur', 'Agence France-Presse', 'Associated
    Press'; in free text a hyphen ends the name: 'Deutsche Presse') where the article or its source
    line gives another of its forms ('dpa', 'AFP', 'KION 546 (AP)'): text/data/en/news_organisations.txt."""
    words = " ".join(re.findall(r"[a-z0-9]+", fold(name))).removeprefix("the ")
    for forms in news_organisations():
        if any(form == words or (form.startswith(words + " ") and " " in words) for form in forms):
            return any(phrase_in(form, facts) for form in forms)
    return False
