"""Importing plans, on SQLite and PostgreSQL: all or nothing, idempotent, updates keyed by
refs and codes, audited. Exporting them and the round trip: test_plans_export.py."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from tracker.errors import InvalidInput
from tracker.models import (
    Action,
    AuditEntry,
    Base,
    Board,
    Commitment,
    FollowUp,
    IndicatorReading,
    Resolution,
    StatusUpdate,
)
from tracker.services import plans
from tracker.services.context import Tracker

DATA = Path(__file__).parent / "data" / "plans"
SMALL = DATA / "small.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "bad-cases.yaml").read_text("utf-8"))
BAD_FILES = [
    "syntax-error.yaml", "not-utf8.yaml", "empty.yaml", "comments-only.yaml", "repeated-key.yaml",
]  # fmt: skip
UTC = dt.UTC


# -- helpers ---------------------------------------------------------------------------------------


def snapshot(t: Tracker) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    with t.db.reading() as s:
        return {
            table.name: [
                tuple(row) for row in s.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def write_edited(tmp_path: Path, edits: list[tuple[str, str]], name: str = "edited.yaml") -> Path:
    text = SMALL.read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def action(t: Tracker, ref: str) -> Action:
    with t.db.reading() as s:
        return s.scalars(select(Action).where(Action.ref == ref)).one()


def audit_rows(t: Tracker, **where: Any) -> list[AuditEntry]:
    with t.db.reading() as s:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        for name, value in where.items():
            stmt = stmt.where(getattr(AuditEntry, name) == value)
        return list(s.scalars(stmt))


# -- importing -------------------------------------------------------------------------------------


def test_import_creates_everything(tracker: Tracker) -> None:
    result = plans.import_plan(tracker, SMALL)
    assert not result.dry_run and result.strategy == "Test Strategy 2024-2029"
    counts = dict(plans.validate_plan(SMALL).counts)
    for section in result.sections:
        assert section.created == counts.get(section.section, 1), section
        assert (section.updated, section.unchanged, section.left) == (0, 0, 0)
    assert result.actions_total == 4

    p102 = action(tracker, "P1-02")
    assert (p102.status, p102.rag, p102.progress, p102.version) == ("in progress", "amber", 40, 1)
    assert p102.start == dt.date(2024, 4, 1) and p102.due == dt.date(2025, 3, 31)
    assert p102.latest_update_at == dt.datetime(2025, 2, 3, 10, 0, tzinfo=UTC)
    assert p102.latest_commentary == "Roadmap drafted.\nPartner sign-off slipping."
    assert p102.description == "A description over\ntwo lines.\n"
    with tracker.db.reading() as s:
        a = s.scalars(select(Action).where(Action.ref == "P2-01")).one()
        assert [d.ref for d in a.depends_on] == ["P1-01", "P1-02"]
        assert [o.code for o in a.outcomes] == ["good-education"]
        assert a.lead_organisation is not None and a.lead_organisation.code == "police"
        assert a.stage is not None and a.stage.number == 2
        locality = s.scalars(select(Board).where(Board.code == "locality-board")).one()
        assert locality.parent is not None and locality.parent.code == "families-board"
        assert locality.parent.parent is not None
        assert locality.parent.parent.code == "top-board"
        commitments = s.scalars(select(Commitment.text).order_by(Commitment.position)).all()
        assert commitments == ["Open family hubs.", "Provide baby packs."]
        readings = s.execute(select(IndicatorReading.date, IndicatorReading.value)).all()
        assert sorted(readings, key=str) == sorted(
            [(dt.date(2024, 9, 1), 62.5), (None, 70.0)], key=str
        )
        res = s.scalars(select(Resolution).where(Resolution.number == "2")).one()
        title = "Introduction to the Strategy"
        expected = hashlib.sha256(f"{title}\x1f2\x1f{res.text}".encode()).hexdigest()
        assert res.fingerprint == expected and res.item_title == title
        followups = s.scalars(select(FollowUp).order_by(FollowUp.position)).all()
        assert [f.text for f in followups] == ["provide members with data", "circulate the slides"]
        assert all(f.meeting_id == res.meeting_id and f.resolution_id == res.id for f in followups)
        assert (
            followups[0].fingerprint
            == hashlib.sha256(b"2\x1f0\x1fprovide members with data").hexdigest()
        )
        assert followups[0].owner is not None and followups[0].owner.code == "ad-early-help"


def test_import_audits_each_created_record(tracker: Tracker) -> None:
    result = plans.import_plan(tracker, SMALL)
    rows = audit_rows(tracker)
    # one entry per created record, but one for all the status updates together
    assert len(rows) == result.created - result.section("updates").created + 1
    records = [r for r in rows if r.entity != "status_update"]
    assert {(r.operation, r.field, r.new, r.actor) for r in records} == {
        ("import", None, "created", "Test User")
    }
    actions = sorted(r.entity_key for r in rows if r.entity == "action")
    assert actions == ["P1-01", "P1-02", "P10-01", "P2-01"]
    [updates] = [r for r in rows if r.entity == "status_update"]
    assert (updates.entity_key, updates.new, updates.actor) == (
        str(SMALL),
        "created 2 status updates of 1 action",
        "Test User",
    )


def test_reimport_changes_nothing(tracker: Tracker) -> None:
    plans.import_plan(tracker, SMALL)
    before = snapshot(tracker)
    result = plans.import_plan(tracker, SMALL)
    assert (result.created, result.updated, result.left) == (0, 0, 0)
    assert result.unchanged == sum(dict(plans.validate_plan(SMALL).counts).values()) + 1
    assert not result.changed
    assert snapshot(tracker) == before  # no audit entries, versions unchanged, nothing at all


def test_edited_plan_updates_what_changed(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    before_audit = len(audit_rows(tracker))
    edited = write_edited(tmp_path, [
        ("    title: Build the roadmap\n", "    title: Build the roadmap together\n"),
        ("outcomes: [good-education]", "outcomes: [good-education, health]"),
        ("    name: Supporting Families Board\n", "    name: Families Board\n"),
        ("            status: done\n", "            status: open\n"),
        ("        value: 62.5\n", "        value: 63\n"),
        ("      - Provide baby packs.\n", "      - Provide baby packs to every family.\n"),
        ("  - ref: P10-01\n    title: A ref that sorts after P2 when numbers compare as numbers\n"
         "    phase: 3\n", ""),
    ])  # fmt: skip
    result = plans.import_plan(tracker, edited)
    by = {s.section: s for s in result.sections}
    assert (by["actions"].updated, by["actions"].unchanged, by["actions"].left) == (2, 1, 1)
    assert (by["boards"].updated, by["followups"].updated) == (1, 1)
    assert (by["readings"].updated, by["commitments"].updated) == (1, 1)
    assert result.created == 0 and result.updated == 6 and result.left == 1

    p102 = action(tracker, "P1-02")
    assert p102.title == "Build the roadmap together" and p102.version == 2
    assert action(tracker, "P10-01").version == 1  # absent from the file: left as it was
    assert action(tracker, "P1-01").version == 1
    new = audit_rows(tracker)[before_audit:]
    assert {r.operation for r in new} == {"import"}
    title = [r for r in new if r.entity == "action" and r.field == "title"]
    assert [(r.entity_key, r.old, r.new) for r in title] == [
        ("P1-02", "Build the roadmap", "Build the roadmap together")
    ]
    outcomes = [r for r in new if r.field == "outcomes"]
    assert [(r.entity_key, r.old, r.new) for r in outcomes] == [
        ("P2-01", '["good-education"]', '["good-education", "health"]')
    ]
    with tracker.db.reading() as s:
        a = s.scalars(select(Action).where(Action.ref == "P2-01")).one()
        assert sorted(o.code for o in a.outcomes) == ["good-education", "health"]
        assert a.version == 2
    fields = sorted((r.entity, r.field) for r in new)
    assert fields == sorted([
        ("action", "title"), ("action", "outcomes"), ("board", "name"), ("followup", "status"),
        ("indicator_reading", "value"), ("commitment", "text"),
    ])  # fmt: skip
    # and importing the edited file again changes nothing more
    again = plans.import_plan(tracker, edited)
    assert (again.created, again.updated) == (0, 0)


def test_board_parent_change_is_audited_with_codes(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    edited = write_edited(tmp_path, [("    parent: families-board\n", "    parent: top-board\n")])
    plans.import_plan(tracker, edited)
    [row] = audit_rows(tracker, field="parent")
    assert (row.entity, row.entity_key, row.old, row.new) == (
        "board", "locality-board", "families-board", "top-board",
    )  # fmt: skip
    with tracker.db.reading() as s:
        board = s.scalars(select(Board).where(Board.code == "locality-board")).one()
        assert board.version == 2


def test_updates_are_append_only(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    edited = write_edited(tmp_path, [
        ("        commentary: Started.\n", "        commentary: Started (edited).\n"),
        ("    depends_on: []\n    updates: []\n  - ref: P10-01",
         "    depends_on: []\n    updates:\n"
         "      - {at: 2024-12-31T17:00:00, by: Ann, status: complete, rag: green,"
         " progress: 100, commentary: Done.}\n  - ref: P10-01"),
    ])  # fmt: skip
    result = plans.import_plan(tracker, edited)
    updates = result.section("updates")
    assert (updates.created, updates.updated, updates.unchanged) == (1, 0, 2)
    with tracker.db.reading() as s:
        texts = s.scalars(select(StatusUpdate.commentary).order_by(StatusUpdate.id)).all()
    assert texts == ["Started.", "Roadmap drafted.\nPartner sign-off slipping.", "Done."]
    p101 = action(tracker, "P1-01")
    assert p101.latest_update_at == dt.datetime(2024, 12, 31, 17, 0, tzinfo=UTC)
    assert p101.latest_commentary == "Done."
    assert result.section("actions").updated == 1  # P1-01's latest update moved
    [row] = audit_rows(tracker, entity="status_update", entity_key=str(edited))
    assert row.new == "created 1 status update of 1 action"


def test_file_values_are_the_current_position(tracker: Tracker, tmp_path: Path) -> None:
    # the file's status/RAG/progress differ from its latest update: the file wins
    edited = write_edited(tmp_path, [
        ("    rag: amber\n    progress: 40\n    depends_on", "    rag: red\n    progress: 45\n"
         "    depends_on"),
    ])  # fmt: skip
    plans.import_plan(tracker, edited)
    p102 = action(tracker, "P1-02")
    assert (p102.status, p102.rag, p102.progress) == ("in progress", "red", 45)
    assert p102.latest_update_at == dt.datetime(2025, 2, 3, 10, 0, tzinfo=UTC)
    assert p102.latest_commentary == "Roadmap drafted.\nPartner sign-off slipping."
    # an older update imported later does not move latest_*
    older = write_edited(tmp_path, [
        ("    rag: amber\n    progress: 40\n    depends_on", "    rag: red\n    progress: 45\n"
         "    depends_on"),
        ("    updates:\n      - at: 2024-06-01T09:00:00",
         "    updates:\n      - {at: 2024-05-01T09:00:00, by: Al, status: not started,"
         " progress: 0}\n      - at: 2024-06-01T09:00:00"),
    ], name="older.yaml")  # fmt: skip
    result = plans.import_plan(tracker, older)
    assert result.section("updates").created == 1
    assert result.section("actions").updated == 0
    assert action(tracker, "P1-02").latest_commentary == p102.latest_commentary


def test_dry_run_stores_nothing(tracker: Tracker, tmp_path: Path) -> None:
    empty = snapshot(tracker)
    dry = plans.import_plan(tracker, SMALL, dry_run=True)
    assert dry.dry_run and dry.created == plans.import_plan(tracker, SMALL, dry_run=True).created
    assert snapshot(tracker) == empty
    real = plans.import_plan(tracker, SMALL)
    assert dry.sections == real.sections
    loaded = snapshot(tracker)
    edited = write_edited(tmp_path, [("    title: Build the roadmap\n", "    title: Changed\n")])
    dry = plans.import_plan(tracker, edited, dry_run=True)
    assert dry.section("actions").updated == 1
    assert snapshot(tracker) == loaded


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_plan_changes_nothing(tracker: Tracker, tmp_path: Path, case: dict[str, Any]) -> None:
    plans.import_plan(tracker, SMALL)
    edited = write_edited(tmp_path, [tuple(e) for e in case["edits"]])  # type: ignore[misc]
    before = snapshot(tracker)
    with pytest.raises(InvalidInput) as info:
        plans.import_plan(tracker, edited)
    assert any(p.field == case["field"] for p in info.value.problems)
    assert snapshot(tracker) == before


@pytest.mark.parametrize("name", BAD_FILES)
def test_unreadable_plan_changes_nothing(tracker: Tracker, name: str) -> None:
    before = snapshot(tracker)
    with pytest.raises(InvalidInput) as info:
        plans.import_plan(tracker, DATA / name)
    assert info.value.problems[0].file == str(DATA / name)
    assert snapshot(tracker) == before


def test_ref_of_another_strategy_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    other = write_edited(
        tmp_path, [("  title: Test Strategy 2024-2029\n", "  title: Another Strategy\n")]
    )
    before = snapshot(tracker)
    with pytest.raises(InvalidInput) as info:
        plans.import_plan(tracker, other)
    problems = info.value.problems
    assert [p.field for p in problems] == [
        "actions[0].ref", "actions[1].ref", "actions[2].ref", "actions[3].ref",
    ]  # fmt: skip
    assert "belongs to another strategy" in problems[0].message
    assert "Test Strategy 2024-2029" in problems[0].message
    text = other.read_text("utf-8")
    assert problems[0].line == text[: text.index("P1-02")].count("\n") + 1
    assert snapshot(tracker) == before


@pytest.mark.parametrize("into", ["an empty database", "a database holding the plan"])
def test_failure_half_way_leaves_nothing(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch, into: str
) -> None:
    """On either road: the driver alone into an empty database (tracker.plans.fresh), the
    importer on a session into one that holds a plan already."""
    from tracker.plans import fresh, import_meetings

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    if into != "an empty database":
        plans.import_plan(tracker, SMALL)
    before = snapshot(tracker)
    monkeypatch.setattr(import_meetings, "run", fail)
    monkeypatch.setattr(fresh.FreshPlan, "_meetings", fail)
    with pytest.raises(RuntimeError):
        plans.import_plan(tracker, SMALL)  # actions were already written when this fails
    assert snapshot(tracker) == before
