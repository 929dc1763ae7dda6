"""Turning a filled-in sheet into status updates, row by row, in one transaction.

Each row is recorded, unchanged, invalid or conflicting (its action changed since the sheet was
exported). The rules are those of `tracker actions update` (tracker.services.updates.check_update).
The writes are bulk (Core inserts, one batched versioned UPDATE), not one transaction per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.orm import Session

from tracker import input_rules
from tracker.domain.pace import Thresholds
from tracker.errors import Problem
from tracker.plans.document import Report, quiet
from tracker.services.accounts.permissions import require
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.updates import check_update
from tracker.services.context import Tracker
from tracker.services.plain_sql import SessionReader
from tracker.services.sheets import columns as c
from tracker.services.sheets.columns import FormulaCell, Row
from tracker.services.sheets.files import Table, read_table
from tracker.services.sheets.store import (
    Current,
    Planned,
    latest_update_by,
    load_current,
    store_updates,
)
from tracker.text import ALLOWED, control_problem
from tracker.vocabulary import EXEMPT_PARAGRAPHS, STATUSES, exempt_label

OUTCOMES = ("recorded", "unchanged", "invalid", "conflict")
_RULE_COLUMNS = {"status": "new_status", "rag": "new_rag", "progress": "new_progress",
                 "note": "new_commentary"}  # fmt: skip


@dataclass(frozen=True)
class RowResult:
    row: int  # the row number the spreadsheet shows
    ref: str | None
    outcome: str  # recorded | unchanged | invalid | conflict
    reason: str = ""
    problems: tuple[Problem, ...] = ()
    status: str | None = None  # the position recorded (or that would be)
    rag: str | None = None
    progress: int | None = None
    commentary: str | None = None
    compare: tuple[tuple[str, str, str], ...] = ()  # conflict: (field, in the sheet, now)
    notes: tuple[str, ...] = ()
    forced: bool = False


@dataclass(frozen=True)
class ImportResult:
    file: str
    kind: str  # xlsx | ods | csv
    encoding: str | None
    rows: tuple[RowResult, ...]
    stored: bool  # the recorded rows are in the database
    dry_run: bool
    partial: bool  # record the valid rows even when others are refused

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def refused(self) -> bool:
        return bool(self.count("invalid") or self.count("conflict"))

    @property
    def blocked(self) -> bool:
        """Valid rows held back (all or nothing, the default) because of a refused one."""
        return (
            not self.dry_run and not self.partial and self.refused and bool(self.count("recorded"))
        )


@dataclass
class _Parsed:
    row: int
    values: dict[str, object]  # column key -> cell value
    percent: frozenset[str]  # keys of cells formatted as a percentage
    ref: str | None = None
    status: str | None = None
    rag: str | c.RagNone | None = None
    progress: int | None = None
    commentary: str | None = None
    version: int | None = None
    filled: bool = False
    problems: list[Problem] = field(default_factory=list)
    version_problem: Problem | None = None


def _problem(
    table: Table, p: _Parsed, key: str, message: str, allowed: str | None = None
) -> Problem:
    index = table.columns.get(key)
    return Problem(
        field=c.BY_KEY[key].header, message=message, allowed=allowed, file=table.file,
        line=p.row, column=None if index is None else index + 1,
    )  # fmt: skip


def _parse(table: Table, raw: Row) -> _Parsed:
    number, cells, percent = raw
    n = len(cells)
    values = {k: cells[i] if i < n else None for k, i in table.columns.items()}
    pct = frozenset(k for k, i in table.columns.items() if i in percent) if percent else frozenset()
    p = _Parsed(row=number, values=values, percent=pct)
    get = values.get
    for key, value in values.items():
        if isinstance(value, FormulaCell) and key not in _READ:
            values[key] = None  # shown only (a note on edits); a formula there says nothing
    p.ref = c.text(get("ref"))
    p.filled = any(not c.is_blank(get(k)) for k in c.FILL_IN)
    if not p.filled:  # nothing to check: the row reports nothing (its edits are still listed)
        p.version = c.parse_version(get("version"))[0] if p.ref else None
        return p
    refused = _refused_cells(table, p)
    if refused:
        p.problems.extend(refused)
        if isinstance(get("ref"), FormulaCell):
            p.ref = None
        return p
    p.status, why = c.parse_status(get("new_status"))
    if why:
        p.problems.append(_problem(table, p, "new_status", why, ", ".join(STATUSES)))
    p.rag, why = c.parse_rag(get("new_rag"))
    if why:
        p.problems.append(
            _problem(table, p, "new_rag", why, ", ".join(c.RAG_CHOICES) + " (or G, A, R)")
        )
    p.progress, why = c.parse_percent(get("new_progress"), "new_progress" in pct)
    if why is None and p.progress is not None and not 0 <= p.progress <= 100:
        why, p.progress = f"{p.progress}% is out of range", None
    if why:
        p.problems.append(_problem(table, p, "new_progress", why, "0-100, e.g. 40 or 40%"))
    p.commentary = c.text(get("new_commentary"))
    p.version, why = c.parse_version(get("version"))
    if why:
        p.version_problem = _problem(table, p, "version", why, "the number exported with the row")
    return p


_READ = ("ref", *c.FILL_IN, "version")  # the columns an import reads


def _refused_cells(table: Table, p: _Parsed) -> list[Problem]:
    """Cells of the columns read that hold a formula or a control character: refused, naming
    the cell, rather than read as something else or dropped."""
    problems = []
    for key in _READ:
        value = p.values.get(key)
        if isinstance(value, FormulaCell):
            problems.append(
                _problem(table, p, key, f"{value}: formulas are not read; type the value",
                         "a typed value")
            )  # fmt: skip
        elif isinstance(value, str):
            why = control_problem(value)
            if why:
                problems.append(_problem(table, p, key, why, ALLOWED))
    return problems


def _shown(value: object, blank: str = "(blank: kept)") -> str:
    if value is None:
        return blank
    if value is c.NO_RAG:
        return "none"
    return str(value)


def _changed(header: str, sheet: str, now: str) -> str:
    return f"{header} changed from {now} to {sheet}: not recorded; ask the programme manager"


def _notes(p: _Parsed, cur: Current) -> tuple[str, ...]:
    """Edits to read-only columns are not recorded: each is listed, with what the tracker holds
    and what the sheet says, rather than dropped silently. Only for a row whose action has not
    changed since the export (same version): then a difference is the owner's edit."""
    if p.version is not None and p.version != cur.version:
        return ()
    notes = []
    get = p.values.get
    title = c.text(get("title"))
    if (
        title is not None
        and title != cur.title.strip()
        and len(cur.title) < _CUT_TITLE
        and title not in _WITHHELD  # an exempt action's title, withheld on export: not an edit
    ):
        notes.append(_changed("Title", repr(title), repr(cur.title)))
    due, _ = c.parse_date(get("due"))
    shown = cur.due or cur.implied_due  # what the sheet was given: without a date, the phase's end
    if due is not None and due != shown:
        notes.append(_changed("Due", due.isoformat(), shown.isoformat() if shown else "blank"))
    status, _ = c.parse_status(get("status"))
    if status is not None and status != cur.status:
        notes.append(_changed("Current status", status, cur.status) + " (use 'New status')")
    rag, _ = c.parse_rag(get("rag"))
    if rag is not None and (None if rag is c.NO_RAG else rag) != cur.rag:
        notes.append(_changed("Current RAG", _shown(rag), cur.rag or "none")
                     + " (use 'New RAG')")  # fmt: skip
    progress, _ = c.parse_percent(get("progress"), "progress" in p.percent)
    if progress is not None and progress != cur.progress:
        notes.append(_changed("Current %", f"{progress}%", f"{cur.progress}%")
                     + " (use 'New % complete')")  # fmt: skip
    return tuple(notes)


_CUT_TITLE = 32_000  # a title longer than a cell holds is exported cut: not an edit
_WITHHELD = frozenset(exempt_label(n) for n in EXEMPT_PARAGRAPHS)


def _decide(
    table: Table, p: _Parsed, cur: Current | None, seen: dict[str, int], today: dt.date,
    force: bool, thresholds: Thresholds | None = None,
) -> tuple[RowResult, Planned | None]:  # fmt: skip
    if not p.filled:
        notes = _notes(p, cur) if cur is not None and p.version is not None else ()
        return RowResult(p.row, p.ref, "unchanged", "nothing filled in", notes=notes), None
    if p.ref is None and p.problems:
        return RowResult(p.row, None, "invalid", "bad values", tuple(p.problems)), None
    if p.ref is None:
        problem = _problem(
            table, p, "ref", "no ref: which action is this row about?", "a ref as exported"
        )
        return RowResult(p.row, None, "invalid", "no ref", (problem,)), None
    if p.ref in seen:
        problem = _problem(table, p, "ref", f"{p.ref} is already reported on row {seen[p.ref]}",
                           "one row per action")  # fmt: skip
        return RowResult(p.row, p.ref, "invalid", "repeated ref", (problem,)), None
    seen[p.ref] = p.row
    if cur is None:
        problem = _problem(table, p, "ref", f"no action with ref {p.ref!r}", "the refs as exported")
        return RowResult(p.row, p.ref, "invalid", "unknown ref", (problem,)), None
    problems = list(p.problems)
    if p.version_problem:
        problems.append(p.version_problem)
    if problems:
        return RowResult(p.row, p.ref, "invalid", "bad values", tuple(problems)), None
    assert p.version is not None
    status, progress = input_rules.settle(p.status, p.progress, cur.status, cur.progress)
    rag = cur.rag if p.rag is None else (None if isinstance(p.rag, c.RagNone) else p.rag)
    same_note = p.commentary is None or p.commentary == (cur.commentary or "").strip()
    if (status, rag, progress) == (cur.status, cur.rag, cur.progress) and same_note:
        return RowResult(p.row, p.ref, "unchanged", "same as current"), None
    if p.version > cur.version:
        problem = _problem(
            table, p, "version", f"{p.ref} is at version {cur.version}; there is no version "
            f"{p.version}", "the number exported with the row",
        )  # fmt: skip
        return RowResult(p.row, p.ref, "invalid", "bad version", (problem,)), None
    forced = False
    if p.version != cur.version:
        if not force:
            compare = (
                ("version", str(p.version), str(cur.version)),
                ("status", _shown(p.status), cur.status),
                ("RAG", _shown(p.rag), cur.rag or "not assessed"),
                ("% complete", _shown(p.progress), str(cur.progress)),
                ("commentary", _shown(p.commentary, "(blank)"), cur.commentary or "-"),
            )
            reason = (
                f"changed since the sheet was exported (version {p.version}, now {cur.version})"
            )
            return RowResult(
                p.row, p.ref, "conflict", reason, status=status, rag=rag, progress=progress,
                commentary=p.commentary, compare=compare,
            ), None  # fmt: skip
        forced = True
    rules = check_update(
        current_status=cur.status, due=cur.due, today=today, status=status, rag=rag,
        progress=progress, note=p.commentary, start=cur.start, thresholds=thresholds,
        phase_end=cur.implied_due,
    )  # fmt: skip
    if rules:
        problems = [
            _problem(table, p, _RULE_COLUMNS.get(r.field, "new_commentary"), r.message, r.allowed)
            for r in rules
        ]
        return RowResult(p.row, p.ref, "invalid", "breaks the update rules", tuple(problems)), None
    notes = () if forced else _notes(p, cur)
    reason = (
        f"forced: the sheet had version {p.version}, the action {cur.version}" if forced else ""
    )
    result = RowResult(
        p.row, p.ref, "recorded", reason, status=status, rag=rag, progress=progress,
        commentary=p.commentary, notes=notes, forced=forced,
    )  # fmt: skip
    return result, Planned(cur, status, rag, progress, p.commentary)


def import_sheet(
    t: Tracker,
    path: str | Path,
    *,
    dry_run: bool = False,
    partial: bool = False,
    force: bool = False,
    by: str | None = None,
    progress: Report = quiet,
) -> ImportResult:
    """Read a filled-in sheet and record its rows as status updates in one transaction: all
    of them or, when any row is invalid or conflicting, none.

    `dry_run` stores nothing. `partial` records the valid rows even when others are refused.
    `force` records rows whose action changed since the export (validated against the action
    as it is now). A file that cannot be read, or is past the limits of tracker.toml's
    [sheets], is refused whole (InvalidInput). `progress`: told each phase, with its count."""
    progress(f"reading {Path(path).name}", 0, None)
    table = read_table(path, t.settings.sheets)
    with t.db.reading() if dry_run else t.db.writing() as s:
        require(t, s, "import updates")
        author = (by or t.user).strip() or t.user  # the acting account's name, once known
        return import_table_in(
            s, table, t.today(), t.now(), author=author, dry_run=dry_run, partial=partial,
            force=force, progress=progress,
        )  # fmt: skip


def import_table_in(
    s: Session, table: Table, today: dt.date, now: dt.datetime, *, author: str,
    dry_run: bool = False, partial: bool = False, force: bool = False,
    progress: Report = quiet,
) -> ImportResult:  # fmt: skip
    """A sheet already read, decided row by row and (unless refused) recorded, in the caller's
    transaction (a writing one unless `dry_run`)."""
    total = len(table.rows)
    progress("reading rows", 0, total)
    parsed = [_parse(table, raw) for raw in table.rows]
    progress("checking rows", 0, total)
    refs = sorted({p.ref for p in parsed if p.ref is not None and p.filled})
    shown = sorted({p.ref for p in parsed if p.ref is not None and not p.filled
                    and p.version is not None} - set(refs))  # fmt: skip
    current = load_current(s, refs, lock=not dry_run)
    current.update(load_current(s, shown, lock=False))  # for listing edits only
    thresholds = thresholds_in(SessionReader(s))
    seen: dict[str, int] = {}
    results: list[RowResult] = []
    plans: list[Planned] = []
    for i, p in enumerate(parsed, 1):
        cur = current.get(p.ref) if p.ref else None
        result, plan = _decide(table, p, cur, seen, today, force, thresholds)
        results.append(result)
        if plan is not None:
            plans.append(plan)
        if i % 200 == 0:
            progress("checking rows", i, total)
    progress("checking rows", total, total)
    conflicts = [current[r.ref].id for r in results if r.outcome == "conflict" and r.ref]
    if conflicts:
        who = latest_update_by(s, conflicts)
        results = [
            _with_latest(r, who.get(current[r.ref].id)) if r.outcome == "conflict" and r.ref else r
            for r in results
        ]
    blocked = not partial and any(r.outcome in ("invalid", "conflict") for r in results)
    stored = not dry_run and not blocked and bool(plans)
    if stored:
        progress("recording updates", 0, len(plans))
        store_updates(s, plans, author, now)
        progress("committing", len(plans), len(plans))
    return ImportResult(
        file=table.file, kind=table.kind, encoding=table.encoding, rows=tuple(results),
        stored=stored, dry_run=dry_run, partial=partial,
    )  # fmt: skip


def _with_latest(r: RowResult, latest: str | None) -> RowResult:
    return replace(r, compare=(*r.compare, ("latest update", "-", latest or "-")))
