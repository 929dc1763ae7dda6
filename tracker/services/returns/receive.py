"""Return sheets coming back: several files (or a folder of them) recorded at once, each row as
a status update reported by the sheet's owner. A sheet for another board or an earlier meeting
is refused saying so; the same sheet imported again records nothing twice."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, invalid
from tracker.models import Board, ReturnImport
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.common import day, find_board
from tracker.services.returns import sheets as out
from tracker.services.returns.ledger import ledger_in
from tracker.services.returns.period import ReportingPeriod, period_in
from tracker.services.sheets import columns as c
from tracker.services.sheets.files import XLSX_SUFFIXES, Table, read_table
from tracker.services.sheets.importer import ImportResult, import_table_in
from tracker.services.sheets.workbook import ABOUT_TITLE

FILE_OUTCOMES = ("recorded", "nothing to record", "held back", "refused", "already imported")


@dataclass(frozen=True)
class ReturnedFile:
    file: str
    reporter: str | None
    outcome: str  # one of FILE_OUTCOMES ("would record" in a dry run is "recorded")
    reason: str = ""
    result: ImportResult | None = None  # the rows, when the sheet was read

    @property
    def recorded(self) -> int:
        return self.result.count("recorded") if self.result and self.result.stored else 0


@dataclass(frozen=True)
class ReturnsImported:
    period: ReportingPeriod
    files: tuple[ReturnedFile, ...]
    outstanding: int  # returns still owed afterwards (as they stand, in a dry run)
    dry_run: bool

    def count(self, outcome: str) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def recorded(self) -> int:
        return sum(f.recorded for f in self.files)


@dataclass(frozen=True)
class _Candidate:
    file: str
    about: dict[str, str]
    sha256: str
    table: Table


def import_returns(
    t: Tracker, board: str, paths: Sequence[str | Path], *, dry_run: bool = False,
    partial: bool = False,
) -> ReturnsImported:  # fmt: skip
    """Record the returned sheets for BOARD's next meeting in one transaction. Each sheet is
    all or nothing (unless `partial`); a refused sheet does not stop the others."""
    files = _expand(paths)
    refused: list[ReturnedFile] = []
    ready: list[_Candidate] = []
    for f in files:
        try:
            ready.append(_read(f, t))
        except InvalidInput as exc:
            refused.append(ReturnedFile(str(f), None, "refused", _words(exc)))
    done: dict[str, ReturnedFile] = {r.file: r for r in refused}
    with t.db.reading() if dry_run else t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "chase returns", board=b.code)
        period = period_in(s, b, t.today(), t.settings.returns_days_before)
        for cand in ready:
            done[cand.file] = _receive(s, t, b, period, cand, dry_run=dry_run, partial=partial)
        outstanding = ledger_in(s, b, period).outstanding
    ordered = tuple(done[str(f)] for f in files)
    return ReturnsImported(period, ordered, outstanding, dry_run)


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    """The files named, and the workbooks in each folder named (not Excel's ~$ lock files)."""
    if not paths:
        raise invalid("file", "no return sheet named", "one or more .xlsx files or folders")
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = sorted(
                x for x in p.iterdir()
                if x.suffix.lower() in XLSX_SUFFIXES and not x.name.startswith(("~$", "."))
            )  # fmt: skip
            if not inside:
                raise invalid("folder", f"no .xlsx workbook in {p}", "a folder of return sheets")
            found.extend(inside)
        else:
            found.append(p)
    unique: dict[str, Path] = {}
    for p in found:
        unique.setdefault(str(p.resolve()), p)
    return list(unique.values())


def _words(exc: InvalidInput) -> str:
    return "; ".join(
        (f"{p.field}: " if p.field else "") + p.message + (f" (allowed: {p.allowed})" if p.allowed else "")
        for p in exc.problems
    )  # fmt: skip


def _read(path: Path, t: Tracker) -> _Candidate:
    table = read_table(path, t.settings.sheets)  # refuses what is not a readable sheet
    if table.kind != "xlsx":
        raise invalid(
            "file", "a return sheet is the .xlsx workbook it was sent as, not a CSV file",
            "the returned .xlsx",
        )  # fmt: skip
    about = read_about(path)
    if about is None:
        raise invalid(
            "file",
            "not a return sheet (it has no Return sheet saying which board and meeting it is "
            "for): a sheet exported from the register is imported as a sheet, not as a return",
        )
    missing = [k for k in (out.BOARD, out.MEETING, out.RETURNED_BY, out.SHEET) if not about.get(k)]
    if missing:
        raise invalid("file", f"the Return sheet lacks {', '.join(missing)}: write a fresh one")
    return _Candidate(str(path), about, hashlib.sha256(path.read_bytes()).hexdigest(), table)


def read_about(path: Path) -> dict[str, str] | None:
    """The Return sheet's (label, value) rows, or None when the workbook has none."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if ABOUT_TITLE not in wb.sheetnames:
            return None
        facts: dict[str, str] = {}
        for row in wb[ABOUT_TITLE].iter_rows(max_col=2, values_only=True):
            if len(row) == 2 and row[0] is not None and row[1] is not None:
                facts[str(row[0]).strip()] = str(row[1]).strip()
        return facts
    finally:
        wb.close()


def _receive(
    s: Session, t: Tracker, board: Board, period: ReportingPeriod, cand: _Candidate, *,
    dry_run: bool, partial: bool,
) -> ReturnedFile:  # fmt: skip
    about = cand.about
    reporter = about[out.RETURNED_BY][: out.REPORTER_LENGTH]

    def refuse(reason: str) -> ReturnedFile:
        return ReturnedFile(cand.file, reporter, "refused", reason)

    if about[out.BOARD] != board.code:
        other = about.get(out.RETURN_TO) or about[out.BOARD]
        return refuse(f"this sheet is a return to {other}, not to {board.name}")
    meeting = about[out.MEETING]
    if meeting != period.meeting.isoformat():
        return refuse(
            f"this sheet is for {board.name}'s meeting of {_shown(meeting)}; its returns are "
            f"now for the meeting of {day(period.meeting)} ({period.describe()}): send a fresh "
            "return sheet for it"
        )
    before = s.execute(
        select(ReturnImport.imported_at, ReturnImport.imported_by, ReturnImport.recorded).where(
            ReturnImport.token == about[out.SHEET], ReturnImport.sha256 == cand.sha256
        )
    ).first()
    if before is not None:
        at, by, n = before
        return ReturnedFile(
            cand.file, reporter, "already imported",
            f"this same sheet was imported on {day(at)} by {by} ({n} recorded): nothing "
            "recorded again",
        )  # fmt: skip
    stray = _not_on_the_sheet(cand.table, set(about.get(out.ACTIONS, "").split()))
    if stray:
        return refuse(stray)
    result = import_table_in(
        s, cand.table, t.today(), t.now(), author=reporter, dry_run=dry_run, partial=partial
    )
    if result.stored:
        s.add(
            ReturnImport(
                token=about[out.SHEET],
                sha256=cand.sha256,
                board_id=board.id,
                meeting_date=period.meeting,
                reporter=reporter,
                file=Path(cand.file).name,
                recorded=result.count("recorded"),
                imported_by=t.user,
                imported_at=t.now(),
            )
        )
        return ReturnedFile(cand.file, reporter, "recorded", "", result)
    if dry_run and result.count("recorded") and (partial or not result.refused):
        return ReturnedFile(cand.file, reporter, "recorded", "dry run", result)
    if result.refused:
        return ReturnedFile(cand.file, reporter, "held back", "rows refused", result)
    return ReturnedFile(cand.file, reporter, "nothing to record", "", result)


def _shown(iso: str) -> str:
    try:
        return day(dt.date.fromisoformat(iso))
    except ValueError:
        return repr(iso)


def _not_on_the_sheet(table: Table, refs: set[str]) -> str | None:
    """A filled-in row about an action this return was not sent for: the reason, or None."""
    ref_at = table.columns.get("ref")
    fill = [table.columns[k] for k in c.FILL_IN if k in table.columns]
    if ref_at is None:
        return None
    for number, cells, _ in table.rows:
        ref = c.text(cells[ref_at]) if ref_at < len(cells) else None
        filled = any(i < len(cells) and not c.is_blank(cells[i]) for i in fill)
        if filled and ref and ref not in refs:
            return (
                f"row {number}: {ref} is not one of this return's actions (it asks for "
                f"{', '.join(sorted(refs)) or 'none'}): report it on its owner's sheet"
            )
    return None
