"""Exceptions: actions outside their own board's tolerances rise to the parent's paper, with the
cause and a proposed decision, and are escalated in one step."""

from __future__ import annotations

import datetime as dt

import pytest
from reporting_helpers import run
from sqlalchemy import func, select

from tracker.errors import InvalidInput
from tracker.models import Escalation
from tracker.services.context import Tracker
from tracker.services.governance.escalations import list_escalations
from tracker.services.governance.exceptions import escalate_exception, list_exceptions


def test_exceptions_rise_to_the_parent_with_cause_and_decision(rep: Tracker) -> None:
    top = list_exceptions(rep, "cfb")
    assert [(x.ref, x.board) for x in top.exceptions] == [("R-02", "sfb"), ("R-01", "sfb")]
    r02 = top.exceptions[0]
    assert r02.causes == ("slippage: forecast 796 days after due",
                          "below suggestion: progress suggests red")  # fmt: skip
    assert r02.decision == "agree a recovery plan, or re-baseline the due date"
    # sfb tolerates 14 days of slippage: R-01, 36 days late at this pace, is outside it
    assert top.exceptions[1].causes == ("slippage: forecast 36 days after due",)
    # the locality board's overdue action rises to sfb, not to cfb; lpb tolerates red
    middle = list_exceptions(rep, "sfb")
    assert [(x.ref, x.causes[0]) for x in middle.exceptions] == [
        ("R-04", "overdue: 29 days past due")
    ]
    assert not any("red: the owner reports red" in c for c in middle.exceptions[0].causes)


def test_as_of_an_earlier_day_the_exceptions_are_those_of_that_day(rep: Tracker) -> None:
    # on 15 Dec 2025 R-04 was not yet due, at 60% (its update of 15 Nov): only its pace was out
    (then,) = list_exceptions(rep, "sfb", dt.date(2025, 12, 15)).exceptions
    assert (then.ref, then.progress, then.rag) == ("R-04", 60, "amber")
    assert then.causes == ("slippage: forecast 64 days after due",)


def test_an_exception_is_escalated_in_one_step(rep: Tracker) -> None:
    e = escalate_exception(rep, "R-02")
    assert (e.from_board, e.to_board, e.status) == ("sfb", "cfb", "open")
    assert "slippage: forecast 796 days after due" in e.reason
    assert e.decision_sought == "agree a recovery plan, or re-baseline the due date"
    with pytest.raises(InvalidInput, match="already escalated"):
        escalate_exception(rep, "R-02")
    assert len(list_escalations(rep)) == 1


def test_an_action_within_tolerance_is_not_escalated(rep: Tracker) -> None:
    with pytest.raises(InvalidInput, match="within Locality Partnership Board's tolerances"):
        escalate_exception(rep, "R-03")
    with rep.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Escalation)) == 0


def test_the_cli_lists_and_escalates(rep: Tracker) -> None:
    listed = run("exceptions", "list", "cfb")
    assert listed.exit_code == 0, listed.output
    assert "2 exceptions rising to Children First Board" in listed.output
    assert "Supporting Families Board tolerances: forecast more than 14 days" in listed.output
    refused = run("exceptions", "escalate", "R-03")
    assert refused.exit_code == 2 and "not an exception" in refused.output
    done = run("exceptions", "escalate", "R-04")
    assert done.exit_code == 0, done.output
    assert "from Locality Partnership Board to Supporting Families Board" in done.output
    assert "decision sought: agree a new due date, or close the action" in done.output


def test_an_action_challenged_twice_at_its_board_is_an_exception(rep: Tracker) -> None:
    from tracker.services.governance.holding import hold_meeting, review_at_meeting
    from tracker.services.governance.meetings import schedule_meeting
    from tracker.services.governance.reviews import Verdict

    day = dt.date(2026, 3, 1)
    assert "R-03" not in {x.ref for x in list_exceptions(rep, "sfb").exceptions}
    schedule_meeting(rep, "lpb", day)
    hold_meeting(rep, "lpb", day)
    review_at_meeting(rep, "lpb", day, [Verdict("R-03", "challenged", "Figures do not add up")])
    found = {x.ref: x for x in list_exceptions(rep, "sfb").exceptions}
    assert found["R-03"].causes == ("challenged: 2 times at the board",)
    assert found["R-03"].decision == "ask the owner to attend and account for the action"
    # before that meeting it was not challenged
    earlier = list_exceptions(rep, "sfb", dt.date(2026, 2, 28)).exceptions
    assert "R-03" not in {x.ref for x in earlier}
