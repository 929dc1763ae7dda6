"""Fixtures for the governance tests: the plan in data/governance-plan.yaml (imported with
tracker.services.plans.import_plan) on each database; today is 2026-03-01."""

from __future__ import annotations

import pytest
from governance_helpers import load_plan

from tracker.services.context import Tracker


@pytest.fixture
def gov(tracker: Tracker) -> Tracker:
    """Services on a database holding the governance test plan (today 2026-03-01)."""
    load_plan(tracker)
    return tracker
