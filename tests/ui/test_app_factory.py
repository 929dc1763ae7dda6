"""The one app factory: `tracker`, `tracker app` and the tests build the same app, on settings
(it opens the database itself) or on a Tracker already open (which it uses and leaves open)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import register, screen_text, settle, table_refs

from tracker.config import load_settings
from tracker.services.actions.detail import get_action
from tracker.ui.app import create_app
from tracker.ui.dashboard.screen import DashboardScreen

pytestmark = pytest.mark.asyncio
SIZE = (120, 40)


async def test_the_app_uses_the_tracker_it_is_given_and_leaves_it_open(services) -> None:
    app = create_app(services)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert app.services.tracker() is services
        assert "P2-01" in table_refs(app) and app.screen is register(app)
    assert get_action(services, "P2-01").row.ref == "P2-01"  # still open: its owner closes it


async def test_a_missing_database_is_said_in_the_apps_words(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    config = tmp_path / "tracker.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{missing}"\n', encoding="utf-8")
    app = create_app(load_settings(config))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app.screen)
        assert f"Cannot show the plan: no database at {missing}; create it with" in text
        assert "`tracker init`" in text
    assert not missing.exists()
