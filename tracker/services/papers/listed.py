"""A paper's actions as of a date, following the board position's rule (governance/as_of.py): at
the default date (today) the actions' current values; at an earlier date each action's latest
update recorded on or before it, else its stored values. Read in one plain-SQL query over the
board's subtree, filtered in the database to the ones a paper lists (no SQLAlchemy: the
highlight report reads through sqlite3 or psycopg alone; the other papers through their
session's `SessionReader`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tracker.services.actions.implied_due import phase_end, phase_end_sql
from tracker.services.governance.as_of import ids_in, values_as_of_sql
from tracker.services.governance.tree import day_end
from tracker.services.papers.context import Frame
from tracker.services.papers.data.actions import ActionItem
from tracker.services.plain_sql import Params, Reader, as_date, as_utc
from tracker.vocabulary import OPEN_STATUSES, owner_label

# which actions a paper lists: SQL on `eff` (the actions as of the paper's date), given the
# bound values, "is open" and the first 'complete' update in the period covered (as SQL)
Wanted = Callable[[Params, str, str], str]

_COLUMNS = ("id", "ref", "title", "board_id", "owner_id", "phase_id", "stage_id", "start", "due")


@dataclass(frozen=True)
class ActionRowAt:
    action_id: int
    item: ActionItem


def read_actions(
    reader: Reader, board_ids: list[int], fr: Frame, wanted: Wanted
) -> list[ActionRowAt]:
    """Actions of the boards as of the paper, those `wanted(p, is_open, completed_on)`
    selects, by ref; completed_on is the first 'complete' update in the period covered."""
    when, start = fr.paper.as_of, fr.period.start
    p = Params(reader.dialect)
    eff = values_as_of_sql(p, _COLUMNS, f"a.board_id IN ({ids_in(p, board_ids)})",
                           fr.position_as_of)  # fmt: skip
    since = f" AND su.recorded_at >= {p(day_end(start))}" if start is not None else ""
    completed_on = (
        "(SELECT min(su.recorded_at) FROM status_update su WHERE su.action_id = eff.action_id "
        f"AND su.status = 'complete' AND su.recorded_at < {p(day_end(when))}{since})"
    )
    is_open = f"eff.status IN ({p.each(OPEN_STATUSES)})"
    rows = reader.rows(
        "SELECT eff.action_id, eff.ref, eff.title, board.code, board.name, person.name, "
        "person.role, eff.start, eff.due, eff.status, eff.rag, eff.progress, eff.commentary, "
        f"eff.last_update, {completed_on}, phase.end_year FROM ({eff}) AS eff "
        "JOIN phase ON phase.id = eff.phase_id LEFT OUTER JOIN board ON "
        "board.id = eff.board_id LEFT OUTER JOIN person ON person.id = eff.owner_id "
        f"WHERE {wanted(p, is_open, completed_on)} ORDER BY eff.ref", p.values)  # fmt: skip
    out = []
    for r in rows:
        status, rag, due = r[9], r[10], as_date(r[8])
        is_open_now = status in OPEN_STATUSES
        late_after = due or phase_end(r[15])  # none of its own: its phase's end (the register's)
        overdue = bool(is_open_now and late_after is not None and late_after < when)
        red = is_open_now and rag == "red"
        why = (
            "red and overdue"
            if red and overdue
            else "red"
            if red
            else "overdue"
            if overdue
            else None
        )
        last, done = as_utc(r[13]), as_utc(r[14])
        out.append(ActionRowAt(r[0], ActionItem(
            ref=r[1], title=r[2], board=r[3], board_name=r[4], owner=owner_label(r[5], r[6]),
            start=as_date(r[7]), due=due, status=status, rag=rag, progress=r[11],
            commentary=r[12], last_update=last.date() if last else None, overdue=overdue,
            days_overdue=(when - late_after).days if overdue and late_after else None,
            completed_on=done.date() if done is not None and status == "complete" else None,
            why=why, implied_due=None if due else phase_end(r[15]),
        )))  # fmt: skip
    return out


def listed_actions(reader: Reader, board_ids: list[int], fr: Frame) -> list[ActionRowAt]:
    """What a highlight report lists: open actions that are red, amber, overdue or due (or
    starting) in the next period, and those completed in the period covered."""
    when, next_end = fr.paper.as_of, fr.period.next_end

    def wanted(p: Params, is_open: str, completed_on: str) -> str:
        t, n = p(when), p(next_end)
        soon = f"(eff.due > {t} AND eff.due <= {n}) OR (eff.start > {t} AND eff.start <= {n})"
        done = "eff.status = 'complete'"
        if fr.period.start is not None:
            done = f"{done} AND {completed_on} IS NOT NULL"
        late = f"COALESCE(eff.due, {phase_end_sql(p)}) < {t}"
        return (f"(({is_open}) AND (eff.rag IN ('red', 'amber') OR {late} OR {soon})) "
                f"OR ({done})")  # fmt: skip

    return read_actions(reader, board_ids, fr, wanted)


def every_action(p: Params, is_open: str, completed_on: str) -> str:
    """Wanted: every action (a highlight report's appendix)."""
    return "eff.ref IS NOT NULL"


def by_due(a: ActionItem) -> tuple[bool, dt.date, str]:
    return (a.due is None, a.due or dt.date.max, a.ref)
