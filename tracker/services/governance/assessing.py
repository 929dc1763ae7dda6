"""Open actions assessed against their board's tolerances (tracker.domain.tolerance) as of a day,
in plain SQL (no SQLAlchemy: the direction of travel in `tracker board position` needs the
exceptions at both ends of the period). tracker.services.governance.exceptions builds the
exceptions' lists on it; a service in a session reads it through `SessionReader`.

Each action's values as of the day follow governance/as_of.py; its pace is read from the sums
of its updates by then (one GROUP BY, no update read into Python), then the pace rule runs per
action."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from tracker.domain.pace import Pace, Thresholds, TrendSums, pace_of
from tracker.domain.tolerance import Facts, Tolerances, breaches, proposed_decision
from tracker.services.actions.implied_due import phase_end_sql
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.register import owner_label
from tracker.services.governance.as_of import ids_in, values_as_of_sql
from tracker.services.governance.board_read import tree_read
from tracker.services.governance.tree import Tree, chunks
from tracker.services.plain_sql import Params, Reader, as_date
from tracker.vocabulary import OPEN_STATUSES

_Row: TypeAlias = tuple[Any, ...]


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


def exceptions_read(reader: Reader, board_id: int, when: dt.date, today: dt.date) -> ExceptionList:
    """The exceptions that rise to a board's paper, worst first, with every rising board's
    tolerances in words."""
    th = thresholds_in(reader)
    ids = rising_ids(tree_read(reader), board_id)
    found = assess(reader, ids, when, today, th, outside_only=True)
    p = Params(reader.dialect)
    tols = tuple(
        (r[0], stored_tolerances(r[1]).describe()) for r in reader.rows(
            f"SELECT name, tolerances FROM board WHERE id IN ({ids_in(p, ids)}) ORDER BY name",
            p.values)
    )  # fmt: skip
    p = Params(reader.dialect)
    code, name = reader.rows(f"SELECT code, name FROM board WHERE id = {p(board_id)}", p.values)[0]
    return ExceptionList(code, name, when, th.describe(), tols, worst_first(found))


def assess(
    reader: Reader, board_ids: list[int], when: dt.date, today: dt.date,
    th: Thresholds | None = None, *, outside_only: bool = False,
) -> list[Assessed]:  # fmt: skip
    """Every open action of the boards as of `when`, assessed against its board's tolerances
    (`outside_only`: just those outside them)."""
    out = []
    for row, pace, causes in assessing(reader, board_ids, when, today, th, owners=True):
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


def worst_first(items: list[Assessed]) -> tuple[Assessed, ...]:
    return tuple(sorted(items, key=lambda a: (-len(a.causes), -(a.slip_days or 0), a.ref)))


def rising_ids(tree: Tree, board_id: int) -> list[int]:
    """The boards whose exceptions rise to this board's paper: its children, and itself when it
    has no parent (nothing above it to rise to)."""
    ids = [n.id for n in tree.values() if n.parent_id == board_id]
    if tree[board_id].parent_id is None:
        ids.append(board_id)
    return ids


def exception_refs(reader: Reader, board_ids: list[int], when: dt.date, today: dt.date) -> set[str]:
    """The refs of the open actions of the boards outside tolerance as of `when` (what
    `assessing` finds with causes, without building each assessment)."""
    return {row[1] for row, _, causes in assessing(reader, board_ids, when, today) if causes}


def stored_tolerances(value: object) -> Tolerances:
    """A board's tolerances as stored (JSON: text on SQLite, already read on PostgreSQL)."""
    read = json.loads(value) if isinstance(value, str) else value
    return Tolerances.stored(read if isinstance(read, dict) else None)


def assessing(
    reader: Reader, board_ids: list[int], when: dt.date, today: dt.date,
    th: Thresholds | None = None, *, owners: bool = False,
) -> Iterator[tuple[_Row, Pace, tuple[str, ...]]]:  # fmt: skip
    """Each open action of the boards as of `when` (id, ref, title, board code and name, start,
    due, status, rag, progress[, owner name, role]) with its pace and its causes: the rows and
    the sums of their updates read set-based, then the pace rule per action."""
    if not board_ids:
        return
    th = th or thresholds_in(reader)
    as_of = None if when >= today else when
    p = Params(reader.dialect)
    boards = {
        r[0]: (r[1], r[2], stored_tolerances(r[3]))
        for r in reader.rows(
            f"SELECT id, code, name, tolerances FROM board WHERE id IN ({p.each(board_ids)})",
            p.values,
        )
    }
    p = Params(reader.dialect)
    eff = values_as_of_sql(p, ("id", "ref", "title", "board_id", "owner_id", "start", "due",
                               "phase_id"), f"a.board_id IN ({ids_in(p, board_ids)})", as_of)  # fmt: skip
    person = ", person.name, person.role" if owners else ""
    joined = " LEFT OUTER JOIN person ON person.id = eff.owner_id" if owners else ""
    late_after = f"COALESCE(eff.due, {phase_end_sql(p)})"  # none: its phase's end (the register's)
    rows = reader.rows(
        "SELECT eff.action_id, eff.ref, eff.title, eff.board_id, eff.start, eff.due, eff.status, "
        f"eff.rag, eff.progress, {late_after}{person} FROM ({eff}) AS eff "
        f"JOIN phase ON phase.id = eff.phase_id{joined} WHERE eff.status IN "
        f"({p.each(OPEN_STATUSES)})", p.values)  # fmt: skip
    sums = trend_sums(reader, None, when, board_ids)
    p = Params(reader.dialect)
    challenges: dict[int, int] = {  # challenged at the action's own board, at meetings by then
        r[0]: int(r[1]) for r in reader.rows(
            "SELECT su.action_id, count(*) FROM status_update su JOIN update_review r ON "
            "r.update_id = su.id JOIN action a ON a.id = su.action_id JOIN meeting m ON m.id = "
            f"r.meeting_id WHERE a.board_id IN ({p.each(board_ids)}) AND r.outcome = "
            f"'challenged' AND r.board_id = a.board_id AND m.date <= {p(when)} "
            "GROUP BY su.action_id", p.values)
    }  # fmt: skip
    for r in rows:
        aid, ref, title, board_id, start, due, status, rag, progress, late = r[:10]
        start, due, late = as_date(start), as_date(due), as_date(late)
        pace = pace_at(start, late, status, progress, when, sums.get(aid), th)  # due, or implied
        code, bname, tol = boards[board_id]
        overdue = (when - late).days if late is not None and late < when else None
        causes = breaches(tol, Facts(rag, pace.suggested, pace.slip_days, overdue,
                                     challenges.get(aid, 0)))  # fmt: skip
        yield (
            (aid, ref, title, code, bname, start, due, status, rag, progress, *r[10:]),
            pace,
            causes,
        )


def day_sql(dialect: str) -> str:
    """A status update's day number (date.toordinal() of recorded_at, stored as naive UTC) in SQL."""
    if dialect == "sqlite":  # 'YYYY-MM-DD HH:MM:SS.ffffff'; julianday of 0001-01-01 is 1721425.5
        return "CAST(julianday(substr(recorded_at, 1, 10)) - 1721424.5 AS INTEGER)"
    return "(CAST(recorded_at AS DATE) - DATE '0001-01-01' + 1)::bigint"


def trend_sums(
    reader: Reader, ids: list[int] | None, when: dt.date, board_ids: list[int] | None = None
) -> dict[int, TrendSums]:
    """Each action's updates recorded by the end of the day, summed for its trend in one GROUP
    BY (no update read into Python): of the actions `ids`, else of every action of the boards.
    The index ix_status_update_trend covers it."""
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
