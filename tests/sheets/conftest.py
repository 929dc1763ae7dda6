"""The sheet tests' data: a small plan with owners, dates and a cancelled action."""

from __future__ import annotations

import pytest
from sheet_helpers import SHEET_PLAN

from tracker.services.context import Tracker
from tracker.services.plans import import_plan


@pytest.fixture
def sheet_plan(tracker: Tracker) -> Tracker:
    """Five actions with owners and dates (S-02 past due and open, S-05 cancelled)."""
    import_plan(tracker, SHEET_PLAN)
    return tracker
