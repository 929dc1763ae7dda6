"""Importing minutes and closing a follow-up with the keyboard alone, as a committee officer
walks it: pick the file by typing its path (Enter reads it), Tab through the review to an item's
due date (Enter applies it), ctrl+s saves; x on a follow-up, a response, ctrl+s closes it. Every
date field shows the UK form ("28 Feb 2026")."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from committee_helpers import FIRST
from resolutions_pilot import open_resolutions, until
from review_pilot import leave
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from tracker.config import Settings
from tracker.models import FollowUp
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.ui.resolutions.followup import FollowUpScreen
from tracker.ui.resolutions.import_minutes import ImportMinutesScreen
from tracker.ui.resolutions.review import ReviewScreen
from tracker.ui.resolutions.screen import ResolutionsScreen
from tracker.ui.widgets.paths import completion


def focused_id(pilot: Pilot[Any]) -> str | None:
    return pilot.app.focused.id if pilot.app.focused is not None else None


@pytest.mark.asyncio
async def test_minutes_import_and_closing_by_keyboard_alone(
    committees: Tracker, settings: Settings, tmp_path: Path
) -> None:
    minutes = tmp_path / "jan.txt"
    shutil.copy(FIRST, minutes)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down", "i")  # the Select Commission; import minutes
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "step 1")
        assert focused_id(pilot) == "imp-date"
        await pilot.press(*"20 Jan 2026", "tab", "tab")  # past the item title
        assert focused_id(pilot) == "imp-path"
        await pilot.press(*str(minutes), "enter")  # Enter reads the minutes
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
        review = app.screen
        table = review.query_one("#rev-items", DataTable)
        assert focused_id(pilot) == "rev-items"
        assert "↳ action line" in str(table.get_row_at(3)[1])  # the reader's reason, whole
        await pilot.press("down", "down", "down")  # the ACTION line's follow-up
        stops = []
        for _ in range(4):  # its text, owner, person, due date: no stop on the form's frame
            await pilot.press("tab")
            stops.append(focused_id(pilot))
        assert stops == ["rev-text", "rev-owner", "rev-person", "rev-due"]
        await pilot.press("end", *["backspace"] * 20, *"28 Feb 2026", "enter")  # Enter applies
        await pilot.pause(0.1)
        assert "28 Feb 2026" in str(table.get_row_at(3)[3])
        assert review.query_one("#rev-due", Input).value == "28 Feb 2026"
        assert isinstance(app.screen, ReviewScreen)  # still here: applying is not saving
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the save")
        with committees.db.reading() as s:
            (fu,) = [f for f in s.scalars(select(FollowUp)) if f.due == dt.date(2026, 2, 28)]
            fid = fu.id

        # -- close it: x, a response, ctrl+s: it is closed as done, not saved still open
        arising = screen.query_one("#res-items", DataTable)
        keys = lambda: [str(k.value) for k in arising.rows]  # noqa: E731
        await until(pilot, lambda: f"f{fid}" in keys(), "the meeting's follow-ups")
        arising.focus()
        arising.move_cursor(row=keys().index(f"f{fid}"))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the close window")
        dialog = app.screen
        assert dialog.query_one("#fu-due", Input).value == "28 Feb 2026"  # not 2026-02-28
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Sent", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the close")
        with committees.db.reading() as s:
            closed = s.get(FollowUp, fid)
            assert closed is not None and closed.status == "done"
        await leave(pilot)


def test_a_path_field_completes_file_and_folder_names(tmp_path: Path) -> None:
    (tmp_path / "minutes-jan.txt").write_text("x")
    (tmp_path / "papers").mkdir()
    (tmp_path / ".hidden").write_text("x")
    assert completion(f"{tmp_path}/min") == f"{tmp_path}/minutes-jan.txt"
    assert completion(f"{tmp_path}/pa") == f"{tmp_path}/papers/"
    assert completion(f"{tmp_path}/.h") == f"{tmp_path}/.hidden"
    assert completion(f"{tmp_path}/zz") is None
    assert completion(f"{tmp_path}/nowhere/x") is None


@pytest.mark.asyncio
async def test_minutes_import_at_80x24_keeps_items_text_and_save_in_sight(
    committees: Tracker, settings: Settings, tmp_path: Path
) -> None:
    """At 80x24 the import window shows its date hint whole, and the review shows its items
    (a header and four rows) with their Text column, and Save, without scrolling the window (the
    items had collapsed to a line, Text was off to the right and Save below the screen)."""
    from textual.widgets import Button

    from tracker.ui.widgets.dates import DATE_HINT

    minutes = tmp_path / "jan.txt"
    shutil.copy(FIRST, minutes)
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down", "i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "step 1")
        date = app.screen.query_one("#imp-date", Input)
        assert date.content_region.width >= len(DATE_HINT)
        date.value = "20 Jan 2026"
        app.screen.query_one("#imp-path", Input).value = str(minutes)
        app.screen.query_one("#imp-path", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
        review = app.screen
        table = review.query_one("#rev-items", DataTable)
        assert table.size.height >= 5
        widths = [c.get_render_width(table) for c in table.columns.values()]
        assert "Text" in [str(c.label) for c in table.columns.values()]
        assert sum(widths) <= table.size.width
        for button in review.query(Button).filter("#rev-save, #rev-cancel"):
            assert button.region.bottom <= 24 and button.region.right <= 80
        await leave(pilot)


@pytest.mark.asyncio
async def test_closing_a_follow_up_at_80x24_keeps_its_refusal_and_buttons_in_sight(
    committees: Tracker, settings: Settings
) -> None:
    """At 80x24 the close window's fields scroll; the refusal line and the buttons stay on the
    screen (they were below it: ctrl+s without a response refused out of sight)."""
    from committee_helpers import COMMISSION
    from textual.widgets import Button, Static

    from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
    from tracker.services.committees.minutes_import import save_import

    save_import(committees, draft_minutes(read_minutes(FIRST)), committee=COMMISSION,
                date=dt.date(2026, 1, 20))  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        items = screen.query_one("#res-items", DataTable)
        keys = lambda: [str(k.value) for k in items.rows]  # noqa: E731
        while options.highlighted != 1:  # down to the Select Commission
            await pilot.press("down")
            await pilot.pause(0.1)
        await until(pilot, lambda: any(k.startswith("f") for k in keys()), "the follow-ups")
        items.focus()
        items.move_cursor(row=next(i for i, k in enumerate(keys()) if k.startswith("f")))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the close window")
        dialog = app.screen
        await pilot.press("ctrl+s")  # no response yet: refused
        error = dialog.query_one("#fu-error", Static)
        await until(pilot, lambda: "response" in str(error.render()), "the refusal")
        assert 0 < error.region.bottom <= 24 and error.region.height >= 1
        for button in dialog.query(Button):
            assert button.region.bottom <= 24 and button.region.right <= 80, button.id
        await leave(pilot)


@pytest.mark.asyncio
async def test_a_follow_ups_status_reads_whole_at_80x24(
    committees: Tracker, settings: Settings
) -> None:
    """At 80 columns the follow-up window's Due row left its status a few columns: "in
    progress" stood one syllable a line. It reads on one line beside its label."""
    from committee_helpers import COMMISSION
    from textual.widgets import Select

    from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
    from tracker.services.committees.minutes_import import save_import

    save_import(committees, draft_minutes(read_minutes(FIRST)), committee=COMMISSION,
                date=dt.date(2026, 1, 20))  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        items = screen.query_one("#res-items", DataTable)
        keys = lambda: [str(k.value) for k in items.rows]  # noqa: E731
        while options.highlighted != 1:  # down to the Select Commission
            await pilot.press("down")
            await pilot.pause(0.1)
        await until(pilot, lambda: any(k.startswith("f") for k in keys()), "the follow-ups")
        items.focus()
        items.move_cursor(row=next(i for i, k in enumerate(keys()) if k.startswith("f")))
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the update window")
        app.screen.query_one("#fu-status", Select).value = "in progress"
        await pilot.pause(0.1)
        shown = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any("Status" in line and "in progress" in line for line in shown), shown
        await leave(pilot)


@pytest.mark.asyncio
async def test_every_line_the_reader_left_can_be_reached_in_the_review(
    committees: Tracker, settings: Settings
) -> None:
    """Twelve lines the reader left (not read with confidence), each with its reason: the list
    under the items is a Tab stop that scrolls to the last one (it was cut at five lines, at two
    on 80x24, with no way to see the rest)."""
    import dataclasses

    from committee_helpers import COMMISSION

    from tracker.services.committees.minutes_draft import UnsureItem, draft_minutes, read_minutes
    from tracker.services.committees.minutes_preview import preview_import
    from tracker.ui.resolutions.unsure_list import UnsureList

    draft = draft_minutes(read_minutes(FIRST))
    left = tuple(UnsureItem(line=100 + i, text=f"Item {i} text", reason=f"reason {i}")
                 for i in range(12))  # fmt: skip
    preview = preview_import(committees, dataclasses.replace(draft, unsure=left),
                             committee=COMMISSION, date=dt.date(2026, 1, 20))  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewScreen(app.services, preview, ()))
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        await pilot.press("tab")
        box = app.screen.query_one("#rev-unsure", UnsureList)
        assert app.focused is box
        await pilot.press(*["down"] * 11)  # from the first line to the last
        await pilot.pause(0.1)
        assert box.highlighted == 11
        assert box.scroll_y == box.max_scroll_y > 0
        last = str(box.get_option_at_index(11).prompt)
        assert last == "line 111: Item 11 text  (reason 11)"
        title = str(app.screen.query_one("#rev-unsure-title", Static).render())
        assert title == "Not read with confidence (12), at 12 of 12: R, A take; P: page"
        assert box.region.bottom <= 24
        await leave(pilot)


@pytest.mark.asyncio
async def test_esc_asks_before_throwing_away_review_edits_or_a_typed_response(
    committees: Tracker, settings: Settings, tmp_path: Path
) -> None:
    """Esc in the review after an edit, or in a follow-up's window with a response typed, asks
    first (d discards, esc goes back to it as it was); with nothing changed it just closes."""
    from tracker.ui.register.changes import DiscardScreen

    minutes = tmp_path / "jan.txt"
    shutil.copy(FIRST, minutes)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        await pilot.press("down", "i")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "step 1")
        app.screen.query_one("#imp-date", Input).value = "20 Jan 2026"
        app.screen.query_one("#imp-path", Input).value = str(minutes)
        app.screen.query_one("#imp-path", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review step")
        review = app.screen
        await pilot.press("escape")  # nothing changed: straight back to step 1
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "step 1 again")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review again")
        review = app.screen
        await pilot.press("d")  # drop the first item
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DiscardScreen), "the question")
        await pilot.press("escape")  # keep editing
        await until(pilot, lambda: app.screen is review, "the review, as it was")
        assert not review.entries[0].keep
        await pilot.press("escape", "d")
        await until(pilot, lambda: isinstance(app.screen, ImportMinutesScreen), "step 1")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ResolutionsScreen), "the screen")
        await leave(pilot)

    save_import_first(committees)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_resolutions(pilot)
        options = screen.query_one("#res-committees", OptionList)
        await until(pilot, lambda: options.option_count == 2, "the committees")
        items = screen.query_one("#res-items", DataTable)
        keys = lambda: [str(k.value) for k in items.rows]  # noqa: E731
        while options.highlighted != 1:
            await pilot.press("down")
            await pilot.pause(0.1)
        await until(pilot, lambda: any(k.startswith("f") for k in keys()), "the follow-ups")
        items.focus()
        items.move_cursor(row=next(i for i, k in enumerate(keys()) if k.startswith("f")))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FollowUpScreen), "the close window")
        dialog = app.screen
        await pilot.pause(0.3)  # its people read
        await pilot.press(*"Sent", "escape")
        await until(pilot, lambda: isinstance(app.screen, DiscardScreen), "the question")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is dialog, "the window, as it was")
        assert dialog.query_one("#fu-response", TextArea).text == "Sent"
        await leave(pilot)


def save_import_first(t: Tracker) -> None:
    from committee_helpers import COMMISSION

    from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
    from tracker.services.committees.minutes_import import save_import

    save_import(t, draft_minutes(read_minutes(FIRST)), committee=COMMISSION,
                date=dt.date(2026, 1, 20))  # fmt: skip
