"""The audit trail of a plan import's status updates, on SQLite and PostgreSQL: ONE entry for all
the updates an import adds (entity "status_update", keyed by the file, saying how many and of how
many actions), after the actions' entries and before the meetings', with the import's instant
and actor; none when it adds none. Each update row keeps who recorded it and when, as typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from tracker.models import AuditEntry, StatusUpdate
from tracker.services import plans
from tracker.services.context import Tracker

LONG_NAME = "Dr " + "Very-Long-Name " * 12 + "Ñúñez"  # its key runs past 200 characters

PLAN = f"""\
schema: tracker-plan/1
strategy: {{title: Audit keys, period: {{start: 2024, end: 2029}}}}
people: [{{code: p1, name: Person One}}]
boards: [{{code: b1, name: Board One}}]
phases: [{{number: 1, name: One, start: 2024, end: 2025}}]
actions:
  - ref: A-2
    title: Second in the file, first by ref
    phase: 1
    board: b1
    status: in progress
    progress: 30
    updates:
      - {{at: 2024-05-01T09:00:00, by: Ann, status: in progress, progress: 10}}
      - {{at: 2024-06-01T09:00:00.250000, by: Ann, status: in progress, progress: 20}}
      - {{at: 2024-07-01T09:00:00.000001, by: "{LONG_NAME}", status: in progress, progress: 30}}
  - ref: A-1
    title: First by ref
    phase: 1
    status: not started
    updates:
      - {{at: 2024-04-30T23:59:59, by: Łukasz, status: not started, progress: 0}}
meetings:
  - {{board: b1, date: 2024-06-10, title: June, status: held}}
"""


def entries(t: Tracker) -> list[tuple[str, str, str | None, str | None]]:
    with t.db.reading() as s:
        return [
            (e.entity, e.entity_key, e.field, e.new)
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def test_an_imports_updates_have_one_entry_naming_the_file_and_the_counts(
    tracker: Tracker, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    plans.import_plan(tracker, plan)
    trail = entries(tracker)
    updates = [e for e in trail if e[0] == "status_update"]
    assert updates == [
        ("status_update", str(plan), None, "created 4 status updates of 2 actions"),
    ]
    kinds = [e[0] for e in trail]
    # the trail reads in the order things were made: actions, their updates, then meetings
    assert kinds.index("status_update") > max(i for i, k in enumerate(kinds) if k == "action")
    assert kinds.index("meeting") > kinds.index("status_update")
    # the entry carries the import's one instant and actor, as every other entry of it does
    with tracker.db.reading() as s:
        stamps = set(s.execute(select(AuditEntry.at, AuditEntry.actor, AuditEntry.operation)))
        stored = s.execute(
            select(StatusUpdate.recorded_at, StatusUpdate.recorded_by).order_by(StatusUpdate.id)
        ).all()
    assert len(stamps) == 1
    # who recorded each update, and when, is in the update itself, as the file gives it
    assert [(at.replace(tzinfo=None), by) for at, by in stored] == [
        (dt.datetime(2024, 5, 1, 9), "Ann"),
        (dt.datetime(2024, 6, 1, 9, 0, 0, 250000), "Ann"),
        (dt.datetime(2024, 7, 1, 9, 0, 0, 1), LONG_NAME),
        (dt.datetime(2024, 4, 30, 23, 59, 59), "Łukasz"),
    ]


def test_re_importing_adds_an_entry_only_for_new_updates(tracker: Tracker, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    plans.import_plan(tracker, plan)
    before = entries(tracker)
    plans.import_plan(tracker, plan)
    assert entries(tracker) == before  # nothing new: no entry
    plan.write_text(PLAN.replace(
        "      - {at: 2024-04-30T23:59:59, by: Łukasz, status: not started, progress: 0}\n",
        "      - {at: 2024-04-30T23:59:59, by: Łukasz, status: not started, progress: 0}\n"
        "      - {at: 2024-08-01T10:30:00.5, by: Bo, status: not started, progress: 0}\n",
    ), encoding="utf-8")  # fmt: skip
    plans.import_plan(tracker, plan)
    added = entries(tracker)[len(before) :]
    assert [e for e in added if e[0] == "status_update"] == [
        ("status_update", str(plan), None, "created 1 status update of 1 action")
    ]


def test_the_entries_of_many_creations_are_each_the_one_entry_of_one() -> None:
    """`said_of_each` (a plan import's "created" of each item) gives, key by key, what
    `said_at` gives for that key alone: the long key cut the same way."""
    from tracker.domain import audit

    at = dt.datetime(2026, 3, 1, 9, 30)
    keys = ["A-1", LONG_NAME, "x" * 250]
    many = audit.said_of_each(at, "Ann", "import", "action", keys, "created")
    assert many == [audit.said_at(at, "Ann", "import", "action", k, "created") for k in keys]
    assert len(many[2]["entity_key"]) == audit.KEY_MAX
