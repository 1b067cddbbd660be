"""Who acts in a story: its people and organisations ranked by how many outlets name them and how
often its statements do, those only listed marked so, places after them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..models import ArticleBriefing, AttributedEntity
from ..text.lexicon import word_list
from ..text.normalize import fold, name_key, undoubled
from .entities import name_words

__all__ = ["cast"]

_NEWSROOMS = frozenset(form.strip() for line in word_list("news_organisations") for form in line.split("|"))
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
    # Each text read once, as a person's name is looked for (doubled letters folded) and as any other's.
    statements = [_Said(text) for text in _statements(members)]
    headlines = [_Said(item.briefing.headline) for item in members]
    speakers = [_Said(q.speaker) for item in members for q in item.briefing.quotes]
    ranked = []
    for entity in entities:
        if entity.kind == "place":
            ranked.append(((2, -len(entity.sources), 0, fold(entity.name)), entity))
            continue
        found = _finder(entity)
        count = sum(1 for said in statements if found(said)) + sum(1 for said in speakers if found(said))
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


class _Said:
    """A text's name words, joined: as written, and with doubled letters folded (for people)."""

    __slots__ = ("undoubled", "words")

    def __init__(self, text: str) -> None:
        self.words = " ".join(name_words(text))
        self.undoubled = undoubled(self.words)  # letters doubled within a word: words stay apart


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
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")\b")
    if entity.kind == "person":
        return lambda said: pattern.search(said.undoubled) is not None
    return lambda said: pattern.search(said.words) is not None
