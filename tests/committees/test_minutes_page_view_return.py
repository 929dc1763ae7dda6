"""P and P again in the minutes review bring the officer back where P was pressed: from the
items, back to the items, so that Tab reaches the lines the reader left (as the review's hint
says) and R takes one. Seen in tmux: back on the lines left after taking a unit of the page, Tab
went on to the edit form and R was typed into the follow-up's text."""

from __future__ import annotations

import pytest
from resolutions_pilot import until
from review_pilot import reviewing

from tracker.config import Settings
from tracker.services.context import Tracker

# an item with a decision, a reported undertaking (left unsure) and a remark no rule takes;
# worded as no corpus page is
PAGE = """Minutes of the Harbour Committee meeting held on 9 April 2025

3. Mooring fees
Members discussed the mooring fees at length.
It was agreed that the Finance Officer would write to the mooring holders.
RESOLVED: That the mooring fees for 2025/26 be increased by 3%.

4. Any other business
Cllr Hughes asked whether the harbour wall lights could be repaired before the summer.
"""


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.asyncio
async def test_back_from_the_page_the_focus_is_where_p_was_pressed(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    async with reviewing(settings, PAGE, size=size) as r:
        app, pilot, table, page, unsure = r.app, r.pilot, r.table, r.page, r.unsure
        assert app.focused is table
        before = table.row_count
        await pilot.press("P", "end", "A")  # the remark, the page's last unit, as a follow-up
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        await pilot.press("P")
        assert not page.display and app.focused is table
        await pilot.press("tab")  # to the lines the reader left, as the hint says
        assert app.focused is unsure
        await pilot.press("R")  # the undertaking, taken as a resolution
        await until(pilot, lambda: table.row_count == before + 2, "the line taken")
        texts = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        assert not any(t.startswith("RCllr") for t in texts)

        await pilot.press("P")  # from the lines left, back to them
        await pilot.press("P")
        assert app.focused is unsure
