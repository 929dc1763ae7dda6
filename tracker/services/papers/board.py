"""The board papers' contexts: the highlight report (the period since the last meeting) and the
exception report (each action red or escalated), on top of paper_context's frame and actions,
read in the paper's session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from tracker.domain.pace import Thresholds
from tracker.models import Action, ActionDependency, Outcome, StatusUpdate, action_outcome
from tracker.services.actions.pace import thresholds_in
from tracker.services.actions.views import LinkedAction
from tracker.services.governance.assessing import pace_at
from tracker.services.governance.common import chunks, day, day_end, find_board
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import escalations_in
from tracker.services.governance.exceptions import (
    Assessed,
    exceptions_in,
    rising_to,
    trend_sums_in,
)
from tracker.services.governance.position import position_in
from tracker.services.governance.reported import ReportedUpdate
from tracker.services.papers.actions import (
    ActionRowAt,
    by_due,
    listed_actions,
    read_actions,
    subtree_ids,
)
from tracker.services.papers.context import (
    Frame,
    counts_of,
    escalation_item,
    open_on,
    position_of,
)
from tracker.services.papers.data import (
    ActionItem,
    BoardTolerance,
    ChildBoard,
    ExceptionContext,
    ExceptionItem,
    ExceptionLine,
    HighlightContext,
    Option,
    Shown,
    UpdateItem,
)
from tracker.services.papers.travel import travel_in
from tracker.services.plain_sql import SessionReader
from tracker.vocabulary import OPEN_STATUSES

HISTORY = 6  # updates shown per action in an exception report
SHOWN = 10  # items shown per list in a highlight report: it stays a few pages at any size


# ---- highlight -------------------------------------------------------------------------------


def _update_item(u: ReportedUpdate) -> UpdateItem:
    return UpdateItem(
        ref=u.ref, title=u.title, date=u.recorded_on, by=None, status=u.status, rag=u.rag,
        progress=u.progress, commentary=u.commentary,
    )  # fmt: skip


def _paced(
    s: Session, rows: list[ActionRowAt], when: dt.date, th: Thresholds,
    board_ids: list[int] | None = None,
) -> list[ActionItem]:  # fmt: skip
    """The items with the RAG their progress suggests and their forecast, as of the paper
    (`board_ids`: the rows are every action of these boards; their updates are read so)."""
    ids = None if board_ids is not None else [r.action_id for r in rows]
    sums = trend_sums_in(s, ids, when, board_ids)
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


def highlight(s: Session, fr: Frame, appendix: bool = False) -> HighlightContext:
    """PRINCE2 highlight report for the board (and the boards under it), bounded: each list
    shows at most SHOWN items (worst or soonest first), `shown` says how many there are, and
    the full register is an optional appendix."""
    pos = position_in(s, fr.board.code, fr.position_as_of, fr.paper.today)
    years = fr.years
    when, start = fr.paper.as_of, fr.period.start
    th = thresholds_in(SessionReader(s))
    ids = subtree_ids(s, fr.board.code)
    listed = listed_actions(s, ids, fr)
    items = [r.item for r in listed]
    open_items = [a for a in items if a.status in OPEN_STATUSES]
    escalations = escalations_in(s, fr.board.code)
    board_id = find_board(s, fr.board.code).id
    rising = rising_to(s, board_id)
    found = exceptions_in(s, find_board(s, fr.board.code), when, fr.paper.today)
    per_board: dict[str, int] = {}
    for x in found.exceptions:
        per_board[x.board_name] = per_board.get(x.board_name, 0) + 1
    travel = travel_in(
        s, board_id=board_id, subtree_ids=ids, rising_ids=rising, when=when, start=start,
        today=fr.paper.today, chart=fr.paper.format == "html",
        exceptions_now={x.ref for x in found.exceptions},
    )  # fmt: skip
    register: tuple[ActionItem, ...] = ()
    if appendix:
        every = read_actions(s, ids, fr, lambda eff, is_open, _: eff.c.ref.is_not(None))
        register = tuple(_paced(s, every, when, th, ids))

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
        )  # fmt: skip
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
    paced = {a.ref: a for a in _paced(s, [r for r in listed if r.item.ref in wanted], when, th)}
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
    )  # fmt: skip


# ---- exception -------------------------------------------------------------------------------


def exception(s: Session, fr: Frame) -> ExceptionContext:
    """One exception per action in the board's subtree that is red, or escalated to or by the
    board (open on the as-of date)."""
    when = fr.paper.as_of
    escalations = [e for e in escalations_in(s, fr.board.code) if open_on(e, when)]
    ids = subtree_ids(s, fr.board.code)
    refs = sorted({e.ref for e in escalations})
    rows = {
        r.item.ref: r
        for r in read_actions(
            s, ids, fr, lambda eff, is_open, _: or_(and_(is_open, eff.c.rag == "red"),
                                                    eff.c.ref.in_(refs)),
        )
    }  # fmt: skip
    action_ids = {r.action_id: ref for ref, r in rows.items()}
    history = _history(s, action_ids, when)
    dependents = _dependents(s, action_ids)
    outcomes = _outcomes(s, action_ids)
    latest: dict[str, EscalationView] = {}
    for e in escalations:  # oldest first: the latest raised wins
        latest[e.ref] = e
    out = []
    for ref in sorted(rows, key=lambda r: (by_due(rows[r].item), r)):
        action = rows[ref].item
        updates = history.get(ref, ())
        esc = latest.get(ref)
        red_since, turned = _red_since(updates, action.rag)
        cause, source = None, None
        if esc is not None:
            cause, source = (
                esc.reason,
                f"escalation #{esc.id}, raised by {esc.raised_by} on {day(esc.raised_on)}",
            )
        elif turned is not None and turned.commentary:
            cause, source = turned.commentary, f"status update of {day(turned.date)} by {turned.by}"
        elif action.commentary:
            cause, source = action.commentary, "latest status update"
        out.append(ExceptionItem(
            action=action, escalation=escalation_item(esc) if esc else None, cause=cause,
            cause_source=source, red_since=red_since, dependents=dependents.get(ref, ()),
            outcomes=outcomes.get(ref, ()),
            options=(Option(text=esc.decision_sought, effect=None),) if esc else (),
            recommendation=esc.decision_sought if esc else None,
            history=updates[:HISTORY],
        ))  # fmt: skip
    return ExceptionContext(**fr.common(), exceptions=tuple(out))


def _history(s: Session, ids: dict[int, str], when: dt.date) -> dict[str, tuple[UpdateItem, ...]]:
    out: dict[str, list[UpdateItem]] = {}
    titles = (
        dict(s.execute(select(Action.id, Action.title).where(Action.id.in_(list(ids)))).all())
        if ids
        else {}
    )
    for batch in chunks(ids):
        for u in s.scalars(
            select(StatusUpdate)
            .where(StatusUpdate.action_id.in_(batch), StatusUpdate.recorded_at < day_end(when))
            .order_by(StatusUpdate.action_id, StatusUpdate.recorded_at.desc(),
                      StatusUpdate.id.desc())
        ):  # fmt: skip
            ref = ids[u.action_id]
            out.setdefault(ref, []).append(UpdateItem(
                ref=ref, title=titles[u.action_id], date=u.recorded_at.date(), by=u.recorded_by,
                status=u.status, rag=u.rag, progress=u.progress, commentary=u.commentary,
            ))  # fmt: skip
    return {ref: tuple(items) for ref, items in out.items()}


def _red_since(
    updates: Sequence[UpdateItem], rag: str | None
) -> tuple[dt.date | None, UpdateItem | None]:
    """The update that began the current run of red (newest first in `updates`)."""
    if rag != "red":
        return None, None
    turned = None
    for u in updates:
        if u.rag != "red":
            break
        turned = u
    return (turned.date if turned else None), turned


def _dependents(s: Session, ids: dict[int, str]) -> dict[str, tuple[LinkedAction, ...]]:
    out: dict[str, list[LinkedAction]] = {}
    for batch in chunks(ids):
        for on, ref, title, status in s.execute(
            select(ActionDependency.depends_on_id, Action.ref, Action.title, Action.status)
            .join(Action, Action.id == ActionDependency.action_id)
            .where(ActionDependency.depends_on_id.in_(batch))
            .order_by(Action.ref)
        ):  # fmt: skip
            out.setdefault(ids[on], []).append(LinkedAction(ref=ref, title=title, status=status))
    return {k: tuple(v) for k, v in out.items()}


def _outcomes(s: Session, refs: dict[int, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for batch in chunks(refs):
        for action_id, name in s.execute(
            select(action_outcome.c.action_id, Outcome.name)
            .join(Outcome, Outcome.id == action_outcome.c.outcome_id)
            .where(action_outcome.c.action_id.in_(batch))
            .order_by(action_outcome.c.action_id, Outcome.position, Outcome.code)
        ):  # fmt: skip
            out.setdefault(refs[action_id], []).append(name)
    return {k: tuple(v) for k, v in out.items()}
