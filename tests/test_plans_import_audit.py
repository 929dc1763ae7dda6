"""The audit trail of a plan import's status updates, on SQLite and PostgreSQL: one "created"
entry per update, keyed by the action's ref, when (ISO, microseconds only when there are some)
and by whom, cut at 200 characters; in the order of the file, after the actions' entries.

On SQLite the database words these keys itself from the rows it just stored
(tracker.plans.import_actions.SQLITE_UPDATE_KEYS); elsewhere Python does (`update_key`). Both
must read as a user searching the trail for an update would type it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tracker.models import AuditEntry
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


def test_each_imported_update_has_its_created_entry_keyed_as_typed(
    tracker: Tracker, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    plans.import_plan(tracker, plan)
    trail = entries(tracker)
    updates = [e for e in trail if e[0] == "status_update"]
    assert updates == [
        ("status_update", "A-2 2024-05-01T09:00:00 Ann", None, "created"),
        ("status_update", "A-2 2024-06-01T09:00:00.250000 Ann", None, "created"),
        ("status_update", f"A-2 2024-07-01T09:00:00.000001 {LONG_NAME}"[:200], None, "created"),
        ("status_update", "A-1 2024-04-30T23:59:59 Łukasz", None, "created"),
    ]
    assert len(updates[2][1]) == 200
    kinds = [e[0] for e in trail]
    # the trail reads in the order things were made: actions, their updates, then meetings
    assert kinds.index("status_update") > max(i for i, k in enumerate(kinds) if k == "action")
    assert kinds.index("meeting") > max(i for i, k in enumerate(kinds) if k == "status_update")
    # the entries carry the import's one instant and actor, as every other entry of it does
    with tracker.db.reading() as s:
        stamps = set(s.execute(select(AuditEntry.at, AuditEntry.actor, AuditEntry.operation)))
    assert len(stamps) == 1


def test_re_importing_adds_entries_only_for_new_updates(tracker: Tracker, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    plans.import_plan(tracker, plan)
    before = entries(tracker)
    plan.write_text(PLAN.replace(
        "      - {at: 2024-04-30T23:59:59, by: Łukasz, status: not started, progress: 0}\n",
        "      - {at: 2024-04-30T23:59:59, by: Łukasz, status: not started, progress: 0}\n"
        "      - {at: 2024-08-01T10:30:00.5, by: Bo, status: not started, progress: 0}\n",
    ), encoding="utf-8")  # fmt: skip
    plans.import_plan(tracker, plan)
    added = entries(tracker)[len(before) :]
    assert ("status_update", "A-1 2024-08-01T10:30:00.500000 Bo", None, "created") in added
    assert [e for e in added if e[0] == "status_update"] == [
        ("status_update", "A-1 2024-08-01T10:30:00.500000 Bo", None, "created")
    ]
