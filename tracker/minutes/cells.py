"""An owner column's cells flattened onto lines of their own: the header row that names the
column ("ITEM ACTION", "Item / Notes / Action") and a cell alone on its line ("SR", "Michael
Barry", "Clerk"). Shared by the segmenter, which must not join such a cell onto the row before
it, and the candidate stage, which reads it as that row's owner."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .text import holds_any

# "ITEM ACTION", "Item / Notes / Action", "Minute Owner": a header row naming an action or owner
# column, its other cells the item's number or notes
_ACTION_COLUMN_HEADER_RE = re.compile(
    r"^(?:(?:agenda\s+)?items?|ref\.?|no\.?|minutes?|subject|discussion|notes?)"
    # "Minutes of the meeting: / Action:": a cell naming the minutes' column, its colon kept
    r"(?:\s+of\s+(?:the\s+)?meeting)?:?"
    r"(?:\s*[/|]?\s*(?:items?|discussion|notes?|minutes?|subject|details?):?)*"
    r"\s*[/|]?\s*(?:actions?(?:\s+by)?|owners?|by\s+whom|lead|responsible):?\s*$",
    re.I,
)
# the cell alone on its line: initials ("SR", "AB/CD"), a person ("Michael Barry") or a role
_OWNER_CELL_RE = re.compile(
    r"^(?:[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*|[A-Z][a-z]+(?:\s+[A-Z][a-z'\u2019\-]+){1,2}"
    r"|(?:the\s+)?(?:Clerk|Chair(?:man|person)?|Secretary|Treasurer|Vice[\s-]Chair))\.?$"
)
_CELL_NOT_OWNER = frozenset(
    ["item", "items", "action", "actions", "minutes", "notes", "none", "all"]
)
# "Any Other Business", "Matters Arising", "Date of Next Meeting": an item's title, not a person
_TITLE_WORDS = frozenset(
    [
        "any",
        "other",
        "business",
        "matters",
        "arising",
        "date",
        "next",
        "meeting",
        "apologies",
        "minutes",
        "report",
        "reports",
        "finance",
        "correspondence",
        "planning",
        "update",
        "updates",
        "declarations",
        "interest",
        "interests",
        "close",
        "welcome",
        "introductions",
        "chairs",
        "chair's",
        "treasurer's",
        "secretary's",
        "clerk's",
        "open",
        "public",
        "questions",
        "forum",
        "items",
        "item",
        "accounts",
        "payments",
    ]
)


def action_column_header(text: str) -> bool:
    return bool(_ACTION_COLUMN_HEADER_RE.match(text.strip()))


# the words of the header's last column (and of "1. / Welcome / Action", a header cell printed
# on the first row): a page with none of them has no such header
_HEADER_WORDS = ("action", "owner", "whom", "lead", "responsible")
_HEADER_WORD_RE = re.compile("|".join(_HEADER_WORDS), re.I)


def may_name_columns(texts: Iterable[str]) -> bool:
    """Whether any of `texts` holds a word an action column's header ends on (looked for once
    in the page, not unit by unit)."""
    return holds_any("\n".join(texts), _HEADER_WORDS, _HEADER_WORD_RE)


def action_header_at(texts: Sequence[str]) -> int | None:
    """The first of `texts` that is a header row naming an action or owner column, if any."""
    if not may_name_columns(texts):
        return None
    return next((k for k, t in enumerate(texts) if action_column_header(t)), None)


def owner_cell(text: str) -> bool:
    """Is the line only an owner: initials, a person or a role, not an item's title?"""
    cell = text.strip()
    if not _OWNER_CELL_RE.match(cell) or cell.lower() in _CELL_NOT_OWNER:
        return False
    return not (len(cell.split()) > 1 and {w.lower() for w in cell.split()} & _TITLE_WORDS)


# "1 / Circulate the revised plan to members / JS / March": a table row flattened with its
# cells set apart by " / " or " | " (three cells or more), or by tabs
_ROW_SEPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("/", re.compile(r"\s/\s")),
    ("|", re.compile(r"\s?\|\s?")),
)


def cell_row(raw: str, text: str) -> str | None:
    """The separator of a line printed as a table row of cells, or None for a line of prose."""
    if "\t" in raw.strip():
        return "tab"
    for name, rx in _ROW_SEPARATORS:
        # the raw line too: "1 / X / JS" is read "1 X / JS", its number cell kept
        if len(rx.findall(text)) >= 2 or len(rx.findall(raw)) >= 2:
            return name
    return None


# "Write to the school about parking AB/CD": an owner column flattened into the row, its
# initials after the task's last word (not after "the", "to": "Write to the NHS" is one cell)
TRAILING_INITIALS_RE = re.compile(
    r"^(?P<task>.*[a-z0-9.,)](?<!\bthe)(?<!\bto)(?<!\bof)(?<!\band)(?<!\bwith)(?<!\bfrom)"
    r"(?<!\bfor)(?<!\bby)(?<!\bin)(?<!\bon)(?<!\bat)(?<!\ba)(?<!\ban))\s+"
    r"(?P<owner>[A-Z]{2,4}(?:\s?/\s?[A-Z]{2,4})*)$"
)


_LAST_CELL_RE = re.compile(r"\s[/|]\s+(?P<cell>(?:(?!\s/\s)[^|])+?)\s*$")


def owner_last_cell(text: str) -> bool:
    """Does the line end in an owner cell after " / " or " | " ("Book the hall / Clerk"), or in
    an owner's initials after the task ("Book the hall LD")?"""
    m = _LAST_CELL_RE.search(text)
    if m is None:
        return TRAILING_INITIALS_RE.match(text) is not None  # "... the landowner LD"
    cell = m.group("cell")
    return owner_cell(cell) or cell in ("All", "ALL") or bool(_INITIALS_RE.match(cell))


_FIRST_CELL_RE = re.compile(r"^(?P<cell>(?:(?!\s[/|]\s).)+?)\s[/|]\s+\S")


def owner_first_cell(text: str) -> bool:
    """Does the line open on an owner cell before " / " or " | " ("Clerk / Book the hall")?"""
    m = _FIRST_CELL_RE.match(text)
    if m is None:
        return False
    cell = m.group("cell")
    return owner_cell(cell) or cell in ("All", "ALL") or bool(_INITIALS_RE.match(cell))


# "AB/CD", "LD / JM": initials shared by two owners (the last " / " is theirs, not the row's)
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:/[A-Z]{2,4})*$")
