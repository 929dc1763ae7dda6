"""Every CLI command a programme manager, secretary or committee officer uses has a way in the
app, found in the command palette by the words people type; the task windows do the job and
write to the database (SQLite and PostgreSQL), with refusals shown at the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click
import pytest
from textual.widgets import Checkbox, Input, Select, TextArea
from ui_helpers import settle, type_text

from tracker.cli import cli
from tracker.services.context import open_tracker
from tracker.services.governance.escalations import list_escalations
from tracker.services.governance.meetings import list_meetings
from tracker.services.indicators import list_indicators
from tracker.ui.app import create_app
from tracker.ui.tasks.catalogue import TASKS
from tracker.ui.tasks.form import TaskScreen
from tracker.ui.tasks.palette import CLI_COMMANDS, SETUP

SIZE = (80, 24)  # the smallest terminal the app must work in


def cli_commands() -> list[str]:
    """Every command of the CLI, as typed after `tracker` (groups that run on their own too)."""
    found: list[str] = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            if path and command.invoke_without_command:
                found.append(" ".join(path))
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                walk(sub, [*path, name])
        else:
            found.append(" ".join(path))

    walk(cli, [])
    return found


def test_every_cli_command_has_a_way_in_the_app() -> None:
    missing = [c for c in cli_commands() if c not in CLI_COMMANDS and c not in SETUP]
    assert not missing, (
        f"CLI commands with no way in the app: {missing}. Add each to CLI_COMMANDS in "
        "tracker/ui/tasks/palette.py (a task or a screen and its action), or to SETUP if only "
        "an administrator runs it."
    )
    stale = [c for c in [*CLI_COMMANDS, *SETUP] if c not in cli_commands()]
    assert not stale, f"no such CLI command: {stale}"


@pytest.mark.asyncio
async def test_each_way_is_in_the_palette_and_reaches_a_real_task_or_screen(app_settings) -> None:
    from tracker.ui.help import TrackerCommands

    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {title for _mode, _key, title, _path in app.registered}
        for command, way in CLI_COMMANDS.items():
            if way.task is not None:
                assert way.task in TASKS, f"{command}: no task {way.task!r}"
            else:
                assert way.screen in ({"dashboard", "register"} | titles), command
        provider = TrackerCommands(app.screen)
        names = {name: help_ for name, help_, _run in provider._commands()}
        for command, way in CLI_COMMANDS.items():
            assert names.get(way.words) == f"tracker {command}", command


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("schedule", "Schedule a meeting of a board"),
        ("send sheets", "Send sheets to owners: export the register to .xlsx or .csv"),
        ("record reading", "Record an indicator reading"),
        ("raise escalation", "Raise an escalation to the parent board"),
        ("calendar", "Export the calendar of meetings and follow-ups (.ics)"),
        ("validate plan", "Validate a plan file (YAML)"),
    ],
)
@pytest.mark.asyncio
async def test_the_palette_finds_a_job_by_the_words_people_type(
    app_settings, typed: str, title: str
) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, typed)
        await settle(pilot)
        await pilot.pause(0.3)  # the palette searches as it is typed into
        await pilot.press("enter")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, TaskScreen)
        assert window.job.title == title


async def open_task(pilot: Any, key: str, **given: Any) -> TaskScreen:
    from tracker.ui.tasks.catalogue import open_task as opener

    app = pilot.app
    opener(app, app.services, key, **given)
    await settle(pilot)
    window = app.screen
    assert isinstance(window, TaskScreen)
    return window


def field_error(window: TaskScreen, name: str) -> str:
    return str(window.query_one(f"#error-{name}").render())


@pytest.mark.asyncio
async def test_schedule_a_meeting_from_the_boards_screen(app_settings_any) -> None:
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        board = app.made[app.mode_of("Boards")].board
        await pilot.press("n")  # new meeting of the board shown
        await settle(pilot)
        window = app.screen
        assert isinstance(window, TaskScreen)
        assert window.query_one("#ask-board", Select).value == board
        # a date in the past is refused at the field; nothing scheduled
        window.query_one("#ask-date", Input).value = "2025-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "2025-01-01" in field_error(window, "date") or "past" in field_error(window, "date")
        t = open_tracker(app_settings_any)
        try:
            before = len(list_meetings(t, board))
        finally:
            t.close()
        window.query_one("#ask-date", Input).value = "2026-04-21"
        window.query_one("#ask-title", Input).value = "April review"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Scheduled:" in str(window.query_one("#task-result").render())
        await pilot.press("escape")  # done: nothing unsaved, so it closes without asking
        await settle(pilot)
        assert not isinstance(app.screen, TaskScreen)
    t = open_tracker(app_settings_any)
    try:
        meetings = list_meetings(t, board)
        assert len(meetings) == before + 1
        assert any(m.date == dt.date(2026, 4, 21) and m.title == "April review" for m in meetings)
    finally:
        t.close()


@pytest.mark.asyncio
async def test_record_a_reading_and_raise_an_escalation(app_settings_any) -> None:
    t = open_tracker(app_settings_any)
    try:
        escalations = len(list_escalations(t))
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "add-indicator")
        window.query_one("#ask-code", Input).value = "hub-visits"
        window.query_one("#ask-name", Input).value = "Families visiting a hub"
        window.query_one("#ask-unit", Input).value = "percent"
        window.query_one("#ask-target", Input).value = "70"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Added hub-visits" in str(window.query_one("#task-result").render())
        window.dismiss(None)
        await settle(pilot)

        window = await open_task(pilot, "record-reading")
        window.query_one("#ask-indicator", Select).value = "hub-visits"
        window.query_one("#ask-value", Input).value = "not a number"
        window.query_one("#ask-date", Input).value = "2026-02-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert field_error(window, "value")  # refused at the field
        window.query_one("#ask-value", Input).value = "42"
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = str(window.query_one("#task-result").render())
        assert "Recorded for Families visiting a hub. Latest 42% (01 Feb 2026)" in said
        window.dismiss(None)
        await settle(pilot)

        window = await open_task(pilot, "raise-escalation")
        window.query_one("#ask-ref", Select).value = "P2-01"
        window.query_one("#ask-from", Select).value = "lpb-north"
        window.query_one("#ask-reason", TextArea).text = "The venue was lost."
        window.query_one("#ask-decision", TextArea).text = "Fund a new venue."
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = str(window.query_one("#task-result").render())
        problems = str(window.query_one("#form-error").render())
        assert "Escalation #" in result, problems
    t = open_tracker(app_settings_any)
    try:
        (row,) = [r for r in list_indicators(t) if r.code == "hub-visits"]
        assert [r.value for r in row.readings] == [42]
        assert len(list_escalations(t)) == escalations + 1
    finally:
        t.close()


@pytest.mark.asyncio
async def test_sheets_out_and_back_with_the_same_preview_as_the_cli(
    app_settings_any, tmp_path
) -> None:
    import openpyxl

    from tracker.services.actions.detail import count_updates

    sheet = tmp_path / "return.xlsx"
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "export-sheet")
        assert window.query_one("#ask-overdue", Checkbox).value is False
        window.query_one("#ask-file", Input).value = str(sheet)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote 11 actions" in str(window.query_one("#task-result").render())
        window.dismiss(None)
        await settle(pilot)

        # an owner fills in two rows: one valid, one with a RAG that does not exist
        book = openpyxl.load_workbook(sheet)
        ws = book.active
        heads = [c.value for c in ws[1]]
        refs = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
        col = {h: i + 1 for i, h in enumerate(heads)}
        ws.cell(refs["P2-04"], col["New status"]).value = "in progress"
        ws.cell(refs["P2-04"], col["New % complete"]).value = 10
        ws.cell(refs["P3-01"], col["New RAG"]).value = "purple"
        book.save(sheet)

        t = open_tracker(app_settings_any)
        try:
            before = count_updates(t, "P2-04")
        finally:
            t.close()
        window = await open_task(pilot, "import-sheet")
        window.query_one("#ask-file", Input).value = str(sheet)
        await pilot.press("ctrl+t")  # check only
        await settle(pilot)
        from ui_helpers import screen_text

        shown = screen_text(window)
        assert "would record" in shown and "invalid" in shown and "unchanged" in shown
        assert "Checked, nothing stored: 1 would be recorded" in shown
        await pilot.press("ctrl+s")  # all or nothing: the invalid row blocks the valid one
        await settle(pilot)
        assert "Nothing was stored" in screen_text(window)
        window.query_one("#ask-partial", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Recorded 1 status update" in screen_text(window)
    t = open_tracker(app_settings_any)
    try:
        assert count_updates(t, "P2-04") == before + 1
    finally:
        t.close()


@pytest.mark.asyncio
async def test_review_more_updates_at_a_meeting_already_held(app_settings_any) -> None:
    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.meetings import schedule_meeting
    from tracker.services.governance.trail import waiting_updates

    t = open_tracker(app_settings_any)
    try:  # the board met today and left P2-01's update waiting
        schedule_meeting(t, "lpb-north", t.today())
        hold_meeting(t, "lpb-north", t.today())
        waiting = [u.ref for u in waiting_updates(t, "lpb-north")]
        assert "P2-01" in waiting
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "review-meeting")
        window.query_one("#ask-meeting", Select).value = f"lpb-north|{dt.date(2026, 3, 1)}"
        window.query_one("#ask-ref", Select).value = "P2-01"
        window.query_one("#ask-verdict", Select).value = "challenged"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "comment" in field_error(window, "comment")  # a challenge says what to resubmit
        window.query_one("#ask-comment", TextArea).text = "Give the date the third hub opens."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1 challenged" in str(window.query_one("#task-result").render())
    t = open_tracker(app_settings_any)
    try:
        assert "P2-01" not in [u.ref for u in waiting_updates(t, "lpb-north")]
    finally:
        t.close()


def test_each_way_s_screen_action_exists() -> None:
    """A palette entry that runs a screen's action names one the screen has (a renamed action
    would otherwise do nothing when chosen)."""
    from tracker.ui.dashboard.screen import DashboardScreen
    from tracker.ui.register.screen import RegisterScreen
    from tracker.ui.registry import SCREENS, import_screen

    screens: dict[str, type] = {"dashboard": DashboardScreen, "register": RegisterScreen}
    screens |= {title: import_screen(path) for _key, title, path in SCREENS}
    for command, way in CLI_COMMANDS.items():
        if way.action is None:
            continue
        name = way.action.split("(")[0]
        assert callable(getattr(screens[way.screen or ""], f"action_{name}", None)), (
            f"{command}: {way.screen} has no action {name!r}"
        )
