"""The fast path of reading a plan file: turboyaml, else yaml-rs (both Rust), used only where
they are sure to read every value exactly as PyYAML's safe loader does.

Both read YAML 1.2; PyYAML reads YAML 1.1. They type some plain (unquoted) scalars
differently: `yes`/`no`/`on`/`off`/`y`/`n` (booleans in 1.1, text in 1.2), `012` (octal 10 in
1.1, 12 in 1.2), `0o17`, `1e3`, `1.0e3` (text in 1.1, numbers in 1.2), `1_000`, `1:20`, `0b101`
(numbers in 1.1 only), `=` and `<<`. Before either is trusted, one scan of the text (RE2: a
linear-time automaton, about 20 times faster than the parse) looks for any plain scalar that
might be one of those, and for what they handle in their own way (tags, anchors and aliases,
complex keys, directives, several documents; and turboyaml's leniencies: a second `: ` in a plain
value, a flow item starting `- `, an empty flow entry, Unicode white space, an integer past 64
bits). If it finds one, or both refuse the text (a syntax error, a key given twice), the caller
reads the file with PyYAML instead: slower, exact, and with the line and column of every refusal.
The scan may also stop at text inside a quoted string that looks like such a scalar: that costs
speed, never a different value.

turboyaml (about twice as fast as yaml-rs on a large plan) gives dates as their text: every
date-shaped text it gives is made the date or timestamp PyYAML makes (`stamp`; the scan leaves no
quoted or escaped date to the fast path, so such a text is a plain scalar). `parse_lean` leaves
that to the plan check for the status updates, where it costs least (`Lean`).
tests/test_plans_fast_read.py checks "sure means identical" on many generated scalars and
hand-written structures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Final

import re2
import turboyaml
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
    # what turboyaml reads as text where PyYAML refuses the line or reads a pair: a second
    # `: ` (or a closing `:`) in a plain value, a value or a flow item that starts with `- `,
    # a `: ` in a flow sequence's item, two in a flow mapping's entry
    r"|\n[^\n'\"\[{#]*:[ \t]+[^\s'\"\[{#|>!&*][^\n#]*:(?:[ \t]|\r?\n)"
    r"|\n[ \t]*(?:-[ \t]+)*[\"'][^\n]*[\"'][ \t]*:"  # a quoted key
    r"|:[ \t]+-(?:[ \t]|\r?\n)|[\[{,][ \t]*-(?:[ \t,\]}]|\r?\n)"
    r"|\[[^\[\]{}'\"]*:[ \t\r\n]"
    r"|[{,][^\n,\[\]{}'\"]*:[ \t][^\n,\[\]{}'\"]*:[ \t\r\n]"
    # turboyaml's own: Unicode white space (trimmed), a character PyYAML refuses, an integer too
    # large for 64 bits (text), a reserved indicator starting a scalar
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}\x{feff}\x{fffe}\x{ffff}]|\r[^\n]"
    r"|\\(?:u|U0000)[dD][89a-fA-F]|[\[{,][ \t\r\n]*,|\n[ ]*\t"  # a surrogate, an empty entry, a tab indenting
    rf"|{_START}(?:[-+]?[0-9]{{19}}|[@`%])"
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


# A timestamp as PyYAML reads a plain scalar, in the ISO forms the scan lets through: a day; a
# time to the second, 1-6 digits of a fraction, Z or an offset or none. turboyaml gives text.
_STAMP: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[-+][0-9]{2}:[0-9]{2})?)?\Z"
).match
_DAY_OF = dt.date.fromisoformat
_TIME_OF = dt.datetime.fromisoformat


def stamp(text: str) -> Any:
    """A text as PyYAML's safe loader reads the same plain scalar: a date or a timestamp when it
    is one (a day that is not on the calendar stays text, as `yaml_loader` keeps it), else the
    text. Only for text from a plain scalar (the scan leaves no quoted date to the fast path)."""
    if not _STAMP(text):
        return text
    try:
        return _DAY_OF(text) if len(text) == 10 else _TIME_OF(text)
    except ValueError:
        return text


def _key(key: object) -> None:
    if type(key) is str and len(key) > 9 and key[4] == "-" and _STAMP(key):
        raise Unsure  # a date as a mapping's key: left to the exact readers


def _in_list(items: list[Any]) -> None:
    for i, x in enumerate(items):
        kind = type(x)
        if kind is str:
            if len(x) > 9 and x[4] == "-":  # every date-shaped text has its hyphen there
                items[i] = stamp(x)
        elif kind is dict:
            _in_dict(x)
        elif kind is list:
            _in_list(x)


def _in_dict(mapping: dict[Any, Any], skip: object = None) -> None:
    for key, x in mapping.items():
        _key(key)
        kind = type(x)
        if kind is str:
            if len(x) > 9 and x[4] == "-":
                mapping[key] = stamp(x)
        elif kind is dict:
            _in_dict(x)
        elif kind is list and key != skip:
            _in_list(x)


def _turbo(text: str) -> dict[Any, Any]:
    """turboyaml's reading (dates as text), refusing a key given twice; Unsure where it steps
    aside (a form it does not read, a syntax error) or the text is not one mapping."""
    try:
        data: object = turboyaml.load(text, strict=True)
    except Exception:  # noqa: BLE001 - TurboYamlError: the next reader decides
        raise Unsure from None
    if not isinstance(data, dict):
        raise Unsure
    return data


def _yaml_rs(text: str) -> dict[Any, Any]:
    try:
        data: object = yaml_rs.loads(text, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # noqa: BLE001 - any refusal is worded by PyYAML, with line and column
        raise Unsure from None
    if not isinstance(data, dict):  # a plan is one mapping; anything else PyYAML words
        raise Unsure
    return data


def parse(text: str) -> object:
    """The text's YAML data, exactly as PyYAML's safe loader gives it; raises Unsure when that
    cannot be promised (the caller then reads it with PyYAML).

    turboyaml reads it, and every date-shaped text it gives is made the date PyYAML makes; where
    turboyaml steps aside, yaml-rs reads it (dates included)."""
    if unsure_at(text) is not None:
        raise Unsure
    try:
        data = _turbo(text)
        _in_dict(data)
        return data
    except Unsure:
        return _yaml_rs(text)


@dataclass(frozen=True)
class Lean:
    """A plan's data as `parse` gives it, but for the actions' status updates: each update's
    values are turboyaml's, a timestamp still its ISO text (`schema.validate(..., lean=True)`
    makes it one, in the loop that checks the update; anything there that is not plain makes
    it ask for `parse` instead). Saves a pass over 100,000 updates."""

    data: dict[Any, Any]


def parse_lean(text: str) -> Lean | object:
    """`parse`, or where turboyaml reads the text, its `Lean` data."""
    if unsure_at(text) is not None:
        raise Unsure
    try:
        data = _turbo(text)
    except Unsure:
        return _yaml_rs(text)
    try:
        for key, x in data.items():
            _key(key)
            kind = type(x)
            if kind is str:
                if len(x) > 9 and x[4] == "-":
                    data[key] = stamp(x)
            elif kind is dict:
                _in_dict(x)
            elif kind is list:
                if key != "actions":
                    _in_list(x)
                    continue
                for i, action in enumerate(x):
                    if type(action) is dict:
                        _in_dict(action, skip="updates")
                    elif type(action) is list:
                        _in_list(action)
                    elif type(action) is str and len(action) > 9 and action[4] == "-":
                        x[i] = stamp(action)
    except Unsure:
        return _yaml_rs(text)
    return Lean(data)
