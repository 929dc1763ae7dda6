"""LibreOffice's own format (.ods) out and back in with the checks an .xlsx gets, and CSV in the
encoding Excel on Windows reads correctly (UTF-8 with a BOM by default, --encoding to choose)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet, load
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from programs import need_program
from sheet_helpers import export, fill_xlsx, position, run, snapshot

from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker


def test_ods_export_is_protected_except_the_fill_in_columns(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "r.ods")
    doc = load(str(sheet))
    actions = next(t for t in doc.spreadsheet.getElementsByType(Table)
                   if t.getAttribute("name") == "Actions")  # fmt: skip
    assert actions.getAttribute("protected") == "true"
    columns = actions.getElementsByType(TableColumn)
    assert columns[-1].getAttribute("visibility") == "collapse"  # Version
    rows = actions.getElementsByType(TableRow)
    assert [str(c) for c in rows[0].getElementsByType(TableCell)][:3] == ["Ref", "Title", "Phase"]
    assert len(rows) == 6  # the header and five actions
    styles = {s.getAttribute("name"): s for s in doc.automaticstyles.childNodes}
    cells = rows[1].getElementsByType(TableCell)
    protect = [styles[c.getAttribute("stylename")].childNodes[0].getAttribute("cellprotect")
               for c in cells]  # fmt: skip
    assert protect[10:14] == ["none"] * 4  # New status, New RAG, New %, Commentary
    assert all(p != "none" for p in protect[:10])
    # read back unchanged: every row unchanged, nothing stored
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", sheet)
    assert result.exit_code == 0, result.output
    assert "(ods): 5 rows" in result.output and "5 unchanged" in result.output
    assert snapshot(sheet_plan) == before


def test_a_return_saved_by_libreoffice_as_ods_is_recorded(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    soffice = need_program("soffice", "LibreOffice")
    need_program("pdftotext", "poppler-utils")
    sheet = export(tmp_path / "r.xlsx")
    filled = fill_xlsx(sheet, tmp_path / "filled.xlsx", {
        "S-01": {"New status": "In Progress", "New RAG": "Amber", "New % complete": 35,
                 "Commentary": "Two more localities\nmapped; one waiting"},
        "S-03": {"Due": dt.date(2027, 1, 31)},
    })  # fmt: skip
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path / "lo-out"), str(filled)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    ods = tmp_path / "lo-out" / "filled.ods"
    result = run("actions", "import-sheet", ods)
    assert result.exit_code == 0, result.output
    assert "recorded 1 status update" in result.output
    assert position(sheet_plan, "S-01")[:4] == (
        "in progress", "amber", 35, "Two more localities\nmapped; one waiting")  # fmt: skip
    assert ("Due changed from 2026-12-31 to 2027-01-31: not recorded; ask the programme "
            "manager") in result.output  # fmt: skip


def _ods(path: Path, rows: list[list[object]]) -> Path:
    """An .ods as LibreOffice writes one: typed cells, a percentage, a formula, a date."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Actions")
    for values in rows:
        row = TableRow()
        for v in values:
            if isinstance(v, tuple):  # (kind, value)
                kind, raw = v
                if kind == "formula":
                    cell = TableCell(formula=raw, valuetype="float", value=40)
                elif kind == "percentage":
                    cell = TableCell(valuetype="percentage", value=raw)
                else:
                    cell = TableCell(valuetype="date", datevalue=raw)
            elif isinstance(v, int | float):
                cell = TableCell(valuetype="float", value=v)
            elif v is None:
                cell = TableCell()
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(v)))
            row.addElement(cell)
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated=1_048_000))  # LibreOffice's empty tail
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


HEAD = ["Ref", "Due", "New status", "New RAG", "New % complete", "Commentary", "Version"]


def test_ods_cells_are_read_as_typed_and_checked_like_xlsx(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    good = _ods(tmp_path / "good.ods", [
        HEAD,
        ["S-01", ("date", "2026-06-30"), "in progress", "A", ("percentage", 0.45), "Slower", 1],
    ])  # fmt: skip
    result = run("actions", "import-sheet", good)
    assert result.exit_code == 0, result.output
    assert position(sheet_plan, "S-01")[:4] == ("in progress", "amber", 45, "Slower")
    bad = _ods(tmp_path / "bad.ods", [
        HEAD,
        ["S-02", None, "in progress", "red", ("formula", "of:=[.A1]*2"), "Late", 1],
        ["S-03", None, "finished", "green", 10, None, 1],
    ])  # fmt: skip
    before = snapshot(sheet_plan)
    result = run("actions", "import-sheet", bad)
    assert result.exit_code == 2, result.output
    assert "Sheet Actions, cell E2: formulas are not read; type the value" in result.output
    assert "unknown status 'finished'" in result.output
    assert snapshot(sheet_plan) == before


def test_a_broken_ods_is_refused_with_a_reason(sheet_plan: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "return.ods"
    path.write_text("Ref,New status\n", encoding="utf-8")
    result = run("actions", "import-sheet", path)
    assert result.exit_code == 2
    assert "not an OpenDocument spreadsheet" in result.output
    assert "Traceback" not in result.output


def test_csv_has_a_bom_by_default_and_the_encoding_can_be_chosen(
    sheet_plan: Tracker, tmp_path: Path
) -> None:
    record_update(sheet_plan, "S-01", progress=25, note="Agreed with Siân Jones", by="Amy Archer")
    default = export(tmp_path / "a.csv").read_bytes()
    assert default.startswith(b"\xef\xbb\xbf") and "Siân".encode() in default
    plain = export(tmp_path / "b.csv", "--encoding", "utf-8").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and "Siân".encode() in plain
    windows = export(tmp_path / "c.csv", "--encoding", "windows-1252").read_bytes()
    assert "Siân".encode("cp1252") in windows
    record_update(sheet_plan, "S-01", progress=30, note="Łucja to confirm", by="Amy Archer")
    target = tmp_path / "c.csv"
    result = run("actions", "export-sheet", target, "--encoding", "windows-1252")
    assert result.exit_code == 2
    assert "'Ł', which cp1252 cannot hold" in result.output
    assert target.read_bytes() == windows  # the earlier file is left whole
    # each imports again as it was written
    for name in ("a.csv", "b.csv", "c.csv"):
        result = run("actions", "import-sheet", tmp_path / name, "--dry-run")
        assert "invalid" not in result.output.split("dry run")[0], result.output
