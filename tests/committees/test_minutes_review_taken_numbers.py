"""A resolution the officer takes in review (R on a line the reader left, or a unit of the page)
is numbered as the import numbers the others under its item: item 6 holding "6 (1)" gives
"6 (2)", an item holding none gives "6". The review shows it before saving, the save stores it,
and the Resolutions screen and `resolutions list` show it. A follow-up taken from an ordinary
line (A) is shown under a heading saying what it is, not as an ACTION line."""

from __future__ import annotations

import json

import pytest
from committee_helpers import COMMISSION, Runner
from resolutions_pilot import rows, until
from review_pilot import reviewing, said
from sqlalchemy import select
from textual.widgets import DataTable, Input

from tracker.config import Settings
from tracker.models import Resolution
from tracker.services.committees.minutes_taking import taken_number
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen

# each item numbers its resolutions afresh, so the import tells them apart by item ("6 (1)");
# under item 6 a prose undertaking and a prose decision the reader leaves unsure
HARBOUR = """Minutes of the Harbour Committee

5. Moorings

RESOLVED:
(1) That the mooring fees report be received.
(2) That the pontoon be repaired before the summer.

6. Slipway

RESOLVED:
(1) That the slipway survey be received.

It was agreed that the Harbourmaster would write to the boat owners about the gate.

The Committee agreed that the slipway gate would be locked overnight from May.
"""


@pytest.mark.parametrize(
    ("item", "line", "numbered", "expected"),
    [
        ("6", 40, [("6", "6 (1)")], ("6 (2)", "2")),
        ("6", 40, [("5", "5 (1)"), ("6", "6 (1)"), ("6", "6 (2)")], ("6 (3)", "3")),
        ("6", 40, [("5", "5 (1)")], ("6", "")),  # an item with none: the item itself
        ("6", 40, [], ("6", "")),
        ("6", 40, [("6", "6")], ("6 (2)", "2")),  # its unnumbered one counts as the first
        ("6", 40, [("6", "")], ("6 (2)", "2")),
        ("12.3", 40, [("12.3", "12.3 (a)")], ("12.3 (b)", "b")),
        ("6", 40, [("6", "6 (ii)")], ("6 (iii)", "iii")),
        ("6", 40, [("6", "6.4")], ("6.5", None)),  # numbers naming their item run on
        # numbers the page prints as they are (never repeating): told apart by the line
        ("6", 40, [("6", "14")], ("6, line 40", "")),
        ("6", 40, [("6", "6 (1)"), ("7", "6 (2)")], ("6, line 40", "")),  # its next is taken
        ("6", 40, [("6", "6 (z)")], ("6, line 40", "")),  # no next letter
        ("", 40, [("", "1")], ("line 40", None)),  # no item: its line
        ("", None, [], ("", None)),  # no item, no line: the officer gives one
    ],
)
def test_a_taken_resolution_is_numbered_after_the_others_under_its_item(
    item: str, line: int | None, numbered: list[tuple[str, str]], expected: tuple[str, str | None]
) -> None:
    assert taken_number(item, line, numbered) == expected


def test_a_taken_number_never_repeats_one_in_the_review() -> None:
    # the next under item 6, then item and line, are held by resolutions filed elsewhere
    numbered = [("6", "6 (1)"), ("7", "6 (2)"), ("8", "6, line 40")]
    assert taken_number("6", 40, numbered) == ("line 40", None)
    assert taken_number("6", 40, [*numbered, ("9", "line 40")]) == ("", None)


@pytest.mark.asyncio
async def test_the_officer_sees_the_number_a_taken_resolution_is_stored_with(
    committees: Tracker, settings: Settings, run: Runner
) -> None:
    async with reviewing(settings, HARBOUR) as r:
        app, pilot, table = r.app, r.pilot, r.table
        before = table.row_count
        assert rows(table)[before - 1].startswith("yes | 6 · (1) |")  # the reader's
        await pilot.press("tab")
        assert app.focused is r.unsure
        lines = [r.screen.preview.draft.unsure[i].line for i in range(r.unsure.option_count)]
        r.unsure.highlighted = lines.index(14)
        await pilot.press("A")  # the Harbourmaster's undertaking, as a follow-up
        await until(pilot, lambda: table.row_count == before + 1, "the follow-up taken")
        r.unsure.highlighted = lines.index(16)
        await pilot.press("R")  # the gate decision, as a resolution: item 6's second
        row = rows(table)[-1]
        assert row.startswith("you | 6 · (2) |  |  | The Committee agreed that the slipway"), row
        table.focus()
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        assert said(r.why).startswith("Item 6, resolution (2), recorded as 6 (2), resolved;")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        items = app.screen.query_one("#res-items", DataTable)
        await until(pilot, lambda: any("slipway gate" in x for x in rows(items)), "the meeting")
        shown = rows(items)
        gate = next(x for x in shown if "slipway gate" in x)
        assert gate.startswith("6 (2) | resolved |"), gate
        # the follow-up taken from a prose line is not called an ACTION line
        assert not any(x.startswith("ACTION") for x in shown), shown
        at = next(i for i, x in enumerate(shown) if "boat owners" in x)
        assert shown[at - 1].startswith(" | Follow-ups |"), shown
        assert shown[at - 1].endswith("taken in the import review"), shown
    with committees.db.reading() as s:
        stored = s.scalars(select(Resolution).where(Resolution.text.like("%slipway gate%"))).one()
        assert stored.number == "6 (2)"
    listed = json.loads(run("resolutions", "list", "--format", "json").stdout)
    assert [x["number"] for x in listed if "slipway" in x["text"]] == ["6 (1)", "6 (2)"]
    plain = run("resolutions", "list", "--committee", COMMISSION).stdout
    assert "6 (2)" in plain


@pytest.mark.asyncio
async def test_a_taken_resolution_filed_under_another_item_takes_that_items_next_number(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, HARBOUR) as r:
        app, pilot, table, review = r.app, r.pilot, r.table, r.screen
        await pilot.press("tab")
        assert app.focused is r.unsure
        lines = [u.line for u in review.preview.draft.unsure]
        r.unsure.highlighted = lines.index(16)
        await pilot.press("R")
        table.focus()
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        review.query_one("#rev-item", Input).value = "5"  # the officer files it under item 5
        await pilot.click("#rev-apply")
        number = review.query_one("#rev-number", Input)
        # the form refills from its row before it is typed in again
        await until(pilot, lambda: number.value == "5 (3)", "the number field refilled")
        assert rows(table)[-1].startswith("you | 5 · (3) |"), rows(table)[-1]
        number.value = "5 (iv)"  # a number of their own
        await pilot.click("#rev-apply")
        await until(pilot, lambda: number.value == "5 (iv)" and "5 (iv)" in rows(table)[-1],
                    "the officer's number applied")  # fmt: skip
        review.query_one("#rev-item", Input).value = "6"
        await pilot.click("#rev-apply")
        await pilot.pause()
        assert rows(table)[-1].startswith("you | 6 · (5 (iv)) |"), rows(table)[-1]  # kept
