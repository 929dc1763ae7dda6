"""What text the tracker accepts, and how stored text is shown safely. A leaf module.

The rule, the same on every face (CLI, app, sheet, plan file, minutes): tabs and line breaks
are text; a carriage return or CRLF becomes a plain line break; every other control character
(C0, DEL, C1) is refused at input, naming the field, the position and the character. Minutes
and other documents pasted from PDFs are cleaned instead (`clean_document`): a form feed or
vertical tab is a line break there, other control characters are dropped.

Text already stored before this rule is still exported and shown, never raw: `visible()` turns
each control character into its printable Unicode "control picture" (ESC -> ␛), and bidirectional
overrides into a visible <U+202E> mark, so nothing stored can move a terminal's cursor, retitle
its window or reorder what a reader sees.
"""

from __future__ import annotations

import re
import unicodedata

# C0 except tab and line feed, DEL, and C1
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# bidirectional embeddings, overrides and isolates: they reorder what a reader sees
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_NAMES = {
    0x00: "NUL",
    0x07: "bell (BEL)",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x1B: "escape (ESC)",
    0x7F: "delete (DEL)",
}
ALLOWED = "any text; tabs and line breaks, but no other control characters"


def describe(char: str) -> str:
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "control character")
    return f"U+{code:04X} {name}"


def normalise_newlines(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def first_control(value: str) -> tuple[int, str] | None:
    """(1-based position, character) of the first refused control character, if any."""
    m = _CONTROL.search(normalise_newlines(value))
    return (m.start() + 1, m.group()) if m else None


def control_problem(value: str) -> str | None:
    """A message for the first refused control character in `value`, or None if it is fine."""
    found = first_control(value)
    if found is None:
        return None
    pos, char = found
    return f"contains the control character {describe(char)} at character {pos}"


def clean_document(value: str) -> str:
    """Text of a document (minutes, pasted reports): page breaks become line breaks, other
    control characters are dropped. Never refuses."""
    value = normalise_newlines(value).replace("\f", "\n").replace("\v", "\n")
    return _CONTROL.sub("", value)


def visible(value: str) -> str:
    """Stored text made safe to print to a terminal or show in a screen: each control
    character (tab and line break aside) as its control picture, bidi overrides marked."""
    # fast path for a whole table of output: str.isprintable is false for every control and
    # format character (bidi overrides included), so printable text needs no regex scan
    if value.isprintable() or value.replace("\n", "").replace("\t", "").isprintable():
        return value
    if not (_CONTROL.search(value) or _BIDI.search(value)):
        return value
    value = _CONTROL.sub(_picture, value)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)


def control_pictures(value: str) -> str:
    """A document written out (a paper): line endings as LF, every other control character
    (tab aside) as its control picture; bidi overrides left to the document's own markup."""
    if value.replace("\n", "").replace("\t", "").isprintable():  # no control character at all
        return value
    value = normalise_newlines(value)
    return _CONTROL.sub(_picture, value) if _CONTROL.search(value) else value


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"  # C1: no control picture exists
