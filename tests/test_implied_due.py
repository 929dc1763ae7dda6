"""Actions without a due date take their phase's end as an implied due date, shown as such, so
late work reaches the dashboard: the shipped plan (no due dates) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from tracker.cli import cli
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.context import Tracker
from tracker.services.dashboard import get_dashboard


def test_phase_one_work_not_done_is_late_by_the_end_of_its_phase(loaded: Tracker) -> None:
    phase_one = list_actions(loaded, ActionFilter(phase=1)).rows
    assert phase_one and all(r.due is None for r in phase_one)
    assert {r.implied_due for r in phase_one} == {dt.date(2025, 3, 31)}
    assert phase_one[0].due_words() == "by the end of phase 1: 31 Mar 2025"
    open_ones = {r.ref for r in phase_one if r.status in ("not started", "in progress")}
    late = {r.ref for r in list_actions(loaded, ActionFilter(overdue=True)).rows}
    assert open_ones and open_ones <= late
    dash = get_dashboard(loaded)
    assert dash.overdue_count == len(late)
    # a real due date wins over the implied one
    out = CliRunner().invoke(cli, ["actions", "show", phase_one[0].ref])
    assert "due                by the end of phase 1: 31 Mar 2025 (overdue)" in out.stdout
    table = CliRunner().invoke(cli, ["actions", "list", "--phase", "1"])
    assert "2025-03-31* LATE" in table.stdout
    assert "* no due date set: the end of the action's phase" in table.stderr
    rows = json.loads(CliRunner().invoke(cli, ["actions", "list", "--format", "json"]).stdout)
    assert rows[0]["due"] is None and rows[0]["implied_due"] == "2025-03-31"
