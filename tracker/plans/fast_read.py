"""The fast path of reading a plan file: yaml-rs (Rust), used only where it is sure to read every
value exactly as PyYAML's safe loader does.

yaml-rs reads YAML 1.2; PyYAML reads YAML 1.1. They type some plain (unquoted) scalars
differently: `yes`/`no`/`on`/`off`/`y`/`n` (booleans in 1.1, text in 1.2), `012` (octal 10 in
1.1, 12 in 1.2), `0o17`, `1e3`, `1.0e3` (text in 1.1, numbers in 1.2), `1_000`, `1:20`, `0b101`
(numbers in 1.1 only), `=` and `<<`. Before yaml-rs is trusted, one scan of the text (RE2: a
linear-time automaton, about 20 times faster than the parse) looks for any plain scalar that
might be one of those, and for what yaml-rs handles in its own way (tags, anchors and aliases,
complex keys, directives, several documents, characters PyYAML refuses, an all-blank block
scalar). If it finds one, or yaml-rs refuses the text (a syntax error, a key given twice), the
caller reads the file with PyYAML instead: slower, exact, and with the line and column of every
refusal. The scan may also stop at text inside a quoted string that looks like such a scalar:
that costs speed, never a different value. tests/test_plans_fast_read.py checks "sure means
identical" on many generated scalars and hand-written structures.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, Final, cast

import re2
import yaml_rs

# where a plain scalar can start: a line (a key, or a value on its own line), after a key's
# colon, a sequence's dash or a complex key's mark, or after a flow indicator
_START = r"(?:\n[ \t]*|[-:?][ \t]+|[\[{,][ \t]*)"
# the end of a whole scalar: end of line, a flow indicator, a comment, or a key's colon
_END = r"[ \t]*(?:\r?\n|$|[,\]}#]|:[ \t\r\n])"
_OUT = r"[^ \t\n,\]}]"  # a character that does not end a plain scalar
_MORE = r"[ \t]+[^ \t\n,\]}#]"  # white space, then more of the same scalar
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = rf"{_DATE}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(?:\.[0-9]{{1,6}})?"
_NOT_DATE = (  # a scalar that starts like a date but is not one of the two ISO forms below
    r"[0-9]{4}-(?:[^0-9]|[0-9][^0-9]|[0-9]{2}[^-]|[0-9]{2}-[^0-9]|[0-9]{2}-[0-9][^0-9]"
    r"|[0-9]{2}-[0-9]{2}[0-9])"
    rf"|{_DATE}(?:[^T \t\n,\]}}]|{_MORE})"  # 2024-01-01 10:00:00 and other forms
    rf"|{_DATE}T(?:[^0-9]|[0-9][^0-9]|[0-9]{{2}}[^:]|[0-9]{{2}}:[^0-9]|[0-9]{{2}}:[0-9][^0-9]"
    r"|[0-9]{2}:[0-9]{2}[^:]|[0-9]{2}:[0-9]{2}:[^0-9]|[0-9]{2}:[0-9]{2}:[0-9][^0-9]"
    r"|[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[^.Z+\- \t\n,\]}]|\.[^0-9]|\.[0-9]{7}))"
    rf"|{_TIME}(?:[^0-9Z+\- \t\n,\]}}]|{_MORE}|Z(?:{_OUT}|{_MORE})"
    r"|[-+](?:[^0-9]|[0-9][^0-9]|[0-9]{2}[^:]|[0-9]{2}:[^0-9]|[0-9]{2}:[0-9][^0-9]"
    rf"|[0-9]{{2}}:[0-9]{{2}}(?:{_OUT}|{_MORE})))"
)
# a plain scalar YAML 1.1 and 1.2 readers might type differently, or a feature yaml-rs reads
# in its own way; whatever is not caught here reads the same (checked on generated scalars)
UNSURE: Final = (
    r"\n(?:%|---|\.\.\.)"  # a directive, or a document marker
    r"|:[,\]}]|[\[{,][ \t]*:"  # a colon at a flow entry's edge (1.2 reads more of these)
    # a date that is not plain: yaml-rs reads it as a date, PyYAML as text. Quoted, in a block
    # scalar, or spelt with an escape (a digit or a hyphen)
    r"|[\"'][ \t\r\n]*[0-9]{4}-[0-9]|[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\n[ \t\r\n]*[0-9]{4}-[0-9]"
    r"|\\(?:x3|u003|U0000003|x2[dD]|u002[dD]|U0000002[dD]|[ \t]*\n)"
    # what yaml-rs reads where PyYAML refuses it or reads it otherwise: a character PyYAML
    # refuses or takes for a line break, a byte-order mark (PyYAML drops it at the start), an
    # escaped surrogate, a tab indenting a line, a block scalar whose first line is blank (all
    # blank, yaml-rs keeps a newline PyYAML drops)
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\x{2028}\x{2029}\x{feff}\x{fffe}\x{ffff}]"
    r"|\\(?:u|U0000)[dD][89a-fA-F]|\n[ ]*\t|[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n[ \t]*\r?\n"
    rf"|{_START}(?:"
    r"[!&*][^\s,\]}]|\?[ \t\r\n]"  # a tag, an anchor, an alias; a complex key
    r"|[-+.]*_|:"  # _9, -_9, ._0 (numbers to yaml-rs); :x in a flow, an empty key
    r"|[-+]?(?:0[0-9_oObB]"  # 012, 0o17, 0b101, 00
    r"|[0-9][0-9_]*(?:\.[0-9_]*)?[eE_:]"  # 1e3, 1.0e3, 1_000, 1:20
    r"|[0-9]+(?:\.[0-9]*)?[ \t]+[0-9]"  # 12 34 (text)
    rf"|\.[0-9A-Za-z]|{_NOT_DATE})"  # .5, .inf, .nan; dates not in ISO form
    rf"|(?:[yYnN]|[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF|=|<<){_END})"
)
_SCAN: Any = re2.compile(UNSURE)


class Unsure(Exception):
    """The fast path cannot promise PyYAML's reading of this text: read it with PyYAML."""


def unsure_at(text: str) -> int | None:
    """Where the first thing yaml-rs might read differently from PyYAML starts, or None."""
    found = _SCAN.search(f"\n{text}\n")
    return None if found is None else max(0, int(found.start()) - 1)


def parse(text: str) -> object:
    """The text's YAML data, exactly as PyYAML's safe loader gives it; raises Unsure when that
    cannot be promised (the caller then reads it with PyYAML)."""
    if unsure_at(text) is not None:
        raise Unsure
    try:
        data: object = yaml_rs.loads(text, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # noqa: BLE001 - any refusal is worded by PyYAML, with line and column
        raise Unsure from None
    if not isinstance(data, dict):  # a plan is one mapping; anything else PyYAML words
        raise Unsure
    return data


# -- a large plan in pieces ---------------------------------------------------------------------
# Most of yaml-rs's time is spent without the interpreter's lock (building its own tree); only
# making the Python objects needs it. So a large plan's actions are parsed a piece at a time in
# the read-ahead thread while the command's thread checks the pieces already read: on a machine
# with a core to spare, the checks of the actions cost no wait. The data is the same as one parse
# of the whole text gives, or the pieces are refused (Unsure) and the whole text is read as
# before: every piece is the file's own text between two of the actions' items, parsed under the
# same `actions:` key, and each must read as that key alone holding a list. A piece that ended
# inside a quoted text or a bracketed list would not parse (each is closed by the end of the
# text), so every cut is where the file itself starts an item.

IN_PIECES: Final = 4_000_000  # characters: smaller plans are parsed whole, as before
PIECE: Final = 1_000_000  # bytes of actions in a piece (about 500 actions of the benchmark)
# the start of a line at the margin (a key of the plan's top mapping): where the actions end
_MARGIN: Any = re2.compile(rb"\n[^ \t\r\n#]")


def _loads(raw: bytes) -> Any:
    try:
        return yaml_rs.load(raw, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # noqa: BLE001 - any refusal is worded by PyYAML, with line and column
        raise Unsure from None


def cuts(raw: bytes) -> tuple[int, int, list[int]] | None:
    """Where a plan's actions (its UTF-8 text) can be cut into pieces: (where the first item
    starts, where the actions end, the start of each later piece), or None where the text is
    not laid out for it (`actions:` alone on a line at the margin, then items indented by a
    `- ` at one indent)."""
    key = raw.find(b"\nactions:")
    if key < 0:
        return None
    line_end = raw.find(b"\n", key + 1)
    if line_end < 0 or raw[key + 9 : line_end].strip(b" \t\r"):
        return None  # something after the key on its line (a flow list, a comment): whole
    first = line_end + 1
    while True:  # blank lines and comments before the first item
        nl = raw.find(b"\n", first)
        if nl < 0:
            return None
        line = raw[first:nl]
        if line.strip(b" \r") and not line.lstrip(b" ").startswith(b"#"):
            break
        first = nl + 1
    indent = len(line) - len(line.lstrip(b" "))
    if indent == 0 or not line.startswith(b"- ", indent):
        return None
    margin = _MARGIN.search(raw, first)
    end = len(raw) if margin is None else int(margin.start()) + 1
    item = b"\n" + b" " * indent + b"- "
    later: list[int] = []
    at = first
    while at + PIECE < end:
        found = raw.find(item, at + PIECE, end)
        if found < 0:
            break
        at = found + 1
        later.append(at)
    return first, end, later


class Arriving(list):  # type: ignore[type-arg]
    """A plan's actions whose later pieces are still being parsed: iterating yields each as it
    is read (waiting for the next piece); a piece that cannot be read raises Unsure there.
    Asked its length or an item, it waits for all of them."""

    def __init__(self, first: list[object]) -> None:
        super().__init__(first)
        self._pieces: queue.SimpleQueue[list[object] | BaseException | None] = queue.SimpleQueue()
        self._done = False
        self._error: BaseException | None = None

    def put(self, piece: list[object] | BaseException | None) -> None:
        """The next piece's actions (from the parsing thread); an exception: it failed; None:
        there are no more."""
        self._pieces.put(piece)

    def _take(self) -> None:
        got = self._pieces.get()
        if got is None:
            self._done = True
        elif isinstance(got, BaseException):
            self._done, self._error = True, got
        else:
            self.extend(got)

    def __iter__(self) -> Iterator[object]:
        i = 0
        while True:
            while i < list.__len__(self):
                yield list.__getitem__(self, i)
                i += 1
            if self._error is not None:
                raise Unsure from self._error
            if self._done:
                return
            self._take()

    def whole(self) -> list[object]:
        """Every action, once all the pieces are read (raises Unsure if one could not be)."""
        for _ in self:
            pass
        return list.copy(self)

    def __len__(self) -> int:
        return len(self.whole())

    def __getitem__(self, index: Any) -> Any:
        return self.whole()[index]


def parse_ahead(
    text: str, ready: Callable[[dict[str, object]], None], halt: threading.Event | None = None
) -> None:
    """`parse`, for the read-ahead thread: ready(data) is called as soon as the data can be
    checked. A large plan (IN_PIECES) laid out for it is parsed in pieces: ready is called once
    all but its actions and their first piece are read, with an Arriving list of actions that
    the later pieces fill as this goes on (if the first parts cannot be read in pieces, the
    whole text is parsed and given). Raises Unsure (ready not called) where `parse` would; a
    later piece that cannot be read is raised by the Arriving list (read the text whole).
    halt: once set, no further piece is parsed (the command has stopped; nobody will check them)."""
    raw = text.encode("utf-8") if len(text) >= IN_PIECES else b""
    at = cuts(raw) if raw else None
    if at is None:
        ready(cast("dict[str, object]", parse(text)))
        return
    if unsure_at(text) is not None:
        raise Unsure
    first, end, later = at
    bounds = [first, *later, end]
    try:
        rest: dict[str, object] = _loads(raw[:first] + raw[end:])
        head = _loads(b"actions:\n" + raw[first : bounds[1]])
        if not (type(rest) is dict and "actions" in rest and rest["actions"] is None
                and _alone(head)):  # fmt: skip
            raise Unsure
    except Unsure:  # not in pieces: the whole text, as `parse` reads it
        ready(cast("dict[str, object]", parse(text)))
        return
    actions = Arriving(head["actions"])
    rest["actions"] = actions
    ready(rest)
    try:
        for start, stop in itertools.pairwise(bounds[1:]):
            if halt is not None and halt.is_set():
                raise Unsure
            piece = _loads(b"actions:\n" + raw[start:stop])
            if not _alone(piece):
                raise Unsure
            actions.put(piece["actions"])
    except BaseException as exc:  # noqa: BLE001 - handed to the reader, who reads it whole
        actions.put(exc)
        return
    actions.put(None)


def _alone(piece: object) -> bool:
    """A piece read as the `actions` key alone, holding a list."""
    return type(piece) is dict and len(piece) == 1 and type(piece.get("actions")) is list
