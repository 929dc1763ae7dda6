"""Every text field of a plan filled with hostile text: what the tracker writes out (xlsx, CSV,
.ics, papers, the terminal) is inert, and export -> import gives the text back exactly.

Hostile text: spreadsheet formulas (`=cmd|' /C calc'!A0`, `+`, `-`, `@`), HTML `<script>`,
Markdown, Jinja `{{ }}` / `{% %}`, the right-to-left override U+202E and 100 KB strings, put in
through a plan file; control characters and terminal escapes, which input refuses, are written
straight into the database with SQL, as old data would hold them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_bases import workspace
from hostile_helpers import Workspace, run_cli
from hostile_texts import FORMULA_START
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

# Control characters and escapes stored by old versions, inserted with SQL
STORED_CONTROLS = "old\x1b]0;owned\x07\x1b[2J\x1b[31mred\x0cpage\x08\x7f\x9bend"
EVALUATED = ("JINJARAN", "LOOPEDLOOPED")  # what the Jinja texts above would give


def strings_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set().union(*(strings_in(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(strings_in(v) for v in node)) if node else set()
    return {node} if isinstance(node, str) else set()


def ok(ws: Workspace, *args: str) -> str:
    outcome = run_cli([ws.fill(a) for a in args], ws.env)
    assert outcome.traceback is None, outcome.traceback
    assert outcome.exit_code == 0, (args, outcome.output[:3000])
    return outcome.output


def store_old_controls(ws: Workspace) -> None:
    """What an older tracker let in: control characters in titles, commentary, board names,
    follow-ups and resolutions."""
    engine = create_engine(ws.db_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE action SET title = :t WHERE ref = 'P1-01'"), {"t": STORED_CONTROLS}
        )
        conn.execute(text("UPDATE action SET latest_commentary = :t"), {"t": STORED_CONTROLS})
        conn.execute(text("UPDATE status_update SET commentary = :t"), {"t": STORED_CONTROLS})
        conn.execute(text("UPDATE board SET name = :t || code"), {"t": STORED_CONTROLS})
        conn.execute(text("UPDATE followup SET text = :t"), {"t": STORED_CONTROLS})
        conn.execute(text("UPDATE resolution SET text = :t"), {"t": STORED_CONTROLS})
        conn.execute(text("UPDATE meeting SET title = :t"), {"t": STORED_CONTROLS})
    engine.dispose()


CONTROLS = "\x1b\x07\x08\x0c\x7f\x9b"


def assert_no_control_bytes(where: str, output: str) -> None:
    bad = sorted({f"U+{ord(c):04X}" for c in output if c in CONTROLS})
    assert not bad, f"{where}: raw control characters {bad} reach the terminal or file"


def assert_inert_paper(where: str, body: str) -> None:
    assert "<script" not in body.lower(), f"{where}: a raw <script> tag"
    # the outcomes paper's own trend charts are images of files it writes, named by code
    images = re.sub(r'<img alt="[^"<>]*" src="outcomes-[a-z0-9-]+\.svg"\s*/?>', "", body)
    assert "<img" not in images.lower(), f"{where}: a raw <img> tag"
    for marker in EVALUATED:
        assert marker not in body, f"{where}: Jinja in the data was evaluated ({marker})"
    assert_no_control_bytes(where, body)


# --- the tests --------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def hostile_loaded(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Workspace, list[str]]:
    """A database holding the hostile plan and an escalation with hostile reason and
    decision (a copy per test on SQLite; restored after a test that changed it on
    PostgreSQL); the hostile texts it holds."""
    ws = workspace(request, tmp_path, request.param, "export")
    return ws, list(ws.texts)


def test_plan_export_then_import_gives_every_hostile_text_back_exactly(
    hostile_loaded: tuple[Workspace, list[str]],
) -> None:
    ws, used = hostile_loaded
    used = used[:-2]  # the escalation's texts are not part of a plan file
    ok(ws, "plan", "export", "{tmp}/first.yaml")
    first = (ws.folder / "first.yaml").read_text("utf-8")
    exported = strings_in(yaml.safe_load(first))
    missing = [v[:60] for v in used if v not in exported]
    assert not missing, f"texts not exported exactly: {missing}"
    ok(ws, "plan", "import", "{tmp}/first.yaml")
    ok(ws, "plan", "export", "{tmp}/second.yaml")
    assert (ws.folder / "second.yaml").read_text("utf-8") == first


REFS = ["P1-01", "P1-02", "P2-01", "P10-01"]


def titles_of(ws: Workspace) -> dict[str, str]:
    return {r: json.loads(ok(ws, "actions", "show", r, "--format", "json"))["title"] for r in REFS}


def formula_cells(path: Path) -> list[str]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]  # fmt: skip


def test_xlsx_export_has_no_formula_and_the_exact_text(
    hostile_loaded: tuple[Workspace, list[str]],
) -> None:
    import openpyxl

    ws, _ = hostile_loaded
    titles = titles_of(ws)
    ok(ws, "actions", "export-sheet", "{tmp}/out.xlsx")
    assert not formula_cells(ws.folder / "out.xlsx"), "formula cells in the exported xlsx"
    sheet = openpyxl.load_workbook(ws.folder / "out.xlsx").worksheets[0]
    at = [c.value for c in sheet[1]].index("Title")
    assert {row[0]: row[at] for row in sheet.iter_rows(min_row=2, values_only=True)} == titles


def test_csv_export_has_no_cell_a_spreadsheet_would_run(
    hostile_loaded: tuple[Workspace, list[str]],
) -> None:
    ws, _ = hostile_loaded
    ok(ws, "actions", "export-sheet", "{tmp}/out.csv")
    raw = (ws.folder / "out.csv").read_text("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(raw, newline="")) for c in row]
    live = [c[:40] for c in cells if c.startswith(FORMULA_START)]
    assert not live, f"CSV cells that start like a formula: {live}"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_sheet_export_then_import_gives_the_text_back_exactly(
    hostile_loaded: tuple[Workspace, list[str]], kind: str
) -> None:
    """An owner copies each exported title into Commentary (cell as it is in the file); the
    tracker stores exactly the title."""
    ws, _ = hostile_loaded
    titles = titles_of(ws)
    ok(ws, "actions", "import-sheet", str(_commentary_from_titles(ws, kind)))
    got = {}
    for ref in REFS:
        shown = json.loads(ok(ws, "actions", "show", ref, "--format", "json"))
        latest = max(shown["updates"], key=lambda u: u["recorded_at"], default={})
        got[ref] = latest.get("commentary")  # None: nothing was recorded for this row
    assert got == titles


def _commentary_from_titles(ws: Workspace, kind: str) -> Path:
    """Export, then copy each row's Title cell into its Commentary cell, as an owner would in
    Excel (cell values copied as they are in the file)."""
    import openpyxl

    out = ws.folder / f"return.{kind}"
    ok(ws, "actions", "export-sheet", str(out))
    if kind == "xlsx":
        wb = openpyxl.load_workbook(out)
        sheet = wb.worksheets[0]
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            source, target = row[header.index("Title")], row[header.index("Commentary")]
            target.value = source.value
            target.data_type = source.data_type  # Excel copies a text cell as text
        wb.save(out)
        return out
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    header = rows[0]
    for row in rows[1:]:
        row[header.index("Commentary")] = row[header.index("Title")]
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    out.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return out


TERMINAL = [
    ["actions", "show", "P1-01"],
    ["actions", "show", "P1-02"],
    ["actions", "list"],
    ["followups", "list"],
    ["followups", "show", "1"],
    ["boards"],
    ["escalations", "list"],
]


def test_terminal_output_sends_no_escape_from_old_data(
    hostile_loaded: tuple[Workspace, list[str]],
) -> None:
    ws, _ = hostile_loaded
    store_old_controls(ws)
    raw = {}
    for args in TERMINAL:
        output = ok(ws, *args)
        bad = sorted({f"U+{ord(c):04X}" for c in output if c in CONTROLS})
        if bad:
            raw[" ".join(args)] = bad
    assert not raw, f"raw control characters reach the terminal: {raw}"


def test_sheets_from_old_data_are_inert(hostile_loaded: tuple[Workspace, list[str]]) -> None:
    ws, _ = hostile_loaded
    store_old_controls(ws)
    ok(ws, "actions", "export-sheet", "{tmp}/old.xlsx")
    assert not formula_cells(ws.folder / "old.xlsx")
    ok(ws, "actions", "export-sheet", "{tmp}/old.csv")
    assert_no_control_bytes("CSV", (ws.folder / "old.csv").read_text("utf-8-sig"))


@pytest.mark.parametrize("old_controls", [False, True], ids=["hostile", "old-controls"])
def test_calendar_is_valid_and_inert(
    hostile_loaded: tuple[Workspace, list[str]], old_controls: bool
) -> None:
    import icalendar

    ws, _ = hostile_loaded
    if old_controls:
        store_old_controls(ws)
    ok(ws, "calendar", "export", "{tmp}/cal.ics", "--all")
    body = (ws.folder / "cal.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar.walk("VEVENT") or calendar.walk("VTODO")
    assert_no_control_bytes(".ics", body.decode("utf-8"))


PAPERS = [
    ("highlight", "families-board"),
    ("exception", "families-board"),
    ("matters-arising", "scrutiny"),
    ("cover", "scrutiny"),
    ("outcomes", "families-board"),
]


@pytest.mark.parametrize("old_controls", [False, True], ids=["hostile", "old-controls"])
def test_papers_show_hostile_text_inert(
    hostile_loaded: tuple[Workspace, list[str]], old_controls: bool
) -> None:
    """Markdown and HTML papers: no live HTML, no evaluated Jinja, no control characters."""
    ws, _ = hostile_loaded
    if old_controls:
        store_old_controls(ws)
    problems = []
    for template, board in PAPERS:
        for fmt in ("md", "html"):
            out = ws.folder / f"{template}.{fmt}"
            args = ["render", template, "--board", board, "--format", fmt, "--out", str(out)]
            ok(ws, "paper", *args)
            try:
                assert_inert_paper(f"{template}.{fmt}", out.read_text("utf-8"))
            except AssertionError as exc:
                problems.append(str(exc).splitlines()[0])
    assert not problems, problems
