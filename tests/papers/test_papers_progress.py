"""Rendering a paper from the Papers screen shows its progress in the status line (the step, the
count, as the CLI's bar does) while the screen keeps taking keys, then the paper."""

from __future__ import annotations

import pytest
from papers_helpers import SFB
from status_lines import said_by
from test_papers_screen import open_papers, status, wait_for
from textual.widgets import Select, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app


@pytest.mark.asyncio
async def test_the_preview_and_the_written_paper_show_their_progress(
    term: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(140, 50)) as pilot:
        screen = await open_papers(pilot)
        await wait_for(pilot, lambda: "Pick a board" in status(screen), "the choices")
        shown = said_by(screen.query_one("#papers-status", Static))
        screen.query_one("#paper-board", Select).value = SFB
        # choosing the board previews it as of today, then at its next meeting once found
        await wait_for(pilot, lambda: "meeting of 10 Mar 2026" in status(screen), "the preview")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.2)  # the last render's messages are handled (a superseded one's too)
        working = [s.split(",")[0] for s in shown if s.startswith("Working: ")]
        assert working[0] == "Working: reading the figures 0/3"
        assert "Working: rendering md 1/3" in working
        assert status(screen).startswith("Supporting Families Board, meeting of 10 Mar 2026")

        shown.clear()
        await pilot.press("m")
        await wait_for(pilot, lambda: "Written:" in status(screen), "the paper written")
        steps = [s.split(",")[0] for s in shown if s.startswith("Working: ")]
        assert steps == ["Working: reading the figures 0/3", "Working: rendering md 1/3",
                         "Working: writing 2/3", "Working: done 3/3"]  # fmt: skip
        assert shown[-1].startswith("Written: ")  # the progress gives way to the result
