"""Bounds on rendering a template: a user's template (papers.templates) is code, and a loop
nested too deep, a huge string (`{{ "x" * 10**10 }}`) or a macro calling itself must end in a
clear refusal naming the template, not a machine hung for minutes or a traceback.

- time: checked on every loop step and every call the template makes;
- size: the output as it streams, and every string or list a template builds by `*`, `+`,
  `~` or a padding filter, checked before Python allocates it;
- numbers: `**` refused past 4096 bits;
- depth: a RecursionError (a macro or include calling itself) is caught by the renderer.
The limits come from tracker.toml ([papers] time_limit, size_limit)."""

from __future__ import annotations

import contextlib
import contextvars
import math
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

DEFAULT_TIME_LIMIT = 10.0  # seconds: a long paper renders in well under one
DEFAULT_SIZE_LIMIT = 5_000_000  # characters: a long paper is under 200,000
MAX_POWER_BITS = 4096
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\d+)")


class RenderLimit(Exception):  # noqa: N818 (a limit reached, as Jinja's errors are named)
    """A template went past a limit; the message says which and how to change it. Not a
    Jinja2 class, so that listing templates need not import Jinja2 (the renderers catch it)."""


@dataclass(frozen=True)
class Limits:
    seconds: float = DEFAULT_TIME_LIMIT
    characters: int = DEFAULT_SIZE_LIMIT


@dataclass
class _Budget:
    limits: Limits
    deadline: float

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimit(
                f"took longer than {self.limits.seconds:g} seconds (papers.time_limit in "
                "tracker.toml): a loop nested too deep, or one that never ends?"
            )

    def size(self, length: int, what: str = "the paper") -> None:
        if length > self.limits.characters:
            raise RenderLimit(
                f"{what} would be longer than {self.limits.characters:,} characters "
                "(papers.size_limit in tracker.toml)"
            )


_CURRENT: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "paper_budget", default=None
)


@contextlib.contextmanager
def budget(limits: Limits) -> Iterator[None]:
    token = _CURRENT.set(_Budget(limits, time.monotonic() + limits.seconds))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def tick() -> None:
    current = _CURRENT.get()
    if current is not None:
        current.tick()


def check_size(length: int, what: str) -> None:
    current = _CURRENT.get()
    if current is not None:
        current.size(length, what)


def stream(chunks: Iterable[str]) -> str:
    """The rendered text, stopped as soon as it is too long or too slow (the clock is read
    every 64 pieces: each loop step and call of a template reads it too)."""
    current = _CURRENT.get()
    if current is None:
        return "".join(chunks)
    parts: list[str] = []
    length, most, deadline = 0, current.limits.characters, current.deadline
    for n, chunk in enumerate(chunks):
        parts.append(chunk)
        length += len(chunk)
        if length > most:
            current.size(length)
        if not n & 63 and time.monotonic() > deadline:
            current.tick()
    return "".join(parts)


def loop(items: Iterable[Any]) -> Iterator[Any]:
    """Every `{% for %}` of a template goes through here: the time is checked each step."""
    for item in items:
        tick()
        yield item


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse a `*`, `+`, `%` or `**` whose result would be too big, before it is built."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and _is_int(count) and count > 0:
                check_size(len(seq) * count, "a repeated string or list")
    elif operator == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            check_size(len(left) + len(right), "a joined string or list")
    elif operator == "%" and isinstance(left, str):
        widths = [int(w) for w in _FORMAT_WIDTH.findall(left)]
        check_size(max(widths, default=0), "a formatted string")
    elif operator == "**" and _number(left) and _number(right):
        base = abs(left)
        if base > 1 and right > 0 and right * math.log2(base) > MAX_POWER_BITS:
            raise RenderLimit(f"{left} ** {right} is too large a number")


def check_arguments(what: str, args: Iterable[Any]) -> None:
    """A padding or width argument (center, indent, ljust, format) too large to honour."""
    for arg in args:
        if _is_int(arg):
            check_size(abs(arg), what)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
