"""A labelled corpus for the grounding check, built from the two example articles.

Faithful items are taken from the articles (and from the briefings written for them); corrupted items
are made from them by rule: a quote reworded, truncated or invented, a speaker swapped, a figure
changed, a name invented. Deterministic: the same corpus every time.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from summarizer.grounding.check import ArticleFacts, check_briefing
from summarizer.models import Article, Briefing
from summarizer.sources.ingest import read_articles

from .conftest import EXAMPLES
from .fake import ANSWERS

Category = Literal["quotes", "numbers", "names"]

INVENTED_QUOTES = [
    "We will never accept a deal that rewards aggression",
    "This is the most important meeting of my presidency",
    "Russia is ready to withdraw its troops immediately",
    "The sanctions will be lifted as soon as talks begin",
    "Europe must pay its fair share for peace",
    "There will be no meeting until the fighting stops",
    "I have full confidence in our negotiating team",
    "The Kremlin has made a serious mistake",
    "Ukraine is prepared to discuss territorial questions",
    "Nothing was agreed and nothing will be agreed this week",
    "We expect a breakthrough within days",
    "The tariffs are a first step, not the last",
]
INVENTED_PEOPLE = [
    "Olena Petrenko",
    "James Whitfield",
    "Emmanuel Macron",
    "Keir Starmer",
    "Anna Kowalski",
    "Sergei Lavrov",
    "Karoline Levitt",
    "Steve Witkins",
]
INVENTED_ORGS = [
    "European Commission",
    "NATO",
    "Atlantic Council",
    "Reuters",
    "United Nations",
    "Pentagon",
    "Bank of England",
]
REPLACEMENTS = {
    "good": "great",
    "lot": "great deal",
    "desire": "wish",
    "open": "ready",
    "brutal": "terrible",
    "lasting": "durable",
    "details": "facts",
    "definitely": "certainly",
    "productive": "useful",
    "important": "vital",
    "end": "stop",
    "works": "worked",
    "close": "halt",
}


SPELLED = re.compile(r"\b(three|five|two)\b")
AS_DIGITS = {"three": "3", "five": "5", "two": "2"}
WRONG_WORD = {"three": "four", "five": "six", "two": "seven"}


@dataclass(frozen=True)
class Item:
    category: Category
    faithful: bool
    rule: str
    article: Article
    briefing: Briefing
    field: str  # the briefing field the item is in, e.g. "quotes[0]"


def _briefing(**fields: object) -> Briefing:
    base: dict[str, object] = {
        "headline": "Briefing",
        "summary": "Briefing.",
        "key_points": ["Briefing."],
        "entities": [],
        "quotes": [],
        "timeline": [],
        "what_next": [],
        "topics": [],
    }
    return Briefing.model_validate(base | fields)


def _quote(article: Article, rule: str, faithful: bool, text: str, speaker: str) -> Item:
    # A briefing lists the story's people beside its quotes: the check may weigh them as candidates.
    people = [e.model_dump() for e in _written(article).entities if e.kind == "person"]
    briefing = _briefing(quotes=[{"text": text, "speaker": speaker, "context": "said"}], entities=people)
    return Item(
        "quotes" if rule != "speaker swapped" else "names", faithful, rule, article, briefing, "quotes[0]"
    )


def _point(article: Article, rule: str, faithful: bool, text: str) -> Item:
    return Item("numbers", faithful, rule, article, _briefing(key_points=[text]), "key_points[0]")


def _name(article: Article, rule: str, faithful: bool, name: str, kind: str) -> Item:
    briefing = _briefing(entities=[{"name": name, "kind": kind, "role": "in the story"}])
    return Item("names", faithful, rule, article, briefing, "entities[0]")


def _written(article: Article) -> Briefing:
    return Briefing.model_validate(json.loads((ANSWERS / f"{article.id}.json").read_text()))


_FIGURE = re.compile(r"\d[\d,.]*%?")


def _changed(figure: str, step: int) -> str:
    digits = figure.rstrip("%")
    value = float(digits.replace(",", ""))
    new = [value + 1, value * 2, value + 10][step % 3]
    text = f"{new:g}"
    return text + ("%" if figure.endswith("%") else "")


def corpus() -> Iterator[Item]:
    for article in read_articles([EXAMPLES]).articles:
        facts = ArticleFacts.of_article(article)
        written = _written(article)
        people = [e.name for e in written.entities if e.kind == "person"]
        # --- quotes ------------------------------------------------------------
        for index, quote in enumerate(written.quotes):
            words = quote.text.split()
            half = len(words) // 2
            yield _quote(article, "verbatim", True, quote.text, quote.speaker)
            yield _quote(article, "trailing comma", True, quote.text + ",", quote.speaker)
            yield _quote(article, "trailing full stop", True, quote.text + ".", quote.speaker)
            yield _quote(
                article,
                "curly quotes",
                True,
                "\u201c" + quote.text.replace("'", "\u2019") + "\u201d",
                quote.speaker,
            )
            yield _quote(article, "spacing", True, "  ".join(words), quote.speaker)
            yield _quote(article, "dash style", True, quote.text.replace("\u2013", "-"), quote.speaker)
            if len(words) >= 8:
                ellipsis = " ".join(words[:3]) + " ... " + " ".join(words[-3:])
                yield _quote(article, "ellipsis", True, ellipsis, quote.speaker)
                out_of_order = " ".join(words[-3:]) + " ... " + " ".join(words[:3])
                yield _quote(article, "ellipsis out of order", False, out_of_order, quote.speaker)
            swap = [w for w in words if w.strip(",.!").lower() in REPLACEMENTS]
            if swap:
                word = swap[0]
                core = word.strip(",.!")
                reworded = quote.text.replace(word, word.replace(core, REPLACEMENTS[core.lower()]), 1)
                yield _quote(article, "word replaced", False, reworded, quote.speaker)
            yield _quote(
                article, "word dropped", False, " ".join(words[:half] + words[half + 1 :]), quote.speaker
            )
            yield _quote(
                article, "negated", False, " ".join([*words[:half], "not", *words[half:]]), quote.speaker
            )
            swapped = [*words[: half - 1], words[half], words[half - 1], *words[half + 1 :]]
            if swapped != words:
                yield _quote(article, "words swapped", False, " ".join(swapped), quote.speaker)
            yield _quote(
                article, "invented ending", False, " ".join(words[:half]) + " and we will win", quote.speaker
            )
            yield _quote(
                article, "invented", False, INVENTED_QUOTES[index % len(INVENTED_QUOTES)], quote.speaker
            )
            yield _quote(
                article, "speaker swapped", False, quote.text, INVENTED_PEOPLE[index % len(INVENTED_PEOPLE)]
            )
            others = [p for p in people if p.split()[-1] not in quote.speaker]
            other = others[index % len(others)]
            yield _quote(article, "speaker swapped", False, quote.text, other)
        for index, invented in enumerate(INVENTED_QUOTES):
            yield _quote(article, "invented", False, invented, people[index % len(people)])
        # --- numbers ------------------------------------------------------------
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", article.text) if s.strip()]
        written_points = [*written.key_points, *written.what_next, *(e.event for e in written.timeline)]
        stated = [s for s in sentences + written_points if _FIGURE.search(s)]
        for step, sentence in enumerate(stated):
            yield _point(article, "stated", True, sentence)
            if "%" in sentence:
                yield _point(article, "per cent spelled", True, re.sub(r"(\d)%", r"\1 per cent", sentence))
            figure = _FIGURE.findall(sentence)[0].rstrip(".,")
            changed = _changed(figure, step)
            if float(changed.rstrip("%")) in facts.values:
                continue  # the changed figure is stated elsewhere in the article: not a corruption
            yield _point(article, "figure changed", False, sentence.replace(figure, changed, 1))
        for sentence in (s for s in sentences if SPELLED.search(s)):
            yield _point(article, "spelled-out", True, sentence)
            as_digits = SPELLED.sub(lambda m: AS_DIGITS[m[1]], sentence)
            yield _point(article, "spelled-out as digits", True, as_digits)
            corrupted = SPELLED.sub(lambda m: WRONG_WORD[m[1]], sentence, count=1)
            if not {4.0, 6.0, 7.0} & facts.values:
                yield _point(article, "spelled-out changed", False, corrupted)
        # --- names ------------------------------------------------------------
        for entity in written.entities:
            if entity.kind == "place":
                continue
            yield _name(article, "as written", True, entity.name, entity.kind)
            if entity.kind == "person" and " " in entity.name:
                yield _name(article, "surname only", True, entity.name.split()[-1], entity.kind)
                yield _name(article, "with title", True, "Mr " + entity.name.split()[-1], entity.kind)
        for person in INVENTED_PEOPLE:
            yield _name(article, "invented person", False, person, "person")
        for org in INVENTED_ORGS:
            acronym = "".join(word[0] for word in org.split() if word[0].isupper())
            if org.lower() in facts.folded or re.search(rf"\b{acronym}\b", article.text):
                continue  # really mentioned ("UN warns ..."): not an invention
            yield _name(article, "invented organization", False, org, "organization")


@dataclass(frozen=True)
class Scores:
    recall: dict[str, float]  # per category, on corrupted items
    false_flags: float  # on faithful items, all categories
    counts: Counter[str]
    missed: list[Item]
    false: list[Item]


def evaluate() -> Scores:
    caught: Counter[str] = Counter()
    corrupted: Counter[str] = Counter()
    faithful = flagged_faithful = 0
    missed: list[Item] = []
    false: list[Item] = []
    counts: Counter[str] = Counter()
    facts_of = {}
    for item in corpus():
        facts = facts_of.setdefault(item.article.id, ArticleFacts.of_article(item.article))
        findings, _ = check_briefing(item.briefing, facts)
        flagged = any(f.where == item.field for f in findings)
        counts[f"{item.category} {'faithful' if item.faithful else 'corrupted'}"] += 1
        if item.faithful:
            faithful += 1
            if flagged:
                flagged_faithful += 1
                false.append(item)
        else:
            corrupted[item.category] += 1
            if flagged:
                caught[item.category] += 1
            else:
                missed.append(item)
    recall = {category: caught[category] / corrupted[category] for category in sorted(corrupted)}
    return Scores(recall, flagged_faithful / faithful, counts, missed, false)
