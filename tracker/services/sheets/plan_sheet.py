"""The plan-editing sheet: the register's plan fields (phase, stage, board, owner, start, due)
exported for a programme manager to fill in, then imported as one bulk edit.

Checked like the status sheet: every problem is reported with its row and column (unknown
codes with "did you mean", dates by tracker.input_rules, a due date before the start, a ref
that is not in the plan, a row whose action changed since the export), and nothing is stored
unless every row is right. What is stored is one batch in the audit trail
(tracker.services.actions.bulk), undone as one with `tracker actions undo BATCH`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import input_rules
from tracker.errors import InvalidInput, Problem
from tracker.files import write_with
from tracker.models import Action, Board, Person, Phase, Stage
from tracker.services.accounts.permissions import require
from tracker.services.actions.bulk import FIELDS, Labels, Target, store_batch_in
from tracker.services.actions.register import ActionFilter, check_filter, register_rows
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import hidden_actions, refuse_withheld
from tracker.services.sheets.columns import Row
from tracker.services.sheets.files import DEFAULT_LIMITS, _csv_rows, _xlsx_rows, sheet_kind
from tracker.vocabulary import counted

COLUMNS = (
    ("ref", "Ref"), ("title", "Title"), ("phase", "Phase"), ("stage", "Stage"),
    ("board", "Board"), ("owner", "Owner"), ("start", "Start"), ("due", "Due"),
    ("version", "Version"),
)  # fmt: skip
EDITABLE = ("phase", "stage", "board", "owner", "start", "due")
HEADERS = {header.lower(): key for key, header in COLUMNS}


@dataclass(frozen=True)
class PlanRow:
    line: int
    ref: str | None
    outcome: str  # changed | unchanged | invalid | conflict
    changes: tuple[tuple[str, str | None, str | None], ...] = ()  # (field, old, new)
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class PlanSheetResult:
    file: str
    rows: tuple[PlanRow, ...]
    stored: bool
    batch: int | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)


def _current(s: Session, refs: Sequence[str] | None) -> list[dict[str, Any]]:
    q = (
        select(Action.ref, Action.title, Phase.number, Stage.number, Board.code, Person.code,
               Action.start, Action.due, Action.version)
        .join(Phase, Action.phase_id == Phase.id)
        .outerjoin(Stage, Action.stage_id == Stage.id)
        .outerjoin(Board, Action.board_id == Board.id)
        .outerjoin(Person, Action.owner_id == Person.id)
        .order_by(Action.ref)
    )  # fmt: skip
    rows = []
    names = [k for k, _ in COLUMNS]
    for i in range(0, len(refs or [None]), 900):
        part = q if refs is None else q.where(Action.ref.in_(list(refs)[i : i + 900]))
        rows += [dict(zip(names, r, strict=True)) for r in s.execute(part)]
    return rows


def export_plan_sheet(t: Tracker, path: str | Path, f: ActionFilter | None = None) -> int:
    """Write the plan fields of the actions matching `f` (all by default) to .xlsx or .csv;
    returns how many actions it lists. The sheet is for editing the plan: an account that may
    not read one of its exempt actions in full is refused, naming them, before anything is
    written (a copy with their words withheld, imported again, would overwrite them)."""
    path = Path(path)
    with t.db.reading() as s:
        refs = None
        if f is not None:
            check_filter(f)
            refs = [r.ref for r in register_rows(SessionReader(s), f, t.today())]
        hidden = hidden_actions(t, SessionReader(s), None if refs is None else tuple(refs))
        if refs is not None:
            hidden = {ref: n for ref, n in hidden.items() if ref in set(refs)}
        refuse_withheld(t, s, [f"action {ref}" for ref in sorted(hidden)],
                        "export the plan sheet")  # fmt: skip
        rows = _current(s, refs)
    if sheet_kind(path) == "xlsx":
        _write_xlsx(path, rows)
    else:
        _write_csv(path, rows)
    return len(rows)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    def write(fh: BinaryIO) -> None:
        out = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(out)
            writer.writerow([h for _, h in COLUMNS])
            for r in rows:
                writer.writerow([_cell(r[k]) for k, _ in COLUMNS])
            out.flush()
        finally:
            out.detach()

    write_with(path, write)


def _write_xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = openpyxl.Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "Plan"
    ws.append([h for _, h in COLUMNS])
    for r in rows:
        ws.append([_cell(r[k]) if k not in ("start", "due") else r[k] for k, _ in COLUMNS])
    widths = {"ref": 10, "title": 50, "phase": 7, "stage": 7, "board": 28, "owner": 24,
              "start": 12, "due": 12, "version": 9}  # fmt: skip
    for index, (key, _) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        head = ws.cell(row=1, column=index)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor="2F5597" if key in EDITABLE else "595959")
        ws.column_dimensions[letter].width = widths[key]
        ws.column_dimensions[letter].hidden = key == "version"
        if key in ("start", "due"):
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "dd/mm/yyyy"
    ws.freeze_panes = "B2"
    notes = wb.create_sheet("How to fill in")
    notes.column_dimensions["A"].width = 100
    for line in (
        "Plan-editing sheet: change the blue columns; leave the grey ones and the hidden Version.",
        "Phase and Stage: numbers. Board and Owner: codes as the tracker lists them "
        "(tracker boards list); an empty cell means unassigned.",
        "Start and Due: dates (31/03/2027, 31 Mar 2027 or 2027-03-31); empty means no date.",
        "The import stores every change as one batch (tracker actions undo BATCH puts it back).",
    ):
        notes.append([line])
    buffer = io.BytesIO()
    wb.save(buffer)

    def save(fh: BinaryIO) -> None:
        fh.write(buffer.getbuffer())

    write_with(path, save)


def _read(path: Path) -> tuple[list[Row], dict[str, int], int]:
    name = str(path)
    if not path.is_file():
        raise InvalidInput(Problem("file", "no such file", file=name))
    if sheet_kind(path) == "xlsx":
        raw = _xlsx_rows(path, name, DEFAULT_LIMITS)
    else:
        raw, _ = _csv_rows(path, name, DEFAULT_LIMITS)
    for index, (line, cells, _) in enumerate(raw[:20]):
        keys = [HEADERS.get(str(c or "").strip().lower().rstrip("*").strip()) for c in cells]
        if "ref" in keys:
            columns = {k: i for i, k in reversed(list(enumerate(keys))) if k}
            missing = [h for k, h in COLUMNS if k in ("ref", "version") and k not in columns]
            if missing:
                raise InvalidInput(
                    Problem(m, "required column missing", file=name, line=line) for m in missing
                )
            return raw[index + 1 :], columns, line
    raise InvalidInput(Problem("file", "no header row (a row starting with Ref)", file=name,
                               allowed=", ".join(h for _, h in COLUMNS)))  # fmt: skip


def import_plan_sheet(t: Tracker, path: str | Path, *, dry_run: bool = False) -> PlanSheetResult:
    """Check every row, then (unless `dry_run`, or any row is invalid or in conflict) store
    all the changes as one batch."""
    path = Path(path)
    name = str(path)
    raw, columns, _ = _read(path)
    with t.db.writing() as s:
        require(t, s, "edit actions")
        labels = Labels(s)
        current = {r["ref"]: r for r in _current(s, None)}
        known = {"board": list(labels.by_label["board"]), "owner": list(labels.by_label["owner"]),
                 "phase": list(labels.by_label["phase"]),
                 "stage": list(labels.by_label["stage"])}  # fmt: skip
        results: list[PlanRow] = []
        wanted: dict[str, tuple[int, dict[str, Any]]] = {}
        for line, cells, _ in raw:
            results.append(_check_row(name, line, cells, columns, current, known, labels, wanted))
        stored, batch = False, None
        if not dry_run and all(r.outcome in ("changed", "unchanged") for r in results) and wanted:
            ids = _ids(s, list(wanted))
            changes = []
            for ref, (version, new) in wanted.items():
                now = {n: labels.value(n, _label(n, current[ref][n])) for n in FIELDS}
                changes.append((Target(ids[ref], ref, version, now), new))
            fields = tuple(n for n in FIELDS if any(n in c for _, c in changes))
            summary = f"plan sheet {path.name}: {counted(len(changes), 'actions')} changed"
            batch = store_batch_in(s, t, "plan-sheet", summary, changes, labels, fields)
            stored = True
        return PlanSheetResult(name, tuple(results), stored, batch)


def _ids(s: Session, refs: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(refs), 900):
        for ref, id_ in s.execute(
            select(Action.ref, Action.id).where(Action.ref.in_(refs[i : i + 900]))
        ):
            out[ref] = id_
    return out


def _label(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _text(cells: tuple[object, ...], columns: dict[str, int], key: str) -> object:
    i = columns.get(key)
    if i is None or i >= len(cells):
        return None
    value = cells[i]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        value = value.strip() or None
    return value


def _check_row(
    name: str, line: int, cells: tuple[object, ...], columns: dict[str, int],
    current: dict[str, dict[str, Any]], known: dict[str, list[str]], labels: Labels,
    wanted: dict[str, tuple[int, dict[str, Any]]],
) -> PlanRow:  # fmt: skip
    header = dict(COLUMNS)

    def problem(key: str, message: str, allowed: str | None = None) -> Problem:
        return Problem(header[key], message, allowed, file=name, line=line)

    ref_value = _text(cells, columns, "ref")
    if ref_value is None:
        return PlanRow(line, None, "invalid", problems=(problem("ref", "no ref"),))
    ref = input_rules.ref(ref_value)
    now = current.get(ref)
    if ref in wanted:
        return PlanRow(line, ref, "invalid", problems=(problem("ref", f"{ref} is on two rows"),))
    if now is None:
        close = input_rules.did_you_mean(ref, list(current))
        return PlanRow(
            line, ref, "invalid", problems=(problem("ref", f"no action {ref!r}{close}"),)
        )
    problems: list[Problem] = []
    new: dict[str, Any] = {}
    shown: list[tuple[str, str | None, str | None]] = []
    for key in EDITABLE:
        if key not in columns:
            continue  # a column left out keeps its values
        value = _text(cells, columns, key)
        if key in ("start", "due"):
            day, why = input_rules.read_date(value)
            if why:
                problems.append(problem(key, why, input_rules.DATE_ALLOWED))
                continue
            label = day.isoformat() if day else None
        else:
            label = None if value is None else str(value)
            if label is not None and label not in known[key]:
                close = input_rules.did_you_mean(label, known[key])
                problems.append(
                    problem(key, f"unknown {key} {label!r}{close}", ", ".join(known[key][:12]))
                )
                continue
            if key == "phase" and label is None:
                problems.append(problem(key, "required: every action is in a phase"))
                continue
        old = _label(key, now[key])
        if label != old:
            new[key] = labels.value(key, label)
            shown.append((key, old, label))
    start = new.get("start", now["start"])
    due = new.get("due", now["due"])
    if start is not None and due is not None and due < start and not problems:
        problems.append(
            problem("due", f"due {due.isoformat()} is before start {start.isoformat()}")
        )
    version = _text(cells, columns, "version")
    if problems:
        return PlanRow(line, ref, "invalid", tuple(shown), tuple(problems))
    if not new:
        return PlanRow(line, ref, "unchanged")
    if str(version) != str(now["version"]):
        why = f"changed since the sheet was exported (version {version}, now {now['version']})"
        return PlanRow(line, ref, "conflict", tuple(shown), (problem("version", why),))
    wanted[ref] = (int(now["version"]), new)
    return PlanRow(line, ref, "changed", tuple(shown))
