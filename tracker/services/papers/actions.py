"""A paper's actions as of a date, following the board position's rule (governance/as_of.py): at
the default date (today) the actions' current values; at an earlier date each action's latest
update recorded on or before it, else its stored values. Actions are read in one query over the
board's subtree, filtered in the database to the ones a paper lists; the whole plan's counts are
grouped in the database. The rest of a paper's context is in paper_context.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    ScalarSelect,
    String,
    Subquery,
    Text,
    and_,
    column,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from tracker.models import Board, Person, Phase, Stage, StatusUpdate
from tracker.models.base import UTCDateTime
from tracker.services.actions.register import owner_label
from tracker.services.governance.as_of import ids_in, values_as_of_sql
from tracker.services.governance.common import day_end, find_board, load_tree, subtree
from tracker.services.papers.context import CountFields, Frame, counts_of
from tracker.services.papers.data import ActionItem, Position, Tally
from tracker.services.plain_sql import Params
from tracker.vocabulary import OPEN_STATUSES

# which actions a paper lists, as a condition on (the actions as of the paper's date, "is open",
# the first 'complete' update in the period covered)
Wanted = Callable[[Subquery, ColumnElement[bool], ScalarSelect[dt.datetime]], ColumnElement[bool]]


_COLUMNS = ("id", "ref", "title", "board_id", "owner_id", "phase_id", "stage_id", "start", "due")
_TYPES = (Integer, String, String, Integer, Integer, Integer, Integer, Date, Date,  # the columns
          String, String, Integer, Text, UTCDateTime)  # then the values as of the date; fmt: skip
_NAMES = ("action_id", *_COLUMNS[1:], "status", "rag", "progress", "commentary", "last_update")


def _effective(s: Session, board_ids: list[int] | None, as_of: dt.date | None) -> Subquery:
    """One row per action (of the boards; None: all) with its values as of the date: the SQL
    of governance/as_of.py (the one statement of the rule), as a subquery to build on."""
    p = Params(s.get_bind().dialect.name, style="named")
    where = f"a.board_id IN ({ids_in(p, board_ids)})" if board_ids is not None else "1 = 1"
    sql = values_as_of_sql(p, _COLUMNS, where, as_of)
    typed = [column(n, t()) for n, t in zip(_NAMES, _TYPES, strict=True)]
    return text(sql).bindparams(**p.values).columns(*typed).subquery("eff")


@dataclass(frozen=True)
class ActionRowAt:
    action_id: int
    item: ActionItem


def read_actions(s: Session, board_ids: list[int], fr: Frame, wanted: Wanted) -> list[ActionRowAt]:
    """Actions of the boards as of the paper, those `wanted(eff, is_open, completed_on)`
    selects, by ref; completed_on is the first 'complete' update in the period covered."""
    when, start = fr.paper.as_of, fr.period.start
    eff = _effective(s, board_ids, fr.position_as_of)
    window = [StatusUpdate.action_id == eff.c.action_id, StatusUpdate.status == "complete",
              StatusUpdate.recorded_at < day_end(when)]  # fmt: skip
    if start is not None:
        window.append(StatusUpdate.recorded_at >= day_end(start))
    completed_on = select(func.min(StatusUpdate.recorded_at)).where(*window).scalar_subquery()
    rows = s.execute(
        select(eff.c.action_id, eff.c.ref, eff.c.title, Board.code, Board.name, Person.name,
               Person.role, eff.c.start, eff.c.due, eff.c.status, eff.c.rag, eff.c.progress,
               eff.c.commentary, eff.c.last_update, completed_on)
        .outerjoin(Board, Board.id == eff.c.board_id)
        .outerjoin(Person, Person.id == eff.c.owner_id)
        .where(wanted(eff, eff.c.status.in_(OPEN_STATUSES), completed_on))
        .order_by(eff.c.ref)
    )  # fmt: skip
    out = []
    for r in rows:
        status, rag, due = r[9], r[10], r[8]
        is_open = status in OPEN_STATUSES
        overdue = bool(is_open and due is not None and due < when)
        red = is_open and rag == "red"
        why = (
            "red and overdue"
            if red and overdue
            else "red"
            if red
            else "overdue"
            if overdue
            else None
        )
        out.append(ActionRowAt(r[0], ActionItem(
            ref=r[1], title=r[2], board=r[3], board_name=r[4], owner=owner_label(r[5], r[6]),
            start=r[7], due=due, status=status, rag=rag, progress=r[11], commentary=r[12],
            last_update=r[13].date() if r[13] else None, overdue=overdue,
            days_overdue=(when - due).days if overdue and due else None,
            completed_on=r[14].date() if r[14] is not None and status == "complete" else None,
            why=why,
        )))  # fmt: skip
    return out


def listed_actions(s: Session, board_ids: list[int], fr: Frame) -> list[ActionRowAt]:
    """What a highlight report lists: open actions that are red, amber, overdue or due (or
    starting) in the next period, and those completed in the period covered."""
    when, next_end = fr.paper.as_of, fr.period.next_end

    def wanted(
        eff: Subquery, is_open: ColumnElement[bool], completed_on: ScalarSelect[dt.datetime]
    ) -> ColumnElement[bool]:
        soon = or_(and_(eff.c.due > when, eff.c.due <= next_end),
                   and_(eff.c.start > when, eff.c.start <= next_end))  # fmt: skip
        done = eff.c.status == "complete"
        if fr.period.start is not None:
            done = and_(done, completed_on.is_not(None))
        return or_(and_(is_open, or_(eff.c.rag.in_(("red", "amber")), eff.c.due < when, soon)),
                   done)  # fmt: skip

    return read_actions(s, board_ids, fr, wanted)


def subtree_ids(s: Session, board: str) -> list[int]:
    b = find_board(s, board)
    return subtree(load_tree(s), b.id)


def by_due(a: ActionItem) -> tuple[bool, dt.date, str]:
    return (a.due is None, a.due or dt.date.max, a.ref)


def whole_plan(s: Session, fr: Frame, years: dict[int, tuple[int | None, int | None]]) -> Position:
    """Every action of the plan as of the paper's date (for a committee with no actions of its
    own): counts grouped in the database."""
    eff = _effective(s, None, fr.position_as_of)
    is_open = eff.c.status.in_(OPEN_STATUSES)
    rows = s.execute(
        select(eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag, func.count(),
               func.coalesce(func.sum(eff.c.progress), 0),
               func.count().filter(and_(is_open, eff.c.due < fr.paper.as_of)))
        .group_by(eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag)
    ).all()  # fmt: skip
    phases = {p.id: (p.number, p.name) for p in s.scalars(select(Phase).order_by(Phase.number))}
    stages = {x.id: (x.number, x.name) for x in s.scalars(select(Stage).order_by(Stage.number))}
    boards = tuple(
        s.scalars(select(Board.code).where(Board.kind == "board").order_by(Board.code))
    )
    total = _Sum()
    by_phase = {num: _Sum() for num, _ in phases.values()}
    by_stage: dict[int | None, _Sum] = {num: _Sum() for num, _ in stages.values()}
    by_stage[None] = _Sum()
    overdue = 0
    for phase_id, stage_id, status, rag, n, prog, late in rows:
        overdue += int(late)
        for sm in (total, by_phase[phases[phase_id][0]],
                   by_stage[stages[stage_id][0] if stage_id in stages else None]):  # fmt: skip
            sm.add(status, rag, int(n), int(prog))
    pnames = dict(phases.values())
    snames = dict(stages.values())
    return Position(
        **total.counts(), scope="the whole plan", boards=boards, overdue=overdue,
        phases=tuple(
            Tally(**sm.counts(), number=num, label=f"Phase {num}: {pnames[num] or 'to be confirmed'}",
                  name=pnames[num], start_year=years.get(num, (None, None))[0],
                  end_year=years.get(num, (None, None))[1])
            for num, sm in by_phase.items()
        ),
        stages=tuple(
            Tally(**sm.counts(), number=num,
                  label=f"Stage {num}: {snames[num]}" if num is not None else "No stage",
                  name=snames.get(num) if num is not None else None, start_year=None,
                  end_year=None)
            for num, sm in by_stage.items() if num is not None or sm.total
        ),
    )  # fmt: skip


class _Sum:
    def __init__(self) -> None:
        self.total = 0
        self.status: dict[str, int] = {}
        self.rag: dict[str, int] = {}
        self.progress_sum = 0
        self.progress_n = 0

    def add(self, status: str, rag: str | None, n: int, progress: int) -> None:
        self.total += n
        self.status[status] = self.status.get(status, 0) + n
        key = rag if rag in ("green", "amber", "red") else "none"
        self.rag[key] = self.rag.get(key, 0) + n
        if status != "cancelled":
            self.progress_sum += progress
            self.progress_n += n

    def counts(self) -> CountFields:
        progress = round(self.progress_sum / self.progress_n, 1) if self.progress_n else 0.0
        return counts_of(tuple(self.status.items()), tuple(self.rag.items()), self.total, progress)
