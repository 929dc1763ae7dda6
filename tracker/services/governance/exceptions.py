"""Exceptions: open actions outside their own board's tolerances (tracker.domain.tolerance).

An exception of a board rises to its parent's paper with its cause and a proposed decision,
and is escalated in one step (`escalate_exception`: an escalation from the action's board to
the parent, its reason the cause, the decision sought the proposed one). A board's paper lists
the exceptions of the actions of its child boards, and its own when it has no parent.

Assessed as of a day, from each action's values and update history on that day (the rule of
governance/as_of.py), so a paper compares this period's exceptions with the last one's.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.pace import Thresholds, TrendSums
from tracker.domain.tolerance import Tolerances
from tracker.errors import InvalidInput, NotFound, Problem
from tracker.models import Action, Board
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.assessing import (
    Assessed,
    ExceptionList,
    assess,
    exception_refs,
    exceptions_read,
    rising_ids,
    trend_sums,
)
from tracker.services.governance.common import find_board, load_tree
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import raise_in
from tracker.services.plain_sql import SessionReader


def rising_to(s: Session, board_id: int) -> list[int]:
    """The boards whose exceptions rise to this board's paper (see `rising_ids`)."""
    return rising_ids(load_tree(s), board_id)


def assess_in(
    s: Session, board_ids: list[int], when: dt.date, today: dt.date, th: Thresholds | None = None,
    *, outside_only: bool = False,
) -> list[Assessed]:  # fmt: skip
    """`assess` in an open session."""
    return assess(SessionReader(s), board_ids, when, today, th, outside_only=outside_only)


def exception_refs_in(s: Session, board_ids: list[int], when: dt.date, today: dt.date) -> set[str]:
    """`exception_refs` in an open session."""
    return exception_refs(SessionReader(s), board_ids, when, today)


def trend_sums_in(
    s: Session, ids: list[int] | None, when: dt.date, board_ids: list[int] | None = None
) -> dict[int, TrendSums]:
    """`trend_sums` in an open session."""
    return trend_sums(SessionReader(s), ids, when, board_ids)


def exceptions_in(s: Session, board: Board, when: dt.date, today: dt.date) -> ExceptionList:
    """`exceptions_read` in an open session."""
    return exceptions_read(SessionReader(s), board.id, when, today)


def list_exceptions(t: Tracker, board: str, as_of: dt.date | None = None) -> ExceptionList:
    """The exceptions that rise to a board's paper, with their causes and proposed decisions."""
    today = t.today()
    with t.db.reading() as s:
        return exceptions_in(s, find_board(s, board), as_of or today, today)


def escalate_exception(t: Tracker, ref: str) -> EscalationView:
    """Escalate an exception in one step: from the action's board to its parent, the cause as
    the reason and the proposed decision as the decision sought. Refused if the action is within
    its board's tolerances (or closed)."""
    today = t.today()
    with t.db.writing() as s:
        row = s.execute(select(Action.board_id).where(Action.ref == ref)).one_or_none()
        if row is None:
            raise NotFound(f"no action with ref {ref!r}")
        if row[0] is None:
            raise InvalidInput(Problem("ref", f"{ref} belongs to no board: nothing to escalate"))
        board = s.get(Board, row[0])
        require(t, s, "raise escalations", board=board.code if board else None)
        assert board is not None
        assessed = [a for a in assess_in(s, [board.id], today, today) if a.ref == ref]
        if not assessed or not assessed[0].causes:
            raise InvalidInput(Problem(
                "ref", f"{ref} is within {board.name}'s tolerances (or closed), so not an "
                f"exception; its tolerances: {Tolerances.stored(board.tolerances).describe()}",
            ))  # fmt: skip
        a = assessed[0]
        reason = "Outside tolerance: " + "; ".join(a.causes) + f" ({a.forecast})"
        return raise_in(s, t.user, today, ref, board.code, reason=reason,
                        decision_sought=a.decision)  # fmt: skip
