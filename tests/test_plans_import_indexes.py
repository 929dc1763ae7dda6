"""A first import into an empty status-update table drops that table's indexes on SQLite and makes
them again after the rows are in (tracker.plans.import_actions): afterwards the table has exactly
the indexes it had, with the same columns, on both databases; and a second import (the table no
longer empty) keeps them too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from tracker.services import plans
from tracker.services.context import Tracker

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"


def indexes(t: Tracker) -> list[tuple[str, tuple[Any, ...], bool]]:
    with t.db.reading() as s:
        found = inspect(s.connection()).get_indexes("status_update")
    return sorted((i["name"] or "", tuple(i["column_names"]), bool(i["unique"])) for i in found)


def test_the_status_updates_keep_their_indexes_through_a_first_import(tracker: Tracker) -> None:
    before = indexes(tracker)
    assert ("ix_status_update_trend", ("action_id", "recorded_at", "progress"), False) in before
    result = plans.import_plan(tracker, SMALL)
    assert result.section("updates").created > 0
    assert indexes(tracker) == before
    plans.import_plan(tracker, SMALL)
    assert indexes(tracker) == before


def test_a_dry_run_leaves_the_indexes(tracker: Tracker) -> None:
    before = indexes(tracker)
    plans.import_plan(tracker, SMALL, dry_run=True)
    assert indexes(tracker) == before
