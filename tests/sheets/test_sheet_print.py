"""The owner's sheet as a partner sees it: text wraps, RAG and status coloured by rules that
follow an edit, only the fill-in columns editable (protected, no password), landscape, one page
wide with the header row on every page and the board and period in the page header; and printed
by LibreOffice as a partner would print it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
from programs import need_program
from sheet_helpers import export

from tracker.services.context import Tracker

INPUT = ("K", "L", "M", "N")  # New status, New RAG, New % complete, Commentary


def test_only_the_fill_in_columns_can_be_edited(loaded: Tracker, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(tmp_path / "r.xlsx"))
    ws = wb["Actions"]
    assert ws.protection.sheet and not ws.protection.password  # a guard, not a lock
    assert not ws.protection.autoFilter  # filtering stays allowed
    for row in (2, ws.max_row):
        for letter in "ABCDEFGHIJO":
            assert ws[f"{letter}{row}"].protection.locked, f"{letter}{row}"
        for letter in INPUT:
            assert not ws[f"{letter}{row}"].protection.locked, f"{letter}{row}"
    assert ws["B2"].alignment.wrap_text and ws["J2"].alignment.wrap_text  # title, commentary
    assert ws["N2"].alignment.wrap_text
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"}
    assert widths["A"] < widths["B"] and widths["F"] < widths["B"]  # Due narrower than Title
    assert all(6 <= w <= 44 for w in widths.values()), str(widths)


def test_rag_and_status_colours_follow_the_cell(loaded: Tracker, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(tmp_path / "r.xlsx"))
    ws = wb["Actions"]
    rules = {
        str(rng.sqref).split(":")[0]: [(r.formula[0], r.dxf.fill.fgColor.rgb) for r in rng.rules]
        for rng in ws.conditional_formatting
    }
    new_rag = rules["L2"]
    assert ('OR(LOWER(TRIM(L2))="red",LOWER(TRIM(L2))="r")', "00C0262D") in new_rag
    assert ('OR(LOWER(TRIM(L2))="amber",LOWER(TRIM(L2))="a")', "00F0A202") in new_rag
    assert ('LOWER(TRIM(K2))="complete"', "001D5FBF") in rules["K2"]
    assert "H2" in rules and "G2" in rules  # current RAG and status too


def test_prints_landscape_one_page_wide_with_board_and_period(
    loaded: Tracker, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(export(tmp_path / "r.xlsx", "--board", "supporting-families-board"))
    ws = wb["Actions"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.left.text == "Supporting Families Board"
    assert ws.oddHeader.right.text == "Position as at 1 March 2026"
    assert ws.oddFooter.center.text == "Page &P of &N"
    notes = "\n".join(str(c.value) for (c,) in wb["How to fill in"].iter_rows() if c.value)
    assert "When you send it back" in notes
    assert "not recorded; ask the programme manager" in notes
    assert "becomes a status update" in notes


def test_libreoffice_prints_every_column_on_one_page_width(loaded: Tracker, tmp_path: Path) -> None:
    soffice = need_program("soffice", "LibreOffice")
    need_program("pdftotext", "poppler-utils")
    sheet = export(tmp_path / "r.xlsx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(sheet)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    pages = [p for p in text.split("\f") if p.strip()]
    actions = [p for p in pages if "P1-01" in p or "P5-02" in p]
    first = actions[0]
    # every column's header on the first page: nothing spills to a second page width
    for header in ("Ref", "Title", "Owner", "Due", "Current", "New status", "New RAG"):
        assert header in first, header
    assert "All boards" in first and "Page 1 of" in first
    assert "P5-02" in "".join(actions)  # the last action printed too
