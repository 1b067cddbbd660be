"""Hours and minutes as a statement's reader knows them, whichever way a briefing copies its article's
notation: '2h18' a length or a time of day by the word before it, '15.10' a moment or a decimal."""

from __future__ import annotations

import re

from ..text.lexicon import word_set
from ..text.normalize import STOPWORDS

__all__ = ["clocks"]


#: Hours and minutes written the French way in an English briefing ('in 2h18', 'at 18h50').
_HOURS_MINUTES = re.compile(r"(?<![a-z0-9.,:])(?:([a-z]+) )?(\d{1,2})h(\d{2})(?![\d])")
#: A time of day written with a dot, the British way ('around 15.10 on Sunday'), before no unit.
_DOTTED_TIME = re.compile(r"(?<![a-z0-9.,:])([a-z]+) (\d{1,2})\.(\d{2})(?![\d%]|[.,]\d)(?= ?([a-z]*))")
_LENGTH_BEFORE = word_set("length_before")
_CLOCK_BEFORE = word_set("clock_before")


def clocks(folded: str) -> str:
    """The folded text with hours and minutes as the reader knows them: '2h18' after a word of length
    ('in 2h18') is '2 hours 18 minutes', else ('at 18h50') the time of day 18:50; '15.10' after a word
    of a moment ('around 15.10 on Sunday') is 15:10, not the decimal. One length of time or one moment,
    whichever way a briefing copies its article's notation (fresh-h: 'in 2h18' against 'two hours and
    20 minutes'; 'around 15.10' against 'around 3:15 p.m.')."""
    # Asked first, once, with a pattern that starts at a digit: the full ones, with the word before,
    # try every position (24 us a statement, half of reading its tokens; one such scan 3 us, and 4% of
    # statements have a figure like it).
    if not _CLOCK_LIKE.search(folded):
        return folded
    return _DOTTED_TIME.sub(_dotted_time, _HOURS_MINUTES.sub(_hours_minutes, folded))


_CLOCK_LIKE = re.compile(r"\d[h.]\d\d")


def _hours_minutes(match: re.Match[str]) -> str:
    before, hours, minutes = match[1] or "", int(match[2]), int(match[3])
    lead = f"{before} " if before else ""
    if minutes >= 60:
        return match[0]
    if before in _LENGTH_BEFORE:
        return f"{lead}{hours} hours and {minutes} minutes"
    return f"{lead}{hours}:{minutes:02d}" if hours <= 24 else match[0]


def _dotted_time(match: re.Match[str]) -> str:
    before, hours, minutes, then = match[1], int(match[2]), int(match[3]), match[4]
    # Before a unit ('around 15.10 million', 'at 1.50 euros') it is a decimal.
    if before not in _CLOCK_BEFORE or hours > 24 or minutes >= 60 or (then and then not in STOPWORDS):
        return match[0]
    return f"{before} {hours}:{minutes:02d}"
