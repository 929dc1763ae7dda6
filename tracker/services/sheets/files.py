"""Reading and writing the sheet: XLSX through openpyxl (imported only when a sheet is touched),
CSV through the standard library. A file that is not a spreadsheet is refused with a reason."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import InvalidInput, Problem
from tracker.services.sheets.columns import COLUMNS, RAG_CHOICES, header_key, is_blank
from tracker.vocabulary import STATUSES

XLSX_SUFFIXES = (".xlsx", ".xlsm")
SHEET_TITLE = "Actions"
HEADER_SEARCH_ROWS = 20  # the header may sit under a title row someone added
MAX_BLANK_RUN = 1000  # Excel can leave a million formatted, empty rows: stop well before
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


Row = tuple[int, tuple[object, ...], frozenset[int]]
"""(row number as the spreadsheet shows it, cell values, indexes of cells formatted as a
percentage: Excel keeps 40% as 0.4 and says so only in the cell's number format)."""
NO_PERCENT: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Table:
    file: str
    kind: str  # xlsx | csv
    encoding: str | None  # for CSV: the encoding it was decoded with
    columns: dict[str, int]  # column key -> 0-based index
    rows: tuple[Row, ...]  # the rows under the header, blank ones left out


def _refuse(file: str, message: str, allowed: str | None = None) -> InvalidInput:
    return InvalidInput(Problem(field="", message=message, allowed=allowed, file=file))


def sheet_kind(path: Path) -> str:
    return "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"


# ---------------------------------------------------------------- reading


def read_table(path: str | Path) -> Table:
    """The sheet's header and non-empty rows. Refuses (InvalidInput) a missing, empty or
    unreadable file, one that is not a spreadsheet, and one without the required columns."""
    path = Path(path)
    name = str(path)
    try:
        head = path.open("rb").read(8)
    except FileNotFoundError:
        raise _refuse(name, "no such file") from None
    except IsADirectoryError:
        raise _refuse(name, "is a folder, not a spreadsheet") from None
    if not head:
        raise _refuse(name, "the file is empty", "an .xlsx workbook or a CSV file")
    if head.startswith(_OLE):
        raise _refuse(name, "an old-style .xls workbook: save it as .xlsx (or CSV) and import that")
    if head.startswith(_ZIP):
        raw_rows, encoding, kind = _xlsx_rows(path, name), None, "xlsx"
    elif path.suffix.lower() in XLSX_SUFFIXES:
        raise _refuse(name, "not an Excel workbook (an .xlsx file is a zip archive; this is not)")
    else:
        raw_rows, encoding = _csv_rows(path, name)
        kind = "csv"
    return _table(name, kind, encoding, raw_rows)


def _xlsx_rows(path: Path, name: str) -> list[Row]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
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
            values = tuple(cell.value for cell in cells)
            if all(is_blank(v) for v in values):
                blank_run += 1
                if blank_run > MAX_BLANK_RUN:
                    break
                continue
            blank_run = 0
            # only a number from 0 to 1 can be a percentage in disguise: look at its format
            percent = frozenset(
                i
                for i, v in enumerate(values)
                if type(v) in (int, float)
                and 0 < v <= 1  # noqa: E721 - bool is no number here
                and "%" in (getattr(cells[i], "number_format", None) or "")
            )
            rows.append((number, values, percent or NO_PERCENT))
        return rows
    finally:
        wb.close()


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]  # Excel's "Unicode Text"
    else:
        if b"\x00" in data:
            raise _refuse(
                name, "not a spreadsheet (binary data)", "an .xlsx workbook or a CSV file"
            )
        encodings = ["utf-8", "cp1252"]  # cp1252: Excel's CSV on Windows
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _refuse(
        name,
        "cannot read the text: it is neither UTF-8 nor Windows-1252",
        "in Excel, Save As 'CSV UTF-8 (Comma delimited)'",
    )


def _csv_rows(path: Path, name: str) -> tuple[list[Row], str]:
    text, encoding = _decode(path.read_bytes(), name)
    first = text.split("\n", 1)[0]
    try:
        dialect: Any = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[Row] = []
    try:
        # numbered as a spreadsheet shows them: record 1 is the header
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), 1):
            if cells and not all(is_blank(v) for v in cells):
                rows.append((number, tuple(cells), NO_PERCENT))
    except csv.Error as exc:
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


def write_csv(path: Path, rows: Sequence[dict[str, object]]) -> None:
    # utf-8-sig: the BOM makes Excel read the file as UTF-8 rather than the local code page
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.header for c in COLUMNS])
        for r in rows:
            writer.writerow(["" if r.get(c.key) is None else _csv_value(r[c.key]) for c in COLUMNS])


def _csv_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def write_xlsx(path: Path, rows: Sequence[dict[str, object]], *, title: str) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append([c.header for c in COLUMNS])
    for r in rows:
        ws.append([r.get(c.key) for c in COLUMNS])
    last = len(rows) + 1
    header_font = Font(bold=True, color="FFFFFF")
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor="2F5597" if column.fill_in else "595959")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        dim = ws.column_dimensions[letter]
        dim.width = column.width
        if column.key == "version":
            dim.hidden = True  # the owner must not change it; the import compares it
        if column.key == "due":
            for (due,) in ws.iter_rows(min_row=2, max_row=last, min_col=index, max_col=index):
                due.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"

    def col(key: str) -> str:
        return get_column_letter(next(i for i, c in enumerate(COLUMNS, 1) if c.key == key))

    if rows:
        end = max(last, 2)
        for key, choices in (("new_status", STATUSES), ("new_rag", RAG_CHOICES)):
            dv = DataValidation(
                type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                showErrorMessage=True, errorTitle="Not allowed",
                error="Choose one of: " + ", ".join(choices),
            )  # fmt: skip
            dv.add(f"{col(key)}2:{col(key)}{end}")
            ws.add_data_validation(dv)
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
            showErrorMessage=True, errorTitle="Not allowed", error="A percentage, 0 to 100",
        )  # fmt: skip
        dv.add(f"{col('new_progress')}2:{col('new_progress')}{end}")
        ws.add_data_validation(dv)

    notes = wb.create_sheet("How to fill in")
    notes.column_dimensions["A"].width = 100
    for line in (
        title,
        "",
        "Fill in the blue columns for each action you report on; leave a row blank to report nothing.",
        "New status: " + ", ".join(STATUSES) + ".",
        "New RAG: green (on track), amber (at risk), red (off track), or none (not assessed).",
        "New % complete: 0 to 100. A complete action is 100%.",
        "Commentary is required when the RAG is amber or red, when the action is past its due date,"
        " and when cancelling.",
        "Do not change the grey columns or the hidden Version column: they tell the tracker what"
        " you saw, so that changes made since are not overwritten.",
    ):
        notes.append([line])
    notes["A1"].font = Font(bold=True, size=13)
    wb.save(path)
