"""The review's number field shows a number told apart by its item whole ("2 (1)"), at 80 and
160 columns, with the item field beside it still on the screen (seen in tmux at 160x50: "2 (1"
cut in a field 10 wide)."""

from __future__ import annotations

import pytest
from review_pilot import reviewing
from textual.widgets import Input

from tracker.config import Settings
from tracker.services.context import Tracker

# two items each numbering their resolutions afresh; worded as no corpus page is
PAGE = """2. Slipway repairs
RESOLVED:
(1) That the slipway repairs be approved.
(2) That a second quote for the winch be sought.

3. Mooring fees
RESOLVED:
(1) That the fees rise by 3%.
(2) That the residents' discount be kept.
"""


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.asyncio
async def test_the_number_field_shows_the_number_whole(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    async with reviewing(settings, PAGE, size=size) as r:
        number = r.screen.query_one("#rev-number", Input)
        item = r.screen.query_one("#rev-item", Input)
        await r.pilot.press("e")  # the form, scrolled into view, on the first resolution
        await r.pilot.pause()
        assert number.value == "2 (1)"
        inner = number.content_region.width
        assert inner > len(number.value)  # whole, with room for the cursor after it
        assert item.region.right <= size[0] and item.region.width >= 6
