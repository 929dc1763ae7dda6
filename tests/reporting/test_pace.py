"""The suggested RAG and the forecast finish: the rule, the plan's thresholds, the refusal of a
RAG greener than the suggestion without commentary (in every writer), and the plan file's
validation of the thresholds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reporting_helpers import PLAN, run
from sqlalchemy import func, select

from tracker.domain.pace import Thresholds, expected_progress, pace_of, suggest, trend
from tracker.errors import InvalidInput
from tracker.models import AuditEntry, StatusUpdate
from tracker.services.actions.detail import get_action
from tracker.services.actions.pace import action_paces
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker

TODAY = dt.date(2026, 3, 1)


def test_expected_progress_is_time_elapsed_over_duration() -> None:
    start, due = dt.date(2026, 1, 1), dt.date(2026, 1, 11)
    assert expected_progress(start, due, dt.date(2026, 1, 6)) == 0.5
    assert expected_progress(start, due, dt.date(2025, 12, 1)) == 0.0
    assert expected_progress(start, due, dt.date(2026, 2, 1)) == 1.0
    assert expected_progress(None, due, dt.date(2026, 1, 6)) is None


def test_suggestion_follows_the_thresholds() -> None:
    default = Thresholds()
    assert [suggest(r, default) for r in (0.95, 0.9, 0.89, 0.7, 0.69)] == [
        "green", "green", "amber", "amber", "red",
    ]  # fmt: skip
    assert suggest(0.8, Thresholds(green=0.8, red=0.5)) == "green"
    assert "0.9" in default.describe() and "0.7" in default.describe()


def test_forecast_says_how_late_at_this_pace() -> None:
    # 1% a day from the start: 40% done on day 40 of 50, so 60 more days: 50 days late
    start = dt.date(2026, 1, 1)
    per_day = trend([(start.toordinal(), 0), (start.toordinal() + 40, 40)])
    assert per_day == pytest.approx(1.0)
    p = pace_of(start=start, due=start + dt.timedelta(days=50), status="in progress",
                progress=40, today=start + dt.timedelta(days=40), per_day=per_day,
                th=Thresholds())  # fmt: skip
    assert p.slip_days == 50 and p.forecast_text == "at this pace, 7 weeks after due"
    assert p.suggested == "red"  # 40% of an expected 80%: 0.5, below 0.7
    stalled = pace_of(start=start, due=start, status="in progress", progress=10,
                      today=start, per_day=0.0, th=Thresholds())  # fmt: skip
    assert stalled.forecast is None and "no progress" in stalled.forecast_text


def _counts(t: Tracker) -> tuple[int, int]:
    with t.db.reading() as s:
        return (int(s.scalar(select(func.count()).select_from(StatusUpdate)) or 0),
                int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0))  # fmt: skip


def test_every_action_gets_a_suggestion_and_forecast_with_the_plans_rule(rep: Tracker) -> None:
    report = action_paces(rep)
    assert "0.85" in report.rule and "0.6" in report.rule  # the plan's thresholds, shown
    got = report.by_ref()
    assert (got["R-02"].rag, got["R-02"].pace.suggested) == ("green", "red")
    assert got["R-01"].pace.suggested == "green"
    assert got["R-01"].pace.forecast_text == "at this pace, 5 weeks after due"
    assert got["R-03"].pace.forecast_text.endswith("before due")
    assert got["R-06"].pace.suggested is None  # complete: nothing to suggest
    assert [a.ref for a in action_paces(rep, board="lpb").actions] == ["R-03", "R-04"]


def test_a_rag_greener_than_the_suggestion_needs_commentary(rep: Tracker) -> None:
    before = _counts(rep)
    with pytest.raises(InvalidInput) as refused:
        record_update(rep, "R-02", rag="green", progress=25)
    problem = refused.value.problems[0]
    assert problem.field == "note"
    assert "green is greener than the red" in problem.message
    assert "0.85" in (problem.allowed or "")  # the rule, shown with the refusal
    assert _counts(rep) == before
    assert get_action(rep, "R-02").row.progress == 20
    done = record_update(rep, "R-02", rag="green", progress=25,
                         note="Supplier starts in April; the plan allows for it")  # fmt: skip
    assert done.rag == "green" and _counts(rep)[0] == before[0] + 1
    # as green as the suggestion, or less green: no commentary needed
    record_update(rep, "R-03", rag="green", progress=55)


def test_the_cli_refuses_it_too_and_prints_the_pace_with_the_rule(rep: Tracker) -> None:
    refused = run("actions", "update", "R-02", "--rag", "green", "--progress", "22")
    assert refused.exit_code == 2
    assert "greener than the red" in refused.output
    shown = run("actions", "pace", "--board", "sfb")
    assert shown.exit_code == 0, shown.output
    line = next(x for x in shown.output.splitlines() if x.startswith("R-02"))
    assert "green" in line and "red" in line and "after due" in line
    assert "actual ÷ expected at or above 0.85 is green" in shown.output


def test_thresholds_and_tolerances_are_validated_with_file_line_and_field(
    tmp_path: Path, rep: Tracker
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        text.replace("rag: {green: 0.85, red: 0.6}", "rag: {green: 1.2, red: 0.6}").replace(
            "tolerances: {red: false}", "tolerances: {red: false, overdue_days: -3}"
        ), encoding="utf-8",
    )  # fmt: skip
    result = run("plan", "validate", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:8:" in result.output and "strategy.rag.green: 1.2" in result.output
    assert "boards[2].tolerances.overdue_days: -3 is out of range" in result.output
    crossed = tmp_path / "crossed.yaml"
    crossed.write_text(text.replace("rag: {green: 0.85, red: 0.6}", "rag: {green: 0.5, red: 0.6}"),
                       encoding="utf-8")  # fmt: skip
    result = run("plan", "validate", str(crossed))
    assert result.exit_code == 2 and "red (0.6) must be below green (0.5)" in result.output


def test_thresholds_and_tolerances_survive_an_export(rep: Tracker, tmp_path: Path) -> None:
    out = tmp_path / "again.yaml"
    assert run("plan", "export", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "rag:\n    green: 0.85\n    red: 0.6" in text
    assert "tolerances:\n    slippage_days: 14\n    challenged: null" in text


def test_a_return_sheet_is_held_to_the_same_rule(rep: Tracker, tmp_path: Path) -> None:
    sheet = tmp_path / "return.csv"
    assert run("actions", "export-sheet", str(sheet), "--board", "sfb").exit_code == 0
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    filled = [
        line.replace(
            ",in progress,green,20,Supplier chosen,,,,,",
            ",in progress,green,20,Supplier chosen,in progress,green,25,,",
        )
        for line in lines
    ]
    assert filled != lines
    sheet.write_text("\n".join(filled) + "\n", encoding="utf-8")
    before = _counts(rep)
    refused = run("actions", "import-sheet", str(sheet))
    assert refused.exit_code == 2, refused.output
    assert "greener than the red" in refused.output
    assert _counts(rep) == before


def test_an_action_without_a_due_date_is_paced_to_its_phases_end(loaded: Tracker) -> None:
    """The register, the dashboard and the papers hold an action without a due date to its
    phase's end; its pace did too little: no suggestion, and a forecast "(no due date)", so an
    action a year behind its phase never showed slipping, nor rose as an exception."""
    from tracker.services.governance.exceptions import list_exceptions

    sfb = "supporting-families-board"  # P2-01: phase 2 ends 31 Mar 2026; today is 1 Mar 2026
    out = run("actions", "set", "P2-01", "--board", sfb, "--start", "2025-04-01", "--yes")
    assert out.exit_code == 0, out.output
    record_update(loaded, "P2-01", status="in progress", progress=30, note="Slow going")
    paced = action_paces(loaded, ["P2-01"]).by_ref()["P2-01"].pace
    assert paced.suggested == "red"  # 30% done of an expected 92%
    assert paced.slip_days is not None and paced.slip_days > 365
    assert paced.forecast_text.endswith("months after due")
    assert get_action(loaded, "P2-01").pace == paced  # the action's own screen says the same
    risen = {a.ref: a.causes for a in list_exceptions(loaded, "children-first-board").exceptions}
    assert any(c.startswith("slippage: forecast") for c in risen["P2-01"])
    assert "below suggestion: progress suggests red" in risen["P2-01"]
