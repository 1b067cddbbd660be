"""Whom the words right after a quotation credit it to, whatever they call them: the subject before a
speech verb ('..., Italian police said'), the one after it ('..., señaló el doctor Tedros Adhanom'), or
the one an 'according to' names ('..., selon la plate-forme Downdetector'); and the one a quotation's
own sentence names alone ('The mayor, Luigi Brugnaro, describes "..."')."""

from __future__ import annotations

import re
from functools import cache
from itertools import chain

from ..text.lexicon import LANGUAGES, alternation, every_language, word_list, word_set
from ..text.normalize import STOPWORDS, fold
from ..text.normalize import surname as last_name
from ..text.outlets import news_organisations
from .facts import ArticleFacts
from .names import name_found
from .reach import CLAUSE_AFTER
from .speakers import own_sentence
from .translated import glossary

__all__ = ["by_noun", "credited_to_another", "crediting", "named_alone"]

#: The speech verbs of every shipped language, with the auxiliary some put before them ('ha dicho').
_SPEECH = r"(?:(?:a|ha|han|ont|hat|e|foi|heeft)\s+)?" + alternation("speech_verbs", "all")
#: The article before who spoke, after a speech verb, in every shipped language ('said the judge',
#: 'señaló el doctor', 'destaca a corte').
_ARTICLE = (
    r"(?:(?:the|a|an|le|la|les|l'|un|une|el|los|las|una|il|lo|gli|o|os|um|uma|der|die|das|ein|eine)\s+)?"
)
#: The one the words were said to ('a déclaré à l'AFP le porte-parole', 'told Reuters'), passed over.
_RECIPIENT = r"(?:(?:to\s+(?:the\s+)?|(?:a|al|à|ao)\s+(?:l'|la\s+|el\s+))[\w'-]+\s+)?"
#: Where the crediting clause ends: its sentence ('said a resident of Kathmandu, Anupa Shrestha.').
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)")
#: How many words a subject before the speech verb may run to ('Spain's state weather agency noted').
SUBJECT_WORDS = 6
#: How many words after a speech verb may name who spoke ('said the North Rhine-Westphalian interior
#: minister Herbert Reul on Friday': the name stands late).
NAMED_WORDS = 12


@cache
def _subject_pronouns() -> frozenset[str]:
    return frozenset(w for lang in LANGUAGES for w in word_list("subject_pronouns", lang))


@cache
def _verb_first(lang: str) -> re.Pattern[str]:
    """A speech verb or the language's 'according to', then who: '..., said the judge', 'selon la
    plate-forme Downdetector'."""
    shipped = lang if lang in LANGUAGES else "en"
    lead = "|".join(re.escape(w) for w in sorted(word_list("after_quotes", shipped), key=len, reverse=True))
    return re.compile(rf"(?:{lead}|{_SPEECH}\s+{_RECIPIENT}){_ARTICLE}(.+)")


_SUBJECT_FIRST = re.compile(rf"((?:[\w'-]+\s+){{1,{SUBJECT_WORDS}}}?){_SPEECH}\b")


def _credited(clause: str, lang: str) -> tuple[int, int] | None:
    """Where, in the clause right after a quotation, the words stand that credit it to someone; None
    when it credits no one by words of their own ('he said', 'a-t-elle alerté', no speech verb)."""
    stop = _CLAUSE_END.search(clause)
    clause = clause[: stop.start()] if stop else clause
    subject_first = False
    if (first := _verb_first(lang).match(clause)) is not None:
        found = list(re.finditer(r"\S+", first[1]))[:NAMED_WORDS]
        where = (first.start(1), first.start(1) + found[-1].end()) if found else None
    elif (subject := _SUBJECT_FIRST.match(clause + " ")) is not None:
        where = (subject.start(1), subject.end(1))
        subject_first = True
    else:
        return None
    if where is None:
        return None
    words = clause[where[0] : where[1]].split()
    # 'he said', 'adding that two-thirds ...', 'for the French people and promised': a pronoun, a
    # clause or a phrase, not who spoke; 'reported Reuters': the wire that reports the words.
    lead = words[1:] if words and re.fullmatch(_ARTICLE.rstrip("?"), words[0] + " ") else words
    if not lead or lead[0] in _subject_pronouns() or set(lead if subject_first else lead[:1]) & STOPWORDS:
        return None
    if any(" ".join(lead[:count]).strip(".,") in _newsrooms() for count in (1, 2, 3)):
        return None
    return where


#: A clause that closes its sentence by crediting it ('..., Italian police said.'): who, then a speech verb.
_CLOSING = re.compile(rf",\s+((?:[\w'-]+\s+){{1,{SUBJECT_WORDS}}}?){_SPEECH}\s*$")


def _closing_credit(end: int, facts: ArticleFacts) -> tuple[int, tuple[int, int]] | None:
    """Where the clause that closes the sentence of the quotation ending at `end` names who it credits
    the sentence to, when the words right after the quotation go on with what was said: 'It had set sail
    "about four days ago" and was first spotted late on Saturday, Italian police said.' credits the
    police; None when the sentence does not close so, or another quotation stands between."""
    stop = _CLAUSE_END.search(facts.lower, end, end + 2 * CLAUSE_AFTER)
    if stop is None or '"' in facts.plain[end : stop.start()].lstrip(" \"'"):
        return None
    closing = _CLOSING.search(facts.lower, end, stop.start())
    if closing is None:
        return None
    where = _credited(facts.lower[closing.start(1) : stop.start()], facts.lang)
    return None if where is None else (closing.start(1), where)


def crediting(end: int, facts: ArticleFacts) -> tuple[int, int] | None:
    """Where the words stand that credit the quotation ending at `end` to someone by words of their own:
    right after it ('..., said the judge', '..., Italian police said', 'selon la plate-forme
    Downdetector') or in the clause that closes its sentence; None where none do ('he said'), or where
    the quotation ends its own sentence."""
    if end >= 2 and facts.plain[end - 2] in ".!?" and facts.plain[end - 1] in "\"'":
        return None
    raw = facts.lower[end : end + CLAUSE_AFTER]
    offset = end + len(raw) - len(raw.lstrip(" ,;:\"'"))
    where = _credited(raw.lstrip(" ,;:\"'"), facts.lang)
    if where is None and (closing := _closing_credit(end, facts)) is not None:
        offset, where = closing
    return None if where is None else (offset + where[0], offset + where[1])


def by_noun(speaker: str) -> bool:
    """The speaker is a group or a person described by a noun in lower case, not named: "Alves' lawyers",
    'the rescuers'; not 'Matthew Carter, IFRC spokesman' nor "L'allenatore capo, Nopparat Kantawong",
    named beside a comma."""
    words = speaker.split()
    return "," not in speaker and len(words) > 1 and words[-1][:1].islower() and words[-1].isalpha()


def credited_to_another(
    span: tuple[int, int], speaker: str, own: str, facts: ArticleFacts, *, described: bool
) -> bool:
    """The words right after the quotation at `span` credit it to someone in words none of the
    speaker's (`speaker`, as the article names them; `own`: their name as the article and the briefing
    give it, and their role) is part of: '"...," Italian police said' is not a mayor's; '"...," the
    mayor said' may be the mayor's.

    A description the article writes in lower case ('the miner said', 'ha indicado en un breve
    mensaje') may be a named person's ('the miner' is Luis Urzúa); it credits another only when the
    speaker is a description or an organisation too (`described`: 'according to prosecutors' is not
    "Alves' lawyers"), and a statement ('the brief statement said') speaks for whoever issued it. A
    quotation that ends its own sentence is not credited by the next one."""
    where = crediting(span[1], facts)
    if where is None:
        return False
    who, written = facts.lower[where[0] : where[1]], facts.plain[where[0] : where[1]]
    # Who is named by the phrase's head, before its first linking word: 'el doctor Tedros Adhanom' and
    # 'Italian police' name someone; 'le candidat d'En Marche' and 'the boss of Costa Crociere'
    # describe a person by their organisation, as the briefing may not.
    tokens = who.split()
    linking = _linking(facts.lang)
    cut = next(
        (i for i, t in enumerate(tokens) if i and (t in linking or t[:2] in ("d'", "l'"))),
        len(tokens),
    )
    named = any(c.isupper() for c in written[: len(" ".join(tokens[:cut])) + 1])
    words = re.findall(r"[a-z]+", who)
    if not named and (not described or (words and words[-1] in _statement_words())):
        return False
    # "the Fed's statement": the statement is the Fed's.
    possessor = re.match(r"(?:the\s+)?([a-z]+)'s\b", who)
    credited = {possessor[1]} if possessor else {w for w in words if len(w) > 2} - STOPWORDS
    mine = {w for w in re.findall(r"[a-z]+", fold(own)) if len(w) > 2} - STOPWORDS
    # The speaker's words in the article's language: 'tribunal' for court, 'polizei' for police.
    mine |= {form for word in mine for form in glossary(facts.lang).get(word, ()) if len(form) > 2}
    if not credited or not mine:
        return False
    # 'Mr Abdulla said' of Ismayil Al Abdallah: a form of the speaker's name the article gives.
    if named and name_found(speaker, ArticleFacts.of(written), person=not described):
        return False
    return not any(a.startswith(b) or b.startswith(a) for a in credited for b in mine)


@cache
def _linking(lang: str) -> frozenset[str]:
    """The words that link a description's head to what it is of ('of', 'de', 'del', 'di')."""
    shipped = lang if lang in LANGUAGES else "en"
    return STOPWORDS | word_set("stopwords", shipped)


@cache
def _newsrooms() -> frozenset[str]:
    return frozenset(chain.from_iterable(news_organisations()))


@cache
def _statement_words() -> frozenset[str]:
    return frozenset(every_language("statement_words"))


def named_alone(span: tuple[int, int], named: list[str], speaker: str, facts: ArticleFacts) -> str | None:
    """Another of the briefing's people (`named`, surnames) whom the quotation's own sentence names alone,
    as it would name the speaker (speakers.own_sentence): 'The mayor of Venice, Luigi Brugnaro, describes
    "an apocalyptic scene"' is Brugnaro's, not a minister's. Only for a speaker written as a name, each
    word capitalised: a description ('Protodeacon of the College of Cardinals') or an outlet written in
    full ('Jornal de Negócios') may be anyone the sentence names."""
    own = last_name(speaker)
    if not own or not all(word[:1].isupper() for word in speaker.split()):
        return None
    return next((name for name in named if name != own and own_sentence(name, span, named, facts)), None)
