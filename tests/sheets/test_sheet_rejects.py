"""What an import refuses, row by row or whole, and that the database is as it must be after;
on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheet_helpers import (
    export,
    fill_csv,
    fill_xlsx,
    outcome_lines,
    position,
    read_csv,
    run,
    snapshot,
)

from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker


def test_each_bad_row_kind_is_reported_and_not_stored(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.csv")
    rows = read_csv(sheet)
    rows.append(["S-99", "A row someone added"] + [""] * 8 + ["in progress", "", "", "", "1"])
    rows.append(["", "Totals"] + [""] * 8 + ["", "", "", "see above", ""])
    rows.append(list(rows[1]))  # S-01 twice
    rows[-1][10] = "complete"
    with (tmp_path / "more.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        import csv

        csv.writer(fh).writerows(rows)
    filled = fill_csv(tmp_path / "more.csv", tmp_path / "bad.csv", {
        "S-01": {"New status": "finished"},
        "S-02": {"New RAG": "Amber-ish", "New % complete": "140%"},
        "S-03": {"New RAG": "amber"},  # commentary missing
        "S-04": {"New % complete": "-5"},
        "S-05": {"New status": "in progress", "Commentary": "Back on"},  # cancelled: reopen
    })  # fmt: skip
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 2, result.output
    out = result.output
    assert outcome_lines(result) == {
        "S-01": "invalid", "S-02": "invalid", "S-03": "invalid", "S-04": "invalid",
        "S-05": "invalid", "S-99": "invalid", "-": "invalid",
    }  # fmt: skip
    assert (
        "New status (column K): unknown status 'finished' "
        "(allowed: not started, in progress, complete, cancelled)"
    ) in out
    assert (
        "New RAG (column L): unknown RAG 'Amber-ish'; did you mean: amber? (allowed: green, amber, red, none"
        in out
    )
    assert "New % complete (column M): 140% is out of range (allowed: 0-100" in out
    assert "New % complete (column M): -5% is out of range" in out
    assert "Commentary (column N): commentary is required when the RAG is amber" in out
    assert "New status (column K): the action is cancelled; reopen it by editing" in out
    assert "Ref (column A): no action with ref 'S-99'" in out
    assert "Ref (column A): no ref: which action is this row about?" in out
    assert "Ref (column A): S-01 is already reported on row 2" in out
    assert "0 recorded" not in out and "nothing to record; 0 unchanged, 8 invalid" in out
    assert snapshot(sheet_plan) == before


def test_past_due_needs_commentary(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.xlsx")
    filled = fill_xlsx(sheet, tmp_path / "f.xlsx", {"S-02": {"New RAG": "G", "New % complete": 45}})
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 2
    assert "past its due date, 31 Jan 2026: commentary required" in result.output
    assert position(sheet_plan, "S-02")[2] == 40


def test_stale_version_conflicts_and_force_applies(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.xlsx")
    # somebody updates S-01 in the app after the sheet went out
    record_update(sheet_plan, "S-01", progress=30, note="Three localities mapped", by="Amy Archer")
    filled = fill_xlsx(sheet, tmp_path / "f.xlsx", {
        "S-01": {"New % complete": 25, "Commentary": "Two and a half localities"},
        "S-03": {"New status": "in progress", "New % complete": 5},
    })  # fmt: skip
    before = position(sheet_plan, "S-01")
    result = run("actions", "import-sheet", filled, "--partial")
    assert result.exit_code == 5, result.output  # some recorded, some refused
    outcomes = outcome_lines(result)
    assert (outcomes["S-01"], outcomes["S-03"]) == ("conflict", "recorded")
    out = result.output
    assert "changed since the sheet was exported (version 1, now 2)" in out
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "in the sheet now" in lines
    assert "version 1 2" in lines
    assert "% complete 25 30" in lines
    assert "commentary Two and a half localities Three localities mapped" in lines
    assert any(line.startswith("latest update - Amy Archer, ") for line in lines)
    assert "import again with --force" in out
    assert position(sheet_plan, "S-01") == before  # not overwritten
    assert position(sheet_plan, "S-03")[:3] == ("in progress", None, 5)  # the rest landed

    forced = run("actions", "import-sheet", filled, "--force")
    assert forced.exit_code == 0, forced.output
    assert "forced: the sheet had version 1, the action 2" in forced.output
    assert position(sheet_plan, "S-01") == (
        "in progress", "green", 25, "Two and a half localities", 3
    )  # fmt: skip
    assert outcome_lines(forced)["S-03"] == "unchanged"


def test_all_or_nothing_holds_back_on_conflict(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.csv")
    record_update(sheet_plan, "S-01", progress=30)
    filled = fill_csv(sheet, tmp_path / "f.csv", {
        "S-01": {"New % complete": "25"}, "S-03": {"New % complete": "5"},
    })  # fmt: skip
    before = snapshot(sheet_plan)
    for flags in ((), ("--all-or-nothing",)):  # the default; the old flag still says so
        result = run("actions", "import-sheet", filled, *flags)
        assert result.exit_code == 3
        assert "nothing was stored: fix the invalid and conflicting rows first" in result.output
        assert snapshot(sheet_plan) == before


def test_a_version_the_action_never_had_is_invalid(sheet_plan: Tracker, tmp_path: Path) -> None:
    sheet = export(tmp_path / "r.csv")
    filled = fill_csv(sheet, tmp_path / "f.csv", {
        "S-03": {"New % complete": "5", "Version": "7"},
        "S-04": {"New % complete": "5", "Version": "seven"},
    })  # fmt: skip
    result = run("actions", "import-sheet", filled)
    assert result.exit_code == 2
    assert "Version (column O): S-03 is at version 1; there is no version 7" in result.output
    assert "Version (column O): 'seven' is not a version number" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.xlsx", b"", "the file is empty"),
        ("empty.csv", b"", "the file is empty"),
        ("blank.csv", b"\r\n,,,\r\n\r\n", "the sheet has no rows"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not an Excel workbook"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a spreadsheet (binary data)"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "an old-style .xls"),
        ("notes.csv", b"Dear Amy,\nhere are my updates.\n", "no header row found"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a zip", "not a readable .xlsx workbook"),
    ],
)
def test_files_that_are_not_a_sheet_are_refused(
    sheet_plan: Tracker, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 2
    assert "refused, nothing was changed" in result.output
    assert message in result.output
    assert snapshot(sheet_plan) == before


def test_a_word_document_is_not_a_workbook(sheet_plan: Tracker, tmp_path: Path) -> None:
    import zipfile

    doc = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    result = run("actions", "import-sheet", doc)
    assert result.exit_code == 2
    assert "not a readable .xlsx workbook" in result.output


def test_missing_required_columns(sheet_plan: Tracker, tmp_path: Path) -> None:
    import openpyxl

    sheet = export(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Actions"]
    ws.delete_cols(15)  # Version
    ws.delete_cols(12)  # New RAG
    ws["K3"] = "in progress"
    wb.save(tmp_path / "cut.xlsx")
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", tmp_path / "cut.xlsx")
    assert result.exit_code == 2
    assert "cut.xlsx:1: New RAG: required column missing from the header row" in result.output
    assert "cut.xlsx:1: Version: required column missing" in result.output
    assert "Ref, New status, New RAG, New % complete, Commentary, Version" in result.output
    assert snapshot(sheet_plan) == before


def test_missing_file_and_bad_export_name(sheet_plan: Tracker, tmp_path: Path) -> None:
    result = run("actions", "import-sheet", tmp_path / "nowhere.xlsx")
    assert result.exit_code == 2 and "no such file" in result.output
    result = run("actions", "export-sheet", tmp_path / "r.xls")
    assert (
        result.exit_code == 2
        and "FILE: cannot write a .xls file (allowed: .xlsx, .ods, .csv)" in (result.output)
    )
    result = run("actions", "export-sheet", tmp_path / "no" / "r.xlsx")
    assert result.exit_code == 2 and "no folder" in result.output
    result = run("actions", "export-sheet", tmp_path / "r.xlsx", "--board", "nope")
    assert result.exit_code == 2 and "no board 'nope'" in result.output  # not an empty sheet
    assert not (tmp_path / "r.xlsx").exists()


def test_a_change_landing_during_the_write_stores_nothing(sheet_plan: Tracker) -> None:
    """The bulk write updates only rows still at the version read (WHERE version = :v) and
    counts them: one that moved under it fails the whole import, which rolls back."""
    from tracker.errors import Conflict
    from tracker.models import utcnow
    from tracker.services.sheets.store import Planned, load_current, store_updates

    with sheet_plan.db.reading() as s:
        current = load_current(s, ["S-01", "S-03"], lock=False)
    record_update(sheet_plan, "S-03", progress=10)  # lands between the read and the write
    before = snapshot(sheet_plan)
    plans = [
        Planned(current["S-01"], "in progress", "green", 30, "ok"),
        Planned(current["S-03"], "in progress", None, 20, "ok"),
    ]
    with pytest.raises(Conflict, match="1 action"), sheet_plan.db.writing() as s:
        store_updates(s, plans, "Test", utcnow())
    assert snapshot(sheet_plan) == before
