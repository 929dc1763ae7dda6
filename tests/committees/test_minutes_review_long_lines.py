"""A flattened page (the minutes on one line) leaves the officer whole sentences, however long:
the line the reader left arrived cut at 300 characters ("…"), in the list, on the line under the
table and in what R took. The list keeps each line on one row, cut with "…"; the line under the
table and what is taken hold the whole sentence."""

from __future__ import annotations

import pytest
from resolutions_pilot import until
from review_pilot import reviewing, said
from sqlalchemy import select

from tracker.config import Settings
from tracker.models import Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen

# as Wigtown Community Council's minutes: the page flattened onto one line
SENTENCE = (
    "Following the September meeting the Free Press had reported that the Community Council "
    "would object to the application for a premises licence, and after a long discussion of the "
    "hours, the noise, the parking on the square, the late buses and the letters received from "
    "residents of the lane, members agreed to support the application in principle but would "
    "suggest that alcohol sales be limited to accompanying meals and that the hours be limited "
    "to ten at night on weekdays and eleven on Fridays and Saturdays."
)
FLAT = (
    f"Minutes of the Community Council 1. Apologies None. 2. Licensing {SENTENCE} 3. Any other "
    "business The Chair thanked members for attending and the meeting closed at nine."
)


def test_a_long_sentence_left_by_the_reader_is_whole() -> None:
    (left,) = draft_minutes(FLAT).unsure
    assert len(SENTENCE) > 450 and left.text.endswith(SENTENCE)
    assert "…" not in left.text


@pytest.mark.asyncio
async def test_the_officer_reads_and_takes_a_long_line_whole(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, FLAT) as r:
        app, pilot, review, unsure = r.app, r.pilot, r.screen, r.unsure
        assert unsure.option_count == 1 and unsure.size.height == 1  # one row, cut with "…"
        assert unsure.render_line(0).text.rstrip().endswith("…")
        await pilot.press("tab")
        why = r.why
        assert SENTENCE in " ".join(said(why).split())
        assert why.size.height > 3  # the line under the table grew to hold it
        table = r.table
        await pilot.press("R")
        assert review.entries[-1].item.text.endswith("eleven on Fridays and Saturdays.")
        assert table.row_count == 1
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        stored = s.scalars(select(Resolution.text).where(Resolution.text.like("%Licensing%"))).one()
    assert stored.endswith(SENTENCE)
