"""Writing an owner's sheet as an .xlsx workbook that looks and prints like a council's own:
text wraps in columns sized to their content; RAG and status cells are coloured by conditional
formatting (so the colour follows an edit); the sheet is protected without a password (a guard,
not a lock) so that only the fill-in columns can be edited; it prints landscape, one page wide,
the header row on every page, the board and period in the page header. A "How to fill in" sheet
says what to do and what happens when the sheet comes back.

`write_xlsx(path, rows, *, title, board=None, period=None)` is the one writer: the register's
export and the per-owner returns both use it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from tracker.cells import looks_like_formula
from tracker.errors import InvalidInput, Problem
from tracker.files import why, write_with
from tracker.services.sheets.columns import COLUMNS, RAG_CHOICES, Column
from tracker.text import visible
from tracker.vocabulary import STATUSES

if TYPE_CHECKING:  # openpyxl is imported only when a workbook is written
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE = "Actions"
ABOUT_TITLE = "Return"  # a return sheet's own facts (board, meeting, who returns it), as rows
NOTES_TITLE = "How to fill in"
_ESCAPE_LOOKALIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
# the widest a column grows to fit its text (characters); longer text wraps within it
_WIDEST = {"title": 42, "board": 22, "owner": 22, "commentary": 40, "new_commentary": 44}
_LEAST = {"due": 10, "status": 11, "new_status": 11, "rag": 7, "new_rag": 7}  # a typed value
_WRAP = frozenset(("title", "board", "owner", "commentary", "new_commentary"))
# the colours of the printable papers (paper.css): fill, text
RAG_FILLS = {"green": ("1F7A3A", "FFFFFF"), "amber": ("F0A202", "1B1B1B"),
             "red": ("C0262D", "FFFFFF")}  # fmt: skip
STATUS_FILLS = {"complete": ("1D5FBF", "FFFFFF"), "cancelled": ("E4E4E4", "444444")}
_RAG_LETTERS = {"green": "g", "amber": "a", "red": "r"}
INPUT_FILL = "FFF8DC"  # the fill-in cells: a pale cream, as a form's boxes
_SAMPLE = 2000  # rows looked at to size the columns


def _xlsx_cell(ws: Worksheet, value: object) -> object:
    """Stored text as an .xlsx cell: always a string, never a formula (Excel's quote prefix
    keeps it text when edited too); control characters, which an .xlsx cannot hold, shown
    as their visible pictures (a form feed as ␌), as `tracker.text.visible` does on screen."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell  # imported already: a dictionary look-up

    cell = WriteOnlyCell(ws, _ESCAPE_LOOKALIKE.sub("_x005F_", visible(value)))
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def column_widths(rows: Sequence[Mapping[str, object]]) -> dict[str, float]:
    """Each column's width (characters) from its content: wide enough for the longest value of a
    short column, and for a long text column up to its widest, where the text wraps."""
    widths: dict[str, float] = {}
    for column in COLUMNS:
        longest_word = max(len(w) for w in column.header.split())
        needed = 0
        for r in rows[:_SAMPLE]:
            value = r.get(column.key)
            if value is None:
                continue
            text = value.isoformat() if hasattr(value, "isoformat") else str(value)
            needed = max(needed, max((len(line) for line in text.splitlines()), default=0))
        if column.fill_in:  # room to type in
            needed = max(needed, {"new_commentary": 44, "new_status": 12}.get(column.key, 9))
        widest = _WIDEST.get(column.key, 16)
        least = max(longest_word, _LEAST.get(column.key, 0))
        widths[column.key] = float(min(max(needed, least) + 2, widest))
    return widths


def write_xlsx(
    path: Path, rows: Sequence[Mapping[str, object]], *, title: str, board: str | None = None,
    period: str | None = None, about: Sequence[tuple[str, str]] = (),
    each: Callable[[int], None] | None = None,
) -> None:  # fmt: skip
    """The owner's sheet, written beside `path` and renamed into place. `each`: told the count
    of rows laid out, every 500 (a progress bar). `board` and `period`
    go in the printed page header (left and right); `title` heads the "How to fill in" sheet
    and the page header's centre. `about`: (label, value) rows for a return sheet's own facts,
    on a sheet of their own after the notes (tracker.services.returns reads them)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = openpyxl.Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook starts with one worksheet, active
    ws.title = SHEET_TITLE
    ws.append([c.header for c in COLUMNS])
    for n, r in enumerate(rows, 1):
        ws.append([_xlsx_cell(ws, r.get(c.key)) for c in COLUMNS])
        if each is not None and n % 500 == 0:
            each(n)
    last = len(rows) + 1
    end = max(last, 2)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    header_font = Font(bold=True, color="FFFFFF")
    header_align = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    unlocked = Protection(locked=False)
    cream = PatternFill("solid", fgColor=INPUT_FILL)
    widths = column_widths(rows)
    for index, column in enumerate(COLUMNS, start=1):
        letter = letters[column.key]
        cell = ws.cell(row=1, column=index)
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor="2F5597" if column.fill_in else "595959")
        cell.alignment = header_align
        dim = ws.column_dimensions[letter]
        dim.width = widths[column.key]
        if column.key == "version":
            dim.hidden = True  # the owner must not change it; the import compares it
        _style_column(ws, column, index, last, wrap if column.key in _WRAP else top,
                      unlocked if column.fill_in else None, cream if column.fill_in else None)  # fmt: skip
    ws.row_dimensions[1].height = 30
    _row_heights(ws, rows, widths)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    _colours(ws, letters, end)
    if rows:
        _validation(ws, letters, end)
    _print_setup(ws, title, board, period)
    _protect(ws)
    _notes(wb, title)
    if about:
        _about(wb, about)
    _save(wb, path)


def _about(wb: Workbook, about: Sequence[tuple[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font

    facts = wb.create_sheet(ABOUT_TITLE)
    facts.column_dimensions["A"].width = 16
    facts.column_dimensions["B"].width = 50  # with A, one printed A4 page wide
    for label, value in about:
        facts.append([label, _xlsx_cell(facts, value)])
        facts.cell(row=facts.max_row, column=1).font = Font(bold=True)
        facts.cell(row=facts.max_row, column=2).alignment = Alignment(wrap_text=True)


def _row_heights(
    ws: Worksheet, rows: Sequence[Mapping[str, object]], widths: Mapping[str, float]
) -> None:
    """Each row tall enough for its wrapped text (neither Excel nor LibreOffice sizes a row
    on opening a file that does not say): lines of the longest wrapped cell, at 15 points."""
    wrapped = [(key, max(widths[key] - 1, 1.0)) for key in _WRAP]
    for number, r in enumerate(rows, start=2):
        lines = 1
        for key, width in wrapped:
            value = r.get(key)
            if isinstance(value, str) and len(value) > width:
                count = sum(-(-max(len(part), 1) * 1.1 // width) for part in value.split("\n"))
                lines = max(lines, int(count))
        if lines > 1:
            ws.row_dimensions[number].height = min(15 * lines, 400)


def _style_column(
    ws: Worksheet, column: Column, index: int, last: int, align: Alignment,
    protection: Protection | None, fill: PatternFill | None,
) -> None:  # fmt: skip
    """The column's cells styled alike: the first is styled through openpyxl, the rest take a
    copy of its style indexes (styling 150,000 cells one by one hashes every style each time:
    most of the time of a 10,000-row sheet)."""
    if last < 2:
        return
    first = ws.cell(row=2, column=index)
    first.alignment = align
    if column.key == "due":
        first.number_format = "yyyy-mm-dd"
    if protection is not None:
        first.protection = protection
    if fill is not None:
        first.fill = fill
    # `_style` (the cell's style indexes) is openpyxl's own attribute, missing from its stubs
    styled: Any = first
    template = styled._style
    cells: dict[tuple[int, int], Any] = ws._cells  # every row was appended: each cell is there
    for row in range(3, last + 1):
        cells[(row, index)]._style = copy(template)


def _colours(ws: Worksheet, letters: Mapping[str, str], end: int) -> None:
    """RAG and status cells coloured by rules, not by fixed fills: the colour follows an edit
    (a partner typing "Red" or "R" into New RAG sees it turn red)."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle

    def rule(letter: str, words: tuple[str, ...], fill: str, ink: str) -> None:
        cell = f"LOWER(TRIM({letter}2))"
        test = " , ".join(f'{cell}="{w}"' for w in words)
        formula = f"OR({test.replace(' , ', ',')})" if len(words) > 1 else f'{cell}="{words[0]}"'
        ws.conditional_formatting.add(
            f"{letter}2:{letter}{end}",
            Rule(type="expression", formula=[formula], stopIfTrue=True,
                 dxf=DifferentialStyle(fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                                       font=Font(color=ink, bold=True))),
        )  # fmt: skip

    for key in ("rag", "new_rag"):
        for rag, (fill, ink) in RAG_FILLS.items():
            rule(letters[key], (rag, _RAG_LETTERS[rag]), fill, ink)
    for key in ("status", "new_status"):
        for status, (fill, ink) in STATUS_FILLS.items():
            rule(letters[key], (status,), fill, ink)


def _validation(ws: Worksheet, letters: Mapping[str, str], end: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    for key, choices in (("new_status", STATUSES), ("new_rag", RAG_CHOICES)):
        dv = DataValidation(
            type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
            showErrorMessage=True, errorTitle="Not allowed",
            error="Choose one of: " + ", ".join(choices),
        )  # fmt: skip
        dv.add(f"{letters[key]}2:{letters[key]}{end}")
        ws.add_data_validation(dv)
    dv = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
        showErrorMessage=True, errorTitle="Not allowed", error="A percentage, 0 to 100",
    )  # fmt: skip
    letter = letters["new_progress"]
    dv.add(f"{letter}2:{letter}{end}")
    ws.add_data_validation(dv)


def _header_text(text: str) -> str:
    """Text for a printed header: '&' starts a code there, so it is doubled."""
    return visible(text).replace("&", "&&")


def _print_setup(ws: Worksheet, title: str, board: str | None, period: str | None) -> None:
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    _fit_to_page(ws)
    ws.print_title_rows = "1:1"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3,
                                  footer=0.3)  # fmt: skip
    ws.print_options.gridLines = True
    for header in (ws.oddHeader, ws.evenHeader):
        if header is None:
            continue
        header.left.text = _header_text(board or "All boards")
        header.left.size = 10
        header.center.text = _header_text(title)
        header.center.size = 10
        header.right.text = _header_text(period or "")
        header.right.size = 10
    for footer in (ws.oddFooter, ws.evenFooter):
        if footer is None:
            continue
        footer.center.text = "Page &P of &N"
        footer.center.size = 9


def _protect(ws: Worksheet) -> None:
    """Protected with no password: the read-only columns cannot be typed over by accident, and
    anyone who needs to can lift it (Review > Unprotect Sheet). Filtering, resizing and sorting
    the view stay allowed."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False  # False: allowed
    p.formatRows = False
    p.autoFilter = False
    p.sort = False


def notes_lines(title: str) -> tuple[tuple[str, str], ...]:
    """The "How to fill in" sheet: (text, kind) lines, kind "title", "heading" or ""."""
    return (
        (title, "title"),
        ("", ""),
        ("Filling it in", "heading"),
        ("Fill in the cream (blue-headed) columns for each action you report on; leave a row "
         "blank to report nothing.", ""),
        ("New status: " + ", ".join(STATUSES) + ".", ""),
        ("New RAG: green (on track), amber (at risk), red (off track), or none (not assessed). "
         "G, A and R are read too.", ""),
        ("New % complete: 0 to 100. A complete action is 100%.", ""),
        ("Commentary is required when the RAG is amber or red, when the action is past its due "
         "date, and when cancelling.", ""),
        ("Type values, not formulas: a formula in these columns is refused, naming its cell.", ""),
        ("The other columns are protected (no password: Review > Unprotect Sheet lifts it). They "
         "show what the tracker holds; the hidden Version column tells it what you saw.", ""),
        ("", ""),
        ("When you send it back", "heading"),
        ("Return the sheet to the programme manager, who imports it into the tracker.", ""),
        ("Each row you filled in becomes a status update on that action, recorded under your "
         "name and the date of the import; rows left blank change nothing.", ""),
        ("A row with a value the tracker cannot accept (an unknown status, 140%, no commentary "
         "on a red action) is listed back with its cell and what is allowed; nothing from the "
         "sheet is recorded until every row is right, unless the programme manager chooses to "
         "record the rest.", ""),
        ("If someone updated an action after this sheet was made, that row is held as a "
         "conflict and shown side by side, so that neither update is lost.", ""),
        ("A change to a protected column (a Due date, a title, the current RAG) is not "
         "recorded: the import lists it, e.g. \"Due changed from 2026-03-31 to 2026-04-30: not "
         "recorded; ask the programme manager\", who changes the plan itself if agreed.", ""),
    )  # fmt: skip


def _notes(wb: Workbook, title: str) -> None:
    from openpyxl.styles import Alignment, Font

    notes = wb.create_sheet(NOTES_TITLE)
    notes.column_dimensions["A"].width = 110
    for text, kind in notes_lines(title):
        notes.append([text])
        cell = notes.cell(row=notes.max_row, column=1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if kind == "title":
            cell.font = Font(bold=True, size=13)
        elif kind == "heading":
            cell.font = Font(bold=True, size=11, color="1D4F91")
    notes.page_setup.orientation = "portrait"
    notes.page_setup.paperSize = notes.PAPERSIZE_A4
    notes.page_setup.fitToWidth = 1
    notes.page_setup.fitToHeight = 0
    _fit_to_page(notes)


def _fit_to_page(ws: Worksheet) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def _save(wb: Workbook, path: Path) -> None:
    # saved in memory first: openpyxl leaves its zip open on an interruption (a kill), which
    # would then complain about the temporary file write_with has closed and removed
    buffer = io.BytesIO()
    try:
        wb.save(buffer)  # openpyxl writes each worksheet to a temporary file first
    except Exception as exc:  # noqa: BLE001 - an OSError, or lxml's SerialisationError for one
        if not isinstance(exc, OSError) and type(exc).__name__ != "SerialisationError":
            raise
        reason = why(exc) if isinstance(exc, OSError) else _lxml_reason(exc)
        raise InvalidInput(
            Problem(
                "file",
                f"cannot write: {reason}; the previous file (if any) is unchanged",
                file=str(path),
            )
        ) from None

    def save(fh: BinaryIO) -> None:
        fh.write(buffer.getbuffer())

    write_with(path, save)


def _lxml_reason(exc: Exception) -> str:
    """lxml reports a failed write by its libxml2 code: IO_EFBIG, IO_ENOSPC."""
    text = str(exc)
    for code, reason in (("EFBIG", "File too large"), ("ENOSPC", "No space left on device")):
        if code in text:
            return reason
    return text
