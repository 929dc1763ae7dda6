"""The Exceptions screen, driven as a user would (textual pilot), on the reporting test plan."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.governance.escalations import list_escalations
from tracker.ui.app import create_app
from tracker.ui.exceptions.screen import ExceptionsScreen


async def _settle(pilot: object, screen: ExceptionsScreen, want: str) -> str:
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        text = "\n".join(str(w.render()) for w in screen.query(Static))
        if want in text:
            return text
    raise AssertionError(f"never showed {want!r}")


@pytest.mark.asyncio
async def test_exceptions_screen_lists_them_and_escalates_one(
    rep: Tracker, settings: Settings
) -> None:
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("E")  # from the dashboard
        screen = app.screen
        assert isinstance(screen, ExceptionsScreen)
        text = await _settle(pilot, screen, "rising to Children First Board")
        assert "2 exceptions" in text
        assert "actual ÷ expected at or above 0.85 is green" in text  # the rule, shown
        table = screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["R-02", "R-01"]
        await pilot.press("ctrl+e")  # the first row: R-02
        await _settle(pilot, screen, "Escalation #1: R-02 from Supporting Families Board")
        assert [(e.ref, e.to_board) for e in list_escalations(rep)] == [("R-02", "cfb")]
        await pilot.press("ctrl+e")  # again: refused inline, nothing written
        await _settle(pilot, screen, "already escalated")
        assert len(list_escalations(rep)) == 1
        await pilot.press("]")  # the next board with boards under it
        await _settle(pilot, screen, "1 exceptions rising to Supporting Families Board")


@pytest.mark.asyncio
async def test_the_exceptions_table_follows_a_resized_terminal(
    rep: Tracker, settings: Settings
) -> None:
    """Its columns were fitted once, when the board's exceptions were read: opened at 80x24
    and widened to 160x50 it kept the narrow columns ("Sugg.", boards cut to 12)."""
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("E")
        screen = app.screen
        assert isinstance(screen, ExceptionsScreen)
        await _settle(pilot, screen, "rising to Children First Board")
        table = screen.query_one(DataTable)

        def headings() -> list[str]:
            return [str(c.label) for c in table.columns.values()]

        assert "Sugg." in headings()
        await pilot.press("down")  # the second exception
        await pilot.resize_terminal(160, 50)
        for _ in range(100):
            await pilot.pause(0.05)
            if "Suggested" in headings():
                break
        assert headings()[3] == "Suggested"
        assert str(table.get_row_at(0)[1]) == "Supporting Families Board"  # whole
        assert table.cursor_row == 1  # where it was


@pytest.mark.asyncio
async def test_the_cause_is_readable_at_80x24(rep: Tracker, settings: Settings) -> None:
    """At 80x24 the Cause column was pushed past the right edge, cut to "C": each cause now
    shows by its kind ("overdue, red"), in sight beside the forecast."""
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("E")
        screen = app.screen
        assert isinstance(screen, ExceptionsScreen)
        await _settle(pilot, screen, "rising to Children First Board")
        table = screen.query_one(DataTable)
        widths = [c.get_render_width(table) for c in table.columns.values()]
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[6] == "Cause"
        assert sum(widths[:7]) <= table.scrollable_content_region.width  # all of it in sight
        rows = [str(table.get_row_at(i)[6]) for i in range(table.row_count)]
        assert rows == ["slippage, below suggestion", "slippage"]
        assert "R-02 (Supporting Families Board): slippage: forecast" in "\n".join(
            str(w.render()) for w in screen.query(Static)
        )  # the whole causes, under the table
