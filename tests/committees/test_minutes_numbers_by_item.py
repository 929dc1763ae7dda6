"""Every resolution under an item is numbered by it, however the page numbers it, so that one
meeting's numbers read alike: the reader's bare outcome of item 2 is "2" (not stored with no
number, "-"), a page's lone list under item 3 is "3 (1)", "3 (2)" (not "1", "2", which read as
items 1 and 2), as on pages whose numbers repeat and as a resolution taken in review with R is
numbered. The dry run, the import, `resolutions list`, the follow-ups arising from them and the
review say the same number. Resolutions stored before keep theirs, and importing their minutes
again adds nothing. Every page here is worded as no corpus page is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, Runner, counts
from resolutions_pilot import rows, until
from review_pilot import reviewing, said, to_item_field
from sqlalchemy import select
from textual.widgets import DataTable

from tracker.config import Settings
from tracker.models import Resolution
from tracker.services.committees.minutes_draft import draft_minutes
from tracker.services.context import Tracker
from tracker.ui.resolutions.screen import ResolutionsScreen

# item 2 decided by a motion with no RESOLVED; item 3 the page's only numbered list; under item
# 3 a prose decision the reader leaves for the officer
PANEL = """Minutes of the Moorland Trails Panel

1. Apologies
Apologies were received from the Treasurer.

2. Footbridge repainting
To consider the quote from Heathside Coatings for repainting the footbridge.
Proposed by Cllr Brackley, seconded by Cllr Quenby. Approved.

3. Winter path damage
RESOLVED:
(1) That the gravel for the lower path be ordered.
(2) That the Clerk obtains two quotes for the upper path by 30 April 2025.

The Panel agreed that the stile at Crook Farm would be replaced in the spring.
"""

# numbers that name their items stay; the unnumbered one under item 9 is "9"
NAMING = """Minutes of the Moorland Trails Panel

8. Grants to footpath groups

8.1 RESOLVED that the Fellside Walkers receive a grant of 200 pounds.

8.2 RESOLVED that the Brackley Ramblers receive a grant of 150 pounds.

9. Correspondence

RESOLVED that the letter from the landowner be noted.
"""

# a list under item 2 holding a "2": the list's second, not the item's own number
LIST_UNDER_TWO = """Minutes of the Moorland Trails Panel

2. Annual budget

RESOLVED:
1. That the budget of 4,000 pounds for 2025/26 be agreed.
2. That the reserve for bridge repairs stay at 1,500 pounds.
3. That the Clerk publishes the budget on the notice board.
"""

LETTERED = """Minutes of the Moorland Trails Panel

12.3 Stiles and gates

RESOLVED that the Panel:
(a) replaces the stile at the quarry field;
(b) asks the landowner to rehang the gate at Crook Lane.

12.4 Date of next meeting

The next meeting will be on 3 June.
"""

# a page that prints no item: its numbers stay as printed
NO_ITEM = """Notes of the Moorland Trails Panel

RESOLVED:
(1) That the waymark posts be renewed.
(2) That the Clerk orders six new posts.
"""


@pytest.mark.parametrize(
    ("page", "numbers", "arising"),
    [
        (PANEL, ["2", "3 (1)", "3 (2)"], ["3 (2)"]),
        (NAMING, ["8.1", "8.2", "9"], []),
        (LIST_UNDER_TWO, ["2 (1)", "2 (2)", "2 (3)"], ["2 (3)"]),
        (LETTERED, ["12.3 (a)", "12.3 (b)"], []),
        (NO_ITEM, ["1", "2"], []),
    ],
    ids=["outcome and lone list", "naming their items", "list under 2", "lettered", "no item"],
)
def test_each_resolution_under_an_item_is_numbered_by_it(
    page: str, numbers: list[str], arising: list[str]
) -> None:
    draft = draft_minutes(page, page=True)
    assert [r.number for r in draft.resolutions] == numbers
    # the follow-ups name their resolution by the same number, and so does the page view
    assert [f.resolution for f in draft.followups if f.resolution is not None] == arising
    took = [u.reader.split(", asking ")[0] for u in draft.page if u.state == "resolution"]
    assert took == [f"the reader took it as resolution {n}" for n in numbers]


def test_what_the_reader_says_of_a_resolution_names_its_new_number() -> None:
    from tracker.minutes.numbering import said_anew

    renamed = {"": "4", "2": "6 (2)"}
    assert said_anew("resolution 2 asks for work but names nobody", renamed) == (
        "resolution 6 (2) asks for work but names nobody"
    )
    assert said_anew("repeats resolution (unnumbered) word for word", renamed) == (
        "repeats resolution 4 word for word"
    )
    assert said_anew("a resolution, asking Clerk for a follow-up", renamed) == (
        "resolution 4, asking Clerk for a follow-up"
    )
    assert said_anew("resolution 2 (agreed)", renamed) == "resolution 6 (2) (agreed)"
    # not a resolution's name, or one not renumbered: as said
    assert said_anew("a resolution heading with no resolution text after it", renamed) == (
        "a resolution heading with no resolution text after it"
    )
    assert said_anew("resolution 12 asks for work", renamed) == "resolution 12 asks for work"


def _import(run: Runner, path: Path, *more: str) -> str:
    result = run("minutes", "import", path, "--committee", COMMISSION, "--date", "2025-05-06",
                 *more)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_dry_run_the_import_and_the_lists_say_the_same_numbers(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "panel.txt"
    path.write_text(PANEL, encoding="utf-8")
    dry = _import(run, path, "--dry-run")
    assert "  2  resolved, item 2 Footbridge repainting, line 8" in dry
    assert "  3 (1)  resolved, item 3 Winter path damage, line 12" in dry
    assert "  3 (2)  resolved, item 3 Winter path damage, line 13" in dry
    assert "(resolution 3 (2), item 3, line 13)" in dry  # the follow-up arising
    assert "(unnumbered)" not in dry
    _import(run, path)
    listed = json.loads(run("resolutions", "list", "--format", "json").stdout)
    assert [r["number"] for r in listed] == ["2", "3 (1)", "3 (2)"]
    table = run("resolutions", "list").stdout.splitlines()
    motion = next(x for x in table if "Proposed by Cllr Brackley" in x)
    assert " 2 " in motion and " - " not in motion, motion
    fus = json.loads(run("followups", "list", "--format", "json").stdout)
    assert [f["resolution"] for f in fus] == ["3 (2)"]


def test_resolutions_stored_before_keep_their_numbers_and_are_not_imported_again(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "panel.txt"
    path.write_text(PANEL, encoding="utf-8")
    _import(run, path)
    with committees.db.writing() as s:  # as an import before numbering by item stored them
        for r in s.scalars(select(Resolution)):
            r.number = {"2": "", "3 (1)": "1", "3 (2)": "2"}[r.number]
    before = counts(committees)
    again = _import(run, path)
    assert "Nothing new" in again
    assert counts(committees) == before
    listed = json.loads(run("resolutions", "list", "--format", "json").stdout)
    assert [r["number"] for r in listed] == ["", "1", "2"]  # not renumbered


@pytest.mark.asyncio
async def test_the_review_numbers_the_readers_resolutions_as_it_numbers_those_taken(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, PANEL) as r:
        app, pilot, table = r.app, r.pilot, r.table
        shown = rows(table)
        assert [x.split(" | ")[1] for x in shown[:3]] == ["2", "3 · (1)", "3 · (2)"], shown
        table.focus()
        table.move_cursor(row=0)
        await pilot.pause()
        assert said(r.why).startswith("Item 2, recorded as 2, resolved;"), said(r.why)
        table.move_cursor(row=1)
        await pilot.pause()
        assert said(r.why).startswith("Item 3, resolution (1), recorded as 3 (1), resolved;")
        await pilot.press("tab")
        assert app.focused is r.unsure
        lines = [u.line for u in r.screen.preview.draft.unsure]
        before = table.row_count
        r.unsure.highlighted = lines.index(15)  # the stile: item 3's third
        await pilot.press("R")
        await until(pilot, lambda: table.row_count == before + 1, "the resolution taken")
        assert rows(table)[-1].startswith("you | 3 · (3) |"), rows(table)[-1]
        r.unsure.highlighted = lines.index(8)  # "Approved." under item 2: item 2's second
        await pilot.press("R")
        await until(pilot, lambda: table.row_count == before + 2, "the second taken")
        assert rows(table)[-1].startswith("you | 2 · (2) |"), rows(table)[-1]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        items = app.screen.query_one("#res-items", DataTable)
        await until(pilot, lambda: any("gravel" in x for x in rows(items)), "the meeting")
        numbers = [x.split(" | ")[0] for x in rows(items) if " | resolved | " in x]
        assert numbers == ["2", "3 (1)", "3 (2)", "3 (3)", "2 (2)"], rows(items)
    with committees.db.reading() as s:
        stored = list(s.scalars(select(Resolution.number).order_by(Resolution.position)))
    assert stored == ["2", "3 (1)", "3 (2)", "3 (3)", "2 (2)"]


@pytest.mark.parametrize(
    ("number", "printed", "item", "taken", "expected"),
    [
        ("3 (2)", "2", "6", [], ("6 (2)", "2")),  # told apart by its item: the new item's
        ("2", None, "6", [], ("6 (2)", "2")),  # a page's own number under no item: the same
        ("", None, "6", [], ("6", "")),  # an unnumbered one: the item
        ("2", None, "6", ["6 (2)"], ("6, line 5 (2)", "2")),  # taken already: with its line
        ("8.18", None, "8", [], ("8.18", None)),  # names its new item: kept
        ("2", None, "", [], ("2", None)),  # filed under no item: kept
    ],
)
def test_a_resolution_filed_under_another_item_in_review_is_numbered_by_it(
    number: str, printed: str | None, item: str, taken: list[str], expected: tuple[str, str | None]
) -> None:
    from tracker.services.committees.minutes_draft import DraftResolution, renumbered

    read = DraftResolution(number=number, kind="resolved", text="t", line=5, printed=printed)
    assert renumbered(read, item, taken) == expected


@pytest.mark.asyncio
async def test_a_resolution_of_a_page_printing_no_item_filed_under_one_takes_its_number(
    committees: Tracker, settings: Settings
) -> None:
    async with reviewing(settings, NO_ITEM) as r:
        app, pilot, table = r.app, r.pilot, r.table
        table.move_cursor(row=1)  # "(2) That the Clerk orders six new posts."
        await pilot.pause()
        field = await to_item_field(pilot)
        field.value = "6"
        await pilot.press("enter")
        await until(pilot, lambda: rows(table)[1].split(" | ")[1] == "6 · (2)", "the number")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
    with committees.db.reading() as s:
        stored = list(s.scalars(select(Resolution.number).order_by(Resolution.position)))
    assert stored == ["1", "6 (2)"]
