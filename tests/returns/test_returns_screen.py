"""The Returns screen and the dashboard's next deadline, driven as a user would (textual pilot)
on the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from returns_helpers import SFB, second_owner
from textual.app import App

from tracker.config import Settings
from tracker.services.actions.edit import create_action
from tracker.services.actions.updates import record_update
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.registry import SCREENS
from tracker.ui.returns.screen import ReturnsScreen


async def settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await asyncio.sleep(0.01)
    await pilot.pause()


def shown(app: App[None]) -> str:
    """What the terminal shows, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_the_screen_is_registered_with_its_key() -> None:
    assert ("R", "Returns", "tracker.ui.returns.screen:ReturnsScreen") in SCREENS


@pytest.mark.asyncio
async def test_the_returns_screen_lists_who_owes_what_and_the_dashboard_the_next_deadline(
    term: Tracker, settings: Settings, tmp_path: Path
) -> None:
    second_owner(term)
    app = create_app(settings)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        text = shown(app)
        assert "Next returns: Supporting Families Board, due 03 Mar 2026 (in 2 days)" in text
        assert "2 of 5 outstanding" in text
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ReturnsScreen)
        text = shown(app)
        assert "Supporting Families Board" in text and "2 of 5 outstanding" in text
        assert "returns due 03 Mar 2026 (in 2 days)" in text
        assert "Rotherham Metropolitan Borough Council" in text
        assert "Kelly White" in text and "P1-05" in text
        assert "Kirsty Woodhead" in text and "P3-09" in text
        # a return recorded elsewhere: the screen shows it when read again
        record_update(term, "P3-09", status="in progress", rag="green", progress=5,
                      note="Started")  # fmt: skip
        await pilot.press("ctrl+r")
        await settle(pilot)
        text = shown(app)
        assert "1 of 5 outstanding" in text
        assert "P3-09" not in text


@pytest.mark.asyncio
async def test_the_returns_screen_is_in_the_command_palette(
    settings: Settings, term: Tracker
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for ch in "Returns":
            await pilot.press(ch)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReturnsScreen)


@pytest.mark.asyncio
async def test_s_writes_the_chosen_boards_return_sheets(term: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        folder = settings.output / "returns"
        assert [p.name for p in folder.glob("*.xlsx")] == [
            "2026-03-10-supporting-families-board-kelly-white.xlsx"
        ]


@pytest.mark.asyncio
async def test_at_80_columns_the_ledger_wraps_its_lines_and_scrolls_to_the_last_owed_action(
    term: Tracker, settings: Settings
) -> None:
    """The ledger draws only the lines on screen (tracker/ui/widgets/lines.py): a line longer
    than the terminal wraps, so an action's due date is not cut off, and scrolling reaches the
    last owner's last action."""
    for n in range(1, 16):
        create_action(
            term, {"ref": f"P3-{20 + n}", "title": f"Agree the family hub opening hours, part {n}",
                   "phase": 3, "board": SFB, "owner": "kirsty-woodhead", "due": "2026-09-30"},
        )  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        text = shown(app)
        assert "P1-05" in text and "P3-35" not in text  # Kelly White's first, Kirsty's last
        await pilot.press("tab")  # from the boards to the ledger
        await pilot.press("end")
        await settle(pilot)
        lines = shown(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "P3-35" in line)
        assert "Agree the family hub opening hours, part 15" in lines[at]
        assert "due 30 Sep 2026" in lines[at + 1]  # wrapped onto the next line, not cut off
        assert all(len(line.rstrip()) <= 80 for line in lines)


@pytest.mark.asyncio
async def test_an_owed_action_fits_the_width_and_says_it_is_overdue(
    term: Tracker, settings: Settings
) -> None:
    """Each owed action was one 100-column line: at 80x24 it wrapped mid-way ("last update" on
    one line, its date under it), and an overdue one was told only by its red date."""
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        lines = shown(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "P1-05" in line)
        assert "Budget and HR" in lines[at]  # the title, on the ref's line
        assert "due 15 Feb 2026 (overdue)   last update 01 Dec 2025" in lines[at + 1]
        await pilot.resize_terminal(140, 45)
        await settle(pilot)
        row = next(line for line in shown(app).splitlines() if "P1-05" in line)
        assert "Budget and HR" in row and "(overdue)   last update 01 Dec 2025" in row


@pytest.mark.asyncio
async def test_the_period_says_where_an_update_on_the_meetings_day_counts(
    term: Tracker, settings: Settings
) -> None:
    """The period runs from the day after the last meeting (10 Dec 2025): an update recorded on
    the meeting's day, even after it was held, counts for that meeting. The screen says so."""
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        text = " ".join(shown(app).split())
        assert (
            "period since 11 Dec 2025 (an update on the last meeting's day, 10 Dec 2025, counts "
            "for that meeting)"
        ) in text
