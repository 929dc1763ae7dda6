"""Follow-ups made outside a minutes import record where they came from too: an action arising
typed when holding a meeting (by hand, or from one of its decisions), one a board decided on an
escalation, and those of a plan file (under their resolutions); the meeting's record in the app
says where each action from no decision came from."""

from __future__ import annotations

import datetime as dt

from governance_helpers import SFB, SOUTH, on_day, rows

from tracker.services.context import Tracker
from tracker.services.governance.escalations import decide_escalation, raise_escalation
from tracker.services.governance.holding import Minuted, hold_meeting
from tracker.services.governance.meeting_record import meeting_record
from tracker.services.governance.minuted import ActionArising
from tracker.ui.boards.meetings import record_text

FEB24 = dt.date(2026, 2, 24)


def test_actions_arising_at_a_meeting_record_their_source(gov: Tracker) -> None:
    e = raise_escalation(on_day(gov, dt.date(2026, 2, 20)), "S-02", SOUTH, reason="Hall closed",
                         decision_sought="Fund another hall")  # fmt: skip
    hold_meeting(gov, SFB, FEB24, minuted=Minuted(
        decisions=("That the outreach budget be agreed",),
        actions=(ActionArising("Tom Reed", "write to the outreach partners", decision="1"),
                 ActionArising("Clerk", "check the hall's insurance")),
    ))  # fmt: skip
    decide_escalation(gov, e.id, "accept", meeting=FEB24,
                      actions=[ActionArising("Head of Early Help", "sign the hall lease")])  # fmt: skip
    found = dict(rows(gov, "SELECT text, source FROM followup"))
    assert found == {
        "write to the outreach partners": "resolution",
        "check the hall's insurance": "hand",
        "sign the hall lease": "escalation",
    }
    shown = record_text(meeting_record(gov, SFB, FEB24)).plain
    insurance = next(x for x in shown.splitlines() if "hall's insurance" in x)
    assert "(added by hand)" in insurance
    partners = next(x for x in shown.splitlines() if "outreach partners" in x)
    assert "(decision 1)" in partners and "by hand" not in partners
    lease = next(x for x in shown.splitlines() if "hall lease" in x)
    assert f"(escalation #{e.id})" in lease and "decided on" not in lease


def test_a_plans_followups_are_from_their_resolutions(loaded: Tracker) -> None:
    found = rows(loaded, "SELECT source, resolution_id IS NOT NULL FROM followup")
    assert found and all(row == ("resolution", True) for row in found)
