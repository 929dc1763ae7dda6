"""Fixtures for committee resolutions and follow-ups: committees, people and one plan action put
in through the ORM (the minutes name them), a CLI runner that checks nothing else moved, and the
settings of one SQLite database with two meetings imported, for the screens' snapshots."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import click.testing
import pytest
from committee_helpers import COMMISSION, FIRST, SECOND, Runner

from tracker.cli import cli
from tracker.config import Settings, load_settings
from tracker.models import (
    Action,
    Board,
    Person,
    Phase,
    Strategy,
)
from tracker.services.committees.followup_updates import update_followup
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import save_import
from tracker.services.context import Tracker, open_tracker


@pytest.fixture
def committees(tracker: Tracker) -> Tracker:
    """The committees and people of the shipped plan that the minutes name, plus action P1-03."""
    with tracker.db.writing() as s:
        s.add_all(
            [
                Board(code="cabinet", name="Cabinet", kind="committee"),
                Board(code=COMMISSION, name="Improving Lives Select Commission", kind="committee"),
                Board(code="supporting-families-board", name="Supporting Families Board"),
                Person(
                    code="kelly-white",
                    name="Kelly White",
                    role="Interim Assistant Director for Early Help and Business Support",
                ),
                Person(code="kirsty-woodhead", name="Kirsty Woodhead", role="Locality Manager"),
                Person(
                    code="assistant-director-early-help", role="Assistant Director for Early Help"
                ),
            ]
        )
        strategy = Strategy(title="Early Help Strategy 2024-2029", start_year=2024, end_year=2029)
        s.add(strategy)
        s.flush()
        phase = Phase(strategy_id=strategy.id, number=1, name="Design")
        s.add(phase)
        s.flush()
        s.add(Action(ref="P1-03", title="Family Hubs roadmap", strategy_id=strategy.id,
                     phase_id=phase.id))  # fmt: skip
    return tracker


@pytest.fixture
def run(settings_file: Path) -> Runner:
    """`run("followups", "list")` -> the click Result (stdout and stderr kept apart)."""

    def invoke(*args: str | Path) -> click.testing.Result:
        result = click.testing.CliRunner().invoke(cli, [str(a) for a in args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


@pytest.fixture
def snapshot_settings(tmp_path: Path, sqlite_template: Path) -> Settings:
    """One SQLite database (a snapshot is one picture) with two meetings imported."""
    db = tmp_path / "tracker.db"
    shutil.copy(sqlite_template, db)
    path = tmp_path / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n\n[user]\nname = "Test User"\n\n'
        '[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    t = open_tracker(settings)
    try:
        with t.db.writing() as s:
            s.add_all([
                Board(code=COMMISSION, name="Improving Lives Select Commission", kind="committee"),
                Board(code="cabinet", name="Cabinet", kind="committee"),
                Person(code="kelly-white", name="Kelly White", role="Interim Assistant Director"),
                Person(code="kirsty-woodhead", name="Kirsty Woodhead", role="Locality Manager"),
            ])  # fmt: skip
        for minutes, date in ((FIRST, "2026-01-20"), (SECOND, "2026-02-24")):
            save_import(t, draft_minutes(read_minutes(minutes)), committee=COMMISSION, date=date)
        update_followup(t, 1, owner="kelly-white", due=dt.date(2026, 2, 15))
        update_followup(t, 2, due=dt.date(2026, 3, 20), status="in progress",
                        response="Timetable drafted")  # fmt: skip
    finally:
        t.close()
    return settings
