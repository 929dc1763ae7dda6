"""The Resolutions screen (textual pilot): registered on `r`, what it shows of a committee's
meetings (the picture of two imported meetings, a committee with none, an undated meeting, one
not yet held). Importing, reviewing and following up through it: test_screen_journey.py.
Today is 2026-03-01."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from committee_helpers import COMMISSION, FIRST, SECOND
from resolutions_pilot import import_through_dialog, loaded_meeting, open_resolutions, rows, until
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from tracker.config import Settings
from tracker.models import Board
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.registry import SCREENS
from tracker.ui.resolutions.screen import ResolutionsScreen


def test_registered_as_resolutions_on_r() -> None:
    assert ("r", "Resolutions", "tracker.ui.resolutions.screen:ResolutionsScreen") in SCREENS


@pytest.mark.asyncio
async def test_the_app_opens_it_on_r(loaded: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        # the shipped plan's commission and its (undated) meeting with an open follow-up
        await until(pilot, lambda: "Introduction to the Early Help Strategy" in
                    str(screen.query_one("#res-meeting", Static).render()), "the meeting")  # fmt: skip
        items = rows(screen.query_one("#res-items", DataTable))
        assert any("Assistant Director for Early Help" in r and "open" in r for r in items)


def test_snapshot(snap_compare: Any, snapshot_settings: Settings) -> None:
    """The February meeting: its resolution and ACTION line, and January's follow-ups as
    matters arising (one overdue, one in progress)."""

    async def settle(pilot: Pilot[Any]) -> None:
        screen = await open_resolutions(pilot)
        await until(pilot, lambda: "24 Feb 2026" in
                    str(screen.query_one("#res-meeting", Static).render()),
                    "the newest meeting")  # fmt: skip
        await until(pilot, lambda: screen.query_one("#res-arising", DataTable).row_count == 2,
                    "the matters arising")  # fmt: skip
        screen.query_one("#res-arising", DataTable).focus()
        await pilot.pause(0.1)

    assert snap_compare(create_app(snapshot_settings), terminal_size=(120, 40), run_before=settle)


@pytest.mark.asyncio
async def test_a_committee_without_meetings_shows_nothing_of_the_one_before(
    committees: Tracker, settings: Settings
) -> None:
    """Moving from a committee with follow-ups to one with no meetings leaves no follow-up, and no
    matters-arising count, of the committee shown before (seen in tmux: the detail line kept
    describing the last follow-up)."""
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down")  # Cabinet -> Improving Lives Select Commission
        await import_through_dialog(pilot, "2026-01-20", FIRST)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        await loaded_meeting(pilot, "20 Jan 2026")
        items = screen.query_one("#res-items", DataTable)
        items.focus()
        followup_row = next(i for i, r in enumerate(rows(items)) if "↳" in r)
        items.move_cursor(row=followup_row)
        detail = screen.query_one("#res-detail", Static)
        await until(pilot, lambda: "Follow-up #" in str(detail.render()), "the follow-up's detail")
        label = screen.query_one("#res-arising-label")
        await until(pilot, lambda: "still open" in str(label.render()), "the matters arising")

        options.focus()
        await pilot.press("up")  # back to Cabinet, which has no meetings
        await until(pilot, lambda: "No meetings recorded yet" in
                    str(screen.query_one("#res-meeting", Static).render()), "no meetings")  # fmt: skip
        assert "Follow-up #" not in str(detail.render())
        assert "Select a follow-up" in str(detail.render())
        assert "still open" not in str(label.render())
        assert items.row_count == 0


@pytest.mark.asyncio
async def test_an_undated_meeting_shows_no_matters_arising_count_of_the_one_before(
    committees: Tracker, settings: Settings
) -> None:
    """Moving from a dated meeting (its matters arising counted above the table) to an undated
    one, whose matters arising cannot be known, leaves no count of the meeting shown before."""
    from tracker.models import Meeting

    t = committees
    for minutes, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
        save_import(t, draft_minutes(read_minutes(minutes)), committee=COMMISSION, date=date)
    with t.db.writing() as s:
        board = s.scalars(select(Board).where(Board.code == COMMISSION)).one()
        s.add(Meeting(board_id=board.id, date=None, title="Introduction", status="held"))
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        await loaded_meeting(pilot, "24 Feb 2026")
        label = screen.query_one("#res-arising-label")
        await until(pilot, lambda: "still open" in str(label.render()), "the matters arising")

        meetings = screen.query_one("#res-meetings", OptionList)
        meetings.focus()
        await pilot.press("end")  # newest first: the undated meeting is last
        await until(pilot, lambda: "date not recorded" in
                    str(screen.query_one("#res-meeting", Static).render()), "the undated meeting")  # fmt: skip
        arising = rows(screen.query_one("#res-arising", DataTable))
        assert any("The meeting has no date." in r for r in arising)
        assert "still open" not in str(label.render())


@pytest.mark.asyncio
async def test_a_meeting_not_yet_held_says_so_rather_than_nothing_recorded(
    committees: Tracker, settings: Settings
) -> None:
    """A committee whose only meeting is scheduled: the officer is told it has not met yet,
    not that its record is empty."""
    from tracker.services.governance.meetings import schedule_meeting

    schedule_meeting(committees, COMMISSION, dt.date(2026, 4, 14), title="Spring meeting")
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        # the committee with a meeting is the one shown first
        await loaded_meeting(pilot, "14 Apr 2026")
        items = rows(screen.query_one("#res-items", DataTable))
        assert any("Not held yet" in r and "press i once it has met" in r for r in items), items
        assert not any("Nothing recorded" in r for r in items)
