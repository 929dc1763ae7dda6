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

from typing import Any, Final

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
