"""The minutes review on an 80x24 terminal, as an officer drives it: with the whole page shown
the items table still shows a header and four rows, the page its rows and the highlighted unit
whole under them; the head is one line; in the edit form every field of the Due row and the
Apply edit and Drop / keep buttons lie inside the screen; and the save says where what the
officer took came from (the page, the lines the reader left, a resolution, by hand)."""

from __future__ import annotations

import pytest
from minutes_pages import PARISH_BENCHES
from resolutions_pilot import until
from review_pilot import reviewing, said
from textual.geometry import Region
from textual.widgets import Input, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.resolutions.review_arising import ArisingScreen
from tracker.ui.resolutions.screen import ResolutionsScreen

SCREEN = Region(0, 0, 80, 24)


def inside(region: Region) -> bool:
    return bool(region.area) and SCREEN.contains_region(region)


@pytest.mark.asyncio
async def test_at_80x24_the_items_the_page_and_the_form_fit_and_the_save_says_where_from(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARISH_BENCHES, size=(80, 24)) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, page = r.table, r.page
        head = review.query_one("#rev-head", Static)
        assert head.region.height == 1 and "…" in head.render_line(0).text  # cut, not wrapped

        # a line the reader left, taken from its list
        r.unsure.focus()
        await pilot.press("R")
        # a unit of the whole page the reader neither took nor listed
        await pilot.press("P", "slash", *"hands")
        await pilot.press("escape", "R")
        assert table.row_count == 4
        await pilot.pause()
        # the items: a header and all four rows in sight, above the page and its unit's detail
        assert table.region.height >= 5 and inside(table.region)
        assert page.region.height >= 5 and inside(page.region)
        why = r.why
        assert why.region.height >= 2 and inside(why.region)
        assert said(why).startswith("Taken by you as a resolution. Line 9 (item 6)")
        assert inside(review.query_one("#rev-save").region)

        # a follow-up arising from the resolution taken from the page
        table.focus()
        table.move_cursor(row=3)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ArisingScreen), "the window")
        app.screen.query_one("#arise-owner", Input).value = "Clerk"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is review, "the review")
        assert table.row_count == 5

        # the edit form: the Due row's fields and the two buttons inside the screen
        await pilot.press("e")
        for _ in range(5):  # from the text past owner, person, due and item to the buttons
            await pilot.press("tab")
        await pilot.pause()
        for name in ("#rev-due", "#rev-item", "#rev-apply", "#rev-toggle"):
            assert inside(review.query_one(name).region), name
        table.focus()

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        told = [n.message for n in app._notifications]
        assert any(m.endswith("(1 taken from the page, 1 from lines the reader left, 1 made "
                              "from resolutions).") for m in told), told  # fmt: skip
