"""Names written into free text (a key point, a summary, a headline): each run of capitalised words
is looked up whole, as the article gives it, in its own form, written in full or by its initials."""

from __future__ import annotations

import re
from functools import cache

from ..text.lexicon import alternation, table, word_set
from ..text.normalize import MONTHS, STOPWORDS, TITLES, WEEKDAYS, fold, plain
from ..text.numbers import WORD_NUMBERS
from .acronyms import abbreviation_given, acronym_written, initials
from .facts import ArticleFacts
from .names import name_forms, name_found, news_agency_given, outlet_given, place_groups, slipped
from .places import place_found, undotted
from .translated import article_form, initials_given, translations, word_given

__all__ = ["known_organisation", "unknown_names"]


#: A run of capitalised words, with the small words names carry ('Bank of England', 'Ismayil Al Abdallah').
#: A hyphen between two capitalised words joins them ('Agence France-Presse', which plain() spaces).
_NAME_RUN = re.compile(
    r"(?<![\w'])[A-Z][\w'-]*(?:(?:\s+-\s+|\s+(?:(?:of|and|the|de|del|da|di|du|e|y|van|von|bin|al|el|la|le)\s+)?)"
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
        # A possessive is no part of the name, a plural's too ("the Fire Brigade Corps' update").
        run = match[0].removesuffix("'s").removesuffix("'")
        # A sentence's first word is capitalised for the sentence ('Ends Djokovic's run'): it is left
        # out when it is not the article's and the next word is.
        opening = re.match(r"(\S+)\s+(\S+)", run)
        if (
            opening
            and re.search(r"(?:^|[.!?:;]\s+)$", written[: match.start()])
            and not _capitalised(fold(opening[1]), facts)
            and (_capitalised(fold(opening[2]), facts) or fold(opening[1]) in _COUNTING)
            and not _run_known(run, facts)
        ):
            # ... and so is a word that counts or picks out what follows ('Three Thai navy SEALs').
            run = run[opening.start(2) :]
        # 'Jeffrey Pritzker of Bramley Construction' is two names: each is looked up.
        # "Zinedine Zidane's Real Madrid" is two names too: the owner and what is theirs.
        parts = [part for piece in _POSSESSIVE.split(run) for part in _CONNECTOR.split(piece)]
        # ... unless the article gives the whole by its acronym ('Africa Centres for Disease Control'),
        # in its own language too ("Spanish Socialist Workers' Party" for 'PSOE'); or gives so the name
        # a piece opens with, before what is its own or follows it ("National Aeronautics and Space
        # Administration's rocket" for 'NASA', 'National Aeronautics and Space Administration
        # Administrator Bill Nelson').
        whole = len(parts) > 1 and (abbreviation_given(run, facts) or initials_given(run, facts))
        parts = (
            [run] if whole else [part for piece in _POSSESSIVE.split(run) for part in _pieces(piece, facts)]
        )
        # 'the Minister of the Economy Macron', 'the Guardia Civil': what 'the' opens names a thing or
        # an office, whose first word is no given name.
        after_the = re.search(r"\bthe\s+$", written[: match.start()], re.IGNORECASE) is not None
        # 'Pescara prosecutor Marco Ferrante': a person's name, whose surname a model never translates.
        role = re.search(r"\b([a-z]+)\s+$", written[: match.start()])
        described = role is not None and role[1] in _PERSON_ROLES
        for number, name in enumerate(parts if len(parts) > 1 else [run]):
            thing = (after_the and number == 0) or re.match(r"(?i:the)\s", name) is not None
            words = [fold(w).removesuffix("'s") for w in re.findall(r"[A-Z][\w'-]*", name)]
            named = [w for w in words if w not in TITLES and w not in STOPWORDS and w not in MONTHS]
            named = [w for w in named if w not in WEEKDAYS and len(w) > 1]
            # 'Prince William': one name with a title is a person's (in English: 'US CPI' is no person).
            titled = facts.lang == "en" and len(named) == 1 and any(w in TITLES - STOPWORDS for w in words)
            if (
                (len(named) >= 2 or titled)
                and not _office(name, facts)
                and not _known(name, named, facts, thing=thing, person=described and number == 0)
                and name not in found
            ):
                found.append(name)
    return found + [name for name in _bodies_by_one_word(written, facts) if name not in found]


#: One capitalised word and the kind of body it names, a word between allowed: 'the STA news agency',
#: 'the Kyodo agency', 'the PSOL party' (text/data/en/organisation_words.txt).
_BODY = re.compile(
    r"(?<![\w'-])([A-Z][\w'-]*)\s+(?:([a-z]+)\s+)?(?:" + alternation("organisation_words") + r")\b"
)


def _bodies_by_one_word(written: str, facts: ArticleFacts) -> list[str]:
    """Bodies a statement names by one word and their kind ('the STA news agency said') that neither
    the article nor its source line gives: a one-word name is looked up where it names a body."""
    found = []
    for match in _BODY.finditer(written):
        word = fold(match[1]).removesuffix("'s")
        # 'In June the bank': a day or a month is no body's name, nor is a small word what kind it is.
        if word in STOPWORDS or word in TITLES or word in MONTHS or word in WEEKDAYS or len(word) < 2:
            continue
        if match[2] and match[2] in STOPWORDS:
            continue
        # A sentence's first word is capitalised for the sentence ('Police said ...'); the last word of
        # a longer name ('the Civil Protection department') is looked up with the name.
        before = written[: match.start()]
        if re.search(r"(?:^|[.!?:;]\s+)$", before) and not match[1].isupper():
            continue
        previous = re.search(r"([A-Z][\w'-]*)\s+$", before)
        if previous is not None and fold(previous[1]) not in STOPWORDS:
            continue
        if not (
            _capitalised(word, facts)
            or name_found(match[1], facts, person=False)
            or news_agency_given(match[1], facts)
            or outlet_given(match[1], facts)
            or place_found(match[1], facts)
            or (facts.lang != "en" and word_given(word, facts, facts.capitalised))
            or (match[1].isupper() and _spelt_out(word, facts))
        ):
            found.append(match[1])
    return found


#: The words a sentence opens with to count or pick out what follows: number words, ordinals and
#: text/data/en/determiners.txt ('Three', 'Second', 'Last').
_COUNTING = frozenset(WORD_NUMBERS) | frozenset(table("ordinal_words")) | word_set("determiners")


def _run_known(run: str, facts: ArticleFacts) -> bool:
    """The whole run is a name the article gives ('Agence France-Presse' opening a sentence)."""
    words = [fold(w).removesuffix("'s") for w in re.findall(r"[A-Z][\w'-]*", run)]
    thing = re.match(r"(?i:the)\s", run) is not None
    return len(words) > 1 and _known(run, words, facts, thing=thing)


def _known(
    name: str, named: list[str], facts: ArticleFacts, *, thing: bool = False, person: bool = False
) -> bool:
    if news_agency_given(name, facts) or outlet_given(name, facts):
        return True
    if facts.lang != "en":
        # A model writing English translates the article's names ('Grand Slam' for 'Grand Chelem',
        # 'National Emergency Committee', 'World Cup' for 'Mundial'): one word the article gives, as
        # written or in its own form (translated.word_given), lets the name pass.
        given = [_capitalised(word, facts) or word_given(word, facts, facts.capitalised) for word in named]
        if not thing and _someone_elses_surname(name, named, given, facts):
            return False
        # ... but a person keeps their surname in every language: 'Cardinal Tarcisio Bertone' does not
        # pass on the article's 'Kardinal', nor 'Culture Minister Franck Riester' on another Franck.
        return (
            # A person a role introduces is written as the article writes them: 'Bruno Di Tommaso' is
            # not spelt the article's way by a 'Paola Tommasini' (a cognate is for a translated name).
            (
                (given[-1] and (not person or _capitalised(named[-1], facts)))
                or (any(given) and not (person or _titled_person(name)))
            )
            or article_form(name, facts) is not None
            or _official(named, facts)
            or initials_given(name, facts)
            # A place under the article's own name or adjective ('United States' for 'l'americano').
            or place_found(name, facts)
        )
    # The last word is the surname or the head ('Army Corps' for the article's 'Army Corp'), or an
    # acronym of the article's words ('ADG' for 'additional director general').
    if _capitalised(named[-1], facts) or _capitalised(named[-1].removesuffix("s"), facts):
        if len(named) < 2 or name_found(name, facts, person=True) or _capitalised(named[0], facts):
            return True
        # Not a person's: an organisation by its initials ('United Press International' for 'UPI'), or
        # written in full (below: 'Royal Thai Navy SEALs' for the article's 'Thai Navy SEAL').
        if name_found(name, facts, person=False):
            return True
    if re.findall(r"[A-Z][\w'-]*", name)[-1].isupper() and _spelt_out(named[-1], facts):
        return True
    if name_found(name, facts, person=False) or place_found(name, facts):
        return True
    # Without the word for its kind ('Civil Protection Department' for the 'civil protection agency').
    if any(name_found(form, facts, person=False) for form in name_forms(name)[1:]):
        return True
    return (
        article_form(name, facts) is not None
        or _official(named, facts)
        or _with_place_forms(name, facts)
        or _national_body(name, facts)
    )


#: Words an organisation's official name adds to the name an article uses ('Ministry of Home Affairs'
#: for 'Home Ministry', 'Civil Protection Department' for 'Civil Protection agency').
#: Its standing too ('Royal Thai Navy SEALs' for 'Thai Navy SEALs', text/data/en/official_styles.txt).
_OFFICIAL = frozenset(("affairs", "department", "office", "agency", "service", "services", "ministry"))
_OFFICIAL |= word_set("official_styles") | word_set("organisation_kinds")
_PERSON_ROLES = word_set("person_roles")


def _someone_elses_surname(name: str, named: list[str], given: list[bool], facts: ArticleFacts) -> bool:
    """A person written with a surname the article gives, as written, to someone else: 'Toni Nadal'
    where a French article has only Rafael Nadal, 'Christian Ruud' beside its Casper Ruud. A model
    translates the words of a body's name, never a person's given name into another one, so the
    English rule of the given name (names.name_found) holds in every language: it applies where no
    word before the surname is the article's in any form (written, translated, or spelt its way)."""
    return (
        len(named) >= 2
        and not any(given[:-1])
        and named[-1] in facts.capitalised
        and not name_found(name, facts, person=True)
    )


def _titled_person(name: str) -> bool:
    """A title and then a given name and a surname ('Culture Minister Franck Riester'): a person."""
    words = [fold(w) for w in re.findall(r"[\w'-]+", plain(name))]
    for index, word in enumerate(words[:-2]):
        if word in TITLES - STOPWORDS - _NOT_PERSONAL:
            rest = words[index + 1 :]
            return len(rest) >= 2 and not any(w in TITLES or w in STOPWORDS for w in rest)
    return False


#: Title words that stand before things too ('US Open', 'State Department', 'Foreign Office').
_NOT_PERSONAL = frozenset(("us", "u.s.", "state", "foreign", "former", "special", "press", "vice", "head"))


def _official(named: list[str], facts: ArticleFacts) -> bool:
    """An organisation written in full: without the words that say what kind it is (_OFFICIAL) and the
    country it belongs to, when the article names it ('... Agency of Indonesia' for the Indonesian
    one), its words are names the article gives, together ('Home Affairs' for 'Home ministry'), a
    plural apart ('Navy SEALs' for 'Navy SEAL')."""
    core = [w for w in named if w not in _OFFICIAL]
    # Two words at least stay: 'Bank of England' is not any bank of an article that names England.
    unplaced = [w for w in core if not (w in place_groups() and place_found(w, facts))]
    core = unplaced if len(unplaced) > 1 else core
    core = [w if w in facts.folded_words else w.removesuffix("s") for w in core]
    if not core or len(core) == len(named):
        return False
    # In another language, the article's own words in any case: a body a model translates is written
    # there in small letters as often as not ('la préfecture de police', 'i vigili del fuoco').
    given = facts.folded_words
    # A plural apart either way: 'Navy seals' where the article writes 'Navy seals' and 'NAVY SEAL'.
    if not all(
        _capitalised(w, facts)
        or _capitalised(w.removesuffix("s"), facts)
        or (facts.lang != "en" and word_given(w, facts, given))
        for w in core
    ):
        return False
    return article_form(" ".join(core), facts) is not None


def _with_place_forms(name: str, facts: ArticleFacts) -> bool:
    """An organisation named with a place in another of its forms ('United States Geological Survey'
    for the article's 'U.S. Geological Survey', text/data/en/places.txt)."""
    folded = fold(name)
    for key, groups in place_groups().items():
        if " " not in key or not re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", folded):
            continue
        for form in {form for group in groups for form in group}:
            other = re.sub(rf"(?<![a-z]){re.escape(key)}(?![a-z])", form, folded)
            if other != folded and (name_found(other, facts, person=False) or _undotted_in(other, facts)):
                return True
    return False


def _national_body(name: str, facts: ArticleFacts) -> bool:
    """A country's or a city's body named with its adjective ('Hellenic Police', 'Hellenic Fire Service',
    'Paris Fire Brigade') where the article names the place (text/data/<lang>/places.txt) and writes the
    body in its own words ('the police', 'fire service'), the word for its kind of body another one
    ('fire department', 'the Parisian fire service': _BODY_KINDS)."""
    first, _, rest = re.sub(r"^[Tt]he\s+", "", plain(name)).partition(" ")
    if not rest:
        return False
    if place_groups().get(fold(first)) and place_found(first, facts):
        return _lower_phrase_in(rest, facts) or _other_kind_word(rest, facts)
    return _body_of_place(first + " " + rest, facts)


def _other_kind_word(rest: str, facts: ArticleFacts) -> bool:
    """The body under another word for its kind: a city's 'Fire Brigade' is the article's 'fire
    service' or 'fire department' (_BODY_KINDS)."""
    *what, kind = fold(rest).split()
    return (
        bool(what)
        and kind in _BODY_KINDS
        and any(_lower_phrase_in(" ".join([*what, other]), facts) for other in _BODY_KINDS - {kind})
    )


def _body_of_place(name: str, facts: ArticleFacts) -> bool:
    """A public body named the way German and Dutch name a city's services, the body and then the
    place ('Polizei Berlin', 'Feuerwehr Dresden', 'Politie Amsterdam'), where the article names the
    place and gives the body in its own words ('die Polizei'): a body of one of the kinds that serve a
    place (text/data/en/organisation_words.txt, or its form in the article's language)."""
    *body, place = name.split()
    kind = fold(body[-1])
    if not (kind in _ORGANISATION_WORDS or kind in _organisation_forms(facts.lang)):
        return False
    return place_found(place, facts) and _lower_phrase_in(" ".join(body), facts)


_ORGANISATION_WORDS = word_set("organisation_words")


@cache
def _organisation_forms(lang: str) -> frozenset[str]:
    """The organisation words in the article's language ('polizei', 'politie'), from its glossary."""
    return frozenset(form for word in _ORGANISATION_WORDS for form in translations(word, lang))


#: The words that say what kind of public body a name is, one as good as another for which it is: a
#: city's 'Fire Brigade' is the article's 'fire service' or 'fire department'.
_BODY_KINDS = word_set("body_kinds")


def _office(name: str, facts: ArticleFacts) -> bool:
    """An office written out as a title, its last word one for whoever holds it (text/data/en/titles.txt
    and person_roles.txt): the article gives it by its initials ('Chief Financial Officer' for 'CFO')
    or in small letters, that word apart ('Chief Executive Officer' for 'its chief executive'). A
    person or a body after the office ('Chief Executive John Smith') is no office."""
    words = [word for word in re.findall(r"[a-z']+", fold(name)) if word != "the"]
    if len(words) < 2 or words[-1] not in _PERSON_ROLES | TITLES:
        return False
    if acronym_written(initials(words), facts):
        return True
    return any(_lower_phrase_in(" ".join(part), facts) for part in (words, words[:-1]) if len(part) > 1)


def _lower_phrase_in(phrase: str, facts: ArticleFacts) -> bool:
    pattern = r"\s+".join(re.escape(word) for word in fold(phrase).split())
    return re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", facts.folded) is not None


def _undotted_in(name: str, facts: ArticleFacts) -> bool:
    """The name stands in the article with its initials' dots gone ('us geological survey' for 'U.S.
    Geological Survey')."""
    pattern = r"\s+".join(re.escape(word) for word in name.replace(".", "").split())
    return re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", fold(undotted(facts.plain))) is not None


def _spelt_out(acronym: str, facts: ArticleFacts) -> bool:
    """The article writes out the acronym's words: 'adg' for 'additional director general'."""
    words = [w for w in facts.word_list if w not in ("of", "and", "the", "for")]
    size = len(acronym)
    if not 2 <= size <= 6:
        return False
    return any("".join(w[0] for w in words[i : i + size]) == acronym for i in range(len(words) - size + 1))


_CONNECTOR = re.compile(r"\s+(?:of|and|the)\s+")
_POSSESSIVE = re.compile(r"'s?\s+(?=[A-Z])")


def _pieces(piece: str, facts: ArticleFacts) -> list[str]:
    """The names a run of capitalised words holds, split where 'of', 'and' or 'the' joins two; the
    longest opening joined so that the article gives it by its acronym stays one name."""
    parts = _CONNECTOR.split(piece)
    if len(parts) < 2:
        return parts
    words = list(re.finditer(r"\S+", piece))
    for end in range(len(words) - 1, 1, -1):
        opening = piece[: words[end].end()]
        if _CONNECTOR.search(opening) and abbreviation_given(opening, facts):
            return (
                [opening, *_CONNECTOR.split(piece[words[end].end() :].strip())]
                if end + 1 < len(words)
                else [opening]
            )
    return parts


def _capitalised(word: str, facts: ArticleFacts) -> bool:
    return word in facts.capitalised or any(slipped(word, known) for known in facts.capitalised)


def known_organisation(name: str, facts: ArticleFacts) -> bool:
    """An organisation the article gives under a shorter or other form: written in full ('Ministry of
    Home Affairs' for 'Home ministry'), or with a place in another form ('United States Coast Guard'
    for 'U.S. Coast Guard'). Stricter than a name in free text: 'Bank of England' is not found by
    'Bank' and 'England' apart."""
    # An acronym of words the article writes out ('IOM' for the International Organization for
    # Migration).
    if name.isupper() and name.isalpha() and facts.lang == "en":
        return _spelt_out(name.lower(), facts)
    words = [fold(w).removesuffix("'s") for w in re.findall(r"[A-Z][\w'-]*", plain(name))]
    named = [w for w in words if w not in STOPWORDS and w not in TITLES and len(w) > 1]
    return len(named) > 1 and (
        _official(named, facts) or _with_place_forms(name, facts) or _national_body(name, facts)
    )
