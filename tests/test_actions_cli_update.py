"""`tracker actions update` as a user types it, on SQLite and PostgreSQL: a status update and its
audit trail, several fields, refusals that change nothing, a stale version's conflict.

The data is tests/data/plans/register.yaml; the tests' today is 2026-03-01 (A-02 and A-05 are
overdue, A-07 is past its date but cancelled, A-04 has no owner, board, stage or date)."""

from __future__ import annotations

import json

import pytest
from actions_cli_helpers import REGISTER, refs, run, show_json
from sqlalchemy import func, select

from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.services.context import Tracker
from tracker.services.plans import import_plan


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def snapshot(t: Tracker) -> tuple[int, int, tuple[tuple[str, int, str, int], ...]]:
    """What a refused command must leave exactly as it was."""
    with t.db.reading() as s:
        updates = s.execute(select(func.count()).select_from(StatusUpdate)).scalar_one()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        actions = tuple(
            (r.ref, r.version, r.status, r.progress)
            for r in s.execute(select(Action).order_by(Action.ref)).scalars()
        )
    return int(updates), int(audit), actions


# --- update ----------------------------------------------------------------------------------


def test_update_records_a_status_update_and_the_audit_trail(register: Tracker) -> None:
    from tracker.services.audit import history

    version = show_json("A-03")["version"]
    result = run("actions", "update", "A-03", "--progress", "70", "--note", "Two hubs staffed")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("A-03: in progress, green, 70% (recorded by Test User;")
    data = show_json("A-03")
    assert data["progress"] == 70 and data["version"] == version + 1  # type: ignore[operator]
    latest = data["updates"][0]  # type: ignore[index]
    assert latest["by"] == "Test User" and latest["commentary"] == "Two hubs staffed"
    assert (latest["status"], latest["rag"], latest["progress"]) == ("in progress", "green", 70)
    trail = history(register, "action", "A-03")
    assert [(a.actor, a.operation, a.field, a.old, a.new) for a in trail[:1]] == [
        ("Test User", "update", "progress", "60", "70")
    ]
    # the register shows the new position
    row = json.loads(run("actions", "list", "--search", "A-03", "--format", "json").stdout)[0]
    assert row["progress"] == 70 and row["last_update"] is not None


def test_update_by_someone_else_with_several_fields(register: Tracker) -> None:
    from tracker.services.audit import history

    result = run(
        "actions", "update", "A-02", "--status", "complete", "--rag", "green",
        "--note", "Roadmap signed off", "--by", "K White",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "complete, green, 100% (recorded by K White;" in result.stdout
    changes = {
        a.field: (a.actor, a.old, a.new)
        for a in history(register, "action", "A-02")
        if a.operation == "update"
    }
    assert changes == {
        "commentary": ("K White", None, "Roadmap signed off"),
        "status": ("K White", "in progress", "complete"),
        "rag": ("K White", "amber", "green"),
        "progress": ("K White", "40", "100"),
    }
    assert show_json("A-02")["updates"][0]["by"] == "K White"  # type: ignore[index]
    assert "A-02" not in refs("--overdue")  # complete: no longer late


@pytest.mark.usefixtures("register")
def test_update_can_clear_the_rag_and_cancel_with_a_reason() -> None:
    result = run("actions", "update", "A-03", "--rag", "none", "--note", "Reassessing")
    assert result.exit_code == 0, result.output
    assert "RAG not assessed" in result.stdout
    assert show_json("A-03")["rag"] is None
    result = run("actions", "update", "A-06", "--status", "cancelled", "--note", "Merged into A-03")
    assert result.exit_code == 0, result.output
    assert "cancelled because  Merged into A-03" in run("actions", "show", "A-06").stdout


BAD_UPDATES = [
    # (ref, args, words the message must contain)
    ("A-03", ["--progress", "150"], ["progress", "150", "0-100"]),
    ("A-03", ["--progress", "-1"], ["progress", "-1", "0-100"]),
    ("A-03", ["--status", "complete", "--progress", "40"], ["progress", "complete", "100%"]),
    ("A-03", ["--rag", "amber"], ["note", "commentary is required", "amber"]),
    ("A-03", ["--rag", "red", "--note", "   "], ["note", "red"]),
    ("A-02", ["--rag", "green", "--progress", "50"], ["note", "past its due date, 31 Jan 2026"]),
    ("A-03", ["--status", "cancelled"], ["note", "cancellation needs the reason"]),
    ("A-07", ["--status", "in progress", "--note", "back on"], ["status", "cancelled"]),
    ("A-03", [], ["nothing to record", "--status, --rag, --progress or --note"]),
    ("Z-99", ["--progress", "10"], ["no action with ref 'Z-99'"]),
    ("A-03", ["--status", "finished"], ["--status", "not started", "cancelled"]),
    ("A-03", ["--rag", "blue"], ["--rag", "green", "amber", "red"]),
    ("A-03", ["--progress", "half"], ["--progress", "half"]),
    ("A-03", ["--progress", "10", "--expect-version", "999"], ["version 999"]),
    ("A-03", ["--progress", "10", "--by", "x" * 201], ["by", "at most 200"]),
]


def test_a_bad_update_is_refused_and_changes_nothing(register: Tracker) -> None:
    before = snapshot(register)
    for ref, args, words in BAD_UPDATES:
        result = run("actions", "update", ref, *args)
        case = " ".join([ref, *args])
        assert result.exit_code == 2, (case, result.output)
        assert "Traceback" not in result.output, case
        assert [w for w in words if w not in result.stderr] == [], (case, result.stderr)
        assert snapshot(register) == before, case


def test_several_problems_are_reported_together(register: Tracker) -> None:
    result = run("actions", "update", "A-03", "--progress", "101", "--rag", "red")
    assert result.exit_code == 2
    assert "refused, nothing was changed (2 problems)" in result.stderr
    assert "progress: 101 is not a whole percentage (allowed: 0-100)" in result.stderr
    assert "note: commentary is required when the RAG is red" in result.stderr


def test_a_stale_expected_version_is_a_conflict_listing_what_changed(register: Tracker) -> None:
    read = show_json("A-03")["version"]
    result = run(
        "actions", "update", "A-03", "--progress", "70", "--rag", "amber", "--note", "Slipping",
        "--by", "Someone Else",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    before = snapshot(register)
    result = run(
        "actions", "update", "A-03", "--progress", "65", "--note", "Mine",
        "--expect-version", str(read),
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    err = result.stderr
    assert f"conflict: action A-03 changed since you read it: version {read} is now" in err
    assert "latest update by Someone Else" in err
    assert "rag: you read 'green', it is now 'amber'" in err
    assert "progress: you read '60', it is now '70'" in err
    assert "nothing was overwritten" in err
    assert snapshot(register) == before
    assert show_json("A-03")["progress"] == 70
    # naming the version now current lands
    now = show_json("A-03")["version"]
    result = run(
        "actions", "update", "A-03", "--progress", "65", "--note", "Mine",
        "--expect-version", str(now),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
