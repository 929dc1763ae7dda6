"""Counts read as English: "1 board", "1 indicator", "1 person", not "1 boards" (issue 15's
walk-through found "1 organisations", "1 meetings" and "1 boards")."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_gov_screen import open_boards, screen_text, settle

from tracker.cli import cli
from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.ui.app import create_app
from tracker.vocabulary import counted

SMALL = "tests/data/plans/small.yaml"


@pytest.mark.parametrize(
    ("n", "things", "said"),
    [(1, "boards", "1 board"), (2, "boards", "2 boards"), (0, "meetings", "0 meetings"),
     (1, "people", "1 person"), (3, "people", "3 people"),
     (1, "follow-up due dates", "1 follow-up due date"), (1, "organisations", "1 organisation")],
)  # fmt: skip
def test_counted(n: int, things: str, said: str) -> None:
    assert counted(n, things) == said


def test_plan_validate_says_1_indicator() -> None:
    result = CliRunner().invoke(cli, ["plan", "validate", SMALL], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 indicator, 2 readings" in result.stdout
    assert "1 indicators" not in result.stdout


@pytest.mark.asyncio
async def test_a_locality_boards_summary_says_1_board(gov: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        for _ in range(6):
            seen.append(screen_text(app))
            await pilot.press("down")
            await settle(pilot)
    shown = "\n".join(seen)
    assert "in 1 board as of" in shown
    assert "1 boards" not in shown
