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

Past a bound the render stops with a SecurityError saying which bound; the caller names the template."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Sized
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg
from jinja2.visitor import NodeTransformer

from .growth import (
    GROWING_FILTERS,
    GROWING_METHODS,
    LISTING_FILTERS,
    MAX_TEMPLATE_CHARS,
    binop_ok,
    check_chars,
    check_items,
    checked,
    format_ok,
    length,
)

__all__ = ["MAX_TEMPLATE_SECONDS", "MAX_TEMPLATE_STEPS", "MAX_TEMPLATE_WRITTEN", "TemplateSandbox"]


#: The most it may write in all, nested pieces counted each time they are written again (a macro's
#: output, then the page that writes it): four times the longest string.
MAX_TEMPLATE_WRITTEN = 4 * MAX_TEMPLATE_CHARS


#: Loop turns, calls and items gone through. A template over a brief of 10,000 stories that visits
#: each one's points, quotes and sources stays far under it (about 200,000: an estimate, not measured
#: on a real template). Measured on the 2-core machine, unloaded: two nested loops stop at it after
#: 0.3 s, a macro calling itself twice after 0.5 s (three times that under a load of 7).
MAX_TEMPLATE_STEPS = 2_000_000


#: Wall time, whatever the steps: a filter over a long list in every turn of a loop is slow per step.
MAX_TEMPLATE_SECONDS = 30.0


#: Calling a macro costs this many steps: a call takes about as long as twenty-five empty turns of a
#: loop (so at most 80,000 macro calls: one per story and per key point of 10,000 stories is 60,000).
_CALL_STEPS = 25


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
        check_chars(length(parts))
        joined: str = markup_join(parts) if context.eval_ctx.autoescape else str_join(parts)
        check_chars(len(joined))  # escaping may have lengthened it
        return joined

    def _joined_pieces(self, pieces: Iterable[str]) -> str:
        collected = []
        total = 0
        for piece in pieces:
            total += len(piece)
            check_chars(total, "what the template writes in one piece")
            collected.append(piece)
        return "".join(collected)

    def _written(self, value: Any) -> Any:
        return self._budget.write(value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        binop_ok(operator, left, right)
        return checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = __self._budget
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in GROWING_METHODS:
            GROWING_METHODS[name](owner, *args, **kwargs)
        elif isinstance(owner, str) and name == "join" and args:
            items = list(args[0])
            budget.step(len(items))
            check_chars(length(items) + len(owner) * max(0, len(items) - 1))
            args = (items, *args[1:])
        if isinstance(__obj, Macro):
            budget.step(_CALL_STEPS)
        elif __obj != __self.counted and __obj != __self.joined:
            budget.step()
        return checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        format_ok(value.__self__)
        return wrapped

    def _bounded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter, checked: the items it goes through are steps; what it would build is checked
        before (the growing ones) or after (the rest); `join` is measured before it joins."""
        passes = _PassArg.from_obj(function) is not None
        grows = GROWING_FILTERS.get(name)
        lists = name in LISTING_FILTERS
        budget = self._budget

        @functools.wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            head, (value, *rest) = (args[:1], args[1:]) if passes else ((), args)
            if isinstance(value, Sized):
                budget.step(max(1, len(value)))
                if lists:
                    check_items(len(value), f"the items given to {name}")
            if grows is not None:
                grows(value, *rest, **kwargs)
            if name == "join":
                value = list(value)
                budget.step(len(value))
                check_items(len(value), "the items given to join")
                separator = str(rest[0] if rest else kwargs.get("d", ""))
                measured = length(value) if not (len(rest) > 1 or kwargs.get("attribute")) else 0
                check_chars(measured + len(separator) * max(0, len(value) - 1))
            return checked(function(*head, value, *rest, **kwargs))

        return bounded


def _then(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: second(first(value))
