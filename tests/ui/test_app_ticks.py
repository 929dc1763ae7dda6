"""Tick boxes show their state in the glyph, not only in a colour (issue 15, point 3): "[x]"
ticked, "[ ]" not, in the job windows and in the action window's outcomes alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_app_forms import open_register_at
from test_app_parity import SIZE, open_task
from textual.widgets import Checkbox, SelectionList
from ui_helpers import settle

from tracker.ui.app import create_app
from tracker.ui.register.edit import ActionFormScreen

UI = Path(__file__).resolve().parents[2] / "tracker" / "ui"


def drawn(widget) -> list[str]:
    """The widget's lines as the terminal shows them."""
    lines = widget.render_lines(widget.region.reset_offset)
    return ["".join(s.text for s in line) for line in lines]


@pytest.mark.asyncio
async def test_a_ticked_box_looks_different_from_an_unticked_one(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        window = await open_task(pilot, "export-sheet")
        replace = window.query_one("#ask-replace", Checkbox)
        assert drawn(replace)[0].startswith("[ ] Replace the file if it is there already")
        replace.focus()
        await pilot.press("space")
        await settle(pilot)
        assert replace.value is True
        assert drawn(replace)[0].startswith("[x] Replace the file if it is there already")
        overdue = window.query_one("#ask-overdue", Checkbox)
        assert drawn(overdue)[0].startswith("[ ] Only overdue actions")
        # ticked is also bold and coloured, unticked is not
        ticked = list(replace.render_lines(replace.region.reset_offset)[0])[0]
        unticked = list(overdue.render_lines(overdue.region.reset_offset)[0])[0]
        assert ticked.text == "[x]" and unticked.text == "[ ]"
        assert ticked.style.bold and not unticked.style.bold
        assert ticked.style.color != unticked.style.color


@pytest.mark.asyncio
async def test_the_action_windows_outcomes_tick_the_same_way(app_settings) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_register_at(pilot, "P2-04")
        await pilot.press("e")
        await settle(pilot)
        window = app.screen
        assert isinstance(window, ActionFormScreen)
        outcomes = window.query_one("#outcomes", SelectionList)
        outcomes.deselect_all()
        await settle(pilot)
        first = outcomes.get_option_at_index(0)
        outcomes.select(first.value)
        await settle(pilot)
        lines = [x for x in drawn(outcomes) if x.strip()]
        assert lines[0].startswith("[x] ")
        assert all(x.startswith("[ ] ") for x in lines[1:]) and lines[1:]
        assert not any("X" in x[:3] or "▐" in x for x in lines)


def test_every_checkbox_in_the_app_is_a_tick_box() -> None:
    """One look everywhere: no window makes Textual's own Checkbox or SelectionList."""
    made = re.compile(r"\b(Checkbox|SelectionList)(\[[^\]]*\])?\(")
    found = [
        f"{path.relative_to(UI)}:{n}"
        for path in UI.rglob("*.py")
        if path.name != "tick.py"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if made.search(line)
    ]
    assert found == []
