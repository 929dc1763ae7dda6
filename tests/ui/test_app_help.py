"""Everything is discoverable: the help screen (?) and the command palette (ctrl+p) list every
screen, including those registered by other areas, and every action of every screen."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from ui_helpers import register, screen_text, settle, table_refs, type_text

from tracker.ui.app import TrackerApp, create_app
from tracker.ui.dashboard.screen import DashboardScreen
from tracker.ui.help import HelpScreen, TrackerCommands, bindings_of, catalogue
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.filters import PickScreen
from tracker.ui.register.form import ConflictScreen
from tracker.ui.register.modals import CancelActionScreen, SortScreen, StatusUpdateScreen
from tracker.ui.register.screen import RegisterScreen
from tracker.ui.registry import SCREENS

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio
MINE = (DashboardScreen, RegisterScreen, StatusUpdateScreen, ActionFormScreen,
        CancelActionScreen, SortScreen, ConflictScreen, PickScreen)  # fmt: skip


async def test_help_lists_every_screen_and_key(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        for cls in (*MINE, TrackerApp):
            for binding in bindings_of(cls):
                assert binding.description in text, (cls.__name__, binding.description)
                if binding.tooltip:
                    assert binding.tooltip in text
        for _key, title, _path in SCREENS:
            assert title in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_palette_offers_every_action_of_every_screen(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = TrackerCommands(app.screen)
        names = [name for name, _help, _run in provider._commands()]
        sections = {s.title: s for s in catalogue(app)}
        for title in ("Dashboard", "Action register"):
            for command in sections[title].commands:
                assert f"{title}: {command.detail or command.description}" in names
        for _key, title, _path in SCREENS:
            assert f"Go to {title}" in names


async def test_palette_runs_a_register_action_from_the_dashboard(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "only overdue")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is register(app)
        assert table_refs(app) == ["P1-03", "P2-02"]
