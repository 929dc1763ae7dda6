"""Driving the Resolutions screen as an officer does, with textual's pilot: open it with `r`,
wait for what shows, type and paste into fields, read a table's rows, import minutes through
the dialog. Shared by the committee screen tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from committee_helpers import COMMISSION
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


async def until(pilot: Pilot[Any], check: Callable[[], object], what: str) -> None:
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        await pilot.pause(0.05)
        if check():
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
            return
    raise AssertionError(f"timed out waiting for {what}")


async def open_resolutions(pilot: Pilot[Any]) -> ResolutionsScreen:
    """The app starts on the dashboard; `r` goes to the Resolutions screen, as a user does."""
    await pilot.pause()
    await pilot.press("r")
    await until(pilot, lambda: isinstance(pilot.app.screen, ResolutionsScreen), "the screen")
    return pilot.app.screen  # type: ignore[return-value]


async def type_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    await pilot.click(selector)
    await pilot.press(*text)


async def paste_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Long text is pasted, not typed (typing costs ~65 ms a key under the pilot)."""
    await pilot.click(selector)
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, Input):
        widget.value = text
    else:
        widget.text = text  # type: ignore[attr-defined]
    await pilot.pause()


def rows(table: DataTable[Any]) -> list[str]:
    """Each row's cells joined, as the officer reads them."""
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def arising_rows(app: App[None]) -> list[str]:
    return rows(app.screen.query_one("#res-arising", DataTable))


async def loaded_meeting(pilot: Pilot[Any], date: str) -> None:
    screen = pilot.app.screen
    await until(pilot, lambda: date in str(screen.query_one("#res-meeting", Static).render()),
                f"the meeting of {date}")  # fmt: skip


async def import_through_dialog(pilot: Pilot[Any], date: str, path: Path) -> ReviewScreen:
    app = pilot.app
    await pilot.press("i")
    await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the import dialog")
    assert app.screen.query_one("#imp-committee", Input).value == COMMISSION
    await type_into(pilot, "#imp-date", date)
    await paste_into(pilot, "#imp-path", str(path))
    await pilot.click("#imp-read")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
    return app.screen  # type: ignore[return-value]
