"""Whose figure it is: the person, party or body a statement gives a figure to ('the PVV wins 35 seats',
'the VVD was third with 23 seats', '78 for the PS'), so that one subject's figure is set only against
the same subject's, never against another's in a list of results."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..text.lexicon import word_set
from ..text.normalize import MONTHS, STOPWORDS, WEEKDAYS, cached, fold
from ..text.numbers import ORDINAL_MARK, Token
from ..text.numbers import tokens as read_tokens
from .measures import SCALES, TIME_OF_DAY, TOLLS, UNITS

__all__ = ["given_to_someone", "listed_after", "names_of", "one_subject", "subject_of"]


#: Words right after a figure (or after its noun) that give it to the name after them: '122 for the
#: PSOE', '78 for the PS', '410 seats to Labour'.
_GIVEN_TO = word_set("given_to")
MAGNITUDE = "magnitude"
#: A name before a speech verb, or after one up to the next comma, speaks; it is not given the figure
#: ('According to RTS, abstention was 24.1%', 'Amtrak said the train, with 243 passengers').
_SPEAKING = word_set("speech_verbs")


def given_to_someone(measure: str) -> bool:
    """Whether a measure's figure is someone's: a count of seats, a share of the vote, a length of time.
    Not a toll (one fact per place), a magnitude, a sum ('Musk's $56 billion pay package' and 'the
    board's $55.8 billion award' are one sum), a length in a unit, which is a thing's ('Pinera waited
    at the 624m shaft', 'Urzua came up the 622 meter duct'), nor a moment, which is a happening's and
    of everyone in it ('France were awarded a penalty in the 80th minute', 'Mbappe scored an
    80th-minute penalty')."""
    first = measure.partition(" ")[0]
    return not (
        measure in TOLLS
        or measure in (MAGNITUDE, TIME_OF_DAY)
        or measure.endswith(ORDINAL_MARK)
        or first in SCALES
        or first in UNITS
    )


def names_of(
    entities: Iterable[str], texts: Iterable[str], places: Iterable[str], outlets: Iterable[str] = ()
) -> frozenset[str]:
    """The words that name the story's people and bodies, folded: its briefings' entities that are not
    places, and the words its statements write with a capital inside a sentence and never in small
    letters ('the SNP 55', 'the Lib Dems 13'), without small words, months, weekdays, place words and
    the outlets' names (they report the figure: 'According to RTS, abstention was 24.1%')."""
    upper: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for sentence in _SENTENCE.split(text):
            written = _WRITTEN.findall(sentence)
            lower.update(word for word in written if word[0].islower())
            upper.update(word for word in written[1:] if word[0].isupper())
    # Each word tokenised once a story (a merge of 10,000 briefings reads 46,000 statements' words).
    found = {word for name in [*entities, *upper] for word in _words(name)}
    found -= {fold(word) for word in lower}
    found -= {word for outlet in outlets for word in _words(outlet)}
    return frozenset(word for word in found - _NO_NAMES - set(places) if word[0].isalpha())


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
_WRITTEN = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: Words written with a capital that name no one: small words, months, weekdays.
_NO_NAMES = STOPWORDS | MONTHS.keys() | frozenset(WEEKDAYS)


@cached
def _words(text: str) -> list[str]:
    return [word for word, value in read_tokens(fold(text)) if value is None and len(word) > 1]


def subject_of(tokens: Sequence[Token], at: int, start: int, names: frozenset[str]) -> frozenset[str]:
    """The names a figure is given to: those after it when a word of giving follows it or its noun
    ('122 for the PSOE'), else those between the clause's previous figure (or its start) and it ('the
    Lib Dems 13, the SNP 55'), leaving out a name the previous figure was given to ('122 for the PSOE
    and 31 for Sumar'); a range's second end is its first's ('the PD between 17 and 21%'). Empty when
    none of the story's names stands there."""
    after = _given_to(tokens, at, names)
    if after:
        return after
    begin = start
    for i in range(at - 1, start - 1, -1):
        if tokens[i][1] is not None:
            if all(token in _RANGE for token, _ in tokens[i + 1 : at]):
                return subject_of(tokens, i, start, names)
            begin = i + 1
            # The name a previous figure was given to is that figure's ('31 for Sumar and 33 ...').
            given = _given_to(tokens, i, names)
            while given and begin < at and tokens[begin][0] not in {",", ";", "and"}:
                begin += 1
            break
    found: set[str] = set()
    speaking = False
    for token, value in tokens[begin:at]:
        if token in _SPEAKING:
            found.clear()  # 'Amtrak said the train, with 243 passengers': Amtrak speaks
        speaking = token in _SPEAKING or (speaking and token not in {",", ";", "that"})
        if value is None and token in names and not speaking:
            found.add(token)
    return frozenset(found)


#: What stands between a range's two ends ('between 17 and 21%', '22-26%', '8.5 to 12.5').
_RANGE = frozenset(("and", "to", "-", "or", "%", "percent"))


def listed_after(tokens: Sequence[Token], at: int) -> frozenset[str]:
    """The words right beside a figure, where a list names whose it is ('the SNP 55', 'Reform UK on
    13', '78 for the PS'); 'the youngest president in French history at 39' names no one's there."""
    return frozenset(token for token, _ in (*tokens[max(0, at - 2) : at], *tokens[at + 1 : at + 4]))


def _given_to(tokens: Sequence[Token], at: int, names: frozenset[str]) -> frozenset[str]:
    for gap in (1, 2):
        if at + gap < len(tokens) and tokens[at + gap][0] in _GIVEN_TO:
            found = set()
            for token, value in tokens[at + gap + 1 : at + gap + 6]:
                if value is not None or token in {",", ";", ".", "and"}:
                    break
                if token in names:
                    found.add(token)
            return frozenset(found)
        if at + gap >= len(tokens) or tokens[at + gap][1] is not None:
            break
    return frozenset()


def one_subject(mine: list[frozenset[str]], theirs: list[frozenset[str]]) -> bool:
    """Some figure of one statement and some of the other are given to one subject, or one of them to
    no name the story knows: then they may be one fact. In a list of two subjects' figures or more, a
    figure given to no name is no one's to compare ('the PD 19.1% and the coalition 26.2%')."""
    mine, theirs = _named(mine), _named(theirs)
    return any(not a or not b or a & b for a in mine for b in theirs)


def _named(subjects: list[frozenset[str]]) -> list[frozenset[str]]:
    named = [subject for subject in subjects if subject]
    return named if len(set(named)) > 1 else subjects
