"""A board's rolled-up position: its own and all descendant boards' actions, as of a date.

The rule for "as of DATE": each action counts with the status, RAG and % complete of its latest
status update recorded on or before DATE; an action with no update by then counts with the
values stored on it (its plan values; the history does not say what an action stood at before
its first update). Without a date the position is the current one (the stored values). Overdue
means due before the date and still open. "RAG worsened since the last meeting" compares each
action's RAG as of the board's last held meeting on or before the date (same rule) with its RAG
as of the date, green < amber < red; an action not assessed at either end is not compared.

Everything is computed by a few aggregate queries over the subtree's board ids, never per action.
What child boards reported is in tracker.services.governance.reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    Subquery,
    case,
    exists,
    func,
    select,
    true,
)
from sqlalchemy.orm import Session, aliased

from tracker.models import (
    Action,
    Board,
    Escalation,
    Meeting,
    Person,
    Phase,
    Stage,
    StatusUpdate,
)
from tracker.services.actions.register import ActionRow, action_row, withheld
from tracker.services.context import Tracker
from tracker.services.governance.as_of import AsOfSelect, values_as_of
from tracker.services.governance.boards import board_info
from tracker.services.governance.common import (
    Tree,
    children_of,
    day_end,
    find_board,
    load_tree,
    subtree,
)
from tracker.services.governance.escalations import WORDS as ESCALATION_WORDS
from tracker.services.governance.escalations import EscalationView, escalation_views
from tracker.services.governance.position_types import BoardPosition, GroupCounts, RagChange
from tracker.services.governance.reported import Counts, child_reports
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import withhold_actions
from tracker.vocabulary import OPEN_STATUSES, RAGS, STATUSES

__all__ = ["board_position", "withhold_position"]

RAG_KEYS = (*RAGS, "none")
_RANK = {"green": 1, "amber": 2, "red": 3}


class _Tally:
    """Counts for one group, from the grouped rows."""

    def __init__(self) -> None:
        self.status: dict[str, int] = dict.fromkeys(STATUSES, 0)
        self.rag: dict[str, int] = dict.fromkeys(RAG_KEYS, 0)
        self.total = 0
        self.progress_sum = 0
        self.progress_n = 0

    def add(self, status: str, rag: str | None, n: int, progress: int) -> None:
        self.total += n
        self.status[status] = self.status.get(status, 0) + n
        self.rag[rag if rag in _RANK else "none"] += n
        if status != "cancelled":
            self.progress_sum += progress
            self.progress_n += n

    @property
    def by_status(self) -> tuple[tuple[str, int], ...]:
        return tuple(self.status.items())

    @property
    def by_rag(self) -> tuple[tuple[str, int], ...]:
        return tuple(self.rag.items())

    @property
    def progress(self) -> float:
        return round(self.progress_sum / self.progress_n, 1) if self.progress_n else 0.0

    @property
    def counts(self) -> Counts:
        return self.total, self.by_status, self.by_rag, self.progress


def _effective(
    board_ids: list[int],
    as_of: dt.date | None,
    *,
    due_before: dt.date | None = None,
    lateral: bool = False,
) -> AsOfSelect:
    """One row per action of the boards with its values as of the date (see the module doc);
    `due_before` keeps only actions due before a day (before looking up their history)."""
    due = [Action.due < due_before] if due_before is not None else []
    cols = (
        Action.id.label("action_id"), Action.ref, Action.title, Action.board_id,
        Action.phase_id, Action.stage_id, Action.owner_id, Action.due, Action.version,
    )  # fmt: skip
    return values_as_of(cols, [Action.board_id.in_(board_ids), *due], as_of, lateral=lateral)


def board_position(t: Tracker, board: str, as_of: dt.date | None = None) -> BoardPosition:
    """The position of `board` (code or name) and all boards under it, as of `as_of`
    (default: now, from the actions' current values; dated: from the update history)."""
    with t.db.reading() as s:
        return withhold_position(t, s, position_in(s, board, as_of, t.today()))


def withhold_position(t: Tracker, s: Session, p: BoardPosition) -> BoardPosition:
    """The position with the words of exempt actions the acting account may not read in full
    withheld (tracker.services.reading): titles in the overdue and worsened lists, the
    updates its child boards reported, the escalations open to it."""
    if t.unrestricted:
        return p
    reader = SessionReader(s)
    title, update = {"title": True}, {"title": True, "commentary": False}
    return replace(
        p,
        overdue=withheld(t, reader, p.overdue),
        worsened=withhold_actions(t, reader, p.worsened, title),
        children=tuple(
            replace(
                c,
                reported=withhold_actions(t, reader, c.reported, update),
                to_report=withhold_actions(t, reader, c.to_report, update),
            )
            for c in p.children
        ),  # fmt: skip
        escalations_open=withhold_actions(t, reader, p.escalations_open, ESCALATION_WORDS, read_by="to_board"),
    )


def position_in(s: Session, board: str, as_of: dt.date | None, today: dt.date) -> BoardPosition:
    """`board_position` inside an open session (a paper's)."""
    when = as_of or today
    b = find_board(s, board)
    tree = load_tree(s)
    ids = subtree(tree, b.id)
    last_meeting = _last_held(s, [b.id], when).get(b.id)
    pg = s.get_bind().dialect.name == "postgresql"
    eff = _effective(ids, as_of, lateral=pg).subquery("eff")
    grouped = s.execute(
        select(eff.c.board_id, eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag,
               func.count(), func.coalesce(func.sum(eff.c.progress), 0))
        .group_by(eff.c.board_id, eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag)
    ).all()  # fmt: skip
    phase_of = {p.id: (p.number, p.name) for p in s.scalars(select(Phase))}
    stage_of = {st.id: (st.number, st.name) for st in s.scalars(select(Stage))}
    total, per_board = _Tally(), {i: _Tally() for i in ids}
    phases: dict[int, _Tally] = {num: _Tally() for num, _ in sorted(phase_of.values())}
    stages: dict[int | None, _Tally] = {num: _Tally() for num, _ in sorted(stage_of.values())}
    stages[None] = _Tally()
    for board_id, phase_id, stage_id, status, rag, n, prog in grouped:
        n, prog = int(n), int(prog)
        for tally in (
            total, per_board[board_id], phases[phase_of[phase_id][0]],
            stages[stage_of[stage_id][0] if stage_id in stage_of else None],
        ):  # fmt: skip
            tally.add(status, rag, n, prog)
    names = {num: name for num, name in sorted(phase_of.values(), reverse=True)}
    snames: dict[int | None, str | None] = {
        num: name for num, name in sorted(stage_of.values(), reverse=True)
    }
    snames[None] = "no stage"
    return BoardPosition(
        board=board_info(s, b, tree),
        as_of=when,
        last_meeting=last_meeting,
        boards_included=tuple(tree[i].code for i in ids),
        total=total.total,
        by_status=total.by_status,
        by_rag=total.by_rag,
        progress=total.progress,
        phases=tuple(_group(num, names.get(num), tl) for num, tl in phases.items()),
        stages=tuple(
            _group(num, snames.get(num), tl)
            for num, tl in stages.items()
            if num is not None or tl.total
        ),  # fmt: skip
        overdue=_overdue(
            s, _effective(ids, as_of, due_before=when, lateral=pg).subquery("due"), when
        ),
        worsened=_worsened(s, ids, tree, last_meeting, as_of),
        children=child_reports(
            s,
            b,
            tree,
            lambda ids: _sum(per_board, ids).counts,
            when,
            last_meeting,
            _last_held(s, [k.id for k in children_of(tree, b.id)], when),
        ),
        escalations_open=_open_escalations(s, b.id, when),
    )


def _sum(per_board: dict[int, _Tally], ids: list[int]) -> _Tally:
    out = _Tally()
    for i in ids:
        t = per_board.get(i)
        if t is None:
            continue
        for status, n in t.status.items():
            out.status[status] = out.status.get(status, 0) + n
        for rag, n in t.rag.items():
            out.rag[rag] += n
        out.total += t.total
        out.progress_sum += t.progress_sum
        out.progress_n += t.progress_n
    return out


def _group(number: int | None, name: str | None, tally: _Tally) -> GroupCounts:
    return GroupCounts(
        number=number, name=name, total=tally.total, by_status=tally.by_status,
        by_rag=tally.by_rag, progress=tally.progress,
    )  # fmt: skip


def _last_held(s: Session, board_ids: list[int], when: dt.date) -> dict[int, dt.date]:
    rows = s.execute(
        select(Meeting.board_id, func.max(Meeting.date))
        .where(Meeting.board_id.in_(board_ids), Meeting.status == "held", Meeting.date <= when)
        .group_by(Meeting.board_id)
    )
    return {r[0]: r[1] for r in rows if r[1] is not None}


def _overdue(s: Session, eff: Subquery, when: dt.date) -> tuple[ActionRow, ...]:
    rows = s.execute(
        select(eff.c.ref, eff.c.title, Phase.number, Phase.name, Stage.number, Stage.name,
               Board.code, Board.name, Person.name, Person.role, eff.c.due, eff.c.status,
               eff.c.rag, eff.c.progress, eff.c.last_update, eff.c.version, Phase.end_year,
               true())
        .join(Phase, Phase.id == eff.c.phase_id)
        .outerjoin(Stage, Stage.id == eff.c.stage_id)
        .join(Board, Board.id == eff.c.board_id)
        .outerjoin(Person, Person.id == eff.c.owner_id)
        .where(eff.c.due < when, eff.c.status.in_(OPEN_STATUSES))
        .order_by(eff.c.due, eff.c.ref)
    )  # fmt: skip
    return tuple(action_row(r) for r in rows)  # the register's columns, as of the date


def _rank(column: ColumnElement[str | None]) -> ColumnElement[int | None]:
    return case(_RANK, value=column, else_=None)


def _rag_as_of(day: dt.date | None) -> SQLColumnExpression[str | None]:
    """An action's RAG as of a day: its latest update's on or before it ('none' when that
    update assessed none), else the stored value; one index lookup per action."""
    if day is None:
        return Action.rag
    x = aliased(StatusUpdate)
    latest = (
        select(func.coalesce(x.rag, "none"))
        .where(x.action_id == Action.id, x.recorded_at < day_end(day))
        .order_by(x.recorded_at.desc(), x.id.desc())
        .limit(1)
        .correlate(Action)
        .scalar_subquery()
    )
    return func.coalesce(latest, Action.rag)


def _worsened(
    s: Session,
    ids: list[int],
    tree: Tree,
    last_meeting: dt.date | None,
    as_of: dt.date | None,
) -> tuple[RagChange, ...]:
    if last_meeting is None:
        return ()
    # only an action with an update since the meeting can have changed: look up just those
    since = day_end(last_meeting)
    if as_of is None:
        changed_since = Action.latest_update_at >= since
    else:
        y = aliased(StatusUpdate)
        changed_since = exists().where(
            y.action_id == Action.id, y.recorded_at >= since, y.recorded_at < day_end(as_of)
        )
    frame = (
        select(Action.id, Action.ref, Action.title, Action.board_id,
               _rag_as_of(last_meeting).label("before"), _rag_as_of(as_of).label("after"))
        .where(Action.board_id.in_(ids), changed_since)
        .subquery("frame")
    )  # fmt: skip
    window = [StatusUpdate.action_id == frame.c.id, StatusUpdate.rag == frame.c.after,
              StatusUpdate.recorded_at >= day_end(last_meeting)]  # fmt: skip
    if as_of is not None:
        window.append(StatusUpdate.recorded_at < day_end(as_of))
    changed = select(func.min(StatusUpdate.recorded_at)).where(*window).scalar_subquery()
    rows = s.execute(
        select(frame.c.ref, frame.c.title, frame.c.board_id, frame.c.before, frame.c.after,
               changed)
        .where(_rank(frame.c.after) > _rank(frame.c.before))
        .order_by(frame.c.ref)
    )  # fmt: skip
    return tuple(
        RagChange(
            ref=r[0],
            title=r[1],
            board=tree[r[2]].code,
            board_name=tree[r[2]].name,
            before=r[3],
            after=r[4],
            changed_on=r[5].date() if r[5] is not None else None,
        )  # fmt: skip
        for r in rows
    )


def _open_escalations(s: Session, board_id: int, when: dt.date) -> tuple[EscalationView, ...]:
    """Escalations to the board that were open on the date (raised by then, not yet decided)."""
    rows = s.scalars(
        select(Escalation)
        .where(
            Escalation.to_board_id == board_id,
            Escalation.raised_on <= when,
            (Escalation.status == "open") | (Escalation.decided_on > when),
        )
        .order_by(Escalation.raised_on, Escalation.id)
    ).all()
    return tuple(escalation_views(s, rows))
