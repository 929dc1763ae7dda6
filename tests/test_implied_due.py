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


def test_most_late_first_reads_the_implied_due_dates_too(loaded: Tracker) -> None:
    """Once some actions have a due date of their own, sorting by due (the dashboard's overdue
    list, most late first; the register and `actions list --sort due`) orders by the date each
    shows, its own or its phase's end, not the dated ones first and the implied ones after."""
    for ref, due in (("P2-01", "31/12/2025"), ("P1-02", "31/12/2024")):
        out = CliRunner().invoke(cli, ["actions", "set", ref, "--due", due, "--yes"])
        assert out.exit_code == 0, out.output
    phase_one_rest = ["P1-01", "P1-03", "P1-04", "P1-05", "P1-06"]  # due by 31 Mar 2025
    late = [r.ref for r in get_dashboard(loaded).overdue]
    assert late == ["P1-02", *phase_one_rest, "P2-01"]
    by_due = [r.ref for r in list_actions(loaded, ActionFilter(), sort="due").rows]
    assert by_due[:7] == ["P1-02", *phase_one_rest, "P2-01"]
    assert by_due[7] == "P2-02"  # then phase 2's end, 31 Mar 2026
    latest = list_actions(loaded, ActionFilter(), sort="due", descending=True).rows
    assert latest[0].implied_due == dt.date(2029, 3, 31)  # phase 5's end
    out = CliRunner().invoke(cli, ["actions", "list", "--sort", "due", "--format", "csv"])
    assert [line.split(",")[0] for line in out.stdout.splitlines()[1:4]] == [
        "P1-02",
        "P1-01",
        "P1-03",
    ]


def test_a_boards_position_and_papers_count_the_implied_due_dates(loaded: Tracker) -> None:
    """The dashboard counted an action without a due date overdue after its phase's end; the
    board's position, its highlight report, the exceptions rising to the board above and the
    committee papers' whole-plan counts did not (the board read "Overdue: none" of work a
    year late)."""
    from tracker.services.governance.position import board_position
    from tracker.services.papers.render import preview_paper

    sfb = "supporting-families-board"
    out = CliRunner().invoke(cli, ["actions", "set", "P1-01", "P2-01", "--board", sfb, "--yes"])
    assert out.exit_code == 0, out.output
    late = board_position(loaded, sfb).overdue  # today 1 Mar 2026: phase 1 ended 31 Mar 2025
    assert [(r.ref, r.due, r.implied_due) for r in late] == [("P1-01", None, dt.date(2025, 3, 31))]
    text = preview_paper(loaded, "highlight", sfb).text
    assert "1 open action is past their due date" in text
    assert "| P1-01 |" in text and "overdue (335 days)" in text
    from tracker.services.governance.exceptions import list_exceptions

    risen = list_exceptions(loaded, "children-first-board").exceptions  # SFB rises to its parent
    assert [(a.ref, a.causes[0]) for a in risen] == [("P1-01", "overdue: 335 days past due")]
    cover = preview_paper(loaded, "cover", "improving-lives-select-commission").text
    overdue_now = get_dashboard(loaded).overdue_count
    assert f"{overdue_now} are past the due date" in cover


def test_the_direction_of_travel_counts_the_implied_due_dates(loaded: Tracker) -> None:
    """A board's direction of travel (its position, the highlight report) counted the open
    actions overdue by their own due dates only: P1-01, due by the end of phase 1 (31 Mar
    2025), was late then and now, and counted neither time."""
    sfb = "supporting-families-board"
    for args in (["actions", "set", "P1-01", "--board", sfb, "--yes"],
                 ["meetings", "record", sfb, "2026-01-13", "--note-all"]):  # fmt: skip
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 0, out.output
    out = CliRunner().invoke(cli, ["--wide", "board", "position", sfb])
    assert out.exit_code == 0, out.output
    row = next(line for line in out.stdout.splitlines() if line.startswith("Open actions overdue"))
    assert row.split()[3:5] == ["1", "1"]  # then, now


def test_the_papers_show_the_implied_due_date_beside_its_lateness(loaded: Tracker) -> None:
    """The highlight and exception reports said Due "not set" beside "overdue (335 days)" of an
    action without a due date; they show the date it is due by, its phase's end, as the
    register does."""
    from tracker.services.papers.render import preview_paper

    sfb = "supporting-families-board"
    for args in (["actions", "set", "P1-01", "--board", sfb, "--yes"],
                 ["actions", "update", "P1-01", "--status", "in progress", "--rag", "red",
                  "--note", "The hub survey stalled"]):  # fmt: skip
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 0, out.output
    highlight = preview_paper(loaded, "highlight", sfb).text
    row = next(line for line in highlight.splitlines() if line.startswith("| P1-01 |"))
    assert "| by 31 Mar 2025 (phase end) |" in row and "not set" not in row
    assert "(335 days)" in row
    exception = preview_paper(loaded, "exception", sfb).text
    assert "| Due | by 31 Mar 2025 (phase end): 335 days overdue |" in exception
    assert "It is 335 days past the end of its phase, 31 Mar 2025, by which it was due." in (
        exception
    )


def test_the_board_position_command_shows_the_implied_due_date_of_what_is_late(
    loaded: Tracker,
) -> None:
    """`board position` listed an action late by its phase's end with its due date "-": late,
    and no date to say since when. It shows the phase's end, marked as `actions list` marks it."""
    sfb = "supporting-families-board"
    out = CliRunner().invoke(cli, ["actions", "set", "P1-01", "--board", sfb, "--yes"])
    assert out.exit_code == 0, out.output
    shown = CliRunner().invoke(cli, ["--wide", "board", "position", sfb])
    assert shown.exit_code == 0, shown.output
    row = next(line for line in shown.stdout.splitlines() if line.startswith("P1-01"))
    assert "2025-03-31*" in row
    assert "* no due date set: the end of the action's phase" in shown.stdout


def test_an_update_past_its_phases_end_needs_commentary_naming_that_date(
    loaded: Tracker, tmp_path
) -> None:
    """The return sheet's Due column and the register show the phase's end for an action
    without a due date; past it, an update without commentary is refused everywhere (the
    CLI, a returned sheet), saying which date; before it (phase 2 ends 31 Mar 2026) it saves."""
    import csv

    from tracker.services.actions.detail import count_updates

    before = count_updates(loaded, "P1-04")
    out = CliRunner().invoke(cli, ["actions", "update", "P1-04", "--rag", "none",
                                   "--progress", "50"])  # fmt: skip
    assert out.exit_code != 0
    assert "past its phase's end, 31 Mar 2025: commentary required" in out.output
    assert count_updates(loaded, "P1-04") == before
    out = CliRunner().invoke(cli, ["actions", "update", "P1-04", "--rag", "none",
                                   "--progress", "50", "--note", "Health partners late"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert count_updates(loaded, "P1-04") == before + 1
    out = CliRunner().invoke(cli, ["actions", "update", "P2-01", "--rag", "none",
                                   "--progress", "10"])  # fmt: skip
    assert out.exit_code == 0, out.output

    sheet = tmp_path / "return.csv"
    out = CliRunner().invoke(cli, ["actions", "export-sheet", str(sheet)])
    assert out.exit_code == 0, out.output
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    at = {h: i for i, h in enumerate(rows[0])}
    for row in rows[1:]:
        if row[0] == "P1-05":
            row[at["New RAG"]], row[at["New % complete"]] = "none", "30"
            assert row[at["Due"]] == "2025-03-31"  # what the owner was shown
    with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    before = count_updates(loaded, "P1-05")
    out = CliRunner().invoke(cli, ["actions", "import-sheet", str(sheet)])
    assert out.exit_code == 2, out.output
    assert "Commentary (column N): past its phase's end, 31 Mar 2025: commentary required" in (
        out.output
    )
    assert count_updates(loaded, "P1-05") == before
