"""Helpers (imported by the tests of this folder) for the spreadsheet round-trip tests: export with the CLI, fill in the sheet the way
an owner (or Excel) would, import with the CLI, and look at the database afterwards."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.services.context import Tracker

SHEET_PLAN = Path(__file__).parent / "data" / "sheet-plan.yaml"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def export(path: Path, *filters: str) -> Path:
    result = run("actions", "export-sheet", path, *filters)
    assert result.exit_code == 0, result.output
    return path


class Pct(float):
    """A number written into an .xlsx cell formatted as a percentage (as Excel stores 40%)."""


def fill_xlsx(src: Path, dst: Path, edits: dict[str, dict[str, Any]]) -> Path:
    """Set cells by ref and column header, with openpyxl, as an owner's Excel would."""
    import openpyxl

    wb = openpyxl.load_workbook(src)
    ws = wb["Actions"]
    at = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for ref, cells in edits.items():
        for header, value in cells.items():
            cell = ws.cell(rows[ref], at[header], value)
            if isinstance(value, Pct):
                cell.value = float(value)
                cell.number_format = "0%"
    wb.save(dst)
    return dst


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def fill_csv(
    src: Path, dst: Path, edits: dict[str, dict[str, str]], *, encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Path:  # fmt: skip
    rows = read_csv(src)
    at = {h: i for i, h in enumerate(rows[0])}
    for row in rows[1:]:
        for header, value in edits.get(row[0], {}).items():
            row[at[header]] = value
    with dst.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return dst


def position(t: Tracker, ref: str) -> tuple[str, str | None, int, str | None, int]:
    """An action's current status, RAG, %, latest commentary and version."""
    with t.db.reading() as s:
        a = s.scalars(select(Action).where(Action.ref == ref)).one()
        return a.status, a.rag, a.progress, a.latest_commentary, a.version


def snapshot(t: Tracker) -> tuple[int, int, tuple[tuple[object, ...], ...]]:
    """What an import that must store nothing leaves exactly as it was."""
    with t.db.reading() as s:
        updates = s.execute(select(func.count()).select_from(StatusUpdate)).scalar_one()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        actions = tuple(
            s.execute(
                select(Action.ref, Action.version, Action.status, Action.rag, Action.progress,
                       Action.latest_commentary).order_by(Action.ref)
            ).all()
        )  # fmt: skip
    return int(updates), int(audit), tuple(tuple(a) for a in actions)


def outcome_lines(result: Result) -> dict[str, str]:
    """ref -> the outcome word printed on its row line."""
    out = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "row":
            word = " ".join(parts[3:5]) if parts[3] == "would" else parts[3]
            out[parts[2]] = word
    return out
