"""Direction of travel: this period against the last one, for a board paper.

The last period ends at the board's last held meeting (the paper's period start) and began at
the meeting before it (else as long before as this period is long). Compared, with the rule of
governance/as_of.py for each end: each action's status and RAG (how many moved, better or
worse), the counts by RAG and completion, the mean % complete, the exceptions rising to the
board (new, resolved), and returns: the open actions updated within each period. Plain SQL
(no SQLAlchemy), so `tracker board position` reads it through sqlite3 or psycopg alone.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker.services.actions.implied_due import phase_end_sql
from tracker.services.governance.as_of import ids_in, values_as_of_sql
from tracker.services.governance.assessing import exception_refs, rising_ids
from tracker.services.governance.board_read import find_board_id, held_before, tree_read
from tracker.services.governance.tree import day_end, subtree
from tracker.services.papers.travel_types import Travel, TravelRow
from tracker.services.plain_sql import Params, Reader, SessionReader, as_date
from tracker.vocabulary import OPEN_STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.services.context import Tracker

ORDER = {"green": 0, "amber": 1, "red": 2}


def _state(reader: Reader, ids: list[int], when: dt.date, today: dt.date) -> dict[int, tuple[str, str | None, int, dt.date | None]]:  # fmt: skip
    """action id -> (status, rag, progress, due) as of the day; without a due date, the
    action's phase's end (as the register counts it overdue)."""
    p = Params(reader.dialect)
    eff = values_as_of_sql(p, ("id", "due", "phase_id"), f"a.board_id IN ({ids_in(p, ids)})",
                           None if when >= today else when)  # fmt: skip
    rows = reader.rows(
        "SELECT eff.action_id, eff.status, eff.rag, eff.progress, "
        f"COALESCE(eff.due, {phase_end_sql(p)}) FROM ({eff}) AS eff "
        "JOIN phase ON phase.id = eff.phase_id",
        p.values,
    )
    return {r[0]: (r[1], r[2], r[3], as_date(r[4])) for r in rows}


def _updated(reader: Reader, board_ids: list[int], start: dt.date, end: dt.date) -> set[int]:
    """Actions of the boards with an update recorded after `start`'s day, by the end of `end`'s."""
    p = Params(reader.dialect)
    return {r[0] for r in reader.rows(
        "SELECT DISTINCT action_id FROM status_update WHERE action_id IN (SELECT id FROM action "
        f"WHERE board_id IN ({ids_in(p, board_ids)})) AND recorded_at >= {p(day_end(start))} "
        f"AND recorded_at < {p(day_end(end))}", p.values)}  # fmt: skip


def _row(measure: str, before: float, now: float, *, lower_is_better: bool,
         unit: str = "") -> TravelRow:  # fmt: skip
    diff = now - before
    if abs(diff) < 1e-9:
        return TravelRow(measure, f"{before:g}{unit}", f"{now:g}{unit}", "no change", "→", "same")
    arrow = "↑" if diff > 0 else "↓"
    better = (diff < 0) if lower_is_better else (diff > 0)
    change = (
        ("up " if diff > 0 else "down ") + f"{abs(diff):g}" + (" points" if unit == "%" else "")
    )
    return TravelRow(measure, f"{before:g}{unit}", f"{now:g}{unit}", change, arrow,
                     "better" if better else "worse")  # fmt: skip


def _counts(state: dict[int, tuple[str, str | None, int, dt.date | None]],
            when: dt.date) -> dict[str, float]:  # fmt: skip
    c = {"complete": 0.0, "green": 0.0, "amber": 0.0, "red": 0.0, "overdue": 0.0}
    total = counted = 0
    for status, rag, progress, due in state.values():
        if status == "complete":
            c["complete"] += 1
        if status in OPEN_STATUSES:
            if rag in ORDER:
                c[rag] += 1
            if due is not None and due < when:
                c["overdue"] += 1
        if status != "cancelled":
            total += progress
            counted += 1
    c["progress"] = round(total / counted, 1) if counted else 0.0
    return c


def travel_in(
    s: Session, *, board_id: int, subtree_ids: list[int], rising_ids: list[int],
    when: dt.date, start: dt.date | None, today: dt.date, chart: bool,
    exceptions_now: set[str] | None = None,
) -> Travel:  # fmt: skip
    """`travel_read` in an open session (a paper's)."""
    return travel_read(
        SessionReader(s), board_id=board_id, subtree_ids=subtree_ids, rising_ids=rising_ids,
        when=when, start=start, today=today, chart=chart, exceptions_now=exceptions_now,
    )  # fmt: skip


def travel_read(
    reader: Reader, *, board_id: int, subtree_ids: list[int], rising_ids: list[int],
    when: dt.date, start: dt.date | None, today: dt.date, chart: bool,
    exceptions_now: set[str] | None = None,
) -> Travel:  # fmt: skip
    """This period (start, when] against the last, for the board's subtree; `rising_ids` are the
    boards whose exceptions rise to its paper. `chart`: draw the SVG chart (HTML papers)."""
    if start is None or start >= when:
        return Travel(None, (), 0, 0, 0, 0, 0, 0, 0, None)
    before_start = held_before(reader, board_id, start) or start - (when - start)
    now = _state(reader, subtree_ids, when, today)
    then = _state(reader, subtree_ids, start, today)
    moves = improved = worsened = 0
    for aid, (status, rag, _, _) in now.items():
        was = then.get(aid)
        if was is None:
            continue
        moves += status != was[0]
        r, w = ORDER.get(rag or ""), ORDER.get(was[1] or "")
        if r is not None and w is not None:
            improved += r < w
            worsened += r > w
    exc_now = exceptions_now
    if exc_now is None:
        exc_now = exception_refs(reader, rising_ids, when, today)
    exc_then = exception_refs(reader, rising_ids, start, today)
    open_then = [aid for aid, v in then.items() if v[0] in OPEN_STATUSES]
    received = len(_updated(reader, subtree_ids, start, when) & set(open_then))
    was_open = [aid for aid, v in _state(reader, subtree_ids, before_start, today).items()
                if v[0] in OPEN_STATUSES]  # fmt: skip
    received_before = len(_updated(reader, subtree_ids, before_start, start) & set(was_open))
    cn, cb = _counts(now, when), _counts(then, start)
    rows = (
        _row("Actions complete", cb["complete"], cn["complete"], lower_is_better=False),
        _row("Mean % complete", cb["progress"], cn["progress"], lower_is_better=False, unit="%"),
        _row("Open actions at green", cb["green"], cn["green"], lower_is_better=False),
        _row("Open actions at amber", cb["amber"], cn["amber"], lower_is_better=True),
        _row("Open actions at red", cb["red"], cn["red"], lower_is_better=True),
        _row("Open actions overdue", cb["overdue"], cn["overdue"], lower_is_better=True),
        _row("Exceptions", len(exc_then), len(exc_now), lower_is_better=True),
        _row("Returns received in the period (%)",
             round(100 * received_before / len(was_open), 1) if was_open else 0,
             round(100 * received / len(open_then), 1) if open_then else 0,
             lower_is_better=False, unit="%"),
    )  # fmt: skip
    svg = None
    if chart:
        from tracker.services.papers.chart import travel_chart

        keys = ("complete", "green", "amber", "red")
        svg = travel_chart({k: int(cb[k]) for k in keys}, {k: int(cn[k]) for k in keys},
                           f"{start.day} {start:%b %Y}", f"{when.day} {when:%b %Y}")  # fmt: skip
    return Travel(
        compared_with=start, rows=rows, status_moves=moves, rag_improved=improved,
        rag_worsened=worsened, exceptions_new=len(exc_now - exc_then),
        exceptions_resolved=len(exc_then - exc_now), returns_received=received,
        returns_owed=len(open_then), chart_svg=svg,
    )  # fmt: skip


def board_travel(t: Tracker, board: str, as_of: dt.date | None = None) -> Travel:
    """The direction of travel of a board's position since its last meeting (no chart)."""
    today = t.today()
    when = as_of or today
    with t.reading_sql() as reader:
        board_id = find_board_id(reader, board)
        tree = tree_read(reader)
        return travel_read(
            reader, board_id=board_id, subtree_ids=subtree(tree, board_id),
            rising_ids=rising_ids(tree, board_id), when=when,
            start=held_before(reader, board_id, when), today=today, chart=False,
        )  # fmt: skip
