"""The whole page in the review of imported minutes, as an officer drives it: P shows every unit
the reader cut the page into (line, item, a mark for what the reader made of it, the text), the
highlighted one whole under it; / finds a word (Enter: the next unit holding it; Esc back to the
page); R and A take any unit, even one the reader neither took nor listed, as they take a line
it left; the same unit twice as one kind is refused, and so is what the reader took already; d
takes it out again; Ctrl+S stores it with "minutes line N, taken in review" in its audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from committee_helpers import counts
from minutes_pages import PARISH_BENCHES
from resolutions_pilot import rows, until
from review_pilot import review_of, reviewing, said
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from tracker.config import Settings
from tracker.models import AuditEntry, FollowUp, Resolution
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.page_list import PageList
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


def shown(page: PageList) -> list[str]:
    """The page's rows as drawn, each trimmed."""
    return [page.render_line(y).text.rstrip() for y in range(min(page.size.height, 12))]


async def find(pilot: Pilot[Any], word: str) -> None:
    await pilot.press("slash", *word)


@pytest.mark.asyncio
async def test_an_officer_takes_from_the_whole_page_what_the_reader_dropped(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARISH_BENCHES) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, page, error, why, title = r.table, r.page, r.error, r.why, r.title
        assert not page.display
        before = table.row_count  # the reader's resolution and follow-up

        await pilot.press("P")  # the whole page, in place of the lines the reader left
        assert page.display and app.focused is page
        assert not r.unsure.display
        assert said(title) == (
            "The whole page, unit 1 of 9: R or A takes one; / searches; P: lines "
            "left (R A: read, ?: unsure, §: heading, +: yours)"
        )
        drawn = shown(page)
        assert drawn[0] == "    1           ·     Minutes of the Parish Council"
        assert drawn[1].startswith("    3 5         §     5. Allotments")
        assert drawn[2].startswith("    4 5         R     RESOLVED that the rents rise")
        assert drawn[3].startswith("    5 5         A     ACTION: Clerk to write")
        assert drawn[5].startswith("    8 6         ?     It was agreed that the Clerk would book")
        assert drawn[6].startswith("    9 6         ·     Following a show of hands")

        await pilot.press("down", "down")  # the reader's resolution: R is refused
        assert said(why) == ("Line 4 (item 5): RESOLVED that the rents rise by 5% from April. "
                             "(the reader took it as resolution 5)")  # fmt: skip
        await pilot.press("R")
        assert "The reader took this as a resolution" in said(error)
        assert table.row_count == before

        await find(pilot, "hands")  # the decision no rule reads
        find_field = review.query_one("#rev-find", Input)
        assert app.focused is find_field and page.cursor == 6
        assert said(why) == ("Line 9 (item 6): Following a show of hands the hall be booked for "
                             "the fete. (the reader left it)")  # fmt: skip
        await pilot.press("escape")  # back to the page, the review still open
        assert app.screen is review and app.focused is page and not find_field.display
        await pilot.press("R")
        assert table.row_count == before + 1
        assert rows(table)[-1].startswith("you | 6 |  |  | Following a show of hands the hall be")
        assert said(title).startswith("The whole page, unit 7 of 9, 1 taken by you")
        assert shown(page)[6].startswith("    9 6         · +R  Following")
        assert said(why).startswith("Taken by you as a resolution. Line 9 (item 6)")
        await pilot.press("R")  # the same unit twice as one kind
        assert "Already taken as a resolution" in said(error)
        assert table.row_count == before + 1

        await find(pilot, "xylophone")
        assert "No unit of the page holds “xylophone”" in said(error)
        await pilot.press("escape")
        review.query_one("#rev-find", Input).value = ""
        await find(pilot, "the")  # from the highlighted unit on; Enter: the next
        assert page.cursor == 6
        await pilot.press("enter")
        assert page.units[page.cursor].line == 11  # "... for the bench. KW"
        await pilot.press("escape", "A")  # the task closed by its owner's initials
        await until(pilot, lambda: table.row_count == before + 2, "the follow-up taken")
        assert rows(table)[-1].startswith("you | ↳ 7 | KW | - | Obtain three quotes for the bench")

        table.focus()  # the line under the table says where the item came from
        table.move_cursor(row=before)
        await pilot.pause()
        assert said(why) == (
            "Item 6, recorded as 6, resolved; taken by you from line 9 of the "
            "page (the reader left it)"
        )  # numbered as its item's first

        page.focus()  # d on the unit takes what was taken from it out again, e edits it
        await pilot.press("up", "up")
        assert page.units[page.cursor].line == 9
        await pilot.press("d")
        assert table.row_count == before + 1 and "Taken out: a resolution you took" in said(error)
        await pilot.press("e")
        assert "Nothing was taken from this line" in said(error)
        await pilot.press("R", "P")  # taken again; P: back to the lines the reader left
        assert not page.display and r.unsure.display
        assert said(title).startswith("Not read with confidence (1)")

        stored = counts(committees)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    assert counts(committees)["resolution"] == stored["resolution"] + 2
    with committees.db.reading() as s:
        hall = s.scalars(select(Resolution).where(Resolution.text.startswith("Following"))).one()
        assert hall.text == "Following a show of hands the hall be booked for the fete."
        bench = s.scalars(select(FollowUp).where(FollowUp.owner_text == "KW")).one()
        assert bench.text == "Obtain three quotes for the bench." and bench.due is None
        came = list(s.scalars(select(AuditEntry.new).where(AuditEntry.field == "from")))
    assert "minutes line 9, taken in review" in came
    assert "minutes line 11, taken in review" in came
    assert hall.meeting_id is not None and isinstance(dt.date.today(), dt.date)


@pytest.mark.asyncio
async def test_the_page_view_works_at_80x24(committees: Tracker, settings: Settings) -> None:
    """At 80 columns and 24 rows the page, its highlighted unit and Save stay in sight."""
    async with reviewing(settings, PARISH_BENCHES, size=(80, 24)) as r:
        pilot, review, page = r.pilot, r.screen, r.page
        await pilot.press("P")
        await pilot.pause()
        assert page.region.height >= 5 and page.region.bottom <= 24
        assert review.query_one("#rev-save").region.bottom <= 24
        await find(pilot, "hands")
        await pilot.press("escape", "R")
        assert rows(r.table)[-1].startswith("you | 6 |")
        assert r.why.region.height >= 1


def test_help_and_the_palette_offer_the_whole_page_and_its_search() -> None:
    from types import SimpleNamespace

    from tracker.ui.catalogue import catalogue

    sections = {s.title: s for s in catalogue(SimpleNamespace(registered=[]))}
    review = {c.key: c for c in sections["Minutes review window"].commands}
    assert (review["P"].description, review["/"].description) == ("Whole page", "Search")
    assert "R or A takes any unit" in review["P"].detail
    assert review["P"].window is ReviewScreen


# ---- how it looks: the whole page, one unit taken, the search field open, at 80x24 and 160x50 --


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_snapshot_the_whole_page_in_the_review(
    snap_compare: Any, snapshot_settings: Settings, size: tuple[int, int]
) -> None:
    async def settle(pilot: Pilot[Any]) -> None:
        review = await review_of(pilot, PARISH_BENCHES)
        table = review.query_one("#rev-items", DataTable)
        before = table.row_count
        await pilot.press("P", "slash", *"hands")
        await pilot.press("escape", "R", "slash", *"quotes")
        assert table.row_count == before + 1
        await pilot.pause(0.1)

    assert snap_compare(create_app(snapshot_settings), terminal_size=size, run_before=settle)
