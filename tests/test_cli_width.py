"""CLI tables fit the terminal: long cells are cut with "…" so that no line is wider than the
terminal (here $TRACKER_WIDTH stands in for one: CliRunner's output is no terminal), and `tracker --wide` shows every cell whole. Piped
output (no terminal) keeps whole cells up to the usual column limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

APP_PLAN = Path(__file__).parent / "data" / "plans" / "app.yaml"
LONG_TITLE = "Train the partner workforce in restorative practice"


@pytest.fixture
def loaded_app_plan(tracker: Tracker) -> Tracker:
    import_plan(tracker, APP_PLAN)
    return tracker


def table(*args: str, columns: int | None) -> list[str]:
    env = {"TRACKER_WIDTH": str(columns) if columns else ""}
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 120])
def test_tables_fit_the_terminal(loaded_app_plan: Tracker, columns: int) -> None:
    for command in (["actions", "list"], ["followups", "list"], ["meetings", "list"]):
        lines = table(*command, columns=columns)
        assert lines, command
        assert max(len(line) for line in lines) <= columns, (command, lines)
    lines = table("actions", "list", columns=80)
    p2_02 = next(line for line in lines if line.startswith("P2-02"))
    assert "…" in p2_02 and LONG_TITLE not in p2_02  # cut, and it says so


def test_wide_shows_every_cell_whole(loaded_app_plan: Tracker) -> None:
    lines = table("--wide", "actions", "list", columns=80)
    assert any(LONG_TITLE in line for line in lines)
    assert max(len(line) for line in lines) > 80
    # the next command without --wide fits again
    lines = table("actions", "list", columns=80)
    assert max(len(line) for line in lines) <= 80


def test_wide_may_follow_the_command(loaded_app_plan: Tracker) -> None:
    """`tracker actions list --wide` (where people add it) is `tracker --wide actions list`."""
    after = table("actions", "list", "--wide", columns=80)
    assert after == table("--wide", "actions", "list", columns=80)
    assert any(LONG_TITLE in line for line in after)
    assert max(len(line) for line in table("boards", columns=80)) <= 80  # not sticky
    assert max(len(line) for line in table("boards", "--wide", columns=60)) > 60


def test_the_board_tree_and_free_text_fit_the_terminal(loaded_app_plan: Tracker) -> None:
    """The board tree is cut like any table; commentary, trails and change-log entries wrap
    under their first line instead of running past the edge."""
    from tracker.services.actions.updates import record_update

    note = "Partners asked for more time; " * 8
    record_update(loaded_app_plan, "P2-02", status="in progress", rag="amber", progress=20,
                  note=note)  # fmt: skip
    for command in (["boards"], ["actions", "show", "P2-02"], ["actions", "log", "P2-02"]):
        lines = table(*command, columns=60)
        assert max(len(line) for line in lines) <= 60, (command, lines)
    shown = table("actions", "show", "P2-02", columns=60)
    wrapped = " ".join(line.strip() for line in shown)
    assert note.strip() in wrapped  # all of it, wrapped, not cut
    assert table("actions", "show", "P2-02", "--wide", columns=60) != shown
