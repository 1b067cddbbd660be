"""Who said it: a quotation must stand in the article, and the article must give it to its speaker (or to
no one it names, when the quote is kept and marked). check.py runs these with the other checks."""

from __future__ import annotations

import re
from functools import cache

from ..models import Briefing, Finding
from ..text.lexicon import LANGUAGES, every_language, word_list
from ..text.normalize import STOPWORDS, fold, plain
from ..text.normalize import surname as last_name
from .credited import by_noun, credited_to_another, named_alone
from .described import described_speaker, is_organisation
from .evidence import Speaker, credit_stands, credited_by_name
from .facts import ArticleFacts
from .forms import found_form, found_forms
from .names import description, name_forms
from .posts import post_signer
from .pronouns import guessed
from .reach import ATTRIBUTION_BEFORE, CLAUSE_AFTER, SPEAKER_SEARCH_BEFORE
from .speakers import (
    attributed,
    attributed_to,
    given_elsewhere,
    named_near,
    organisation_speaks,
    own_sentence,
)
from .translated import glossary
from .unnamed import said_by_someone_unnamed

__all__ = ["check_quotes", "quote_found", "quote_spans"]

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")


def quote_spans(quote: str, facts: ArticleFacts) -> list[tuple[int, int]]:
    """Where the quote stands in the article, as (start, end) in the normalised text; empty if nowhere.

    Fragments joined by an ellipsis must each appear, in order. Differences of whitespace, curly versus
    straight quotes and dashes, surrounding quotation marks and a trailing comma or full stop inside the
    quotation are ignored; nothing else is (not even case).
    """
    text = plain(quote).strip().strip('"').strip()
    text = re.sub(r"[,.;:]+$", "", text).strip()
    fragments = [f.strip().strip('"').strip(" ,.") for f in _ELLIPSIS.split(text)]
    fragments = [f for f in fragments if f]
    if not fragments:
        return []
    spans: list[tuple[int, int]] = []
    start = facts.plain.find(fragments[0])
    while start >= 0:
        position = start + len(fragments[0])
        for fragment in fragments[1:]:
            found = facts.plain.find(fragment, position)
            if found < 0:
                return spans
            position = found + len(fragment)
        spans.append((start, position))
        start = facts.plain.find(fragments[0], start + 1)
    return spans


def quote_found(quote: str, facts: ArticleFacts) -> bool:
    return bool(quote_spans(quote, facts))


def check_quotes(briefing: Briefing, facts: ArticleFacts) -> tuple[list[Finding], int]:
    """Each quote that is not in the article, and each speaker the article does not give it to; and
    how many items were checked (a quote and its speaker: two)."""
    findings: list[Finding] = []
    checked = 0
    people = [e.name for e in briefing.entities if e.kind == "person"]
    people += [q.speaker for q in briefing.quotes if not is_organisation(q.speaker, briefing.entities)]
    candidates = sorted({surname for name in people if (surname := last_name(name))})
    acronyms = _acronyms(briefing, facts)
    roles = {fold(e.name): e.role for e in briefing.entities if e.kind == "person"}
    for index, quote in enumerate(briefing.quotes):
        where = f"quotes[{index}]"
        checked += 2
        spans = quote_spans(quote.text, facts)
        if not spans:
            reason = "these words do not appear in the article"
            findings.append(Finding(kind="quote", where=where, item=quote.text, reason=reason))
            continue
        organisation = is_organisation(quote.speaker, briefing.entities)
        # The speaker as the article may name them, without the description a model adds.
        speaker = found_form(quote.speaker, facts, person=not organisation)
        if speaker is None:
            whom = [attributed_to(span, candidates, facts, acronyms) for span in spans]
            # Given to no one, or to a description the article writes in lower case ('soccorritori', of
            # the briefing's own 'uno dei soccorritori'): to no one it names.
            unnamed = [who is None or who not in facts.capitalised for who in whom]
            if _DESCRIPTION.match(quote.speaker) and (any(unnamed) or _names_no_one(quote.speaker)):
                # 'one of the rescuers' for the article's 'uno dei soccorritori': a description, not a
                # name, of someone the article gives the words to, and to no one it names: kept, marked.
                reason = "the article names no one who said this; the description is not confirmed"
                findings.append(
                    Finding(kind="speaker", where=where, item=quote.speaker, reason=reason, kept=True)
                )
                continue
            reason = "the speaker is not named in the article"
            findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
            continue
        names = Speaker(quote.speaker, speaker)
        if all(
            _described_after(span, f"{speaker} {quote.speaker}", facts)
            or credited_to_another(
                span,
                speaker,
                f"{speaker} {quote.speaker} {_role_of(quote.speaker, briefing)}",
                facts,
                described=organisation
                or _DESCRIPTION.match(quote.speaker) is not None
                or by_noun(quote.speaker),
            )
            for span in spans
        ):
            # '„…“, so ein Polizeisprecher' is not the museum management's, nor '"…," Italian police said'
            # a mayor's: the article gives the words, right after them, to someone it names or describes
            # in words none of the speaker's.
            findings.append(_unconfirmed(where, quote.speaker, (spans, names, facts), ["another"]))
        elif organisation:
            # A statement of a board, a company, the police: not a quote the article gives to one
            # of the people in the briefing.
            whom = [attributed_to(span, candidates, facts, acronyms) for span in spans]
            if not any(
                any(organisation_speaks(form, span, facts) for form in {speaker, *name_forms(quote.speaker)})
                or (who is None and named_near(speaker, span, facts))
                or own_sentence(last_name(speaker) or "", span, candidates, facts)
                for span, who in zip(spans, whom, strict=True)
            ):
                findings.append(_unconfirmed(where, quote.speaker, (spans, names, facts), whom))
        else:
            # The speaker's role wherever the briefing gives it: their entity's, and the description
            # the speaker string carries ('Emmanuel Macron, the En Marche candidate').
            own = last_name(speaker)
            speaker_forms = {fold(f) for f in name_forms(quote.speaker)} | {fold(speaker)}
            mine = [
                e
                for e in briefing.entities
                if (e.kind == "person" and last_name(e.name) == own)
                or (e.kind != "place" and {fold(f) for f in name_forms(e.name)} & speaker_forms)
            ]
            role = " ".join(
                [roles.get(fold(quote.speaker), ""), description(quote.speaker), *(e.role for e in mine)]
            )
            others = [e.name for e in briefing.entities if e.kind != "place"]
            others = [
                name
                for name in others
                if fold(name) != fold(quote.speaker)
                and last_name(name) != own
                and not _initials_of(quote.speaker, name)
            ]
            # The words of a post embedded in the article are its signer's, whoever spoke before it: a
            # post another signed is not the speaker's, though the article named them just before it.
            signers = [post_signer(span, facts) for span in spans]
            owns = {
                last
                for form in [speaker, *name_forms(quote.speaker, person=True)]
                if (last := last_name(form))
            }
            if any(owns & set(signer.split()) for signer in signers if signer is not None):
                continue
            if all(signer is not None for signer in signers):
                # The signature is the article's word at the words, where it gives them to anyone.
                whom = [
                    None if attributed_to(span, candidates, facts, acronyms) is None else "another"
                    for span in spans
                ]
                findings.append(_unconfirmed(where, quote.speaker, (spans, names, facts), whom))
                continue
            if any(described_speaker(speaker, span, facts) for span in spans):
                continue  # 'his opponents', as the article describes who said it
            organisations = [e.name for e in briefing.entities if e.kind == "organization"]
            # 'The shift supervisor at the mine ... embraced the president and said: "..."' is not the
            # president's: the article describes the speaker as another of the briefing's people.
            their_roles = [e.role for e in briefing.entities if e.kind == "person" and e.name in others]
            if all(_organisation_said(span, organisations, own, facts) for span in spans) or all(
                _described_as_another(span, f"{quote.speaker} {role}", their_roles, facts) for span in spans
            ):
                findings.append(_unconfirmed(where, quote.speaker, (spans, names, facts), ["another"]))
                continue
            # 'Malu Dreyer (SPD)': the article gives the quote to her, not to her party. Each form of the
            # speaker the article gives is tried, the shortest first; the first form's finding stands.
            failed = []
            for form in found_forms(quote.speaker, facts, person=True) or [speaker]:
                given_to = _unattributed(form, spans, candidates, role, others, facts, acronyms)
                if given_to is None:
                    break
                failed.append(given_to)
            else:
                findings.append(_unconfirmed(where, quote.speaker, (spans, names, facts), failed[0]))
    return findings, checked


def _role_of(speaker: str, briefing: Briefing) -> str:
    """The names and roles the briefing gives the speaker: their entity's, by any form of their name."""
    forms = {fold(f) for f in name_forms(speaker)} | {fold(speaker)}
    own = last_name(speaker)
    return " ".join(
        f"{e.name} {e.role}"
        for e in briefing.entities
        if (e.kind == "person" and own is not None and last_name(e.name) == own)
        or (e.kind != "place" and {fold(f) for f in name_forms(e.name)} & forms)
        or _initials_of(speaker, e.name)
    )


def _initials_of(speaker: str, name: str) -> bool:
    """'TSJC' for the Tribunal Superior de Justiça da Catalunha: the initials of its capitalised words."""
    return speaker.isupper() and "".join(w[0] for w in name.split() if w[:1].isupper()) == speaker


def _unattributed(
    speaker: str,
    spans: list[tuple[int, int]],
    candidates: list[str],
    role: str,
    others: list[str],
    facts: ArticleFacts,
    acronyms: set[str],
) -> list[str | None] | None:
    """None when the article attributes the quote at `spans` to the person `speaker` (as the article
    names them) and gives it to none of the `others` everywhere; else whom it gives each occurrence to
    (None for no one it names, "another" for another of the briefing's names)."""
    named = sorted({*candidates, last_name(speaker) or ""} - {""})
    # '"...," said one of the rescuers': given to someone else than this person (a post the page
    # embeds is its signer's: post_signer, above).
    elsewhere = [
        given_elsewhere(speaker, role, span, others, facts) or said_by_someone_unnamed(span, speaker, facts)
        for span in spans
    ]
    if attributed(speaker, spans, named, facts, role, acronyms) and not all(elsewhere):
        return None
    own, reach = last_name(speaker) or "", (SPEAKER_SEARCH_BEFORE, CLAUSE_AFTER)
    whom = [
        attributed_to(span, named, facts, acronyms) or named_alone(span, named, speaker, facts)
        for span in spans
    ]
    # A quotation its sentence gives to 'il' or 'he', where the speaker is named as late as the one
    # found: whom the pronoun stands for is a guess (kept and marked), not the article's word.
    whom = [
        None
        if who not in (None, own) and own and guessed(span, who, own, facts.lower, facts.lang, reach)
        else who
        for span, who in zip(spans, whom, strict=True)
    ]
    return [who or ("another" if given else None) for who, given in zip(whom, elsewhere, strict=True)]


_SENTENCE_END = re.compile(r"[.!?]['\"]?\s")


def _organisation_said(
    span: tuple[int, int], organisations: list[str], surname: str | None, facts: ArticleFacts
) -> bool:
    """The quotation's own sentence gives it to one of the briefing's organisations and does not name
    the person: 'On its website, Lion Air has issued a statement that states: "..."' is the airline's,
    not its chief executive's quoted in the sentence before."""
    start, end = span
    start -= facts.plain[start - 1 : start] == '"'  # its opening quotation mark
    opening = max((m.end() for m in _SENTENCE_END.finditer(facts.plain, 0, start)), default=0)
    if start - opening > ATTRIBUTION_BEFORE or facts.plain.count('"', opening, start) % 2 == 1:
        return False  # a quotation inside a longer one, or a sentence too long to read as one
    sentence = ArticleFacts.of(facts.plain[opening:end])
    if surname is None or surname in sentence.lower:
        return False
    return any(
        organisation_speaks(name, (start - opening, end - opening), sentence) for name in organisations
    )


def _described_after(span: tuple[int, int], speaker: str, facts: ArticleFacts) -> bool:
    """The words right after the quotation give it to someone the article describes, not names, in
    words none of the speaker's (`speaker`: the article's form and the briefing's) is part of: '„…“,
    so ein Polizeisprecher' and '"…," said a police spokesman' are not the museum management's; '"…,"
    said a Tesla spokesman' may be Tesla's. A speech verb of any language, or a word of the article's
    that attributes after a quotation (text/data/<lang>/after_quotes.txt: 'so', 'according to'), then
    an indefinite article ('ein', 'a': someone not named)."""
    # 'Nacht.", so ein ...': the quotation's own full stop and closing mark are passed over.
    clause = facts.lower[span[1] : span[1] + CLAUSE_AFTER].lstrip(" .,;:!?\"'")
    found = _described_by(facts.lang).match(clause)
    if found is None:
        return False
    described = {w for w in re.findall(r"[a-z]+", found[1]) if len(w) > 3} - STOPWORDS
    own = {w for w in re.findall(r"[a-z]+", fold(speaker)) if len(w) > 3} - STOPWORDS
    # 'a passenger' is the article's 'een reiziger' as much as its 'passagiers' (the glossary's forms).
    own |= {form for word in own for form in glossary(facts.lang).get(word, ()) if len(form) > 3}
    return bool(described) and not any(a in b or b in a for a in described for b in own)


@cache
def _described_by(lang: str) -> re.Pattern[str]:
    """A speech verb or the language's word for 'according to', an indefinite article, a description."""
    shipped = lang if lang in LANGUAGES else "en"
    words = "|".join(
        re.escape(w) for w in sorted({*every_language("speech_verbs"), *word_list("after_quotes", shipped)})
    )
    indefinite = "|".join(re.escape(w) for w in word_list("indefinite_articles", shipped))
    # The description runs to the sentence's end: '..., said a spokesman for the mayor, John Smith.'
    # names Smith, whose words they are.
    return re.compile(rf"(?:{words})\s+(?:{indefinite})\s+([^.!?]+)")


#: A speaker given by a description, not a name: 'one of the rescuers', 'a rescuer of the Soccorso
#: Alpino', 'an unnamed political analyst', 'the minister'.
_DESCRIPTION = re.compile(r"(?i:a|an|one|the|two|three|some|several|another)\s+[a-z]")


def _names_no_one(speaker: str) -> bool:
    """A description with no name in it ('A passenger', 'one analyst', 'the rescuers'): whoever the
    attribution search finds near the words, the speaker names no one the model could have invented,
    so an unconfirmed one is kept and marked, not dropped (issue #27: an attribution is dropped only
    where the article gives the words to someone else)."""
    return not re.search(r"(?<!^)(?<![\w'])[A-Z]", speaker.strip())


#: How many words of another person's role the description of a speaker must share to be theirs.
DESCRIBED_WORDS = 2


def _described_as_another(span: tuple[int, int], own: str, roles: list[str], facts: ArticleFacts) -> bool:
    """The quotation at `span` is introduced with a colon by a sentence whose subject is a description
    ('The shift supervisor at the mine, credited with ..., then embraced the president and said:') that
    holds DESCRIBED_WORDS words of another person's role ('shift supervisor') and none of the speaker's."""
    start = span[0] - (facts.plain[span[0] - 1 : span[0]] == '"')
    opening = max((m.end() for m in _SENTENCE_END.finditer(facts.plain, 0, start)), default=0)
    sentence = facts.lower[opening:start].rstrip(' "')
    if not sentence.endswith(":"):
        return False
    subject = set(re.findall(r"[a-z]+", sentence.split(",", 1)[0])) - STOPWORDS
    mine = set(re.findall(r"[a-z]+", fold(own))) - STOPWORDS
    if not subject or subject & mine:
        return False
    return any(
        len(subject & (set(re.findall(r"[a-z]+", fold(role))) - STOPWORDS)) >= DESCRIBED_WORDS
        for role in roles
    )


def _unconfirmed(
    where: str,
    speaker: str,
    at: tuple[list[tuple[int, int]], Speaker, ArticleFacts],
    whom: list[str | None],
) -> Finding:
    """A quote the article does not attribute to its speaker: dropped when the article gives it to
    someone else in its own words at the quotation, where it stands once or more (evidence.py); kept
    and marked when it gives it to no one it names, or when whom it gives it to is the checker's
    guess. `at`: where the quote stands, the speaker as the article names them, the article."""
    spans, named, facts = at
    whom = whom * len(spans) if len(whom) == 1 else whom
    kept = not any(
        credited_by_name(span, named, facts) if who is None else credit_stands(span, who, named, facts)
        for span, who in zip(spans, whom, strict=True)
    )
    reason = (
        "the article does not say who said this" if kept else "the article gives this quote to someone else"
    )
    return Finding(kind="speaker", where=where, item=speaker, reason=reason, kept=kept)


#: The words before a source the words went to, in every shipped language (text/data/<lang>/told_to.txt):
#: 'told AFP', 'a déclaré à l'AFP', 'dijo a EFE', 'ha riferito all'ANSA', 'appreso dall'ANSA'.
_TO_WHOM = frozenset(every_language("told_to"))


#: The definite articles that may stand between 'told' and the source ('told the AP', 'all'ANSA', 'aan
#: het ANP', 'gegenüber der dpa').
_ARTICLES = "the |l'|la |le |el |het |de |der |dem |die "


def _acronyms(briefing: Briefing, facts: ArticleFacts) -> set[str]:
    """The organisations of the briefing that the article writes as an acronym ('FOMC'), folded: a
    quotation 'the FOMC's statement said' is theirs, not that of the person quoted just before."""
    organisations = [e.name for e in briefing.entities if e.kind == "organization"]
    organisations += [q.speaker for q in briefing.quotes if is_organisation(q.speaker, briefing.entities)]
    found = set()
    for name in organisations:
        for form in name_forms(name):
            words = re.findall(r"[A-Za-z]+", form)
            acronym = (
                form if form.isupper() and form.isalpha() else "".join(w[0] for w in words if w[0].isupper())
            )
            mentions = re.findall(rf"(\w+)?\W+(?:{_ARTICLES})?{acronym.upper()}\b", facts.plain)
            # 'shared with AFP', 'cited by CNN', 'told CNN': a source the words went to, not a speaker.
            if len(acronym) > 2 and mentions and not any(w.lower() in _TO_WHOM for w in mentions):
                found.add(acronym.lower())
    return found
