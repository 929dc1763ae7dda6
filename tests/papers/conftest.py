"""Fixtures for the paper tests: the shipped plan with a term of governance on it
(papers_helpers.enrich), on SQLite and PostgreSQL; today is 2026-03-01."""

from __future__ import annotations

from pathlib import Path

import pytest
from papers_helpers import enrich

from tracker.services.context import Tracker


@pytest.fixture
def term(loaded: Tracker, tmp_path: Path) -> Tracker:
    """The shipped plan, enriched with updates, meetings, escalations and follow-ups."""
    return enrich(loaded, tmp_path)
