"""In the review of imported minutes a committee officer takes what the reader left and adds what
it missed: the lines the reader was unsure of are a list (its line, why it was left, its text)
moved through with the arrow keys; on a highlighted line R takes it as a resolution (under the item it
sits under, numbered as the import numbers its others), A as a follow-up (owner and task read from it, no due date); n adds one
by hand. Each joins the review list marked as the officer's, editable, and d takes it out again
(its line shows as not taken). Ctrl+S stores them with the reader's items in one transaction,
each audit entry saying where it came from; a refused save stores nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from committee_helpers import COMMISSION, FIRST, counts
from minutes_pages import PARKS
from resolutions_pilot import rows, until
from review_pilot import options, review_of, reviewing, said
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from tracker.config import Settings
from tracker.errors import InvalidInput
from tracker.models import AuditEntry, FollowUp, Resolution
from tracker.services.committees.minutes_draft import UnsureItem, draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.committees.minutes_preview import preview_import
from tracker.services.committees.minutes_taking import (
    added_followup,
    preview_taken_followup,
    take_resolution,
)
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.add_item import AddItemScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


@pytest.mark.asyncio
async def test_an_officer_takes_what_the_reader_left_and_adds_what_it_missed(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARKS) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, unsure, error = r.table, r.unsure, r.error
        assert said(r.title).startswith("Not read with confidence (2)")
        lines = options(unsure)  # the text first, why it was left after it
        assert lines[0].startswith(
            "line 11 (item 6): It was agreed that the Clerk would write to the"
        )
        assert "the hedges.  (left as a reported undertaking: prose decision" in lines[0]
        assert lines[1].startswith(
            "line 15 (item 6): The Committee agreed that the allotment rents"
        )
        before = table.row_count

        await pilot.press("R")  # on the items table: it says where to go
        assert "Tab to the lines the reader left" in said(error)
        assert table.row_count == before
        await pilot.press("tab")
        assert app.focused is unsure
        title = r.title
        assert said(title).startswith("Not read with confidence (2), at 1 of 2: R or A takes")
        why = r.why
        assert said(why).startswith(  # the page's line above it: its item's heading
            "Line 11 (item 6), below “6. Allotments”: It was agreed that the Clerk would write"
        )
        assert "hedges. (left by the reader: left as a reported undertaking" in said(why)

        await pilot.press("A")  # line 11 as a follow-up: owner and task read from it
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        taken = rows(table)[-1]
        assert taken.startswith("you | ↳ 6 | the Clerk | - | write to the allotment holders")
        assert taken.endswith("line 11, by you")
        assert options(unsure)[0].startswith("line 11 (item 6): ✓ taken as a follow-up")
        assert said(why).startswith("Taken by you as a follow-up. Line 11 (item 6), below")

        await pilot.press("down", "R")  # line 15 as a resolution, under its item
        assert said(title).startswith("Not read with confidence (2, 2 taken), at 2 of 2:")
        assert rows(table)[-1].startswith("you | 6 |  |  | The Committee agreed that the allotment")
        assert options(unsure)[1].startswith("line 15 (item 6): ✓ taken as a resolution")
        await pilot.press("R")  # once is enough
        assert "Already taken as a resolution" in said(error)
        await pilot.press("d")  # on the line: what was taken from it goes
        assert table.row_count == before + 1
        assert options(unsure)[1].startswith(
            "line 15 (item 6): The Committee agreed that the allotment"
        )
        await pilot.press("R")  # and again
        assert table.row_count == before + 2

        # on the table, the line under it says whose each item is
        table.focus()
        table.move_cursor(row=before)
        await pilot.pause()
        assert said(why) == ("Item 6; taken by you from line 11, which the reader left; "
                             "owner read as 'the Clerk'")  # fmt: skip
        # edit the taken resolution's number and text, as the reader's items are edited
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        review.query_one("#rev-number", Input).value = "6.1"
        review.query_one("#rev-text", TextArea).text = "That the allotment rents rise by 5%."
        await pilot.click("#rev-apply")
        assert rows(table)[-1].startswith("you | 6 · (6.1) |  |  | That the allotment rents rise")

        # n: one by hand, checked as typed
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AddItemScreen), "the add window")
        add = app.screen
        await pilot.press("ctrl+s")
        assert "cannot be empty" in said(add.query_one("#add-error", Static))
        add.query_one("#add-text", TextArea).text = "Chase the insurers about the fence"
        add.query_one("#add-owner", Input).value = "Kelly White"
        add.query_one("#add-due", Input).value = "31 Feb 2026"
        await pilot.press("ctrl+s")
        assert "due" in said(add.query_one("#add-error", Static))
        assert app.screen is add
        add.query_one("#add-due", Input).value = "28 Feb 2026"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is review, "the review")
        assert rows(table)[-1].startswith("you | ↳ added | Kelly White | 28 Feb 2026 | Chase the")
        assert rows(table)[-1].endswith("added by you")

        before_save = counts(committees)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        told = [n.message for n in app._notifications]
        assert any(m.endswith("4 follow-ups (2 taken from lines the reader left, 1 added by "
                              "hand).") for m in told), told  # fmt: skip
    assert counts(committees)["resolution"] == before_save["resolution"] + 2
    with committees.db.reading() as s:
        res = s.scalars(select(Resolution).where(Resolution.number == "6.1")).one()
        assert res.text == "That the allotment rents rise by 5%." and res.kind == "resolved"
        fus = {f.text: f for f in s.scalars(select(FollowUp))}
        clerk = fus["write to the allotment holders about the hedges."]
        assert clerk.owner_text == "the Clerk" and clerk.due is None
        hand = fus["Chase the insurers about the fence"]
        assert hand.due == dt.date(2026, 2, 28) and hand.owner_id is not None  # Kelly White
        came = dict(s.execute(select(AuditEntry.entity_key, AuditEntry.new).where(
            AuditEntry.field == "from")).all())  # fmt: skip
    assert came[str(clerk.id)] == "minutes line 11, taken in review"
    assert came[str(hand.id)] == "added in review"
    assert any(k.endswith("#6.1") and v == "minutes line 15, taken in review"
               for k, v in came.items())  # fmt: skip
    assert "minutes line 5" in came.values()  # the reader's items say where they were read


@pytest.mark.asyncio
async def test_a_refused_save_says_why_and_stores_nothing(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PARKS) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, unsure = r.table, r.unsure
        await pilot.click(unsure, offset=(4, 1))  # the mouse: line 15, the second
        assert app.focused is unsure and unsure.highlighted == 1
        await pilot.press("R")
        table.focus()
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        review.query_one("#rev-text", TextArea).text = "That the rents\x07 rise."  # a BEL
        await pilot.click("#rev-apply")
        before = counts(committees)
        await pilot.press("ctrl+s")
        error = r.error
        await until(pilot, lambda: "Refused" in said(error), "the refusal")
        assert "resolution 6 (taken in review from line 15): text" in said(error)
        assert app.screen is review
    assert counts(committees) == before


def test_the_service_refuses_an_officers_item_whole(committees: Tracker) -> None:
    draft = draft_minutes(read_minutes(FIRST))
    before = counts(committees)
    line = UnsureItem(40, "The Clerk to write to the auditor.", "unsure: a directive", "7")
    bad = dataclasses.replace(take_resolution(line), line=None)
    hand = added_followup("Chase\x1b the fence", "Clerk")
    refused = dataclasses.replace(draft, resolutions=(*draft.resolutions, bad),
                                  followups=(*draft.followups, hand))  # fmt: skip
    with pytest.raises(InvalidInput) as caught:
        save_import(committees, refused, committee=COMMISSION, date="2026-01-20")
    fields = [p.field for p in caught.value.problems]
    assert fields == ["resolution 7 (taken in review from line None)",
                      f"follow-up {len(draft.followups) + 1} (added in review): text"]  # fmt: skip
    assert counts(committees) == before
    with pytest.raises(InvalidInput):  # the preview checks the same
        preview_import(committees, refused, committee=COMMISSION, date="2026-01-20")


@pytest.mark.parametrize(
    ("text", "owner", "task"),
    [
        ("It was agreed that the Clerk would write to the hedges' owners.", "the Clerk",
         "write to the hedges' owners."),
        ("ACTION: JS to circulate the slides", "JS", "circulate the slides"),
        ("3. Kelly White to report back on the hub opening.", "Kelly White",
         "report back on the hub opening."),
        ("Circulate the slides to Members - Clerk", "Clerk", "Circulate the slides to Members"),
        ("ACTION JOHN/DODIE: arrange quotes for the fence", "JOHN/DODIE",
         "arrange quotes for the fence"),
        ("Chase the insurers about the fence", None, "Chase the insurers about the fence"),
    ],
)  # fmt: skip
def test_a_line_taken_as_a_follow_up_is_read_for_its_owner_and_task(
    committees: Tracker, text: str, owner: str | None, task: str
) -> None:
    taken = preview_taken_followup(committees, UnsureItem(9, text, "unsure", "4"))
    assert (taken.item.owner, taken.item.text) == (owner, task)
    assert (taken.item.line, taken.item.item, taken.item.due) == (9, "4", None)
    assert taken.item.origin == "taken"
    if owner == "Kelly White":  # a person of the plan: matched, as the reader's owners are
        assert taken.person_code == "kelly-white"


def test_help_and_the_palette_offer_taking_and_adding_in_the_review() -> None:
    from types import SimpleNamespace

    from tracker.ui.catalogue import catalogue

    sections = {s.title: s for s in catalogue(SimpleNamespace(registered=[]))}
    review = {c.key: c.description for c in sections["Minutes review window"].commands}
    assert (review["R"], review["A"], review["n"], review["e"]) == (
        "Take as resolution", "Take as follow-up", "New by hand", "Edit text, item, owner, due")  # fmt: skip
    assert all(c.window is ReviewScreen for c in sections["Minutes review window"].commands)
    assert "Add to minutes review window" in sections


@pytest.mark.asyncio
async def test_e_edits_a_taken_line_at_80x24_and_enter_brings_the_officer_back(
    committees: Tracker, settings: Settings
) -> None:
    """At 80x24 the form sits under the line that says why, out of sight: a follow-up taken
    with its owner read wrong ("Decision/Action: The Senior Leadership Team") took Tab after
    Tab into fields not shown. e on the line (or the item) opens its text, scrolled into view;
    Enter applies and the focus is back on the items; Ctrl+S keeps an edit typed but not
    applied (it was lost)."""
    async with reviewing(settings, PARKS, size=(80, 24)) as r:
        app, pilot, review = r.app, r.pilot, r.screen
        table, error = r.table, r.error
        text = review.query_one("#rev-text", TextArea)
        before = table.row_count
        await pilot.press("tab", "e")  # nothing taken from line 11 yet
        assert "Nothing was taken from this line: R or A takes it" in said(error)
        await pilot.press("A")
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        await pilot.press("e")
        assert app.focused is text and table.cursor_row == before
        await pilot.pause()
        assert text.region.bottom <= 24 and text.region.height > 0  # in sight
        await pilot.press("ctrl+e", "space", "s", "o", "o", "n", "enter")  # to the end, typed
        assert app.focused is table and table.cursor_row == before
        assert review.entries[before].item.text.endswith("hedges. soon")
        assert "Edit applied" in said(error)
        await pilot.press("e", "tab")  # the owner, after the text
        owner = review.query_one("#rev-owner", Input)
        assert app.focused is owner
        owner.value = "Clerk to the Council"
        await pilot.press("enter")
        assert app.focused is table
        assert rows(table)[before].startswith("you | ↳ 6 | Clerk to the")
        await pilot.press("e", "ctrl+e", "!")  # typed, not applied, then saved
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        texts = {f.text: f.owner_text for f in s.scalars(select(FollowUp))}
    assert texts["write to the allotment holders about the hedges. soon!"] == "Clerk to the Council"


@pytest.mark.asyncio
async def test_an_edit_typed_then_another_row_picked_is_kept(
    committees: Tracker, settings: Settings
) -> None:
    """The form is filled afresh from each row picked: an edit typed but not applied was
    thrown away, silently, when the officer picked another row (with the mouse, or Tab back
    to the items and an arrow key)."""
    async with reviewing(settings, PARKS) as r:
        pilot, review, table = r.pilot, r.screen, r.table
        await pilot.press("e", "ctrl+e", "!")  # the first item, a resolution
        assert review.query_one("#rev-text", TextArea).text.endswith("noted.!")
        await pilot.click(table, offset=(10, 2))  # the second row, with the mouse
        await pilot.pause()
        assert table.cursor_row == 1
        assert review.entries[0].item.text == "That the play area report be noted.!"
        assert "Edit applied" in said(r.error)


# as North Meols Parish Council's minutes, April 2019: the reader reads no item for line 7
HEADED = """Minutes April 2019

164/18 Declarations of Interest
- Cllrs Douglas, Abra, and Blane in respect of Planning matter
165/18 Minutes of the previous meeting
- Approved
166/18 Police Report (verbal)
- Not present
167/18 Village hall lease
- Agreed
"""


def test_a_line_left_carries_the_lines_above_it_on_the_page() -> None:
    draft = draft_minutes(HEADED)
    # the minutes item's bare outcome is read; the other bare "- Agreed" is left, with what it
    # sits under
    assert [r.text for r in draft.resolutions] == ["Approved"]
    agreed = next(u for u in draft.unsure if u.text == "- Agreed")
    assert agreed.before == ("167/18 Village hall lease",)


@pytest.mark.asyncio
async def test_the_officer_sees_what_a_bare_line_left_sits_under(
    committees: Tracker, settings: Settings
) -> None:
    """ "- Agreed" alone, with no decision read for it: what was agreed? The line under the
    table names the page's line above it (the item's title)."""
    async with reviewing(settings, HEADED, size=(80, 24)) as r:
        await r.pilot.press("tab")
        why = said(r.why)
        assert why.startswith(
            "Line 10 (item 167/18), below “167/18 Village hall lease”: - Agreed (left by the reader"
        ), why


# ---- how it looks: the list of lines the reader left, one taken, at 80x24 and 160x50 ----------


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_snapshot_review_with_lines_the_reader_left(
    snap_compare: Any,
    snapshot_settings: Settings,
    size: tuple[int, int],
) -> None:
    async def settle(pilot: Pilot[Any]) -> None:
        review = await review_of(pilot, PARKS)
        table = review.query_one("#rev-items", DataTable)
        before = table.row_count
        await pilot.press("tab", "A")
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        await pilot.press("down")
        await pilot.pause(0.1)

    assert snap_compare(create_app(snapshot_settings), terminal_size=size, run_before=settle)


# a page where the reader reads no resolution, only lines it is unsure of (as Central Lancashire
# ICP Board's key decisions, 13 May 2021)
NOTHING_READ = """Key Decisions and Actions:

Finance update

The key issue moving forward was how to address the deficit as a system. Decision/Action: The Senior Leadership Team agreed to discuss this further at their meeting, the following week.
"""


def _undated_meeting(t: Tracker) -> None:
    from tracker.models import Board, Meeting

    with t.db.writing() as s:
        board = s.scalars(select(Board).where(Board.code == COMMISSION)).one()
        s.add(Meeting(board_id=board.id, date=None, title="Undated", status="held"))


def test_minutes_with_no_resolution_read_go_to_a_new_meeting_beside_an_undated_one(
    committees: Tracker,
) -> None:
    """The committee holds an undated meeting (as the shipped plan's does): a page whose
    resolutions the reader did not read merged into nothing and crashed (KeyError) the preview,
    the CLI's dry run and the app's review; now it is a new meeting, its lines to take."""
    _undated_meeting(committees)
    draft = draft_minutes(NOTHING_READ)
    assert not draft.resolutions and draft.unsure
    preview = preview_import(committees, draft, committee=COMMISSION, date="2021-05-13")
    assert (preview.meeting_id, preview.merge_undated) == (None, False)
    line = next(u for u in draft.unsure if "Senior Leadership" in u.text)
    taken = dataclasses.replace(draft, resolutions=(take_resolution(line),))
    result = save_import(committees, taken, committee=COMMISSION, date="2021-05-13")
    assert result.created_meeting and result.resolutions_added == 1


@pytest.mark.asyncio
async def test_the_review_opens_on_minutes_with_no_resolution_read(
    committees: Tracker, settings: Settings
) -> None:
    _undated_meeting(committees)
    async with reviewing(settings, NOTHING_READ, size=(80, 24)) as r:
        assert "(new meeting \u201c" in said(r.screen.query_one("#rev-head", Static))
        assert r.unsure.option_count >= 1
