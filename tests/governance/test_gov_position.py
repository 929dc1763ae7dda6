"""The roll-up: a board's and its descendants' actions by status, RAG, phase and stage, overdue,
RAG worsened since the last meeting, what child boards reported, open escalations; now and as of
a date. The counts are checked against plain SQL over each board's subtree."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from governance_helpers import CFB, NORTH, SFB, SOUTH, on_day, rows, run
from sqlalchemy import event

from tracker.services.context import Tracker
from tracker.services.governance.escalations import raise_escalation
from tracker.services.governance.holding import hold_meeting
from tracker.services.governance.meetings import schedule_meeting
from tracker.services.governance.position import board_position
from tracker.services.governance.reviews import Verdict

SUBTREE = """
WITH RECURSIVE sub(id) AS (
    SELECT id FROM board WHERE code = :code
    UNION ALL SELECT b.id FROM board b JOIN sub ON b.parent_id = sub.id
)
"""


def direct_counts(t: Tracker, code: str) -> dict[str, object]:
    """What a person would count with SQL: the subtree's actions by status, RAG, phase."""
    status = dict(rows(t, SUBTREE + "SELECT status, count(*) FROM action WHERE board_id IN "
                                    "(SELECT id FROM sub) GROUP BY status", code=code))  # fmt: skip
    rag = dict(rows(t, SUBTREE + "SELECT coalesce(rag, 'none'), count(*) FROM action WHERE "
                                 "board_id IN (SELECT id FROM sub) GROUP BY rag", code=code))  # fmt: skip
    phase = dict(rows(t, SUBTREE + "SELECT p.number, count(*) FROM action a JOIN phase p ON "
                                   "p.id = a.phase_id WHERE a.board_id IN (SELECT id FROM sub) "
                                   "GROUP BY p.number", code=code))  # fmt: skip
    stage = dict(rows(t, SUBTREE + "SELECT s.number, count(*) FROM action a LEFT JOIN stage s "
                                   "ON s.id = a.stage_id WHERE a.board_id IN (SELECT id FROM sub) "
                                   "GROUP BY s.number", code=code))  # fmt: skip
    avg = rows(t, SUBTREE + "SELECT avg(progress) FROM action WHERE status <> 'cancelled' AND "
                            "board_id IN (SELECT id FROM sub)", code=code)[0][0]  # fmt: skip
    return {"status": status, "rag": rag, "phase": phase, "stage": stage,
            "progress": round(float(avg or 0), 1)}  # fmt: skip


@pytest.mark.parametrize("code", [CFB, SFB, NORTH, SOUTH, "scrutiny"])
def test_counts_agree_with_a_direct_count(gov: Tracker, code: str) -> None:
    p = board_position(gov, code)
    want = direct_counts(gov, code)
    assert {k: v for k, v in p.by_status if v} == want["status"]
    assert {k: v for k, v in p.by_rag if v} == want["rag"]
    assert {g.number: g.total for g in p.phases if g.total} == want["phase"]
    assert {g.number: g.total for g in p.stages if g.total} == want["stage"]
    assert p.total == sum(want["status"].values())  # type: ignore[attr-defined]
    assert p.progress == want["progress"]
    assert [s for s, _ in p.by_status] == ["not started", "in progress", "complete", "cancelled"]
    assert [r for r, _ in p.by_rag] == ["green", "amber", "red", "none"]
    # per phase, the status counts add up to the phase total; the phases add up to the total
    for g in p.phases:
        assert sum(n for _, n in g.by_status) == g.total == sum(n for _, n in g.by_rag)
    assert sum(g.total for g in p.phases) == p.total == sum(g.total for g in p.stages)


def test_position_of_the_supporting_families_board_now(gov: Tracker) -> None:
    p = board_position(gov, "Supporting Families Board")
    assert p.board.code == SFB and p.board.parent_code == CFB
    assert p.board.chair_label == "Tom Reed (Head of Early Help)"
    assert p.boards_included == (SFB, NORTH, SOUTH)
    assert (p.as_of, p.last_meeting) == (dt.date(2026, 3, 1), None)
    assert dict(p.by_status) == {"not started": 1, "in progress": 4, "complete": 3, "cancelled": 1}
    assert dict(p.by_rag) == {"green": 4, "amber": 2, "red": 1, "none": 2}
    assert p.progress == 59.4  # (100+40+0+20+100+55+60+100)/8, S-03 cancelled
    assert [r.ref for r in p.overdue] == ["S-02", "N-02"]  # by due date; U-01 has no board
    assert p.overdue[1].owner == "Jo Bell (Community representative)"
    assert p.worsened == ()  # no meeting held yet to compare with
    phase2 = p.phases[1]
    assert (phase2.number, phase2.name, phase2.total) == (2, "Implement and deliver", 5)
    assert dict(phase2.by_status) == {"not started": 1, "in progress": 3, "complete": 0,
                                      "cancelled": 1}  # fmt: skip
    assert p.stages[-1].name == "no stage" and p.stages[-1].total == 2
    north, south = p.children
    assert (north.code, north.total, north.progress) == (NORTH, 4, 40.0)
    assert (south.code, south.total) == (SOUTH, 3)
    assert sum(c.total for c in p.children) + 2 == p.total  # F-01 and F-02 are SFB's own


def test_position_as_of_a_date_uses_the_history(gov: Tracker) -> None:
    p = board_position(gov, SFB, as_of=dt.date(2026, 2, 1))
    # N-01 Jan 20 complete; N-02 Jan 5 amber 30; S-02 Jan 10 green 50; N-04 and F-01 have no
    # update by then and keep their plan values; S-03 cancelled on 1 Dec
    assert dict(p.by_status) == {"not started": 1, "in progress": 4, "complete": 3, "cancelled": 1}
    assert dict(p.by_rag) == {"green": 5, "amber": 2, "red": 0, "none": 2}
    assert p.progress == 57.5
    assert [r.ref for r in p.overdue] == ["S-02"]  # due 31 Jan; N-02 is due 15 Feb
    assert (p.overdue[0].rag, p.overdue[0].progress) == ("green", 50)
    before_any = board_position(gov, NORTH, as_of=dt.date(2025, 1, 1))
    assert dict(before_any.by_status) == {"not started": 1, "in progress": 2, "complete": 1,
                                          "cancelled": 0}  # plan values throughout  # fmt: skip


def test_rag_worsened_since_the_last_meeting(gov: Tracker) -> None:
    hold_meeting(gov, SFB, dt.date(2026, 2, 24))
    p = board_position(gov, SFB)
    assert p.last_meeting == dt.date(2026, 2, 24)
    assert [(w.ref, w.board, w.before, w.after, w.changed_on) for w in p.worsened] == [
        ("N-02", NORTH, "amber", "red", dt.date(2026, 2, 26)),
    ]
    # as of a date: the last meeting on or before it, and the RAG as of that date
    jan = on_day(gov, dt.date(2026, 1, 1))
    schedule_meeting(jan, SOUTH, dt.date(2026, 1, 15))
    hold_meeting(on_day(gov, dt.date(2026, 1, 15)), SOUTH, dt.date(2026, 1, 15))
    p = board_position(gov, SOUTH, as_of=dt.date(2026, 2, 10))
    assert p.last_meeting == dt.date(2026, 1, 15)
    assert [(w.ref, w.before, w.after, w.changed_on) for w in p.worsened] == [
        ("S-02", "green", "amber", dt.date(2026, 2, 5)),
    ]
    assert board_position(gov, SOUTH, as_of=dt.date(2026, 2, 1)).worsened == ()


def test_children_report_and_open_escalations(gov: Tracker) -> None:
    hold_meeting(gov, NORTH, dt.date(2026, 2, 10), verdicts=[Verdict("N-01", "noted")])
    hold_meeting(gov, SOUTH, dt.date(2026, 2, 12), verdicts=[Verdict("S-02", "noted")])
    p = board_position(gov, SFB)
    north = p.children[0]
    assert north.reported == () and north.reported_updates == 0  # SFB has not met since
    assert north.to_report_updates == 2  # N-01's two updates, the latest of them listed
    assert [(u.ref, u.recorded_on, u.noted_at, u.noted_on) for u in north.to_report] == [
        ("N-01", dt.date(2026, 1, 20), NORTH, dt.date(2026, 2, 10)),
    ]
    raise_escalation(on_day(gov, dt.date(2026, 2, 20)), "S-02", SOUTH, reason="Venue lost",
                     decision_sought="Fund a new venue")  # fmt: skip
    hold_meeting(gov, SFB, dt.date(2026, 2, 24))
    p = board_position(gov, SFB)
    north, south = p.children
    assert north.last_meeting == dt.date(2026, 2, 10)
    assert north.reported_updates == 2
    assert [(u.ref, u.recorded_on, u.status, u.reported_on) for u in north.reported] == [
        ("N-01", dt.date(2026, 1, 20), "complete", dt.date(2026, 2, 24)),
    ]
    assert south.reported_updates == 2
    assert [(u.ref, u.rag, u.commentary) for u in south.reported] == [
        ("S-02", "amber", "The venue was lost"),
    ]
    assert north.to_report == () and south.to_report == () and north.to_report_updates == 0
    assert [(e.ref, e.from_board, e.status) for e in p.escalations_open] == [
        ("S-02", SOUTH, "open"),
    ]
    assert board_position(gov, SFB, as_of=dt.date(2026, 2, 19)).escalations_open == ()
    top = board_position(gov, CFB).children[0]
    assert (top.code, top.to_report_updates, top.reported) == (SFB, 4, ())
    # a child meeting minuted after this board's meeting (dated before it) is still to report
    schedule_meeting(on_day(gov, dt.date(2026, 1, 1)), NORTH, dt.date(2026, 1, 30))
    hold_meeting(gov, NORTH, dt.date(2026, 1, 30), verdicts=[Verdict("N-02", "noted")])
    assert [u.ref for u in board_position(gov, SFB).children[0].to_report] == ["N-02"]


@contextmanager
def count_queries(t: Tracker) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(t.db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(t.db.engine, "before_cursor_execute", count)


def test_the_number_of_queries_does_not_grow_with_the_actions(gov: Tracker) -> None:
    from tracker.services.actions.updates import record_update

    hold_meeting(gov, SFB, dt.date(2026, 2, 24), note_all=True)
    with count_queries(gov) as small:
        board_position(gov, CFB, as_of=dt.date(2026, 3, 1))
    for ref in ("N-03", "C-02", "X-01"):
        record_update(gov, ref, status="in progress", progress=10, note="started")
    with count_queries(gov) as large:
        board_position(gov, CFB, as_of=dt.date(2026, 3, 1))
    assert len(large) == len(small) < 20


# --- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_position_table(cli_gov: Tracker) -> None:
    hold_meeting(cli_gov, SFB, dt.date(2026, 2, 24))
    result = run("board", "position", SFB)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Supporting Families Board (supporting-families-board): position as of 1 Mar 2026" in out
    assert "  9 actions: 1 not started, 4 in progress, 3 complete, 1 cancelled" in out
    assert "  RAG: 4 green, 2 amber, 1 red, 2 none; 59.4% complete on average" in out
    assert "RAG worsened since the last meeting (24 Feb 2026) (1):" in out
    phase2 = next(line for line in out.splitlines() if line.startswith("2  "))
    assert phase2.split()[:10] == ["2", "Implement", "and", "deliver", "5", "1", "3", "0", "1",
                                   "0"]  # fmt: skip
    assert "Overdue (2):" in out
    assert "Locality Partnership Board North (lpb-north): 4 actions" in out


def test_cli_position_json_and_as_of(cli_gov: Tracker) -> None:
    result = run("board", "position", SFB, "--as-of", "2026-02-01", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-02-01"
    assert data["by_status"] == {"not started": 1, "in progress": 4, "complete": 3,
                                 "cancelled": 1}  # fmt: skip
    assert data["by_rag"] == {"green": 5, "amber": 2, "red": 0, "none": 2}
    assert data["board"]["code"] == SFB
    assert [c["code"] for c in data["children"]] == [NORTH, SOUTH]
    assert Counter(r["ref"] for r in data["overdue"]) == {"S-02": 1}
    result = run("board", "position", "nowhere")
    assert result.exit_code == 2 and "no board 'nowhere'" in result.stderr
