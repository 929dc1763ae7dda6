"""`tracker demo`: a fictional, fully populated plan in a database of its own, opened in the app
so every screen has something to show. It never touches the user's own database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import OptionList
from ui_helpers import register, screen_text, settle, table_refs, type_text

from tracker.cli import cli
from tracker.config import Settings, load_settings
from tracker.demo import DEMO_PLAN, DEMO_USER
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.committees.followups import list_followups
from tracker.services.context import open_tracker
from tracker.services.governance.challenges import list_challenges
from tracker.services.governance.meetings import list_meetings
from tracker.services.indicators import list_indicators
from tracker.ui.app import create_app


def _demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_CONFIG", raising=False)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    path = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path), "--no-app"])
    assert result.exit_code == 0, result.output
    assert "created the demo" in result.stderr and "14 fictional actions" in result.stderr
    assert "2 updates challenged at board meetings" in result.stderr
    return path


def demo_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings of a freshly made demo database, as `tracker demo` opens it."""
    path = _demo(tmp_path, monkeypatch)
    return dataclasses.replace(
        load_settings(), database_url=f"sqlite:///{path}", plans=(DEMO_PLAN,), user=DEMO_USER
    )


def test_the_demo_is_fictional_and_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = demo_settings(tmp_path, monkeypatch)
    path = tmp_path / "demo.db"
    t = open_tracker(settings)
    try:
        rows = list_actions(t).rows
        assert len(rows) == 14 and all("(demo)" in r.title for r in rows)
        assert {r.status for r in rows} == {"not started", "in progress", "complete", "cancelled"}
        assert list_actions(t, ActionFilter(overdue=True)).rows  # late work shows at once
        assert [r.ref for r in list_actions(t, ActionFilter(owner=DEMO_USER)).rows] == [
            "D1-01", "D3-01", "D4-01", "D5-01",
        ]  # fmt: skip
        assert len(list_indicators(t)) == 3 and list_followups(t)
        # its boards challenged two updates at meetings held: questions to their owners
        challenges = list_challenges(t, open_only=True)
        assert sorted(c.ref for c in challenges) == ["D1-03", "D2-01"]
        assert all("(demo)" in (c.comment or "") and c.meeting is not None for c in challenges)
        assert {c.owner_code for c in challenges} == {"chris-example", "bea-sample"}
        # the next board meetings lie ahead of the demo's today
        assert [m for m in list_meetings(t, status="scheduled") if m.date > dt.date(2026, 12, 5)]
    finally:
        t.close()
    again = CliRunner().invoke(cli, ["demo", "--db", str(path), "--no-app"])
    assert again.exit_code == 0 and "tracker demo --fresh" in again.stderr
    assert not (tmp_path / "tracker.db").exists()  # the user's own database was not made


def test_the_demo_refuses_the_users_own_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    own = tmp_path / "mine.db"
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "sqlite:///{own}"\n')
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "tracker.toml"))
    result = CliRunner().invoke(cli, ["demo", "--db", str(own), "--no-app"])
    assert result.exit_code == 2 and "is your own database" in result.output
    assert not own.exists()


@pytest.mark.asyncio
async def test_the_app_opens_on_the_demo_with_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = demo_settings(tmp_path, monkeypatch)
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        overdue = app.screen.query_one("#overdue", OptionList).border_title
        assert overdue.startswith("Overdue: ") and overdue != "Overdue: 0"
        challenges = app.screen.query_one("#challenges", OptionList)
        assert challenges.border_title == "Challenges to answer: 2"
        shown = [str(challenges.get_option_at_index(i).prompt) for i in range(2)]
        assert any("D1-03" in line for line in shown) and any("D2-01" in line for line in shown)
        await pilot.press("a")
        await settle(pilot)
        assert len(table_refs(app)) == 14
        assert "Alex Demo" in screen_text(register(app))


@pytest.mark.asyncio
async def test_challenges_to_answer_fill_a_small_terminal_from_the_palette(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 a dashboard list shows a line or two: "Challenges to answer" in the command
    palette shows that list on the whole screen, each line at its full width; esc puts it back."""
    settings = demo_settings(tmp_path, monkeypatch)
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "challenges to answer")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        panel = app.screen.query_one("#challenges", OptionList)
        assert app.screen.maximized is panel and panel.has_focus
        assert panel.region.height > 10
        lines = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("D1-03" in x and "Chris Example (Data and Performance Lead" in x for x in lines)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None and panel.region.height < 10


@pytest.mark.asyncio
async def test_a_challenged_actions_detail_says_how_to_answer_in_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detail pointed to the CLI ('tracker challenges answer 4 --note ...') though the app
    answers challenges: it names the palette entry."""
    from ui_helpers import select_row

    settings = demo_settings(tmp_path, monkeypatch)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await select_row(pilot, "D1-03")
        await settle(pilot)
        shown = screen_text(register(app))
    assert "ctrl+p, 'Answer a challenge'" in shown, shown
    assert "tracker challenges answer" not in shown
