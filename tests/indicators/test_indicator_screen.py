"""The Outcomes screen, driven like a user would (textual pilot), on the shipped plan."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Sparkline, Static

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.indicators import add_indicator, record_reading
from tracker.ui.app import create_app
from tracker.ui.indicators.screen import IndicatorsScreen
from tracker.ui.indicators.widgets import IndicatorCard
from tracker.ui.registry import SCREENS


def texts(screen: IndicatorsScreen) -> str:
    return "\n".join(str(w.render()) for w in screen.query(Static))


async def wait_loaded(pilot: object, screen: IndicatorsScreen) -> None:
    """Wait until the cards are mounted and what they show has stopped changing (cards fill
    in after they mount, so their first appearance is not enough)."""
    previous = None
    for _ in range(600):  # up to 30 s: a loaded CI machine runs browsers beside these
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if screen.rows is None or not screen.query(IndicatorCard):
            continue
        now = texts(screen)
        if now == previous:
            return
        previous = now
    raise AssertionError("the screen did not load")


@pytest.mark.asyncio
async def test_outcomes_screen_shows_indicators_by_outcome(
    loaded: Tracker, settings: Settings
) -> None:
    add_indicator(
        loaded, "eyfs-good-level", name="Good level of development", unit="percent",
        outcome="early-years", target=70, direction="higher",
    )  # fmt: skip
    record_reading(loaded, "eyfs-good-level", 68, date=dt.date(2024, 9, 1))
    record_reading(loaded, "eyfs-good-level", 65, date=dt.date(2025, 9, 1))
    app = create_app(settings)
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        await pilot.press("o")  # from the dashboard, as a user does
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        await wait_loaded(pilot, screen)
        text = texts(screen)
        assert "6 indicators, 1 off target" in text
        assert "Good early years development   1 off target" in text
        assert "Not linked to an outcome" in text
        assert "26%  as noted at the meeting (undated)   target not set   ▲ improving" in text
        assert "no target" not in text  # "target not set" says it once
        assert "65%  01 Sep 2025   target 70% or more   off target   ▼ worsening" in text
        assert "▲ improving" in text  # EYFS not reaching the expected level: 50% -> 26%
        card = screen.query_one("#indicator-eyfs-good-level", IndicatorCard)
        assert card.query_one(Sparkline).data == [68, 65]
        assert card.has_class("-off-target")

        await pilot.press("f")
        await pilot.pause(0.1)
        assert [c.row.code for c in screen.query(IndicatorCard)] == ["eyfs-good-level"]
        assert "showing off target only" in texts(screen)
        await pilot.press("f")
        await pilot.pause(0.1)
        assert len(screen.query(IndicatorCard)) == 6


def test_a_target_without_a_direction_says_so(loaded: Tracker) -> None:
    """Without a direction nobody can say which side of the target is on target: the card
    says the direction is missing, not "no target" beside the target it shows."""
    from tracker.services.indicators import list_indicators
    from tracker.ui.indicators.widgets import figures

    add_indicator(loaded, "hubs-open", name="Family hubs open", unit="count", target=8)
    record_reading(loaded, "hubs-open", 5, date=dt.date(2025, 9, 1))
    (row,) = [r for r in list_indicators(loaded) if r.code == "hubs-open"]
    shown = figures(row).plain
    assert "target 8 count   direction not set" in shown and "no target" not in shown


def test_registered_as_outcomes_on_o() -> None:
    assert ("o", "Outcomes", "tracker.ui.indicators.screen:IndicatorsScreen") in SCREENS
