"""A first import into empty tables (status updates, actions, the audit trail) drops those tables'
indexes on SQLite and makes them again after the rows are in (tracker.plans.bulk): afterwards each
table has exactly the indexes it had, with the same columns, on both databases; and a second import
(the tables no longer empty) keeps them too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from tracker.services import plans
from tracker.services.context import Tracker

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"


TABLES = ("status_update", "action", "audit_entry")


def indexes(t: Tracker) -> list[tuple[str, str, tuple[Any, ...], bool]]:
    with t.db.reading() as s:
        found = inspect(s.connection())
        return sorted(
            (table, i["name"] or "", tuple(i["column_names"]), bool(i["unique"]))
            for table in TABLES for i in found.get_indexes(table)
        )  # fmt: skip


def test_the_status_updates_keep_their_indexes_through_a_first_import(tracker: Tracker) -> None:
    before = indexes(tracker)
    assert ("status_update", "ix_status_update_trend", ("action_id", "recorded_at", "progress"),
            False) in before  # fmt: skip
    assert ("action", "ix_action_status_rag", ("status", "rag"), False) in before
    assert ("audit_entry", "ix_audit_entry_entity", ("entity", "entity_key"), False) in before
    result = plans.import_plan(tracker, SMALL)
    assert result.section("updates").created > 0
    assert indexes(tracker) == before
    plans.import_plan(tracker, SMALL)
    assert indexes(tracker) == before


def test_a_dry_run_leaves_the_indexes(tracker: Tracker) -> None:
    before = indexes(tracker)
    plans.import_plan(tracker, SMALL, dry_run=True)
    assert indexes(tracker) == before
