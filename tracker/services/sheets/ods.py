"""OpenDocument spreadsheets (.ods, LibreOffice's own format) in and out, through odfpy.

Reading yields the same rows as an .xlsx (typed values: numbers, dates, percentages flagged,
formulas named by their cell), so an .ods return goes through exactly the same checks. Writing
makes the owner's sheet as the .xlsx writer does: the same columns, wrapped text, the fill-in
columns editable and the rest protected (no password), the Version column hidden, and a
"How to fill in" sheet.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from tracker.config import SheetLimits
from tracker.files import write_with
from tracker.services.sheets.columns import COLUMNS, NO_PERCENT, FormulaCell, Row, is_blank
from tracker.services.sheets.workbook import (
    INPUT_FILL,
    NOTES_TITLE,
    SHEET_TITLE,
    column_widths,
    notes_lines,
)
from tracker.text import visible

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MAX_BLANK_RUN = 1000
Check = Callable[[str | None, int, Sequence[object]], None]


def is_ods(path: Path) -> bool:
    """An OpenDocument spreadsheet: a zip whose first entry, `mimetype`, says so."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return z.read("mimetype").strip() == ODS_MIMETYPE
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_value(cell: Any, sheet: str, at: int, number: int) -> tuple[object, bool]:
    """(value, formatted as a percentage) of a table:table-cell."""
    from odf import teletype
    from odf.text import P

    if cell.getAttribute("formula"):
        return FormulaCell(sheet, f"{_column_letter(at + 1)}{number}"), False
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "currency", "percentage"):
        return float(cell.getAttribute("value")), kind == "percentage"
    if kind == "date":
        raw = str(cell.getAttribute("datevalue"))
        try:
            return dt.date.fromisoformat(raw[:10]), False
        except ValueError:
            return raw, False
    if kind == "boolean":
        return cell.getAttribute("booleanvalue") == "true", False
    paragraphs = cell.getElementsByType(P)
    if not paragraphs:
        return None, False
    return "\n".join(teletype.extractText(p) for p in paragraphs), False


def read_ods_rows(path: Path, limits: SheetLimits, check: Check) -> list[Row]:
    """The rows of the sheet named Actions (else the first), numbered as LibreOffice shows
    them. `check` refuses a row past the limits. Raises ValueError for an unreadable file."""
    from odf.opendocument import load
    from odf.table import Table

    try:
        doc = load(str(path))
    except Exception as exc:  # noqa: BLE001 - zip, XML and odfpy errors alike mean "unreadable"
        raise ValueError(f"{exc.__class__.__name__}: {exc}") from None
    tables = doc.spreadsheet.getElementsByType(Table)
    if not tables:
        return []
    ws = next((t for t in tables if t.getAttribute("name") == SHEET_TITLE), tables[0])
    title = str(ws.getAttribute("name"))
    rows: list[Row] = []
    number = 0
    blank_run = 0
    for row in _rows(ws):
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        values: list[object] = []
        percent: set[int] = set()
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            span = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            if len(values) > limits.max_columns:
                break
            at = len(values)
            value, pct = _cell_value(cell, title, at, number + 1)
            span = min(span, limits.max_columns + 1)
            values.extend([value] * span)
            if pct:
                percent.update(range(at, at + span))
        if all(is_blank(v) for v in values):
            number += repeat
            blank_run += repeat
            if blank_run > MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        while values and is_blank(values[-1]):
            values.pop()
        for _ in range(min(repeat, limits.max_rows + 1)):
            number += 1
            check(title, number, values)
            rows.append((number, tuple(values), frozenset(percent) or NO_PERCENT))
    return rows


def _rows(table: Any) -> list[Any]:
    """The table's rows, inside header-row and row groups too."""
    found = []
    for child in table.childNodes:
        name = child.qname[1]
        if name == "table-row":
            found.append(child)
        elif name in ("table-header-rows", "table-rows", "table-row-group"):
            found.extend(_rows(child))
    return found


# ---------------------------------------------------------------- writing


def _styles(doc: Any, widths: Mapping[str, float]) -> dict[str, Any]:
    from odf.style import (
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TextProperties,
    )

    def cell_style(name: str, datastylename: str | None = None, **props: str) -> Any:
        style = Style(name=name, family="table-cell")
        if datastylename:
            style.setAttribute("datastylename", datastylename)
        style.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top", **props))
        doc.automaticstyles.addElement(style)
        return style

    from odf.number import DateStyle, Day, Month, Text, Year

    styles: dict[str, Any] = {}
    for colour, name in (("#2F5597", "head-in"), ("#595959", "head")):
        style = Style(name=name, family="table-cell")
        style.addElement(TableCellProperties(backgroundcolor=colour, wrapoption="wrap",
                                             verticalalign="middle"))  # fmt: skip
        style.addElement(TextProperties(fontweight="bold", color="#FFFFFF"))
        doc.automaticstyles.addElement(style)
        styles[name] = style
    styles["text"] = cell_style("text")
    iso = DateStyle(name="iso-date")  # 2026-03-31, as the .xlsx shows it
    for part in (Year(style="long"), Text(text="-"), Month(style="long"), Text(text="-"),
                 Day(style="long")):  # fmt: skip
        iso.addElement(part)
    doc.automaticstyles.addElement(iso)
    styles["date"] = cell_style("date", datastylename="iso-date")
    styles["input"] = cell_style("input", cellprotect="none", backgroundcolor=f"#{INPUT_FILL}")
    bold = Style(name="bold", family="paragraph")
    bold.addElement(ParagraphProperties())
    bold.addElement(TextProperties(fontweight="bold", fontsize="13pt"))
    doc.automaticstyles.addElement(bold)
    styles["title"] = bold
    for column in COLUMNS:
        style = Style(name=f"col-{column.key}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{widths[column.key] * 0.21:.2f}cm"))
        doc.automaticstyles.addElement(style)
        styles[f"col-{column.key}"] = style
    table = Style(name="actions", family="table", masterpagename="Landscape")
    table.addElement(TableProperties(display="true"))
    doc.automaticstyles.addElement(table)
    styles["table"] = table
    wide = Style(name="col-notes", family="table-column")
    wide.addElement(TableColumnProperties(columnwidth="24cm"))
    doc.automaticstyles.addElement(wide)
    styles["col-notes"] = wide
    return styles


def _page(doc: Any, board: str | None, title: str, period: str | None) -> None:
    """A4 landscape, scaled to one page wide, the board, title and period in the header and
    "Page N of M" in the footer."""
    from odf.namespaces import LOEXTNS
    from odf.style import (
        Footer,
        Header,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        RegionCenter,
        RegionLeft,
        RegionRight,
    )
    from odf.text import P, PageCount, PageNumber

    layout = PageLayout(name="landscape")
    layout.addElement(PageLayoutProperties(
        printorientation="landscape", pagewidth="29.7cm", pageheight="21cm", margintop="1.2cm",
        marginbottom="1.2cm", marginleft="1cm", marginright="1cm",
        qattributes={(LOEXTNS, "scale-to-X"): "1", (LOEXTNS, "scale-to-Y"): "0"},
    ))  # fmt: skip
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Landscape", pagelayoutname=layout)
    header = Header()
    for region, text in ((RegionLeft(), board or "All boards"), (RegionCenter(), title),
                         (RegionRight(), period or "")):  # fmt: skip
        region.addElement(P(text=visible(text)))
        header.addElement(region)
    master.addElement(header)
    footer = Footer()
    line = P(text="Page ")
    line.addElement(PageNumber(selectpage="current"))
    line.addText(" of ")
    line.addElement(PageCount())
    footer.addElement(line)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _cell(value: object, style: Any) -> Any:
    from odf.table import TableCell
    from odf.text import P

    if value is None:
        return TableCell(stylename=style)
    if isinstance(value, bool):
        return TableCell(stylename=style, valuetype="boolean",
                         booleanvalue=str(value).lower())  # fmt: skip
    if isinstance(value, int | float):
        cell = TableCell(stylename=style, valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
        return cell
    if isinstance(value, dt.date):
        cell = TableCell(stylename=style, valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.isoformat()))
        return cell
    cell = TableCell(stylename=style, valuetype="string")
    for line in visible(str(value)).split("\n"):  # control characters shown, never stored raw
        cell.addElement(P(text=line))
    return cell


def write_ods(
    path: Path, rows: Sequence[Mapping[str, object]], *, title: str, board: str | None = None,
    period: str | None = None, each: Callable[[int], None] | None = None,
) -> None:  # fmt: skip
    """The owner's sheet as an .ods, written beside `path` and renamed into place. `each`:
    told the count of rows laid out, every 500 (a progress bar)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    styles = _styles(doc, column_widths(rows))
    _page(doc, board, title, period)
    ws = Table(name=SHEET_TITLE, protected="true", stylename=styles["table"])  # no password
    for column in COLUMNS:
        ws.addElement(TableColumn(stylename=styles[f"col-{column.key}"],
                                  visibility="collapse" if column.key == "version" else "visible"))  # fmt: skip
    head = TableRow()
    for column in COLUMNS:
        head.addElement(_cell(column.header, styles["head-in" if column.fill_in else "head"]))
    repeated = TableHeaderRows()  # printed at the top of every page
    repeated.addElement(head)
    ws.addElement(repeated)
    for n, r in enumerate(rows, 1):
        row = TableRow()
        for column in COLUMNS:
            kind = "input" if column.fill_in else ("date" if column.key == "due" else "text")
            row.addElement(_cell(r.get(column.key), styles[kind]))
        ws.addElement(row)
        if each is not None and n % 500 == 0:
            each(n)
    doc.spreadsheet.addElement(ws)
    notes = Table(name=NOTES_TITLE)
    notes.addElement(TableColumn(stylename=styles["col-notes"]))
    heading = f"{title}: {board or 'All boards'}" + (f", {period}" if period else "")
    for text, kind in notes_lines(heading):
        row = TableRow()
        cell = _cell(text or None, styles["text"])
        if kind:
            cell = _cell(None, styles["text"])
            cell.addElement(P(text=text, stylename=styles["title"]))
        row.addElement(cell)
        notes.addElement(row)
    doc.spreadsheet.addElement(notes)
    buffer = io.BytesIO()
    doc.write(buffer)

    def save(fh: BinaryIO) -> None:
        fh.write(buffer.getbuffer())

    write_with(path, save)
