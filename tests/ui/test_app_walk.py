"""What a user tripped on when walking the app's jobs at 80x24 and wider (issue 15): each test
drives the app as a person would and checks what they read."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList
from ui_helpers import settle

from tracker.ui.app import create_app

pytestmark = pytest.mark.asyncio


def panel_lines(app: Any, key: str) -> list[str]:
    panel = app.screen.query_one(f"#{key}", OptionList)
    return [
        "".join(segment.text for segment in panel.render_line(y)).strip(" │╭╮╰╯─")
        for y in range(panel.size.height)
    ]


async def test_the_dashboards_late_lists_keep_each_ref_beside_its_lateness_at_80x24(
    app_settings,
) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        overdue = [line for line in panel_lines(app, "overdue") if line]
        followups = [line for line in panel_lines(app, "followups") if line]
    late = [line for line in overdue if "late" in line]
    assert late, overdue
    for line in late:  # "P1-01 614 days late", never "late  …" wrapped onto a line of its own
        assert line.split()[0][:2] in {"P1", "P2", "P3", "P4", "P5"}, overdue
        assert "days late" in line or "day late" in line, overdue
    for line in overdue + followups:
        assert line.strip(" ▁▂▃▄▅▆▇█") not in {"…", "late  …", "late"}, (overdue, followups)


def table_line(app: Any, ref: str) -> str:
    """The register's row for `ref` as drawn on the terminal (cut to its columns)."""
    from ui_helpers import register

    table = register(app).query_one("#actions")
    y = table.keys.index(ref) + 1 - table.scroll_offset.y  # the heading is line 0
    return "".join(segment.text for segment in table.render_line(y))


async def test_a_due_date_implied_by_the_phase_shows_its_year_in_the_register_at_80x24(
    app_settings, services
) -> None:
    """The shipped plan has no due dates: every row's Due read "(31 Mar …", the year cut off."""
    from tracker.services.actions.detail_read import get_action
    from tracker.services.actions.edit import edit_action

    edit_action(services, "P2-01", get_action(services, "P2-01").version, {"due": ""})
    implied = get_action(services, "P2-01").row.implied_due
    assert implied is not None
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        line = table_line(app, "P2-01")
    assert f"by {implied:%b %y}" in line, line  # "by Mar 27": the end of its phase
    assert "…  not started" not in line and "(3" not in line, line


async def test_sending_sheets_does_not_write_over_a_file_already_there(
    app_settings, tmp_path
) -> None:
    """Export and import offered the same file name (return.xlsx): sending sheets wrote over an
    owner's filled-in return without a word. Now it says so at the field; ticking 'replace'
    writes it."""
    from textual.widgets import Checkbox, Input
    from ui_helpers import screen_text

    from tracker.ui.tasks.catalogue import open_task

    returned = tmp_path / "return.xlsx"
    returned.write_bytes(b"an owner's filled-in sheet")
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        open_task(app, app.services, "export-sheet")
        await settle(pilot)
        window = app.screen
        assert window.query_one("#ask-file", Input).value == "sheet-for-owners.xlsx"
        window.query_one("#ask-file", Input).value = str(returned)
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(window.query_one("#error-file").render())
        assert "is there already" in error, screen_text(window)
        assert returned.read_bytes() == b"an owner's filled-in sheet"
        window.query_one("#ask-replace", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote 11 actions" in str(window.query_one("#task-result").render())
    assert returned.read_bytes()[:2] == b"PK"  # a workbook now


async def test_the_change_log_heading_counts_in_good_english(app_settings_any) -> None:
    """After one bulk edit of an action with one update the detail said '(1 changes, 1 updates)'."""
    from ui_helpers import register, select_row

    from tracker.services.actions.bulk import set_fields
    from tracker.services.actions.detail_read import get_action
    from tracker.services.context import open_tracker

    t = open_tracker(app_settings_any)
    try:
        updates = len(get_action(t, "P2-01").updates)
        set_fields(t, {"due": "2027-06-30"}, ["P2-01"])
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "P2-01")
        await settle(pilot)
        from ui_helpers import screen_text

        shown = screen_text(register(app))
    assert "(1 change, " in shown, shown
    assert "1 changes" not in shown and (updates != 1 or "1 updates" not in shown), shown
