"""Sheets as Excel leaves them: serial dates, percentages as 0.4 / '40%' / 40, 'Amber' / 'A' /
'AMBER', 'In Progress' / 'in-progress', stray spaces, blank rows, extra formatting and columns,
BOMs, Windows-1252 and UTF-16 text; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sheet_helpers import export, outcome_lines, position, read_csv, run, snapshot

from tracker.services.context import Tracker


def test_xlsx_saved_by_excel_with_formatting(loaded: Tracker, tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Border, Font, PatternFill, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Return"
    ws["A1"] = "Early Help status return – Phase One"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(size=16, bold=True)
    headers = ["REF", "Title", "Due", "new status", " New RAG ", "New % Complete", "Commentary",
               "Version", "Owner's notes"]  # fmt: skip
    ws.append([])
    ws.append(headers)
    data = [
        ["P1-01 ", "Identifying…", 46100, "In Progress", "Amber", 0.4, "Police slow  ", 1.0, "x"],
        ["P1-02", None, 46101, "in-progress", "A", "40%", "On it", 1, None],
        [],
        ["P1-03", None, None, " complete ", None, 1, None, 1, "=1+1"],
        ["P1-04", None, None, "In progress", "AMBER", 40, "Waiting on health", "1", None],
        # past their phase's end (31 Mar 2025): commentary is required
        ["P1-05", None, None, "IN_PROGRESS", "g", 0.25, "Late start", 1, None],
        ["P1-06", None, None, None, "green", None, "Not begun", 1, None],
    ]
    for row in data:
        ws.append(row)
    ws["F4"].number_format = "0%"  # 0.4 shown as 40%
    ws["F7"].number_format = "0%"  # 1 shown as 100%
    ws["C4"].number_format = "dd/mm/yyyy"
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=3, max_row=10):
        for cell in row:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
    ws.conditional_formatting.add("E4:E10", CellIsRule(operator="equal", formula=['"Amber"'],
                                                       fill=PatternFill("solid", fgColor="FFC000")))  # fmt: skip
    ws.auto_filter.ref = "A3:I10"
    ws.column_dimensions["B"].width = 60
    for r in range(11, 60):  # formatted, empty rows below the data, as Excel keeps them
        ws.cell(r, 4).fill = PatternFill("solid", fgColor="DDEBF7")
    wb.create_sheet("Lookups")["A1"] = "green"
    path = tmp_path / "from-excel.xlsx"
    wb.save(path)

    result = run("actions", "import-sheet", path)
    assert result.exit_code == 0, result.output
    outcomes = outcome_lines(result)
    assert [outcomes[r] for r in ("P1-01", "P1-02", "P1-03", "P1-04", "P1-05", "P1-06")] == [
        "recorded"] * 6  # fmt: skip
    assert position(loaded, "P1-01") == ("in progress", "amber", 40, "Police slow", 2)
    assert position(loaded, "P1-02")[:4] == ("in progress", "amber", 40, "On it")
    assert position(loaded, "P1-03")[:3] == ("complete", None, 100)
    assert position(loaded, "P1-04")[:3] == ("in progress", "amber", 40)
    assert position(loaded, "P1-05")[:3] == ("in progress", "green", 25)
    assert position(loaded, "P1-06")[:3] == ("not started", "green", 0)
    # serial dates (46100, 46101) read as dates; the shipped actions have none of their own, so
    # their phase's end is what a sheet shows (31 Mar 2025): noted
    assert (
        "Due changed from 2025-03-31 to 2026-03-19: not recorded; ask the programme manager"
        in result.output
    )
    assert "Due changed from 2025-03-31 to 2026-03-20: not recorded" in result.output


def test_csv_with_bom_and_excel_spellings(sheet_plan: Tracker, tmp_path: Path) -> None:
    rows = read_csv(export(tmp_path / "r.csv"))
    at = {h: i for i, h in enumerate(rows[0])}
    wanted = {
        "S-01": ("In Progress", "Amber", "0.4", "Slipping: partners slow "),
        "S-03": ("in-progress", "a", "40 ", "Started "),
        "S-04": ("  Not Started", "G ", "0%", ""),
    }
    for row in rows[1:]:
        if row[0] in wanted:
            for header, value in zip(("New status", "New RAG", "New % complete", "Commentary"),
                                     wanted[row[0]], strict=True):  # fmt: skip
                row[at[header]] = value
        row[at["Due"]] = "/".join(reversed(row[at["Due"]].split("-")))  # 30/06/2026, as Excel
    text = "\r\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows) + "\r\n"
    path = tmp_path / "filled.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 0, result.output
    assert "utf-8-sig" in result.output
    assert "Due changed" not in result.output  # 30/06/2026 is the same date as exported
    assert position(sheet_plan, "S-01") == (
        "in progress",
        "amber",
        40,
        "Slipping: partners slow",
        2,
    )
    assert position(sheet_plan, "S-03")[:4] == ("in progress", "amber", 40, "Started")
    assert position(sheet_plan, "S-04")[:3] == ("not started", "green", 0)


def test_csv_saved_by_excel_on_windows_cp1252(sheet_plan: Tracker, tmp_path: Path) -> None:
    rows = read_csv(export(tmp_path / "r.csv"))
    at = {h: i for i, h in enumerate(rows[0])}
    note = "£2k agreed – partners’ sign-off due"
    for row in rows[1:]:
        if row[0] == "S-03":
            row[at["New status"]] = "In Progress"
            row[at["Commentary"]] = note
    # European Excel: semicolons; no BOM; Windows-1252
    text = "\r\n".join(";".join(r) for r in rows) + "\r\n"
    path = tmp_path / "windows.csv"
    path.write_bytes(text.encode("cp1252"))
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 0, result.output
    assert "(csv, cp1252)" in result.output
    assert position(sheet_plan, "S-03")[3] == note


def test_csv_saved_as_unicode_text(sheet_plan: Tracker, tmp_path: Path) -> None:
    rows = read_csv(export(tmp_path / "r.csv"))
    at = {h: i for i, h in enumerate(rows[0])}
    rows[3][at["New status"]] = "in progress"  # S-03
    path = tmp_path / "unicode.txt"
    path.write_bytes("\r\n".join("\t".join(r) for r in rows).encode("utf-16"))
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 0, result.output
    assert position(sheet_plan, "S-03")[0] == "in progress"


def test_undecodable_text_is_refused_with_a_way_out(sheet_plan: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"Ref,New status\r\nS-01,\x81\x8d\xc3(\r\n")
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "cannot read the text exactly: it is not valid Windows-1252" in out
    assert "(byte b'\\x81' on line 2)" in out
    assert "tried UTF-8, UTF-8 with BOM, UTF-16 (with BOM, or without one), Windows-1252" in out
    assert "CSV UTF-8 (Comma delimited)" in result.output
    assert snapshot(sheet_plan) == before
