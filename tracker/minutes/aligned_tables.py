"""Action trackers laid out in columns of spaces (a PDF saved as text) whose header row wraps
onto a second line ("LEAD  TARGET  NEW   STATUS/" over "      DATE    DATE  COMMENT").

The header's two lines are joined column by column, and every row is then read by where its
words stand under the header, not by counting runs of spaces: an empty cell ("NEW DATE" left
blank) does not shift the cells after it, a cell wrapped onto the row's next lines ("Inpatient" /
"survey") stays in its column, and a line holding only a month or a heading in the number column
("May 2012") groups the rows below it and is no row."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .keyword_lines import stop_line
from .models import ExtractedFollowUp, Uncertainty
from .tables import header_role, match_table_header, read_action_table, row_from_cells
from .text import Line, collapse

_CHUNK_RE = re.compile(r"\S+(?: \S+)*")
_GAP = 2  # a word may stand this many characters left of its column's header
_HEADER_WORDS_RE = re.compile(r"^(?:[A-Z][A-Za-z()/]*)(?: [A-Z][A-Za-z()/]*)?$")
_NUMBER_RE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})?[.)]?$")


def _chunks(raw: str) -> list[tuple[int, str]]:
    """The runs of words on one printed line, each with the column it starts at."""
    return [(m.start(), m.group()) for m in _CHUNK_RE.finditer(raw.replace("\t", "    "))]


def _column(starts: Sequence[int], at: int) -> int:
    col = 0
    for j, s in enumerate(starts):
        if s <= at + _GAP:
            col = j
    return col


def wrapped_header(lines: Sequence[Line], i: int) -> tuple[list[int], list[str | None]] | None:
    """The column starts and roles of a header row at unit i that wraps onto the next unit,
    when the two lines joined name an action column, an owner or due column, and two thirds of
    their columns; else None."""
    ln = lines[i]
    if "\n" in ln.raw or "|" in ln.raw or "\t" in ln.raw or i + 1 >= len(lines):
        return None
    top = _chunks(ln.raw)
    if len(top) < 4 or any(len(c) > 25 for _, c in top):
        return None
    nxt = lines[i + 1]
    if "\n" in nxt.raw or "|" in nxt.raw or not nxt.text:
        return None
    below = _chunks(nxt.raw)
    starts = [s for s, _ in top]
    if not below or len(below) >= len(top) or not all(_HEADER_WORDS_RE.match(c) for _, c in below):
        return None  # "DATE", "COMMENT", "Update": a header's words, never a row's cells
    names = [c for _, c in top]
    for s, c in below:
        j = _column(starts, s)
        if s < starts[0] - _GAP or abs(s - starts[j]) > len(names[j]) + _GAP:
            return None  # a word under no header cell: not the header's second line
        names[j] = f"{names[j]}{'' if names[j].endswith('/') else ' '}{c}"
    roles = [header_role(n) for n in names]
    known = sum(r is not None for r in roles)
    if "action" not in roles or not ({"owner", "due"} & set(roles)) or known * 3 < len(roles) * 2:
        return None
    return starts, roles


def _cells(raw: str, starts: Sequence[int]) -> list[str]:
    cells = [""] * len(starts)
    for part in raw.split("\n"):
        for s, c in _chunks(part):
            j = _column(starts, s)
            cells[j] = f"{cells[j]} {c}".strip()
    return [collapse(c) for c in cells]


def read_aligned_table(
    lines: Sequence[Line],
    idx: int,
    starts: list[int],
    roles: list[str | None],
    stop: Callable[[Line], bool],
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], int]:
    """The rows under the wrapped header at unit idx (its second line at idx + 1): one follow-up
    per row, and the unit after the table."""
    rows: list[tuple[int, list[str]]] = []
    i, blank = idx + 2, 0
    numbered = roles[0] == "number"
    while i < len(lines):
        ln = lines[i]
        if not ln.text:
            blank += 1
            i += 1
            if blank > 1:
                break
            continue
        if stop(ln):
            break
        cells = _cells(ln.raw, starts)
        filled = [j for j, c in enumerate(cells) if c]
        if numbered and filled == [0] and not _NUMBER_RE.match(cells[0]):
            if len(cells[0].split()) > 4:
                break  # prose under the table
            i += 1  # "May 2012": a group of rows, not a row
            continue
        if numbered and cells[0] and not _NUMBER_RE.match(cells[0]):
            break
        if not cells[0] and rows and not blank:
            for j, c in enumerate(cells):  # a row's cells wrapped onto a unit of their own
                if c:
                    rows[-1][1][j] = f"{rows[-1][1][j]} {c}".strip()
        elif len(filled) >= 2:
            rows.append((ln.no, cells))
        else:
            break
        blank = 0
        i += 1
    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    for no, cells in rows:
        fu, u = row_from_cells(no, cells, roles)
        if fu:
            fus.append(fu)
        uns += u
    return fus, uns, i


def table_at(
    lines: Sequence[Line], i: int, stop: Callable[[Line], bool]
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], int] | None:
    """The action table whose header row is unit i (on one line, or wrapped onto two: its rows
    then read by their columns), its follow-ups, notes and the unit after it; else None."""
    aligned = wrapped_header(lines, i)
    if aligned is not None:  # "LEAD  TARGET" / "      DATE"
        return read_aligned_table(lines, i, *aligned, stop_line)
    roles = match_table_header(lines[i])
    if roles is not None:
        return read_action_table(lines, i, roles, stop)
    return None
