"""The services behind the app, on SQLite and PostgreSQL: the dashboard in one call, creating,
editing and cancelling actions with full validation, and the pickers' choices."""

from __future__ import annotations

import pytest

from tracker.errors import Conflict, InvalidInput
from tracker.services.actions.detail import get_action
from tracker.services.actions.edit import cancel_action, create_action, edit_action
from tracker.services.actions.updates import record_update
from tracker.services.audit import history
from tracker.services.choices import load_choices
from tracker.services.context import open_tracker
from tracker.services.dashboard import get_dashboard


@pytest.fixture
def t(app_settings_any):
    handle = open_tracker(app_settings_any)
    yield handle
    handle.close()


def problems(exc: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return {p.field: p.message for p in exc.value.problems}


def test_dashboard(t) -> None:
    d = get_dashboard(t)
    assert d.strategy.title == "Northvale Early Help Strategy 2024-2029"
    assert d.strategy.position == "year 3 of 6, 36% through"
    assert [p.number for p in d.phases] == [1, 2, 3, 4, 5]
    two = d.phases[1]
    assert (two.actions, two.count("in progress"), two.count("cancelled"), two.count("red")) == (
        5, 2, 1, 1,
    )  # fmt: skip
    assert two.current and d.phases[2].current and not d.phases[0].current
    assert round(two.progress, 1) == 17.5  # the cancelled action does not count
    assert d.phases[3].name is None and d.phases[3].start_year is None  # to be confirmed
    assert d.actions == 11
    assert (d.overdue_count, [r.ref for r in d.overdue]) == (2, ["P1-03", "P2-02"])
    assert (d.due_soon_count, [r.ref for r in d.due_soon]) == (2, ["P2-03", "P2-01"])
    assert d.latest_updates[0].ref == "P2-01"
    assert [(m.date.isoformat(), m.board) for m in d.next_meetings] == [
        ("2026-03-12", "Supporting Families Board"),
        ("2026-04-02", "Children First Board"),
    ]
    assert (d.open_followups_count, d.overdue_followups_count) == (2, 1)
    assert d.open_followups[0].overdue and d.open_followups[0].owner.startswith("Amy Archer")
    assert d.open_followups[1].owner == "Assistant Director for Early Help"  # as minuted


def test_dashboard_follows_an_update(t) -> None:
    record_update(t, "P2-03", status="in progress", rag="amber", progress=10, note="Started.")
    d = get_dashboard(t)
    assert d.latest_updates[0].ref == "P2-03"
    assert d.phases[1].count("amber") == 1


def test_choices(t) -> None:
    c = load_choices(t)
    assert c.phases[3] == (4, "Phase 4 (name to be confirmed) (dates to be confirmed)")
    assert c.phases[1] == (2, "Phase 2 Implement and deliver (2025-2026)")
    assert ("ad-early-help", "Assistant Director for Early Help") in c.people
    assert ("cara-cole", "Cara Cole (Locality Manager)") in c.people
    assert [code for code, _ in c.outcomes][:2] == ["good-education", "early-years"]
    assert ("P2-01", "Open family hubs in every locality") in c.actions
    assert len(c.boards) == 4


def test_edit_action_validates_everything_at_once(t) -> None:
    before = get_action(t, "P2-04")
    with pytest.raises(InvalidInput) as exc:
        edit_action(t, "P2-04", before.version, {
            "title": " ", "progress": "150", "start": "2026-13-01", "due": "2031-01-01",
            "phase": 9, "board": "nobody", "owner": "ghost", "outcomes": ["flying"],
            "depends_on": "P9-99, P2-04", "status": "finished",
        })  # fmt: skip
    found = problems(exc)
    assert found["title"].startswith("required")
    assert found["progress"] == "150% is not a percentage"
    assert found["start"] == "'2026-13-01' is not a date"
    assert found["due"] == "2031-01-01 is outside the strategy period"
    assert found["phase"] == "there is no phase 9"
    assert found["board"] == "unknown board 'nobody'"
    assert found["owner"] == "unknown owner 'ghost'"
    assert found["outcomes"] == "unknown outcome 'flying'"
    assert found["status"] == "unknown status 'finished'"
    assert {p.message for p in exc.value.problems if p.field == "depends_on"} == {
        "no action with ref 'P9-99'", "P2-04 cannot depend on itself",
    }  # fmt: skip
    after = get_action(t, "P2-04")
    assert after.version == before.version and after.row.title == before.row.title


def test_due_before_start_and_dependency_cycle(t) -> None:
    with pytest.raises(InvalidInput) as exc:
        edit_action(t, "P2-04", 1, {"due": "2025-12-31"})  # start is 2026-01-01
    assert problems(exc) == {"due": "due 2025-12-31 is before start 2026-01-01"}
    with pytest.raises(InvalidInput) as exc:
        edit_action(t, "P1-01", 1, {"depends_on": ["P3-02"]})
    assert problems(exc) == {
        "depends_on": "P3-02 would make a cycle: P1-01 → P3-02 → P3-01 → P2-01 → P1-02 → P1-01"
    }


def test_edit_action_saves_audits_and_moves_the_version(t) -> None:
    result = edit_action(t, "P2-04", 1, {
        "due": "2026-07-31", "owner": "cara-cole", "depends_on": "p2-01", "outcomes": [],
        "board": None,
    })  # fmt: skip
    assert result.version == 2
    assert set(result.changed) == {"due", "owner", "depends_on", "outcomes", "board"}
    d = get_action(t, "P2-04")
    assert (d.row.due.isoformat(), d.owner_code, d.row.board) == ("2026-07-31", "cara-cole", None)
    assert [x.ref for x in d.depends_on] == ["P2-01"] and d.outcomes == ()
    audit = {(h.field, h.old, h.new) for h in history(t, "action", "P2-04")}
    assert ("owner", "amy-archer", "cara-cole") in audit
    assert ("board", "lpb-north", None) in audit
    # a link-only change still moves the version, so a stale copy conflicts
    assert edit_action(t, "P2-04", 2, {"depends_on": ""}).version == 3
    with pytest.raises(Conflict):
        edit_action(t, "P2-04", 2, {"title": "Stale"})
    assert get_action(t, "P2-04").row.title == "Recommission the parenting programme"


def test_position_changes_go_through_the_update_rules(t) -> None:
    with pytest.raises(InvalidInput) as exc:
        edit_action(t, "P2-04", 1, {"rag": "red"})
    assert problems(exc) == {"note": "commentary is required when the RAG is red"}
    edit_action(t, "P2-04", 1, {"rag": "red", "progress": 20, "note": "Provider withdrew."})
    d = get_action(t, "P2-04")
    assert (d.row.rag, d.row.progress) == ("red", 20)
    assert d.updates[0].commentary == "Provider withdrew."  # the history keeps the position
    # stamped like any status update: on the fixed today of a rehearsal, by the user
    assert d.updates[0].recorded_at.date() == t.today() == t.settings.today
    assert d.updates[0].recorded_by == "Pat Manager"


def test_create_action(t) -> None:
    with pytest.raises(InvalidInput) as exc:
        create_action(t, {"ref": "P1-01", "title": "Dup", "phase": 1})
    assert problems(exc) == {"ref": "P1-01 is already used by another action"}
    with pytest.raises(InvalidInput) as exc:
        create_action(t, {"ref": "bad ref!", "title": "", "phase": None})
    assert set(problems(exc)) == {"ref", "title", "phase"}
    result = create_action(t, {
        "ref": "p3-03", "title": "Refresh the workforce plan", "phase": "3", "stage": 2,
        "owner": "amy-archer", "start": "2026-04-01", "due": "2026-12-31",
        "outcomes": ["family-relationships"], "depends_on": ["P3-01"],
    })  # fmt: skip
    assert result.ref == "P3-03"
    d = get_action(t, "P3-03")
    assert (d.row.phase, d.row.stage, d.row.status, d.row.progress) == (3, 2, "not started", 0)
    assert d.outcomes == ("Improved family relationships",)
    assert [x.ref for x in d.depends_on] == ["P3-01"]
    assert history(t, "action", "P3-03")[0].operation == "create"


def test_cancel_action(t) -> None:
    with pytest.raises(InvalidInput):
        cancel_action(t, "P2-04", 1, "  ")
    with pytest.raises(Conflict):
        cancel_action(t, "P2-04", 7, "Stale")
    result = cancel_action(t, "P2-04", 1, "Merged into P3-01.")
    d = get_action(t, "P2-04")
    assert (d.row.status, d.cancelled_reason, d.version) == (
        "cancelled",
        "Merged into P3-01.",
        result.version,
    )
    assert d.updates[0].status == "cancelled" and d.updates[0].recorded_by == "Pat Manager"
    assert d.updates[0].recorded_at.date() == t.settings.today
    with pytest.raises(InvalidInput):
        cancel_action(t, "P2-04", d.version, "Again")
    # reopening is what the editor is for
    edit_action(
        t, "P2-04", d.version, {"status": "not started", "note": "Reinstated by the board."}
    )
    again = get_action(t, "P2-04")
    assert again.row.status == "not started" and again.cancelled_reason is None
