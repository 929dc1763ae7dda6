"""Constants and helpers for the committee tests (a unique module name: tests have no packages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click.testing
from sqlalchemy import func, select

from tracker.models import (
    AuditEntry,
    Board,
    FollowUp,
    FollowUpResponse,
    Meeting,
    Person,
    Resolution,
)
from tracker.services.context import Tracker

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"  # as tests/conftest.py
FIRST = DATA / "select-commission-2026-01-20.txt"
SECOND = DATA / "select-commission-2026-02-24.txt"
COMMISSION = "improving-lives-select-commission"

Runner = Callable[..., click.testing.Result]


def counts(t: Tracker) -> dict[str, int]:
    """Rows in every table an import or follow-up change can touch."""
    models = (Board, Meeting, Resolution, FollowUp, FollowUpResponse, Person, AuditEntry)
    with t.db.reading() as s:
        return {
            m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in models
        }
