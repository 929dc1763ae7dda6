"""Writing the register as a sheet for owners to fill in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.config import SheetLimits
from tracker.errors import invalid
from tracker.models import Action, Board
from tracker.plans.document import Report, quiet
from tracker.services.actions.register import (
    ActionFilter,
    check_filter,
    check_filter_names,
    register_rows,
)
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import hidden_actions
from tracker.services.sheets.files import XLSX_SUFFIXES, write_csv
from tracker.services.sheets.ods import write_ods
from tracker.services.sheets.store import CHUNK
from tracker.services.sheets.workbook import write_xlsx
from tracker.vocabulary import counted, exempt_label

# the CSV encodings offered, by the name a user gives, and Python's name for each
CSV_ENCODINGS = {"utf-8-bom": "utf-8-sig", "utf-8": "utf-8", "windows-1252": "cp1252",
                 "utf-16": "utf-16"}  # fmt: skip


@dataclass(frozen=True)
class ExportResult:
    file: str
    kind: str  # xlsx | ods | csv
    rows: int


def export_sheet(
    t: Tracker,
    path: str | Path,
    f: ActionFilter | None = None,
    *,
    encoding: str = "utf-8-bom",
    progress: Report = quiet,
) -> ExportResult:
    """Write the actions matching `f` (the register's filters) to FILE.xlsx, FILE.ods or
    FILE.csv, with blank columns for the owner and each row's version (hidden in a workbook,
    last in CSV). `encoding` is the CSV's (CSV_ENCODINGS): by default UTF-8 with a byte-order
    mark, which Excel needs to read "Siân" rather than "SiÃ¢n". `progress`: told each phase."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (*XLSX_SUFFIXES, ".ods", ".csv"):
        raise invalid("file", f"cannot write a {suffix or 'suffix-less'} file",
                      ".xlsx, .ods, .csv")  # fmt: skip
    if encoding not in CSV_ENCODINGS:
        raise invalid("encoding", f"unknown encoding {encoding!r}", ", ".join(CSV_ENCODINGS))
    if not path.parent.exists():
        raise invalid("file", f"no folder {path.parent}", "an existing folder")
    f = f or ActionFilter()
    check_filter(f)
    progress("reading the actions", 0, None)
    with t.db.reading() as s:  # the rows and their commentary from one snapshot
        rows = sheet_rows_in(s, f, t.today(), t)
        board_name = s.scalar(select(Board.name).where(
            or_(Board.code == f.board, Board.name == f.board))) if f.board else None  # fmt: skip
    title = f"Status return: {counted(len(rows), 'actions')}, exported {t.today().isoformat()}"
    today = t.today()
    board, period = _board_heading(f, board_name), f"Position as at {today.day} {today:%B %Y}"
    phase = f"writing {path.name}"
    progress(phase, 0, len(rows))

    def laid_out(n: int) -> None:
        progress(phase, n, len(rows))

    if suffix == ".csv":
        write_csv(path, rows, encoding=CSV_ENCODINGS[encoding])
        kind = "csv"
    elif suffix == ".ods":
        write_ods(path, rows, title=title, board=board, period=period, each=laid_out)
        kind = "ods"
    else:
        write_xlsx(path, rows, title=title, board=board, period=period, each=laid_out)
        kind = "xlsx"
    progress(f"writing {path.name}", len(rows), len(rows))
    return ExportResult(file=str(path), kind=kind, rows=len(rows))


def sheet_rows_in(
    s: Session, f: ActionFilter, today: dt.date, t: Tracker
) -> list[dict[str, object]]:
    """The sheet's rows for the actions matching `f`: the register's row and the latest
    commentary of each, column key -> value. An exempt action the acting account may not read
    in full (tracker.services.reading) keeps its row, its title withheld ("exempt item
    (paragraph N)") and its commentary left out: both are read-only on the sheet, so the sheet
    coming back changes neither."""
    commentary: dict[str, str | None] = {}
    reader = SessionReader(s)
    found = register_rows(reader, f, today)
    if not found:
        check_filter_names(reader, f)  # an unknown board or owner is not "0 actions"
    refs = [r.ref for r in found]
    hidden = hidden_actions(t, reader, tuple(refs) if len(refs) <= 200 else None) if refs else {}
    for i in range(0, len(refs), CHUNK):
        chunk = refs[i : i + CHUNK]
        query = select(Action.ref, Action.latest_commentary).where(Action.ref.in_(chunk))
        for ref, text in s.execute(query):
            commentary[ref] = text
    return [
        {
            "ref": r.ref,
            "title": exempt_label(hidden[r.ref]) if r.ref in hidden else _within_a_cell(r.title),
            "phase": r.phase,
            "board": r.board_name,
            "owner": r.owner,
            "due": r.due_or_implied,  # without a date of its own: its phase's end (as shown)
            "status": r.status,
            "rag": r.rag,
            "progress": r.progress,
            "commentary": None if r.ref in hidden else _within_a_cell(commentary.get(r.ref)),
            "version": r.version,
        }
        for r in found
    ]


def _board_heading(f: ActionFilter, board_name: str | None) -> str:
    """Who the sheet is for, for its printed page header."""
    if f.board:
        return (board_name or f.board) + (f": {f.owner}" if f.owner else "")
    return f"All boards: {f.owner}" if f.owner else "All boards"


_CELL = SheetLimits().max_cell_characters  # Excel's own limit: a longer cell is cut or refused


def _within_a_cell(text: str | None) -> str | None:
    """A read-only context cell (title, latest commentary) within Excel's limit, so the sheet
    opens in Excel and imports again; the full text stays in the tracker."""
    if text is None or len(text) <= _CELL:
        return text
    note = f" [... cut: {len(text):,} characters in the tracker]"
    return text[: _CELL - len(note) - 1] + note  # 1: room for the apostrophe of a CSV cell
