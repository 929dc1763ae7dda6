"""An officer takes a line of the review net for tasks (`tracker.minutes.action_like`): a task
the reader did not take ("JB would speak to the roofer ...") is on the list of lines it left,
with why; `A` on it reads owner and task by the reader's own logic and the follow-up joins the
review as the officer's; the save stores it with its line."""

from __future__ import annotations

import pytest
from resolutions_pilot import rows, until
from review_pilot import options, reviewing
from sqlalchemy import select

from tracker.config import Settings
from tracker.models import FollowUp
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen

MINUTES = """Minutes of the Halls Committee

8. Hall

The hall roof leaks again after the storms. JB would speak to the roofer about a repair.

9. Close

The meeting closed at 8pm.
"""


@pytest.mark.asyncio
async def test_an_officer_takes_a_task_the_net_listed(committees: Tracker, settings: Settings):
    async with reviewing(settings, MINUTES) as r:
        app, pilot, table, unsure = r.app, r.pilot, r.table, r.unsure
        lines = options(unsure)
        assert len(lines) == 1, lines
        assert lines[0].startswith("line 5 (item 8): JB would speak to the roofer about a repair.")
        assert "(unsure: reads as a task given to JB: 'JB would speak ...'" in lines[0]
        before = table.row_count
        await pilot.press("tab", "A")
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        assert rows(table)[-1].startswith("you | ↳ 8 | JB | - | speak to the roofer about a repair")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        fu = s.scalars(select(FollowUp).where(FollowUp.owner_text == "JB")).one()
        assert fu.text == "speak to the roofer about a repair."
