"""The Boards screen's meetings, from the keyboard as a secretary would: record a past meeting,
open its record, write its draft minutes, schedule a series; a refusal shows inline and changes
nothing; every step is in the command palette."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from governance_helpers import snapshot
from test_gov_screen import open_boards, screen_text, settle, type_text

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.boards.meetings import MeetingRecordScreen, RecordMeetingScreen
from tracker.ui.boards.screen import BoardsScreen
from tracker.ui.help import TrackerCommands


async def fill(pilot: Any, *values: str) -> None:
    """Type each value into the next box (tab between them)."""
    for i, value in enumerate(values):
        if i:
            await pilot.press("tab")
        await type_text(pilot, value)


@pytest.mark.asyncio
async def test_record_a_past_meeting_open_its_record_and_write_minutes(
    gov: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        assert isinstance(app.screen, RecordMeetingScreen)
        await fill(pilot, "2025-12-09", "10:00-12:00", "Civic Centre", "", "Tom Reed",
                   "Sam Lee, Kelly White", "Ann Kay")  # fmt: skip
        await pilot.press("tab", "tab")  # past "note all" to the decisions
        await type_text(pilot, "That the plan be approved")
        await pilot.press("tab")
        await type_text(pilot, "Clerk: circulate the plan by 2025-12-19 (decision 1)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen), screen_text(app)
        text = screen_text(app)
        assert "Recorded Supporting Families Board, 09 Dec 2025" in text
        assert "1 decision, 1 action arising" in text
        await pilot.press("2", "ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, MeetingRecordScreen)
        text = screen_text(app)
        assert "Civic Centre" in text and "Apologies Ann Kay" in text
        assert "1. the plan be approved" in text
        assert "Clerk to circulate the plan by 19 Dec 2025 (decision 1)" in text
        await pilot.press("D")
        await settle(pilot)
        assert "Draft minutes written to" in screen_text(app)
        written = Path(settings.output) / "2025-12-09-supporting-families-board-minutes.md"
        assert "ACTION – Clerk to circulate the plan by 19 Dec 2025" in written.read_text(
            encoding="utf-8"
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)


@pytest.mark.asyncio
async def test_schedule_a_series_and_a_refusal_inline(gov: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, "2026-04-01", "first Monday of every month", "2", "", "14:00-13:00")
        before = snapshot(gov)
        await pilot.press("enter")
        await settle(pilot)
        assert "end time: 13:00 is not after the start, 14:00" in screen_text(app)
        assert snapshot(gov) == before
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "16:00")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        assert "Scheduled 2 meetings: 07 Apr 2026, 05 May 2026" in screen_text(app)
        await pilot.press("W")
        await settle(pilot)
        await fill(pilot, "2026-03-05")
        before = snapshot(gov)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is in the future" in screen_text(app), screen_text(app)
        assert snapshot(gov) == before
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)


@pytest.mark.asyncio
async def test_every_meeting_step_is_in_the_command_palette(
    gov: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        names = [name for name, _, _ in TrackerCommands(app.screen)._commands()]
        for wanted in ("Boards: Schedule a meeting or a series with its time, place and pattern",
                       "Boards: Record a meeting that took place",
                       "Boards: Open the highlighted meeting's record",
                       "Boards: Write the highlighted meeting's draft minutes"):  # fmt: skip
            assert wanted in names


@pytest.mark.asyncio
async def test_a_challenge_shows_where_the_owner_looks(gov: Tracker, settings: Settings) -> None:
    from governance_helpers import NORTH

    from tracker.services.governance.challenges import answer_challenge, list_challenges
    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.reviews import Verdict

    hold_meeting(gov, NORTH, dt.date(2026, 2, 10),
                 verdicts=[Verdict("N-04", "challenged", "Add milestone dates")])  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Challenges to answer: 1" in text
        assert "N-04     Jo Bell (Community representa" in text
        app.open_register(ref="N-04")
        await settle(pilot)
        text = screen_text(app)
        assert "Challenges to answer (1):" in text
        assert "challenged at Locality Partnership Board North 10" in text  # (wrapped)
        (c,) = list_challenges(gov)
        answer_challenge(gov, c.id, "Design by May, pilot by September")
        app.open_register(ref="N-04")
        await settle(pilot)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert "Challenges to answer: 0" in screen_text(app)
        app.open_register(ref="N-04")
        await settle(pilot)
        text = screen_text(app)
        assert "Challenges to answer (" not in text
        assert "Feb 2026 (Add milestone dates), answered 1 Mar 2026" in text


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_the_record_window_lists_each_update_and_its_verdict(
    gov: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    """The updates considered are one line each (ref, date, status, RAG, %, verdict, comment),
    the challenge in its own words, cut with … only where the window ends."""
    from governance_helpers import SFB

    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.reviews import Verdict

    hold_meeting(gov, SFB, dt.date(2026, 2, 24), verdicts=[
        Verdict("F-01", "noted"), Verdict("F-02", "challenged", "Attach the terms of reference"),
    ])  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        await open_boards(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        await pilot.press("2", "ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, MeetingRecordScreen)
        text = screen_text(app)
        assert "Updates (2)" in text
        assert "│Ref        Update of   Status      RAG    %    Verdict    Comment " in text
        assert "│F-01       10 Feb 2026 in progress amber  60   noted      " in text
        challenge = "│F-02       20 Mar 2025 complete    green  100  challenged Attach the term"
        assert challenge + ("…│" if size[0] == 80 else "s of reference   │") in text
        assert "D: draft minutes · H: as HTML" in text
