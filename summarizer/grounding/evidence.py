"""How strong the article's word is that a quotation is someone else's (issue #27: an attribution the
checker cannot confirm is dropped only when the article gives the words to another).

The article's word is what stands at the quotation. First the words right after it that credit it
to a subject of their own ('"...," said X', '"...," X, the mayor, told reporters', '"...", a affirmé
X', '"...", according to prosecutors', a sentence pointing back at it: 'Dat heeft Geert Wilders
verklaard'). Failing those, its own sentence up to it ('X said: "..."', 'Benedict called his choice
"..."'). And for a quotation that its own words credit to no name ('he said', 'añadió', 'the
45-year-old declared') or that stands alone, the sentence before it, where the one found spoke or is
the subject: a paragraph quoting one speaker ('Seema Shah ... noted in a comment. The hike "...," she
said.'). Where the article names the speaker there, whose the words are is a matter of parsing, not
the article's word against the speaker ('Wirecard Chief Executive Markus Braun said', 'M. Starmer,
qui a pris la succession de Jeremy Corbyn, a promis le "sérieux"', a quotation standing alone before
'The Italian Prime Minister, Mario Draghi, made clear'). A name found sentences away, or in a sentence
that neither speaks nor has it for its subject ('when Prevost appeared on the balcony'), is the
checker's guess: the quote is kept and marked, not dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..text.lexicon import LANGUAGES, alternation, every_language, word_list, word_set
from ..text.normalize import STOPWORDS, TITLES, fold
from ..text.normalize import surname as last_name
from . import reach
from .credited import NAMED_WORDS
from .facts import ArticleFacts
from .first_named import first_of_the_name
from .pronouns import SUBJECT_WITHIN, enclosing, said_by_pronoun
from .reach import unquoted
from .speakers import INVERTED, POINTING

__all__ = ["Speaker", "credit_stands", "credited_by_name"]

#: A sentence's end; not the full stop of an initial or a short abbreviation ('St. Peter's', 'Mr.',
#: 'a.m.').
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])(?<!\b[A-Z][a-z])[.!?](?:\s|$)")
_SAID = re.compile(r"\b" + alternation("speech_verbs", "all") + r"\b")
#: A run of capitalised words: a name as written ('Wirecard Chief Executive Markus Braun').
_NAME_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
#: The shortest word of a speaker's name looked for at the quotation ('Wu' is too short to tell), and
#: the shortest read as the start of two words run together ('AdhanomAlso').
_SHORTEST, _GLUED = 3, 5
#: How much of the article after a quotation is read for the sentence after it.
_AROUND = reach.ATTRIBUTION_BEFORE
#: How far before a quotation the sentence that names whose the paragraph is may stand: as far as a
#: speaker is looked for before the quotation that this one goes on ('"...," he said. "..."').
_PARAGRAPH = reach.SPEAKER_SEARCH_BEFORE + reach.ATTRIBUTION_BEFORE
_STATEMENTS = frozenset(every_language("statement_words"))
#: The words that give a quotation, right after it, to whom they name ('according to', 'selon').
_AFTER_QUOTES = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in every_language("after_quotes")) + r")\b")
#: The determiners of the shipped languages that open a description ('the', 'el', 'his', 'sein').
_DETERMINERS = frozenset(
    "the his her their its le la les son sa ses leur el los las su sus il lo gli o os seu sua "
    "der die das sein seine ihr ihre de het zijn haar".split()
)
#: A sentence whose subject is a description, not a name: a determiner and a word in lower case ('El
#: mandatario también ha convocado', 'His opponents describe him as').
_DESCRIBED_SUBJECT = re.compile(r"(?i:" + "|".join(sorted(_DETERMINERS)) + r")\s+[a-z\u00e0-\u017f]")
#: The auxiliaries a speech verb stands after in the shipped languages ('ha dicho', 'aveva detto').
_AUXILIARIES = frozenset("a ha han hat ont e foi heeft hebben aveva avevano hanno habia havia tinha".split())


@dataclass(frozen=True)
class Speaker:
    """The speaker as the briefing writes them (`written`) and as the article names them (`form`)."""

    written: str
    form: str

    @property
    def capitalised(self) -> bool:
        """Named, not described: the speaker string ends with a capitalised word ('Alves' lawyers',
        'the jury' are described)."""
        last = re.findall(r"[\w'-]+", self.written.split(",")[0])
        return bool(last) and last[-1][:1].isupper()

    @property
    def words(self) -> frozenset[str]:
        """The words that name the speaker, folded: those written with a capital (titles and small
        words aside: 'Lula' and 'Silva' of 'President-elect Luis Inacio Lula da Silva'); a described
        speaker is named by the words in lower case ('lawyers' of "Alves' lawyers")."""
        names = (self.written, self.form) if self.capitalised else (self.written,)
        found = {
            fold(w)
            for name in names
            for w in re.findall(r"[\w'-]+", name)
            if w[:1].isupper() == self.capitalised
        }
        return frozenset(
            part
            for word in found
            for part in re.findall(r"[a-z0-9]+", word)
            if len(part) >= _SHORTEST and part not in STOPWORDS and part not in TITLES
        )


def _names(written: str, speaker: Speaker) -> bool:
    """`written` names the speaker: a run of capitalised words that ends with a word of their name, or
    holds their surname ('Angel Enrique Sarmiento' is no Enrique Pena Nieto), run together with the next
    word too ('Dr Tedros AdhanomAlso Read'); for a described speaker, a word of the description."""
    words = speaker.words
    if not speaker.capitalised:
        return any(_named(word, written) for word in words)
    own = last_name(speaker.form) or ""
    for run in _NAME_RUN.findall(written):
        folded = [re.sub(r"'s?$", "", fold(word)) for word in run.split()]
        if folded[-1] in words or any(
            word == own or (len(own) >= _GLUED and word.startswith(own)) for word in folded
        ):
            return True
    return False


def _named(who: str, written: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(who)}(?![a-z0-9])", fold(written)) is not None


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return word_set("stopwords", lang) if lang in LANGUAGES else frozenset()


@cache
def _pronouns(lang: str) -> frozenset[str]:
    return frozenset(word_list("subject_pronouns", lang if lang in LANGUAGES else "en"))


def _credit_after(end: int, facts: ArticleFacts) -> tuple[str, str]:
    """The words right after the quotation ending at `end` that credit it, as written: who they credit
    it to (empty for a pronoun, a statement, or none: 'he said', 'añadió', 'the note said'), and the
    whole clause; a quotation that ends its sentence is credited by the next only when it points back
    ('Dat heeft Geert Wilders verklaard', '«...». Ha commentato il cardinale Angelo Sodano.')."""
    raw = facts.lower[end : end + reach.CLAUSE_AFTER]
    lead = len(raw) - len(raw.lstrip(" ,;:\"'-"))
    clause = raw[lead:]
    if clause[:1] in (".", "!", "?") or facts.plain[end - 2 : end - 1] in (".", "!", "?"):
        back = POINTING.match(clause) or INVERTED.match(clause)
        # 'According to Italian news agency ANSA, the announcement was ...' opens a sentence of its own.
        if back is None or _AFTER_QUOTES.match(clause, back.end()):
            return "", ""
        lead, clause = lead + back.end(), clause[back.end() :]
    stop = reach.CLAUSE_END.search(clause)
    # A clause that goes on with another quotation credits that one, not this.
    clause = (clause[: stop.start()] if stop else clause).split('"', 1)[0]
    written = facts.plain[end + lead : end + lead + len(clause)]
    verb = _SAID.search(clause) or _AFTER_QUOTES.search(clause)
    small = STOPWORDS | _AUXILIARIES | _stopwords(facts.lang)
    # '" and noted the need for ...': the sentence's own subject goes on speaking.
    if verb is None or re.match(r"(?:and|y|et|e|und|en|ed)\s", clause):
        return "", ""
    before = re.findall(r"[a-z]+", clause[: verb.start()])
    # 'a de son côté affirmé ... le ministre': the verb's auxiliary first, its subject after it;
    # 'heeft partijleider Jan de Vries verklaard': a name between them is the subject.
    named = any(c.isupper() for c in written[: verb.start()])
    if set(before) & _pronouns(facts.lang):
        return "", written  # 'he told the crowd': the crowd is told, the pronoun speaks
    if set(before) - small and (named or before[0] not in _AUXILIARIES):
        subject = written[: verb.start()]
    else:
        subject = " ".join(written[verb.end() :].split()[:NAMED_WORDS])
    words = re.findall(r"[a-z]+", fold(subject))
    content = [w for w in words if w not in small and len(w) > 1]
    # 'he said', 'ha manifestado', 'aveva detto', 'the note said': no subject of their own.
    if not content or words[0] in _pronouns(facts.lang) or words[-1] in _STATEMENTS:
        subject = ""
    return subject, written


def _sentences(
    span: tuple[int, int], facts: ArticleFacts, named: Callable[[str], bool] = bool
) -> tuple[str, str, str, bool]:
    """The sentence before the quotation at `span`, its own sentence up to it, the sentence after it,
    as written and without quotations, and whether the sentence before is the one right before its
    own. The sentence before is the last that `named` holds for (it names the one found or the
    speaker), unless one where someone else speaks stands between; one that only goes on quoting
    ('"...," he said.', a quotation alone) or tells what happened ('The group went missing on June
    23.') is passed over."""
    start, end = enclosing(span, facts.plain)
    text = facts.plain[max(0, start - _PARAGRAPH) : start]
    before = _SENTENCE_END.split(unquoted(text, backwards=True))
    after = unquoted(facts.plain[end : end + _AROUND]).lstrip(" .!?")
    earlier = [sentence for sentence in before[:-1] if sentence.strip(" ,;:-")]
    previous, adjacent = "", False
    for index, sentence in enumerate(reversed(earlier)):
        folded = fold(sentence)
        # Someone else speaks: a speech verb, a name and no pronoun ('Conditions Monday, he added' goes on).
        spoken = _SAID.search(folded) and not set(folded.split()) & _pronouns(facts.lang)
        if named(_before_pronoun(sentence, facts.lang)) or (spoken and _names_someone(sentence)):
            previous, adjacent = sentence, index == 0
            break
    return previous, before[-1], _SENTENCE_END.split(after)[0], adjacent


def _nearer_the_verb(who: str, speaker: Speaker, sentence: str) -> bool:
    """In a sentence that names both, the one found stands nearer its speech verb than the speaker:
    'Javier Milei will be Argentina's next president, said his rival, Economy Minister Sergio Massa'
    is Massa speaking of Milei."""
    words = [re.sub(r"'s?$", "", w) for w in fold(sentence).split()]
    verbs = [i for i, w in enumerate(words) if _SAID.fullmatch(w.strip(",.;:"))]

    def distance(names: set[str]) -> int:
        found = [i for i, w in enumerate(words) if w.strip(",.;:()") in names]
        return min((abs(i - v) for i in found for v in verbs), default=len(words))

    return bool(verbs) and distance({who}) < distance(set(speaker.words))


def _before_pronoun(sentence: str, lang: str) -> str:
    """The sentence up to a pronoun that speaks in it: whom it names after that is no speaker ('"...,"
    he said ..., hugging an emotional President Sebastian Pinera.')."""
    pronoun = "|".join(sorted(_pronouns(lang)))
    found = re.search(rf"(?<![\w'-])(?:{pronoun})\s+(?:\w+\s+)?{_SAID.pattern}", fold(sentence))
    return sentence[: found.start()] if found else sentence


def _names_someone(sentence: str) -> bool:
    """The sentence has a word with a capital: its first too, unless a small word or one that credits
    ('The', 'El', 'According to him, ...')."""
    words = re.findall(r"[\w'-]+", sentence)
    opening = fold(sentence.lstrip(" ,;:-\"'"))
    crediting = _AFTER_QUOTES.match(opening) or _SAID.match(opening)
    return any(
        word[:1].isupper() and (index or not (fold(word) in STOPWORDS | _DETERMINERS or crediting))
        for index, word in enumerate(words)
    )


def _described_as(subject: str, who: str, text: str) -> bool:
    """The description that credits the quotation ('his son said') is the one the article gives `who`
    by name in `text` ('his son Flavio said in a Twitter message')."""
    words = set(re.findall(r"[a-z]+", fold(subject))) - STOPWORDS - _pronouns("en")
    lower = fold(text)
    return bool(words) and any(
        words <= set(re.findall(r"[a-z]+", lower[max(0, m.start() - SUBJECT_WITHIN) : m.start()]))
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(who)}(?![a-z0-9])", lower)
    )


def credit_stands(span: tuple[int, int], who: str, speaker: Speaker, facts: ArticleFacts) -> bool:
    """The article's own word that the quotation at `span` is another's: `who` (a surname or an
    acronym the attribution search found, or "another" for a description or a name the checks read at
    the quotation) is named where the quotation stands, and the speaker is not."""
    subject, clause = _credit_after(enclosing(span, facts.plain)[1], facts)
    previous, own, following, adjacent = _sentences(
        span, facts, lambda sentence: _named(who, sentence) or _names(sentence, speaker)
    )
    if who in speaker.words:
        # 'Bezos said' of Mark Bezos where the article's first Bezos is Jeff: the article's word.
        return not first_of_the_name(speaker.form, who, facts)
    if subject:
        # The words right after the quotation give it to a subject of their own: a name, a description
        # the checks found none of the speaker's ("another"), or the one the article gives the one
        # found ('his son said', after 'his son Flavio').
        if _names(subject, speaker):
            return False
        if who == "another" or _named(who, clause) or any(c.isupper() for c in subject):
            return True
        if _described_as(subject, who, f"{previous}. {own}"):
            return True
    if _names(own, speaker):
        return False
    if who == "another" or _named(who, own):
        return True
    alone = not own.strip() and not clause
    if (_names(previous, speaker) and not _nearer_the_verb(who, speaker, previous)) or (
        alone and _names(following, speaker)
    ):
        return False
    # 'he said', 'añadió', 'the 45-year-old declared', 'Il a ensuite remercié ... et appelé à': no
    # name; or, right after the sentence that names the one found, a description as the subject ('El
    # mandatario también ha convocado ...').
    described = adjacent and _DESCRIBED_SUBJECT.match(own.lstrip(" ,;:-")) is not None
    unnamed = bool(clause) or said_by_pronoun(fold(own), "", facts.lang) or described
    if alone and _named(who, following) and _SAID.search(fold(following)):
        return True  # '"...." Leach told a packed court ...'
    if not (alone or unnamed) or not _named(who, previous):
        return False
    # The sentence before, where the one found spoke or is the subject: the paragraph is theirs.
    opening = fold(previous.lstrip(" ,;:-"))[: SUBJECT_WITHIN + len(who)]
    return _SAID.search(fold(previous)) is not None or _named(who, opening)


#: How many words in lower case may describe who an 'according to' names ('la plate - forme').
DESCRIBED_WORDS = 5
#: A clause right after a quotation that is a verb and a name, in any language, whether or not the verb
#: is a speech verb the lists hold ('"...", esulta Conte.', '- powiedział Winterkorn.').
_VERB_AND_NAME = re.compile(r"[a-z\u00e0-\u017f]+\s+((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*)\s*(?:[.;]|$)")
#: An 'according to' and a name after it, past an article and a description in lower case ('selon
#: la plate-forme Downdetector', "selon un communiqué d'Air France").
_ACCORDING = re.compile(
    r"\b(?i:"
    + "|".join(re.escape(w) for w in every_language("after_quotes"))
    + rf")\s+(?:[a-z\u00e0-\u017f'-]+\s+){{0,{DESCRIBED_WORDS}}}(?:d'|l')?((?:[A-Z][\w'-]*\s*)+)"
)


def credited_by_name(span: tuple[int, int], speaker: Speaker, facts: ArticleFacts) -> bool:
    """Where the attribution search found no one: the article credits the quotation at `span` to a
    name that is not the speaker's, in words the search does not read as a credit: a verb and a name
    right after it ('"...", esulta Conte.'), or an 'according to' in its sentence ('Mais selon la
    plate-forme Downdetector, ..., cette panne est "..."', '..., selon un communiqué d'Air France').
    Quotation marks are left out of the sentence read."""
    if facts.lang == "de":
        return False  # every noun has a capital: 'so ein Polizeisprecher' names no one
    end = enclosing(span, facts.plain)[1]
    own = _sentences(span, facts)[1]
    after = facts.plain[end : end + reach.CLAUSE_AFTER].lstrip(" ,;:-\u2013\u2014\"'")
    stop = _SENTENCE_END.search(after)
    rest = unquoted(after[: stop.start()] if stop else after)
    # '"...," the note said, according to Judge Juan Merchan': the note's words, the judge read them.
    if re.search(r"\b(?:" + "|".join(map(re.escape, _STATEMENTS)) + r")\s+" + _SAID.pattern, fold(rest)):
        return False
    names = [m[1] for m in (_VERB_AND_NAME.fullmatch(rest.strip() + "."),) if m]
    names += [m[1] for m in _ACCORDING.finditer(f"{own} {rest}")]
    return bool(names) and not any(_names(name, speaker) for name in names)
