"""A meeting made by importing minutes whose heading names no meeting is called "<committee>,
<date>" (minutes_draft). Every list shows the committee and the date already, so such a title is
not shown beside them a second time: the committee's name appears once in `meetings list` and
the Resolutions screen's meetings list shows the date alone; a title of its own still shows."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from committee_helpers import COMMISSION, Runner
from resolutions_pilot import loaded_meeting, open_resolutions
from test_minutes_keyboard import leave
from textual.widgets import OptionList

from tracker.config import Settings
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker
from tracker.services.meeting_titles import fallback_title, own_title
from tracker.ui.app import create_app

NAME = "Improving Lives Select Commission"
# an agenda item's page: its heading names no meeting; worded as no corpus page is
ITEM_PAGE = "Library opening hours\n\nRESOLVED: That the winter opening hours be kept.\n"
NAMED_PAGE = (
    "Minutes of the Budget Working Group held on 2 December 2026\n\n"
    "RESOLVED: That the draft budget be sent to Cabinet.\n"
)


def test_a_title_saying_only_the_committee_and_a_date_is_not_its_own() -> None:
    assert own_title(fallback_title("Cabinet", dt.date(2024, 3, 12)), "Cabinet") is None
    assert own_title("Cabinet, 1 July 2020", "Cabinet") is None
    assert own_title("Cabinet, budget meeting", "Cabinet") == "Cabinet, budget meeting"
    assert own_title("Cabinet, 1 July 2020", "Council") == "Cabinet, 1 July 2020"
    assert own_title("Harbour Committee meeting", "Harbour Committee") is None
    assert own_title("Harbour Committee", "Harbour Committee") is None
    assert own_title("Special Harbour Committee meeting", "Harbour Committee") is not None
    assert own_title("Parish Council Meeting", "Cabinet") == "Parish Council Meeting"
    assert own_title(None, "Cabinet") is None


def _imported(t: Tracker) -> None:
    for text, day in ((ITEM_PAGE, "2026-12-01"), (NAMED_PAGE, "2026-12-02")):
        save_import(t, draft_minutes(text), committee=COMMISSION, date=day)


def test_meetings_list_names_the_committee_once(committees: Tracker, run: Runner) -> None:
    _imported(committees)
    table = run("meetings", "list", "--board", COMMISSION).stdout.splitlines()
    first = next(line for line in table if line.startswith("2026-12-01"))
    second = next(line for line in table if line.startswith("2026-12-02"))
    assert first.count(NAME) == 1 and "1 December 2026" not in first
    assert "Budget Working Group" in second
    data = json.loads(run("meetings", "list", "--board", COMMISSION, "--format", "json").stdout)
    titles = {m["date"]: m["title"] for m in data}  # other tools get the title as stored
    assert titles["2026-12-01"] == f"{NAME}, 1 December 2026"


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.asyncio
async def test_the_resolutions_screens_meetings_list_shows_the_date_alone(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    _imported(committees)
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        screen = await open_resolutions(pilot)
        meetings = screen.query_one("#res-meetings", OptionList)
        await loaded_meeting(pilot, "2 Dec 2026")  # the newest first
        listed = [str(meetings.get_option_at_index(i).prompt) for i in range(2)]
        assert listed[0].startswith("02 Dec 26  Budget Work")  # cut at 80 columns
        assert re.match(r"01 Dec 26  \((1 res, )?0 open\)$", listed[1]) and NAME not in listed[1]
        await leave(pilot)


@pytest.mark.asyncio
async def test_closing_a_follow_up_keeps_the_cursor_on_it(
    committees: Tracker, settings: Settings
) -> None:
    """After closing a follow-up the meeting's list was filled afresh with the cursor on its
    first row; the cursor stays on the follow-up just closed."""
    from committee_helpers import FIRST
    from resolutions_pilot import type_into, until
    from textual.widgets import Button, DataTable

    from tracker.ui.resolutions.followup import FollowUpScreen
    from tracker.ui.resolutions.screen import ResolutionsScreen

    save_import(committees, draft_minutes(FIRST.read_text()), committee=COMMISSION,
                date="2026-01-20")  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        await loaded_meeting(pilot, "20 Jan 2026")
        table = screen.query_one("#res-items", DataTable)
        keys = [str(table.coordinate_to_cell_key((i, 0)).row_key.value)
                for i in range(table.row_count)]  # fmt: skip
        last = max(i for i, k in enumerate(keys) if k.startswith("f"))
        assert last > 0, keys
        table.focus()
        table.move_cursor(row=last)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the close dialog")
        await type_into(pilot, "#fu-response", "Sent round")
        done = app.screen.query_one("#fu-done", Button)
        await until(pilot, lambda: not done.has_class("-active"), "the last press to end")
        await pilot.click("#fu-done")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the close")
        await until(pilot, lambda: "done" in " ".join(str(c) for c in table.get_row_at(last)),
                    "the list filled afresh")  # fmt: skip
        assert table.cursor_row == last
