"""The hold window's last step (the attendees, typed in its box) showed only "esc Cancel" in
the footer: the box's own Enter and ↑ hid the window's. The footer says Enter marks the meeting
held and ↑ goes back a step, and both do (textual pilot, 80x24, SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from test_gov_hold_passed import hold_sfb, settle

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app


def footer(app: Any) -> str:
    return str([strip.text for strip in app.screen._compositor.render_strips()][-1])


@pytest.mark.asyncio
async def test_the_last_step_says_what_enter_and_up_do(gov: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        await hold_sfb(pilot)
        window: Any = app.screen
        skip = {"update": "3", "escalation": "4", "other": "enter"}
        while window.kind != "summary":
            await pilot.press(skip[window.kind])
            await settle(pilot)
        await settle(pilot)
        assert "↑ Previous" in footer(app) and "⏎ Mark held" in footer(app)
        await pilot.press("up")
        await settle(pilot)
        assert window.kind == "other"  # the step before
        await pilot.press("enter")
        await settle(pilot)
        assert window.kind == "summary"  # the last step again
