"""Action logs pasted as text tables under a header row naming their columns ("Action | Owner
| Due", tabs or runs of spaces): the header's roles, and one follow-up per row."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .models import ExtractedFollowUp, Uncertainty
from .owners import split_owner, tidy_text
from .text import Line, collapse, matchable, parse_date

_HEADER_CELLS = {
    "no": "number", "#": "number", "ref": "number", "item": "number", "number": "number",
    "id": "number", "minute": "number", "min": "number", "action no": "number",
    "action ref": "number", "minute ref": "number", "item no": "number", "min ref": "number",
    "action": "action", "actions": "action", "action required": "action",
    "action point": "action", "action points": "action", "description": "action",
    "task": "action", "tasks": "action", "what": "action", "agreed action": "action", "action agreed": "action",
    "actions agreed": "action", "issue": "action", "details": "action",
    "owner": "owner", "owners": "owner", "by whom": "owner", "who": "owner", "lead": "owner",
    "lead officer": "owner", "responsible": "owner", "responsibility": "owner",
    "action by": "owner", "action owner": "owner", "officer": "owner",
    "assigned to": "owner", "responsible officer": "owner", "person responsible": "owner",
    "lead person": "owner", "lead(s)": "owner",
    "due": "due", "due date": "due", "by when": "due", "when": "due", "deadline": "due",
    "date": "due", "target date": "due", "timescale": "due", "timescales": "due",
    "date due": "due", "completion date": "due", "target": "due", "by date": "due",
    "status": "status", "progress": "status", "update": "status", "updates": "status",
    "rag": "status", "rag status": "status", "comments": "status", "comment": "status",
    "notes": "status", "outcome": "status", "complete": "status", "completed": "status",
    "progress update": "status",
}  # fmt: skip
_SEPARATOR_ROW_RE = re.compile(r"^[\s|:+=\-]+$")


def split_cells(raw: str) -> list[str]:
    r = raw.replace("\xa0", " ").strip()
    if "|" in r:
        cells = [collapse(c) for c in r.strip("|").split("|")]
        return cells
    return [collapse(c) for c in re.split(r"\t+\s*|\s{2,}", r) if collapse(c)]


def header_role(cell: str) -> str | None:
    key = collapse(re.sub(r"[.:?]", "", matchable(cell).lower()).strip())
    if "/" in key and key not in _HEADER_CELLS:
        # "Status/Comment", "Owner/Lead": two names of one column, both known
        parts = {_HEADER_CELLS.get(collapse(p)) for p in key.split("/")}
        return parts.pop() if len(parts) == 1 else None
    return _HEADER_CELLS.get(key)


_GAP_RE = re.compile(r"\S\s{2,}\S")


def match_table_header(ln: Line) -> list[str | None] | None:
    if "\t" not in ln.raw and "|" not in ln.raw and not _GAP_RE.search(ln.raw):
        return None
    cells = split_cells(ln.raw)
    if len(cells) < 2 or any(len(c) > 40 for c in cells):
        return None
    roles = [header_role(c) for c in cells]
    known = sum(1 for r in roles if r)
    if "action" not in roles or not ({"owner", "due"} & set(roles)) or known * 3 < len(cells) * 2:
        return None
    return roles


def read_action_table(
    lines: Sequence[Line], idx: int, roles: list[str | None], stop: Callable[[Line], bool]
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], int]:
    rows: list[tuple[int, list[str]]] = []
    uns: list[Uncertainty] = []
    i, blank = idx + 1, 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text:
            blank += 1
            i += 1
            continue
        if _SEPARATOR_ROW_RE.match(ln.raw):
            i += 1
            continue
        if stop(ln):
            break
        cells = split_cells(ln.raw)
        if blank and len(cells) != len(roles):
            break  # after a gap, only a row shaped like the header continues the table
        if len(cells) >= 2:
            rows.append((ln.no, cells))
        elif rows and not blank and cells:
            rows[-1][1][_action_col(roles, rows[-1][1])] += " " + cells[0]  # wrapped cell
        else:
            break
        blank = 0
        i += 1
    fus = []
    for no, cells in rows:
        fu, u = row_from_cells(no, cells, roles)
        if fu:
            fus.append(fu)
        uns += u
    if not rows:
        uns.append(Uncertainty(lines[idx].no, lines[idx].text, "an action table with no rows"))
    return fus, uns, i


def _action_col(roles: list[str | None], cells: list[str]) -> int:
    return min(roles.index("action"), len(cells) - 1)


# a due column's cell that says no time: a status ("Complete", "Done") or nothing ("n/a", "-")
_NO_TIME_RE = re.compile(r"[\s\-\u2013.]*|n/?a|none|nil|complete[d]?|done|closed", re.I)


def with_due(text: str, cell: str) -> tuple[str, str | None]:
    """A row's task and its due date read from its due cell: an ISO date when the cell is a
    full date with a day ("31/03/2027", "30 June 2026"); any other time ("March", "April 2027",
    "ASAP", "TBC", "Next meeting") is no date and is kept in the text as "(due: March)"."""
    due = parse_date(cell) if cell else None
    if cell and due is None and not _NO_TIME_RE.fullmatch(cell.strip()):
        text = f"{text} (due: {cell.strip()})"
    return text, due


def row_from_cells(
    no: int, cells: list[str], roles: list[str | None]
) -> tuple[ExtractedFollowUp | None, list[Uncertainty]]:
    uns: list[Uncertainty] = []
    use_roles = list(roles)
    if (
        len(cells) < len(use_roles)
        and use_roles[0] == "number"
        and not re.fullmatch(r"[\w.()]{1,8}", cells[0])
    ):
        use_roles = use_roles[1:]
    if len(cells) != len(use_roles):
        uns.append(
            Uncertainty(
                no,
                " | ".join(cells),
                f"table row has {len(cells)} cells where the "
                f"header has {len(roles)}; columns were matched left to right",
            )
        )
    values: dict[str, str] = {}
    for role, cell in zip(use_roles, cells, strict=False):
        if role and cell and role not in values:
            values[role] = cell
    text = values.get("action", "")
    if not text:
        uns.append(Uncertainty(no, " | ".join(cells), "table row with no action text"))
        return None, uns
    owner = values.get("owner", "")
    if "owner" not in roles:
        split = split_owner(text)
        if split:
            owner, text = split
    text, due = with_due(text, values.get("due", ""))
    if not owner:
        uns.append(Uncertainty(no, text, "action table row without an owner"))
    fu = ExtractedFollowUp(owner, tidy_text(text), None, no, "action-table", due)
    return fu, uns
