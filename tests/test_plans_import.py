"""Importing and exporting plans, on SQLite and PostgreSQL: all or nothing, idempotent,
updates keyed by refs and codes, audited, and lossless through export."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select

from tracker.errors import InvalidInput, NotFound
from tracker.models import (
    Action,
    AuditEntry,
    Base,
    Board,
    Commitment,
    FollowUp,
    IndicatorReading,
    Meeting,
    Resolution,
    StatusUpdate,
)
from tracker.plans import canonical_text
from tracker.services import plans
from tracker.services.context import Tracker

DATA = Path(__file__).parent / "data" / "plans"
SMALL = DATA / "small.yaml"
SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "early-help-2024-2029.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "bad-cases.yaml").read_text("utf-8"))
BAD_FILES = [
    "syntax-error.yaml", "not-utf8.yaml", "empty.yaml", "comments-only.yaml", "repeated-key.yaml",
]  # fmt: skip
UTC = dt.UTC


# -- helpers ---------------------------------------------------------------------------------------


def without_calendar_ids(text: str) -> str:
    """A plan file's text without the calendar UIDs and SEQUENCEs an export adds."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not re.match(r"\s+(uid|sequence): ", line))  # fmt: skip


def snapshot(t: Tracker) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    with t.db.reading() as s:
        return {
            table.name: [
                tuple(row) for row in s.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def wipe(t: Tracker) -> None:
    with t.db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


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


def generate_plan(title: str, prefix: str, n_actions: int, updates: int, boards: int) -> str:
    """A plan of the given size (the benchmark's shape, smaller)."""
    out = [
        "schema: tracker-plan/1",
        f"strategy: {{title: {title}, period: {{start: 2024, end: 2029}}}}",
        "people: [{code: p1, name: Person One}]",
        "boards:",
    ]
    for b in range(boards):
        parent = "null" if b == 0 else "gen-board-00"
        out.append(f"  - {{code: gen-board-{b:02d}, name: Board {b}, parent: {parent}}}")
    out += ["phases: [{number: 1}, {number: 2}]", "outcomes: [{code: gen-outcome, name: O}]"]
    out.append("actions:")
    for a in range(n_actions):
        deps = f"[{prefix}-{a - 1:04d}]" if a else "[]"
        out += [
            f"  - ref: {prefix}-{a:04d}",
            f"    title: Action {a}",
            f"    phase: {a % 2 + 1}",
            "    outcomes: [gen-outcome]",
            f"    board: gen-board-{a % boards:02d}",
            "    owner: p1",
            "    status: in progress",
            "    rag: amber",
            "    progress: 30",
            f"    depends_on: {deps}",
            "    updates:",
        ]
        for u in range(updates):
            out += [
                f"      - at: 2025-{u % 12 + 1:02d}-03T10:{u % 60:02d}:00",
                "        by: Person One",
                "        status: in progress",
                "        rag: amber",
                f"        progress: {u * 10}",
                f"        commentary: Update {u} on action {a}.",
            ]
    out += ["meetings:"]
    for m in range(max(1, n_actions // 10)):
        out += [
            f"  - board: gen-board-{m % boards:02d}",
            f"    date: 2025-{m % 12 + 1:02d}-{m % 28 + 1:02d}",
            f"    title: {title} meeting {m}",
            "    status: held",
            "    resolutions:",
            '      - {number: "1", kind: resolved, text: Noted.,'
            " followups: [{owner: p1, text: do it, due: 2025-12-31}]}",
        ]
    return "\n".join(out) + "\n"


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


# -- exporting -------------------------------------------------------------------------------------


def test_export_equals_canonical_form_of_the_file(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    folder = tmp_path / "export"
    folder.mkdir()
    out = folder / "out.yaml"
    result = plans.export_plan(tracker, out)
    assert result.path == str(out) and result.strategy == "Test Strategy 2024-2029"
    # the file as written, plus each meeting's and follow-up's calendar UID and SEQUENCE
    assert without_calendar_ids(out.read_text("utf-8")) == canonical_text(SMALL)
    assert out.read_text("utf-8") == result.text
    assert result.count("actions") == 4
    assert [p.name for p in folder.iterdir()] == ["out.yaml"]  # no temporary file left


def test_export_import_export_is_byte_identical(tracker: Tracker, tmp_path: Path) -> None:
    plans.import_plan(tracker, SMALL)
    first = tmp_path / "first.yaml"
    plans.export_plan(tracker, first)
    wipe(tracker)
    assert plans.import_plan(tracker, first).created > 0
    second = tmp_path / "second.yaml"
    plans.export_plan(tracker, second)
    assert first.read_bytes() == second.read_bytes()


def test_shipped_plan_round_trip(tracker: Tracker, tmp_path: Path) -> None:
    if not SHIPPED.exists():
        pytest.skip("the shipped plan is not written yet")
    plans.import_plan(tracker, SHIPPED)
    first = plans.export_plan(tracker, tmp_path / "first.yaml")
    assert without_calendar_ids(first.text) == canonical_text(SHIPPED)
    assert plans.import_plan(tracker, SHIPPED).changed is False
    wipe(tracker)
    plans.import_plan(tracker, tmp_path / "first.yaml")
    second = plans.export_plan(tracker, tmp_path / "second.yaml")
    assert (tmp_path / "first.yaml").read_bytes() == (tmp_path / "second.yaml").read_bytes()
    assert second.count("actions") == first.count("actions") > 0


def test_calendar_uids_and_sequence_survive_a_rebuild_from_an_export(
    tracker: Tracker, tmp_path: Path
) -> None:
    """A database rebuilt from a plan export keeps every meeting's and follow-up's calendar UID,
    and SEQUENCE carries on from the plan's count (an edit after the rebuild counts on)."""
    import uuid

    from tracker.services.calendar import build_calendar

    def events(t: Tracker) -> dict[str, tuple[str, int]]:
        from icalendar import Calendar

        cal = Calendar.from_ical(build_calendar(t, closed_within=None).data)
        return {str(e["summary"]): (str(e["uid"]), int(e["sequence"]))
                for e in cal.walk("VEVENT")}  # fmt: skip

    plans.import_plan(tracker, SMALL)
    with tracker.db.writing() as s:  # two edits to one meeting: its SEQUENCE is 2
        m = s.scalars(select(Meeting).where(Meeting.date.is_not(None))).first()
        assert m is not None
        m.location = "Room 1"
        s.flush()
        m.location = "Room 2"
    before = events(tracker)
    assert before and all(uuid.UUID(uid) for uid, _ in before.values())
    assert len({uid for uid, _ in before.values()}) == len(before)  # no two alike
    assert 2 in {seq for _, seq in before.values()}
    export = tmp_path / "export.yaml"
    plans.export_plan(tracker, export)
    wipe(tracker)
    plans.import_plan(tracker, export)
    assert events(tracker) == before  # same UIDs, same SEQUENCEs
    edited = next(uid for uid, seq in before.values() if seq == 2)
    with tracker.db.writing() as s:
        m = s.scalars(select(Meeting).where(Meeting.uid == edited)).one()
        m.location = "Room 3"
    after = events(tracker)
    changed = {k for k in after if after[k] != before[k]}
    assert [after[k] for k in changed] == [(edited, 3)]  # carried on from 2


def test_a_plan_uid_that_is_not_a_uuid_is_refused(tracker: Tracker, tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8").replace("    status: held\n",
                                            "    status: held\n    uid: meeting-1@x\n", 1)  # fmt: skip
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        plans.import_plan(tracker, bad)
    assert "'meeting-1@x' is not a UUID" in str(refused.value)


def test_generated_plan_round_trip(tracker: Tracker, tmp_path: Path) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(generate_plan("Generated", "G", 120, 4, 6), encoding="utf-8")
    result = plans.import_plan(tracker, path)
    assert result.section("updates").created == 480
    assert result.section("actions").created == 120
    again = plans.import_plan(tracker, path)
    assert (again.created, again.updated) == (0, 0)
    exported = plans.export_plan(tracker, tmp_path / "out.yaml")
    assert without_calendar_ids(exported.text) == canonical_text(path)
    with tracker.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(StatusUpdate)) == 480


def test_export_needs_a_strategy_name_when_there_are_several(
    tracker: Tracker, tmp_path: Path
) -> None:
    with pytest.raises(NotFound):
        plans.export_plan(tracker, tmp_path / "none.yaml")
    plans.import_plan(tracker, SMALL)
    other = tmp_path / "other.yaml"
    other.write_text(generate_plan("Other Strategy", "OS", 3, 1, 2), encoding="utf-8")
    plans.import_plan(tracker, other)
    with pytest.raises(InvalidInput) as info:
        plans.export_plan(tracker, tmp_path / "x.yaml")
    assert info.value.problems[0].allowed == "Other Strategy, Test Strategy 2024-2029"
    with pytest.raises(NotFound):
        plans.export_plan(tracker, tmp_path / "x.yaml", strategy="No Such Strategy")
    result = plans.export_plan(tracker, None, strategy="Other Strategy")
    assert result.path is None and not (tmp_path / "x.yaml").exists()
    data = yaml.safe_load(result.text)
    assert [a["ref"] for a in data["actions"]] == ["OS-0000", "OS-0001", "OS-0002"]
    # shared records (boards, people) are in both exports
    assert {b["code"] for b in data["boards"]} >= {"top-board", "gen-board-00"}


def test_loaded_fixture_has_the_shipped_plan(loaded: Tracker) -> None:
    if not SHIPPED.exists():
        pytest.skip("the shipped plan is not written yet")
    with loaded.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Action)) > 0


def test_updates_in_one_second_still_export_and_import(tracker: Tracker, tmp_path: Path) -> None:
    """Stamps are whole seconds; quick updates to one action (a script, the app's update then
    cancel) get a second each, so the export is a valid plan that imports as it was."""
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.edit import cancel_action
    from tracker.services.actions.updates import record_update

    plans.import_plan(tracker, SMALL)
    for n in (10, 20, 30, 40):
        record_update(tracker, "P2-01", progress=n, note=f"step {n}", by="K White")
    cancel_action(tracker, "P2-01", get_action(tracker, "P2-01").version, "Merged into P1-02")
    stamps = [u.recorded_at for u in get_action(tracker, "P2-01").updates]
    assert len(stamps) == 5 and stamps == sorted(set(stamps), reverse=True)
    first = plans.export_plan(tracker, tmp_path / "first.yaml")
    wipe(tracker)
    plans.import_plan(tracker, tmp_path / "first.yaml")
    assert [u.recorded_at for u in get_action(tracker, "P2-01").updates] == stamps
    assert plans.export_plan(tracker, tmp_path / "second.yaml").text == first.text
