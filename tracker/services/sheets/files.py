"""Reading and writing the sheet: XLSX through openpyxl (imported only when a sheet is touched),
CSV through the standard library. A file that is not a spreadsheet is refused with a reason."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tracker.cells import inert, restore
from tracker.config import SheetLimits
from tracker.errors import InvalidInput, Problem
from tracker.files import write_with
from tracker.services.sheets.columns import (
    COLUMNS,
    NO_PERCENT,
    FormulaCell,
    Row,
    header_key,
    is_blank,
)
from tracker.services.sheets.csv_text import decode, delimiter
from tracker.services.sheets.ods import is_ods, read_ods_rows
from tracker.services.sheets.workbook import SHEET_TITLE
from tracker.services.sheets.workbook import write_xlsx as write_xlsx  # its old home
from tracker.text import visible

XLSX_SUFFIXES = (".xlsx", ".xlsm")
HEADER_SEARCH_ROWS = 20  # the header may sit under a title row someone added
MAX_BLANK_RUN = 1000  # Excel can leave a million formatted, empty rows: stop well before
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


@dataclass(frozen=True)
class Table:
    file: str
    kind: str  # xlsx | ods | csv
    encoding: str | None  # for CSV: the encoding it was decoded with
    columns: dict[str, int]  # column key -> 0-based index
    rows: tuple[Row, ...]  # the rows under the header, blank ones left out


def _refuse(file: str, message: str, allowed: str | None = None) -> InvalidInput:
    return InvalidInput(Problem(field="", message=message, allowed=allowed, file=file))


def sheet_kind(path: Path) -> str:
    return "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"


# ---------------------------------------------------------------- reading


DEFAULT_LIMITS = SheetLimits()


def read_table(path: str | Path, limits: SheetLimits = DEFAULT_LIMITS) -> Table:
    """The sheet's header and non-empty rows. Refuses (InvalidInput) a missing, empty or
    unreadable file, one that is not a spreadsheet, one past the `limits` (tracker.toml
    [sheets]), and one without the required columns."""
    path = Path(path)
    name = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _refuse(name, "no such file") from None
    except IsADirectoryError:
        raise _refuse(name, "is a folder, not a spreadsheet") from None
    if not head:
        raise _refuse(name, "the file is empty", "an .xlsx or .ods workbook, or a CSV file")
    if head.startswith(_OLE):
        raise _refuse(name, "an old-style .xls workbook: save it as .xlsx (or CSV) and import that")
    if head.startswith(_ZIP) and (path.suffix.lower() == ".ods" or is_ods(path)):
        raw_rows, encoding, kind = _ods_rows(path, name, limits), None, "ods"
    elif path.suffix.lower() == ".ods":
        raise _refuse(name, "not an OpenDocument spreadsheet (an .ods file is a zip archive; "
                            "this is not)")  # fmt: skip
    elif head.startswith(_ZIP):
        raw_rows, encoding, kind = _xlsx_rows(path, name, limits), None, "xlsx"
    elif path.suffix.lower() in XLSX_SUFFIXES:
        raise _refuse(name, "not an Excel workbook (an .xlsx file is a zip archive; this is not)")
    else:
        raw_rows, encoding = _csv_rows(path, name, limits)
        kind = "csv"
    return _table(name, kind, encoding, raw_rows)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def _too_big(name: str, what: str, limits: SheetLimits) -> InvalidInput:
    return _refuse(
        name,
        f"{what}: more than the {limits.max_megabytes:,} MB a sheet may hold (setting "
        "sheets.max_megabytes in tracker.toml)",
        "a status return well under that; split a larger one",
    )


def _check_zip(path: Path, name: str, limits: SheetLimits) -> None:
    """Refuse a workbook that would expand past the size limit, from the sizes the zip
    declares, before any of it is decompressed (a zip never yields more than it declares:
    Python stops there and the checksum fails)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            total = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(
            name, f"not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"
        ) from None
    if total > limits.max_megabytes * 1_000_000:
        raise _too_big(name, f"the workbook expands to {_megabytes(total)} uncompressed", limits)


def _check_cells(
    name: str, sheet: str | None, number: int, values: Sequence[object], limits: SheetLimits
) -> None:
    """Rows, columns and cell sizes within the limits, or the whole file is refused."""
    where = f"sheet {sheet}, " if sheet else ""
    if number > limits.max_rows:
        raise _refuse(
            name,
            f"{where}more than {limits.max_rows:,} rows (setting sheets.max_rows in tracker.toml)",
            "a status return well under that; split a larger one",
        )
    used = next((i + 1 for i in range(len(values) - 1, -1, -1) if not is_blank(values[i])), 0)
    if used > limits.max_columns:
        raise _refuse(
            name,
            f"{where}row {number} has {used:,} columns: more than {limits.max_columns:,} "
            "(setting sheets.max_columns in tracker.toml)",
            "the exported columns",
        )
    for i, v in enumerate(values):
        if isinstance(v, str) and len(v) > limits.max_cell_characters:
            raise _refuse(
                name,
                f"{where}row {number}, column {_column_letter(i + 1)}: {len(v):,} characters in "
                f"one cell, more than {limits.max_cell_characters:,} (setting "
                "sheets.max_cell_characters in tracker.toml)",
                "shorter text",
            )


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ods_rows(path: Path, name: str, limits: SheetLimits) -> list[Row]:
    _check_zip(path, name, limits)

    def check(sheet: str | None, number: int, values: Sequence[object]) -> None:
        _check_cells(name, sheet, number, values, limits)

    try:
        return read_ods_rows(path, limits, check)
    except ValueError as exc:
        raise _refuse(name, f"not a readable .ods spreadsheet ({exc})") from None


def _xlsx_rows(path: Path, name: str, limits: SheetLimits) -> list[Row]:
    _check_zip(path, name, limits)
    import openpyxl

    try:
        # formulas as written (data_only=False), so that a formula cell is named, not dropped
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors alike mean "unreadable"
        raise _refuse(
            name, f"not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"
        ) from None
    try:
        ws = wb[SHEET_TITLE] if SHEET_TITLE in wb.sheetnames else wb.worksheets[0]
        ws.reset_dimensions()  # some writers record wrong dimensions; read what is there
        rows: list[Row] = []
        blank_run = 0
        for number, cells in enumerate(ws.iter_rows(), start=1):
            values = tuple(
                FormulaCell(ws.title, f"{_column_letter(i + 1)}{number}")
                if getattr(cell, "data_type", None) == "f"
                else _xlsx_text(cell.value)
                for i, cell in enumerate(cells)
            )
            if all(is_blank(v) for v in values):
                blank_run += 1
                if blank_run > MAX_BLANK_RUN:
                    break
                continue
            blank_run = 0
            _check_cells(name, ws.title, number, values, limits)
            # only a number from 0 to 1 can be a percentage in disguise: look at its format
            percent = frozenset(
                i
                for i, v in enumerate(values)
                if isinstance(v, int | float)
                and not isinstance(v, bool)  # bool is no number here
                and 0 < v <= 1
                and "%" in (getattr(cells[i], "number_format", None) or "")
            )
            rows.append((number, values, percent or NO_PERCENT))
        return rows
    except InvalidInput:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken sheet found while streaming it
        raise _refuse(
            name, f"not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"
        ) from None
    finally:
        wb.close()


def _csv_rows(path: Path, name: str, limits: SheetLimits) -> tuple[list[Row], str]:
    size = path.stat().st_size
    if size > limits.max_megabytes * 1_000_000:
        raise _too_big(name, f"the file is {_megabytes(size)}", limits)
    text, encoding = decode(path.read_bytes(), name)
    # a cell past the csv module's own limit is reported as past ours
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_cell_characters + 1))
    rows: list[Row] = []
    number = 0
    try:
        reader = csv.reader(
            io.StringIO(text, newline=""), csv.excel, delimiter=delimiter(text, HEADER_SEARCH_ROWS)
        )
        # numbered as a spreadsheet shows them: record 1 is the header
        for number, cells in enumerate(reader, 1):
            if cells and not all(is_blank(v) for v in cells):
                _check_cells(name, None, number, cells, limits)
                rows.append((number, tuple(restore(v) for v in cells), NO_PERCENT))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _refuse(
                name,
                f"row {number + 1}: a cell of more than {limits.max_cell_characters:,} "
                "characters (setting sheets.max_cell_characters in tracker.toml)",
                "shorter text",
            ) from None
        raise _refuse(name, f"not a readable CSV file ({exc})") from None
    return rows, encoding


def _table(name: str, kind: str, encoding: str | None, raw_rows: list[Row]) -> Table:
    expected = ", ".join(c.header for c in COLUMNS if c.required)
    for index, (_, cells, _) in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        keys = [header_key(v) for v in cells]
        if "ref" not in keys:
            continue
        columns: dict[str, int] = {}
        for position, key in enumerate(keys):
            if key is not None and key not in columns:
                columns[key] = position
        missing = [c.header for c in COLUMNS if c.required and c.key not in columns]
        if missing:
            raise InvalidInput(
                Problem(
                    field=c,
                    message="required column missing from the header row",
                    allowed=f"the exported columns, with at least {expected}",
                    file=name,
                    line=raw_rows[index][0],
                )
                for c in missing
            )
        return Table(name, kind, encoding, columns, tuple(raw_rows[index + 1 :]))
    if not raw_rows:
        raise _refuse(name, "the sheet has no rows", "a sheet of actions exported by the tracker")
    raise _refuse(
        name,
        "no header row found (a row naming the columns, starting with Ref)",
        f"the exported columns, with at least {expected}",
    )


# ---------------------------------------------------------------- writing


def write_csv(
    path: Path, rows: Sequence[Mapping[str, object]], *, encoding: str = "utf-8-sig"
) -> None:
    """Written beside `path` and renamed into place: a failure leaves an earlier file whole.
    utf-8-sig (the default): the BOM makes Excel read the file as UTF-8 rather than the local
    code page. Text the encoding cannot hold (Windows-1252 and "Siân" is fine, "Łucja" is not)
    is refused, naming the row, before anything is written."""
    for number, r in enumerate(rows, start=2):
        for c in COLUMNS:
            value = r.get(c.key)
            if isinstance(value, str):
                try:
                    value.encode(encoding)
                except UnicodeEncodeError as exc:
                    raise InvalidInput(Problem(
                        field="encoding", file=str(path), line=number,
                        message=f"{c.header} of {r.get('ref')} has {value[exc.start]!r}, which "
                                f"{encoding} cannot hold", allowed="utf-8-bom, utf-8, utf-16",
                    )) from None  # fmt: skip

    def write(fh: BinaryIO) -> None:
        out = io.TextIOWrapper(fh, encoding=encoding, newline="")
        try:
            writer = csv.writer(out)
            writer.writerow([c.header for c in COLUMNS])
            for r in rows:
                writer.writerow([_csv_value(r.get(c.key)) for c in COLUMNS])
            out.flush()
        finally:
            out.detach()  # the file is closed by write_with, not the wrapper

    write_with(path, write)


def _csv_value(value: object) -> object:
    """Stored text as a CSV cell: control characters visible, formula-like text inert."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return inert(visible(value))
    return value


# Excel writes a character an .xlsx cannot hold as _xHHHH_ (a form feed as _x000C_), and text
# that merely looks like that with its underscore escaped (_x005F_x0041_); read it the same way
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _xlsx_text(value: object) -> object:
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value
