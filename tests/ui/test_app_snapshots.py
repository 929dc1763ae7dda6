"""One snapshot per screen at 80x24 (the smallest terminal the app must work in) and 160x50,
with the fixed today (2026-03-01): the dashboard, the register with an action's detail, each
window, the Boards, Resolutions, Outcomes, Papers and Exceptions screens, a task window, and
help. Regenerate with `pytest tests/ui/test_app_snapshots.py --snapshot-update`, then look at
the SVGs."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.widgets import Input, TextArea
from ui_helpers import select_row, settle, type_text

from tracker.services.actions.updates import record_update
from tracker.services.context import open_tracker
from tracker.ui.app import create_app

SIZES = [(80, 24), (160, 50)]
sized = pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])


def at_register(ref: str, *keys: str, then: Any = None) -> Any:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, ref)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if then is not None:
            await then(pilot)
            await settle(pilot)
        await steady(pilot)

    return run_before


async def steady(pilot: Any) -> None:
    """No blinking cursors, scroll bars placed: the picture must not depend on the moment it
    is taken."""
    for _ in range(300):  # a window read from the database: wait until it is filled in
        if getattr(pilot.app.screen, "ready", True):
            break
        await asyncio.sleep(0.1)
        await pilot.pause()
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
        # painted afresh: a TextArea keys its cached lines without the blink setting or the
        # focus, so a line painted while its cursor was hidden (blinking, or before the focus
        # came) would be shown again without the cursor
        widget.notify_style_update()
    for _ in range(6):  # a scroll bar appearing re-wraps text: let the layout come to rest
        await asyncio.sleep(0.1)  # (scrolling to a refused field takes a few frames under load)
        await pilot.pause()


async def settled(pilot: Any) -> None:
    await settle(pilot)
    await steady(pilot)


@sized
def test_dashboard(app_settings, snap_compare, size) -> None:
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=settled)


@sized
def test_register_with_detail(app_settings, snap_compare, size) -> None:
    assert snap_compare(
        create_app(app_settings), terminal_size=size, run_before=at_register("P2-01")
    )


@sized
def test_status_update_window_with_an_error(app_settings, snap_compare, size) -> None:
    async def amber_without_commentary(pilot: Any) -> None:
        pilot.app.screen.query_one("#rag").value = "amber"
        await pilot.press("ctrl+s")

    run = at_register("P2-01", "u", then=amber_without_commentary)
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_edit_window(app_settings, snap_compare, size) -> None:
    assert snap_compare(
        create_app(app_settings), terminal_size=size, run_before=at_register("P2-01", "e")
    )


@sized
def test_edit_window_with_errors(app_settings, snap_compare, size) -> None:
    async def bad_values(pilot: Any) -> None:
        screen = pilot.app.screen
        screen.query_one("#progress", Input).value = "150"
        screen.query_one("#depends_on", Input).value = "P3-01"
        await pilot.press("ctrl+s")

    run = at_register("P2-01", "e", then=bad_values)
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_new_action_window(app_settings, snap_compare, size) -> None:
    assert snap_compare(
        create_app(app_settings), terminal_size=size, run_before=at_register("P1-01", "n")
    )


@sized
def test_cancel_window(app_settings, snap_compare, size) -> None:
    async def reason(pilot: Any) -> None:
        pilot.app.screen.query_one("#reason", TextArea).focus()
        await type_text(pilot, "Merged into P3-01.")

    run = at_register("P2-04", "x", then=reason)
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_conflict_window(app_settings, snap_compare, monkeypatch, size) -> None:
    import datetime as dt

    from tracker.services.context import Tracker

    # the window says when the other person saved: at a fixed moment, for a steady picture
    moment = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(Tracker, "clock", lambda self: moment)

    async def someone_else_first(pilot: Any) -> None:
        screen = pilot.app.screen
        screen.query_one("#progress", Input).value = "60"
        screen.query_one("#note", TextArea).text = "Third hub opened."
        t = open_tracker(app_settings)
        try:
            record_update(t, "P2-01", rag="red", note="Builder has gone into administration.",
                          by="Cara Cole")  # fmt: skip
        finally:
            t.close()
        await pilot.press("ctrl+s")

    run = at_register("P2-01", "u", then=someone_else_first)
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_sort_window(app_settings, snap_compare, size) -> None:
    assert snap_compare(
        create_app(app_settings), terminal_size=size, run_before=at_register("P1-01", "s")
    )


@sized
def test_filter_window(app_settings, snap_compare, size) -> None:
    run = at_register("P1-01", "f", "enter")  # the phases to choose from
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_help(app_settings, snap_compare, size) -> None:
    async def open_help(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        await steady(pilot)

    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=open_help)


def at_screen(key: str, *then: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        for k in then:
            await pilot.press(k)
            await settle(pilot)
        await steady(pilot)

    return run_before


@sized
@pytest.mark.parametrize(
    "key",
    ["b", "r", "o", "p", "E"],
    ids=["boards", "resolutions", "outcomes", "papers", "exceptions"],
)
def test_screen(app_settings, snap_compare, size, key) -> None:
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=at_screen(key))


@sized
def test_schedule_window(app_settings, snap_compare, size) -> None:
    run = at_screen("b", "n")  # a new meeting of the board shown
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)


@sized
def test_discard_window(app_settings, snap_compare, size) -> None:
    run = at_register("P2-01", "e", "X", "escape")  # a change typed, then esc: asked first
    assert snap_compare(create_app(app_settings), terminal_size=size, run_before=run)
