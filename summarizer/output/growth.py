"""What a template's growing operations would build, worked out before they build it: the size of a
string a filter, a method or an operator would make, refused past the sandbox's bounds."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE

__all__ = [
    "GROWING_FILTERS",
    "GROWING_METHODS",
    "LISTING_FILTERS",
    "MAX_TEMPLATE_CHARS",
    "MAX_TEMPLATE_ITEMS",
    "binop_ok",
    "check_chars",
    "check_items",
    "checked",
    "format_ok",
    "length",
]


#: The longest string a template may build (and write in one piece): 32 Mi characters. A brief of
#: 10,000 articles is about 30 MB as JSON; a template's output is a page or a message.
MAX_TEMPLATE_CHARS = 32 * 2**20


#: The longest list it may build (a brief's own lists are far shorter).
MAX_TEMPLATE_ITEMS = 1_000_000


# Far beyond any brief's figures, far below a number that takes minutes or gigabytes to compute.
_MAX_INT_BITS = 1 << 16


#: A number in a format specification ('%9999999s', '{:>9999999}', '{:.9999999f}').
_NUMBER = re.compile(r"\d+")


def _refuse(what: str, size: int, bound: int, name: str) -> SecurityError:
    return SecurityError(f"{what} would be {size:,} long, more than {bound:,}: {name}")


def check_chars(size: int, what: str = "a string") -> None:
    if size > MAX_TEMPLATE_CHARS:
        raise _refuse(what, size, MAX_TEMPLATE_CHARS, "MAX_TEMPLATE_CHARS")


def check_items(size: int, what: str = "a list") -> None:
    if size > MAX_TEMPLATE_ITEMS:
        raise _refuse(what, size, MAX_TEMPLATE_ITEMS, "MAX_TEMPLATE_ITEMS")


def checked(value: Any) -> Any:
    """A value built, if it is within the bounds (for what grows by no more than a small multiple)."""
    if isinstance(value, str):
        check_chars(len(value))
    elif isinstance(value, list | tuple | dict | set):
        check_items(len(value))
    return value


def length(items: Iterable[Any]) -> int:
    """The characters of the items written one after the other, counted until past the bound."""
    total = 0
    for item in items:
        total += len(item) if isinstance(item, str) else len(str(item))
        if total > MAX_TEMPLATE_CHARS:
            break
    return total


def _spec_ok(spec: str) -> None:
    """A format specification whose widths and precisions are within the bound ('%5d', '{:>10}')."""
    for number in _NUMBER.findall(spec):
        check_chars(int(number), "a formatted value")


def _percent_ok(text: str, arguments: Any) -> None:
    """`text % arguments`: no width past the bound, nor a '*' width taken from a huge argument."""
    specs = re.findall(r"%(?:\([^)]*\))?[^a-zA-Z%]*[a-zA-Z%]", text)
    for spec in specs:
        _spec_ok(spec)
    if any("*" in spec for spec in specs):
        values = arguments if isinstance(arguments, tuple) else (arguments,)
        for value in values:
            if isinstance(value, int):
                check_chars(abs(value), "a formatted value")


def format_ok(text: str) -> None:
    """`text.format(...)`: no width past the bound, and no width taken from an argument."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format fails on it the same way
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise SecurityError("a width or precision taken from an argument is not allowed in a template")
        _spec_ok(spec or "")


def _grown_by_replace(text: str, old: str, new: str, count: int | None) -> int:
    found = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def _center(value: Any, width: Any = 80, *rest: Any, **named: Any) -> None:
    if isinstance(width, int):
        check_chars(width)


def _indent(value: Any, width: Any = 4, *rest: Any, **named: Any) -> None:
    text = str(value)
    each = width if isinstance(width, int) else len(str(width))
    check_chars(len(text) + (text.count("\n") + 1) * max(0, each))


def _wordwrap(value: Any, width: Any = 79, *rest: Any, wrapstring: Any = None, **named: Any) -> None:
    if len(rest) >= 2:
        wrapstring = rest[1]
    text = str(value)
    breaks = len(text) // max(1, width if isinstance(width, int) else 1) + text.count("\n") + 1
    check_chars(len(text) + breaks * len(str(wrapstring or "\n")))


def _replace(value: Any, old: Any = "", new: Any = "", count: Any = None, **named: Any) -> None:
    check_chars(_grown_by_replace(str(value), str(old), str(new), count if isinstance(count, int) else None))


def _format(value: Any, *arguments: Any, **named: Any) -> None:
    _percent_ok(str(value), arguments)


def _rows(value: Any, count: Any = 1, *rest: Any, **named: Any) -> None:
    if isinstance(count, int):
        check_items(count, "a batch or a slice")


def _expandtabs(value: str, tabsize: Any = 8) -> None:
    if isinstance(tabsize, int):
        check_chars(len(value) + value.count("\t") * tabsize)


#: Filters whose output's size their arguments decide: checked before they run.
GROWING_FILTERS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "replace": _replace,
    "format": _format,
    "batch": _rows,
    "slice": _rows,
}


#: String methods likewise (a template calls them as `'x'.ljust(10)`).
GROWING_METHODS: dict[str, Callable[..., None]] = {
    "center": lambda text, width=0, *rest: _center(text, width),
    "ljust": lambda text, width=0, *rest: _center(text, width),
    "rjust": lambda text, width=0, *rest: _center(text, width),
    "zfill": lambda text, width=0: _center(text, width),
    "expandtabs": _expandtabs,
    "replace": lambda text, old="", new="", count=-1: _replace(text, old, new, count),
}


#: Filters that make a list of every item they are given: the items are counted first.
LISTING_FILTERS = frozenset(
    {"list", "sort", "unique", "reverse", "dictsort", "groupby", "batch", "slice", "join"}
    | {"sum", "min", "max"}
)


def binop_ok(operator: str, left: Any, right: Any) -> None:
    """Refuse `*`, `**`, `+` and `%` whose result would be past the bounds, before computing it."""
    ints = all(isinstance(side, int) for side in (left, right))
    if operator == "**":
        if ints and right > 0 and abs(left).bit_length() * right > _MAX_INT_BITS:
            raise SecurityError("the result of ** is too big for a template")
        return
    if operator == "%":
        if isinstance(left, str):
            _percent_ok(left, right)
        return
    if operator == "+":
        if isinstance(left, str) and isinstance(right, str):
            check_chars(len(left) + len(right))
        elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
            check_items(len(left) + len(right))
        return
    if ints:
        if abs(left).bit_length() + abs(right).bit_length() > _MAX_INT_BITS:
            raise SecurityError("the result of * is too big for a template")
        return
    sequence, times = (left, right) if isinstance(right, int) else (right, left)
    repeated = isinstance(times, int) and isinstance(sequence, str | list | tuple)
    if repeated and len(sequence) * times > MAX_RANGE:
        raise SecurityError("the result of * is too big for a template")
