"""Two people correcting the same indicator reading, on SQLite and PostgreSQL: whoever saves
second, from what they read before the first saved, is refused with the change named, and the
first person's correction stays (service, CLI exit 3, and the correct-reading window)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from click.testing import CliRunner, Result
from textual.widgets import Input, Select, Static

from tests.indicators.test_indicator_windows import opened, until
from tracker.cli import cli
from tracker.config import Settings
from tracker.errors import Conflict
from tracker.services.context import Tracker
from tracker.services.indicators import get_indicator, record_reading
from tracker.services.indicators.manage import delete_reading, edit_reading, reading_entries
from tracker.ui.app import create_app

POLICE = "referrals-police"
JUNE = dt.date(2025, 6, 30)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def june(t: Tracker) -> Any:
    return next(r for r in get_indicator(t, POLICE).readings if r.date == JUNE)


def test_a_correction_from_an_old_read_is_refused_and_the_newer_one_stays(
    loaded: Tracker,
) -> None:
    record_reading(loaded, POLICE, 14, date=JUNE)
    seen = june(loaded)
    assert seen.version == 1
    edit_reading(loaded, POLICE, seen.id, value=15, expected_version=seen.version)  # first
    with pytest.raises(Conflict, match=r"changed since you read it \(version 1 is now 2\)"):
        edit_reading(loaded, POLICE, seen.id, value=16, expected_version=seen.version)
    with pytest.raises(Conflict, match="changed since you read it"):
        delete_reading(loaded, POLICE, seen.id, expected_version=seen.version)
    now = june(loaded)
    assert (now.value, now.version) == (15, 2)
    edit_reading(loaded, POLICE, seen.id, value=16, expected_version=now.version)
    assert june(loaded).value == 16
    assert [e.version for e in reading_entries(loaded, POLICE) if e.id == seen.id] == [3]


def test_the_cli_shows_versions_and_refuses_a_stale_correction_with_exit_3(
    loaded: Tracker,
) -> None:
    record_reading(loaded, POLICE, 14, date=JUNE)
    reading = june(loaded)
    listed = run("indicators", "readings", POLICE)
    assert listed.exit_code == 0, listed.output
    assert "VERSION" in listed.stdout.splitlines()[0]
    edit_reading(loaded, POLICE, reading.id, value=15)  # someone else, meanwhile
    out = run("indicators", "edit-reading", POLICE, str(reading.id), "--value", "16",
              "--expect-version", "1")  # fmt: skip
    assert out.exit_code == 3, out.output
    assert "changed since you read it" in out.stderr and "Traceback" not in out.output
    out = run("indicators", "delete-reading", POLICE, str(reading.id), "--expect-version", "1")
    assert out.exit_code == 3, out.output
    assert june(loaded).value == 15
    out = run("indicators", "edit-reading", POLICE, str(reading.id), "--value", "16",
              "--expect-version", "2")  # fmt: skip
    assert out.exit_code == 0, out.output
    assert june(loaded).value == 16


@pytest.mark.asyncio
async def test_the_window_does_not_overwrite_a_correction_made_meanwhile(
    loaded: Tracker, settings: Settings
) -> None:
    """The window shows 14; someone else corrects it to 15; saving 16 from the window is
    refused, naming the change, and 15 stays. Choosing the reading again shows 15 and saves."""
    record_reading(loaded, POLICE, 14, date=JUNE)
    app = create_app(settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        window = await opened(pilot, "correct-reading", indicator=POLICE)
        chooser = window.query_one("#ask-reading", Select)
        await until(pilot, lambda: len(chooser._options) > 1, "no readings were offered")
        reading_id = june(loaded).id
        chooser.value = reading_id
        value = window.query_one("#ask-value", Input)
        await until(pilot, lambda: value.value == "14", "the reading's value was not shown")
        edit_reading(loaded, POLICE, reading_id, value=15)  # someone else, meanwhile
        value.value = "16"
        await pilot.press("ctrl+s")
        error = window.query_one("#form-error", Static)
        await until(pilot, lambda: "changed since you read it" in str(error.render()),
                     "the correction made meanwhile was not named")  # fmt: skip
        assert june(loaded).value == 15

        chooser.clear()
        await pilot.pause()
        chooser.value = reading_id
        await until(pilot, lambda: value.value == "15", "the newer value was not shown")
        value.value = "16"
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result", Static)
        await until(pilot, lambda: "Corrected" in str(result.render()), "not saved")
    assert june(loaded).value == 16
