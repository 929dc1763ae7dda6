"""The exception report's context (each action red or escalated), on top of paper_context's
frame and papers/listed.py's actions, read in the paper's session. The highlight report is in
papers/highlight.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Action, ActionDependency, Outcome, StatusUpdate, action_outcome
from tracker.services.actions.views import LinkedAction
from tracker.services.governance.common import chunks, day, day_end, find_board, load_tree, subtree
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import escalations_in
from tracker.services.papers.context import (
    Frame,
    escalation_item,
    open_on,
)
from tracker.services.papers.data import (
    ExceptionContext,
    ExceptionItem,
    Option,
    UpdateItem,
)
from tracker.services.papers.listed import by_due, read_actions
from tracker.services.plain_sql import Params, SessionReader

HISTORY = 6  # updates shown per action in an exception report
SHOWN = 10  # items shown per list in a highlight report: it stays a few pages at any size


# ---- exception -------------------------------------------------------------------------------


def exception(s: Session, fr: Frame) -> ExceptionContext:
    """One exception per action in the board's subtree that is red, or escalated to or by the
    board (open on the as-of date)."""
    when = fr.paper.as_of
    escalations = [e for e in escalations_in(s, fr.board.code) if open_on(e, when)]
    ids = subtree(load_tree(s), find_board(s, fr.board.code).id)
    refs = sorted({e.ref for e in escalations})

    def red_or_escalated(p: Params, is_open: str, _: str) -> str:
        escalated = f" OR eff.ref IN ({p.each(refs)})" if refs else ""
        return f"(({is_open}) AND eff.rag = 'red'){escalated}"

    rows = {r.item.ref: r for r in read_actions(SessionReader(s), ids, fr, red_or_escalated)}
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
