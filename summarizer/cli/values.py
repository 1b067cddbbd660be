"""Option values: each read and checked as argparse reads it, with a message that says what to give."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config.settings import Prices

#: The article fields --field can map (summarizer.sources.fields.FIELD_NAMES; a test keeps the two the same).
ARTICLE_FIELDS = ("text", "title", "source", "url", "author", "published")

__all__ = [
    "ARTICLE_FIELDS",
    "READERS",
    "field",
    "moment",
    "non_negative",
    "positive",
    "prices",
    "rate",
    "seconds",
    "whole",
]


def whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"give a whole number, not {text!r}") from None


def positive(text: str) -> int:
    value = whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def non_negative(text: str) -> int:
    value = whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a number a minute, e.g. 500") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def prices(text: str) -> Prices:
    from ..config.settings import Prices

    try:
        return Prices.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def field(text: str) -> tuple[str, str]:
    name, _, key = text.partition("=")
    if name not in ARTICLE_FIELDS or not key:
        raise argparse.ArgumentTypeError(f"give NAME=KEY with NAME one of {', '.join(ARTICLE_FIELDS)}")
    return name, key


def moment(*, start: bool) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        from ..config.settings import parse_moment  # imported when a window is given, not for --help

        try:
            moment = parse_moment(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if len(text) == 10 and not start:  # a date: the whole day
            moment = datetime.combine(moment.date(), time.max)
        return moment.replace(tzinfo=None) if moment.tzinfo is None else moment

    return parse


#: The reader of each kind of value the option table names (summarizer.config.options.Kind).
READERS: dict[str, Callable[[str], Any]] = {
    "positive": positive,
    "non_negative": non_negative,
    "seconds": seconds,
    "rate": rate,
    "prices": prices,
}
