"""Resolutions are filed under their own item's title as the page heads it ("6. Allotments" ->
"Allotments"), not all under the page's first line; that first line is an item's title only when
it is one ("MINUTES OF THE PARISH COUNCIL MEETING" is the meeting's heading). The CLI's dry run
and the app's review say the same items, and the record stores what they said."""

from __future__ import annotations

from pathlib import Path

import pytest
from committee_helpers import COMMISSION, Runner
from minutes_pages import PARISH_TITLED
from resolutions_pilot import until
from review_pilot import reviewing, said
from sqlalchemy import select
from textual.widgets import Static

from tracker.config import Settings
from tracker.minutes.item_titles import is_item_title, item_title
from tracker.models import Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen


def test_an_items_title_is_read_from_its_heading() -> None:
    page = PARISH_TITLED.split("\n")
    assert item_title(page, "6", 9) == "Allotments"
    assert item_title(page, "7", 14) == "Footpaths and hedges"  # the line under "Minute 7"
    assert item_title(page, "8", 14) is None
    assert not is_item_title("MINUTES OF THE PARISH COUNCIL MEETING held on 4 March 2024")
    assert not is_item_title("[DRAFT] Minutes of Colonsay Community Council - 29 May 2018")
    assert is_item_title("Introduction to the Early Help Strategy")


@pytest.mark.parametrize(
    "line", ["8.18     Resolved – That the Committee:", "8.18 That the report be noted.",
             "8.18 Agreed: the hall be booked", "8.18 Recommendations"],
)  # fmt: skip
def test_a_numbered_decision_is_no_items_title(line: str) -> None:
    """A paragraph numbered like an item that holds the decision itself titles nothing: the
    resolution goes under the page's title."""
    assert item_title(["Early Help - Review of new service model", "", line], "8.18", 3) is None


def test_each_resolution_is_stored_under_its_own_items_title(committees: Tracker) -> None:
    draft = draft_minutes(PARISH_TITLED)
    assert draft.item_titles == (("5", "Play areas"), ("6", "Allotments"),
                                 ("7", "Footpaths and hedges"))  # fmt: skip
    save_import(committees, draft, committee=COMMISSION, date="2024-03-04")
    with committees.db.reading() as s:
        stored = dict(s.execute(select(Resolution.text, Resolution.item_title)).all())
    assert stored == {
        "That the play area report be noted.": "Play areas",
        "That the allotment rents rise by 5% from April.": "Allotments",
        "That the hedge on Mill Lane be cut.": "Footpaths and hedges",
    }


def test_a_page_of_one_item_keeps_its_title_and_a_meeting_heading_is_none(
    committees: Tracker,
) -> None:
    one = draft_minutes("Allotment rents\n\nRESOLVED: That the rents rise by 5%.\n")
    assert one.title_of("") == "Allotment rents"
    bare = draft_minutes("Minutes of the Parish Council\n\nRESOLVED: That the rents rise.\n")
    assert bare.title_of("") is None and bare.items_said() == "no item title read"
    assert bare.title == "Minutes of the Parish Council"  # the page's first line, as read
    assert bare.meeting_name == "Parish Council"  # what the new meeting is called


def test_the_dry_run_lists_each_resolution_under_its_item(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "parish.txt"
    page.write_text(PARISH_TITLED, encoding="utf-8")
    result = run("minutes", "import", page, "--committee", COMMISSION, "--date", "2024-03-04",
                 "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Items:     5 Play areas; 6 Allotments; 7 Footpaths and hedges" in out
    assert "MINUTES OF THE PARISH" not in out.split("Resolutions")[0].split("Items:")[1]
    assert ", item 6 Allotments, line 9" in out
    as_json = run("minutes", "import", page, "--committee", COMMISSION, "--date", "2024-03-04",
                  "--dry-run", "--format", "json")  # fmt: skip
    assert '"item_title": "Footpaths and hedges"' in as_json.stdout


@pytest.mark.asyncio
async def test_the_review_says_the_items_the_dry_run_says(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARISH_TITLED) as r:
        head = said(r.screen.query_one("#rev-head", Static))
        assert head.endswith("items: 5 Play areas; 6 Allotments; 7 Footpaths and hedges")
        await r.pilot.press("ctrl+s")
        await until(r.pilot, lambda: isinstance(r.app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        titles = set(s.scalars(select(Resolution.item_title)))
    assert titles == {"Play areas", "Allotments", "Footpaths and hedges"}
