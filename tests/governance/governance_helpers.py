"""Helpers for the governance tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import click.testing
from sqlalchemy import text

from tracker.services.context import Tracker

PLAN = Path(__file__).parent / "data" / "governance-plan.yaml"
TODAY = dt.date(2026, 3, 1)
NORTH, SOUTH, SFB, CFB = (
    "lpb-north",
    "lpb-south",
    "supporting-families-board",
    "children-first-board",
)


def load_plan(t: Tracker, path: Path = PLAN) -> None:
    from tracker.services.plans import import_plan

    import_plan(t, path)


def on_day(t: Tracker, today: dt.date) -> Tracker:
    """The same database on another day (time passing between meetings)."""
    return Tracker(db=t.db, settings=dataclasses.replace(t.settings, today=today))


def snapshot(t: Tracker) -> dict[str, list[tuple[object, ...]]]:
    """Every table a governance write touches, to prove a refusal changed nothing."""
    tables = ("board", "meeting", "meeting_attendee", "agenda_item", "update_review",
              "escalation", "status_update", "action", "audit_entry")  # fmt: skip
    out: dict[str, list[tuple[object, ...]]] = {}
    with t.db.reading() as s:
        for name in tables:
            rows = s.execute(text(f"SELECT * FROM {name}")).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def rows(t: Tracker, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with t.db.reading() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def run(*args: str) -> click.testing.Result:
    """The CLI as a user types it (settings from TRACKER_CONFIG, set by `settings_file`)."""
    from tracker.cli import cli

    return click.testing.CliRunner().invoke(cli, list(args))
