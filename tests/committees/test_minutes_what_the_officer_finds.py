"""After importing minutes whose items number their resolutions afresh, an officer finds each
resolution by a number the page prints, qualified by its item ("7 (2)"), in the CLI's list and
on the Resolutions screen (never a made-up "B2"); and the new meeting is called what the page's
heading names it ("Parish Council Meeting"), or the committee and the date, not the page's
first line with its date and venue; a line left unsure on a page printed on one long line is
taken in review under its own item, not the line's last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, Runner
from resolutions_pilot import loaded_meeting, rows, until
from sqlalchemy import select
from test_minutes_keyboard import leave
from test_minutes_review_taking import review_of, said
from textual.widgets import DataTable, Static

from tracker.config import Settings
from tracker.models import Meeting
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.screen import ResolutionsScreen
from tracker.ui.resolutions.unsure_list import UnsureList

PARISH = """MINUTES OF THE PARISH COUNCIL MEETING held on 1 December 2026 at the Village Hall

7. Allotments

RESOLVED:

(1) That the allotment rents rise by 5% from April.

(2) That the Clerk writes to every allotment holder about the new rents.

8. Play areas

RESOLVED:

(1) That the play area report be noted.

(2) That the Clerk obtains three quotes for new swings.
"""


def _import(run: Runner, tmp_path: Path, text: str, *more: str) -> str:
    page = tmp_path / "minutes.txt"
    page.write_text(text, encoding="utf-8")
    result = run("minutes", "import", page, "--committee", COMMISSION, "--date", "2026-12-01",
                 *more)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_the_cli_lists_each_resolution_by_its_item_and_number(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    out = _import(run, tmp_path, PARISH, "--dry-run")
    assert 'Meeting:   2026-12-01, new meeting "Parish Council Meeting"' in out
    assert "  8 (2)  resolved, item 8 Play areas, line 17" in out
    assert "(resolution 8 (2), item 8, line 17)" in out  # the follow-up names it so too
    _import(run, tmp_path, PARISH)
    listed = json.loads(run("resolutions", "list", "--format", "json").stdout)
    mine = [r["number"] for r in listed if r["meeting"] == "2026-12-01"]
    assert mine == ["7 (1)", "7 (2)", "8 (1)", "8 (2)"]
    table = run("resolutions", "list").stdout
    assert "B2" not in table and " 8 (2) " in table
    with committees.db.reading() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.date.is_not(None))).one()
        assert meeting.title == "Parish Council Meeting"


def test_a_page_naming_no_meeting_gives_the_committee_and_the_date(committees: Tracker) -> None:
    draft = draft_minutes("Allotment rents\n\nRESOLVED: That the rents rise by 5%.\n")
    assert draft.meeting_name is None
    save_import(committees, draft, committee=COMMISSION, date="2026-12-01")
    with committees.db.reading() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.date.is_not(None))).one()
        assert meeting.title == "Improving Lives Select Commission, 1 December 2026"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.asyncio
async def test_the_review_and_the_screen_show_the_numbers_the_page_prints(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        review = await review_of(pilot, PARISH)
        head = review.query_one("#rev-head", Static)
        assert "(new meeting \u201cParish Council Meeting\u201d)" in str(head.tooltip)
        table = review.query_one("#rev-items", DataTable)
        items = [r.split(" | ")[1] for r in rows(table)]
        assert items == ["7 · (1)", "7 · (2)", "8 · (1)", "8 · (2)", "↳ 7 · (2)", "↳ 8 · (2)"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        screen = app.screen
        await loaded_meeting(pilot, "10 Feb 2026")
        meeting = said(screen.query_one("#res-meeting", Static))
        assert "Parish Council Meeting" in meeting and "MINUTES OF" not in meeting
        listed = rows(screen.query_one("#res-items", DataTable))
        assert [r.split(" | ")[0] for r in listed if "That the" in r][:4] == [
            "7 (1)", "7 (2)", "8 (1)", "8 (2)"
        ]  # fmt: skip
        await leave(pilot)


FLAT = (
    "Minutes of the Parish Council Meeting held on 1 July 2020\n"
    "Present Cllrs: K Langley (Chair), P Lawrence, M Higgs. 1.7.20 Attendance (as above) "
    "2.7.20 To receive apologies for absence. Cllr. Kershaw (unwell). Apologies accepted. "
    "3.7.20 To approve the Minutes of the Meeting of the Parish Council held on 6th May 2020 and "
    "to authorise the Chairman to sign them as a true record. It was proposed, seconded and all "
    "voted in favour to approve. 4.7.20 Allotments. Members discussed the allotment rents at "
    "length. It was proposed, seconded and all voted in favour to raise the allotment rents by 5% "
    "from April. 5.7.20 Play areas. The Clerk reported that the swings had been repaired. 6.7.20 "
    "Date of next meeting. The next meeting will be held on 5 August 2020.\n"
)


@pytest.mark.asyncio
async def test_a_line_left_on_a_flattened_page_is_taken_under_its_own_item(
    committees: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await review_of(pilot, FLAT)
        unsure = review.query_one("#rev-unsure", UnsureList)
        lines = [str(unsure.get_option_at_index(i).prompt) for i in range(unsure.option_count)]
        assert lines[0].startswith("line 2 (item 3.7.20): It was proposed")
        assert lines[1].startswith("line 2 (item 4.7.20): It was proposed")
        await pilot.press("tab", "down", "R")  # the second: the allotment rents
        table = review.query_one("#rev-items", DataTable)
        await until(pilot, lambda: table.row_count == 1, "the resolution taken")
        assert rows(table)[0].startswith("you | 4.7.20 |")
        await leave(pilot)
