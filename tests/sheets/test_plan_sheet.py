"""The plan-editing sheet on the shipped plan (no owners, boards or dates): exported, filled in
as a programme manager would (CSV and .xlsx), checked like the status sheet, and stored as one
batch that undoes as one; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tracker.cli import cli
from tracker.models import Action, AuditEntry
from tracker.services.actions.bulk import list_batches, undo_batch
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.context import Tracker
from tracker.services.sheets.plan_sheet import export_plan_sheet, import_plan_sheet

SFB = "supporting-families-board"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def snapshot(t: Tracker) -> tuple[object, ...]:
    with t.db.reading() as s:
        rows = s.execute(select(Action.ref, Action.owner_id, Action.due, Action.version)).all()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return (tuple(sorted(tuple(r) for r in rows)), audit)


def fill_csv(path: Path, edits: dict[str, dict[str, str]]) -> None:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row.update(edits.get(row["Ref"], {}))
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)


def test_a_filled_in_csv_sets_owners_boards_and_dates_in_one_batch(
    loaded: Tracker, tmp_path: Path
) -> None:
    path = tmp_path / "plan.csv"
    out = run("actions", "export-plan-sheet", str(path), "--filter", "phase=1")
    assert out.exit_code == 0, out.output
    phase_one = [r.ref for r in list_actions(loaded, ActionFilter(phase=1)).rows]
    assert f"wrote {len(phase_one)} actions" in out.stdout
    fill_csv(path, {
        "P1-01": {"Owner": "kelly-white", "Board": SFB, "Due": "31/03/2025"},
        "P1-02": {"Start": "1 Apr 2024", "Due": "30 Sep 2024"},
    })  # fmt: skip
    before = snapshot(loaded)
    dry = run("actions", "import-plan-sheet", str(path), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert (
        "P1-01      changed   board - → supporting-families-board; owner - → kelly-white;"
        in dry.stdout
    )
    assert "nothing stored (dry run); 2 changed" in dry.stdout
    assert snapshot(loaded) == before
    done = run("actions", "import-plan-sheet", str(path))
    assert done.exit_code == 0, done.output
    rows = {r.ref: r for r in list_actions(loaded, ActionFilter(phase=1)).rows}
    assert (
        rows["P1-01"].board == SFB
        and rows["P1-01"].due
        and rows["P1-01"].due.isoformat() == "2025-03-31"
    )
    assert rows["P1-02"].due and rows["P1-02"].due.isoformat() == "2024-09-30"
    batch = list_batches(loaded)[0]
    assert batch.count == 2 and "plan sheet plan.csv" in batch.summary
    undo_batch(loaded, batch.batch)
    rows = {r.ref: r for r in list_actions(loaded, ActionFilter(phase=1)).rows}
    assert rows["P1-01"].owner is None and rows["P1-02"].due is None


def test_bad_rows_are_named_and_nothing_is_stored(loaded: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    export_plan_sheet(loaded, path)
    fill_csv(path, {
        "P1-01": {"Owner": "kely-white"},
        "P1-02": {"Due": "04/05/2025"},
        "P1-03": {"Phase": "9"},
        "P1-04": {"Board": SFB},  # a good row: held back with the rest
    })  # fmt: skip
    before = snapshot(loaded)
    result = run("actions", "import-plan-sheet", str(path))
    assert result.exit_code == 2
    out = result.stdout
    assert "Owner: unknown owner 'kely-white'; did you mean: kelly-white?" in out
    assert "Due: '04/05/2025' is ambiguous" in out
    assert "Phase: unknown phase '9'" in out
    assert "nothing was stored: fix the invalid and conflicting rows first; 1 changed" in out
    assert snapshot(loaded) == before


def test_an_xlsx_sheet_with_real_dates_and_a_conflict(loaded: Tracker, tmp_path: Path) -> None:
    import datetime as dt

    from tracker.services.actions.edit import edit_action

    path = tmp_path / "plan.xlsx"
    export_plan_sheet(loaded, path, ActionFilter(phase=2))
    wb = openpyxl.load_workbook(path)
    ws = wb["Plan"]
    heads = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in ("P2-01", "P2-02"):
            row[heads.index("Due")].value = dt.datetime(2026, 3, 31)  # as Excel keeps a date
            row[heads.index("Owner")].value = "kirsty-woodhead"
    wb.save(path)
    version = list_actions(loaded, ActionFilter(refs=("P2-02",))).rows[0].version
    edit_action(loaded, "P2-02", version, {"title": "Changed after the export"})
    result = import_plan_sheet(loaded, path)
    assert not result.stored
    outcomes = {r.ref: r.outcome for r in result.rows if r.outcome != "unchanged"}
    assert outcomes == {"P2-01": "changed", "P2-02": "conflict"}
    assert "changed since the sheet was exported" in str(
        next(r for r in result.rows if r.ref == "P2-02").problems[0]
    )


def test_one_changed_row_is_counted_as_english(loaded: Tracker, tmp_path: Path) -> None:
    """ "1 action changed", "1 action put back", not "1 action(s)" (counted, as every count)."""
    path = tmp_path / "plan.csv"
    assert run("actions", "export-plan-sheet", str(path), "--filter", "phase=1").exit_code == 0
    fill_csv(path, {"P1-01": {"Owner": "kelly-white"}})
    from tracker.ui.tasks.cycle import plan_sheet_in  # the app's window says it the same way

    checked = plan_sheet_in(loaded, {"file": str(path)}, True)
    assert checked.text.plain == "1 action would change; nothing stored."  # was "False actions"
    done = run("actions", "import-plan-sheet", str(path))
    assert done.exit_code == 0, done.output
    batch = list_batches(loaded)[0]
    assert batch.summary.endswith("plan sheet plan.csv: 1 action changed")
    undone = CliRunner().invoke(cli, ["actions", "undo", str(batch.batch)], input="y\n")
    assert undone.exit_code == 0, undone.output
    assert "Put back the values on 1 action?" in undone.stderr
    assert "1 action put back" in undone.stdout
    assert "(s)" not in done.output + undone.output and "1 actions" not in undone.output
