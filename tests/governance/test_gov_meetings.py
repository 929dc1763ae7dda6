"""Meetings and the governance trail: scheduling (one, a series), holding with the secretary's
verdicts, challenge and resubmission, reporting up the chain; every refusal changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from governance_helpers import CFB, NORTH, SFB, SOUTH, on_day, rows, run, snapshot

from tracker.errors import InvalidInput, NotFound
from tracker.services.context import Tracker
from tracker.services.governance.holding import hold_meeting, review_at_meeting
from tracker.services.governance.meetings import (
    list_meetings,
    meeting_agenda,
    schedule_meeting,
    schedule_series,
)
from tracker.services.governance.reviews import Verdict
from tracker.services.governance.series import series_dates
from tracker.services.governance.trail import describe_trail, trail_for_updates, waiting_updates

FEB10, FEB12, FEB24 = dt.date(2026, 2, 10), dt.date(2026, 2, 12), dt.date(2026, 2, 24)
MAR1 = dt.date(2026, 3, 1)


def update_ids(t: Tracker, ref: str) -> list[int]:
    return [r[0] for r in rows(t, "SELECT su.id FROM status_update su JOIN action a ON "
                                  "a.id = su.action_id WHERE a.ref = :r ORDER BY su.recorded_at",
                               r=ref)]  # fmt: skip


def reviews(t: Tracker) -> list[tuple[str, str, str, str]]:
    """(ref, update recorded on, board, outcome) for every review, sorted."""
    found = rows(t, "SELECT a.ref, su.recorded_at, b.code, r.outcome FROM update_review r "
                    "JOIN status_update su ON su.id = r.update_id JOIN action a ON "
                    "a.id = su.action_id JOIN board b ON b.id = r.board_id")  # fmt: skip
    return sorted((ref, str(at)[:10], board, outcome) for ref, at, board, outcome in found)


# --- scheduling ----------------------------------------------------------------------------


def test_schedule_a_meeting_and_see_it_listed(gov: Tracker) -> None:
    m = schedule_meeting(gov, NORTH, dt.date(2026, 9, 15), title="Autumn term meeting")
    assert (m.status, m.is_next) == ("scheduled", False)  # Feb 10 is still to be held
    dates = [x.date for x in list_meetings(gov, NORTH)]
    assert dates == [FEB10, dt.date(2026, 5, 12), dt.date(2026, 9, 15)]
    audit = rows(gov, "SELECT entity_key, field, new FROM audit_entry WHERE entity = 'meeting' "
                      "AND operation = 'schedule' ORDER BY id")  # fmt: skip
    assert audit == [
        ("lpb-north 2026-09-15 Autumn term meeting", "status", "scheduled"),
        ("lpb-north 2026-09-15 Autumn term meeting", "title", "Autumn term meeting"),
    ]


def test_a_past_meeting_cannot_be_scheduled(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as exc:
        schedule_meeting(gov, NORTH, dt.date(2026, 2, 28))
    assert "2026-02-28 is in the past (today is 2026-03-01)" in str(exc.value)
    with pytest.raises(InvalidInput, match="already has a meeting on 2026-05-12"):
        schedule_meeting(gov, NORTH, dt.date(2026, 5, 12))
    with pytest.raises(InvalidInput, match="in the past"):
        schedule_series(gov, NORTH, dt.date(2026, 1, 1), "termly", 3)
    assert snapshot(gov) == before
    schedule_meeting(gov, NORTH, MAR1)  # today is not the past


def test_series_patterns() -> None:
    # monthly keeps the first date's weekday: 30 Jan 2026 is the last Friday of January
    start = dt.date(2026, 1, 30)
    assert series_dates(start, "monthly", 3) == [start, dt.date(2026, 2, 27), dt.date(2026, 3, 27)]
    # termly: the second Tuesday, four months apart, never in August
    assert series_dates(dt.date(2026, 9, 8), "termly", 3) == [
        dt.date(2026, 9, 8), dt.date(2027, 1, 12), dt.date(2027, 5, 11),
    ]  # fmt: skip
    assert series_dates(dt.date(2026, 4, 14), "termly", 3) == [
        dt.date(2026, 4, 14), dt.date(2026, 9, 8), dt.date(2026, 12, 8),
    ]  # fmt: skip
    assert series_dates(dt.date(2026, 3, 4), "6-weeks", 2) == [
        dt.date(2026, 3, 4),
        dt.date(2026, 4, 15),
    ]
    with pytest.raises(InvalidInput, match="unknown pattern 'yearly'"):
        series_dates(start, "yearly", 2)


def test_a_series_clashing_with_a_meeting_is_refused_whole(gov: Tracker) -> None:
    views = schedule_series(gov, SFB, dt.date(2026, 3, 24), "monthly", 3, title="Board")
    assert [v.date for v in views] == [
        dt.date(2026, 3, 24), dt.date(2026, 4, 28), dt.date(2026, 5, 26),
    ]  # fmt: skip
    assert {v.series for v in views} == {"monthly"}
    before = snapshot(gov)
    with pytest.raises(
        InvalidInput, match="already has a meeting on 2026-04-28, 2026-05-26; nothing"
    ):
        schedule_series(gov, SFB, dt.date(2026, 4, 14), "2-weeks", 4)
    assert snapshot(gov) == before


# --- holding: the secretary's verdicts -----------------------------------------------------


def test_updates_wait_for_their_boards_next_meeting(gov: Tracker) -> None:
    waiting = waiting_updates(gov, NORTH)
    assert [(w.ref, w.recorded_at.date().isoformat()) for w in waiting] == [
        ("N-01", "2025-11-03"), ("N-01", "2026-01-20"), ("N-02", "2026-01-05"),
        ("N-02", "2026-02-26"), ("N-04", "2026-02-03"),
    ]  # fmt: skip
    assert [w.ref for w in waiting_updates(gov, NORTH, until=FEB10)] == [
        "N-01", "N-01", "N-02", "N-04",
    ]  # fmt: skip


def test_hold_records_attendees_agenda_and_verdicts(gov: Tracker) -> None:
    result = hold_meeting(
        gov, NORTH, FEB10, attendees=["Jo Bell (Chair)", "north-rep"], agenda=["Action plan"],
        verdicts=[Verdict("N-01", "noted"), Verdict("N-04", "challenged", "Add milestone dates")],
    )  # fmt: skip
    assert result.meeting.status == "held"
    assert result.meeting.attendees == ("Jo Bell (Chair)", "north-rep")
    assert [a.title for a in result.meeting.agenda] == ["Action plan"]
    assert [(r.ref, r.outcome) for r in result.reviewed] == [
        ("N-01", "noted"), ("N-01", "noted"), ("N-04", "challenged"),
    ]  # fmt: skip
    assert result.still_waiting == 2  # N-02's two updates were not mentioned
    assert reviews(gov) == [
        ("N-01", "2025-11-03", NORTH, "noted"), ("N-01", "2026-01-20", NORTH, "noted"),
        ("N-04", "2026-02-03", NORTH, "challenged"),
    ]  # fmt: skip
    assert [w.ref for w in waiting_updates(gov, NORTH)] == ["N-02", "N-02"]
    person = rows(gov, "SELECT a.name, p.code FROM meeting_attendee a LEFT JOIN person p "
                       "ON p.id = a.person_id ORDER BY a.id")  # fmt: skip
    assert person == [("Jo Bell (Chair)", None), ("north-rep", "north-rep")]
    audit = rows(gov, "SELECT operation, entity_key, new FROM audit_entry WHERE "
                      "entity = 'action' AND field = 'governance' ORDER BY id")  # fmt: skip
    assert [(op, key) for op, key, _ in audit] == [
        ("noted", "N-01"), ("noted", "N-01"), ("challenged", "N-04"),
    ]  # fmt: skip
    assert audit[2][2].endswith("challenged at lpb-north meeting 2026-02-10: Add milestone dates")
    audit = rows(gov, "SELECT entity_key, field, new FROM audit_entry WHERE entity = 'meeting' "
                      "AND operation = 'hold' ORDER BY id")  # fmt: skip
    assert ("lpb-north 2026-02-10 Spring term meeting", "status", "held") in audit


def test_refusals_at_hold_change_nothing(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as exc:
        hold_meeting(gov, NORTH, FEB10, verdicts=[
            Verdict("F-01", "noted"), Verdict("N-03", "noted"), Verdict("NOPE", "noted"),
            Verdict("N-04", "challenged", "  "),
        ])  # fmt: skip
    text = str(exc.value)
    assert ("note: F-01: F-01 is accountable to Supporting Families Board; an update can only "
            "be noted at the board that owns its action") in text  # fmt: skip
    assert "note: N-03: nothing is waiting for Locality Partnership Board North" in text
    assert "note: no action with ref 'NOPE'" in text
    assert "challenge: N-04: a challenge needs a comment" in text
    assert snapshot(gov) == before  # not even marked held
    late = update_ids(gov, "N-02")[1]  # recorded 26 Feb, after the meeting of 10 Feb
    with pytest.raises(InvalidInput, match="recorded 26 Feb 2026, after this meeting of 10 Feb "
                       "2026; it waits for the next meeting"):  # fmt: skip
        hold_meeting(gov, NORTH, FEB10, verdicts=[Verdict(late, "noted")])
    with pytest.raises(InvalidInput, match="in the future"):
        hold_meeting(gov, NORTH, dt.date(2026, 5, 12))
    with pytest.raises(NotFound, match="has no meeting on 2026-02-11"):
        hold_meeting(gov, NORTH, dt.date(2026, 2, 11))
    assert snapshot(gov) == before
    hold_meeting(gov, NORTH, FEB10)
    with pytest.raises(InvalidInput, match="already held"):
        hold_meeting(gov, NORTH, FEB10)


def test_noting_at_a_meeting_not_yet_held_is_refused(gov: Tracker) -> None:
    before = snapshot(gov)
    with pytest.raises(InvalidInput, match="an update cannot be noted at a meeting not yet held"):
        review_at_meeting(gov, NORTH, FEB10, [Verdict("N-01", "noted")])
    assert snapshot(gov) == before
    hold_meeting(gov, NORTH, FEB10)  # held with no verdicts: everything still waits
    assert len(review_at_meeting(gov, NORTH, FEB10, [Verdict("N-01", "noted")])) == 2
    assert [w.ref for w in waiting_updates(gov, NORTH)] == ["N-02", "N-02", "N-04"]


def test_challenged_stays_challenged_and_a_resubmission_waits_again(gov: Tracker) -> None:
    from tracker.models import StatusUpdate

    hold_meeting(gov, NORTH, FEB10, verdicts=[Verdict("N-04", "challenged", "Add dates")])
    assert "N-04" not in [w.ref for w in waiting_updates(gov, NORTH)]
    # the owner resubmits on 3 March; it waits for the next meeting (12 May)
    n04 = rows(gov, "SELECT id FROM action WHERE ref = 'N-04'")[0][0]
    with gov.db.writing() as s:
        s.add(StatusUpdate(action_id=n04, recorded_at=dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC),
                           recorded_by="Jo Bell", status="in progress", rag="green", progress=25,
                           commentary="Milestones: June and September"))  # fmt: skip
    again = [w for w in waiting_updates(gov, NORTH) if w.ref == "N-04"]
    assert len(again) == 1 and again[0].challenged_before == "Add dates"
    first = update_ids(gov, "N-04")[0]
    later = on_day(gov, dt.date(2026, 5, 12))
    hold_meeting(later, NORTH, dt.date(2026, 5, 12), note_all=True)
    trail = trail_for_updates(gov, update_ids(gov, "N-04"))
    assert describe_trail(trail[first]) == (
        "recorded 3 Feb 2026, challenged at Locality Partnership Board North 10 Feb 2026 "
        "(Add dates)"
    )
    assert describe_trail(trail[update_ids(gov, "N-04")[1]]) == (
        "recorded 3 Mar 2026, noted at Locality Partnership Board North 12 May 2026, "
        "waiting for Supporting Families Board"
    )


def test_noted_updates_are_reported_up_the_chain(gov: Tracker) -> None:
    hold_meeting(gov, NORTH, FEB10, verdicts=[Verdict("N-01", "noted"), Verdict("N-02", "noted")])
    hold_meeting(gov, SOUTH, FEB12, note_all=True)
    result = hold_meeting(gov, SFB, FEB24, verdicts=[Verdict("F-01", "noted")])
    assert sorted({(r.ref, r.child) for r in result.reported}) == [
        ("N-01", NORTH), ("N-02", NORTH), ("S-01", SOUTH), ("S-02", SOUTH), ("S-03", SOUTH),
    ]  # fmt: skip
    assert len(result.reported) == 7
    schedule_meeting(gov, CFB, MAR1)
    top = hold_meeting(gov, CFB, MAR1, verdicts=[Verdict("C-01", "noted")])
    assert len(top.reported) == 8  # the 7 from the localities and F-01 noted at SFB
    assert {r.child for r in top.reported} == {SFB}
    n01 = update_ids(gov, "N-01")[1]
    assert describe_trail(trail_for_updates(gov, [n01])[n01]) == (
        "recorded 20 Jan 2026, noted at Locality Partnership Board North 10 Feb 2026, "
        "reported to Supporting Families Board 24 Feb 2026, reported to Children First Board "
        "1 Mar 2026"
    )
    assert ("N-01", "2026-01-20", CFB, "reported") in reviews(gov)


def test_reporting_takes_only_what_children_noted_by_the_meeting_date(gov: Tracker) -> None:
    schedule_meeting(gov, SFB, dt.date(2026, 3, 10))
    hold_meeting(gov, SFB, FEB24)  # nothing noted below yet: nothing reported
    hold_meeting(gov, NORTH, FEB10, verdicts=[Verdict("N-01", "noted")])  # minuted late
    assert reviews(gov) == [
        ("N-01", "2025-11-03", NORTH, "noted"), ("N-01", "2026-01-20", NORTH, "noted"),
    ]  # fmt: skip
    agenda = meeting_agenda(gov, SFB)
    assert agenda.date == dt.date(2026, 3, 10)
    assert "Reported position from Locality Partnership Board North: 2 updates" in [
        a.title for a in agenda.agenda
    ]
    later = on_day(gov, dt.date(2026, 3, 10))
    assert len(hold_meeting(later, SFB, dt.date(2026, 3, 10)).reported) == 2


# --- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_meetings_add_list_series(cli_gov: Tracker) -> None:
    result = run("meetings", "add", NORTH, "2026-09-15", "--title", "Autumn term meeting")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("scheduled: Locality Partnership Board North, 15 Sep 2026 "
                             "(Autumn term meeting)\n")  # fmt: skip
    result = run("meetings", "add-series", SFB, "--from", "2026-03-24", "--every", "monthly",
                 "--count", "2")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "scheduled 2 meetings of Supporting Families Board" in result.stdout
    result = run("meetings", "list", "--board", NORTH)
    lines = result.stdout.splitlines()
    assert lines[1].split()[0] == "2026-02-10" and "scheduled (next, passed unrecorded)" in lines[1]
    assert len(lines) == 4
    result = run("meetings", "list", "--from", "2026-03-01", "--to", "2026-04-30")
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == [
        "2026-03-24", "2026-04-28",
    ]  # fmt: skip


def test_cli_refusals(cli_gov: Tracker) -> None:
    before = snapshot(cli_gov)
    result = run("meetings", "add", NORTH, "2026-01-05")
    assert result.exit_code == 2
    assert "a meeting in the past cannot be scheduled" in result.stderr
    result = run("meetings", "add-series", NORTH, "--from", "2026-04-01", "--every", "yearly",
                 "--count", "2")  # fmt: skip
    assert result.exit_code == 2 and "unknown pattern 'yearly'" in result.stderr
    result = run("meetings", "hold", NORTH, "2026-02-10", "--note", "F-01")
    assert result.exit_code == 2
    assert "F-01 is accountable to Supporting Families Board" in result.stderr
    result = run("meetings", "hold", NORTH, "2026-02-10", "--challenge", "N-04")
    assert result.exit_code == 2 and "give REF:COMMENT" in result.stderr
    result = run("meetings", "review", NORTH, "2026-02-10", "--note", "N-01")
    assert result.exit_code == 2 and "not yet held" in result.stderr
    assert snapshot(cli_gov) == before


def test_cli_hold_waiting_and_agenda(cli_gov: Tracker) -> None:
    result = run("meetings", "waiting", NORTH)
    assert result.exit_code == 0, result.output
    assert [line.split()[1] for line in result.stdout.splitlines()[1:]] == [
        "N-01", "N-01", "N-02", "N-02", "N-04",
    ]  # fmt: skip
    result = run("meetings", "hold", NORTH, "2026-02-10", "--attendee", "Jo Bell",
                 "--agenda", "Local action plan", "--note", "N-01", "--note", "N-02",
                 "--challenge", "N-04:Add milestone dates")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "held: Locality Partnership Board North, 10 Feb 2026 (Spring term meeting)",
        "  attendees: Jo Bell",
        "  noted: N-01 (2 updates); N-02",
        "  challenged: N-04: Add milestone dates",
        "  still waiting for the next meeting: 1 update",
    ]
    result = run("meetings", "waiting", NORTH)
    assert [line.split()[1] for line in result.stdout.splitlines()[1:]] == ["N-02"]
    result = run("meetings", "agenda", SFB)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Supporting Families Board, 24 Feb 2026 (February meeting): scheduled, the next meeting",
        "  1. Status updates for noting: 2",
        "  2. Reported position from Locality Partnership Board North: 3 updates",
    ]
    result = run("meetings", "hold", SFB, "2026-02-24", "--note-all")
    assert "  reported from child boards: 3 updates (lpb-north 3)" in result.stdout.splitlines()
    result = run("actions", "show", "N-01")
    assert ("      trail: recorded 20 Jan 2026, noted at Locality Partnership Board North "
            "10 Feb 2026, reported to Supporting Families Board 24 Feb 2026, waiting for "
            "Children First Board") in result.stdout.splitlines()  # fmt: skip


def test_cli_help_has_examples() -> None:
    for group, command in (("meetings", "hold"), ("meetings", "add-series"), ("boards", "edit"),
                           ("board", "position"), ("escalations", "decide"),
                           ("meetings", "waiting"), ("escalations", "raise")):  # fmt: skip
        result = run(group, command, "--help")
        assert result.exit_code == 0 and "Examples:" in result.stdout, (group, command)


def test_cancel_a_meeting(cli_gov: Tracker) -> None:
    result = run("meetings", "cancel", NORTH, "2026-05-12")
    assert result.exit_code == 0, result.output
    assert result.stdout == "cancelled: Locality Partnership Board North, 12 May 2026\n"
    assert rows(cli_gov, "SELECT status FROM meeting WHERE date = :d", d=dt.date(2026, 5, 12)) == [
        ("cancelled",)
    ]
    assert ("cancel",) in rows(
        cli_gov, "SELECT operation FROM audit_entry WHERE entity = 'meeting'"
    )
    before = snapshot(cli_gov)
    result = run("meetings", "cancel", NORTH, "2026-05-12")
    assert result.exit_code == 2 and "is cancelled, not scheduled" in result.stderr
    assert snapshot(cli_gov) == before
    # a cancelled date can be scheduled again
    assert run("meetings", "add", NORTH, "2026-05-12").exit_code == 0
