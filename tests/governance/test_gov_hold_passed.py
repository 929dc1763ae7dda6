"""A board's earliest scheduled meeting passed without being recorded, and a later one fell
due since: the secretary presses h meaning the later one. The hold window says which meeting it
records, that the later one is due too, and how to cancel the one that did not take place; the
cancel window offers a meeting whose date has passed; then h holds the later one (textual
pilot, today 2026-03-01, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from governance_helpers import SFB, on_day, rows
from textual.app import App
from textual.widgets import Select

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.governance.meetings import schedule_meeting
from tracker.ui.app import create_app
from tracker.ui.boards.hold import HoldMeetingScreen
from tracker.ui.boards.screen import BoardsScreen
from tracker.ui.tasks.catalogue import open_task


async def settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await asyncio.sleep(0.01)
    await pilot.pause()


def screen_text(app: App[None]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def hold_sfb(pilot: Any) -> str:
    """From the Boards screen, h on the Supporting Families Board: the hold window's heading."""
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HoldMeetingScreen)
    assert "Hold meeting: Supporting Families Board" in screen_text(pilot.app)
    return str(pilot.app.screen.query_one("#hold-title").render()).replace("\n", " ")


@pytest.mark.asyncio
async def test_a_meeting_that_did_not_take_place_is_named_and_can_be_cancelled(
    gov: Tracker, settings: Settings
) -> None:
    extra = dt.date(2026, 2, 27)  # after the February meeting (24 Feb), before today
    schedule_meeting(on_day(gov, dt.date(2026, 2, 25)), SFB, extra, title="Extra meeting")
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        text = await hold_sfb(pilot)
        assert "Hold meeting: Supporting Families Board, 24 Feb 2026 (February meeting)" in text
        assert (
            "24 Feb 2026 is the board's earliest meeting not recorded as held; 27 Feb 2026 is "
            'due too. If 24 Feb 2026 did not take place, Esc and cancel it (ctrl+p: "cancel a '
            'meeting"), then hold the next.'
        ) in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        open_task(app, app.services, "cancel-meeting")
        await settle(pilot)
        # the meeting whose date passed is offered (setting a value not offered would fail)
        app.screen.query_one("#ask-meeting", Select).value = f"{SFB}|2026-02-24"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        text = await hold_sfb(pilot)
        assert "Hold meeting: Supporting Families Board, 27 Feb 2026 (Extra meeting)" in text
        assert "due too" not in text
    got = rows(gov, "SELECT m.date, m.status FROM meeting m JOIN board b ON b.id = m.board_id "
                    "WHERE b.code = :b ORDER BY m.date", b=SFB)  # fmt: skip
    assert [(str(on), status) for on, status in got] == [
        ("2026-02-24", "cancelled"),
        ("2026-02-27", "scheduled"),
    ]


@pytest.mark.asyncio
async def test_an_update_recorded_after_the_passed_date_is_said_to_wait_for_the_next(
    gov: Tracker, settings: Settings
) -> None:
    """The Waiting tab counted an update recorded after the passed meeting's date; holding it
    late did not show it (it was not before that meeting) and said nothing of it."""
    from tracker.services.actions.updates import record_update
    from tracker.services.governance.holding import meeting_to_hold

    record_update(gov, "F-01", status="in progress", progress=65, note="Agreement drafted")
    h = meeting_to_hold(gov, SFB)  # today 1 Mar; the 24 Feb meeting passed unrecorded
    assert h.meeting is not None and h.meeting.date == dt.date(2026, 2, 24)
    assert "F-01" in {u.ref for u in h.waiting}  # recorded 10 Feb: before it
    assert h.waiting_later == 1
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        text = await hold_sfb(pilot)
    assert "1 update recorded after 24 Feb 2026 waits for the meeting after it." in text
