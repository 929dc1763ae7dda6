"""Long work started from the app shows its progress in the task's window (the phase, the count
and the rate, as the CLI's bar does), and the app keeps handling keys while it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_app_parity import SIZE, open_task
from textual.message import Message
from textual.widgets import Input
from ui_helpers import settle

from tracker.ui.app import create_app
from tracker.ui.tasks.form import TaskProgressed


def _result(window: Any) -> str:
    return str(window.query_one("#task-result").render())


@pytest.mark.asyncio
async def test_sheet_and_plan_tasks_show_phase_count_and_rate(app_settings, tmp_path: Path) -> None:
    seen: list[TaskProgressed] = []

    def hook(message: Message) -> None:
        if isinstance(message, TaskProgressed):
            seen.append(message)

    app = create_app(app_settings)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        sheet = tmp_path / "return.csv"
        window = await open_task(pilot, "export-sheet")
        window.query_one("#ask-file", Input).value = str(sheet)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote" in _result(window)
        rows = int(_result(window).split("Wrote ")[1].split(" ")[0])
        phases = [m.phase for m in seen]
        assert phases[0] == "reading the actions" and "writing return.csv" in phases
        assert (seen[-1].done, seen[-1].total) == (rows, rows)
        assert f"writing return.csv {rows:,}/{rows:,}" in seen[-1].describe()
        await pilot.press("escape")
        await settle(pilot)

        seen.clear()
        window = await open_task(pilot, "import-sheet")
        window.query_one("#ask-file", Input).value = str(sheet)
        await pilot.press("ctrl+t")  # check only
        await settle(pilot)
        assert window.result is not None and not window.result.stored
        checking = [m for m in seen if m.phase == "checking rows"]
        assert checking and (checking[-1].done, checking[-1].total) == (rows, rows)
        await pilot.press("escape")
        await settle(pilot)

        seen.clear()
        plan = tmp_path / "plan.yaml"
        window = await open_task(pilot, "export-plan")
        window.query_one("#ask-file", Input).value = str(plan)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wrote" in _result(window) and seen
        await pilot.press("escape")
        await settle(pilot)

        seen.clear()
        window = await open_task(pilot, "import-plan")
        window.query_one("#ask-file", Input).value = str(plan)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert window.result is not None and not window.result.stored
        assert len({m.phase for m in seen}) >= 3  # reading, checking, writing ... each shown
        assert all(m.describe().startswith("Working: ") for m in seen)


def test_a_progress_line_reads_as_phase_count_and_rate() -> None:
    assert TaskProgressed("checking rows", 1200, 10000, 3456.7).describe() == (
        "Working: checking rows 1,200/10,000, 3,457/s"
    )
    assert TaskProgressed("reading the file", 0, None, 0.0).describe() == (
        "Working: reading the file 0"
    )
