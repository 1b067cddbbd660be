"""Who acts in a story: its people and organisations ranked by how many outlets name them and how
often its statements do, those only listed marked so, places after them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import chain

from ..models import ArticleBriefing, AttributedEntity
from ..text.normalize import cached, fold, name_key, undoubled
from ..text.outlets import news_organisations
from .entities import name_words

__all__ = ["cast"]

_NEWSROOMS = frozenset(chain.from_iterable(news_organisations()))
_GIVEN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")


def cast(entities: list[AttributedEntity], members: list[ArticleBriefing]) -> list[AttributedEntity]:
    """The story's entities in the order Who's who shows them.

    People and organisations first: the most outlets naming them, then the most statements naming them
    (headlines, summaries, key points, timeline, what next, and each quote they speak), then by name.
    One that no statement names and no quote is given to (a person an outlet lists but never mentions),
    or a news organisation the articles credit (text/data/<lang>/news_organisations.txt: 'The Associated
    Press', 'CNN') unless a headline names it, is `mentioned_only` and comes after those that act.
    Places last, the most named first: a country only mentioned is not one of the story's actors.
    """
    # Each text read once, as a person's name is looked for (doubled letters folded) and as any other's;
    # a text that several outlets give (the wire's wording) is read once and counted as often as given.
    read: dict[str, _Said] = {}
    statements = Counter(_said(text, read) for text in _statements(members))
    headlines = [_said(item.briefing.headline, read) for item in members]
    speakers = Counter(_said(q.speaker, read) for item in members for q in item.briefing.quotes)
    ranked = []
    for entity in entities:
        if entity.kind == "place":
            ranked.append(((2, -len(entity.sources), 0, fold(entity.name)), entity))
            continue
        found = _finder(entity)
        count = sum(n for said, n in statements.items() if found(said))
        count += sum(n for said, n in speakers.items() if found(said))
        if _newsroom(entity) and not any(found(headline) for headline in headlines):
            count = 0
        ranked.append(((0 if count else 1, -len(entity.sources), -count, fold(entity.name)), entity))
        if not count:
            ranked[-1] = (ranked[-1][0], entity.model_copy(update={"mentioned_only": True}))
    return [entity for _, entity in sorted(ranked, key=lambda pair: pair[0])]


def _newsroom(entity: AttributedEntity) -> bool:
    """A news agency or outlet, by any of its names."""
    return entity.kind == "organization" and any(
        " ".join(name_words(re.sub(r"\([^)]*\)", " ", form))) in _NEWSROOMS
        for form in (entity.name, *entity.aliases)
    )


def _statements(members: list[ArticleBriefing]) -> Iterator[str]:
    for item in members:
        b = item.briefing
        yield from (b.headline, b.summary, *b.key_points, *b.what_next, *(e.event for e in b.timeline))


_undoubled_word = cached(undoubled)


class _Said:
    """A text's name words, joined: as written, and with doubled letters folded (for people)."""

    __slots__ = ("undoubled", "words")

    def __init__(self, text: str) -> None:
        words = name_words(text)
        self.words = " ".join(words)
        # Letters doubled within a word (the space keeps words apart): word by word, each word's kept,
        # as a story's texts share most of theirs (the whole text's, read letter by letter, cost twice).
        self.undoubled = " ".join(map(_undoubled_word, words))


def _said(text: str, read: dict[str, _Said]) -> _Said:
    """The text's _Said, read once for the story (`read`)."""
    said = read.get(text)
    if said is None:
        said = read[text] = _Said(text)
    return said


def _finder(entity: AttributedEntity) -> Callable[[_Said], bool]:
    """Whether a text names the entity: a person by a surname of any form given, an organisation by
    any of its names or acronyms, as whole words."""
    forms = [entity.name, *entity.aliases]
    if entity.kind == "person":
        phrases = {name_key(form) for form in forms}
    else:
        phrases = {" ".join(name_words(re.sub(r"\([^)]*\)", " ", form))) for form in forms}
        # An acronym the name gives ('(FOMC)'); never one made from initials: 'who' is in every text.
        phrases |= {m.replace(".", "").lower() for form in forms for m in re.findall(_GIVEN_ACRONYM, form)}
    phrases.discard("")
    if not phrases:
        return lambda said: False
    ordered = sorted(phrases)
    if entity.kind == "person":
        return lambda said: _names(ordered, said.undoubled)
    return lambda said: _names(ordered, said.words)


def _names(phrases: list[str], text: str) -> bool:
    r"""Whether one of the phrases stands in the text as whole words: where regular expressions' `\b`
    stands on both sides of it (a word character on one side, none on the other). Found with
    str.find: a regular expression of each entity's names, compiled for that entity alone, was a
    quarter of Who's who in a 10,000-briefing merge."""
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if _boundary(text, at) and _boundary(text, end):
                return True
            at = text.find(phrase, at + 1)
    return False


def _boundary(text: str, at: int) -> bool:
    r"""What `\b` matches: a word character on exactly one side of `at` (the text's ends are none)."""
    before = at > 0 and _word_character(text[at - 1])
    after = at < len(text) and _word_character(text[at])
    return before != after


def _word_character(character: str) -> bool:
    r"""A character `\w` matches in a str pattern: a letter or digit of any script, or '_'."""
    return character.isalnum() or character == "_"
