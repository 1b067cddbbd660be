"""Whom an article attributes a quotation to: the speaker named after it ('..., Zelenskyy said'), the
subject of a speech verb before it, a description ('the judge said'), or an organisation near it."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..text.lexicon import alternation, word_set
from ..text.normalize import STOPWORDS, fold, undoubled
from ..text.normalize import surname as last_name
from . import reach
from .described import SENTENCE_END, heads_role
from .facts import ArticleFacts
from .first_named import first_of_the_name
from .names import aliases, name_found
from .owners import owner, owner_of, speaking
from .pronouns import continued_quotation, enclosing, pronoun_attribution, pronoun_subject, subject_before
from .translated import cognate, glossary

__all__ = [
    "attributed",
    "attributed_to",
    "given_elsewhere",
    "named_near",
    "organisation_speaks",
    "own_sentence",
    "speaker_near",
]


def speaker_near(speaker: str, spans: list[tuple[int, int]], facts: ArticleFacts) -> bool:
    """The speaker is named close to one of the places the quote stands (outside the quote itself)."""
    before, after = reach.ATTRIBUTION_BEFORE, reach.ATTRIBUTION_AFTER
    windows = (
        facts.plain[max(0, start - before) : start] + " " + facts.plain[end : end + after]
        for start, end in spans
    )
    return any(name_found(speaker, ArticleFacts.of(window), person=True) for window in windows)


#: The speech verbs of every shipped language: a French article's 'a déclaré' attributes as 'said' does.
_SPEECH = alternation("speech_verbs", "all")
_ORGANISATION_WORDS = word_set("organisation_words")
_PRONOUN_SAID = re.compile(r"^(?:he|she|they|it|the [a-z .'-]{1,40}?)\s+" + _SPEECH + r"\b")
_SAID = re.compile(r"\b" + _SPEECH + r"\b")
_PRONOUN_BEFORE = re.compile(r"(?:^|\W)(?:he|she|they|we|i)\s+$")
_SENTENCE_END = SENTENCE_END
_QUOTED_END = re.compile(r"[.!?]['\"]?(?:\s|$)")
#: The full stop before a sentence that opens with its speech verb, its auxiliary before it.
INVERTED = re.compile(r"[.]\s+(?=(?:(?:a|ha|han|ont|hat|e|foi)\s+)?" + _SPEECH + r"\b)")
#: The full stop before a sentence that points back at the quotation and gives it to who it names,
#: a speech verb later in it ('Das sagte Scholz.', 'Dat heeft Geert Wilders verklaard', "That's what the
#: minister said": text/data/<lang>/pointing_back.txt); a word in lower case next, not a noun ('Das
#: Ministerium sagte' opens a sentence of its own).
POINTING = re.compile(
    r"[.]\s+" + alternation("pointing_back", "all") + r"\s+(?=[^.!?]*?\b" + _SPEECH + r"\b)"
)


def _mentions(surname: str, lower: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![a-z0-9])" + re.escape(surname) + r"(?![a-z0-9])", lower)]


def _speaks(position: int, lower: str) -> bool:
    """The name at `position` is the subject or object of a speech verb in its sentence
    ('Marco Rubio told ...', 'Dmitry Peskov on Monday welcomed ...', 'said Interior Minister Ana Ruiz')."""
    sentence = lower[position : position + reach.SPEECH_VERB_AFTER]
    # 'thanked deSouza "for his leadership," adding that ...': the verb after a quotation is not
    # the named person's.
    sentence = sentence.split('"', 1)[0]
    cut = _SENTENCE_END.search(sentence)
    if _SAID.search(sentence[: cut.start()] if cut else sentence):
        return True
    # 'said Interior Minister Ana Ruiz.' attributes only when the name closes the clause:
    # 'Leavitt said Trump was pleased' and 'welcomed Mr Witkoff's visit' do not make Trump or Witkoff speak.
    lead = lower[max(0, position - reach.SPEECH_VERB_BEFORE) : position]
    closes = _CLOSES.match(lower[position : position + reach.NAME_CLOSES_WITHIN]) is not None
    # 'said his rival, Economy Minister Sergio Massa, who ...': an apposition may stand between.
    return closes and re.search(_SAID.pattern + r"[a-z .,'-]*$", lead) is not None


def _object(position: int, facts: ArticleFacts) -> bool:
    """The name at `position` stands after its sentence's subject pronoun: it does not speak there ('Il
    a remercié le pape Benoît XVI et appelé le monde à « ... »': the pope is thanked)."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(facts.lower, 0, position)), default=0)
    lead = facts.lower[opening:position]
    # What stands in a quotation is not the sentence's subject ('"We are grateful," Greg Varallo said').
    return pronoun_subject(lead[lead.rfind('"') + 1 :], facts.lang)


#: The name closes its clause ('said Interior Minister Ana Ruiz.'), or opens what was said after its
#: inverted verb ('Eerder zei minister Matteo Salvini al dat ...', text/data/<lang>/said_that.txt).
_CLOSES = re.compile(r"[a-z'-]*(?:\s*(?:[.,;]|$)|(?: [a-z]+)? " + alternation("said_that", "all") + r"\b)")
_HONORIFIC = "(?i:" + alternation("honorifics") + ")"
_NAMED_SPEAKER = re.compile(
    r"(?:" + _HONORIFIC + r"\.?\s+)?(?:[A-Z][\w'-]+\s+)*([A-Z][\w'-]+)\s+" + _SPEECH + r"\b"
)


def attributed_to(
    span: tuple[int, int], candidates: list[str], facts: ArticleFacts, acronyms: Collection[str] = ()
) -> str | None:
    """Whom the article attributes the quote at `span` to, among `candidates` (surnames); None if unclear.

    First the words right after the quotation (`..., Zelenskyy said`); a pronoun or a description
    there (`he said`, `the US president said`), or a quotation that ends its own sentence, sends the
    search back to the nearest candidate before it who is the subject of a speech verb.
    """
    lower = facts.lower
    start, end = enclosing(span, facts.plain)
    persons = list(candidates)
    candidates = [*candidates, *acronyms]
    mentions = {
        surname: sorted(p for form in {surname, *aliases(surname, facts)} for p in _mentions(form, lower))
        for surname in candidates
    }
    ended_inside = _ends_sentence(end, facts.plain)
    after = lower[end : end + reach.CLAUSE_AFTER]
    clause = after.lstrip(" ,;:\"'")
    # '«Un fulmine a ciel sereno». Ha commentato il cardinale Angelo Sodano.': a sentence that opens
    # with a speech verb gives the quotation before it to the one it names.
    pointing = POINTING.match(clause)
    lead = len(after) - len(clause) + (pointing.end() if pointing else 0)
    if pointing is None or not facts.plain[end + lead : end + lead + 1].islower():
        pointing = None
    if (inverted := INVERTED.match(clause) or pointing) is not None:
        clause = clause[inverted.end() :]
    offset = end + len(after) - len(clause)
    stop = reach.CLAUSE_END.search(clause)
    clause = clause[: stop.start()] if stop else clause
    verb = _SAID.search(clause)
    # '..., with inflation forcing the ECB's hand, she said': the pronoun is the speaker, not a name
    # the clause mentions on the way.
    pronoun = verb is not None and _PRONOUN_BEFORE.search(clause[: verb.start()]) is not None
    if not ended_inside and not _PRONOUN_SAID.match(clause) and verb is not None and not pronoun:
        named = speaking(mentions, offset, offset + len(clause), facts.plain)
        # 'a indiqué la ministre des Transports, Nathalie Kosciusko-Morizet': a description the article
        # writes in lower case stands before the name in apposition; the name says who spoke.
        named = [(p, s) for p, s in named if facts.plain[p : p + 1].isupper()] or named
        # '..., ECB president Christine Lagarde told': the organisation before a person's title says
        # whose president she is; the person before the verb speaks.
        people = [(p, s) for p, s in named if s not in acronyms and p < offset + verb.start()]
        if people:
            return min(people)[1]
        if named:
            return min(named)[1]
        # '..., Mr Abdel said': someone the briefing does not name said it; the search stops here.
        other = _NAMED_SPEAKER.match(facts.plain[offset : offset + len(clause)])
        if other is not None:
            return fold(other[1])
    if (introduced := _introduced_by(start, {s: mentions[s] for s in persons}, facts)) is not None:
        return introduced
    before = sorted(
        (start - position, surname)
        for surname, positions in mentions.items()
        for position in positions
        if start - reach.SPEAKER_SEARCH_BEFORE <= position < start
    )
    for distance, surname in before:
        # An organisation's acronym speaks a quotation only in its own sentence ('The FOMC's statement
        # said inflation "..."'): one quoted paragraphs earlier ('PTI reports') left the words to others.
        if surname in acronyms and _SENTENCE_END.search(lower, start - distance, start):
            continue
        if _speaks(start - distance, lower) and not _object(start - distance, facts):
            if not owner(start - distance, facts.plain):
                return surname
            # 'Ester Garcia, the lawyer of Alves' victim, said': Alves does not speak, Garcia does.
            return owner_of(start - distance, {start - d: s for d, s in before}, facts.plain)
    # '"...," he said. "We are 100 percent ready."': the quotation goes on from one it has a speaker for.
    previous = continued_quotation(start, facts.plain)
    if previous is not None and (who := attributed_to(previous, persons, facts, acronyms)) is not None:
        return who
    # '"...," he said' where no one before speaks: the subject of a sentence before it ('Urzua beamed').
    if not ended_inside and pronoun_attribution(clause, facts.plain[offset : offset + len(clause)]):
        return subject_before(
            start, reach.SPEAKER_SEARCH_BEFORE, {s: mentions[s] for s in persons}, facts.plain
        )
    return None


def _introduced_by(start: int, mentions: dict[str, list[int]], facts: ArticleFacts) -> str | None:
    """The one person named in the sentence that introduces the quotation at `start` with a colon and a
    speech verb, in any order ('Nach dem Sieg rief Psjuk die Weltgemeinschaft zur Hilfe ... auf: "..."')."""
    lead = facts.plain[:start].rstrip(' "')
    if not lead.endswith(":"):
        return None
    opening = max((m.end() for m in _SENTENCE_END.finditer(facts.lower, 0, len(lead))), default=0)
    if not _SAID.search(facts.lower, opening, len(lead)):
        return None
    named = {
        surname for surname, positions in mentions.items() if any(opening <= p < len(lead) for p in positions)
    }
    return named.pop() if len(named) == 1 else None


def _ends_sentence(end: int, plain: str) -> bool:
    """The quotation closing at `end` ends its sentence ('..."We can now say it." The FOMC said'), not
    one whose sentence goes on in lower case ('"... rock 'n' roll never dies!" said Damiano David')."""
    if end < 2 or plain[end - 1] != '"' or plain[end - 2] not in ".!?":
        return False
    following = plain[end : end + 3].lstrip()
    return not (following[:1].isalpha() and following[:1].islower())


def named_near(organisation: str, span: tuple[int, int], facts: ArticleFacts) -> bool:
    """Every word of the organisation's name stands near the quote, in any order ('the board of
    directors of OpenAI' names the OpenAI board of directors)."""
    start, end = span
    before = facts.plain[max(0, start - reach.ATTRIBUTION_BEFORE) : start]
    near = set(
        re.findall(r"[a-z0-9]+", fold(before + " " + facts.plain[end : end + reach.ATTRIBUTION_AFTER]))
    )
    names = {w for w in re.findall(r"[a-z0-9]+", fold(organisation)) if w not in STOPWORDS}
    return bool(names) and names <= near


def organisation_speaks(speaker: str, span: tuple[int, int], facts: ArticleFacts) -> bool:
    """The organisation is the subject of a speech verb just before the quote ('OceanGate has also
    shared a statement which reads, ...', 'The FOMC's statement said inflation "..."'), or in the
    clause right after it ('..., the Fed's statement said'); found by the longest word of its name, its
    initials, or its first word cut short ('Fed' of Federal Reserve)."""
    names = [w for w in re.findall(r"[a-z]+", fold(speaker)) if w not in STOPWORDS]
    if not names:
        return False
    keys = {max(names, key=len)}
    # '..., the bank said in a statement': the European Central Bank by the word for its kind.
    if len(names) > 1 and names[-1] in _ORGANISATION_WORDS:
        keys.add(f"the {names[-1]}")
    if len(names) > 1:
        keys.add("".join(w[0] for w in names if w not in ("of", "and", "for")))
    keys |= {
        word
        for word in set(re.findall(r"[a-z]+", facts.lower))
        if 3 <= len(word) < len(names[0]) and names[0].startswith(word) and word not in STOPWORDS
    }
    lower = facts.lower
    start, end = enclosing(span, facts.plain)
    window = range(max(0, start - reach.ATTRIBUTION_BEFORE), start)
    if any(_speaks(p, lower) for key in keys for p in _mentions(key, lower) if p in window):
        return True
    clause = lower[end : end + reach.CLAUSE_AFTER].lstrip(" ,;:\"'")
    stop = reach.CLAUSE_END.search(clause)
    clause = clause[: stop.start()] if stop else clause
    return _SAID.search(clause) is not None and any(_mentions(key, clause) for key in keys)


#: The articles a description opens with, in each shipped language ('the judge', 'le candidat',
#: 'un responsable', 'el ministro', 'il sindaco', 'o presidente', 'der Sprecher').
_ARTICLE = r"(?:the|a|an|le|la|les|l'|un|une|el|los|las|una|il|lo|gli|o|os|um|uma|der|die|das|ein|eine)"
#: What may stand between a speech verb and its subject in another language: its auxiliary ('a
#: répété', 'ha dicho') before, the one it was said to ('a confié à l'AFP') after.
_AUXILIARY = r"(?:(?:a|ha|han|ont|hat|e|foi)\s+)?"
_RECIPIENT = r"(?:(?:to|a|al|à|ao)\s+(?:l'|la\s+|el\s+|the\s+)?[a-z]+\s+)?"
_DESCRIBED = re.compile(
    r"^(?:the|a|an) ([a-z' -]{2,40}?) "
    + _SPEECH
    + r"\b|^"
    + _AUXILIARY
    + _SPEECH
    + r"\s+"
    + _RECIPIENT
    + _ARTICLE
    + r"\s*([a-z' -]{2,60}?)[.,;]"
)


def _described_as(span: tuple[int, int], facts: ArticleFacts) -> set[str]:
    """The words of the description the article gives the speaker right after the quote: 'the judge
    said' gives {'judge'}; a name or a pronoun gives nothing."""
    _, end = enclosing(span, facts.plain)
    clause = facts.lower[end : end + reach.DESCRIPTION_AFTER].lstrip(" ,;:\"'")
    found = _DESCRIBED.match(clause)
    description = (found[1] or found[2]) if found else None
    return set(re.findall(r"[a-z]+", description)) - STOPWORDS if description else set()


def given_elsewhere(
    speaker: str, role: str, span: tuple[int, int], others: list[str], facts: ArticleFacts
) -> bool:
    """The article gives the quotation at `span` to another of the briefing's names (`others`): by a
    description after it that is theirs and not the speaker's ('..., the committee said' of a quote
    given to Jerome Powell, chair), or by a sentence whose subject they are and that does not name the
    speaker ('The Federal Reserve raised rates ..., yet continued to promise "..."')."""
    own = set(re.findall(r"[a-z]+", fold(f"{speaker} {role}"))) - STOPWORDS
    theirs = [set(re.findall(r"[a-z]+", fold(other))) - STOPWORDS for other in others]
    start, end = enclosing(span, facts.plain)
    # A quotation that ends its own sentence ('..."We can now say it." The FOMC's statement said') is
    # not described by the next one.
    ended = _ends_sentence(end, facts.plain)
    described = set() if ended else _described_as(span, facts)
    # 'comentou o líder socialista' of the PS leader: the party the description names is the speaker's
    # own, that their role names; 'le candidat d'En Marche' of Le Pen, of the Front national, is not.
    if described and not described & own and any(described & words for words in theirs if not words & own):
        return True
    opening = max((m.end() for m in _SENTENCE_END.finditer(facts.lower, 0, start)), default=0)
    sentence = facts.lower[opening:start]
    surname = last_name(speaker)
    if surname is None or surname in sentence:
        return False
    subject = re.sub(r"^\W*(?:the |la |el |le |les |los |las )?", "", sentence)
    # 'Northvolt Ordföranden: "..."' (Northvolt's chairman): a role of the speaker's after the name.
    return any(
        subject.startswith(fold(other)) and not heads_role(subject[len(fold(other)) :], own - words)
        for other, words in zip(others, theirs, strict=True)
        if len(fold(other)) > 3
    )


def own_sentence(surname: str, span: tuple[int, int], candidates: list[str], facts: ArticleFacts) -> bool:
    """The quotation's own sentence names the speaker and no one else of the briefing's, and no speech
    verb after it gives it to another: 'The triumph by Kalush Orchestra - whose performance in Turin
    ended with the plea: "..."' is the band's, not the words of a president quoted a sentence before."""
    if not surname:
        return False
    start, end = enclosing(span, facts.plain)
    # A sentence may end inside the quotation before it ('... Slava Ukraini!" The triumph by').
    opening = max((m.end() for m in _QUOTED_END.finditer(facts.lower, 0, start)), default=0)
    sentence = facts.lower[opening:start]
    named = {c for c in {*candidates, surname} if _mentions(c, sentence)}
    after = facts.lower[end : end + reach.CLAUSE_AFTER]
    stop = reach.CLAUSE_END.search(after)
    return named == {surname} and not _SAID.search(after[: stop.start()] if stop else after)


def _cognates(described: set[str], role: set[str], facts: ArticleFacts) -> bool:
    """A word of the description is a word of the role in the article's language: its translation
    ('banco' for bank) or its cognate ('candidat' for candidate)."""
    if facts.lang == "en":
        return False
    translated = {form for word in role for form in glossary(facts.lang).get(word, ())}
    return bool(described & translated) or any(cognate(word, other) for word in described for other in role)


def attributed(
    speaker: str,
    spans: list[tuple[int, int]],
    candidates: list[str],
    facts: ArticleFacts,
    role: str = "",
    acronyms: Collection[str] = (),
) -> bool:
    """The article attributes one occurrence of the quote to the speaker (or, unclear, names them near
    it), or to a description that is the speaker's role in the briefing ('the judge said')."""
    surname = last_name(speaker)
    role_words = set(re.findall(r"[a-z]+", fold(role)))
    for span in spans:
        described = _described_as(span, facts)
        # 'le candidat d'En Marche' is the En Marche candidate: in another language, its word.
        if described and (described & role_words or _cognates(described, role_words, facts)):
            return True
        who = attributed_to(span, candidates, facts, acronyms)
        # 'the judge said' gives the quote to a judge: a lawyer named nearby did not say it.
        if who is None and not described and speaker_near(speaker, [span], facts):
            return True
        if who is not None and surname is not None and undoubled(who) == undoubled(surname):
            return first_of_the_name(speaker, surname, facts)
        if surname is not None and own_sentence(surname, span, candidates, facts):
            return True
        # "L'allenatore capo, Nopparat Kantawong": the name after the description.
        part = next(
            (p for p in speaker.split(",")[1:] if undoubled(last_name(p) or "") == undoubled(who or "")), None
        )
        if who is not None and part is not None:
            return first_of_the_name(part, who, facts)
        # A family name written first ('Kim Mi Sung' ... 'Kim said').
        if (
            who is not None
            and len(parts := fold(speaker).split()) > 2
            and undoubled(who) == undoubled(parts[0])
        ):
            return True
    return False
