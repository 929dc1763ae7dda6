"""The services behind the register: finding actions, recording updates, the audit trail, the
overview. On SQLite and PostgreSQL; data from tests/data/plans/register.yaml (today 2026-03-01)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.cli.common import exit_code
from tracker.errors import Conflict, InvalidInput, NotFound
from tracker.models import AuditEntry, StatusUpdate
from tracker.services.actions.detail import count_updates, get_action
from tracker.services.actions.register import ActionFilter, list_actions
from tracker.services.actions.updates import check_update, record_update
from tracker.services.audit import history
from tracker.services.context import Tracker
from tracker.services.dashboard import get_dashboard
from tracker.services.plans import import_plan

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def register(tracker: Tracker) -> Tracker:
    import_plan(tracker, REGISTER)
    return tracker


def counts(t: Tracker) -> tuple[int, int]:
    with t.db.reading() as s:
        updates = s.execute(select(func.count()).select_from(StatusUpdate)).scalar_one()
        audit = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return int(updates), int(audit)


def refs(t: Tracker, f: ActionFilter | None = None) -> list[str]:
    return [r.ref for r in list_actions(t, f or ActionFilter()).rows]


# --- finding actions ---------------------------------------------------------------------------


def test_rows_carry_what_the_register_shows(register: Tracker) -> None:
    rows = {r.ref: r for r in list_actions(register).rows}
    a02 = rows["A-02"]
    assert (a02.phase, a02.phase_name, a02.stage, a02.stage_name) == (
        1, "Design", 2, "Focused family help",
    )  # fmt: skip
    assert (a02.board, a02.board_name) == ("sfb", "Supporting Families Board")
    assert a02.owner == "Ben Brown (Police Inspector)"
    assert (a02.due, a02.status, a02.rag, a02.progress) == (
        dt.date(2026, 1, 31), "in progress", "amber", 40,
    )  # fmt: skip
    assert a02.overdue and rows["A-05"].overdue
    assert not rows["A-07"].overdue  # cancelled
    assert not rows["A-03"].overdue  # not yet due
    assert rows["A-03"].owner == "Assistant Director for Early Help"  # a role alone
    a04 = rows["A-04"]
    assert (a04.board, a04.owner, a04.stage, a04.due, a04.rag) == (None,) * 5
    assert rows["A-01"].last_update == dt.datetime(2025, 6, 20, 9, 0, tzinfo=dt.UTC)


def test_filters_in_the_service(register: Tracker) -> None:
    assert refs(register, ActionFilter(refs=("A-05", "A-01", "Z-1"))) == ["A-01", "A-05"]
    assert refs(register, ActionFilter(owner="ad-early-help")) == ["A-03"]
    assert refs(register, ActionFilter(board="cfb", overdue=True, rag="red")) == ["A-05"]
    assert refs(register, ActionFilter(due_before=dt.date(2025, 7, 1))) == ["A-01"]


def test_paging_and_total(register: Tracker) -> None:
    page = list_actions(register, sort="due", limit=3, offset=2, with_total=True)
    # A-04 has no due date: by the end of phase 2 (31 Mar 2026), so before A-03 (30 Jun 2026)
    assert [r.ref for r in page.rows] == ["A-05", "A-02", "A-04"]
    assert page.total == 8
    page = list_actions(register, ActionFilter(phase=2), limit=1, with_total=True)
    assert [r.ref for r in page.rows] == ["A-03"] and page.total == 3
    page = list_actions(register, offset=6, with_total=True)  # the rest, from the 7th
    assert [r.ref for r in page.rows] == ["A-07", "A-08"] and page.total == 8


@pytest.mark.parametrize(
    ("f", "sort", "field"),
    [
        (ActionFilter(status="done"), "ref", "status"),
        (ActionFilter(rag="blue"), "ref", "rag"),
        (ActionFilter(), "colour", "sort"),
    ],
)
def test_a_bad_filter_names_the_field_and_what_is_allowed(
    register: Tracker, f: ActionFilter, sort: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        list_actions(register, f, sort=sort)
    (problem,) = caught.value.problems
    assert problem.field == field and problem.allowed


def test_get_action_detail(register: Tracker) -> None:
    d = get_action(register, "A-01")
    assert d.ref == "A-01" and d.description is None
    assert d.start == dt.date(2024, 4, 1)
    assert d.lead_organisation == "Test Borough Council" and d.owner_code == "amy"
    assert d.outcomes == ("Getting a good education",)
    assert [u.commentary for u in d.updates] == [
        "Offer map published",
        "Half the localities mapped",
    ]
    assert [u.commentary for u in get_action(register, "A-01", history=1).updates] == [
        "Offer map published"
    ]
    assert [x.ref for x in get_action(register, "A-08").depends_on] == ["A-03"]
    assert [x.ref for x in get_action(register, "A-03").dependents] == ["A-08"]
    assert count_updates(register, "A-01") == 2 and count_updates(register, "A-04") == 0
    with pytest.raises(NotFound, match="no action with ref 'Z-99'"):
        get_action(register, "Z-99")


def test_history_is_newest_first_even_within_one_second(register: Tracker) -> None:
    for n in (10, 20, 30):
        record_update(register, "A-06", progress=n, note=f"step {n}")
    assert [u.progress for u in get_action(register, "A-06").updates] == [30, 20, 10]


# --- recording updates -------------------------------------------------------------------------


def test_record_update_moves_the_action_and_audits_each_changed_field(register: Tracker) -> None:
    before = get_action(register, "A-03")
    result = record_update(register, "A-03", progress=80, rag="amber", note="Slower", by="K W")
    assert (result.ref, result.status, result.rag, result.progress) == (
        "A-03", "in progress", "amber", 80,
    )  # fmt: skip
    assert result.version == before.version + 1 and result.recorded_by == "K W"
    after = get_action(register, "A-03")
    assert (after.row.rag, after.row.progress, after.version) == ("amber", 80, result.version)
    assert after.updates[0].commentary == "Slower" and after.updates[0].recorded_by == "K W"
    trail = [a for a in history(register, "action", "A-03") if a.operation == "update"]
    assert {(a.actor, a.field, a.old, a.new) for a in trail} == {
        ("K W", "commentary", None, "Slower"),
        ("K W", "rag", "green", "amber"),
        ("K W", "progress", "60", "80"),
    }


def test_record_update_defaults(register: Tracker) -> None:
    # by defaults to user.name; complete without a % means 100%; None clears the RAG
    result = record_update(register, "A-06", status="complete")
    assert (result.recorded_by, result.progress, result.status) == ("Test User", 100, "complete")
    result = record_update(register, "A-03", rag=None, note="Reassessing")
    assert result.rag is None and get_action(register, "A-03").row.rag is None
    # a note alone records an update and changes nothing else; it is audited
    result = record_update(register, "A-08", note="Nothing to report")
    assert (result.status, result.progress) == ("not started", 0)
    trail = history(register, "action", "A-08")
    assert (trail[0].field, trail[0].new) == ("commentary", "Nothing to report")


def test_cancelling_keeps_the_reason_and_closes_the_action(register: Tracker) -> None:
    record_update(register, "A-06", status="cancelled", note="  Merged into A-03  ")
    d = get_action(register, "A-06")
    assert d.row.status == "cancelled" and d.cancelled_reason == "Merged into A-03"
    with pytest.raises(InvalidInput, match="the action is cancelled"):
        record_update(register, "A-06", status="in progress", note="back")


BAD = [
    ("A-03", {"progress": 150}, "progress", "0-100"),
    ("A-03", {"progress": -1}, "progress", "0-100"),
    ("A-03", {"status": "complete", "progress": 40}, "progress", None),
    ("A-03", {"status": "done"}, "status", "not started, in progress, complete, cancelled"),
    ("A-03", {"rag": "blue", "note": "x"}, "rag", "green, amber, red"),
    ("A-03", {"rag": "red"}, "note", None),
    ("A-02", {"rag": "green", "progress": 50}, "note", None),  # overdue
    ("A-05", {"rag": "green"}, "note", None),  # overdue, not started
    ("A-03", {"status": "cancelled", "note": " "}, "note", None),
    ("A-03", {"progress": 10, "expected_version": 99}, "expected version", None),
    ("A-03", {"progress": 10, "by": "x" * 201}, "by", "at most 200"),
]


@pytest.mark.parametrize(("ref", "kwargs", "field", "allowed"), BAD)
def test_a_bad_update_is_refused_whole(
    register: Tracker, ref: str, kwargs: dict[str, object], field: str, allowed: str | None
) -> None:
    before = counts(register), get_action(register, ref)
    with pytest.raises(InvalidInput) as caught:
        record_update(register, ref, **kwargs)  # type: ignore[arg-type]
    assert [p.field for p in caught.value.problems] == [field]
    assert caught.value.problems[0].allowed == allowed
    assert (counts(register), get_action(register, ref)) == before


def test_an_unknown_ref_is_not_found(register: Tracker) -> None:
    before = counts(register)
    with pytest.raises(NotFound, match="no action with ref 'Z-9'"):
        record_update(register, "Z-9", progress=5)
    assert counts(register) == before


def test_a_stale_version_is_a_conflict_and_changes_nothing(register: Tracker) -> None:
    read = get_action(register, "A-03").version
    record_update(register, "A-03", progress=70, note="first", by="Ann")
    record_update(register, "A-03", status="complete", note="second", by="Bob")
    before = counts(register), get_action(register, "A-03")
    with pytest.raises(Conflict) as caught:
        record_update(register, "A-03", progress=65, note="stale", expected_version=read)
    assert f"version {read} is now {read + 2}" in str(caught.value)
    assert "latest update by Bob" in str(caught.value)
    assert exit_code(caught.value) == 3  # what the CLI exits with
    assert {c.field: (c.yours, c.theirs, c.who) for c in caught.value.changes} == {
        "status": ("in progress", "complete", "Bob"),
        "progress": ("60", "100", "Bob"),
        "commentary": ("-", "second", "Bob"),
    }
    assert (counts(register), get_action(register, "A-03")) == before
    # one write behind: only the last write's changes
    with pytest.raises(Conflict) as caught:
        record_update(register, "A-03", note="stale", expected_version=read + 1)
    assert {c.field: (c.yours, c.theirs, c.who) for c in caught.value.changes} == {
        "status": ("in progress", "complete", "Bob"),
        "progress": ("70", "100", "Bob"),
        "commentary": ("first", "second", "Bob"),
    }
    # the current version lands
    assert record_update(register, "A-03", note="ok", expected_version=read + 2).version == (
        read + 3
    )


def test_check_update_rules() -> None:
    def fields(**kw: object) -> list[str]:
        args: dict[str, object] = {
            "current_status": "in progress", "due": None, "today": TODAY,
            "status": "in progress", "rag": None, "progress": 0, "note": None,
        }  # fmt: skip
        args.update(kw)
        return [p.field for p in check_update(**args)]  # type: ignore[arg-type]

    assert fields() == []
    assert fields(progress=100, status="complete") == []
    assert fields(progress=True) == ["progress"]
    assert fields(rag="amber", note="why") == []
    assert fields(due=TODAY - dt.timedelta(days=1)) == ["note"]
    assert fields(due=TODAY) == []  # due today is not late
    assert fields(due=TODAY - dt.timedelta(days=1), status="complete", progress=100) == []
    assert fields(status="x", rag="y", progress=101) == ["status", "rag", "progress"]


def test_problems_read_as_sentences(register: Tracker) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_update(register, "A-03", progress=101)
    assert str(caught.value) == "progress: 101 is not a whole percentage (allowed: 0-100)"


# --- the plan at a glance (the dashboard's phases) ---------------------------------------------


def test_dashboard_counts_actions_per_phase_and_status(register: Tracker) -> None:
    board = get_dashboard(register)
    assert board.strategy is not None
    assert board.strategy.title == "Register Test Strategy 2024-2029"
    assert (board.strategy.start_year, board.strategy.end_year, board.actions) == (2024, 2029, 8)
    phases = {p.number: p for p in board.phases}
    assert sorted(phases) == [1, 2, 3, 4, 5]
    assert phases[4].name is None and phases[4].actions == 0
    assert dict(phases[1].by_status) == {
        "not started": 0, "in progress": 1, "complete": 1, "cancelled": 1,
    }  # fmt: skip
    assert phases[1].progress == pytest.approx(70.0)  # (100 + 40) / 2: cancelled left out
    assert dict(phases[2].by_status)["not started"] == 2
    assert phases[2].progress == pytest.approx(20.0)


def test_dashboard_of_an_empty_database(tracker: Tracker) -> None:
    board = get_dashboard(tracker)
    assert board.strategy is None and board.phases == () and board.actions == 0
    assert list_actions(tracker).rows == ()
