"""The app shows the suggested RAG and the forecast beside the owner's RAG (the register's
detail, the update window with the rule) and refuses a greener RAG without commentary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input

sys.path.insert(0, str(Path(__file__).parents[1] / "ui"))
from ui_helpers import register, screen_text, select_row, settle  # noqa: E402

from tracker.config import Settings  # noqa: E402
from tracker.services.actions.detail import count_updates, get_action  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402
from tracker.ui.app import create_app  # noqa: E402
from tracker.ui.register.detail import ActionDetailPane  # noqa: E402
from tracker.ui.register.modals import StatusUpdateScreen  # noqa: E402


@pytest.mark.asyncio
async def test_the_update_window_shows_the_suggestion_and_holds_to_its_rule(
    rep: Tracker, settings: Settings
) -> None:
    before = get_action(rep, "R-02")
    updates = count_updates(rep, "R-02")
    app = create_app(settings)
    async with app.run_test(size=(130, 42)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "R-02")
        detail = screen_text(register(app).query_one(ActionDetailPane))
        assert "RAG green   20%" in detail
        assert "Suggested red (expected 66% by now); at this pace, 26 months after due" in detail
        await pilot.press("u")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, StatusUpdateScreen)
        shown = screen_text(window)
        assert "Suggested red" in shown and "0.85 is green, below 0.6 red" in shown
        assert "Commentary  (required: greener than the suggested red)" in shown
        progress = window.query_one("#progress", Input)
        progress.value = "25"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is window  # refused, inline
        errors = "\n".join(str(w.render()) for w in window.query(".field-error.-shown"))
        assert "green is greener than the red" in errors
    assert get_action(rep, "R-02").version == before.version
    assert count_updates(rep, "R-02") == updates
