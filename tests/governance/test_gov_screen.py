"""The Boards screen and its hold-meeting flow, driven as the secretary would (textual pilot),
on SQLite and PostgreSQL; and one snapshot of the screen (120x40, today 2026-03-01)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from governance_helpers import SFB, SOUTH, on_day, rows, snapshot
from textual.app import App

from tracker.config import Settings
from tracker.services.context import Tracker
from tracker.services.governance.escalations import raise_escalation
from tracker.ui.app import create_app
from tracker.ui.boards.hold import HoldMeetingScreen
from tracker.ui.boards.screen import BoardsScreen
from tracker.ui.registry import SCREENS

KEYS = {" ": "space", ",": "comma", "?": "question_mark", "'": "apostrophe"}


async def settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await asyncio.sleep(0.01)
    await pilot.pause()


def screen_text(app: App[None]) -> str:
    """What the terminal shows, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*(KEYS.get(ch, ch) for ch in text))


async def open_boards(pilot: Any) -> None:
    """The app starts on the dashboard; `b` goes to the Boards screen, as a user does."""
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BoardsScreen)


def test_the_screen_is_registered() -> None:
    assert ("b", "Boards", "tracker.ui.boards.screen:BoardsScreen") in SCREENS


@pytest.mark.asyncio
async def test_tree_and_a_boards_position_meetings_waiting(
    gov: Tracker, settings: Settings
) -> None:
    escalate(gov)
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        text = screen_text(app)
        assert "Children First Board" in text and "Scrutiny Committee (committee)" in text
        assert "Locality Partnership Board North" in text
        assert "11 actions in 4 boards as of 01 Mar 2026" in text  # the top board first
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert "Supporting Families Board  (board) chair Tom Reed (Head of Early Help)" in text
        assert "9 actions in 3 boards" in text
        assert "Waiting (2)" in text and "Escalations (1 open)" in text
        assert "Phase 2 Implement and deliver" in text
        await pilot.press("2")  # the Meetings tab
        await settle(pilot)
        assert "24 Feb 2026  February meeting  scheduled (next)" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "F-01  10 Feb 26  in progress  amber  60   Data sharing agreement pending" in text
        await pilot.press("4")
        await settle(pilot)
        text = screen_text(app)
        assert "#1 S-02 Open the South family help drop-in" in text
        assert "  open; raised 20 Feb 2026 by Test User" in text
        assert "  from Locality Partnership Board South" in text
        assert "Decision sought: Fund a new venue" in text


def escalate(t: Tracker) -> None:
    raise_escalation(on_day(t, dt.date(2026, 2, 20)), "S-02", SOUTH, reason="Venue lost",
                     decision_sought="Fund a new venue")  # fmt: skip


@pytest.mark.asyncio
async def test_hold_meeting_flow_records_verdicts_and_decisions(
    gov: Tracker, settings: Settings
) -> None:
    escalate(gov)
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("down")  # Supporting Families Board
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HoldMeetingScreen)
        text = screen_text(app)
        assert "Hold meeting: Supporting Families Board, 24 Feb 2026 (February meeting)" in text
        assert "Update 1 of 2 waiting for this board" in text
        assert "F-01 Agree a data sharing agreement with health partners" in text
        await pilot.press("1")  # F-01 noted
        await pilot.pause()
        assert "F-02 Set up the Supporting Families project board" in screen_text(app)
        await pilot.press("2")
        await pilot.press("enter")  # a challenge needs a comment
        await pilot.pause()
        assert "A challenge needs a comment" in screen_text(app)
        await type_text(pilot, "Attach the terms of reference")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Escalation 1 of 1 to decide" in text
        assert "Decision sought: Fund a new venue" in text
        await pilot.press("1")
        await type_text(pilot, "Funding agreed")
        await pilot.press("enter")
        await pilot.pause()
        assert "Other business: decisions and actions arising" in screen_text(app)
        await pilot.press("enter")  # nothing else minuted
        await pilot.pause()
        text = screen_text(app)
        assert "1 update noted" in text and "1 update challenged" in text
        assert "1 escalation accepted" in text
        await type_text(pilot, "Tom Reed, Asha Patel")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        message = str(app.screen.query_one("#boards-message").render())
        assert message == (
            "Held Supporting Families Board on 24 Feb 2026: 1 update noted, 1 challenged, "
            "0 reported from child boards; 1 escalation decided; 0 updates still waiting."
        )
    assert rows(gov, "SELECT status FROM meeting m JOIN board b ON b.id = m.board_id "
                     "WHERE b.code = :b AND m.date = :d", b=SFB, d=dt.date(2026, 2, 24)) == [
        ("held",)
    ]  # fmt: skip
    got = rows(gov, "SELECT a.ref, r.outcome, r.comment FROM update_review r JOIN status_update "
                    "su ON su.id = r.update_id JOIN action a ON a.id = su.action_id ORDER BY a.ref")  # fmt: skip
    assert got == [("F-01", "noted", None), ("F-02", "challenged", "Attach the terms of reference")]
    assert rows(gov, "SELECT status, decision_note FROM escalation") == [
        ("accepted", "Funding agreed")
    ]
    assert rows(gov, "SELECT name FROM meeting_attendee ORDER BY id") == [
        ("Tom Reed",), ("Asha Patel",),
    ]  # fmt: skip


@pytest.mark.asyncio
async def test_a_decision_gets_follow_ups_in_the_hold_window(
    gov: Tracker, settings: Settings
) -> None:
    """At the escalation step the secretary adds the follow-ups that carry the decision out
    (+, OWNER: TASK by DATE), removes a wrong one (-), then accepts: they are chased with the
    meeting's follow-ups, tied to the escalation. A follow-up due before the meeting is refused
    inline; leaving the escalation open with follow-ups is refused too."""
    escalate(gov)
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_boards(pilot)
        await pilot.press("down", "h")
        await settle(pilot)
        await pilot.press("1", "1")
        await pilot.pause()
        assert "Escalation 1 of 1 to decide" in screen_text(app)
        from tracker.ui.help import catalogue

        window = {c.title: c for c in catalogue(app)}["Hold meeting window"]
        assert {(c.key, c.description) for c in window.commands} >= {
            ("+", "Add follow-up"),
            ("-", "Remove follow-up"),
            ("1", "Accept"),
            ("2", "Refer back"),
            ("3", "Escalate further"),
            ("4", "Leave open"),
        }  # help and the command palette name the window's keys
        await pilot.press("plus")
        await type_text(pilot, "Tom Reed confirm the funding")  # no colon
        await pilot.press("enter")
        await pilot.pause()
        assert "Refused, nothing was changed: action: 'Tom Reed confirm the funding'" in (
            screen_text(app)
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("plus")
        await type_text(pilot, "Tom Reed: send the funding letter by 2026-03-10")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("plus")
        await type_text(pilot, "Asha Patel: find a venue")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Follow-up 1: Tom Reed to send the funding letter by 10 Mar 2026" in text
        assert "Follow-up 2: Asha Patel to find a venue" in text
        await pilot.press("4")  # leave open: refused, the follow-ups need a decision
        await pilot.pause()
        assert "Follow-ups carry a decision out" in screen_text(app)
        await pilot.press("minus")
        await pilot.pause()
        assert "Follow-up 2:" not in screen_text(app)
        await pilot.press("1")
        await type_text(pilot, "Funding agreed")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # past other business
        await pilot.pause()
        assert "1 follow-up to carry decisions out" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        message = str(app.screen.query_one("#boards-message").render())
        assert "1 escalation decided, 1 follow-up to chase" in message
    got = rows(gov, "SELECT f.owner_text, f.text, f.due, f.status, e.status FROM followup f "
                    "JOIN escalation e ON e.id = f.escalation_id")  # fmt: skip
    assert [(o, t, str(due), st, es) for o, t, due, st, es in got] == [
        ("Tom Reed", "send the funding letter", "2026-03-10", "open", "accepted")
    ]


@pytest.mark.asyncio
async def test_other_business_decisions_and_actions_arising_in_the_hold_window(
    gov: Tracker, settings: Settings
) -> None:
    """After the updates and escalations, the secretary minutes a decision tied to neither
    (o) and an action arising from it (+, naming the decision); a decision number the meeting
    does not have is refused inline. Both are saved with the meeting by the same call."""
    app = create_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_boards(pilot)
        await pilot.press("down", "h")
        await settle(pilot)
        await pilot.press("1", "1")
        await pilot.pause()
        assert "Other business: decisions and actions arising" in screen_text(app)
        await pilot.press("o")
        await type_text(pilot, "Agreed to extend the pilot to June")
        await pilot.press("enter")
        await pilot.pause()
        assert "Decision 1: Agreed to extend the pilot to June" in screen_text(app)
        await pilot.press("plus")
        await type_text(pilot, "Asha Patel: book the venue by 2026-03-20 (decision 2)")
        await pilot.press("enter")
        await pilot.pause()
        assert "decision 2: this meeting has 1 other decision minuted" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("plus")
        await type_text(pilot, "Asha Patel: book the venue by 2026-03-20 (decision 1)")
        await pilot.press("enter")
        await pilot.pause()
        assert "Action arising: Asha Patel to book the venue by 20 Mar 2026 (decision 1)" in (
            screen_text(app)
        )
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "1 other decision minuted" in text and "1 action arising" in text
        await type_text(pilot, "Tom Reed")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
        message = str(app.screen.query_one("#boards-message").render())
        assert "1 other decision minuted, 1 follow-up to chase" in message
    assert rows(gov, "SELECT r.number, r.text FROM resolution r JOIN meeting m ON "
                     "m.id = r.meeting_id WHERE m.date = :d", d=dt.date(2026, 2, 24)) == [
        ("1", "Agreed to extend the pilot to June")
    ]  # fmt: skip
    got = rows(gov, "SELECT f.owner_text, f.text, f.due, r.number, f.escalation_id FROM "
                    "followup f JOIN resolution r ON r.id = f.resolution_id")  # fmt: skip
    assert [(o, t, str(d), n, e) for o, t, d, n, e in got] == [
        ("Asha Patel", "book the venue", "2026-03-20", "1", None)
    ]


@pytest.mark.asyncio
async def test_a_follow_up_due_before_the_meeting_is_refused_and_nothing_saved(
    gov: Tracker, settings: Settings
) -> None:
    escalate(gov)
    before = snapshot(gov)
    app = create_app(settings)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_boards(pilot)
        await pilot.press("down", "h")
        await settle(pilot)
        await pilot.press("1", "1", "plus")
        await type_text(pilot, "Tom Reed: send the letter by 2026-01-10")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("enter")  # past other business
        await pilot.pause()
        await pilot.press("enter")  # mark held
        await settle(pilot)
        assert isinstance(app.screen, HoldMeetingScreen)
        assert "due 2026-01-10 is before the meeting of" in screen_text(app)
    assert snapshot(gov) == before


@pytest.mark.asyncio
async def test_cancelling_the_flow_saves_nothing(gov: Tracker, settings: Settings) -> None:
    before = snapshot(gov)
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("down", "h")
        await settle(pilot)
        await pilot.press("1", "3")
        await pilot.pause()
        assert "Other business" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Mark the meeting held" in screen_text(app)
        await pilot.press("up")  # back to other business (typing goes to the attendees box)
        await pilot.pause()
        assert "Other business" in screen_text(app)
        await pilot.press("up")  # back to F-02
        await pilot.pause()
        assert "F-02 Set up the Supporting Families project board" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardsScreen)
    assert snapshot(gov) == before


@pytest.mark.asyncio
async def test_a_board_with_no_meeting_due(gov: Tracker, settings: Settings) -> None:
    app = create_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_boards(pilot)
        await pilot.press("down", "down", "down", "down")  # Scrutiny Committee
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert "No meeting is scheduled: schedule one with n on the Boards screen." in (
            screen_text(app)
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardsScreen)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_snapshot_of_the_boards_screen(gov: Tracker, settings: Settings, snap_compare: Any) -> None:
    escalate(gov)

    async def open_sfb(pilot: Any) -> None:
        await open_boards(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(create_app(settings), terminal_size=(120, 40), run_before=open_sfb)
