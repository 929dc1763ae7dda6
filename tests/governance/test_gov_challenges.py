"""Challenges answered: a challenged update is an open question to the action's owner until the
owner answers it; the answer closes it and waits for the board's next meeting. A board's
decisions on escalations create follow-ups, chased in its matters arising."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from governance_helpers import NORTH, SFB, SOUTH, on_day, rows, run, snapshot

from tracker.errors import InvalidInput, NotFound
from tracker.services.committees.arising import matters_arising
from tracker.services.context import Tracker
from tracker.services.governance.challenges import answer_challenge, list_challenges
from tracker.services.governance.escalations import decide_escalation, raise_escalation
from tracker.services.governance.holding import hold_meeting
from tracker.services.governance.minuted import ActionArising
from tracker.services.governance.reviews import Verdict
from tracker.services.governance.trail import describe_trail, trail_for_updates, waiting_updates

FEB10, FEB24 = dt.date(2026, 2, 10), dt.date(2026, 2, 24)


def challenge_n04(t: Tracker) -> int:
    hold_meeting(t, NORTH, FEB10, verdicts=[Verdict("N-04", "challenged", "Add milestone dates")])
    (c,) = list_challenges(t)
    return c.id


def test_a_challenge_is_open_to_its_owner_until_answered(gov: Tracker) -> None:
    cid = challenge_n04(gov)
    (c,) = list_challenges(gov, owner="north-rep")
    assert (c.ref, c.board, c.meeting, c.comment, c.owner, c.is_open) == (
        "N-04",
        NORTH,
        FEB10,
        "Add milestone dates",
        "Jo Bell (Community representative)",
        True,
    )
    assert list_challenges(gov, owner="sfb-chair") == ()
    result = answer_challenge(gov, cid, "Milestones: design by May, pilot by September",
                              progress=25)  # fmt: skip
    assert result.update.progress == 25 and not result.challenge.is_open
    assert list_challenges(gov) == ()
    (closed,) = list_challenges(gov, open_only=False)
    assert closed.answer == "Milestones: design by May, pilot by September"
    # the answer waits for the board's next meeting, flagged as a resubmission
    (waiting,) = [w for w in waiting_updates(gov, NORTH) if w.ref == "N-04"]
    assert waiting.id == closed.answered_by and waiting.challenged_before == "Add milestone dates"
    first, answer = (r[0] for r in rows(gov, "SELECT su.id FROM status_update su JOIN action a "
                                             "ON a.id = su.action_id WHERE a.ref = 'N-04' "
                                             "ORDER BY su.recorded_at"))  # fmt: skip
    trail = trail_for_updates(gov, [first, answer])
    assert describe_trail(trail[first]) == (
        "recorded 3 Feb 2026, challenged at Locality Partnership Board North 10 Feb 2026 "
        "(Add milestone dates), answered 1 Mar 2026"
    )
    assert describe_trail(trail[answer]) == (
        "recorded 1 Mar 2026, waiting for Locality Partnership Board North"
    )
    audit = rows(gov, "SELECT operation, new FROM audit_entry WHERE operation = 'answer'")
    assert audit and "answered: Milestones" in audit[0][1]


def test_answer_refusals_change_nothing(gov: Tracker) -> None:
    cid = challenge_n04(gov)
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as caught:
        answer_challenge(gov, cid, "  ")
    assert caught.value.problems[0].field == "note"
    with pytest.raises(InvalidInput) as caught:
        answer_challenge(gov, cid, "Done", progress=140)
    assert caught.value.problems[0].field == "progress"
    with pytest.raises(NotFound):
        answer_challenge(gov, 9999, "Done")
    assert snapshot(gov) == before
    answer_challenge(gov, cid, "Dates added")
    with pytest.raises(InvalidInput, match="already answered"):
        answer_challenge(gov, cid, "Again")


def test_escalation_decisions_create_follow_ups_chased_in_matters_arising(gov: Tracker) -> None:
    e = raise_escalation(on_day(gov, dt.date(2026, 2, 20)), "S-02", SOUTH, reason="Venue lost",
                         decision_sought="Fund a new venue")  # fmt: skip
    hold_meeting(gov, SFB, FEB24)
    before = snapshot(gov)
    with pytest.raises(InvalidInput) as caught:
        decide_escalation(gov, e.id, "accept", actions=[ActionArising("Tom Reed", "fund it")])
    assert caught.value.problems[0].field == "meeting"
    with pytest.raises(InvalidInput) as caught:
        decide_escalation(
            gov,
            e.id,
            "accept",
            meeting=FEB24,
            actions=[ActionArising("Tom Reed", "fund it", dt.date(2026, 1, 1))],
        )
    assert caught.value.problems[0].field == "due"
    assert snapshot(gov) == before
    decided = decide_escalation(
        gov, e.id, "accept", note="Funding agreed", meeting=FEB24,
        actions=[ActionArising("Head of Early Help", "confirm the funding letter",
                               dt.date(2026, 3, 10))],
    )  # fmt: skip
    assert decided.status == "accepted"
    arising = matters_arising(gov, SFB, dt.date(2026, 5, 1))
    assert [(f.text, f.owner_code, f.due) for f in arising.open] == [
        ("confirm the funding letter", "sfb-chair", dt.date(2026, 3, 10))
    ]
    esc = rows(gov, "SELECT escalation_id FROM followup")
    assert esc == [(e.id,)]


@pytest.fixture
def cli_gov(gov: Tracker, settings_file: Path) -> Tracker:
    return gov


def test_cli_challenges_list_and_answer(cli_gov: Tracker) -> None:
    cid = challenge_n04(cli_gov)
    result = run("challenges", "list")
    assert result.exit_code == 0, result.output
    assert "N-04" in result.stdout and "Add milestone dates" in result.stdout
    assert "1 challenge to answer" in result.stderr
    result = run("challenges", "answer", str(cid), "--note", "Dates added", "--rag", "green")
    assert result.exit_code == 0, result.output
    assert f"challenge #{cid} on N-04 answered" in result.stdout
    assert "waits for Locality Partnership Board North's next meeting" in result.stdout
    result = run("challenges", "answer", str(cid), "--note", "Again")
    assert result.exit_code == 2 and "already answered" in result.stderr
    result = run("challenges", "list", "--all", "--format", "json")
    assert '"open": false' in result.stdout
