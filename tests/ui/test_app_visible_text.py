"""Stored text with terminal escape sequences (from before the control-character rule) shows
visibly in the app: nothing that reaches the terminal can retitle, clear or recolour it, or
reorder what the reader sees. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update
from ui_helpers import select_row, settle

from tracker.models import Action
from tracker.services.context import open_tracker
from tracker.ui.app import create_app

pytestmark = pytest.mark.asyncio
HOSTILE = "Hubs \x1b]0;PWNED\x07\x1b[2J open \x9b31m \u202eevil"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def terminal_text(app: Any) -> str:
    """Every character the app's widgets send to the terminal, line by line."""
    lines = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.size.area:
            continue
        for y in range(widget.size.height):
            lines.append("".join(segment.text for segment in widget.render_line(y)))
    return "\n".join(lines)


async def test_escape_sequences_in_stored_text_are_shown_visibly(app_settings_any) -> None:
    t = open_tracker(app_settings_any)
    try:
        with t.db.writing() as s:
            s.execute(
                update(Action)
                .where(Action.ref == "P2-01")
                .values(title=HOSTILE, description=HOSTILE, latest_commentary=HOSTILE)
            )
    finally:
        t.close()
    app = create_app(app_settings_any)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "P2-01")
        shown = terminal_text(app)
    for char in RAW:
        assert char not in shown, f"raw {char!r} reached the terminal"
    assert "␛]0;PWNED␇␛[2J" in shown  # in the table and the detail
    assert "<U+202E>" in shown
