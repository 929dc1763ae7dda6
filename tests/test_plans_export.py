"""Exporting plans, on SQLite and PostgreSQL: the canonical form of the file, lossless through
export and import again (calendar UIDs and SEQUENCEs included), the shipped and generated
plans round trip. Importing them: test_plans_import.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from tracker.errors import InvalidInput, NotFound
from tracker.models import (
    Action,
    Base,
    Meeting,
    StatusUpdate,
)
from tracker.plans import canonical_text
from tracker.services import plans
from tracker.services.context import Tracker

SMALL = Path(__file__).parent / "data" / "plans" / "small.yaml"
SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "early-help-2024-2029.yaml"


# -- helpers ---------------------------------------------------------------------------------------


def without_calendar_ids(text: str) -> str:
    """A plan file's text without the calendar UIDs and SEQUENCEs an export adds."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not re.match(r"\s+(uid|sequence): ", line))  # fmt: skip


def wipe(t: Tracker) -> None:
    with t.db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


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
