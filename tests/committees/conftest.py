"""Fixtures for committee resolutions and follow-ups: committees, people and one plan action put
in through the ORM (the minutes name them), and a CLI runner that checks nothing else moved."""

from __future__ import annotations

from pathlib import Path

import click.testing
import pytest
from committee_helpers import COMMISSION, Runner

from tracker.cli import cli
from tracker.models import (
    Action,
    Board,
    Person,
    Phase,
    Strategy,
)
from tracker.services.context import Tracker


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
