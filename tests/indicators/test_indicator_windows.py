"""The indicator windows as a user meets them, on SQLite and PostgreSQL: correcting a reading is
choosing it from the indicator's readings (date, value, who recorded it), then changing its date
and value as they show; setting a target starts from the indicator's settings as they stand;
recording a reading marks every field that is wrong at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select
from textual.widgets import Input, Select, Static

from tracker.config import Settings
from tracker.models import AuditEntry
from tracker.services.context import Tracker
from tracker.services.indicators import get_indicator, record_reading
from tracker.services.indicators.manage import set_indicator
from tracker.ui.app import create_app
from tracker.ui.tasks.catalogue import open_task
from tracker.ui.tasks.form import TaskScreen

POLICE = "referrals-police"


async def opened(pilot: Any, key: str, **given: Any) -> TaskScreen:
    app = pilot.app
    open_task(app, app.services, key, **given)
    for _ in range(200):
        await pilot.pause(0.05)
        if isinstance(app.screen, TaskScreen) and app.screen.ready:
            return app.screen
    raise AssertionError(f"the {key} window did not open")


async def until(pilot: Any, test: Any, what: str) -> None:
    for _ in range(300):
        if test():
            return
        await pilot.pause(0.05)
    raise AssertionError(what)


@pytest.mark.asyncio
async def test_a_reading_is_corrected_by_choosing_it_from_a_list(
    loaded: Tracker, settings: Settings
) -> None:
    record_reading(loaded, POLICE, 14, date=dt.date(2025, 6, 30))
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "correct-reading", indicator=POLICE)
        reading = window.query_one("#ask-reading", Select)
        await until(pilot, lambda: len(reading._options) > 1, "no readings were offered")
        labels = [str(label) for label, _ in reading._options[1:]]  # after the prompt
        assert labels[0] == f"30 Jun 2025  14%  recorded by {loaded.user}", labels
        assert len(labels) == len(get_indicator(loaded, POLICE).readings)
        assert reading.value is Select.NULL  # none chosen for the user
        assert reading.prompt == "choose"  # no longer "choose the indicator first"
        value = window.query_one("#ask-value", Input)
        date = window.query_one("#ask-date", Input)
        assert value.value == "" and date.value == ""
        reading.focus()
        await pilot.press("enter", "down", "enter")  # the first: the newest
        await until(pilot, lambda: value.value == "14", "the reading's value was not shown")
        assert date.value == "30 Jun 2025"
        value.focus()
        await pilot.pause()
        assert value.selection.is_empty  # nothing selected for one keystroke to replace
        await pilot.press("backspace", "2")  # 14 -> 12
        date.focus()
        await pilot.pause()
        await pilot.press(*["backspace"] * len(date.value), *"29/06/2025")
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Corrected" in str(result.render()), "not corrected")
    latest = get_indicator(loaded, POLICE).readings[-1]
    assert (latest.value, latest.date) == (12, dt.date(2025, 6, 29))
    with loaded.db.reading() as s:
        audit = s.execute(
            select(AuditEntry.old, AuditEntry.new).where(AuditEntry.operation == "correct")
        ).all()
    assert [tuple(a) for a in audit] == [("14% (2025-06-30)", "12% (2025-06-29)")]


@pytest.mark.asyncio
async def test_a_reading_is_deleted_by_choosing_it(loaded: Tracker, settings: Settings) -> None:
    record_reading(loaded, POLICE, 14, date=dt.date(2025, 6, 30))
    before = len(get_indicator(loaded, POLICE).readings)
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "correct-reading", indicator=POLICE)
        reading = window.query_one("#ask-reading", Select)
        await until(pilot, lambda: len(reading._options) > 1, "no readings were offered")
        reading.focus()
        await pilot.press("enter", "down", "enter")
        await until(pilot, lambda: window.query_one("#ask-value", Input).value == "14", "no value")
        window.query_one("#ask-delete").focus()
        await pilot.press("space", "ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Deleted" in str(result.render()), "not deleted")
    after = get_indicator(loaded, POLICE).readings
    assert len(after) == before - 1
    assert all(r.date != dt.date(2025, 6, 30) for r in after)


@pytest.mark.asyncio
async def test_setting_a_target_starts_from_the_indicator_s_settings(
    loaded: Tracker, settings: Settings
) -> None:
    set_indicator(loaded, POLICE, target=10, direction="lower", frequency="quarterly")
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "set-indicator", indicator=POLICE)
        target = window.query_one("#ask-target", Input)
        await until(pilot, lambda: target.value == "10", "the target was not shown")
        assert window.query_one("#ask-direction", Select).value == "lower"
        assert window.query_one("#ask-unit", Input).value == get_indicator(loaded, POLICE).unit
        assert window.query_one("#ask-frequency", Input).value == "quarterly"
        assert window.unsaved() == {}  # as it stands: closing asks nothing
        target.focus()
        await pilot.pause()
        assert target.selection.is_empty
        await pilot.press("backspace", "2")  # 10 -> 12
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Saved" in str(result.render()), "not saved")
    row = get_indicator(loaded, POLICE)
    assert (row.target, row.direction, row.frequency) == (12, "lower", "quarterly")


@pytest.mark.asyncio
async def test_none_clears_a_target_and_an_empty_field_keeps_it(
    loaded: Tracker, settings: Settings
) -> None:
    """The window says "a field left empty keeps its value; none clears it": the target is
    cleared by typing none (as `--target none` in the CLI), and the emptied frequency is kept."""
    set_indicator(loaded, POLICE, target=10, direction="lower", frequency="quarterly")
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "set-indicator", indicator=POLICE)
        target = window.query_one("#ask-target", Input)
        await until(pilot, lambda: target.value == "10", "the target was not shown")
        assert "none clears it" in str(window.query_one(".window-text", Static).render())
        target.value = "none"
        window.query_one("#ask-frequency", Input).value = ""
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Saved" in str(result.render()), "not saved")
    row = get_indicator(loaded, POLICE)
    assert (row.target, row.direction, row.frequency) == (None, "lower", "quarterly")
    assert row.status == "no target"


@pytest.mark.asyncio
async def test_a_change_made_meanwhile_is_not_overwritten(
    loaded: Tracker, settings: Settings
) -> None:
    """Someone else changes the unit while the window is open: saving the window (which still
    shows the old unit) is refused, naming the change, and their unit stays. After choosing the
    indicator again the window shows their change and saves; a second save in the same window
    is not refused by its own first one."""
    set_indicator(loaded, POLICE, target=10, direction="lower", unit="number")
    app = create_app(settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "set-indicator", indicator=POLICE)
        target = window.query_one("#ask-target", Input)
        await until(pilot, lambda: target.value == "10", "the target was not shown")
        set_indicator(loaded, POLICE, unit="referrals")  # someone else, meanwhile
        target.value = "12"
        await pilot.press("ctrl+s")
        error = window.query_one("#form-error", Static)
        await until(pilot, lambda: "changed since you read it" in str(error.render()),
                    "the change made meanwhile was not named")  # fmt: skip
        row = get_indicator(loaded, POLICE)
        assert (row.target, row.unit) == (10, "referrals")

        chooser = window.query_one("#ask-indicator", Select)
        chooser.clear()
        await pilot.pause()
        chooser.value = POLICE
        unit = window.query_one("#ask-unit", Input)
        await until(pilot, lambda: unit.value == "referrals", "the new unit was not shown")
        target.value = "12"
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Saved" in str(result.render()), "not saved")
        assert get_indicator(loaded, POLICE).target == 12
        await pilot.pause(0.5)  # the stored values are read again, with their version
        target.value = "14"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: get_indicator(loaded, POLICE).target == 14,
                    "the second save was refused")  # fmt: skip
    assert get_indicator(loaded, POLICE).unit == "referrals"


@pytest.mark.asyncio
async def test_recording_a_reading_marks_every_wrong_field_at_once(
    loaded: Tracker, settings: Settings
) -> None:
    """A date that does not exist and a percentage over 100, in one try: both are marked, each
    under its own field, and nothing is recorded."""
    before = get_indicator(loaded, POLICE).readings
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "record-reading", indicator=POLICE)
        window.query_one("#ask-value", Input).focus()
        await pilot.press(*"150")
        window.query_one("#ask-date", Input).focus()
        await pilot.press(*"31/02/2025")
        await pilot.press("ctrl+s")

        def error(name: str) -> str:
            found = window.query(f"#error-{name}")
            return str(found.first(Static).render()) if found else ""

        await until(pilot, lambda: error("value") and error("date"), "not every field marked")
        assert "150 is not a percentage" in error("value")
        assert "31/02/2025" in error("date")
    assert get_indicator(loaded, POLICE).readings == before


@pytest.mark.asyncio
async def test_correcting_a_reading_marks_every_wrong_field_at_once(
    loaded: Tracker, settings: Settings
) -> None:
    record_reading(loaded, POLICE, 14, date=dt.date(2025, 6, 30))
    before = get_indicator(loaded, POLICE).readings
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "correct-reading", indicator=POLICE)
        reading = window.query_one("#ask-reading", Select)
        await until(pilot, lambda: len(reading._options) > 1, "no readings were offered")
        reading.focus()
        await pilot.press("enter", "down", "enter")
        value = window.query_one("#ask-value", Input)
        await until(pilot, lambda: value.value == "14", "the reading's value was not shown")
        value.focus()
        await pilot.press("0")  # the cursor at the end: 14 -> 140
        date = window.query_one("#ask-date", Input)
        date.focus()
        await pilot.press(*["backspace"] * len(date.value), *"31/02/2025", "ctrl+s")

        def error(name: str) -> str:
            found = window.query(f"#error-{name}")
            return str(found.first(Static).render()) if found else ""

        await until(pilot, lambda: error("value") and error("date"), "not every field marked")
        assert "140 is not a percentage" in error("value")
        assert "31/02/2025" in error("date")
    assert get_indicator(loaded, POLICE).readings == before
