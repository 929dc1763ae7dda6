"""Meetings as records: a past meeting recorded in one step, its time, place, attendance,
decisions and actions arising; the rules on later meetings; the meeting record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from governance_helpers import NORTH, SFB, rows, run, snapshot

from tracker.errors import InvalidInput
from tracker.services.committees.arising import matters_arising
from tracker.services.context import Tracker
from tracker.services.governance.holding import Minuted, hold_meeting, record_meeting
from tracker.services.governance.meeting_record import meeting_record
from tracker.services.governance.minuted import ActionArising, MeetingDetails
from tracker.services.governance.reviews import Verdict
from tracker.services.governance.trail import waiting_updates

NOV12, DEC1, FEB10 = dt.date(2025, 11, 12), dt.date(2025, 12, 1), dt.date(2026, 2, 10)


def test_a_past_meeting_is_recorded_in_one_step(gov: Tracker) -> None:
    result = record_meeting(
        gov, NORTH, NOV12, attendees=["Sam Lee"], verdicts=[Verdict("N-01", "noted")],
        minuted=Minuted(
            details=MeetingDetails(starts=dt.time(10), ends=dt.time(12), location="Room 2",
                                   chair="Jo Bell"),
            apologies=("Ann Kay",), decisions=("the local action plan be approved",),
            actions=(ActionArising("Jo Bell", "circulate the plan", dt.date(2025, 11, 30), "1"),),
            title="Autumn meeting",
        ),
    )  # fmt: skip
    m = result.meeting
    assert (m.date, m.status, m.when, m.location, m.chair) == (
        NOV12,
        "held",
        "10:00-12:00",
        "Room 2",
        "Jo Bell",
    )
    assert (m.attendees, m.apologies) == (("Sam Lee",), ("Ann Kay",))
    # only N-01's update of 3 Nov was recorded by 12 Nov; the January one waits for the next
    assert [(r.ref, r.recorded_at.date()) for r in result.reviewed] == [
        ("N-01", dt.date(2025, 11, 3))
    ]
    assert ("N-01", dt.date(2026, 1, 20)) in [
        (w.ref, w.recorded_at.date()) for w in waiting_updates(gov, NORTH)
    ]
    rec = meeting_record(gov, NORTH, NOV12)
    assert [(d.number, d.text) for d in rec.decisions] == [
        ("1", "the local action plan be approved")
    ]
    assert [(a.owner, a.text, a.due, a.decision, a.status) for a in rec.actions] == [
        ("Jo Bell", "circulate the plan", dt.date(2025, 11, 30), "1", "open")
    ]
    # chased: the open action is a matter arising at the board's next meeting
    arising = matters_arising(gov, NORTH, FEB10)
    assert [f.text for f in arising.open] == ["circulate the plan"]
    audit = rows(gov, "SELECT operation FROM audit_entry WHERE entity = 'meeting' ORDER BY id")
    assert ("record",) in audit and ("hold",) in audit


def test_hold_held_on_moves_a_scheduled_meeting_to_the_day_it_took_place(gov: Tracker) -> None:
    result = record_meeting(gov, NORTH, dt.date(2026, 2, 11), scheduled_on=FEB10, note_all=True)
    assert result.meeting.date == dt.date(2026, 2, 11)
    dates = rows(gov, "SELECT date, status FROM meeting m JOIN board b ON b.id = m.board_id "
                      "WHERE b.code = :c ORDER BY date", c=NORTH)  # fmt: skip
    assert [(str(d), s) for d, s in dates] == [("2026-02-11", "held"), ("2026-05-12", "scheduled")]


def test_a_past_meeting_cannot_change_what_a_later_meeting_decided(gov: Tracker) -> None:
    hold_meeting(gov, NORTH, FEB10, verdicts=[Verdict("N-01", "noted")])
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as caught:
        record_meeting(gov, NORTH, NOV12, verdicts=[Verdict("N-01", "challenged", "Why?")])
    message = str(caught.value)
    assert "already noted at the later meeting" in message and "10 Feb 2026" in message
    assert "cannot change what a later meeting decided" in message
    assert snapshot(gov) == before


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"on": dt.date(2026, 3, 2)}, "date", "in the future"),
        ({"minuted": Minuted(details=MeetingDetails(starts=dt.time(12), ends=dt.time(10)))},
         "end time", "not after the start"),
        ({"minuted": Minuted(details=MeetingDetails(online_link="teams meeting"))},
         "online link", "not a web address"),
        ({"minuted": Minuted(actions=(ActionArising("Jo", "do it", dt.date(2025, 1, 1)),))},
         "due", "before the meeting"),
        ({"minuted": Minuted(actions=(ActionArising("Jo", "do it", decision="4"),))},
         "decision", "no decision '4'"),
        ({"minuted": Minuted(decisions=("  ",))}, "decision", "is empty"),
        ({"verdicts": [Verdict("S-01", "noted")]}, "note", "only be noted at the board"),
        ({"attendees": ["Ann Kay"], "minuted": Minuted(apologies=("Ann Kay",))},
         "apologies", "present and as sending apologies"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_changes_nothing(
    gov: Tracker, kwargs: dict[str, object], field: str, words: str
) -> None:
    before = snapshot(gov)
    kwargs = dict(kwargs)
    on = kwargs.pop("on", NOV12)
    assert isinstance(on, dt.date)
    with pytest.raises(InvalidInput) as caught:
        record_meeting(gov, NORTH, on, **kwargs)  # type: ignore[arg-type]
    assert [p.field for p in caught.value.problems] == [field]
    assert words in str(caught.value)
    assert snapshot(gov) == before


def test_a_verdict_at_a_meeting_before_the_update_was_recorded_is_refused(gov: Tracker) -> None:
    with pytest.raises(InvalidInput) as caught:
        record_meeting(gov, NORTH, DEC1, verdicts=[Verdict("N-02", "noted")])
    assert "after this meeting of 1 Dec 2025; it waits for the next meeting" in str(caught.value)


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_record_show_and_hold_held_on(cli_gov: Tracker) -> None:
    result = run(
        "meetings",
        "record",
        SFB,
        "2025-12-09",
        "--time",
        "14:00-15:30",
        "--venue",
        "Civic Centre",
        "--online",
        "https://teams.example/abc",
        "--chair",
        "Cllr Jo Bell",
        "--attendee",
        "Sam Lee",
        "--apologies",
        "Ann Kay",
        "--decision",
        "That the refreshed plan be approved",
        "--action",
        "Head of Early Help: write to schools by 2026-01-09 (decision 1)",
    )
    assert result.exit_code == 0, result.output
    assert "held: Supporting Families Board, 9 Dec 2025 14:00-15:30" in result.stdout
    assert "minuted: 1 decision, 1 action arising" in result.stdout
    result = run("meetings", "show", SFB, "2025-12-09")
    assert result.exit_code == 0, result.output
    for words in (
        "venue: Civic Centre",
        "chair: Cllr Jo Bell",
        "apologies: Ann Kay",
        "1. the refreshed plan be approved",
        "Head of Early Help to write to schools by 9 Jan 2026 (decision 1): open",
    ):
        assert words in result.stdout
    result = run("meetings", "hold", NORTH, "--held-on", "2026-03-02", "--note-all")
    assert result.exit_code == 2
    assert "in the future" in result.stderr
    result = run("meetings", "record", NORTH, "2025-12-01", "--time", "25:00")
    assert result.exit_code == 2 and "HH:MM" in result.stderr
    result = run("meetings", "hold", NORTH, "2026-02-10", "--held-on", "2026-02-11", "--note-all")
    assert result.exit_code == 0, result.output
    assert "held: Locality Partnership Board North, 11 Feb 2026" in result.stdout
