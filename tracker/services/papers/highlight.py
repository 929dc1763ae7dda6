"""The highlight report's context (PRINCE2: the period since the board's last meeting), on top of
paper_context's frame and papers/listed.py's actions. Read in plain SQL on the paper's one read
transaction: sqlite3 or psycopg alone for `tracker paper render highlight` (no SQLAlchemy), a
session's `SessionReader` otherwise (render.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tracker.domain.pace import Thresholds
from tracker.services.actions.pace import thresholds_in
from tracker.services.governance.assessing import (
    Assessed,
    exceptions_read,
    pace_at,
    rising_ids,
    trend_sums,
)
from tracker.services.governance.board_read import find_board_id, tree_read
from tracker.services.governance.escalation_read import involving_read
from tracker.services.governance.position import position_read
from tracker.services.governance.reported import ReportedUpdate
from tracker.services.governance.tree import subtree
from tracker.services.papers.context import (
    Frame,
    counts_of,
    escalation_item,
    open_on,
    position_of,
)
from tracker.services.papers.data.actions import ActionItem, UpdateItem
from tracker.services.papers.data.highlight import (
    BoardTolerance,
    ChildBoard,
    ExceptionLine,
    HighlightContext,
    Shown,
)
from tracker.services.papers.listed import (
    ActionRowAt,
    by_due,
    every_action,
    listed_actions,
    read_actions,
)
from tracker.services.papers.travel import travel_read
from tracker.services.plain_sql import Reader
from tracker.vocabulary import OPEN_STATUSES

SHOWN = 10  # items shown per list in a highlight report: it stays a few pages at any size


def _update_item(u: ReportedUpdate) -> UpdateItem:
    return UpdateItem(
        ref=u.ref, title=u.title, date=u.recorded_on, by=None, status=u.status, rag=u.rag,
        progress=u.progress, commentary=u.commentary,
    )  # fmt: skip


def _paced(
    reader: Reader, rows: list[ActionRowAt], when: dt.date, th: Thresholds,
    board_ids: list[int] | None = None,
) -> list[ActionItem]:  # fmt: skip
    """The items with the RAG their progress suggests and their forecast, as of the paper
    (`board_ids`: the rows are every action of these boards; their updates are read so)."""
    ids = None if board_ids is not None else [r.action_id for r in rows]
    sums = trend_sums(reader, ids, when, board_ids)
    out = []
    for r in rows:
        a = r.item
        p = pace_at(a.start, a.due, a.status, a.progress, when, sums.get(r.action_id), th)
        out.append(replace(a, suggested=p.suggested, forecast=p.forecast_text))
    return out


def _exception_line(a: Assessed) -> ExceptionLine:
    return ExceptionLine(
        ref=a.ref, title=a.title, board=a.board, board_name=a.board_name, owner=a.owner,
        due=a.due, rag=a.rag, suggested=a.suggested, progress=a.progress, forecast=a.forecast,
        causes=a.causes, decision=a.decision,
    )  # fmt: skip


def highlight(reader: Reader, fr: Frame, appendix: bool = False) -> HighlightContext:
    """PRINCE2 highlight report for the board (and the boards under it), bounded: each list
    shows at most SHOWN items (worst or soonest first), `shown` says how many there are, and
    the full register is an optional appendix."""
    pos = position_read(reader, fr.board.code, fr.position_as_of, fr.paper.today)
    years = fr.years
    when, start = fr.paper.as_of, fr.period.start
    th = thresholds_in(reader)
    board_id = find_board_id(reader, fr.board.code)
    tree = tree_read(reader)
    ids = subtree(tree, board_id)
    listed = listed_actions(reader, ids, fr)
    items = [r.item for r in listed]
    open_items = [a for a in items if a.status in OPEN_STATUSES]
    escalations = involving_read(reader, board_id)
    rising = rising_ids(tree, board_id)
    found = exceptions_read(reader, board_id, when, fr.paper.today)
    per_board: dict[str, int] = {}
    for x in found.exceptions:
        per_board[x.board_name] = per_board.get(x.board_name, 0) + 1
    travel = travel_read(
        reader, board_id=board_id, subtree_ids=ids, rising_ids=rising, when=when, start=start,
        today=fr.paper.today, chart=fr.paper.format == "html",
        exceptions_now={x.ref for x in found.exceptions},
    )  # fmt: skip
    register: tuple[ActionItem, ...] = ()
    if appendix:
        every = read_actions(reader, ids, fr, every_action)
        register = tuple(_paced(reader, every, when, th, ids))

    def in_period(d: dt.date | None) -> bool:
        return d is not None and d <= when and (start is None or d > start)

    up = [
        escalation_item(e) for e in escalations
        if e.from_board == fr.board.code and e.raised_on <= when
        and (open_on(e, when) or in_period(e.raised_on) or in_period(e.decided_on))
    ]  # fmt: skip
    children = tuple(
        ChildBoard(
            **counts_of(c.by_status, c.by_rag, c.total, c.progress),
            code=c.code,
            name=c.name,
            last_meeting=c.last_meeting,
            reported_updates=c.reported_updates,
            reported=tuple(_update_item(u) for u in c.reported[:SHOWN]),
            to_report_updates=c.to_report_updates,
            to_report=tuple(_update_item(u) for u in c.to_report[:SHOWN]),
            to_report_actions=len(c.to_report),
        )
        for c in pos.children
    )
    completed = sorted((a for a in items if a.status == "complete"),
                       key=lambda a: (a.completed_on or dt.date.min, a.ref))  # fmt: skip
    next_period = sorted(
        (a for a in open_items
         if (a.due and when < a.due <= fr.period.next_end)
         or (a.start and when < a.start <= fr.period.next_end)), key=by_due)  # fmt: skip
    off_track = sorted((a for a in open_items if a.why), key=by_due)
    risks = [a for a in open_items if a.rag == "amber"]
    decisions = [escalation_item(e) for e in pos.escalations_open]
    counted = (len(completed), len(next_period), len(off_track), len(risks))
    # the suggestion and forecast of the items shown (a few dozen, whatever the plan's size)
    completed, next_period = completed[-SHOWN:], next_period[:SHOWN]
    off_track, risks = off_track[:SHOWN], sorted(risks, key=by_due)[:SHOWN]
    wanted = {a.ref for a in (*completed, *next_period, *off_track, *risks)}
    paced = {
        a.ref: a for a in _paced(reader, [r for r in listed if r.item.ref in wanted], when, th)
    }
    completed, next_period, off_track, risks = (
        [paced[a.ref] for a in part] for part in (completed, next_period, off_track, risks)
    )
    shown = Shown(
        limit=SHOWN, completed=counted[0], next_period=counted[1],
        off_track=counted[2], risks=counted[3], worsened=len(pos.worsened),
        escalated_up=len(up), decisions=len(decisions), exceptions=len(found.exceptions),
    )  # fmt: skip
    return HighlightContext(
        **fr.common(),
        position=position_of(pos, years),
        completed=tuple(completed),  # the latest completed
        next_period=tuple(next_period),
        off_track=tuple(off_track),
        risks=tuple(risks),
        worsened=pos.worsened[:SHOWN],
        escalated_up=tuple(up[-SHOWN:]),
        decisions=tuple(decisions[:SHOWN]),
        children=children,
        rule=th.describe(),
        exceptions=tuple(_exception_line(x) for x in found.exceptions[:SHOWN]),
        tolerances=tuple(
            BoardTolerance(board=name, tolerances=words, exceptions=per_board.get(name, 0))
            for name, words in found.tolerances
        ),
        travel=travel,
        shown=shown,
        register=register,
    )
