"""Check a briefing against its article: every quote, number and name must be found in the text."""

from __future__ import annotations

import re

from .facts import ArticleFacts, date_found, date_support, inferred_dates
from .models import Briefing, Finding
from .names import aliases, is_organisation, name_found, place_found, unknown_names
from .text import STOPWORDS, figures, fold, plain, undoubled
from .text import surname as last_name

__all__ = [
    "ArticleFacts",
    "aliases",
    "apply_findings",
    "attributed_to",
    "check_briefing",
    "check_figures",
    "date_found",
    "date_support",
    "inferred_dates",
    "missing_figures",
    "name_found",
    "place_found",
    "quote_found",
    "quote_spans",
    "speaker_near",
    "unknown_names",
]


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
    r"stated|states|reported|reports|indicated|shared|according|thanked|adding|saying)"
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
    # 'thanked deSouza "for his leadership," adding that ...': the verb after a quotation is not
    # the named person's.
    sentence = sentence.split('"', 1)[0]
    cut = _SENTENCE_END.search(sentence)
    if _SAID.search(sentence[: cut.start()] if cut else sentence):
        return True
    # 'said Interior Minister Ana Ruiz.' attributes only when the name closes the clause:
    # 'Leavitt said Trump was pleased' and 'welcomed Mr Witkoff's visit' do not make Trump or Witkoff speak.
    lead = lower[max(0, position - 45) : position]
    closes = re.match(r"[a-z'-]*\s*(?:[.,;]|$)", lower[position : position + 40]) is not None
    # 'said his rival, Economy Minister Sergio Massa, who ...': an apposition may stand between.
    return closes and re.search(_SAID.pattern + r"[a-z .,'-]*$", lead) is not None


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


def missing_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures in `text` that the article does not state (empty when all are grounded)."""
    missing = []
    for value in figures(text, idiomatic=False):
        if value not in facts.values:
            missing.append(f"{value:g}")
    return missing


#: Words that place a moment relative to the publication day, and how many days from it.


def check_briefing(briefing: Briefing, facts: ArticleFacts) -> tuple[list[Finding], int]:
    """Every quote, speaker, figure and name in the briefing that the article does not support.

    Returns the findings and how many items were checked. Pure and deterministic.
    """
    findings: list[Finding] = []
    checked = 0
    people = [e.name for e in briefing.entities if e.kind == "person"]
    people += [q.speaker for q in briefing.quotes if not is_organisation(q.speaker, briefing.entities)]
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
        elif is_organisation(quote.speaker, briefing.entities):
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
        # Every kind is checked: a place left unchecked stayed in Who's who while the appendix said
        # the same name was not in the article.
        checked += 1
        if entity.kind == "place":
            found = place_found(entity.name, facts)
        else:
            found = name_found(entity.name, facts, person=entity.kind == "person")
        if not found:
            # "Turkey" filed as a person, where the article says "Turkish": the name is there, not as
            # that kind. Said so, the appendix never says "not mentioned" of a name Who's who shows.
            given = entity.kind != "place" and place_found(entity.name, facts)
            reason = (
                f"not mentioned as {_KINDS[entity.kind]} in the article"
                if given
                else "not mentioned in the article"
            )
            findings.append(Finding(kind="name", where=f"entities[{index}]", item=entity.name, reason=reason))
    return findings, checked


_KINDS = {"person": "a person", "organization": "an organisation", "place": "a place"}


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
        # A family name written first ('Kim Mi Sung' ... 'Kim said').
        if (
            who is not None
            and len(parts := fold(speaker).split()) > 2
            and undoubled(who) == undoubled(parts[0])
        ):
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
