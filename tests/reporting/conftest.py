"""Fixtures for the reporting-cycle tests: tests/data/plans/reporting.yaml (thresholds 0.85 and
0.6, tolerances on two boards) on each database; today is 2026-03-01."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.services.context import Tracker
from tracker.services.plans import import_plan

PLAN = Path(__file__).parents[1] / "data" / "plans" / "reporting.yaml"


@pytest.fixture
def rep(tracker: Tracker) -> Tracker:
    import_plan(tracker, PLAN)
    return tracker


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))
