"""Suggested RAG and forecast finish for actions (the rules: tracker.domain.pace).

Plain SQL (tracker.services.plain_sql), so `tracker actions list --pace` and the app's register
read them without the ORM, and a paper's session reads them through a SessionReader: one query
for the actions, one for their updates' (day, % complete), grouped in Python a pass each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.domain.pace import Pace, Thresholds, pace_of, trend
from tracker.services.actions.implied_due import phase_end
from tracker.services.plain_sql import Params, Reader, as_date

if TYPE_CHECKING:
    from tracker.services.context import Tracker


@dataclass(frozen=True)
class ActionPace:
    ref: str
    rag: str | None  # the owner's own RAG
    pace: Pace


@dataclass(frozen=True)
class PaceReport:
    rule: str  # the rule, in words, with the plan's thresholds
    thresholds: Thresholds
    actions: tuple[ActionPace, ...]  # by ref

    def by_ref(self) -> dict[str, ActionPace]:
        return {a.ref: a for a in self.actions}


def thresholds_in(reader: Reader) -> Thresholds:
    """The plan's thresholds (its first strategy's), else the defaults."""
    rows = reader.rows("SELECT rag_green, rag_red FROM strategy ORDER BY title LIMIT 1", {})
    if not rows:
        return Thresholds()
    green, red = rows[0]
    default = Thresholds()
    return Thresholds(
        green=float(green) if green is not None else default.green,
        red=float(red) if red is not None else default.red,
    )


def day_number(value: dt.datetime | str) -> int:
    """A stored timestamp's day number (SQLite gives text, PostgreSQL a datetime)."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10]).toordinal()
    return value.date().toordinal()


def paces_in(
    reader: Reader, today: dt.date, *, refs: Sequence[str] | None = None,
    board_ids: Sequence[int] | None = None, th: Thresholds | None = None,
) -> dict[str, ActionPace]:  # fmt: skip
    """Each action's pace (of the refs, else of the boards, else every action), by ref."""
    th = th or thresholds_in(reader)
    if (refs is not None and not refs) or (board_ids is not None and not board_ids):
        return {}

    def which(p: Params) -> str:
        if refs is not None:
            return f" WHERE ref IN ({p.each(refs)})"
        if board_ids is not None:
            return f" WHERE board_id IN ({p.each(board_ids)})"
        return ""

    p = Params(reader.dialect)
    # An action without a due date is due at its phase's end, as everywhere else (implied_due).
    actions = reader.rows(
        "SELECT action.id, ref, start, due, status, rag, progress, phase.end_year FROM action "
        f"LEFT JOIN phase ON phase.id = action.phase_id{which(p)}",
        p.values,
    )
    points: dict[int, list[tuple[int, int]]] = {}
    if actions:
        q = Params(reader.dialect)
        sql = "SELECT action_id, recorded_at, progress FROM status_update"
        if refs is not None or board_ids is not None:
            sql += f" WHERE action_id IN (SELECT id FROM action{which(q)})"
        for action_id, at, progress in reader.rows(sql, q.values):
            points.setdefault(action_id, []).append((day_number(at), int(progress)))
    out: dict[str, ActionPace] = {}
    for action_id, ref, start, due, status, rag, progress, end_year in actions:
        start_d, due_d = as_date(start), as_date(due) or phase_end(end_year)
        pts = points.get(action_id, [])
        if start_d is not None and all(start_d.toordinal() < x for x, _ in pts):
            pts = [(start_d.toordinal(), 0), *pts]
        pace = pace_of(
            start=start_d, due=due_d, status=status, progress=int(progress), today=today,
            per_day=trend(pts), th=th,
        )  # fmt: skip
        out[ref] = ActionPace(ref, rag, pace)
    return out


def action_paces(
    t: Tracker, refs: Sequence[str] | None = None, board: str | None = None
) -> PaceReport:
    """The suggested RAG and forecast of the actions (the refs, a board's, else all), with the
    rule that made them."""
    from tracker.errors import NotFound

    today = t.today()
    with t.reading_sql() as reader:
        th = thresholds_in(reader)
        board_ids = None
        if board is not None:
            p = Params(reader.dialect)
            found = reader.rows(
                f"SELECT id FROM board WHERE code = {p(board)} OR name = {p(board)}", p.values
            )
            if not found:
                raise NotFound(f"no board {board!r}")
            board_ids = [int(found[0][0])]
        paces = paces_in(reader, today, refs=refs, board_ids=board_ids, th=th)
    return PaceReport(th.describe(), th, tuple(paces[r] for r in sorted(paces)))
