"""A board's rolled-up position: its own and all descendant boards' actions, as of a date.

The rule for "as of DATE": each action counts with the status, RAG and % complete of its latest
status update recorded on or before DATE; an action with no update by then counts with the
values stored on it (its plan values; the history does not say what an action stood at before
its first update). Without a date the position is the current one (the stored values). Overdue
means due before the date and still open. "RAG worsened since the last meeting" compares each
action's RAG as of the board's last held meeting on or before the date (same rule) with its RAG
as of the date, green < amber < red; an action not assessed at either end is not compared.

Everything is computed by a few aggregate queries over the subtree's board ids, never per action,
in plain SQL (no SQLAlchemy, so `tracker board position` runs through sqlite3 or psycopg alone;
a service in a session, such as a paper, reads the same SQL through `SessionReader`). The rule
for an action's values as of a date is tracker.services.governance.as_of's. What child boards
reported is in tracker.services.governance.reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.services.actions.implied_due import phase_end_sql
from tracker.services.actions.register import ActionRow, action_row, withheld
from tracker.services.governance.as_of import ids_in, rag_as_of_sql, values_as_of_sql
from tracker.services.governance.board_read import (
    board_info_read,
    find_board_id,
    last_held,
    tree_read,
)
from tracker.services.governance.escalation_read import WORDS as ESCALATION_WORDS
from tracker.services.governance.escalation_read import open_on_read
from tracker.services.governance.position_types import BoardPosition, GroupCounts, RagChange
from tracker.services.governance.reported import Counts, child_reports
from tracker.services.governance.tree import Tree, children_of, day_end, subtree
from tracker.services.plain_sql import Params, Reader, SessionReader, as_utc
from tracker.services.reading import withhold_actions
from tracker.vocabulary import OPEN_STATUSES, RAGS, STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.services.context import Tracker

__all__ = ["board_position", "position_in", "position_read", "withhold_position"]

RAG_KEYS = (*RAGS, "none")
_RANK = {"green": 1, "amber": 2, "red": 3}
_RANK_SQL = "CASE {} WHEN 'green' THEN 1 WHEN 'amber' THEN 2 WHEN 'red' THEN 3 END"


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


def board_position(t: Tracker, board: str, as_of: dt.date | None = None) -> BoardPosition:
    """The position of `board` (code or name) and all boards under it, as of `as_of`
    (default: now, from the actions' current values; dated: from the update history)."""
    with t.reading_sql() as reader:
        return withhold_position(t, reader, position_read(reader, board, as_of, t.today()))


def withhold_position(t: Tracker, reader: Reader, p: BoardPosition) -> BoardPosition:
    """The position with the words of exempt actions the acting account may not read in full
    withheld (tracker.services.reading): titles in the overdue and worsened lists, the
    updates its child boards reported, the escalations open to it."""
    if t.unrestricted:
        return p
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
        ),
        escalations_open=withhold_actions(
            t, reader, p.escalations_open, ESCALATION_WORDS, read_by="to_board"
        ),
    )


def position_in(s: Session, board: str, as_of: dt.date | None, today: dt.date) -> BoardPosition:
    """`board_position` inside an open session (a paper's): the same SQL, in its transaction."""
    return position_read(SessionReader(s), board, as_of, today)


def position_read(
    reader: Reader, board: str, as_of: dt.date | None, today: dt.date
) -> BoardPosition:
    """`board_position` on a plain-SQL reader, before any withholding."""
    when = as_of or today
    board_id = find_board_id(reader, board)
    tree = tree_read(reader)
    ids = subtree(tree, board_id)
    last_meeting = last_held(reader, [board_id], when).get(board_id)
    p = Params(reader.dialect)
    eff = values_as_of_sql(p, ("id", "board_id", "phase_id", "stage_id"),
                           f"a.board_id IN ({ids_in(p, ids)})", as_of)  # fmt: skip
    grouped = reader.rows(
        "SELECT board_id, phase_id, stage_id, status, rag, count(*), coalesce(sum(progress), 0) "
        f"FROM ({eff}) AS eff GROUP BY board_id, phase_id, stage_id, status, rag", p.values)  # fmt: skip
    phase_of = {r[0]: (r[1], r[2]) for r in reader.rows("SELECT id, number, name FROM phase", {})}
    stage_of = {r[0]: (r[1], r[2]) for r in reader.rows("SELECT id, number, name FROM stage", {})}
    total, per_board = _Tally(), {i: _Tally() for i in ids}
    phases: dict[int, _Tally] = {num: _Tally() for num, _ in sorted(phase_of.values())}
    stages: dict[int | None, _Tally] = {num: _Tally() for num, _ in sorted(stage_of.values())}
    stages[None] = _Tally()
    for board_id_, phase_id, stage_id, status, rag, n, prog in grouped:
        n, prog = int(n), int(prog)
        for tally in (
            total, per_board[board_id_], phases[phase_of[phase_id][0]],
            stages[stage_of[stage_id][0] if stage_id in stage_of else None],
        ):  # fmt: skip
            tally.add(status, rag, n, prog)
    names = {num: name for num, name in sorted(phase_of.values(), reverse=True)}
    snames: dict[int | None, str | None] = {
        num: name for num, name in sorted(stage_of.values(), reverse=True)
    }
    snames[None] = "no stage"
    return BoardPosition(
        board=board_info_read(reader, board_id, tree),
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
        ),
        overdue=_overdue(reader, ids, as_of, when),
        worsened=_worsened(reader, ids, tree, last_meeting, as_of),
        children=child_reports(
            reader,
            board_id,
            tree,
            lambda ids: _sum(per_board, ids).counts,
            when,
            last_meeting,
            last_held(reader, [k.id for k in children_of(tree, board_id)], when),
        ),
        escalations_open=open_on_read(reader, board_id, when),
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


def _open_in(p: Params, column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({p.each(values)})"


def _overdue(
    reader: Reader, ids: list[int], as_of: dt.date | None, when: dt.date
) -> tuple[ActionRow, ...]:
    """The actions due before the date and open on it, in the register's columns as of the
    date; only actions due before it have their history looked up."""
    p = Params(reader.dialect)
    due = p(when)
    eff = values_as_of_sql(
        p, ("id", "ref", "title", "board_id", "phase_id", "stage_id", "owner_id", "due",
            "version"),
        f"a.board_id IN ({ids_in(p, ids)}) AND (a.due < {due} OR a.due IS NULL)", as_of,
    )  # fmt: skip
    # without a due date an action is due by its phase's end, as the register counts it
    shown = f"COALESCE(eff.due, {phase_end_sql(p)})"
    rows = reader.rows(
        "SELECT eff.ref, eff.title, phase.number, phase.name, stage.number, stage.name, "
        "board.code, board.name, person.name, person.role, eff.due, eff.status, eff.rag, "
        "eff.progress, eff.last_update, eff.version, phase.end_year, 1 "
        f"FROM ({eff}) AS eff JOIN phase ON phase.id = eff.phase_id "
        "LEFT OUTER JOIN stage ON stage.id = eff.stage_id JOIN board ON board.id = eff.board_id "
        "LEFT OUTER JOIN person ON person.id = eff.owner_id "
        f"WHERE {shown} < {due} AND {_open_in(p, 'eff.status', OPEN_STATUSES)} "
        f"ORDER BY {shown}, eff.ref", p.values)  # fmt: skip
    return tuple(action_row(r) for r in rows)  # the register's columns, as of the date


def _worsened(
    reader: Reader,
    ids: list[int],
    tree: Tree,
    last_meeting: dt.date | None,
    as_of: dt.date | None,
) -> tuple[RagChange, ...]:
    if last_meeting is None:
        return ()
    # only an action with an update since the meeting can have changed: look up just those
    p = Params(reader.dialect)
    since = p(day_end(last_meeting))
    until = p(day_end(as_of)) if as_of is not None else None
    if until is None:
        changed_since = f"a.latest_update_at >= {since}"
    else:
        changed_since = (f"EXISTS (SELECT 1 FROM status_update y WHERE y.action_id = a.id AND "
                         f"y.recorded_at >= {since} AND y.recorded_at < {until})")  # fmt: skip
    frame = (
        f"SELECT a.id, a.ref, a.title, a.board_id, {rag_as_of_sql(p, last_meeting)} AS before, "
        f"{rag_as_of_sql(p, as_of)} AS after FROM action a WHERE a.board_id IN "
        f"({ids_in(p, ids)}) AND {changed_since}"
    )
    window = f" AND su.recorded_at < {until}" if until is not None else ""
    rows = reader.rows(
        "SELECT frame.ref, frame.title, frame.board_id, frame.before, frame.after, "
        "(SELECT min(su.recorded_at) FROM status_update su WHERE su.action_id = frame.id AND "
        f"su.rag = frame.after AND su.recorded_at >= {since}{window}) FROM ({frame}) AS frame "
        f"WHERE {_RANK_SQL.format('frame.after')} > {_RANK_SQL.format('frame.before')} "
        "ORDER BY frame.ref", p.values)  # fmt: skip
    out = []
    for ref, title, board_id, before, after, changed in rows:
        on = as_utc(changed)
        out.append(RagChange(
            ref=ref, title=title, board=tree[board_id].code, board_name=tree[board_id].name,
            before=before, after=after, changed_on=on.date() if on is not None else None,
        ))  # fmt: skip
    return tuple(out)
