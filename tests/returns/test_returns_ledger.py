"""The return ledger: which actions owe a return to a board's next meeting, and who owes them."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import NotFound
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.services.governance.boards import add_board
from tracker.services.returns.ledger import return_ledger

SFB, LPB = "supporting-families-board", "locality-partnership-board"
KELLY = "Kelly White"


def test_an_open_action_without_an_update_since_the_last_meeting_owes_a_return(
    term: Tracker,
) -> None:
    ledger = return_ledger(term, SFB)
    p = ledger.period
    assert (p.meeting, p.start) == (dt.date(2026, 3, 10), dt.date(2025, 12, 11))
    assert p.deadline == dt.date(2026, 3, 3)  # 7 days before, by default
    assert (p.days_to_meeting, p.days_to_deadline) == (9, 2)
    owing = ledger.owing()
    assert [(o.owner.split(" (")[0], [a.ref for a in o.owed]) for o in owing] == [
        (KELLY, ["P1-05"])
    ]
    assert owing[0].organisation == "Rotherham Metropolitan Borough Council"
    assert (ledger.expected, ledger.received, ledger.outstanding) == (4, 3, 1)
    # P1-05 was last updated on 1 Dec 2025, before the board met on 10 Dec
    assert owing[0].owed[0].last_update is not None
    assert owing[0].owed[0].last_update.date() == dt.date(2025, 12, 1)


def test_a_return_recorded_takes_the_action_off_the_ledger(term: Tracker) -> None:
    record_update(
        term, "P1-05", status="in progress", rag="amber", progress=60,
        note="HR integration timetable agreed",
    )  # fmt: skip
    ledger = return_ledger(term, SFB)
    assert ledger.outstanding == 0
    assert (ledger.expected, ledger.received) == (4, 4)


def test_a_board_that_never_met_counts_any_update_as_its_return(term: Tracker) -> None:
    ledger = return_ledger(term, LPB)
    assert ledger.period.start == dt.date(2026, 2, 13)  # the day after it met on 12 Feb
    assert sorted(a.ref for o in ledger.owing() for a in o.owed) == ["P1-03", "P2-02"]


def test_a_board_with_no_meeting_ahead_is_refused_saying_so(term: Tracker) -> None:
    add_board(term, "quiet-board", "Quiet Board", parent=SFB)
    with pytest.raises(NotFound, match="Quiet Board has no meeting scheduled") as caught:
        return_ledger(term, "quiet-board")
    assert caught.value.remedy == "schedule the meeting"


def test_status_lists_who_owes_what_with_the_days_left(term: Tracker) -> None:
    result = CliRunner().invoke(cli, ["returns", "status", SFB])
    assert result.exit_code == 0, result.output
    assert "meeting of 10 Mar 2026 (in 9 days)" in result.output
    assert "returns due 3 Mar 2026 (in 2 days)" in result.output
    assert "4 returns expected, 3 received, 1 outstanding from 1 owner" in result.output
    assert "Rotherham Metropolitan Borough Council: 1 outstanding" in result.output
    assert f"{KELLY} (" in result.output and "P1-05" in result.output
    assert "(overdue)" in result.output


def test_status_of_an_unknown_board_fails_with_the_boards_listed(term: Tracker) -> None:
    result = CliRunner().invoke(cli, ["returns", "status", "no-such-board"])
    assert result.exit_code == 2
    assert "no board 'no-such-board'" in result.output


def test_status_as_json_gives_the_period_counts_and_each_action_owed(term: Tracker) -> None:
    import json

    result = CliRunner().invoke(cli, ["returns", "status", SFB, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["meeting"], data["deadline"], data["days_to_meeting"]) == (
        "2026-03-10", "2026-03-03", 9,
    )  # fmt: skip
    assert (data["expected"], data["received"], data["outstanding"]) == (4, 3, 1)
    assert [(o["ref"], o["owner"].split(" (")[0]) for o in data["owed"]] == [("P1-05", KELLY)]


def test_an_action_without_a_due_date_owes_by_its_phases_end_everywhere(
    term: Tracker, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The register shows an action without a due date as due by the end of its phase, and
    late after it; the ledger, `returns status` and the chasers say the same (they said "-",
    "no due date" and "date not set", and never "overdue", of work late by a year)."""
    cleared = CliRunner().invoke(
        cli, ["actions", "set", "P1-03", "P2-02", "--due", "none", "--yes"]
    )
    assert cleared.exit_code == 0, cleared.output
    owed = {a.ref: a for o in return_ledger(term, LPB).owing() for a in o.owed}
    p103, p202 = owed["P1-03"], owed["P2-02"]
    assert (p103.due, p103.due_or_implied) == (None, dt.date(2025, 3, 31))  # phase 1 ends
    assert p103.overdue(dt.date(2026, 3, 1)) and not p202.overdue(dt.date(2026, 3, 1))
    assert p202.due_or_implied == dt.date(2026, 3, 31)
    result = CliRunner().invoke(cli, ["--wide", "returns", "status", LPB])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "P1-03" in x)
    assert "by 31 Mar 2025 (overdue)" in line
    line = next(x for x in result.output.splitlines() if "P2-02" in x)
    assert "by 31 Mar 2026" in line and "overdue" not in line
    out = tmp_path_factory.mktemp("chasers")
    result = CliRunner().invoke(cli, ["returns", "chase", LPB, "--out", str(out)])
    assert result.exit_code == 0, result.output
    drafts = " ".join(p.read_text(encoding="utf-8") for p in out.glob("*.eml"))
    drafts = drafts.replace("=\n", "")  # quoted-printable soft line breaks
    assert "P1-03" in drafts and "due 31 Mar 2025 (overdue)" in drafts
    assert "date not set" not in drafts
