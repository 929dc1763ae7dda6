"""Driving the review of imported minutes (tracker/ui/resolutions/review.py) as an officer does,
with textual's pilot: the app opened, minutes pasted into the import dialog and read, the review's
widgets found once; what its lines say; leaving once what the app still reads has finished.
Shared by the minutes review tests (a helper module, not a test module to import from)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from committee_helpers import COMMISSION
from resolutions_pilot import open_resolutions, until
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from tracker.config import Settings
from tracker.ui.app import create_app
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.page_list import PageList
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.unsure_list import UnsureList


def said(widget: Static) -> str:
    return str(widget.render())


def options(unsure: UnsureList) -> list[str]:
    return [str(unsure.get_option_at_index(i).prompt) for i in range(unsure.option_count)]


async def leave(pilot: Pilot[Any]) -> None:
    """Let what the app still reads or builds finish before it closes (a window being built as
    the test app exits can fail inside Textual's Select)."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)


async def review_of(pilot: Pilot[Any], text: str, date: str = "10 Feb 2026") -> ReviewScreen:
    """`r`, `i`, the committee, the date and the minutes' text in the import dialog, Read: the
    review, once it shows."""
    app = pilot.app
    await open_resolutions(pilot)
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
    app.screen.query_one("#imp-committee", Input).value = COMMISSION
    app.screen.query_one("#imp-date", Input).value = date
    app.screen.query_one("#imp-text", TextArea).text = text
    await pilot.click("#imp-read")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
    return app.screen  # type: ignore[return-value]


@dataclass(frozen=True)
class Review:
    """The review as the pilot found it, and the widgets an officer reads and works in."""

    app: App[Any]
    pilot: Pilot[Any]
    screen: ReviewScreen
    table: DataTable[Any]  # the items: the reader's, and the officer's
    unsure: UnsureList  # the lines the reader left
    page: PageList  # the whole page (P)
    title: Static  # over the lines left, or the page
    why: Static  # under the table: where the highlighted item or line came from
    error: Static  # what a key or an edit was refused for, or what it did


@asynccontextmanager
async def reviewing(
    settings: Settings, text: str, size: tuple[int, int] = (160, 50), date: str = "10 Feb 2026"
) -> AsyncIterator[Review]:
    """The app at `size`, the minutes `text` imported to the review; on the way out, `leave`."""
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        review = await review_of(pilot, text, date)
        yield Review(
            app,
            pilot,
            review,
            review.query_one("#rev-items", DataTable),
            review.query_one("#rev-unsure", UnsureList),
            review.query_one("#rev-page", PageList),
            review.query_one("#rev-unsure-title", Static),
            review.query_one("#rev-why", Static),
            review.query_one("#rev-error", Static),
        )
        await leave(pilot)


async def to_item_field(pilot: Pilot[Any]) -> Input:
    """e, then Tab until the Item field has the focus, as the officer does."""
    await pilot.press("e")
    for _ in range(8):
        if getattr(pilot.app.focused, "id", None) == "rev-item":
            break
        await pilot.press("tab")
    field = pilot.app.focused
    assert isinstance(field, Input) and field.id == "rev-item"
    return field
