"""The Boards screen's meeting windows read dates as every other face does (issue 15 point 6):
'14 Apr 2026' or '14/04/2026' schedule and record meetings, where only 2026-04-14 was taken;
an ambiguous date is refused in the window, naming both readings, and nothing changes.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from governance_helpers import rows, snapshot
from test_gov_meeting_screens import fill
from test_gov_screen import open_boards, screen_text, settle

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.boards.meetings import MeetingRecordScreen
from tracker.ui.boards.screen import BoardsScreen

pytestmark = pytest.mark.asyncio


async def test_schedule_and_record_meetings_with_uk_dates(gov: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, "04/05/2026")
        before = snapshot(gov)
        await pilot.press("enter")
        await settle(pilot)
        assert "is ambiguous: 4 May 2026 or 5" in screen_text(app), screen_text(app)
        assert snapshot(gov) == before
        for _ in range(len("04/05/2026")):
            await pilot.press("backspace")
        await fill(pilot, "14 Apr 2026")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen), screen_text(app)
        assert "Scheduled" in screen_text(app) and "14 Apr 2026" in screen_text(app)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        await fill(pilot, "9 Dec 2025")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("tab")
        await fill(pilot, "Clerk: circulate the plan by 19/12/2025")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, (BoardsScreen, MeetingRecordScreen)), screen_text(app)
        assert "Recorded Supporting Families Board, 09 Dec 2025" in screen_text(app), screen_text(
            app
        )
    found = [(text, str(due)[:10]) for text, due in rows(gov, "SELECT text, due FROM followup")]
    assert ("circulate the plan", "2025-12-19") in found, found
