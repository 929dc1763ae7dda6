"""What a user tripped on when walking the app's jobs at 80x24 and wider (issue 15): each test
drives the app as a person would and checks what they read."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList
from ui_helpers import settle

from tracker.ui.app import create_app

pytestmark = pytest.mark.asyncio


def panel_lines(app: Any, key: str) -> list[str]:
    panel = app.screen.query_one(f"#{key}", OptionList)
    return [
        "".join(segment.text for segment in panel.render_line(y)).strip(" │╭╮╰╯─")
        for y in range(panel.size.height)
    ]


async def test_the_dashboards_late_lists_keep_each_ref_beside_its_lateness_at_80x24(
    app_settings,
) -> None:
    app = create_app(app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        overdue = [line for line in panel_lines(app, "overdue") if line]
        followups = [line for line in panel_lines(app, "followups") if line]
    late = [line for line in overdue if "late" in line]
    assert late, overdue
    for line in late:  # "P1-01 614 days late", never "late  …" wrapped onto a line of its own
        assert line.split()[0][:2] in {"P1", "P2", "P3", "P4", "P5"}, overdue
        assert "days late" in line or "day late" in line, overdue
    for line in overdue + followups:
        assert line.strip(" ▁▂▃▄▅▆▇█") not in {"…", "late  …", "late"}, (overdue, followups)
