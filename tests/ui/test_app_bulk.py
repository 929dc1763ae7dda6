"""Bulk edit and saved views in the register, as a programme manager uses them: mark rows with
space and shift+arrows (or all shown), set an owner and a due date in one step after a
confirmation with the count, undo it as one batch; switch to "My actions" and a saved view.
Data written on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import Button, Input, Static
from ui_helpers import register, select_row, settle, table_refs, type_text

from tracker.config import Settings
from tracker.services.actions.bulk import list_batches
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.actions.views_saved import list_views
from tracker.services.context import open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.bulk import BulkEditScreen, ViewsScreen

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio


def _rows(settings: Settings, refs: list[str]) -> dict[str, tuple[str | None, str | None]]:
    t = open_tracker(settings)
    try:
        found = list_actions(t, ActionFilter(refs=tuple(refs))).rows
        return {r.ref: (r.owner, r.due.isoformat() if r.due else None) for r in found}
    finally:
        t.close()


async def test_mark_rows_set_owner_and_due_then_undo(app_settings_any: Settings) -> None:
    settings = app_settings_any
    app = create_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        refs = table_refs(app)
        wanted = refs[:3]
        before = _rows(settings, wanted)
        await select_row(pilot, wanted[0])
        await pilot.press("space", "shift+down", "shift+down")
        await settle(pilot)
        table = register(app).query_one("#actions")
        assert table.marked == set(wanted)
        assert "3 marked (B: bulk edit)" in str(register(app).query_one("#page-line").text)
        assert table.row_text(wanted[0]).startswith("✓ ")
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BulkEditScreen)
        await type_text(pilot, "cara cole")  # a name will do as well as a code
        app.screen.query_one("#bulk-due", Input).value = "31 Mar 2026"
        await pilot.press("enter")  # check: says what will change, and how many
        await settle(pilot)
        said = str(app.screen.query_one("#bulk-said", Static).render())
        assert "set owner to Cara Cole, due to 31 Mar 2026 on 3 actions" in said
        assert _rows(settings, wanted) == before  # nothing stored before Apply
        app.screen.query_one("#bulk-apply", Button).press()
        await settle(pilot)
        assert app.screen is register(app)
        after = _rows(settings, wanted)
        assert all(owner and "Cara Cole" in owner for owner, _ in after.values())
        assert {due for _, due in after.values()} == {"2026-03-31"}
        assert table.marked == set()
        await pilot.press("ctrl+z")  # undo the batch
        await settle(pilot)
        assert _rows(settings, wanted) == before
    t = open_tracker(settings)
    try:
        batches = list_batches(t)
        assert batches[1].count == 3 and batches[1].undone_by == batches[0].batch
    finally:
        t.close()


async def test_a_mistyped_owner_is_refused_in_the_window(app_settings: Settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+a")  # mark all shown
        await settle(pilot)
        assert register(app).query_one("#actions").marked == set(table_refs(app))
        await pilot.press("B")
        await settle(pilot)
        await type_text(pilot, "cara-cloe")
        await pilot.press("enter")
        await settle(pilot)
        said = str(app.screen.query_one("#bulk-said", Static).render())
        assert "did you mean: cara-cole" in said
        assert app.screen.query_one("#bulk-apply", Button).disabled


async def test_switch_to_my_actions_and_save_a_view(app_settings: Settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ViewsScreen)
        await pilot.press("enter")  # My actions: the first
        await settle(pilot)
        assert register(app).view.owner == "Pat Manager"
        await pilot.press("c")  # clear: every action again
        await settle(pilot)
        register(app).set_filter("phase", 2)
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        await type_text(pilot, "Phase two")
        await pilot.press("enter")
        await settle(pilot)
    t = open_tracker(app_settings)
    try:
        views = {v.name: v for v in list_views(t)}
        assert views["Phase two"].filter.phase == 2
    finally:
        t.close()


async def test_my_actions_shows_open_ones_and_closed_ones_on_request(
    app_settings: Settings,
) -> None:
    """Ben Brown owns P2-02 (in progress) and P2-05 (cancelled). My actions shows the open one
    and says so on the filter line; "My actions, closed too", or the status filter set back to
    all, shows the cancelled one as well."""
    app = create_app(dataclasses.replace(app_settings, user="Ben Brown"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")  # My actions: the first
        await settle(pilot)
        assert table_refs(app) == ["P2-02"]
        assert register(app).query_one("#filters").values["status"].startswith("open")
        register(app).set_filter("status", None)  # as choosing "all" in the status list does
        await settle(pilot)
        assert set(table_refs(app)) == {"P2-02", "P2-05"}
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert table_refs(app) == ["P2-02"]
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("down", "enter")  # My actions, closed too
        await settle(pilot)
        assert set(table_refs(app)) == {"P2-02", "P2-05"}
        assert register(app).query_one("#filters").values["status"] == "all"


async def test_the_detail_shows_edits_beside_status_updates(app_settings: Settings) -> None:
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.edit import edit_action

    t = open_tracker(app_settings)
    try:
        d = get_action(t, "P1-02")
        old = d.row.due
        edit_action(t, "P1-02", d.version, {"due": "30 Sep 2026", "owner": "ben-brown"})
    finally:
        t.close()
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "P1-02")
        await settle(pilot)
        text = str(register(app).query_one("#detail-links", Static).render())
        links = " ".join(text.replace("│", " ").split())  # as read, across wrapped lines
        assert "Updates and changes, newest first" in links
        assert "Pat Manager edit" in links
        was = f"{old.day} {old:%b %Y}" if old else "-"
        assert f"due {was} → 30 Sep 2026" in links  # dates as people write them


async def test_the_bulk_edit_and_save_view_boxes_stand_out_from_their_window(
    app_settings: Settings,
) -> None:
    """Each box where a value is typed is drawn in a colour of its own, so it is plain where
    to type (the window's own colour showed nothing there)."""
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("space", "B")
        await settle(pilot)
        window = app.screen.query_one("#bulk-window")
        boxes = list(app.screen.query(Input))
        assert len(boxes) == 6
        assert "Bulk edit 1 marked action" in str(app.screen.query_one(".window-title").render())
        assert "actions" not in str(app.screen.query_one(".window-title").render())
        for box in boxes:
            assert box.region.height >= 1 and box.region.width >= 30
            assert box.background_colors[1] != window.background_colors[1], box.id
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        window = app.screen.query_one("#save-view-window")
        box = app.screen.query_one("#view-name", Input)
        assert box.background_colors[1] != window.background_colors[1]


def page_line(app) -> str:
    return str(register(app).query_one("#page-line").text)


async def test_the_register_says_which_saved_view_it_shows(app_settings: Settings) -> None:
    app = create_app(dataclasses.replace(app_settings, user="Ben Brown"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "View:" not in page_line(app)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")  # My actions
        await settle(pilot)
        assert page_line(app).startswith("View: My actions   ")
        assert table_refs(app) == ["P2-02"]
        register(app).set_filter("rag", "red")  # the filters are no longer the view's
        await settle(pilot)
        assert "View:" not in page_line(app)
        await pilot.press("V")
        await settle(pilot)
        await type_text(pilot, "Red ones")
        await pilot.press("enter")
        await settle(pilot)
        assert page_line(app).startswith("View: Red ones   ")
        await pilot.press("c")  # clear the filters: every action, no view
        await settle(pilot)
        assert "View:" not in page_line(app)


async def test_undo_with_no_bulk_edit_made_says_where_the_app_lists_them(
    app_settings: Settings,
) -> None:
    """ctrl+z with nothing to undo named a CLI command; the app lists the batches itself."""
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        told = " ".join(str(n.message) for n in app._notifications)
    assert 'ctrl+p, "bulk edits made" lists them' in told
    assert "tracker actions" not in told
