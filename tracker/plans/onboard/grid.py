"""A council's own action log read as a grid of cells: its value, and its fill colour (a RAG
kept as a coloured cell), from any sheet of an .xlsx or from a CSV. Merged cells read as their
top-left value in every cell they cover, so a merged header names each column under it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InvalidInput, Problem


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float, datetime, bool or None
    fill: str | None = None  # RRGGBB of a solid fill, if any


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: tuple[tuple[Cell, ...], ...]  # row 1 first, as the spreadsheet numbers them


def _refuse(file: str, message: str, allowed: str | None = None) -> InvalidInput:
    return InvalidInput(Problem(field="file", message=message, allowed=allowed, file=file))


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_sheets(path: Path, max_rows: int = 100_000) -> tuple[Sheet, ...]:
    """Every sheet of the workbook (one for a CSV). Refuses a missing file, an old .xls, or
    anything that is not a readable spreadsheet, with the reason."""
    name = str(path)
    try:
        head = path.open("rb").read(8)
    except FileNotFoundError:
        raise _refuse(name, "no such file") from None
    except IsADirectoryError:
        raise _refuse(name, "is a folder, not a spreadsheet") from None
    if not head:
        raise _refuse(name, "the file is empty", "an .xlsx workbook or a CSV file")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(name, "an old-style .xls workbook: save it as .xlsx (or CSV) and use that")
    if head.startswith(b"PK\x03\x04"):
        return _xlsx(path, name, max_rows)
    return (_csv(path, name, max_rows),)


def _fill(cell: object) -> str | None:
    fill = getattr(cell, "fill", None)
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    colour = getattr(fill, "fgColor", None)
    rgb = getattr(colour, "rgb", None)
    if isinstance(rgb, str) and len(rgb) >= 6 and getattr(colour, "type", "rgb") == "rgb":
        return rgb[-6:].upper()
    return None


def _xlsx(path: Path, name: str, max_rows: int) -> tuple[Sheet, ...]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)  # a formula's last value
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors alike
        raise _refuse(name, f"not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})",
                      "an .xlsx workbook or a CSV file") from None  # fmt: skip
    sheets = []
    for ws in wb.worksheets:
        top = min(ws.max_row, max_rows)
        width = min(ws.max_column, 200)
        grid: list[list[Cell]] = []
        for cells in ws.iter_rows(min_row=1, max_row=top, max_col=width):
            grid.append([Cell(c.value, _fill(c)) for c in cells])
        for merged in ws.merged_cells.ranges:
            r0, c0, r1, c1 = merged.min_row, merged.min_col, merged.max_row, merged.max_col
            if r0 > len(grid):
                continue
            first = grid[r0 - 1][c0 - 1] if c0 <= len(grid[r0 - 1]) else Cell(None)
            for r in range(r0, min(r1, len(grid)) + 1):
                for c in range(c0, min(c1, width) + 1):
                    if c <= len(grid[r - 1]):
                        grid[r - 1][c - 1] = first
        sheets.append(Sheet(ws.title, tuple(tuple(row) for row in grid)))
    wb.close()
    return tuple(sheets)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-8-sig", "cp1252"):  # fmt: skip
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(name, "cannot read the text (tried UTF-8 and Windows-1252)",
                  "in Excel, Save As 'CSV UTF-8 (Comma delimited)'")  # fmt: skip


def _csv(path: Path, name: str, max_rows: int) -> Sheet:
    text = _decode(path.read_bytes(), name)
    first = text.split("\n", 20)[:20]
    counts = {d: sum(line.count(d) for line in first) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _refuse(name, f"not a readable CSV file ({exc})") from None
    return Sheet(path.stem, tuple(tuple(Cell(v or None) for v in r) for r in rows[:max_rows]))


def is_date(value: object) -> bool:
    return isinstance(value, dt.date)
