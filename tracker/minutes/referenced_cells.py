"""A header-less table pasted one cell a line, as an HTML or Word table pastes with no header
row: its width cannot be read from a header, but each row opens on its reference, one after
another ("3.01" ... "3.02", "11/24" ... "12/24", "1" ... "2"), so the lines between two
references are one row's cells. Each row of the run is read as a line of " | " cells when every
row is that many lines, holds a task (three words or more, in lower case) and an owner's cell at
the same places, before the page is cut into units."""

from __future__ import annotations

import re

from .row_refs import REF_RE, follows
from .tables import header_role
from .text import Line
from .wrapped_rows import one_row

_MIN_WIDTH, _MAX_WIDTH = 3, 6
# an owner's cell: initials, names or a role in capitals, shared with "&", "/" or "and"; "All"
_OWNER_RE = re.compile(
    r"^(?:all(?:\s+members)?|(?:the\s+)?[A-Z][\w'\u2019\-]*\.?(?:\s*(?:&|/|and|\s)\s*"
    r"[A-Z][\w'\u2019\-]*\.?){0,3})$"
)
# a task: three words or more, not a decision's "That ..." clause
_TASK_RE = re.compile(r"^(?!That\s)[A-Z]\S*(?:\s+\S+){2,}$")
_LOWER_RE = re.compile(r"\s[a-z]{3,}\b")


def _width(lines: list[Line], i: int) -> int:
    """Lines from the reference at i to the next reference in turn, or 0."""
    for j in range(i + _MIN_WIDTH, min(i + _MAX_WIDTH, len(lines) - 1) + 1):
        if follows(lines[i].text, lines[j].text):
            return j - i
    return 0


def _columns(rows: list[list[str]]) -> bool:
    """Is one column every row's task and another every row's owner?"""
    width = len(rows[0])
    task = [
        c
        for c in range(1, width)
        if all(_TASK_RE.match(r[c]) and _LOWER_RE.search(r[c]) for r in rows)
    ]
    owner = [c for c in range(1, width) if all(_OWNER_RE.match(r[c]) for r in rows)]
    return len(task) == 1 and any(c != task[0] for c in owner)


def _headed(lines: list[Line], i: int) -> bool:
    """Is the line before i a column's name ("Decision", "Owner")? A headed table is read from
    its header (`wrapped_rows.cell_lines_rejoined`, the decision records' readers)."""
    return i > 0 and header_role(lines[i - 1].text) is not None


def referenced_cell_lines(lines: list[Line]) -> list[Line]:
    """The page's lines with a header-less table pasted one cell a line, its rows opening on
    references in turn, read as rows of " | " cells, one line a row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        text = lines[i].text
        width = _width(lines, i) if text and REF_RE.match(text) and not _headed(lines, i) else 0
        if not width:
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[Line]] = []
        k = i
        while k + width <= len(lines):
            chunk = lines[k : k + width]
            if not all(ln.text for ln in chunk) or (
                rows and not follows(rows[-1][0].text, chunk[0].text)
            ):
                break
            rows.append(chunk)
            k += width
        if k < len(lines) and lines[k].text:
            rows = []  # the run goes on past its last whole row: not this table
        if len(rows) < 2 or not _columns([[ln.text for ln in r] for r in rows]):
            out.append(lines[i])
            i += 1
            continue
        out.extend(one_row(chunk) for chunk in rows)
        i = k
    return out
