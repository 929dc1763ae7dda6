"""The review window's Item column says where each resolution and follow-up sits on the page:
the agenda item (or minute number) as printed and the resolution's own number, so an officer
can check each one against the minutes; its kind and the reason it was taken are on the line
under the table. At 80x24, the narrowest the app supports, a long minute number is cut and the
resolution's number kept."""

from __future__ import annotations

from typing import Any

import pytest
from resolutions_pilot import open_resolutions, rows, type_into, until
from textual.widgets import DataTable, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.words import where_minuted

# three agenda items, numbered two ways, with numbered, unnumbered and lettered resolutions
MINUTES = """Minutes of the Planning Committee

5. Planning applications

RESOLVED:

1) That application 24/0101 be approved.

2) That application 24/0102 be refused.

6. Parks

RESOLVED: That the parks report be noted.

ACTION: Parks Officer to report back on the play area repairs.

PC24/11/07 Budget monitoring

RESOLVED:

(a) That the budget monitoring report be noted.

(b) That the Clerk writes to the auditor by 31 March 2027.
"""


async def review_of(pilot: Any, text: str) -> ReviewScreen:
    app = pilot.app
    await open_resolutions(pilot)
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
    await type_into(pilot, "#imp-date", "2026-02-10")
    app.screen.query_one("#imp-text").text = text
    await pilot.click("#imp-read")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
    return app.screen  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("size", "items"),
    [
        (
            (160, 50),
            [
                "5 · (1)",
                "5 · (2)",
                "6",
                "PC24/11/07 · (a)",
                "PC24/11/07 · (b)",
                "↳ 6",
                "↳ PC24/11/07·(b)",
            ],
        ),
        (
            (80, 24),
            ["5 · (1)", "5 · (2)", "6", "PC24/11/…·(a)", "PC24/11/…·(b)", "↳ 6", "↳ PC24/1…·(b)"],
        ),
    ],
)
@pytest.mark.asyncio
async def test_item_column_names_the_agenda_item_and_number(
    committees: Tracker, settings: Settings, size: tuple[int, int], items: list[str]
) -> None:
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        review = await review_of(pilot, MINUTES)
        table = review.query_one("#rev-items", DataTable)
        assert [r.split(" | ")[1] for r in rows(table)] == items
        why = lambda: str(review.query_one("#rev-why", Static).render())  # noqa: E731
        assert why() == (
            "Item 5, resolution (1), recorded as 5 (1), resolved; line 7: under a decision word "
            "(RESOLVED, AGREED, ...)"
        )
        await pilot.press("down", "down")  # the unnumbered resolution of item 6
        assert why().startswith("Item 6, recorded as 6, resolved; line 13:")
        await pilot.press("down")  # (a) of the minute cut in the column at 80 columns: whole here
        assert why().startswith(
            "Item PC24/11/07, resolution (a), recorded as PC24/11/07 (a), resolved; line 21:"
        )
        await pilot.press("down", "down")  # follow-ups come after the resolutions
        assert why() == "Item 6; line 15: an ACTION line"
        await pilot.press("down")
        assert why() == "Item PC24/11/07; line 23: asked for by resolution PC24/11/07 (b)"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "back")


def test_where_minuted_without_an_item_or_a_number() -> None:
    assert where_minuted("", "2") == "(2)"
    assert where_minuted("19/17", "") == "19/17"
    assert where_minuted("", "") == ""
    assert where_minuted("F03:04/24", "2.a", 13) == "F03:04…·(2.a)"


# two items numbering their resolutions from 1: the reader records them as "5 (1)", "6 (1)", ...
RENUMBERED = """5. Planning applications

RESOLVED:

1) That application 24/0101 be approved.

2) That application 24/0102 be refused.

6. Parks

RESOLVED:

1) That the parks report be noted.

2) That the Parks Officer reports back on the play area repairs.
"""


@pytest.mark.asyncio
async def test_beside_its_item_a_resolution_shows_the_number_the_page_prints(
    committees: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await review_of(pilot, RENUMBERED)
        table = review.query_one("#rev-items", DataTable)
        items = ["5 · (1)", "5 · (2)", "6 · (1)", "6 · (2)", "↳ 6 · (2)"]
        assert [r.split(" | ")[1] for r in rows(table)] == items
        await pilot.press("down", "down")
        why = str(review.query_one("#rev-why", Static).render())
        assert why.startswith("Item 6, resolution (1), recorded as 6 (1), resolved; line 13:")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "back")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.asyncio
async def test_the_import_window_shows_each_field_s_hint_whole(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    from textual.widgets import Input

    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        await open_resolutions(pilot)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        for box in app.screen.query(Input):
            assert len(box.placeholder) <= box.content_region.width, (box.id, box.placeholder)
        await pilot.press("escape")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.asyncio
async def test_the_review_window_shows_each_field_s_hint_whole(
    committees: Tracker, settings: Settings, size: tuple[int, int]
) -> None:
    from textual.widgets import Input

    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        review = await review_of(pilot, MINUTES)
        await pilot.press("down", "down", "down", "down", "down")  # a follow-up: fields enabled
        for box in review.query(Input):
            if box.id != "rev-find":  # the page's search field, shown by / (below)
                assert len(box.placeholder) <= box.content_region.width, (box.id, box.placeholder)
        await pilot.press("slash")
        find = review.query_one("#rev-find", Input)
        assert app.focused is find
        assert len(find.placeholder) <= find.content_region.width, find.placeholder
        await pilot.press("escape", "escape")
