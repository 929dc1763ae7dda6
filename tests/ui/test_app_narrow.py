"""At 80x24 nothing a user needs is cut off without a sign: an outcome card's figures wrap (the
status and the direction of travel stay in sight), and every screen's key bar is cut with "…",
keeping ? Help and ^p palette in sight at the right."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import settle

from tracker.ui.app import create_app
from tracker.ui.registry import SCREENS
from tracker.ui.widgets.keybar import KeyBar

pytestmark = pytest.mark.asyncio


def shown(widget: Any) -> str:
    """The lines a widget sends to the terminal."""
    return "\n".join(
        "".join(segment.text for segment in widget.render_line(y))
        for y in range(widget.size.height)
    )


async def test_an_outcome_card_wraps_its_figures_at_80_columns(tmp_path, monkeypatch) -> None:
    """The demo's indicators have readings, targets and a direction of travel."""
    from test_demo import demo_settings

    from tracker.ui.indicators.widgets import IndicatorCard

    settings = demo_settings(tmp_path, monkeypatch)
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        cards = list(app.screen.query(IndicatorCard))
        assert cards
        for card in cards:
            box = card.query_one(".figures")
            assert box.region.right <= card.content_region.right  # all of it in the card
            figures = " ".join(shown(box).split())
            assert card.row.status in figures, figures
            assert "target" in figures and (card.row.travel or "") in figures, figures
            assert len(figures) > 50  # more than 80 columns' room beside the sparkline


async def test_every_screen_s_key_bar_keeps_help_in_sight_at_80_columns(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ["d", "a", *(k for k, _title, _path in SCREENS)]:
            await pilot.press(key)
            await settle(pilot)
            bars = list(app.screen.query(KeyBar))
            assert bars, f"{type(app.screen).__name__} has no key bar"
            line = shown(bars[0])
            assert line.rstrip().endswith("palette") and "? Help" in line, line
            if len(line.rstrip()) >= 79:  # more keys than room: cut with a sign
                assert "…" in line, line


async def test_resolutions_and_exceptions_keep_their_long_columns_in_sight_at_80_columns(
    app_settings,
) -> None:
    """Resolutions gives its Text column the spare width (it was squeezed to 13 characters);
    Exceptions shows Forecast without scrolling right, with the highlighted row's causes and
    proposed decision spelt out under the table."""
    from textual.widgets import DataTable, Static

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        items = app.screen.query_one("#res-items", DataTable)
        assert items.row_count > 0
        text = next(c for c in items.columns.values() if str(c.label) == "Text")
        assert text.width >= 25, text.width
        assert "Text" in shown(items).splitlines()[0]
        await pilot.press("d", "E")
        await settle(pilot)
        table = app.screen.query_one("#exceptions", DataTable)
        assert table.row_count > 0
        header = shown(table).splitlines()[0]
        assert "Forecast" in header, header
        found = app.screen.found
        first = found.exceptions[0]
        detail = " ".join(shown(app.screen.query_one("#exception-detail", Static)).split())
        assert first.ref in detail and first.causes[0] in detail, detail
        lines = shown(table).splitlines()
        # Forecast wraps, whole: its last words are in sight (not cut with "…")
        assert any("months after due" in line for line in lines), lines


async def test_the_dashboard_s_panel_titles_keep_their_counts_at_80_columns(app_settings) -> None:
    """A panel's title is cut at its border: at 80 columns "Due in the next 30 days: 2" showed
    as "Due in the next 30 d…", its count lost; a shorter title keeps it."""
    for size, soon, challenges in (
        ((80, 24), "Due in 30 days: 2", "Challenges: "),
        ((160, 50), "Due in the next 30 days: 2", "Challenges to answer: "),
    ):
        app = create_app(app_settings)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            panels = {p.id: p for p in app.screen.query("OptionList")}
            assert panels["soon"].border_title == soon
            assert panels["challenges"].border_title.startswith(challenges)
            for panel in panels.values():
                title = panel.border_title or ""
                assert len(title) <= panel.outer_size.width - 5, title  # whole within its border


async def test_the_dashboard_is_laid_out_again_when_the_terminal_is_resized(app_settings) -> None:
    """The phase table's short headings (below 100 columns) and the lists' lines were cut to
    the terminal's width when the dashboard opened: widened from 80x24 to 160x50 it kept
    "Not st" and the lists' 20-column lines, narrowed back it cut them mid-cell."""
    from textual.widgets import OptionList

    from tracker.ui.dashboard.screen import DashboardScreen

    def painted() -> str:
        return "\n".join(strip.text for strip in app.screen._compositor.render_strips())

    def lines() -> list[str]:
        panel = app.screen.query_one("#overdue", OptionList)
        return str(panel.get_option_at_index(0).prompt).splitlines()

    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Not st " in painted()
        narrow = lines()
        await pilot.resize_terminal(160, 50)
        await settle(pilot, rounds=6)
        assert "Not started" in painted()
        wide = lines()
        assert max(map(len, wide)) > max(map(len, narrow)) + 10, (narrow, wide)
        await pilot.resize_terminal(80, 24)
        await settle(pilot, rounds=6)
        assert "Not st " in painted() and lines() == narrow
