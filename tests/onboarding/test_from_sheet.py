"""`tracker plan from-sheet LOG`: a council's own action log (five published kinds of layout,
built in logs.py) read into a valid plan file, with the mapping shown, fixable and saved, the
unmapped columns kept as notes and every unreadable cell listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from logs import (
    lead_action_by_when,
    merged_headers,
    progress_report_csv,
    rag_as_colour,
    second_sheet,
)

from tracker.cli import cli
from tracker.plans import load_plan
from tracker.plans.document import ActionSpec, PlanDocument
from tracker.services.context import Tracker


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings with a fixed today (1 March 2026) and no database: onboarding needs none."""
    config = tmp_path / "tracker.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/unused.db"\n[plans]\nload = []\n'
                      '[clock]\ntoday = "2026-03-01"\n', encoding="utf-8")  # fmt: skip
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    monkeypatch.delenv("TRACKER_TODAY", raising=False)
    return tmp_path


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def onboard(log: Path, *extra: object) -> tuple[Result, PlanDocument]:
    out = log.with_suffix(".plan.yaml")
    result = run("plan", "from-sheet", log, "--out", out, *extra)
    assert result.exit_code == 0, result.output
    assert run("plan", "validate", out).exit_code == 0  # a valid plan file, as any other
    return result, load_plan(out).doc


def action(doc: PlanDocument, ref: str) -> ActionSpec:
    return next(a for a in doc.actions if a.ref == ref)


def position(a: ActionSpec) -> tuple[object, ...]:
    commentary = a.updates[-1].commentary if a.updates else None
    return a.status, a.rag, a.progress, a.due, commentary


def mapping_lines(result: Result) -> dict[str, str]:
    """COLUMN -> FIELD from the mapping table the command shows."""
    lines = result.output.split("column mapping:\n", 1)[1].splitlines()[1:]
    out = {}
    for line in lines:
        parts = line.split()
        if len(parts) < 3 or len(parts[0]) > 2 or not parts[0].isupper():
            break
        out[parts[0]] = parts[-2]
    return out


def test_lead_action_by_when_progress_rag(offline: Path) -> None:
    result, doc = onboard(lead_action_by_when(offline))
    assert mapping_lines(result) == {"A": "owner", "B": "title", "C": "due", "D": "progress",
                                     "E": "rag"}  # fmt: skip
    assert [a.ref for a in doc.actions] == ["A-001", "A-002", "A-003", "A-004"]  # no ref column
    assert position(action(doc, "A-001")) == (
        "in progress", "green", 0, dt.date(2026, 3, 31), "Draft with comms team")  # fmt: skip
    assert position(action(doc, "A-002"))[:4] == ("in progress", "amber", 0, dt.date(2026, 3, 31))
    assert action(doc, "A-004").due == dt.date(2026, 6, 30)  # 30.6.26
    people = {p.code: (p.name, p.role) for p in doc.people}
    assert people["sian-evans"] == ("Siân Evans", None)
    assert people["head-of-early-help"] == (None, "Head of Early Help")
    assert action(doc, "A-001").owner == action(doc, "A-004").owner == "head-of-early-help"
    assert "1 cell could not be read" in result.output
    assert "Actions!C4 (By when): 'Ongoing': not a date" in result.output
    assert action(doc, "A-003").due is None  # never guessed


def test_rag_kept_as_cell_colour_under_a_title_row(offline: Path) -> None:
    result, doc = onboard(rag_as_colour(offline))
    assert "sheet 'Log', header row 3" in result.output
    assert [position(action(doc, r))[:2] for r in ("EH1", "EH2", "EH3", "EH4")] == [
        ("in progress", "green"), ("in progress", "red"), ("complete", None),
        ("not started", "amber"),
    ]  # fmt: skip
    assert action(doc, "EH3").progress == 100  # blue: done
    assert action(doc, "EH2").due == dt.date(2026, 2, 28)  # an Excel date cell
    assert "could not be read" not in result.output


def test_merged_two_row_header_sections_and_multi_line_updates(offline: Path) -> None:
    result, doc = onboard(merged_headers(offline))
    assert mapping_lines(result) == {"A": "ref", "B": "title", "C": "owner", "D": "due",
                                     "E": "progress", "F": "rag"}  # fmt: skip
    assert [a.ref for a in doc.actions] == ["1-1", "1-2", "2-1"]  # the headings are no actions
    first = action(doc, "1-1")
    assert position(first)[4] == "Two sessions held.\nThird booked for June.\nFeedback good."
    assert first.description == "Section: Priority 1: Early identification"
    assert action(doc, "2-1").description == "Section: Priority 2: Family hubs"
    assert action(doc, "2-1").due == dt.date(2026, 9, 30)  # Q3 2026
    assert "2 section headings" in result.output


def test_progress_report_csv_in_windows_1252(offline: Path) -> None:
    result, doc = onboard(progress_report_csv(offline))
    assert mapping_lines(result)["F"] == "percent" and mapping_lines(result)["E"] == "status"
    assert position(action(doc, "KA1"))[:4] == ("complete", None, 100, dt.date(2026, 3, 31))
    assert position(action(doc, "KA2"))[:4] == ("in progress", None, 40, dt.date(2026, 6, 30))
    assert position(action(doc, "KA3"))[:4] == ("in progress", None, 20, dt.date(2026, 9, 30))
    assert action(doc, "KA4").status == "cancelled"  # Deleted
    assert action(doc, "KA5").status == "not started"  # Pending
    assert any(p.name == "Siân Evans" for p in doc.people)
    for line in ("progress!D5 (Target Date): 'TBC': not a date",
                 "progress!D6 (Target Date): '30/02/2026': '30/02/2026' is not a day",
                 "progress!F6 (% Complete): 'abc': not a percentage"):  # fmt: skip
        assert line in result.output


def test_the_log_on_a_second_sheet_keeps_unmapped_columns_as_notes(offline: Path) -> None:
    result, doc = onboard(second_sheet(offline))
    assert "sheet 'Action Log', header row 1" in result.output
    assert mapping_lines(result)["H"] == "note"  # Source: no field for it
    first = action(doc, "1")
    assert first.description == "Source: Board 2 Oct 2025"
    assert first.board == "supporting-families-board"
    assert first.start == dt.date(2025, 10, 2) and first.due == dt.date(2026, 3, 31)  # 46112
    assert {b.name for b in doc.boards} == {"Supporting Families Board",
                                            "Locality Partnership Board"}  # fmt: skip
    assert "Action Log!G3 (RAG status): 'Purple': not a RAG" in result.output
    assert action(doc, "2").rag is None
    assert "Action Log!F4 (Due): 'tbc': not a date" in result.output


def test_a_mapping_fixed_by_hand_is_saved_and_used_again(offline: Path) -> None:
    log = second_sheet(offline)
    saved = offline / "map.yaml"
    result, doc = onboard(log, "--map", "Source=skip", "--map", "E=note", "--save-map", saved)
    assert mapping_lines(result)["H"] == "skip" and mapping_lines(result)["E"] == "note"
    assert "fixed" in result.output and f"saved the mapping to {saved}" in result.output
    assert action(doc, "1").description == "Date raised: 2025-10-02"
    assert action(doc, "1").start is None
    again = offline / "again.yaml"
    result = run("plan", "from-sheet", log, "--mapping", saved, "--out", again)
    assert result.exit_code == 0, result.output
    assert again.read_text(encoding="utf-8") == log.with_suffix(".plan.yaml").read_text(
        encoding="utf-8")  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "Lead=boss"), "'Lead=boss' is not COLUMN=FIELD"),
        (("--map", "Z=note"), "no column 'Z' in the header row"),
        (("--sheet", "Nope"), "no sheet 'Nope'"),
    ],
)
def test_a_wrong_mapping_is_refused_and_nothing_is_written(
    offline: Path, args: tuple[str, ...], message: str
) -> None:
    log = lead_action_by_when(offline)
    out = offline / "plan.yaml"
    result = run("plan", "from-sheet", log, "--out", out, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()


def test_a_file_with_no_action_column_is_refused(offline: Path) -> None:
    path = offline / "minutes.csv"
    path.write_text("Date,Attendees\n2026-01-01,Amy\n", encoding="utf-8")
    result = run("plan", "from-sheet", path)
    assert result.exit_code == 2
    assert "no row in the first 30 of any sheet names an action column" in result.output


LAYOUTS: list[Callable[[Path], Path]] = [rag_as_colour, merged_headers]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_import_loads_the_log_into_the_database(
    tracker: Tracker, tmp_path: Path, layout: Callable[[Path], Path]
) -> None:
    log = layout(tmp_path)
    out = tmp_path / "plan.yaml"
    result = run("plan", "from-sheet", log, "--out", out, "--import", "--title", "Early help log")
    assert result.exit_code == 0, result.output
    listing = run("actions", "list", "--format", "csv")
    assert listing.exit_code == 0, listing.output
    refs = load_plan(out).doc.actions
    for a in refs:
        assert a.ref in listing.output and a.title in listing.output
