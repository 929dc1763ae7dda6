"""The whole plan's counts as of a paper's date (a committee paper), following the board
position's rule (governance/as_of.py: its SQL, as a SQLAlchemy subquery), grouped in the
database. The actions a paper lists are read in papers/listed.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    Integer,
    String,
    Subquery,
    Text,
    and_,
    column,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from tracker.models import Board, Phase, Stage
from tracker.models.base import UTCDateTime
from tracker.services.governance.as_of import ids_in, values_as_of_sql
from tracker.services.papers.context import CountFields, Frame, counts_of
from tracker.services.papers.data import Position, Tally
from tracker.services.plain_sql import Params
from tracker.vocabulary import OPEN_STATUSES

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
