"""How a meeting is named, and what a meeting whose date passed unrecorded is called, wherever
it shows (SQLite and PostgreSQL; today 2026-03-01).

A plan may title a board's meetings with the board's own name or some of it ("Family Board" for
the Brookfield Family Board): beside the board's name that says nothing more, and the job
windows, `meetings add`, the dashboard and the calendar printed it a second time. A board's
earliest scheduled meeting whose date passed is still its next (h holds it): `meetings list`
called it "scheduled (next)", the dashboard's "Next meetings" left it out, and the hold window
held it without a word; the three now say it passed unrecorded. A board's reporting period ran
from such a meeting, as if it had been held."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from governance_helpers import NORTH, SFB, on_day, run
from test_gov_hold_passed import hold_sfb, screen_text, settle

from tracker.config import Settings
from tracker.services.calendar import build_calendar
from tracker.services.context import Tracker
from tracker.services.dashboard import get_dashboard
from tracker.services.governance.holding import record_meeting
from tracker.services.governance.meetings import schedule_meeting
from tracker.services.meeting_titles import own_title
from tracker.services.returns.ledger import return_ledger
from tracker.ui.app import create_app
from tracker.ui.tasks.catalogue import _meeting_line
from tracker.ui.tasks.choices import scheduled_meetings

BOARD = "Supporting Families Board"


def test_a_title_made_of_the_boards_own_words_is_no_title_of_its_own() -> None:
    board = "Riverside Kinship Panel (pilot)"  # worded as no plan or page is
    assert own_title("Kinship Panel (pilot)", board) is None
    assert own_title("kinship panel meeting", board) is None
    assert own_title("Riverside Kinship Panel (pilot)", board) is None
    assert own_title("Riverside", board) is None
    assert own_title("Kinship Panel review", board) == "Kinship Panel review"
    assert own_title("Panel Kinship", board) == "Panel Kinship"  # not the name's words in order
    assert own_title("Kinship Panel (spring)", board) == "Kinship Panel (spring)"


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Any) -> Tracker:
    return gov


def test_every_place_names_a_meeting_titled_with_the_boards_name_once(cli_gov: Tracker) -> None:
    schedule_meeting(cli_gov, SFB, dt.date(2026, 4, 14), title="Families Board")
    labels = [label for label, value, _ in scheduled_meetings(cli_gov) if "2026-04-14" in value]
    assert labels == [f"14 Apr 2026  {BOARD}"]  # the cancel window's choice
    assert [_meeting_line(m) for m in _scheduled(cli_gov, "2026-04-14")] == [
        f"{BOARD}, 14 Apr 2026"
    ]
    added = run("meetings", "add", SFB, "2026-05-19", "--title", f"{BOARD} meeting")
    assert added.exit_code == 0, added.output
    assert added.stdout == f"scheduled: {BOARD}, 19 May 2026\n"
    shown = [m for m in get_dashboard(cli_gov).next_meetings if m.date == dt.date(2026, 4, 14)]
    assert [(m.board, m.own_title) for m in shown] == [(BOARD, None)]
    ics = build_calendar(cli_gov, board=SFB).data.decode()
    summaries = [line for line in ics.splitlines() if line.startswith("SUMMARY:")]
    assert f"SUMMARY:{BOARD}" in summaries and f"SUMMARY:{BOARD}: Families Board" not in summaries
    assert f"SUMMARY:{BOARD}: February meeting" in summaries  # a title of its own still shows


def _scheduled(t: Tracker, on: str) -> list[Any]:
    from tracker.services.governance.meetings import list_meetings

    return [m for m in list_meetings(t, status="scheduled") if str(m.date) == on]


def test_a_meeting_passed_unrecorded_is_said_so_in_the_list_and_on_the_dashboard(
    cli_gov: Tracker,
) -> None:
    table = run("--wide", "meetings", "list").stdout.splitlines()
    feb = next(line for line in table if line.startswith("2026-02-24"))
    assert "scheduled (next, passed unrecorded)" in feb
    may = next(line for line in table if line.startswith("2026-05-12"))
    assert "passed" not in may and "scheduled" in may  # lpb-north's next is 10 Feb, passed too
    north_feb = next(line for line in table if line.startswith("2026-02-10"))
    assert "scheduled (next, passed unrecorded)" in north_feb
    coming = [(m.date, m.board_code, m.passed) for m in get_dashboard(cli_gov).next_meetings]
    assert (dt.date(2026, 2, 24), SFB, True) in coming  # it was left out: before today
    assert (dt.date(2026, 5, 12), NORTH, False) in coming
    assert coming == sorted(coming)  # the passed ones first


@pytest.mark.asyncio
async def test_the_hold_window_says_the_meeting_passed_unrecorded_and_what_to_do(
    gov: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = screen_text(app)
        assert "24 Feb 2026 unrecorded" in panel  # the dashboard
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        text = await hold_sfb(pilot)
    assert "Hold meeting: Supporting Families Board, 24 Feb 2026 (February meeting)" in text
    assert (
        "24 Feb 2026 passed 5 days ago and is not recorded as held. If it took place, go on: it "
        'is recorded late, on its date. If it did not, Esc and cancel it (ctrl+p: "cancel a '
        'meeting").'
    ) in text


def test_returns_are_for_the_meeting_passed_unrecorded_until_it_is_held(cli_gov: Tracker) -> None:
    """The board's earliest scheduled meeting, passed unrecorded, is the one h holds and what
    waits, waits for; its returns were collected for the meeting after it (the sheets, the
    chasers and the dashboard named that one) and now are for it, said so, until it is held."""
    from tracker.services.governance.holding import hold_meeting, meeting_to_hold
    from tracker.services.returns.ledger import returns_overview
    from tracker.ui.dashboard.items import returns_line

    record_meeting(on_day(cli_gov, dt.date(2026, 1, 13)), SFB, dt.date(2026, 1, 13))
    schedule_meeting(cli_gov, SFB, dt.date(2026, 3, 24))
    period = return_ledger(cli_gov, SFB).period  # 24 Feb passed unrecorded: no period ended
    assert (period.meeting, period.start, period.passed) == (
        dt.date(2026, 2, 24), dt.date(2026, 1, 14), True,
    )  # fmt: skip
    held_next = meeting_to_hold(cli_gov, SFB).meeting
    assert held_next is not None and held_next.date == period.meeting
    shown = run("returns", "status", SFB)
    assert shown.exit_code == 0, shown.output
    assert (
        "returns for the meeting of 24 Feb 2026 (5 days ago, passed unrecorded: hold it late, or "
        "cancel it)"
    ) in shown.stdout
    assert "Reporting period since 14 Jan 2026;" in shown.stdout
    ours = next(b for b in returns_overview(cli_gov) if b.period.board == SFB)
    assert ours.period.meeting == dt.date(2026, 2, 24)  # the Returns screen's list
    first = get_dashboard(cli_gov).returns
    assert first is not None and first.period.passed
    assert "(passed unrecorded)" in returns_line(first).plain
    hold_meeting(cli_gov, SFB, dt.date(2026, 2, 24))  # held late: the period moves on
    after = return_ledger(cli_gov, SFB).period
    assert (after.meeting, after.start, after.passed) == (
        dt.date(2026, 3, 24), dt.date(2026, 2, 25), False,
    )  # fmt: skip
    assert "passed unrecorded" not in run("returns", "status", SFB).stdout


def test_a_meeting_passed_unrecorded_is_said_so_in_words_at_any_width() -> None:
    """Its date was red, and the words saying so were on its second line, which the list at
    80x24 does not show: the first line says it, the board beside it when it fits whole."""
    from tracker.services.dashboard import MeetingView
    from tracker.ui.dashboard.items import meeting_item

    past = MeetingView(dt.date(2025, 7, 3), "kp", "Riverside Kinship Panel", None, passed=True)
    narrow = meeting_item(past, 20).plain.splitlines()
    assert narrow[0] == "03 Jul unrecorded"  # the year gives way before the word
    assert narrow[1].startswith("  Riverside")
    middle = meeting_item(past, 36).plain.splitlines()
    assert middle == ["03 Jul 2025 unrecorded", "  Riverside Kinship Panel"]
    wide = meeting_item(past, 60).plain.splitlines()
    assert wide == ["03 Jul 2025 unrecorded  Riverside Kinship Panel", "  hold late or cancel"]
    ahead = MeetingView(dt.date(2025, 9, 3), "kp", "Riverside Kinship Panel", "Autumn review")
    assert "unrecorded" not in meeting_item(ahead, 60).plain


@pytest.mark.asyncio
async def test_the_dashboard_at_80x24_says_which_meeting_passed_unrecorded(
    gov: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = screen_text(app)
    assert "│ 10 Feb unrecorded" in panel  # lpb-north's, the earliest: the list's one line
