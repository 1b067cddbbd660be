"""Check a briefing against its article: every quote, number and name must be found in the text."""

from __future__ import annotations

import re

from ..llm.prompts import phrases_of, prompt_phrases
from ..models import Briefing, Finding
from ..text.language import day_months, without_days
from ..text.normalize import STOPWORDS, TITLES, fold, plain
from ..text.normalize import surname as last_name
from ..text.numbers import figures
from .attached import misattached_figures
from .counts import levels_as_changes, miscounted_figures, unstated_scores
from .dates import article_days, date_found, date_support, inferred_dates
from .facts import ArticleFacts, without_outlets
from .frames import reframed_figures
from .names import aliases, description, is_organisation, name_forms, name_found, place_found
from .speakers import (
    attributed,
    attributed_to,
    described_speaker,
    given_elsewhere,
    named_near,
    organisation_speaks,
    speaker_near,
)
from .translated import article_form
from .written import known_organisation, unknown_names

__all__ = [
    "ArticleFacts",
    "aliases",
    "apply_findings",
    "attributed_to",
    "check_briefing",
    "check_echo",
    "check_figures",
    "check_free_text",
    "date_found",
    "date_support",
    "inferred_dates",
    "missing_figures",
    "name_found",
    "quote_found",
    "quote_spans",
    "speaker_near",
    "unknown_names",
]


# --- the checks -----------------------------------------------------------------------------------------

#: A day written the ISO way in a sentence, as the prompt asks for dates: '2016-08-24'.
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])")
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


def missing_figures(text: str, facts: ArticleFacts) -> list[str]:
    """The figures in `text` that the article does not state (empty when all are grounded)."""
    missing = []
    for value in figures(without_outlets(fold(text), facts.outlets), idiomatic=False, folded=True):
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
    acronyms = _acronyms(briefing, facts)
    roles = {fold(e.name): e.role for e in briefing.entities if e.kind == "person"}

    given_days = facts.day_months | {(day.month, day.day) for day in article_days(facts)}

    def figures(where: str, text: str) -> None:
        nonlocal checked
        checked += 1
        # A date written as a date ('on 2016-08-24') is checked as a day the article gives, not as the
        # figures 2016, 8 and 24 (nor as a score '08-24').
        undated = [iso for iso in _ISO_DATE.findall(text) if not date_found(iso, "", facts)]
        if undated:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="a day the article does not give: " + ", ".join(dict.fromkeys(undated)),
            ))  # fmt: skip
        words = _ISO_DATE.sub(" ", text)
        counted = words  # where figures are read: a day the article gives ('21 July') is a date, no figure
        if (named := day_months(fold(words))) and named <= given_days:
            counted = without_days(fold(words))
        missing = missing_figures(counted, facts)
        if missing:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="not stated in the article: " + ", ".join(dict.fromkeys(missing)),
            ))  # fmt: skip
        misattached = misattached_figures(counted, facts) or miscounted_figures(counted, facts)
        misattached = misattached or levels_as_changes(counted, facts) or reframed_figures(counted, facts)
        misattached = misattached or [f"{score} (a score)" for score in unstated_scores(counted, facts)]
        if misattached and not missing:
            findings.append(Finding(
                kind="number", where=where, item=text,
                reason="the article gives this figure for something else: " + ", ".join(misattached),
            ))  # fmt: skip
        unknown = unknown_names(words, facts)
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
        # The day of the month in `when` is the date's, checked below as a date ('25 September').
        # A semicolon, not a colon: "at 20:00: ..." would hide the time of day from the clock reader.
        figures(where, f"{without_days(fold(event.when))}; {event.event}")
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
            continue
        organisation = is_organisation(quote.speaker, briefing.entities)
        # The speaker as the article may name them, without the description a model adds.
        speaker = found_form(quote.speaker, facts, person=not organisation)
        if speaker is None:
            reason = "the speaker is not named in the article"
            findings.append(Finding(kind="speaker", where=where, item=quote.speaker, reason=reason))
        elif organisation:
            # A statement of a board, a company, the police: not a quote the article gives to one
            # of the people in the briefing.
            whom = [attributed_to(span, candidates, facts, acronyms) for span in spans]
            if not any(
                any(organisation_speaks(form, span, facts) for form in {speaker, *name_forms(quote.speaker)})
                or (who is None and named_near(speaker, span, facts))
                for span, who in zip(spans, whom, strict=True)
            ):
                findings.append(_unconfirmed(where, quote.speaker, whom))
        else:
            named = sorted({*candidates, last_name(speaker) or ""} - {""})
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
            others = [name for name in others if fold(name) != fold(quote.speaker) and last_name(name) != own]
            if any(described_speaker(speaker, span, facts) for span in spans):
                continue  # 'his opponents', as the article describes who said it
            elsewhere = [given_elsewhere(speaker, role, span, others, facts) for span in spans]
            if not attributed(speaker, spans, named, facts, role, acronyms) or all(elsewhere):
                whom = [
                    attributed_to(span, named, facts, acronyms) or ("another" if given else None)
                    for span, given in zip(spans, elsewhere, strict=True)
                ]
                findings.append(_unconfirmed(where, quote.speaker, whom))
    for index, entity in enumerate(briefing.entities):
        # Every kind is checked: a place left unchecked stayed in Who's who while the appendix said
        # the same name was not in the article.
        checked += 1
        if entity.kind == "place":
            found = place_found(entity.name, facts)
        else:
            found = found_form(entity.name, facts, person=entity.kind == "person") is not None
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


def _unconfirmed(where: str, speaker: str, whom: list[str | None]) -> Finding:
    """A quote the article does not attribute to its speaker: dropped when the article gives it to
    someone else wherever it stands; kept and marked when it gives it to no one it names."""
    kept = None in whom
    reason = (
        "the article does not say who said this" if kept else "the article gives this quote to someone else"
    )
    return Finding(kind="speaker", where=where, item=speaker, reason=reason, kept=kept)


#: The words before a source the words went to: 'told AFP', 'a déclaré à l'AFP', 'dijo a EFE'.
_TO_WHOM = frozenset(
    (
        "with",
        "by",
        "to",
        "told",
        "from",
        "via",
        "a",
        "à",
        "al",
        "avec",
        "par",
        "con",
        "por",
        "ao",
        "com",
        "mit",
    )
)


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
            mentions = re.findall(rf"(\w+)?\W+(?:the |l'|la |le |el )?{acronym.upper()}\b", facts.plain)
            # 'shared with AFP', 'cited by CNN', 'told CNN': a source the words went to, not a speaker.
            if len(acronym) > 2 and mentions and not any(w.lower() in _TO_WHOM for w in mentions):
                found.add(acronym.lower())
    return found


def found_form(name: str, facts: ArticleFacts, *, person: bool) -> str | None:
    """The first form of the name (names.name_forms) that the article gives, else the article's own
    form of it (translated.article_form); None if there is none. A person's shortest form comes first:
    'Isaac' of 'Isaac, 18, whose little cousins were trapped', whose last word the article has too."""
    forms = name_forms(name, person=person)
    if person:
        # 'Mayor' of 'Mayor of Amatrice Sergio Pirozzi' is a title, not the person.
        forms = [form for form in forms if _named(form)] or forms
        forms.sort(key=lambda form: len(form.split()))
    found = next((form for form in forms if name_found(form, facts, person=person)), None)
    if found is not None or (person and facts.lang == "en"):
        return found
    if not person and known_organisation(name, facts):
        # Written in full, as a name in free text may be ('United States Coast Guard').
        return name
    # Translated ('Pope Francis' for 'le pape François'), or an organisation's words in another order:
    # the article's own form, so that the speaker is looked for as the article writes them.
    return next((own for form in forms if (own := article_form(form, facts)) is not None), None)


def _named(form: str) -> bool:
    """The form holds a word that is neither a title nor a small word: it can name someone."""
    return any(w not in TITLES and w not in STOPWORDS for w in re.findall(r"[a-z]+", fold(form)))


def check_figures(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Figures in free text (a synthesised headline or summary) that the articles do not state."""
    findings = []
    for where, text in fields.items():
        missing = missing_figures(text, facts)
        if missing:
            reason = "not stated in the articles: " + ", ".join(dict.fromkeys(missing))
            findings.append(Finding(kind="number", where=where, item=text, reason=reason))
    return findings


def check_free_text(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Free text a model wrote from several articles (a synthesised headline and summary), checked as a
    briefing's headline and summary are: figures and names the articles do not give, and, beyond
    them, the tool's own prompt echoed back (check_echo)."""
    findings = check_figures(fields, facts)
    for where, text in fields.items():
        unknown = unknown_names(text, facts)
        if unknown:
            reason = "names not in the articles: " + ", ".join(unknown)
            findings.append(Finding(kind="name", where=where, item=text, reason=reason))
    return findings + check_echo(fields, facts)


def check_echo(fields: dict[str, str], facts: ArticleFacts) -> list[Finding]:
    """Text that repeats the tool's own prompts, in phrases the articles do not hold: an endpoint that
    echoes the request gave the re-ask's "Some items in your briefing are not supported by the
    article" as a headline. No faithful headline or summary of benchmarks/ (277, planted errors
    included) nor of tests/answers shares a phrase with the prompts."""
    findings = []
    for where, text in fields.items():
        echoed = (phrases_of(text) & prompt_phrases()) - phrases_of(facts.folded)
        if echoed:
            phrase = " ".join(min(echoed))
            reason = f"the tool's own prompt, not the articles (\u201c{phrase}\u201d)"
            findings.append(Finding(kind="quote", where=where, item=text, reason=reason))
    return findings


def apply_findings(briefing: Briefing, findings: list[Finding], *, fallback_title: str | None) -> Briefing:
    """The briefing with every ungrounded item removed.

    A list item is dropped (one the article does not contradict, `kept`, stays); a timeline entry whose
    only unsupported part is its date loses the date.
    An ungrounded headline is replaced by the article's own title (or the first grounded key point); an
    ungrounded summary by the grounded key points.
    """
    bad = {finding.where for finding in findings if finding.kind != "date" and not finding.kept}
    # A date the article does not give goes; the rest of its timeline entry stays.
    undated = {finding.where for finding in findings if finding.kind == "date"}

    def keep(field: str, items: list[object]) -> list[object]:
        return [item for index, item in enumerate(items) if f"{field}[{index}]" not in bad]

    timeline = [
        event.model_copy(update={"date": None}) if f"timeline[{index}]" in undated else event
        for index, event in enumerate(briefing.timeline)
    ]

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
        "timeline": keep("timeline", list(timeline)),
        "quotes": keep("quotes", list(briefing.quotes)),
        "entities": keep("entities", list(briefing.entities)),
    })  # fmt: skip
