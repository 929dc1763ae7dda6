"""Escalations: only to the raising board's parent; on the parent's next agenda until decided;
accept, refer back or escalate further (a new escalation to the grandparent); every step
audited; refusals change nothing. Also the trail in `tracker actions show`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from governance_helpers import CFB, NORTH, SFB, SOUTH, on_day, rows, run, snapshot

from tracker.errors import InvalidInput, NotFound
from tracker.services.context import Tracker
from tracker.services.governance.escalations import (
    Decision,
    decide_escalation,
    get_escalation,
    list_escalations,
    raise_escalation,
)
from tracker.services.governance.holding import hold_meeting
from tracker.services.governance.meetings import meeting_agenda, schedule_meeting
from tracker.services.governance.reviews import Verdict
from tracker.services.governance.trail import trail_for_updates

FEB24, MAR1 = dt.date(2026, 2, 24), dt.date(2026, 3, 1)


def escalate_s02(t: Tracker) -> int:
    e = raise_escalation(on_day(t, dt.date(2026, 2, 20)), "S-02", SOUTH, reason="Venue lost",
                         decision_sought="Fund a new venue")  # fmt: skip
    return e.id


def agenda_titles(t: Tracker, board: str, on: dt.date | None = None) -> list[str]:
    return [a.title for a in meeting_agenda(t, board, on).agenda]


def test_raise_goes_to_the_parent_and_onto_its_next_agenda(gov: Tracker) -> None:
    eid = escalate_s02(gov)
    e = get_escalation(gov, eid)
    assert (e.from_board, e.to_board, e.status, e.raised_on) == (
        SOUTH, SFB, "open", dt.date(2026, 2, 20),
    )  # fmt: skip
    item = f"Escalation #{eid} from Locality Partnership Board South: S-02 Open the South family help drop-in"
    assert item in agenda_titles(gov, SFB)
    assert [e.id for e in list_escalations(gov, SFB, open_only=True)] == [eid]
    audit = rows(gov, "SELECT operation, field, new FROM audit_entry WHERE entity = 'escalation' "
                      "ORDER BY id")  # fmt: skip
    assert ("raise", "to", SFB) in audit and ("raise", "reason", "Venue lost") in audit
    # it stays on the agenda until decided: held without a decision, it moves to the next one
    hold_meeting(gov, SFB, FEB24)
    stored = rows(gov, "SELECT ai.title FROM agenda_item ai JOIN meeting m ON m.id = "
                       "ai.meeting_id WHERE m.date = :d", d=FEB24)  # fmt: skip
    assert stored == [(item,)]
    schedule_meeting(gov, SFB, dt.date(2026, 3, 24))
    assert item in agenda_titles(gov, SFB)
    decide_escalation(gov, eid, "accept", note="Funding agreed")
    assert item not in agenda_titles(gov, SFB)


def test_raise_refusals_change_nothing(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput, match="an escalation can only go to the raising board's "
                       "parent: Locality Partnership Board South reports to Supporting Families "
                       "Board, not Children First Board"):  # fmt: skip
        raise_escalation(gov, "S-02", SOUTH, reason="r", decision_sought="d", to_board=CFB)
    with pytest.raises(InvalidInput, match="Children First Board has no parent board"):
        raise_escalation(gov, "C-01", CFB, reason="r", decision_sought="d")
    with pytest.raises(InvalidInput, match="F-01 is accountable to Supporting Families Board, "
                       "which is not Locality Partnership Board North or a board under it"):  # fmt: skip
        raise_escalation(gov, "F-01", NORTH, reason="r", decision_sought="d")
    with pytest.raises(InvalidInput) as exc:
        raise_escalation(gov, "N-02", NORTH, reason=" ", decision_sought="")
    assert len(exc.value.problems) == 2
    with pytest.raises(NotFound):
        raise_escalation(gov, "NOPE", NORTH, reason="r", decision_sought="d")
    assert snapshot(gov) == before
    escalate_s02(gov)
    with pytest.raises(InvalidInput, match="already escalated"):
        escalate_s02(gov)


def test_escalate_further_links_a_new_escalation_to_the_grandparent(gov: Tracker) -> None:
    eid = escalate_s02(gov)
    hold_meeting(gov, SFB, FEB24)
    decided = decide_escalation(gov, eid, "escalate", note="Beyond our budget", meeting=FEB24)
    assert (decided.status, decided.decided_on, decided.decided_at_meeting) == (
        "escalated", FEB24, FEB24,
    )  # fmt: skip
    further = get_escalation(gov, decided.followed_by)  # type: ignore[arg-type]
    assert (further.from_board, further.to_board, further.follows, further.status) == (
        SFB, CFB, eid, "open",
    )  # fmt: skip
    assert (further.reason, further.decision_sought) == ("Beyond our budget", "Fund a new venue")
    schedule_meeting(gov, CFB, MAR1)
    assert any(t.startswith(f"Escalation #{further.id} from Supporting Families Board")
               for t in agenda_titles(gov, CFB))  # fmt: skip
    result = hold_meeting(gov, CFB, MAR1, decisions=[Decision(further.id, "accept", "Agreed")])
    assert [(d.id, d.status) for d in result.decided] == [(further.id, "accepted")]
    assert list_escalations(gov, open_only=True) == ()
    audit = rows(gov, "SELECT entity_key, operation, field, old, new FROM audit_entry WHERE "
                      "entity = 'escalation' AND operation = 'decide' ORDER BY id")  # fmt: skip
    assert (str(eid), "decide", "status", "open", "escalated") in audit
    assert (str(further.id), "decide", "status", "open", "accepted") in audit
    with pytest.raises(InvalidInput, match="no parent board: it cannot escalate further"):
        f2 = raise_escalation(gov, "F-01", SFB, reason="r", decision_sought="d")
        decide_escalation(gov, f2.id, "escalate")


def test_decision_refusals_change_nothing(gov: Tracker) -> None:
    eid = escalate_s02(gov)
    before = snapshot(gov)
    with pytest.raises(InvalidInput, match="is scheduled, not held"):
        decide_escalation(gov, eid, "accept", meeting=FEB24)
    with pytest.raises(NotFound, match="no escalation #999"):
        decide_escalation(gov, 999, "accept")
    with pytest.raises(InvalidInput, match="unknown decision 'maybe'"):
        decide_escalation(gov, eid, "maybe")
    assert snapshot(gov) == before
    decide_escalation(gov, eid, "refer back", note="Find a local venue first")
    before = snapshot(gov)
    with pytest.raises(InvalidInput, match="already referred back on 1 Mar 2026: decisions are "
                       "recorded only on open escalations"):  # fmt: skip
        decide_escalation(gov, eid, "accept")
    with pytest.raises(InvalidInput, match="only on open escalations"):
        hold_meeting(gov, SFB, FEB24, decisions=[Decision(eid, "accept")])
    assert snapshot(gov) == before


# --- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_escalations(cli_gov: Tracker) -> None:
    result = run("escalations", "raise", "S-02", "--from", SOUTH, "--reason", "Venue lost",
                 "--decision", "Fund a new venue")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "escalation #1: S-02 from Locality Partnership Board South to Supporting Families Board",
        "Supporting Families Board has no meeting scheduled from 1 Mar 2026: schedule one with "
        "`tracker meetings add`",
    ]
    assert run("meetings", "add", SFB, "2026-03-24").exit_code == 0
    result = run("meetings", "agenda", SFB, "2026-03-24")
    assert "  1. Escalation #1 from Locality Partnership Board South: S-02" in result.stdout
    assert "     Reason: Venue lost. Decision sought: Fund a new venue" in result.stdout
    result = run("escalations", "list", "--open")
    assert result.stdout.splitlines()[1].split()[:4] == ["#1", "S-02", SOUTH, SFB]
    result = run("escalations", "decide", "1")
    assert result.exit_code == 2 and "--accept, --refer-back, --escalate" in result.stderr
    result = run("escalations", "decide", "1", "--escalate", "--note", "Needs the top board")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "escalation #1 (S-02): escalated by Supporting Families Board on 1 Mar 2026",
        "escalated further as #2 to Children First Board",
    ]
    result = run("escalations", "decide", "1", "--accept")
    assert result.exit_code == 2 and "only on open escalations" in result.stderr
    result = run("escalations", "raise", "S-02", "--from", SOUTH, "--to", CFB, "--reason", "r",
                 "--decision", "d")  # fmt: skip
    assert result.exit_code == 2 and "can only go to the raising board's parent" in result.stderr
    data = json.loads(run("escalations", "list", "--format", "json").stdout)
    assert [(e["id"], e["status"], e["follows"]) for e in data] == [
        (1, "escalated", None), (2, "open", 1),
    ]  # fmt: skip


def test_cli_actions_show_json_has_the_trail(cli_gov: Tracker) -> None:
    hold_meeting(cli_gov, SOUTH, dt.date(2026, 2, 12), verdicts=[
        Verdict("S-02", "challenged", "Which venue?"),
    ])  # fmt: skip
    data = json.loads(run("actions", "show", "S-02", "--format", "json").stdout)
    trails = [[step["text"] for step in u["trail"]] for u in data["updates"]]
    assert trails == [
        ["recorded 5 Feb 2026", "challenged at Locality Partnership Board South 12 Feb 2026 "
         "(Which venue?)"],
        ["recorded 10 Jan 2026", "challenged at Locality Partnership Board South 12 Feb 2026 "
         "(Which venue?)"],
    ]  # fmt: skip
    assert data["updates"][0]["trail"][1] == {
        "step": "challenged", "board": SOUTH, "on": "2026-02-12", "comment": "Which venue?",
        "text": "challenged at Locality Partnership Board South 12 Feb 2026 (Which venue?)",
    }  # fmt: skip
    data = json.loads(run("actions", "show", "F-01", "--format", "json").stdout)
    assert [s["text"] for s in data["updates"][0]["trail"]] == [
        "recorded 10 Feb 2026", "waiting for Supporting Families Board",
    ]  # fmt: skip


def test_trail_for_many_updates_is_a_fixed_number_of_queries(gov: Tracker) -> None:
    from sqlalchemy import event

    ids = [r[0] for r in rows(gov, "SELECT id FROM status_update")]
    seen: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(gov.db.engine, "before_cursor_execute", count)
    try:
        one = len(trail_for_updates(gov, ids[:1]))
        after_one = len(seen)
        many = trail_for_updates(gov, ids)
    finally:
        event.remove(gov.db.engine, "before_cursor_execute", count)
    assert one == 1 and len(many) == len(ids) == 12
    assert len(seen) == 2 * after_one
