"""The register as a programme manager uses it: find an action by typing, filter to overdue (also
from the dashboard's count), sort, and see the selected action's detail. Each test checks the
screen and what the services say is in the database."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList
from ui_helpers import register, screen_text, select_row, settle, table_refs, type_text

from tracker.services.actions.detail import get_action
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.ui.app import create_app
from tracker.ui.register.detail import ActionDetailPane

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio


async def test_find_an_action_by_typing(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert len(table_refs(app)) == 11
        await pilot.press("slash")
        await type_text(pilot, "hubs")
        await settle(pilot)
        assert table_refs(app) == ["P2-01"]
        assert "1-1 of 1 action" in screen_text(register(app))
        # the detail shows the action found, with its links and history
        detail = screen_text(register(app).query_one(ActionDetailPane))
        assert "Open family hubs in every locality" in detail
        assert "P1-02" in detail  # depends on
        assert "P3-01" in detail  # needed by
        assert "Two hubs open; the third opens in March." in detail
        # commentary and owner are searched too
        search = register(app).query_one("#search", Input)
        search.value = ""
        await type_text(pilot, "re-procuring")
        await settle(pilot)
        assert table_refs(app) == ["P2-02"]
    found = list_actions(services, ActionFilter(search="re-procuring"))
    assert [r.ref for r in found.rows] == ["P2-02"]


async def test_filter_to_overdue_from_the_register_and_the_dashboard(
    app_settings, services
) -> None:
    overdue = [r.ref for r in list_actions(services, ActionFilter(overdue=True)).rows]
    assert overdue == ["P1-03", "P2-02"]
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dashboard = app.screen
        assert dashboard.query_one("#overdue", OptionList).border_title == "Overdue: 2"
        await pilot.press("l")  # the dashboard's overdue count opens the register filtered
        await settle(pilot)
        assert app.screen is register(app)
        assert table_refs(app) == overdue
        assert register(app).view.due == "overdue"
        assert register(app).query_one("#filters").values["due"] == "overdue"  # on the filter line
        await pilot.press("c")  # clear filters
        await settle(pilot)
        assert len(table_refs(app)) == 11
        await pilot.press("l")  # the register's own overdue toggle
        await settle(pilot)
        assert table_refs(app) == overdue
        await pilot.press("l")
        await settle(pilot)
        assert len(table_refs(app)) == 11


async def test_dashboard_items_open_what_they_count(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # a phase's "in progress" count: phase 2 has two actions in progress
        table = app.screen.query_one("#phases")
        table.focus()
        table.cursor_coordinate = (1, table.get_column_index("in progress"))
        await pilot.press("enter")
        await settle(pilot)
        assert table_refs(app) == ["P2-01", "P2-02"]
        await pilot.press("d")
        await settle(pilot)
        # an item in "due in the next 30 days" opens that action
        soon = app.screen.query_one("#soon", OptionList)
        soon.focus()
        soon.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        assert table_refs(app) == ["P2-01"]
        assert register(app).query_one("#search", Input).value == "P2-01"
        await pilot.press("d", "w")  # due soon: open actions due within 30 days
        await settle(pilot)
        assert table_refs(app) == ["P2-03", "P2-01"] or sorted(table_refs(app)) == [
            "P2-01",
            "P2-03",
        ]


async def test_sort_by_a_column_and_shows_unassigned(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        register(app).sort_by("due")  # what a click on the Due heading does
        await settle(pilot)
        by_due = [r.ref for r in list_actions(services, sort="due").rows]
        assert table_refs(app) == by_due
        register(app).sort_by("due")  # again: reversed
        await settle(pilot)
        assert table_refs(app) == [
            r.ref for r in list_actions(services, sort="due", descending=True).rows
        ]
        await select_row(pilot, "P2-03")
        detail = screen_text(register(app).query_one(ActionDetailPane))
        assert "Board  unassigned" in detail and "Owner  unassigned" in detail
        assert get_action(services, "P2-03").row.owner is None


async def test_sort_window(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        options = app.screen.query_one("#sort-options", OptionList)
        options.highlighted = [o.id for o in options.options].index("owner")
        await pilot.press("enter")
        await settle(pilot)
        assert register(app).view.sort == "owner"
        assert "sorted by owner" in screen_text(register(app))


async def test_filter_by_picking_from_the_filter_line(app_settings, services) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("f")  # which filter?
        await settle(pilot)
        options = app.screen.query_one("#pick-options", OptionList)
        options.highlighted = 3  # Owner
        await pilot.press("enter")
        await settle(pilot)
        owners = app.screen.query_one("#pick-options", OptionList)
        labels = [str(o.prompt) for o in owners.options]
        owners.highlighted = labels.index("Cara Cole (Locality Manager)")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is register(app)
        assert register(app).query_one("#filters").values["owner"] == "Cara Cole (Locality Manager)"
        expected = list_actions(services, ActionFilter(owner="cara-cole")).rows
        assert table_refs(app) == [r.ref for r in expected] == ["P1-03", "P2-01", "P3-02"]
