"""An action arising's date is read by the rules every face uses (issue 15 point 6): typed
'by 31 Mar 2026' or "by 19/01/2026" it was taken as part of the task, with no due date, and no
word said. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from governance_helpers import NORTH, SFB, rows, run

from tracker.services.context import Tracker


def test_uk_dates_after_by_become_the_action_arisings_due_date(gov: Tracker, settings_file) -> None:
    result = run("meetings", "record", SFB, "2025-12-09",
                 "--action", "Head of Early Help: write to schools by 19/01/2026 (decision 1)",
                 "--action", "Clerk: book the room by 5 Jan 2026",
                 "--decision", "That the refreshed plan be approved")  # fmt: skip
    assert result.exit_code == 0, result.output
    found = sorted(rows(gov, "SELECT text, due FROM followup"))
    assert [(text, str(due)[:10]) for text, due in found] == [
        ("book the room", "2026-01-05"),
        ("write to schools", "2026-01-19"),
    ]


def test_an_ambiguous_date_after_by_is_refused_and_nothing_is_recorded(
    gov: Tracker, settings_file
) -> None:
    before = rows(gov, "SELECT count(*) FROM meeting")
    result = run("meetings", "record", NORTH, "2025-12-01",
                 "--action", "Clerk: book the room by 04/05/2026")  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "ambiguous: 4 May 2026 or 5 April 2026" in result.stderr
    assert rows(gov, "SELECT count(*) FROM meeting") == before
    assert rows(gov, "SELECT count(*) FROM followup") == [(0,)]


def test_the_date_words_are_taken_off_the_task() -> None:
    from tracker.services.governance.minuted import parse_action

    for typed in ("Jo Bell: circulate the slides by 31/03/2026",
                  "Jo Bell: circulate the slides by 31 March 2026",
                  "Jo Bell: circulate the slides by 2026-03-31"):  # fmt: skip
        action = parse_action(typed)
        assert (action.owner, action.text, action.due) == (
            "Jo Bell",
            "circulate the slides",
            dt.date(2026, 3, 31),
        ), typed
