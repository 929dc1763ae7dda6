"""The Resolutions screen at 80x24 with a long resolution: its follow-ups are in sight without
scrolling past its wrapped text, which the detail line gives whole. Today is 2026-03-01."""

from __future__ import annotations

from pathlib import Path

import pytest
from resolutions_pilot import import_through_dialog, loaded_meeting, open_resolutions, rows, until
from textual.widgets import DataTable, OptionList, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.screen import ResolutionsScreen

LONG = (
    "the Commission asks partners to review the evidence on waiting times, the take-up of "
    "parenting support, the reach of outreach into each locality, the use of family hubs in the "
    "evening and the training of school staff in early help assessments, and to report back to "
    "the next meeting with the figures for each locality"
)
MINUTES = f"""Agenda item

Family support: annual review

Minutes:

Members discussed the annual review of family support.

Resolved:

1)    That {LONG}

2)    That the Head of Service provides members with the waiting-time figures by locality.

ACTION - Head of Service to circulate the outreach plan to members.
"""


@pytest.mark.asyncio
async def test_a_long_resolution_leaves_its_follow_ups_in_sight_at_80x24(
    committees: Tracker, settings: Settings, tmp_path: Path
) -> None:
    minutes = tmp_path / "long.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down")  # Cabinet -> Improving Lives Select Commission
        await import_through_dialog(pilot, "2026-01-20", minutes)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        await loaded_meeting(pilot, "20 Jan 2026")
        items = screen.query_one("#res-items", DataTable)
        shown = rows(items)
        first_followup = next(i for i, r in enumerate(shown) if "↳" in r)
        above = sum(row.height for row in items.ordered_rows[:first_followup])
        assert above + 1 < items.size.height  # the header, the rows above it: all in sight
        assert "That the Commission" in shown[0] and "locality" not in shown[0]  # cut, with "…"
        assert shown[0].endswith("…")
        items.focus()
        items.move_cursor(row=1)  # to the follow-up and back: the resolution highlighted
        await pilot.pause()
        items.move_cursor(row=0)
        detail = screen.query_one("#res-detail", Static)
        await until(
            pilot,
            lambda: "figures for each locality" in str(detail.render()),
            "the whole resolution",
        )
        assert str(detail.render()).startswith("Resolution 1: That the Commission asks")
