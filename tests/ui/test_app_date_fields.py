"""Every date field in the app asks for and shows a date the one way (tracker/ui/widgets/dates):
the hint is written in one place, and a date given to a field is shown as "31 Mar 2027"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from tracker.ui.widgets.dates import DATE_HINT, DateInput, read, typed

UI = Path(__file__).resolve().parents[2] / "tracker" / "ui"


def test_the_date_hint_is_written_once() -> None:
    """A date field elsewhere writing its own hint (or its own ISO pre-fill) drifts from the rest."""
    elsewhere = [
        str(p.relative_to(UI)) for p in UI.rglob("*.py")
        if p.name != "dates.py" and (DATE_HINT in p.read_text() or "31/03/2025" in p.read_text())
    ]  # fmt: skip
    assert elsewhere == []


def test_a_date_is_shown_and_read_back_the_uk_way() -> None:
    assert typed(dt.date(2027, 3, 31)) == "31 Mar 2027"
    assert typed(None) == "" and typed("31/03/2027") == "31/03/2027"
    assert read(" 31/03/2027 ", "due") == dt.date(2027, 3, 31)
    assert read("31 Mar 2027", "due") == dt.date(2027, 3, 31) and read("", "due") is None


@pytest.mark.asyncio
async def test_a_date_field_shows_its_date_and_asks_for_the_uk_form() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DateInput(dt.date(2026, 6, 30), id="d")

    async with One().run_test() as pilot:
        box = pilot.app.query_one("#d", DateInput)
        assert (box.value, box.placeholder) == ("30 Jun 2026", DATE_HINT)
        box.show(dt.date(2027, 1, 5))
        assert box.value == "05 Jan 2027"


@pytest.mark.asyncio
async def test_a_tick_box_is_labelled_once_and_a_file_field_completes_names(
    app_settings, tmp_path: Path
) -> None:
    """The import-plan window: its tick box's words are shown once (they were shown twice,
    above the box and beside it); its file field offers the rest of a file name (→ takes it)."""
    from test_app_parity import SIZE, open_task
    from textual.widgets import Label

    from tracker.ui.app import create_app
    from tracker.ui.widgets.paths import PathSuggester

    (tmp_path / "plan-backup.yaml").write_text("schema: tracker-plan/1\n")
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        window = await open_task(pilot, "import-plan")
        said = [str(w.render()) for w in window.query(Label)]
        assert not any("Keep the file's values" in s for s in said), said
        box = window.query_one("#ask-file", Input)
        assert isinstance(box.suggester, PathSuggester)
        box.focus()
        await pilot.press(*f"{tmp_path}/plan-b", "right")
        await pilot.pause(0.2)
        assert box.value == f"{tmp_path}/plan-backup.yaml"


@pytest.mark.asyncio
@pytest.mark.parametrize("window", ["schedule", "record", "bulk"])
async def test_the_boards_and_bulk_edit_windows_date_fields_are_date_fields(
    app_settings, window: str
) -> None:
    """Scheduling or recording a meeting and a bulk edit ask for their dates as every date field
    does: a DateInput with the one hint."""
    from test_app_parity import SIZE

    from tracker.ui.app import create_app
    from tracker.ui.boards.meetings import RecordMeetingScreen, ScheduleMeetingScreen
    from tracker.ui.register.bulk import BulkEditScreen

    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        made = {"schedule": lambda: ScheduleMeetingScreen(app.services, "cfb"),
                "record": lambda: RecordMeetingScreen(app.services, "cfb"),
                "bulk": lambda: BulkEditScreen(app.services, ["P1-01", "P1-02"])}  # fmt: skip
        app.push_screen(made[window]())
        await pilot.pause(0.3)
        ids = {"schedule": ["f-date", "f-until"], "record": ["f-date"],
               "bulk": ["bulk-start", "bulk-due"]}[window]  # fmt: skip
        for wid in ids:
            box = app.screen.query_one(f"#{wid}", Input)
            assert isinstance(box, DateInput), wid
            assert box.placeholder.startswith(DATE_HINT), wid
