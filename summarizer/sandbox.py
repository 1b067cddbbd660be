"""The sandbox a user's own template is rendered in: jinja2's read-only one, bounded in what a template
may build and how long it may run.

jinja2's sandbox keeps a template from reaching files and internals, and bounds `range`, but a few
bytes of template can still ask for gigabytes or hours: `([1]*100000)|join('y'*100000)` (10 GB),
`'x'|center(3000000000)`, `('a'*100000)|replace('', 'z'*99999)`, two nested `range(100000)` loops
(10^10 turns), a namespace doubling itself with `~`, a macro calling itself twice. So:

- every value a template builds is checked before it is built, where its size is known beforehand
  (`*`, `+`, `~`, `%` and the filters and string methods that grow text: center, ljust, rjust, zfill,
  expandtabs, replace, join, format, indent, wordwrap, batch, slice), and after, for the rest (whose
  growth is a small multiple of what they were given): at most MAX_TEMPLATE_CHARS characters a string,
  MAX_TEMPLATE_ITEMS items a list;
- everything it writes, in all, is counted: at most MAX_TEMPLATE_WRITTEN characters;
- every turn of a loop, call of a macro or method and item a filter goes through is a step: at most
  MAX_TEMPLATE_STEPS, and MAX_TEMPLATE_SECONDS of wall time, checked as the steps go.

Past a bound the render stops with a SecurityError saying which bound; the caller names the template.
"""

from __future__ import annotations

import functools
import re
import string
import time
from collections.abc import Callable, Iterable, Sized
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Macro, markup_join, str_join
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg
from jinja2.visitor import NodeTransformer

__all__ = [
    "MAX_TEMPLATE_CHARS",
    "MAX_TEMPLATE_ITEMS",
    "MAX_TEMPLATE_SECONDS",
    "MAX_TEMPLATE_STEPS",
    "MAX_TEMPLATE_WRITTEN",
    "TemplateSandbox",
]

#: The longest string a template may build (and write in one piece): 32 Mi characters. A brief of
#: 10,000 articles is about 30 MB as JSON; a template's output is a page or a message.
MAX_TEMPLATE_CHARS = 32 * 2**20
#: The most it may write in all, nested pieces counted each time they are written again (a macro's
#: output, then the page that writes it): four times the longest string.
MAX_TEMPLATE_WRITTEN = 4 * MAX_TEMPLATE_CHARS
#: The longest list it may build (a brief's own lists are far shorter).
MAX_TEMPLATE_ITEMS = 1_000_000
#: Loop turns, calls and items gone through. A template over a brief of 10,000 stories that visits
#: each one's points, quotes and sources stays far under it (about 200,000: an estimate, not measured
#: on a real template). Measured on the 2-core machine, unloaded: two nested loops stop at it after
#: 0.3 s, a macro calling itself twice after 0.5 s (three times that under a load of 7).
MAX_TEMPLATE_STEPS = 2_000_000
#: Wall time, whatever the steps: a filter over a long list in every turn of a loop is slow per step.
MAX_TEMPLATE_SECONDS = 30.0

# Far beyond any brief's figures, far below a number that takes minutes or gigabytes to compute.
_MAX_INT_BITS = 1 << 16
#: Calling a macro costs this many steps: a call takes about as long as twenty-five empty turns of a
#: loop (so at most 80,000 macro calls: one per story and per key point of 10,000 stories is 60,000).
_CALL_STEPS = 25
#: A number in a format specification ('%9999999s', '{:>9999999}', '{:.9999999f}').
_NUMBER = re.compile(r"\d+")


class _Budget:
    """What one render may still spend: steps, time and characters written."""

    def __init__(self) -> None:
        self.steps = 0
        #: When to look at the clock and the bound next (every 1,024 steps: the clock is not free).
        self.next_check = 0
        self.written = 0
        self.until = time.monotonic() + MAX_TEMPLATE_SECONDS

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps >= self.next_check:
            self.check()

    def check(self) -> None:
        if self.steps > MAX_TEMPLATE_STEPS:
            raise SecurityError(
                f"the template takes more than {MAX_TEMPLATE_STEPS:,} steps (loop turns, calls, items "
                "gone through): MAX_TEMPLATE_STEPS"
            )
        if time.monotonic() > self.until:
            seconds = f"{MAX_TEMPLATE_SECONDS:g}s"
            raise SecurityError(f"the template takes more than {seconds}: MAX_TEMPLATE_SECONDS")
        self.next_check = min(self.steps + 1024, MAX_TEMPLATE_STEPS + 1)

    def write(self, value: Any) -> Any:
        self.written += len(value) if isinstance(value, str) else len(str(value))
        if self.written > MAX_TEMPLATE_WRITTEN:
            raise SecurityError(
                f"the template writes more than {MAX_TEMPLATE_WRITTEN:,} characters: MAX_TEMPLATE_WRITTEN"
            )
        return value


def _refuse(what: str, size: int, bound: int, name: str) -> SecurityError:
    return SecurityError(f"{what} would be {size:,} long, more than {bound:,}: {name}")


def _check_chars(size: int, what: str = "a string") -> None:
    if size > MAX_TEMPLATE_CHARS:
        raise _refuse(what, size, MAX_TEMPLATE_CHARS, "MAX_TEMPLATE_CHARS")


def _check_items(size: int, what: str = "a list") -> None:
    if size > MAX_TEMPLATE_ITEMS:
        raise _refuse(what, size, MAX_TEMPLATE_ITEMS, "MAX_TEMPLATE_ITEMS")


def _checked(value: Any) -> Any:
    """A value built, if it is within the bounds (for what grows by no more than a small multiple)."""
    if isinstance(value, str):
        _check_chars(len(value))
    elif isinstance(value, list | tuple | dict | set):
        _check_items(len(value))
    return value


def _length(items: Iterable[Any]) -> int:
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
        _check_chars(int(number), "a formatted value")


def _percent_ok(text: str, arguments: Any) -> None:
    """`text % arguments`: no width past the bound, nor a '*' width taken from a huge argument."""
    specs = re.findall(r"%(?:\([^)]*\))?[^a-zA-Z%]*[a-zA-Z%]", text)
    for spec in specs:
        _spec_ok(spec)
    if any("*" in spec for spec in specs):
        values = arguments if isinstance(arguments, tuple) else (arguments,)
        for value in values:
            if isinstance(value, int):
                _check_chars(abs(value), "a formatted value")


def _format_ok(text: str) -> None:
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


# --- the filters and methods that grow text: the size of what they would build, checked first ---


def _center(value: Any, width: Any = 80, *rest: Any, **named: Any) -> None:
    if isinstance(width, int):
        _check_chars(width)


def _indent(value: Any, width: Any = 4, *rest: Any, **named: Any) -> None:
    text = str(value)
    each = width if isinstance(width, int) else len(str(width))
    _check_chars(len(text) + (text.count("\n") + 1) * max(0, each))


def _wordwrap(value: Any, width: Any = 79, *rest: Any, wrapstring: Any = None, **named: Any) -> None:
    if len(rest) >= 2:
        wrapstring = rest[1]
    text = str(value)
    breaks = len(text) // max(1, width if isinstance(width, int) else 1) + text.count("\n") + 1
    _check_chars(len(text) + breaks * len(str(wrapstring or "\n")))


def _replace(value: Any, old: Any = "", new: Any = "", count: Any = None, **named: Any) -> None:
    _check_chars(_grown_by_replace(str(value), str(old), str(new), count if isinstance(count, int) else None))


def _format(value: Any, *arguments: Any, **named: Any) -> None:
    _percent_ok(str(value), arguments)


def _rows(value: Any, count: Any = 1, *rest: Any, **named: Any) -> None:
    if isinstance(count, int):
        _check_items(count, "a batch or a slice")


def _expandtabs(value: str, tabsize: Any = 8) -> None:
    if isinstance(tabsize, int):
        _check_chars(len(value) + value.count("\t") * tabsize)


#: Filters whose output's size their arguments decide: checked before they run.
_GROWING_FILTERS: dict[str, Callable[..., None]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "replace": _replace,
    "format": _format,
    "batch": _rows,
    "slice": _rows,
}

#: String methods likewise (a template calls them as `'x'.ljust(10)`).
_GROWING_METHODS: dict[str, Callable[..., None]] = {
    "center": lambda text, width=0, *rest: _center(text, width),
    "ljust": lambda text, width=0, *rest: _center(text, width),
    "rjust": lambda text, width=0, *rest: _center(text, width),
    "zfill": lambda text, width=0: _center(text, width),
    "expandtabs": _expandtabs,
    "replace": lambda text, old="", new="", count=-1: _replace(text, old, new, count),
}

#: Filters that make a list of every item they are given: the items are counted first.
_LISTING_FILTERS = frozenset(
    {"list", "sort", "unique", "reverse", "dictsort", "groupby", "batch", "slice", "join"}
    | {"sum", "min", "max"}
)


class _Guard(NodeTransformer):
    """Rewrites a parsed template so that every loop's turns are counted and every `~` is checked."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.lineno
        )
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        parts = nodes.List(list(node.nodes), lineno=node.lineno)
        return nodes.Call(
            nodes.EnvironmentAttribute("joined"),
            [parts, nodes.ContextReference()],
            [],
            None,
            None,
            lineno=node.lineno,
        )


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """jinja2's read-only sandbox, bounded in what a template builds and how long it runs (see the
    module). One per render: it keeps the render's budget."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        options.setdefault("finalize", None)
        self._budget = _Budget()
        given = options.pop("finalize")
        super().__init__(finalize=self._written if given is None else _then(given, self._written), **options)
        # What a template's own text writes never passes `finalize`: a macro's or a block's pieces are
        # joined here, and so is the whole output.
        self.concat = self._joined_pieces  # type: ignore[method-assign]
        self.globals.pop("lipsum", None)  # lipsum(10**6, max=10**6) is another way to ask for gigabytes
        self.filters = {name: self._bounded(name, function) for name, function in self.filters.items()}

    # --- the hooks ---------------------------------------------------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        guarded: nodes.Template = _Guard().visit(tree)
        return guarded

    def counted(self, items: Iterable[Any]) -> Iterable[Any]:
        """A loop's items, each turn a step."""
        budget = self._budget
        for item in items:  # budget.step(), inlined: this runs once a turn of every loop
            budget.steps += 1
            if budget.steps >= budget.next_check:
                budget.check()
            yield item

    def joined(self, parts: list[Any], context: Context) -> str:
        """`a ~ b ~ c`, its length checked before it is built."""
        self._budget.step(len(parts))
        _check_chars(_length(parts))
        joined: str = markup_join(parts) if context.eval_ctx.autoescape else str_join(parts)
        _check_chars(len(joined))  # escaping may have lengthened it
        return joined

    def _joined_pieces(self, pieces: Iterable[str]) -> str:
        collected = []
        total = 0
        for piece in pieces:
            total += len(piece)
            _check_chars(total, "what the template writes in one piece")
            collected.append(piece)
        return "".join(collected)

    def _written(self, value: Any) -> Any:
        return self._budget.write(value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _binop_ok(operator, left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = __self._budget
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _GROWING_METHODS:
            _GROWING_METHODS[name](owner, *args, **kwargs)
        elif isinstance(owner, str) and name == "join" and args:
            items = list(args[0])
            budget.step(len(items))
            _check_chars(_length(items) + len(owner) * max(0, len(items) - 1))
            args = (items, *args[1:])
        if isinstance(__obj, Macro):
            budget.step(_CALL_STEPS)
        elif __obj != __self.counted and __obj != __self.joined:
            budget.step()
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _format_ok(value.__self__)
        return wrapped

    def _bounded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter, checked: the items it goes through are steps; what it would build is checked
        before (the growing ones) or after (the rest); `join` is measured before it joins."""
        passes = _PassArg.from_obj(function) is not None
        grows = _GROWING_FILTERS.get(name)
        lists = name in _LISTING_FILTERS
        budget = self._budget

        @functools.wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            head, (value, *rest) = (args[:1], args[1:]) if passes else ((), args)
            if isinstance(value, Sized):
                budget.step(max(1, len(value)))
                if lists:
                    _check_items(len(value), f"the items given to {name}")
            if grows is not None:
                grows(value, *rest, **kwargs)
            if name == "join":
                value = list(value)
                budget.step(len(value))
                _check_items(len(value), "the items given to join")
                separator = str(rest[0] if rest else kwargs.get("d", ""))
                measured = _length(value) if not (len(rest) > 1 or kwargs.get("attribute")) else 0
                _check_chars(measured + len(separator) * max(0, len(value) - 1))
            return _checked(function(*head, value, *rest, **kwargs))

        return bounded


def _then(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: second(first(value))


def _binop_ok(operator: str, left: Any, right: Any) -> None:
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
            _check_chars(len(left) + len(right))
        elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
            _check_items(len(left) + len(right))
        return
    if ints:
        if abs(left).bit_length() + abs(right).bit_length() > _MAX_INT_BITS:
            raise SecurityError("the result of * is too big for a template")
        return
    sequence, times = (left, right) if isinstance(right, int) else (right, left)
    repeated = isinstance(times, int) and isinstance(sequence, str | list | tuple)
    if repeated and len(sequence) * times > MAX_RANGE:
        raise SecurityError("the result of * is too big for a template")
