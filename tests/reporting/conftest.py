"""Fixtures for the reporting-cycle tests: tests/data/plans/reporting.yaml (thresholds 0.85 and
0.6, tolerances on two boards) on each database; today is 2026-03-01."""

from __future__ import annotations

import pytest
from reporting_helpers import PLAN

from tracker.services.context import Tracker
from tracker.services.plans import import_plan


@pytest.fixture
def rep(tracker: Tracker) -> Tracker:
    import_plan(tracker, PLAN)
    return tracker
