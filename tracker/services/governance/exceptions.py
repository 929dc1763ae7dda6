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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.pace import Pace, Thresholds, TrendSums, pace_of
from tracker.domain.tolerance import Facts, Tolerances, breaches, proposed_decision
from tracker.errors import InvalidInput, NotFound, Problem
from tracker.models import Action, Board, Meeting, Person, StatusUpdate, UpdateReview
from tracker.services.accounts.permissions import require
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.governance.as_of import values_as_of
from tracker.services.governance.common import chunks, find_board, load_tree
from tracker.services.governance.escalations import EscalationView, raise_in
from tracker.services.plain_sql import Params, SessionReader
from tracker.vocabulary import OPEN_STATUSES


@dataclass(frozen=True)
class Assessed:
    """One open action, as of a day, against its board's tolerances."""

    ref: str
    title: str
    board: str  # code of the action's board
    board_name: str
    owner: str | None
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    suggested: str | None  # the RAG its progress suggests
    forecast: str  # "at this pace, 6 weeks after due"
    slip_days: int | None
    causes: tuple[str, ...]  # empty: within tolerance
    decision: str  # proposed to the parent board ("" when within tolerance)


@dataclass(frozen=True)
class ExceptionList:
    board: str  # the board whose paper they rise to
    board_name: str
    as_of: dt.date
    rule: str  # the suggested RAG's rule, in words
    tolerances: tuple[tuple[str, str], ...]  # (board name, its tolerances in words), per board
    exceptions: tuple[Assessed, ...]  # worst first: most causes, then longest slip, then ref


def rising_to(s: Session, board_id: int) -> list[int]:
    """The boards whose exceptions rise to this board's paper: its children, and itself when it
    has no parent (nothing above it to rise to)."""
    tree = load_tree(s)
    ids = [n.id for n in tree.values() if n.parent_id == board_id]
    if tree[board_id].parent_id is None:
        ids.append(board_id)
    return ids


def assess_in(
    s: Session, board_ids: list[int], when: dt.date, today: dt.date, th: Thresholds | None = None,
    *, outside_only: bool = False,
) -> list[Assessed]:  # fmt: skip
    """Every open action of the boards as of `when`, assessed against its board's tolerances
    (`outside_only`: just those outside them)."""
    out = []
    for row, pace, causes in _assessing(s, board_ids, when, today, th, owners=True):
        if outside_only and not causes:
            continue
        _aid, ref, title, code, bname, start, due, status, rag, progress, name, role = row
        out.append(Assessed(
            ref=ref, title=title, board=code, board_name=bname, owner=owner_label(name, role),
            due=due, status=status, rag=rag, progress=progress, suggested=pace.suggested,
            forecast=pace.forecast_text, slip_days=pace.slip_days, causes=causes,
            decision=proposed_decision(causes),
        ))  # fmt: skip
    return out


def exception_refs_in(s: Session, board_ids: list[int], when: dt.date, today: dt.date) -> set[str]:
    """The refs of the open actions of the boards outside tolerance as of `when` (what
    `assess_in` finds with causes, without building each assessment)."""
    return {row[1] for row, _, causes in _assessing(s, board_ids, when, today) if causes}


_Row: TypeAlias = tuple[Any, ...]


def _assessing(
    s: Session, board_ids: list[int], when: dt.date, today: dt.date,
    th: Thresholds | None = None, *, owners: bool = False,
) -> Iterator[tuple[_Row, Pace, tuple[str, ...]]]:  # fmt: skip
    """Each open action of the boards as of `when` (id, ref, title, board code and name, start,
    due, status, rag, progress[, owner name, role]) with its pace and its causes: the rows and
    the sums of their updates read set-based, then the pace rule per action."""
    if not board_ids:
        return
    th = th or thresholds_in(SessionReader(s))
    as_of = None if when >= today else when
    boards = {
        b.id: (b.code, b.name, Tolerances.stored(b.tolerances))
        for b in s.scalars(select(Board).where(Board.id.in_(board_ids)))
    }
    cols = (Action.id.label("action_id"), Action.ref, Action.title, Action.board_id,
            Action.owner_id, Action.start, Action.due)  # fmt: skip
    eff = values_as_of(cols, [Action.board_id.in_(board_ids)], as_of).subquery("eff")
    q = select(eff.c.action_id, eff.c.ref, eff.c.title, eff.c.board_id, eff.c.start, eff.c.due,
               eff.c.status, eff.c.rag, eff.c.progress)  # fmt: skip
    if owners:
        q = q.add_columns(Person.name, Person.role).outerjoin(Person, Person.id == eff.c.owner_id)
    rows = s.execute(q.where(eff.c.status.in_(OPEN_STATUSES))).all()
    sums = trend_sums_in(s, None, when, board_ids)
    challenges: dict[int, int] = {  # challenged at the action's own board, at meetings by then
        r[0]: int(r[1]) for r in s.execute(
        select(StatusUpdate.action_id, func.count())
        .join(UpdateReview, UpdateReview.update_id == StatusUpdate.id)
        .join(Action, Action.id == StatusUpdate.action_id)
        .join(Meeting, Meeting.id == UpdateReview.meeting_id)
        .where(Action.board_id.in_(board_ids), UpdateReview.outcome == "challenged",
               UpdateReview.board_id == Action.board_id, Meeting.date <= when)
        .group_by(StatusUpdate.action_id)
    )}  # fmt: skip
    for r in rows:
        aid, ref, title, board_id, start, due, status, rag, progress = r[:9]
        pace = pace_at(start, due, status, progress, when, sums.get(aid), th)
        code, bname, tol = boards[board_id]
        overdue = (when - due).days if due is not None and due < when else None
        causes = breaches(tol, Facts(rag, pace.suggested, pace.slip_days, overdue,
                                     challenges.get(aid, 0)))  # fmt: skip
        yield (aid, ref, title, code, bname, start, due, status, rag, progress, *r[9:]), pace, causes


def day_sql(dialect: str) -> str:
    """A status update's day number (date.toordinal() of recorded_at, stored as naive UTC) in SQL."""
    if dialect == "sqlite":  # 'YYYY-MM-DD HH:MM:SS.ffffff'; julianday of 0001-01-01 is 1721425.5
        return "CAST(julianday(substr(recorded_at, 1, 10)) - 1721424.5 AS INTEGER)"
    return "(CAST(recorded_at AS DATE) - DATE '0001-01-01' + 1)::bigint"


def trend_sums_in(
    s: Session, ids: list[int] | None, when: dt.date, board_ids: list[int] | None = None
) -> dict[int, TrendSums]:
    """Each action's updates recorded by the end of the day, summed for its trend in one GROUP
    BY (no update read into Python): of the actions `ids`, else of every action of the boards.
    The index ix_status_update_trend covers it."""
    reader = SessionReader(s)
    x = day_sql(reader.dialect)
    sums: dict[int, TrendSums] = {}
    parts = chunks(ids) if ids is not None else [None]
    for part in parts:
        p = Params(reader.dialect)
        if part is not None:
            which = f"action_id IN ({p.each(part)})"
        else:
            which = (f"action_id IN (SELECT id FROM action WHERE board_id IN "
                     f"({p.each(board_ids or [-1])}))")  # fmt: skip
        sql = (f"SELECT action_id, COUNT(*), SUM(x), SUM(progress), SUM(x * progress), "
               f"SUM(x * x), MIN(x) FROM (SELECT action_id, {x} AS x, progress "
               f"FROM status_update WHERE {which} "
               f"AND recorded_at < {p(when + dt.timedelta(days=1))}) AS points "
               "GROUP BY action_id")  # fmt: skip
        for action_id, n, sx, sy, sxy, sxx, first in reader.rows(sql, p.values):
            sums[action_id] = TrendSums(int(n), int(sx), int(sy), int(sxy), int(sxx), int(first))
    return sums


def pace_at(
    start: dt.date | None, due: dt.date | None, status: str, progress: int, when: dt.date,
    sums: TrendSums | None, th: Thresholds,
) -> Pace:  # fmt: skip
    """An action's pace on a day from its updates by then (and 0% on its start date)."""
    per_day = (sums or TrendSums()).with_start(start).per_day()
    return pace_of(start=start, due=due, status=status, progress=progress, today=when,
                   per_day=per_day, th=th)  # fmt: skip


def worst_first(items: list[Assessed]) -> tuple[Assessed, ...]:
    return tuple(sorted(items, key=lambda a: (-len(a.causes), -(a.slip_days or 0), a.ref)))


def exceptions_in(s: Session, board: Board, when: dt.date, today: dt.date) -> ExceptionList:
    th = thresholds_in(SessionReader(s))
    ids = rising_to(s, board.id)
    found = assess_in(s, ids, when, today, th, outside_only=True)
    tols = tuple(
        (b.name, Tolerances.stored(b.tolerances).describe())
        for b in s.scalars(select(Board).where(Board.id.in_(ids)).order_by(Board.name))
    )
    return ExceptionList(board.code, board.name, when, th.describe(), tols, worst_first(found))


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
