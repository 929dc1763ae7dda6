"""The Outcomes screen's trend chart (textual-plotext) and overdue readings, as a user sees
them, on the shipped plan."""

from __future__ import annotations

import datetime as dt

import pytest
from test_indicator_screen import texts, wait_loaded
from textual_plotext import PlotextPlot

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.indicators import record_reading
from tracker.services.indicators.manage import set_indicator
from tracker.ui.app import create_app
from tracker.ui.indicators.screen import IndicatorsScreen
from tracker.ui.indicators.trend import TrendScreen


@pytest.mark.asyncio
async def test_trend_chart_and_an_overdue_reading(loaded: Tracker, settings: Settings) -> None:
    record_reading(loaded, "referrals-police", 14, date=dt.date(2025, 6, 30))
    set_indicator(loaded, "referrals-police", frequency="quarterly", target=10,
                  direction="lower")  # fmt: skip
    app = create_app(settings)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        await wait_loaded(pilot, screen)
        assert "reading overdue (quarterly)" in texts(screen)
        await pilot.press("T")
        await pilot.pause(0.2)
        trend = app.screen
        assert isinstance(trend, TrendScreen)
        await pilot.press("down")
        await pilot.pause(0.2)
        assert trend.shown is not None
        while trend.shown != "referrals-police":
            await pilot.press("down")
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        drawn = trend.query_one(PlotextPlot).render()
        plain = "".join(seg.text for seg in drawn.render(app.console))  # type: ignore[union-attr]
        assert "Referral rate" in plain and "30 Jun 25" in plain
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.asyncio
async def test_edit_an_indicator_and_correct_a_reading_from_the_outcomes_screen(
    loaded: Tracker, settings: Settings
) -> None:
    """↓ highlights an indicator; e opens "set target, direction, unit, frequency", g "record a
    reading" and C "correct or delete a reading" for it; the trend window lists the readings' numbers that
    correcting one asks for."""
    from textual.widgets import Select

    from tracker.services.indicators import list_indicators
    from tracker.ui.indicators.widgets import IndicatorCard
    from tracker.ui.tasks.form import TaskScreen

    reading = record_reading(loaded, "referrals-police", 14, date=dt.date(2025, 6, 30))
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        await wait_loaded(pilot, screen)
        assert isinstance(screen.focused, IndicatorCard)  # the first, highlighted
        while screen.focused.row.code != "referrals-police":  # type: ignore[union-attr]
            await pilot.press("down")
            await pilot.pause(0.05)
        await pilot.press("e")
        await pilot.pause(0.3)
        window = app.screen
        assert isinstance(window, TaskScreen) and window.job.key == "set-indicator"
        for _ in range(100):
            if window.query_one("#ask-indicator", Select).value == "referrals-police":
                break
            await pilot.pause(0.05)
        assert window.query_one("#ask-indicator", Select).value == "referrals-police"
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.screen is screen
        await pilot.press("C")
        await pilot.pause(0.3)
        window = app.screen
        assert isinstance(window, TaskScreen) and window.job.key == "correct-reading"
        for _ in range(100):
            if window.query_one("#ask-indicator", Select).value == "referrals-police":
                break
            await pilot.pause(0.05)
        assert window.query_one("#ask-indicator", Select).value == "referrals-police"
        await pilot.press("escape")
        await pilot.pause(0.3)
        await pilot.press("g")  # record a reading: of the highlighted indicator, too
        await pilot.pause(0.3)
        window = app.screen
        assert isinstance(window, TaskScreen) and window.job.key == "record-reading"
        for _ in range(100):
            if window.query_one("#ask-indicator", Select).value == "referrals-police":
                break
            await pilot.pause(0.05)
        assert window.query_one("#ask-indicator", Select).value == "referrals-police"
        await pilot.press("escape")
        await pilot.pause(0.3)
        await pilot.press("T")
        await pilot.pause(0.3)
        trend = app.screen
        assert isinstance(trend, TrendScreen) and trend.shown == "referrals-police"
        listed = str(trend.query_one("#trend-readings").render())
        row = next(r for r in list_indicators(loaded) if r.code == "referrals-police")
        assert f"#{row.readings[-1].id}  30 Jun 2025" in listed
        assert reading is not None


@pytest.mark.asyncio
async def test_a_task_s_result_is_shown_whole_at_80x24(loaded: Tracker, settings: Settings) -> None:
    """After ctrl+s in a window at 80x24, its result (three lines, for a long indicator name) is
    scrolled into view whole: the result is the last thing in the window's body, so the body is
    scrolled to its end (it stopped at the result's first line, the rest below the fold)."""
    from textual.containers import VerticalScroll

    from tracker.ui.tasks.catalogue import open_task
    from tracker.ui.tasks.form import TaskScreen

    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_task(app, app.services, "set-indicator", indicator="eyfs-not-expected-level")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, TaskScreen) and app.screen.ready:
                break
        window = app.screen
        assert isinstance(window, TaskScreen)
        window.query_one("#ask-target").value = "30"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        result = window.query_one("#task-result")
        for _ in range(100):
            await pilot.pause(0.05)
            if "Saved" in str(result.render()):
                break
        body = window.query_one("#task-body", VerticalScroll)
        for _ in range(40):  # the scroll follows the layout, later on a loaded machine
            await pilot.pause(0.05)
            if body.scroll_y == body.max_scroll_y:
                break
        assert result.size.height >= 2
        assert body.max_scroll_y > 0 and body.scroll_y == body.max_scroll_y
