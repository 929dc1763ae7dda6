"""Escalations: a board asks its parent for a decision on an action. The escalation sits on the
parent's next agenda until decided: accepted, referred back, or escalated further (a new
escalation to the grandparent that follows the first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker import input_rules
from tracker.errors import Conflict, InvalidInput, NotFound, Problem, invalid
from tracker.models import Action, Board, Escalation, Meeting
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.common import (
    day,
    find_board,
    find_meeting,
    load_tree,
    subtree,
)
from tracker.services.governance.escalation_read import (
    WORDS,
    EscalationView,
    involving_read,
    views_read,
)
from tracker.services.governance.minuted import ActionArising, add_actions_in, check_minuted
from tracker.services.plain_sql import Params, SessionReader, fits_integer
from tracker.services.reading import withhold_actions

# what the secretary says -> the status it leaves
DECISIONS = {"accept": "accepted", "refer back": "referred back", "escalate": "escalated"}


@dataclass(frozen=True)
class Decision:
    escalation_id: int
    decision: str  # accept | refer back | escalate
    note: str | None = None
    expected_version: int | None = None


def open_escalations_query(board_id: int) -> Select[Escalation]:
    return (
        select(Escalation)
        .where(Escalation.to_board_id == board_id, Escalation.status == "open")
        .order_by(Escalation.raised_on, Escalation.id)
    )


def escalation_views(s: Session, rows: Sequence[Escalation]) -> list[EscalationView]:
    """Views of escalations (tracker.services.governance.escalation_read), in their order."""
    if not rows:
        return []
    s.flush()  # plain SQL sees only what the session has written
    reader = SessionReader(s)
    p = Params(reader.dialect)
    found = {v.id: v for v in views_read(reader, p, f"e.id IN ({p.each(e.id for e in rows)})")}
    return [found[e.id] for e in rows]


def list_escalations(
    t: Tracker, board: str | None = None, *, open_only: bool = False
) -> tuple[EscalationView, ...]:
    """Escalations (to or from `board`), oldest first."""
    with t.db.reading() as s:
        found = escalations_in(s, board, open_only=open_only)
        return withhold_actions(t, SessionReader(s), found, WORDS, read_by="to_board")


def escalations_in(
    s: Session, board: str | None = None, *, open_only: bool = False
) -> tuple[EscalationView, ...]:
    """`list_escalations` inside an open session."""
    reader = SessionReader(s)
    if board:
        return involving_read(reader, find_board(s, board).id, open_only=open_only)
    p = Params(reader.dialect)
    return views_read(reader, p, "e.status = 'open'" if open_only else "1 = 1")


def get_escalation(t: Tracker, escalation_id: int) -> EscalationView:
    with t.db.reading() as s:
        e = s.get(Escalation, escalation_id) if fits_integer(escalation_id) else None
        if e is None:
            raise NotFound(f"no escalation #{escalation_id}")
        return withhold_actions(
            t, SessionReader(s), escalation_views(s, [e]), WORDS, read_by="to_board"
        )[0]


def raise_escalation(
    t: Tracker,
    ref: str,
    from_board: str,
    *,
    reason: str,
    decision_sought: str,
    to_board: str | None = None,
) -> EscalationView:
    """`from_board` escalates an action (its own or one of a board under it) to its parent."""
    with t.db.writing() as s:
        require(t, s, "raise escalations", board=find_board(s, from_board).code)
        return raise_in(s, t.user, t.today(), ref, from_board, reason=reason,
                        decision_sought=decision_sought, to_board=to_board)  # fmt: skip


def raise_in(
    s: Session, actor: str, today: dt.date, ref: str, from_board: str, *, reason: str,
    decision_sought: str, to_board: str | None = None,
) -> EscalationView:  # fmt: skip
    """raise_escalation's work, in the caller's transaction."""
    problems: list[Problem] = []
    if not (reason or "").strip():
        problems.append(Problem("reason", "say why the action is escalated"))
    if not (decision_sought or "").strip():
        problems.append(Problem("decision", "say what decision is asked for"))
    ref = input_rules.ref(ref)
    action = s.scalars(select(Action).where(Action.ref == ref)).one_or_none()
    if action is None:
        raise NotFound(f"no action with ref {ref!r}")
    src = find_board(s, from_board, field="from")
    tree = load_tree(s)
    parent = s.get(Board, src.parent_id) if src.parent_id is not None else None
    if parent is None:
        problems.append(Problem("from", f"{src.name} has no parent board to escalate to"))
    elif to_board is not None:
        dst = find_board(s, to_board, field="to")
        if dst.id != parent.id:
            problems.append(
                Problem("to", f"an escalation can only go to the raising board's parent: "
                              f"{src.name} reports to {parent.name}, not {dst.name}")
            )  # fmt: skip
    if action.board_id is None or action.board_id not in subtree(tree, src.id):
        owner = tree[action.board_id].name if action.board_id in tree else "no board"
        problems.append(
            Problem("ref", f"{ref} is accountable to {owner}, which is not {src.name} "
                           "or a board under it")
        )  # fmt: skip
    if parent is not None and not problems:
        dup = s.scalars(
            select(Escalation.id).where(
                Escalation.action_id == action.id,
                Escalation.from_board_id == src.id,
                Escalation.status == "open",
            )
        ).first()
        if dup is not None:
            problems.append(
                Problem("ref", f"{ref} is already escalated by {src.name} (#{dup}, open)")
            )
    if problems:
        raise InvalidInput(problems)
    assert parent is not None
    e = _new(s, actor, action, src, parent, today, reason.strip(),
             decision_sought.strip(), None)  # fmt: skip
    return escalation_views(s, [e])[0]


def _new(
    s: Session, actor: str, action: Action, src: Board, dst: Board, on: dt.date,
    reason: str, decision_sought: str, follows: int | None,
) -> Escalation:  # fmt: skip
    e = Escalation(
        action_id=action.id, from_board_id=src.id, to_board_id=dst.id, raised_on=on,
        raised_by=actor, reason=reason, decision_sought=decision_sought, status="open",
        follows_id=follows,
    )  # fmt: skip
    s.add(e)
    s.flush()
    audit.record(s, actor, "raise", "escalation", str(e.id), {
        "action": (None, action.ref), "from": (None, src.code), "to": (None, dst.code),
        "reason": (None, reason), "decision sought": (None, decision_sought),
        "follows": (None, follows),
    })  # fmt: skip
    return e


def decide_in_session(
    s: Session, actor: str, d: Decision, meeting: Meeting | None, today: dt.date
) -> EscalationView:
    """Record a decision inside the caller's transaction (used by hold_meeting too)."""
    e = s.get(Escalation, d.escalation_id) if fits_integer(d.escalation_id) else None
    if e is None:
        raise NotFound(f"no escalation #{d.escalation_id}")
    if d.expected_version is not None and e.version != d.expected_version:
        raise Conflict(f"escalation #{e.id} changed since you read it")
    if d.decision not in DECISIONS:
        raise invalid("decision", f"unknown decision {d.decision!r}", ", ".join(DECISIONS))
    if e.status != "open":
        when = f" on {day(e.decided_on)}" if e.decided_on else ""
        later = (
            "; a past meeting cannot change what a later meeting decided"
            if meeting is not None and meeting.date and e.decided_on and e.decided_on > meeting.date
            else ""
        )
        raise invalid("decision", f"escalation #{e.id} is already {e.status}{when}: "
                                  f"decisions are recorded only on open escalations{later}")  # fmt: skip
    dst = s.get(Board, e.to_board_id)
    assert dst is not None
    if meeting is not None:
        if meeting.board_id != dst.id:
            raise invalid("meeting", f"escalation #{e.id} is for {dst.name} to decide")
        if meeting.date is not None and e.raised_on > meeting.date:
            raise invalid("meeting", f"escalation #{e.id} was raised on {day(e.raised_on)}, "
                                     f"after the meeting of {day(meeting.date)}")  # fmt: skip
        if meeting.status != "held":
            raise invalid("meeting", f"the meeting of {dst.name} on {day(meeting.date)} is "
                                     f"{meeting.status}, not held")  # fmt: skip
    grandparent = s.get(Board, dst.parent_id) if dst.parent_id is not None else None
    if d.decision == "escalate" and grandparent is None:
        raise invalid("decision", f"{dst.name} has no parent board: it cannot escalate further")
    note = d.note.strip() if d.note and d.note.strip() else None
    on = meeting.date if meeting is not None and meeting.date else today
    old = e.status
    e.status = DECISIONS[d.decision]
    e.decided_on = on
    e.decided_meeting_id = meeting.id if meeting is not None else None
    e.decision_note = note
    try:
        s.flush()
    except StaleDataError:
        raise Conflict(f"escalation #{e.id} was changed by someone else while you saved") from None
    audit.record(s, actor, "decide", "escalation", str(e.id), {
        "status": (old, e.status), "decided_on": (None, on), "decision_note": (None, note),
    })  # fmt: skip
    if d.decision == "escalate":
        assert grandparent is not None
        action = s.get(Action, e.action_id)
        assert action is not None
        _new(s, actor, action, dst, grandparent, on, note or e.reason, e.decision_sought, e.id)
    return escalation_views(s, [e])[0]


def decide_escalation(
    t: Tracker,
    escalation_id: int,
    decision: str,
    *,
    note: str | None = None,
    meeting: dt.date | None = None,
    expected_version: int | None = None,
    actions: Sequence[ActionArising] = (),
) -> EscalationView:
    """Record the receiving board's decision; `meeting` is the date of its held meeting that
    decided (default: decided today, outside a meeting). `actions` carry the decision out:
    follow-ups (owner, due) of that meeting, chased until closed and listed in the board's
    matters arising; they need the meeting."""
    with t.db.writing() as s:
        found = s.get(Escalation, escalation_id) if fits_integer(escalation_id) else None
        if found is None:
            raise NotFound(f"no escalation #{escalation_id}")
        to_board = s.get(Board, found.to_board_id)
        require(t, s, "decide escalations", board=to_board.code if to_board else None)
        held: Meeting | None = None
        dst: Board | None = None
        if meeting is not None:
            e = s.get(Escalation, escalation_id) if fits_integer(escalation_id) else None
            if e is None:
                raise NotFound(f"no escalation #{escalation_id}")
            dst = s.get(Board, e.to_board_id)
            assert dst is not None
            held = find_meeting(s, dst, meeting)
        elif actions:
            raise invalid("meeting", "actions arising from a decision belong to the meeting "
                                     "that decided: give its date", "a held meeting's date")  # fmt: skip
        view = decide_in_session(
            s, t.user, Decision(escalation_id, decision, note, expected_version), held, t.today()
        )
        if actions and held is not None and dst is not None:
            mine = [replace(a, escalation_id=escalation_id) for a in actions]
            problems = check_minuted(s, dst, held, (), mine)
            if problems:
                raise InvalidInput(problems)
            add_actions_in(s, t.user, dst, held, mine)
        return view
