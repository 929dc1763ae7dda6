"""Importing minutes in the app shows the import's progress (the phase and the count, as
`tracker minutes import` prints on a terminal) in the dialog while it reads and while it saves,
then the review and the saved meeting."""

from __future__ import annotations

import pytest
from committee_helpers import COMMISSION, FIRST
from resolutions_pilot import open_resolutions, paste_into, type_into, until
from status_lines import said_by
from textual.widgets import OptionList, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen


@pytest.mark.asyncio
async def test_reading_and_saving_minutes_show_their_progress(
    committees: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down")
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "the dialog")
        dialog = app.screen
        assert dialog.query_one("#imp-committee").value == COMMISSION  # type: ignore[attr-defined]
        shown = said_by(dialog.query_one("#imp-error", Static))
        await type_into(pilot, "#imp-date", "2026-01-20")
        await paste_into(pilot, "#imp-path", str(FIRST))
        await pilot.click("#imp-read")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
        review = app.screen
        lines = FIRST.read_text(encoding="utf-8").count("\n") + 1
        working = [s.split(",")[0] for s in shown if s.startswith("Working: ")]
        assert working == [
            "Working: reading the file 0", f"Working: finding resolutions and follow-ups 0/{lines}",
            "Working: checking them against the record 0/4", "Working: checked 4/4",
        ]  # fmt: skip
        assert shown[-1] == ""  # the progress gives way to the review

        saving = said_by(review.query_one("#rev-error", Static))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        steps = [s.split(",")[0] for s in saving if s.startswith("Working: ")]
        assert steps == ["Working: recording resolutions and follow-ups 0/4",
                         "Working: committed 4/4"]  # fmt: skip
