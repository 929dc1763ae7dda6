"""Committee officers turn what a committee resolved into follow-ups: in the review of imported
minutes, A on a resolution's row opens a window with the resolution's text as the task, the
owner to type or choose and a due date; Ctrl+S adds the follow-up to the list, and saving stores
it linked to that resolution (followup.resolution_id), in the same one transaction, even where
the resolution has no number or shares one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from committee_helpers import COMMISSION, counts
from minutes_pages import PARKS
from resolutions_pilot import rows, until
from review_pilot import reviewing, said
from sqlalchemy import select
from textual.widgets import DataTable, Input, Static, TextArea

from tracker.config import Settings
from tracker.errors import InvalidInput
from tracker.models import FollowUp, Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.committees.minutes_taking import followup_arising, take_resolution
from tracker.services.context import Tracker
from tracker.ui.resolutions.review_arising import ArisingScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


def test_a_follow_up_made_from_an_unnumbered_resolution_is_stored_linked_to_it(
    committees: Tracker,
) -> None:
    draft = draft_minutes(PARKS)
    left = next(u for u in draft.unsure if u.line == 15)
    # two with no number (the officer cleared the numbers the reader's and the taken line got)
    resolutions = (dataclasses.replace(draft.resolutions[0], number=""),
                   dataclasses.replace(take_resolution(left), number=""))  # fmt: skip
    assert [r.number for r in resolutions] == ["", ""]
    fu = followup_arising(resolutions[1], 1, owner="Clerk", due=dt.date(2026, 4, 1))
    made = dataclasses.replace(draft, resolutions=resolutions, followups=(fu,))
    save_import(committees, made, committee=COMMISSION, date="2026-02-10")
    with committees.db.reading() as s:
        stored = s.scalars(select(FollowUp)).one()
        assert stored.resolution is not None and stored.resolution.text == resolutions[1].text
        assert (stored.owner_text, stored.due, stored.text) == ("Clerk", dt.date(2026, 4, 1),
                                                                resolutions[1].text)  # fmt: skip


def test_a_follow_up_of_no_resolution_is_refused_whole(committees: Tracker) -> None:
    draft = draft_minutes(PARKS)
    fu = followup_arising(draft.resolutions[0], 5)
    before = counts(committees)
    with pytest.raises(InvalidInput) as caught:
        save_import(committees, dataclasses.replace(draft, followups=(fu,)),
                    committee=COMMISSION, date="2026-02-10")  # fmt: skip
    assert "arises from no resolution of these minutes" in str(caught.value)
    assert counts(committees) == before


@pytest.mark.asyncio
async def test_the_officer_makes_a_follow_up_from_a_resolution(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARKS, size=(80, 24)) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, error, why = r.table, r.error, r.why
        await pilot.press("tab", "down", "R")  # line 15 taken: a second unnumbered resolution
        taken = table.row_count - 1
        table.focus()
        table.move_cursor(row=1)  # a follow-up row: A is for the lines the reader left
        await pilot.pause()
        await pilot.press("A")
        assert "Tab to the lines the reader left" in said(error)
        table.move_cursor(row=taken)
        await pilot.pause()
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, ArisingScreen), "the window")
        window = app.screen
        task = window.query_one("#arise-text", TextArea)
        assert task.text.startswith("The Committee agreed that the allotment rents")
        task.text = "  "
        await pilot.press("ctrl+s")  # no task: refused, the task's field to type in
        assert said(window.query_one("#arise-error", Static)) == "The task cannot be empty."
        assert app.screen is window and app.focused is task
        task.text = "Tell the allotment holders the rents rise by 5% from April"
        window.query_one("#arise-owner", Input).value = "Kelly White"
        window.query_one("#arise-due", Input).value = "31 Feb 2026"
        await pilot.press("ctrl+s")
        assert "due" in said(window.query_one("#arise-error", Static))  # checked as typed
        window.query_one("#arise-due", Input).value = "31 Mar 2026"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is review, "the review")
        row = rows(table)[-1]
        assert row.startswith("you | ↳ 6 | Kelly White | 31 Mar 2026 | Tell the"), row
        # the number it was given
        assert "A follow-up arising from resolution 6 added" in said(error)
        assert said(why).startswith("Item 6; a follow-up you made from resolution 6 on line 15")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        screen = app.screen
        await until(pilot, lambda: any("Tell the" in r for r in
                                       rows(screen.query_one("#res-items", DataTable))),
                    "the meeting saved")  # fmt: skip
        shown = rows(screen.query_one("#res-items", DataTable))
        at = next(i for i, r in enumerate(shown) if "The Committee agreed that" in r)
        assert "Tell the allotment holders" in shown[at + 1]  # under its resolution, not item 5's
    with committees.db.reading() as s:
        fu = s.scalars(select(FollowUp).where(FollowUp.text.like("Tell the%"))).one()
        res = s.scalars(select(Resolution).where(Resolution.text.like("The Committee%"))).one()
        assert fu.resolution_id == res.id  # not the item-5 resolution, unnumbered too
        assert fu.due == dt.date(2026, 3, 31) and fu.owner is not None  # Kelly White
