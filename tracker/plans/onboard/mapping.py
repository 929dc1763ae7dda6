"""Which column of a council's action log holds what: the header row found (any of the first 30
rows; two rows when a merged heading sits over its sub-headings), and each column proposed a
field from the words councils use ("Lead", "By when", "Progress update", "RAG"). A mapping can
be fixed by hand (COLUMN=FIELD) and saved to a YAML file for the next month's log."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from tracker.errors import InvalidInput, Problem
from tracker.plans.onboard.grid import Cell, Sheet, column_letter

# the fields a column can fill, and the words that name them (lower case, no punctuation)
FIELDS: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref",
        "ref no",
        "reference",
        "action ref",
        "action no",
        "action number",
        "no",
        "number",
        "id",
        "item",
        "item no",
        "#",
    ),
    "title": (
        "action",
        "actions",
        "action description",
        "description",
        "title",
        "task",
        "activity",
        "what",
        "recommendation",
        "deliverable",
        "action required",
        "agreed action",
        "key action",
        "action title",
    ),
    "owner": (
        "lead",
        "owner",
        "lead officer",
        "responsible officer",
        "responsible",
        "who",
        "action owner",
        "officer",
        "accountable officer",
        "lead person",
        "lead owner",
        "by whom",
        "lead agency",
        "responsibility",
    ),
    "due": (
        "due",
        "due date",
        "by when",
        "deadline",
        "target date",
        "timescale",
        "timescales",
        "completion date",
        "date due",
        "target completion date",
        "when",
        "target",
    ),
    "start": ("start", "start date", "date raised", "date opened", "raised"),
    "status": ("status", "current status", "action status", "progress status", "open closed"),
    "rag": ("rag", "rag status", "rag rating", "rating", "red amber green", "brag", "rag rated"),
    "progress": (
        "progress",
        "update",
        "progress update",
        "latest update",
        "comments",
        "commentary",
        "progress to date",
        "notes",
        "position",
        "update comments",
        "progress comments",
        "current position",
    ),
    "percent": ("% complete", "percent complete", "% done", "percentage complete", "%"),
    "board": (
        "board",
        "accountable board",
        "governance",
        "reporting to",
        "sub group",
        "subgroup",
        "group",
        "workstream",
        "reports to",
    ),
    "phase": ("phase", "stage", "year"),
}
NOTE = "note"  # an unmapped column: kept in the action's description
SKIP = "skip"  # a column left out altogether
TARGETS = (*FIELDS, NOTE, SKIP)
HEADER_ROWS = 30


def normalise(text: object) -> str:
    words = re.sub(r"[^\w%#]+", " ", str(text or "").lower().replace("_", " "))
    return " ".join(words.split())


def _score(header: str) -> tuple[str | None, int]:
    """(field, strength): 3 the header is a synonym, 2 it starts with one, 1 it holds one."""
    if not header:
        return None, 0
    best: tuple[str | None, int] = (None, 0)
    for name, words in FIELDS.items():
        for w in words:
            if header == w:
                return name, 3
            padded = f" {header} "
            if best[1] < 2 and header.startswith(w + " "):
                best = (name, 2)
            elif best[1] < 1 and f" {w} " in padded and len(w) > 2:
                best = (name, 1)
    return best


@dataclass(frozen=True)
class Column:
    index: int  # 1-based
    letter: str
    header: str  # as the log writes it
    field: str  # a FIELDS key, NOTE or SKIP
    proposed: bool  # True: guessed from the header; False: fixed by hand


@dataclass(frozen=True)
class Mapping_:
    sheet: str
    header_rows: tuple[int, ...]  # the row numbers of the header (one, or two)
    columns: tuple[Column, ...]

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    def column_of(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)

    def as_yaml(self) -> str:
        data = {"sheet": self.sheet, "header_row": self.header_rows[-1],
                "columns": {c.header or c.letter: c.field for c in self.columns}}  # fmt: skip
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _headers(sheet: Sheet, rows: tuple[int, ...]) -> list[str]:
    width = max((len(sheet.rows[r - 1]) for r in rows), default=0)
    out = []
    for i in range(width):
        parts: list[str] = []
        for r in rows:
            row = sheet.rows[r - 1]
            text = " ".join(str(row[i].value or "").split()) if i < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        out.append(" ".join(parts))
    return out


def _assign(headers: list[str]) -> tuple[list[str], int]:
    """Each column's proposed field (at most one column a field, the strongest first)."""
    scored = [(_score(normalise(h)), i) for i, h in enumerate(headers)]
    fields = [NOTE if h.strip() else SKIP for h in headers]
    taken: set[str] = set()
    total = 0
    for (name, strength), i in sorted(scored, key=lambda s: (-s[0][1], s[1])):
        if name is None or strength == 0 or name in taken:
            continue
        taken.add(name)
        fields[i] = name
        total += strength
    return fields, total


def propose(sheets: Iterable[Sheet]) -> Mapping_:
    """The best header row on any sheet, and a field for each of its columns."""
    best: tuple[int, Mapping_] | None = None
    for sheet in sheets:
        for r in range(1, min(len(sheet.rows), HEADER_ROWS) + 1):
            for rows in ((r,), (r, r + 1)):
                if rows[-1] > len(sheet.rows):
                    continue
                headers = _headers(sheet, rows)
                fields, total = _assign(headers)
                if "title" not in fields:
                    continue
                total -= len(rows) - 1  # one row unless two read clearly better
                if best is None or total > best[0]:
                    columns = tuple(
                        Column(i + 1, column_letter(i + 1), headers[i], fields[i], True)
                        for i in range(len(headers))
                    )
                    best = (total, Mapping_(sheet.name, rows, columns))
    if best is None:
        raise InvalidInput(Problem(
            field="header row", message="no row in the first 30 of any sheet names an action "
            "column (Action, Description, Task, ...)",
            allowed="a header row such as Ref | Action | Lead | By when | Progress | RAG",
        ))  # fmt: skip
    return best[1]


def parse_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """COLUMN=FIELD pairs (a column by its letter or its header)."""
    out: dict[str, str] = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip() or field not in TARGETS:
            raise InvalidInput(Problem(
                field="mapping", message=f"{pair!r} is not COLUMN=FIELD",
                allowed="COLUMN=" + "|".join(TARGETS) + " (a column by letter or header)",
            ))  # fmt: skip
        out[column.strip()] = field
    return out


def read_saved(path: Path) -> tuple[str | None, int | None, dict[str, str]]:
    """(sheet, header row, column -> field) from a saved mapping file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(Problem(field="mapping", file=str(path),
                                   message=f"cannot read the saved mapping: {exc}")) from None  # fmt: skip
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise InvalidInput(Problem(field="mapping", file=str(path),
                                   message="not a saved mapping (sheet, header_row, columns)"))  # fmt: skip
    columns = {str(k): str(v) for k, v in data["columns"].items()}
    parse_overrides(f"{k}={v}" for k, v in columns.items())  # the same checks
    sheet = data.get("sheet")
    row = data.get("header_row")
    return (str(sheet) if sheet else None, row if isinstance(row, int) else None, columns)


def fixed(
    sheets: tuple[Sheet, ...], mapping: Mapping_, overrides: Mapping[str, str],
    sheet: str | None = None, header_row: int | None = None,
) -> Mapping_:  # fmt: skip
    """The mapping with a chosen sheet or header row, and columns fixed by hand."""
    if sheet is not None or header_row is not None:
        chosen = next((s for s in sheets if s.name == (sheet or mapping.sheet)), None)
        if chosen is None:
            raise InvalidInput(Problem(field="sheet", message=f"no sheet {sheet!r}",
                                       allowed=", ".join(s.name for s in sheets)))  # fmt: skip
        rows = (header_row,) if header_row else mapping.header_rows
        if rows[-1] > len(chosen.rows):
            raise InvalidInput(Problem(field="header row", message=f"row {rows[-1]} is past the "
                                       f"end of sheet {chosen.name}"))  # fmt: skip
        headers = _headers(chosen, rows)
        fields, _ = _assign(headers)
        mapping = Mapping_(chosen.name, rows, tuple(
            Column(i + 1, column_letter(i + 1), headers[i], fields[i], True)
            for i in range(len(headers))))  # fmt: skip
    unknown = [k for k in overrides
               if not any(k in (c.letter, c.header) for c in mapping.columns)]  # fmt: skip
    if unknown:
        raise InvalidInput(Problem(
            field="mapping", message=f"no column {unknown[0]!r} in the header row",
            allowed=", ".join(f"{c.letter} ({c.header})" for c in mapping.columns if c.header),
        ))  # fmt: skip
    columns = []
    for c in mapping.columns:
        field = overrides.get(c.letter, overrides.get(c.header))
        columns.append(c if field is None else Column(c.index, c.letter, c.header, field, False))
    # a field fixed by hand takes it from the column it was guessed for
    hand = {c.field for c in columns if not c.proposed and c.field in FIELDS}
    columns = [Column(c.index, c.letter, c.header, NOTE, True)
               if c.proposed and c.field in hand else c for c in columns]  # fmt: skip
    return Mapping_(mapping.sheet, mapping.header_rows, tuple(columns))


def sheet_named(sheets: tuple[Sheet, ...], name: str) -> Sheet:
    return next(s for s in sheets if s.name == name)


def cell_at(sheet: Sheet, row: int, column: int) -> Cell:
    cells = sheet.rows[row - 1]
    return cells[column - 1] if column <= len(cells) else Cell(None)
