"""Check a briefing against its article: every quote, number and name must be found in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from .models import Briefing, Entity, Finding
from .text import MONTHS, STOPWORDS, TITLES, WEEKDAYS, figures, fold, plain, skeleton, undoubled
from .text import surname as last_name

__all__ = [
    "ArticleFacts",
    "aliases",
    "apply_findings",
    "check_briefing",
    "check_figures",
    "date_support",
    "inferred_dates",
    "name_found",
    "unknown_names",
    "missing_figures",
    "quote_found",
    "quote_spans",
    "attributed_to",
    "speaker_near",
]


# --- normalising text -----------------------------------------------------------------------------


_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")


def _day_months(folded: str) -> set[tuple[int, int]]:
    """(month, day) pairs a folded text states: 'aug 6', '6 august', '6th of august'."""
    found = set()
    for day, month in _DAY_MONTH.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    for month, day in _MONTH_DAY.findall(folded):
        if month in MONTHS:
            found.add((MONTHS[month], int(day)))
    return found


_HONORIFIC = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr)\.? ([a-z][a-z'-]+)")


@dataclass(frozen=True)
class ArticleFacts:
    """What can be looked up in one article: its text as normalised for quotes and names, its figures."""

    plain: str
    folded: str
    folded_words: frozenset[str]
    #: The folded words in order, for names spelt with a slip ('Coast Gaurd').
    word_list: tuple[str, ...]
    #: Surnames the article gives with an honorific ('Mr Abdulla'): the forms an alias may take.
    honorific: frozenset[str]
    #: The words the article writes with a capital (folded): the words of its names.
    capitalised: frozenset[str]
    values: frozenset[float]
    day_months: frozenset[tuple[int, int]]
    years: frozenset[int]
    published: date | None

    @classmethod
    def of(cls, text: str, published: datetime | date | None = None) -> ArticleFacts:
        folded = fold(text)
        values = frozenset(figures(folded, folded=True))
        word_list = tuple(re.findall(r"[a-z0-9]+", folded))
        return cls(
            plain=plain(text),
            folded=folded,
            folded_words=frozenset(word_list),
            word_list=word_list,
            honorific=frozenset(_HONORIFIC.findall(folded)),
            capitalised=frozenset(
                fold(w).removesuffix("'s") for w in re.findall(r"(?<![\w'])[A-Z][\w'-]*", plain(text))
            ),
            values=values,
            day_months=frozenset(_day_months(folded)),
            years=frozenset(int(v) for v in values if v.is_integer() and 1900 <= v <= 2100),
            published=published.date() if isinstance(published, datetime) else published,
        )


# --- the checks -----------------------------------------------------------------------------------------

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")


#: How far before and after a quotation its speaker may be named ("..., he said" after an earlier
#: "Secretary of State Marco Rubio told ..."): about two short paragraphs before, one after.
ATTRIBUTION_BEFORE, ATTRIBUTION_AFTER = 400, 200


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


def speaker_near(speaker: str, spans: list[tuple[int, int]], facts: ArticleFacts) -> bool:
    """The speaker is named close to one of the places the quote stands (outside the quote itself)."""
    for start, end in spans:
        window = (
            facts.plain[max(0, start - ATTRIBUTION_BEFORE) : start]
            + " "
            + facts.plain[end : end + ATTRIBUTION_AFTER]
        )
        if name_found(speaker, ArticleFacts.of(window), person=True):
            return True
    return False


_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|continued|wrote|writes|declared|stated|asked|warned|announced|"
    r"welcomed|insisted|replied|explained|noted|posted|tweeted|argued|claimed|urged|recalled|described|"
    r"stated|states|reported|reports|indicated|shared|according)"
)
_PRONOUN_SAID = re.compile(r"^(?:he|she|they|it|the [a-z .'-]{1,40}?)\s+" + _SPEECH + r"\b")
_SAID = re.compile(r"\b" + _SPEECH + r"\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _enclosing(span: tuple[int, int], plain: str) -> tuple[int, int]:
    """The whole quotation a quoted fragment stands in, when it stands between quotation marks."""
    start, end = span
    if plain.count('"', 0, start) % 2 == 1:
        opening, closing = plain.rfind('"', 0, start), plain.find('"', end)
        if closing != -1:
            return opening, closing + 1
    return span


def _mentions(surname: str, lower: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![a-z0-9])" + re.escape(surname) + r"(?![a-z0-9])", lower)]


def _speaks(position: int, lower: str) -> bool:
    """The name at `position` is the subject or object of a speech verb in its sentence
    ('Marco Rubio told ...', 'Dmitry Peskov on Monday welcomed ...', 'said Interior Minister Ana Ruiz')."""
    sentence = lower[position : position + 90]
    cut = _SENTENCE_END.search(sentence)
    if _SAID.search(sentence[: cut.start()] if cut else sentence):
        return True
    # 'said Interior Minister Ana Ruiz.' attributes only when the name closes the clause:
    # 'Leavitt said Trump was pleased' and 'welcomed Mr Witkoff's visit' do not make Trump or Witkoff speak.
    lead = lower[max(0, position - 45) : position]
    closes = re.match(r"[a-z'-]*\s*(?:[.,;]|$)", lower[position : position + 40]) is not None
    return closes and re.search(_SAID.pattern + r"[a-z .'-]*$", lead) is not None


_NAMED_SPEAKER = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z][\w'-]+\s+)*([A-Z][\w'-]+)\s+" + _SPEECH + r"\b"
)


def attributed_to(span: tuple[int, int], candidates: list[str], facts: ArticleFacts) -> str | None:
    """Whom the article attributes the quote at `span` to, among `candidates` (surnames); None if unclear.

    First the words right after the quotation (`..., Zelenskyy said`); a pronoun or a description
    there (`he said`, `the US president said`), or a quotation that ends its own sentence, sends the
    search back to the nearest candidate before it who is the subject of a speech verb.
    """
    lower = facts.plain.lower()
    start, end = _enclosing(span, facts.plain)
    mentions = {
        surname: sorted(p for form in {surname, *aliases(surname, facts)} for p in _mentions(form, lower))
        for surname in candidates
    }
    ended_inside = end >= 2 and facts.plain[end - 1] == '"' and facts.plain[end - 2] in ".!?"
    after = lower[end : end + 160]
    clause = after.lstrip(" ,;:\"'")
    offset = end + len(after) - len(clause)
    stop = _SENTENCE_END.search(clause)
    clause = clause[: stop.start()] if stop else clause
    if not ended_inside and not _PRONOUN_SAID.match(clause) and _SAID.search(clause):
        named = [
            (position, surname)
            for surname, positions in mentions.items()
            for position in positions
            if offset <= position < offset + len(clause)
        ]
        if named:
            return min(named)[1]
        # '..., Mr Abdel said': someone the briefing does not name said it; the search stops here.
        other = _NAMED_SPEAKER.match(facts.plain[offset : offset + len(clause)])
        if other is not None:
            return fold(other[1])
    before = sorted(
        (start - position, surname)
        for surname, positions in mentions.items()
        for position in positions
        if start - 700 <= position < start
    )
    for distance, surname in before:
        if _speaks(start - distance, lower):
            return surname
    return None


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
    # An acronym counts only in capitals: 'UN' for United Nations, never the word 'be' for Bank of England.
    return len(initials) > 1 and re.search(rf"\b{initials.upper()}\b", facts.plain) is not None


def _phrase_in(phrase: str, facts: ArticleFacts) -> bool:
    """The phrase stands in the article, a possessive apart ("OpenAI's board of directors")."""
    pattern = r"(?:'s)?\s+".join(re.escape(word) for word in phrase.split())
    return re.search(r"(?<![a-z0-9])" + pattern + r"(?![a-z0-9])", facts.folded) is not None


def _given_name_fits(parts: list[str], forms: list[str], facts: ArticleFacts) -> bool:
    """A person named with a given name the article never uses ('Salman Dawood') is someone else, or
    no one, when the article gives that surname other given names ('Shahzada Dawood'). An article that
    only ever says 'President Biden' lets 'Joe Biden' stand."""
    if len(parts) < 2 or len(parts[0]) < 2 or parts[0] in facts.folded_words:
        return True
    given: set[str] = set()
    for form in forms:
        for match in re.finditer(r"\b([A-Z][A-Za-z'-]+) (?i:" + re.escape(form) + r")\b", facts.plain):
            word = fold(match[1])
            if word not in TITLES and word not in STOPWORDS and word not in _HONORIFICS:
                given.add(word)
    return not given


_HONORIFICS = frozenset("mr mrs ms miss mx dr".split())


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
_NAME_RUN = re.compile(
    r"(?<![\w'])[A-Z][\w'-]*(?:\s+(?:(?:of|and|the|de|del|da|di|du|van|von|bin|al|el|la|le)\s+)?[A-Z][\w'-]*)+"
)


def unknown_names(text: str, facts: ArticleFacts) -> list[str]:
    """Names of two words or more in free text (a key point, a summary) of which the article gives no
    word capitalised, as in a name: 'general counsel Mark Thompson', 'Bramley Construction' where the
    article has 'Brawner Builders' and 'construction workers'. A word may be spelt with one slip;
    titles, months and weekdays are not names. One known word lets a name pass ('Transportation
    Secretary Pete Buttigieg'): a name half invented is left to the entity and speaker checks."""
    found = []
    for match in _NAME_RUN.finditer(plain(text)):
        # 'Jeffrey Pritzker of Bramley Construction' is two names: each is looked up.
        for name in [match[0], *_CONNECTOR.split(match[0])]:
            words = [fold(w).removesuffix("'s") for w in re.findall(r"[A-Z][\w'-]*", name)]
            named = [w for w in words if w not in TITLES and w not in STOPWORDS and w not in MONTHS]
            named = [w for w in named if w not in WEEKDAYS and len(w) > 1]
            if len(named) >= 2 and not any(_capitalised(w, facts) for w in named) and name not in found:
                found.append(name)
    return found


_CONNECTOR = re.compile(r"\s+(?:of|and|the)\s+")


def _capitalised(word: str, facts: ArticleFacts) -> bool:
    return word in facts.capitalised or any(_slipped(word, known) for known in facts.capitalised)


def missing_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures in `text` that the article does not state (empty when all are grounded)."""
    missing = []
    for value in figures(text, idiomatic=False):
        if value not in facts.values:
            missing.append(f"{value:g}")
    return missing


#: Words that place a moment relative to the publication day, and how many days from it.
_RELATIVE = (
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|(?:earlier|later) today)\b"), 0),
    (re.compile(r"\b(?:yesterday|last night)\b"), -1),
    (re.compile(r"\btomorrow\b"), 1),
)
#: A time of day and nothing else ('4:21 p.m. ET', 'at noon'): the day is the publication's.
_CLOCK = re.compile(
    r"(?:at |around |about |(?:shortly|just) (?:after|before) )?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midday)(?:\s+[a-z]{2,4})?\.?"
)

Support = Literal["stated", "inferred"]


def date_support(iso: str, when: str, facts: ArticleFacts) -> Support | None:
    """How the article supports an ISO date: 'stated' when it gives its day and month; 'inferred' when
    it follows from `when` and the publication date: the weekday named, within six days of it
    ('Sunday'), or 'tonight', 'yesterday', 'this morning', or a bare time of day on the day itself.
    None otherwise: a weekday that is not this date's, or not in the publication's week."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    if (day.month, day.day) in facts.day_months:
        return "stated"
    if facts.published is None:
        return None
    folded_when = fold(when)
    offset = (day - facts.published).days
    named = {weekday for weekday in WEEKDAYS if weekday in folded_when}
    if named:
        return "inferred" if named == {WEEKDAYS[day.weekday()]} and abs(offset) <= 6 else None
    if any(pattern.search(folded_when) and offset == days for pattern, days in _RELATIVE):
        return "inferred"
    return "inferred" if offset == 0 and _CLOCK.fullmatch(folded_when.strip()) else None


def date_found(iso: str, when: str, facts: ArticleFacts) -> bool:
    """An ISO date the article states, or that follows from its wording and the publication date."""
    return date_support(iso, when, facts) is not None


def inferred_dates(briefing: Briefing, facts: ArticleFacts) -> list[str]:
    """The timeline entries (e.g. 'timeline[0]') whose date is not stated but worked out from a weekday
    or 'tonight' and the publication date: the brief marks them '(inferred)'."""
    return [
        f"timeline[{index}]"
        for index, event in enumerate(briefing.timeline)
        if event.date and date_support(event.date, event.when, facts) == "inferred"
    ]


def check_briefing(briefing: Briefing, facts: ArticleFacts) -> tuple[list[Finding], int]:
    """Every quote, speaker, figure and name in the briefing that the article does not support.

    Returns the findings and how many items were checked. Pure and deterministic.
    """
    findings: list[Finding] = []
    checked = 0
    people = [e.name for e in briefing.entities if e.kind == "person"]
    people += [q.speaker for q in briefing.quotes if not _organisation(q.speaker, briefing.entities)]
    candidates = sorted({surname for name in people if (surname := last_name(name))})
    roles = {fold(e.name): e.role for e in briefing.entities if e.kind == "person"}

    def figures(where: str, text: str) -> None:
        nonlocal checked
        checked += 1
        missing = missing_figures(text, facts)
        if missing:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="not stated in the article: " + ", ".join(dict.fromkeys(missing)),
            ))  # fmt: skip
        unknown = unknown_names(text, facts)
        if unknown:
            findings.append(Finding(
                kind="name", where=where, item=text,
                reason="names not in the article: " + ", ".join(unknown),
            ))  # fmt: skip

    figures("headline", briefing.headline)
    figures("summary", briefing.summary)
    for index, point in enumerate(briefing.key_points):
        figures(f"key_points[{index}]", point)
    for index, point in enumerate(briefing.what_next):
        figures(f"what_next[{index}]", point)
    for index, event in enumerate(briefing.timeline):
        where = f"timeline[{index}]"
        figures(where, f"{event.when}: {event.event}")
        if event.date is not None:
            checked += 1
            if not date_found(event.date, event.when, facts):
                findings.append(
                    Finding(
                        kind="date",
                        where=where,
                        item=f"{event.when} ({event.date})",
                        reason="the date is not stated in the article",
                    )
                )
    for index, quote in enumerate(briefing.quotes):
        where = f"quotes[{index}]"
        checked += 2
        spans = quote_spans(quote.text, facts)
        if not spans:
            reason = "these words do not appear in the article"
            findings.append(Finding(kind="quote", where=where, item=quote.text, reason=reason))
        elif _organisation(quote.speaker, briefing.entities):
            # A statement of a board, a company, the police: named in the article, and not a
            # quote the article gives to one of the people in the briefing.
            if not name_found(quote.speaker, facts, person=False):
                reason = "the speaker is not named in the article"
                findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
            elif not any(
                _organisation_speaks(quote.speaker, span, facts)
                or (
                    attributed_to(span, candidates, facts) is None and _named_near(quote.speaker, span, facts)
                )
                for span in spans
            ):
                reason = "the article does not attribute this quote to this speaker"
                findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
        elif not name_found(quote.speaker, facts, person=True):
            reason = "the speaker is not named in the article"
            findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
        elif not _attributed(quote.speaker, spans, candidates, facts, roles.get(fold(quote.speaker), "")):
            reason = "the article does not attribute this quote to this speaker"
            findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
    for index, entity in enumerate(briefing.entities):
        if entity.kind == "place":
            continue
        checked += 1
        if not name_found(entity.name, facts, person=entity.kind == "person"):
            findings.append(
                Finding(
                    kind="name",
                    where=f"entities[{index}]",
                    item=entity.name,
                    reason="not mentioned in the article",
                )
            )
    return findings, checked


#: Words that make a speaker an organisation rather than a person ('OpenAI board of directors').
_ORGANISATION = frozenset(
    "board company police agency ministry department guard government office court council committee "
    "service team club union party army military administration authority authorities commission "
    "foundation institute university bank group corporation inc ltd".split()
)


def _organisation(speaker: str, entities: list[Entity]) -> bool:
    """The speaker is an organisation: the briefing says so, or its name says so and no person has it."""
    folded = fold(speaker)
    kinds = {e.kind for e in entities if fold(e.name) == folded}
    if kinds:
        return "organization" in kinds and "person" not in kinds
    return bool(set(re.findall(r"[a-z]+", folded)) & _ORGANISATION)


def _named_near(organisation: str, span: tuple[int, int], facts: ArticleFacts) -> bool:
    """Every word of the organisation's name stands near the quote, in any order ('the board of
    directors of OpenAI' names the OpenAI board of directors)."""
    start, end = span
    before = facts.plain[max(0, start - ATTRIBUTION_BEFORE) : start]
    near = set(re.findall(r"[a-z0-9]+", fold(before + " " + facts.plain[end : end + ATTRIBUTION_AFTER])))
    names = {w for w in re.findall(r"[a-z0-9]+", fold(organisation)) if w not in STOPWORDS}
    return bool(names) and names <= near


def _organisation_speaks(speaker: str, span: tuple[int, int], facts: ArticleFacts) -> bool:
    """The organisation is the subject of a speech verb just before the quote ('OceanGate has also
    shared a statement which reads, ...'), found by the longest word of its name."""
    names = [w for w in re.findall(r"[a-z]+", fold(speaker)) if w not in STOPWORDS]
    if not names:
        return False
    key = max(names, key=len)
    lower = facts.plain.lower()
    start = _enclosing(span, facts.plain)[0]
    window = range(max(0, start - ATTRIBUTION_BEFORE), start)
    return any(_speaks(position, lower) for position in _mentions(key, lower) if position in window)


_DESCRIBED = re.compile(
    r"^(?:the|a|an) ([a-z' -]{2,40}?) "
    + _SPEECH
    + r"\b|^"
    + _SPEECH
    + r" (?:the|a|an) ([a-z' -]{2,40}?)[.,;]"
)


def _described_as(span: tuple[int, int], facts: ArticleFacts) -> set[str]:
    """The words of the description the article gives the speaker right after the quote: 'the judge
    said' gives {'judge'}; a name or a pronoun gives nothing."""
    _, end = _enclosing(span, facts.plain)
    clause = facts.plain[end : end + 80].lower().lstrip(" ,;:\"'")
    found = _DESCRIBED.match(clause)
    description = (found[1] or found[2]) if found else None
    return set(re.findall(r"[a-z]+", description)) - STOPWORDS if description else set()


def _attributed(
    speaker: str, spans: list[tuple[int, int]], candidates: list[str], facts: ArticleFacts, role: str = ""
) -> bool:
    """The article attributes one occurrence of the quote to the speaker (or, unclear, names them near
    it), or to a description that is the speaker's role in the briefing ('the judge said')."""
    surname = last_name(speaker)
    role_words = set(re.findall(r"[a-z]+", fold(role)))
    for span in spans:
        described = _described_as(span, facts)
        if described and described & role_words:
            return True
        who = attributed_to(span, candidates, facts)
        # 'the judge said' gives the quote to a judge: a lawyer named nearby did not say it.
        if who is None and not described and speaker_near(speaker, [span], facts):
            return True
        if who is not None and surname is not None and undoubled(who) == undoubled(surname):
            return True
    return False


def check_figures(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Figures in free text (a synthesised headline or summary) that the articles do not state."""
    findings = []
    for where, text in fields.items():
        missing = missing_figures(text, facts)
        if missing:
            reason = "not stated in the articles: " + ", ".join(dict.fromkeys(missing))
            findings.append(Finding(kind="number", where=where, item=text, reason=reason))
    return findings


def apply_findings(briefing: Briefing, findings: list[Finding], *, fallback_title: str | None) -> Briefing:
    """The briefing with every ungrounded item removed.

    A list item is dropped. An ungrounded headline is replaced by the article's own title (or the first
    grounded key point); an ungrounded summary by the grounded key points.
    """
    bad = {finding.where for finding in findings}

    def keep(field: str, items: list[object]) -> list[object]:
        return [item for index, item in enumerate(items) if f"{field}[{index}]" not in bad]

    key_points = [str(p) for p in keep("key_points", list(briefing.key_points))]
    headline, summary = briefing.headline, briefing.summary
    if "headline" in bad:
        headline = fallback_title or (key_points[0] if key_points else "Untitled")
    if "summary" in bad:
        summary = " ".join(key_points[:2]) or headline
    return briefing.model_copy(update={
        "headline": headline,
        "summary": summary,
        "key_points": key_points or [headline],
        "what_next": keep("what_next", list(briefing.what_next)),
        "timeline": keep("timeline", list(briefing.timeline)),
        "quotes": keep("quotes", list(briefing.quotes)),
        "entities": keep("entities", list(briefing.entities)),
    })  # fmt: skip
