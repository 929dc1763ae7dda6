"""The whole page and the review's corrections together, as an officer drives them: a unit taken
from the whole page leaves its label behind ("Outcome -", "Outcome:") and gives the owner its
closing initials name ("[JH to action]"), as a line the reader left does; e on the unit edits the
Item of what was taken from it; A takes the highlighted unit when the page has the focus, and
makes a follow-up arising from the highlighted resolution when the items have it; what is taken
under an item the reader read nothing in is filed under that item's own title."""

from __future__ import annotations

import pytest
from resolutions_pilot import rows, until
from review_pilot import reviewing, said, to_item_field
from sqlalchemy import select
from textual.widgets import Input

from tracker.config import Settings
from tracker.models import AuditEntry, FollowUp, Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_taking import take_resolution
from tracker.services.context import Tracker
from tracker.ui.resolutions.review_arising import ArisingScreen
from tracker.ui.resolutions.screen import ResolutionsScreen

# the reader reads item 5's resolution and nothing of item 8: its lines are left, labelled
PAGE = """Minutes of the Parish Council

5. Allotments
RESOLVED that the rents rise by 5% from April.

8. Play area
Outcome - obtain three quotes for the new bins [JH to action]
Outcome: the swings are to be replaced before the summer holidays.
"""


def test_a_unit_taken_from_the_page_is_filed_under_its_own_items_title() -> None:
    draft = draft_minutes(PAGE, page=True)
    swings = next(u for u in draft.page if u.line == 8)
    assert swings.state == "left"
    taken = take_resolution(swings)
    assert (taken.text, taken.kind, taken.item) == (
        "The swings are to be replaced before the summer holidays.", "resolved", "8")  # fmt: skip
    assert draft.title_of("8") == "Play area"
    assert draft.items_said() == "5 Allotments"  # the head names the items something was read in


@pytest.mark.asyncio
async def test_an_officer_takes_from_the_page_corrects_and_follows_up(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PAGE) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, page, error = r.table, r.page, r.error
        assert table.row_count == 1  # the rents

        await pilot.press("P", "slash", *"quotes", "escape")
        assert app.focused is page and page.units[page.cursor].line == 7
        await pilot.press("A")  # the page has the focus: the unit taken as a follow-up
        await until(pilot, lambda: table.row_count == 2, "the follow-up taken")
        bins = review.entries[-1]
        assert (bins.item.owner, bins.item.text) == ("JH", "obtain three quotes for the new bins")
        assert rows(table)[-1].startswith("you | ↳ 8 | JH | - | obtain three quotes")

        await pilot.press("down", "R")  # line 8, its label left behind
        assert table.row_count == 3
        assert review.entries[-1].item.text == (
            "The swings are to be replaced before the summer holidays."
        )

        await pilot.press("up")  # e on the unit: the Item of the follow-up taken from it
        assert page.units[page.cursor].line == 7
        field = await to_item_field(pilot)
        assert field.value == "8"
        field.value = "5"
        await pilot.press("enter")
        assert app.focused is table and "Edit applied" in said(error)
        assert bins.item.item == "5" and rows(table)[1].startswith("you | ↳ 5 | JH")

        table.move_cursor(row=0)  # the items have the focus: A on the rents' row arises from it
        await pilot.pause()
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ArisingScreen), "the window")
        app.screen.query_one("#arise-owner", Input).value = "Clerk"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is review, "the review")
        assert table.row_count == 4 and "arising from resolution 5 added" in said(error)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        swings = s.scalars(select(Resolution).where(Resolution.text.like("The swings%"))).one()
        rents = s.scalars(select(Resolution).where(Resolution.text.like("%rents%"))).one()
        quotes = s.scalars(select(FollowUp).where(FollowUp.owner_text == "JH")).one()
        arising = s.scalars(select(FollowUp).where(FollowUp.owner_text == "Clerk")).one()
        item = s.scalars(select(AuditEntry.new).where(
            AuditEntry.entity_key == str(quotes.id), AuditEntry.field == "item")).one()  # fmt: skip
    assert swings.item_title == "Play area" and swings.kind == "resolved"
    assert quotes.text == "obtain three quotes for the new bins" and item == "5"
    assert arising.resolution_id == rents.id and quotes.resolution_id is None
