"""The agenda item a resolution or follow-up was minuted under is the officer's to correct in
review: e, then the Item field (checked: at most 40 characters, no control characters); the row
shows the new item, and saving files a resolution under that item's title and records the item
in each item's audit entry. The service checks the same."""

from __future__ import annotations

import dataclasses

import pytest
from committee_helpers import COMMISSION, counts
from minutes_pages import PARISH_TITLED, PARKS
from resolutions_pilot import rows, until
from review_pilot import reviewing, said, to_item_field
from sqlalchemy import select

from tracker.config import Settings
from tracker.errors import InvalidInput
from tracker.models import AuditEntry, FollowUp, Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen


@pytest.mark.asyncio
async def test_the_officer_corrects_a_resolutions_item(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARISH_TITLED, size=(80, 24)) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, error = r.table, r.error
        hedge = next(i for i, e in enumerate(review.entries) if "Mill Lane" in e.item.text)
        table.move_cursor(row=hedge)
        await pilot.pause()
        field = await to_item_field(pilot)
        assert field.value == "7"
        field.value = "6" * 41
        await pilot.press("enter")
        assert "The item is at most 40 characters" in said(error)
        assert review.entries[hedge].item.item == "7"  # nothing applied
        field.value = "6"
        await pilot.press("enter")
        assert app.focused is table and "Edit applied" in said(error)
        assert rows(table)[hedge].split(" | ")[1].startswith("6")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        res = s.scalars(select(Resolution).where(Resolution.text.like("%Mill Lane%"))).one()
        item = s.scalars(select(AuditEntry.new).where(
            AuditEntry.entity == "resolution", AuditEntry.field == "item",
            AuditEntry.entity_key.like("%#6, line 14"))).one()  # fmt: skip
    assert res.item_title == "Allotments"  # filed under item 6's title now
    # its number, told apart by its item ("7"), follows it; item 6 has its own "6"
    assert res.number == "6, line 14"
    assert item == "6"


@pytest.mark.asyncio
async def test_the_officer_corrects_a_follow_ups_item(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARKS) as r:
        app, pilot, review, table = r.app, r.pilot, r.screen, r.table
        parks = next(
            i
            for i, e in enumerate(review.entries)
            if getattr(e.item, "owner", None) == "Parks Officer"
        )
        table.move_cursor(row=parks)
        await pilot.pause()
        assert rows(table)[parks].split(" | ")[1] == "↳ 5"
        field = await to_item_field(pilot)
        field.value = "6"
        await pilot.press("enter")
        assert rows(table)[parks].split(" | ")[1] == "↳ 6"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        fu = s.scalars(select(FollowUp).where(FollowUp.owner_text == "Parks Officer")).one()
        item = s.scalars(select(AuditEntry.new).where(
            AuditEntry.entity_key == str(fu.id), AuditEntry.field == "item")).one()  # fmt: skip
    assert item == "6"


def test_the_service_refuses_an_item_no_page_prints(committees: Tracker) -> None:
    draft = draft_minutes(PARKS)
    # its number cleared (the reader's is its item's, "5"): named by the item typed
    bad = dataclasses.replace(draft.resolutions[0], number="", item="5\x1b[2J")
    before = counts(committees)
    with pytest.raises(InvalidInput) as caught:
        save_import(committees, dataclasses.replace(draft, resolutions=(bad,)),
                    committee=COMMISSION, date="2026-02-10")  # fmt: skip
    assert [p.field for p in caught.value.problems] == ["resolution under item 5\x1b[2J: item"]
    assert counts(committees) == before
