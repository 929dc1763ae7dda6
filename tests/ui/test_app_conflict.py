"""Two people at once: the action changes in the database (a second writer, as the CLI would)
between opening a window and saving it. Nothing is overwritten; the app shows what changed and
offers to reload and re-apply, or to discard. On SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, TextArea
from ui_helpers import register, row_text, screen_text, settle, type_text, window_on

from tracker.services.actions.detail import count_updates, get_action
from tracker.services.actions.updates import record_update
from tracker.services.context import open_tracker
from tracker.ui.app import create_app
from tracker.ui.register.changes import ConflictScreen
from tracker.ui.register.edit import ActionFormScreen
from tracker.ui.register.modals import StatusUpdateScreen

SIZE = (120, 40)
pytestmark = pytest.mark.asyncio


async def open_update_window(pilot, ref: str) -> StatusUpdateScreen:
    window = await window_on(pilot, ref, "u")
    assert isinstance(window, StatusUpdateScreen)
    return window


def second_writer(settings) -> None:
    """Someone else records an update on P2-01 (what `tracker actions update` does)."""
    t = open_tracker(settings)
    try:
        record_update(t, "P2-01", rag="red", note="Builder has gone into administration.",
                      by="Cara Cole")  # fmt: skip
    finally:
        t.close()


async def test_conflict_reload_and_reapply(app_settings_any) -> None:
    settings = app_settings_any
    app = create_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        window = await open_update_window(pilot, "P2-01")
        assert "green, 45%   version 1" in screen_text(window)  # the headline as read
        progress = window.query_one("#progress", Input)
        progress.value = "60"
        window.query_one("#note", TextArea).focus()
        await type_text(pilot, "Third hub opened.")
        second_writer(settings)
        await pilot.press("ctrl+s")
        await settle(pilot)
        conflict = app.screen
        assert isinstance(conflict, ConflictScreen)
        changed = conflict.query_one(DataTable)
        rows = [[str(c) for c in changed.get_row_at(i)] for i in range(changed.row_count)]
        assert rows[[r[0] for r in rows].index("RAG")][:3] == ["RAG", "green", "red"]
        commentary = next(r for r in rows if r[0] == "commentary")
        assert commentary[1].startswith("Two hubs open") and commentary[2].startswith("Builder")
        assert all(r[3].startswith("Cara Cole\n") for r in rows)  # who changed it, when
        text = screen_text(conflict)
        assert "action P2-01 changed since you read it: version 1 is now 2" in text
        assert "(latest update by Cara Cole" in text
        assert "Your changes: % complete: 60; commentary: Third hub opened." in text
        await pilot.press("r")  # reload and re-apply
        await settle(pilot)
        assert app.screen is window
        assert window.base.version == 2  # the fresh action
        headline = screen_text(window)  # and the headline says so: no stale "version 1"
        assert "red, 45%   version 2" in headline and "version 1" not in headline
        assert progress.value == "60"  # my change kept
        assert window.query_one("#rag").value == "red"  # theirs, which I did not touch
        assert window.query_one("#note", TextArea).text == "Third hub opened."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
        assert "60%" in row_text(app, "P2-01") and "red" in row_text(app, "P2-01")
    t = open_tracker(settings)
    try:
        after = get_action(t, "P2-01")
        assert (after.row.rag, after.row.progress, after.version) == ("red", 60, 3)
        assert [u.recorded_by for u in after.updates[:2]] == ["Pat Manager", "Cara Cole"]
        assert after.updates[0].commentary == "Third hub opened."
    finally:
        t.close()


async def test_conflict_discard(app_settings_any) -> None:
    settings = app_settings_any
    app = create_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        window = await open_update_window(pilot, "P2-01")
        window.query_one("#progress", Input).value = "60"
        window.query_one("#note", TextArea).text = "Third hub opened."
        second_writer(settings)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("d")  # discard my changes
        await settle(pilot)
        assert app.screen is register(app)
        assert "red" in row_text(app, "P2-01") and "45%" in row_text(app, "P2-01")
    t = open_tracker(settings)
    try:
        after = get_action(t, "P2-01")
        assert (after.row.rag, after.row.progress, after.version) == ("red", 45, 2)
        assert after.updates[0].recorded_by == "Cara Cole"
        assert count_updates(t, "P2-01") == 2
    finally:
        t.close()


async def test_edit_conflict_keeps_my_fields_over_the_fresh_action(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        window = await window_on(pilot, "P2-01", "e")
        assert isinstance(window, ActionFormScreen)
        window.query_one("#due", Input).value = "2026-04-30"
        second_writer(app_settings)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("r")
        await settle(pilot)
        assert window.query_one("#due", Input).value == "2026-04-30"
        assert window.query_one("#rag").value == "red"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is register(app)
    t = open_tracker(app_settings)
    try:
        after = get_action(t, "P2-01")
        assert after.row.due.isoformat() == "2026-04-30"
        assert after.row.rag == "red"  # the other person's update survived
    finally:
        t.close()


async def test_the_cli_and_the_app_show_the_same_conflict(app_settings_any, tmp_path) -> None:
    """The service explains a conflict once; both faces show that explanation as it is."""
    import os

    from click.testing import CliRunner

    from tracker.cli import cli
    from tracker.ui.register.changes import _clip, label

    settings = app_settings_any
    app = create_app(settings)
    async with app.run_test(size=SIZE) as pilot:
        window = await open_update_window(pilot, "P2-01")
        window.query_one("#progress", Input).value = "60"
        second_writer(settings)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        table = app.screen.query_one(DataTable)
        shown_in_app = [  # who and when on two lines in the app, one in the CLI
            tuple(str(c).replace("\n", ", ") for c in table.get_row_at(i))
            for i in range(table.row_count)
        ]
        app_text = screen_text(app.screen)
    config = str(tmp_path / "tracker.toml")
    assert os.path.exists(config)
    result = CliRunner().invoke(cli, [
        "--config", config, "actions", "update", "P2-01", "--progress", "60",
        "--expect-version", "1",
    ])  # fmt: skip
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    message = lines[0].removeprefix("conflict: ")
    assert message.startswith("action P2-01 changed since you read it: version 1 is now 2")
    assert message in " ".join(app_text.split())
    shown_in_cli = []
    for line in lines[1:-1]:
        field, rest = line.strip().split(": ", 1)
        yours, rest = rest.removeprefix("you read '").split("', it is now '", 1)
        theirs, who = rest.split("' (changed by ", 1)
        shown_in_cli.append(
            (label(field), _clip(yours, 22), _clip(theirs, 22), who.removesuffix(")"))
        )
    assert shown_in_cli == shown_in_app
    assert {row[0] for row in shown_in_app} == {"RAG", "commentary"}
    assert all(row[3].startswith("Cara Cole, 01 Mar 2026 ") for row in shown_in_app)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_conflict_window_shows_when_it_was_changed_whole(app_settings_any, size) -> None:
    """'Changed by' held the name and the time on one line and cut the time off at 80 columns:
    the time is on a line of its own (and stays whole at 100)."""
    import re

    settings = app_settings_any
    app = create_app(settings)
    async with app.run_test(size=size) as pilot:
        window = await open_update_window(pilot, "P2-01")
        window.query_one("#progress", Input).value = "60"
        second_writer(settings)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]  # as drawn
    at = next(i for i, line in enumerate(lines) if re.search(r"\bRAG\b.*\bgreen\b", line))
    row = " ".join(lines[at : at + 2])  # the RAG row, with its second line
    assert "Cara Cole" in row and re.search(r"01 Mar 2026 \d\d:\d\d UTC", row), row
