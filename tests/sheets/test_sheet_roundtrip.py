"""The spreadsheet round trip as programme managers and owners do it: export the register, fill
the sheet in (openpyxl / csv, as Excel leaves it), import; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sheet_helpers import (
    Pct,
    export,
    fill_csv,
    fill_xlsx,
    outcome_lines,
    position,
    read_csv,
    run,
    snapshot,
)
from sqlalchemy import select

from tracker.models import AuditEntry, StatusUpdate
from tracker.services.context import Tracker

HEADERS = [
    "Ref", "Title", "Phase", "Board", "Owner", "Due", "Current status", "Current RAG",
    "Current %", "Latest commentary", "New status", "New RAG", "New % complete", "Commentary",
    "Version",
]  # fmt: skip


def test_xlsx_sheet_of_the_shipped_plan(loaded: Tracker, tmp_path: Path) -> None:
    import openpyxl

    sheet = export(tmp_path / "return.xlsx")
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Actions"]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.max_row == 22  # the header and the plan's 21 actions
    assert [ws.cell(r, 1).value for r in (2, 22)] == ["P1-01", "P5-02"]
    assert ws.cell(2, 7).value == "not started" and ws.cell(2, 15).value == 1
    assert ws.cell(1, 1).font.b and ws.freeze_panes == "B2"
    assert ws.column_dimensions["O"].hidden  # Version
    assert 20 <= ws.column_dimensions["B"].width <= 42 and ws["B2"].alignment.wrap_text  # Title
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["K"] == '"not started,in progress,complete,cancelled"'
    assert lists["L"] == '"green,amber,red,none"'
    assert "How to fill in" in wb.sheetnames

    filled = fill_xlsx(sheet, tmp_path / "filled.xlsx", {
        "P1-01": {"New status": "In Progress", "New RAG": "A", "New % complete": Pct(0.4),
                  "Commentary": "Stakeholder list agreed; police sign-off slipping  "},
        "P1-03": {"New status": "complete", "Commentary": "Early help offer published"},
        "P2-01": {"New % complete": 10},
    })  # fmt: skip
    result = run("actions", "import-sheet", filled, "--by", "Kelly White")
    assert result.exit_code == 0, result.output
    assert outcome_lines(result) == {
        **{ref: "unchanged" for ref in outcome_lines(result)},
        "P1-01": "recorded", "P1-03": "recorded", "P2-01": "recorded",
    }  # fmt: skip
    assert "recorded 3 status updates in one transaction; 18 unchanged, 0 invalid" in result.output
    assert position(loaded, "P1-01") == (
        "in progress",
        "amber",
        40,
        "Stakeholder list agreed; police sign-off slipping",
        2,
    )
    assert position(loaded, "P1-03")[:3] == ("complete", None, 100)
    # a % above 0 with no new status starts the action: not started is 0% (tracker.input_rules)
    assert position(loaded, "P2-01")[:3] == ("in progress", None, 10)
    with loaded.db.reading() as s:
        by = s.scalars(select(StatusUpdate.recorded_by)).all()
        audit = s.execute(
            select(AuditEntry.field, AuditEntry.old, AuditEntry.new, AuditEntry.actor).where(
                AuditEntry.entity_key == "P1-01", AuditEntry.operation == "update"
            )
        ).all()
    assert by == ["Kelly White"] * 3
    assert set(audit) == {
        ("commentary", None, "Stakeholder list agreed; police sign-off slipping", "Kelly White"),
        ("status", "not started", "in progress", "Kelly White"),
        ("rag", None, "amber", "Kelly White"),
        ("progress", "0", "40", "Kelly White"),
    }
    shown = run("actions", "show", "P1-01")
    assert "Kelly White: in progress, amber, 40%" in shown.output

    # the same sheet again: everything is already so; nothing new is stored, no conflict
    before = snapshot(loaded)
    again = run("actions", "import-sheet", filled)
    assert again.exit_code == 0, again.output
    assert set(outcome_lines(again).values()) == {"unchanged"}
    assert "same as current" in again.output
    assert snapshot(loaded) == before


def test_csv_sheet_with_filters(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "sfb.csv", "--board", "sfb")
    rows = read_csv(sheet)
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    assert rows[0] == HEADERS and rows[0][-1] == "Version"  # the version trails
    assert [r[0] for r in rows[1:]] == ["S-01", "S-02", "S-05"]
    s01 = dict(zip(rows[0], rows[1], strict=True))
    assert s01["Due"] == "2026-06-30" and s01["Current %"] == "20" and s01["Version"] == "1"
    assert s01["Latest commentary"] == "Two localities mapped"
    assert s01["Owner"] == "Amy Archer (Locality Manager)"
    assert [r[0] for r in read_csv(export(tmp_path / "late.csv", "--overdue"))[1:]] == ["S-02"]
    assert [r[0] for r in read_csv(export(tmp_path / "p2.csv", "--phase", "2"))[1:]] == [
        "S-03", "S-04",
    ]  # fmt: skip
    assert len(read_csv(export(tmp_path / "none.csv", "--search", "nothing-like-this"))) == 1

    filled = fill_csv(sheet, tmp_path / "filled.csv", {
        "S-01": {"New status": "in-progress", "New RAG": "Green", "New % complete": "35%"},
        "S-02": {"New RAG": "R", "Commentary": "Partners have not signed; escalating"},
    })  # fmt: skip
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 0, result.output
    assert position(sheet_plan, "S-01") == ("in progress", "green", 35, None, 2)
    assert position(sheet_plan, "S-02") == (
        "in progress",
        "red",
        40,
        "Partners have not signed; escalating",
        2,
    )


def test_dry_run_stores_nothing_and_says_so(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.xlsx")
    filled = fill_xlsx(sheet, tmp_path / "f.xlsx", {"S-03": {"New status": "in progress"}})
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", filled, "--dry-run")
    assert result.exit_code == 0, result.output
    assert outcome_lines(result)["S-03"] == "would record"
    assert "dry run, nothing was stored: 1 would be recorded" in result.output
    assert snapshot(sheet_plan) == before


def test_all_or_nothing_by_default_and_partial_on_request(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "r.xlsx")
    filled = fill_xlsx(sheet, tmp_path / "f.xlsx", {
        "S-01": {"New % complete": 50},
        "S-03": {"New RAG": "purple"},
    })  # fmt: skip
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 2  # README: 2 means nothing was changed
    assert outcome_lines(result) == {
        "S-01": "would record", "S-02": "unchanged", "S-03": "invalid", "S-04": "unchanged",
        "S-05": "unchanged",
    }  # fmt: skip
    assert "nothing was stored: fix the invalid and conflicting rows first" in result.output
    assert snapshot(sheet_plan) == before
    # the preview shows the same rows, and stores nothing either
    preview = run("actions", "import-sheet", filled, "--dry-run", "--partial")
    assert preview.exit_code == 2
    assert outcome_lines(preview) == outcome_lines(result)
    assert "dry run, nothing was stored: 1 would be recorded" in preview.output
    preview = run("actions", "import-sheet", filled, "--dry-run")
    assert preview.exit_code == 2
    assert outcome_lines(preview) == outcome_lines(result)
    assert (
        "1 valid, but as it stands nothing would be recorded (all or nothing: fix the other "
        "rows, or use --partial)"
    ) in " ".join(preview.output.split())
    assert snapshot(sheet_plan) == before
    # --partial records the valid row and reports the bad one, with its own exit code
    result = run("actions", "import-sheet", filled, "--partial")
    assert result.exit_code == 5, result.output
    assert (
        outcome_lines(result)["S-01"] == "recorded" and outcome_lines(result)["S-03"] == "invalid"
    )
    assert "recorded 1 status update in one transaction (the other rows were refused)" in (
        result.output
    )
    assert position(sheet_plan, "S-01")[2] == 50
    assert position(sheet_plan, "S-03") == ("not started", None, 0, None, 1)
    # nothing valid left to record: --partial changes nothing and says 2, not 5
    again = run("actions", "import-sheet", filled, "--partial")
    assert again.exit_code == 2, again.output
    both = run("actions", "import-sheet", filled, "--partial", "--all-or-nothing")
    assert both.exit_code == 2 and "contradict" in both.output


def test_read_only_edits_are_reported_not_imported(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.xlsx")
    filled = fill_xlsx(sheet, tmp_path / "f.xlsx", {
        "S-03": {"Due": dt.date(2027, 1, 31), "Current status": "In progress",
                 "New status": "in progress", "New % complete": 5},
        "S-04": {"Due": 46752, "New % complete": 5},  # Excel serial 46752 = 2027-12-31
    })  # fmt: skip
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 0, result.output
    assert ("Due changed from 2026-12-31 to 2027-01-31: not recorded; ask the programme manager"
            in result.output)  # fmt: skip
    assert (
        "Current status changed from not started to in progress: not recorded; ask the "
        "programme manager (use 'New status')"
    ) in result.output
    assert "to 2027-12-31: not recorded" in result.output, result.output
    with sheet_plan.db.reading() as s:
        from tracker.models import Action

        due = s.scalar(select(Action.due).where(Action.ref == "S-03"))
    assert due == dt.date(2026, 12, 31)


def test_help_has_examples(settings_file: Path) -> None:
    for command in ("export-sheet", "import-sheet"):
        result = run("actions", command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.output


def test_the_register_commands_do_not_load_openpyxl() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import tracker.cli.actions; "
        "sys.exit('openpyxl' in sys.modules)"
    )  # fmt: skip
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_sheet_update_right_after_another_gets_its_own_second(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    """An update recorded just before the sheet goes in (same second) stays before it in the
    history, and the two never share a stamp."""
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.updates import record_update

    sheet = export(tmp_path / "sfb.csv", "--board", "sfb")
    record_update(sheet_plan, "S-01", progress=25, note="Third locality mapped")
    filled = fill_csv(sheet, tmp_path / "filled.csv", {
        "S-01": {"New % complete": "35%", "Commentary": "Fourth locality mapped"},
    })  # fmt: skip
    result = run("actions", "import-sheet", filled, "--force")
    assert result.exit_code == 0, result.output
    newest, before, *_ = get_action(sheet_plan, "S-01").updates
    assert (newest.progress, before.progress) == (35, 25)
    assert newest.recorded_at > before.recorded_at


def test_an_action_without_a_due_date_shows_its_phases_end_to_the_owner(
    loaded: Tracker, tmp_path: Path
) -> None:
    """The shipped plan gives no due dates: each action is due by its phase's end, and late
    after it, as the register says. An owner's sheet showed its Due cell blank; it shows that
    date, and the sheet filled in and imported notes no change to it."""
    import openpyxl

    sheet = export(tmp_path / "return.xlsx")
    ws = openpyxl.load_workbook(sheet)["Actions"]
    due = {ws.cell(r, 1).value: ws.cell(r, 6).value for r in range(2, ws.max_row + 1)}
    assert due["P1-01"] == dt.datetime(2025, 3, 31)  # phase 1, 2024-2025: late
    assert due["P2-01"] == dt.datetime(2026, 3, 31)
    filled = fill_xlsx(sheet, tmp_path / "filled.xlsx", {
        "P1-01": {"New status": "in progress", "New RAG": "red", "New % complete": 10,
                  "Commentary": "Started late: police sign-off awaited"},
    })  # fmt: skip
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 0, result.output
    assert "recorded 1 status update" in result.output
    assert "Due changed" not in result.output
    csv_rows = read_csv(export(tmp_path / "return.csv"))
    assert csv_rows[1][:1] == ["P1-01"] and csv_rows[1][HEADERS.index("Due")] == "2025-03-31"
