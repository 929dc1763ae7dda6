"""The exception report's context (each action red or escalated), on top of paper_context's
frame and papers/listed.py's actions. Read in plain SQL on the paper's one read transaction:
sqlite3 or psycopg alone for a public `tracker paper render exception` (no SQLAlchemy), a
session's `SessionReader` otherwise (render.py). The highlight report is in
papers/highlight.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tracker.services.actions.views import LinkedAction
from tracker.services.governance.board_read import find_board_id, tree_read
from tracker.services.governance.escalation_read import EscalationView, involving_read
from tracker.services.governance.tree import chunks, day, day_end, subtree
from tracker.services.papers.context import (
    Frame,
    escalation_item,
    open_on,
)
from tracker.services.papers.data.actions import UpdateItem
from tracker.services.papers.data.exception import ExceptionContext, ExceptionItem, Option
from tracker.services.papers.listed import by_due, read_actions
from tracker.services.plain_sql import Params, Reader, as_utc

HISTORY = 6  # updates shown per action in an exception report


# ---- exception -------------------------------------------------------------------------------


def exception(reader: Reader, fr: Frame) -> ExceptionContext:
    """One exception per action in the board's subtree that is red, or escalated to or by the
    board (open on the as-of date)."""
    when = fr.paper.as_of
    board_id = find_board_id(reader, fr.board.code)
    escalations = [e for e in involving_read(reader, board_id) if open_on(e, when)]
    ids = subtree(tree_read(reader), board_id)
    refs = sorted({e.ref for e in escalations})

    def red_or_escalated(p: Params, is_open: str, _: str) -> str:
        escalated = f" OR eff.ref IN ({p.each(refs)})" if refs else ""
        return f"(({is_open}) AND eff.rag = 'red'){escalated}"

    rows = {r.item.ref: r for r in read_actions(reader, ids, fr, red_or_escalated)}
    action_ids = {r.action_id: ref for ref, r in rows.items()}
    titles = {ref: r.item.title for ref, r in rows.items()}
    history = _history(reader, action_ids, titles, when)
    dependents = _dependents(reader, action_ids)
    outcomes = _outcomes(reader, action_ids)
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


def _history(reader: Reader, ids: dict[int, str], titles: dict[str, str], when: dt.date
             ) -> dict[str, tuple[UpdateItem, ...]]:  # fmt: skip
    """Each action's updates recorded by the as-of date, newest first (`titles`: the
    actions' titles, by ref, as read already)."""
    out: dict[str, list[UpdateItem]] = {}
    for batch in chunks(ids):
        p = Params(reader.dialect)
        for aid, at, by, status, rag, progress, commentary in reader.rows(
            "SELECT su.action_id, su.recorded_at, su.recorded_by, su.status, su.rag, "
            "su.progress, su.commentary FROM status_update su WHERE su.action_id IN "
            f"({p.each(batch)}) AND su.recorded_at < {p(day_end(when))} "
            "ORDER BY su.action_id, su.recorded_at DESC, su.id DESC", p.values,
        ):  # fmt: skip
            ref = ids[aid]
            recorded = as_utc(at)
            assert recorded is not None  # recorded_at is NOT NULL
            out.setdefault(ref, []).append(UpdateItem(
                ref=ref, title=titles[ref], date=recorded.date(), by=by, status=status, rag=rag,
                progress=progress, commentary=commentary,
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


def _dependents(reader: Reader, ids: dict[int, str]) -> dict[str, tuple[LinkedAction, ...]]:
    out: dict[str, list[LinkedAction]] = {}
    for batch in chunks(ids):
        p = Params(reader.dialect)
        for on, ref, title, status in reader.rows(
            "SELECT d.depends_on_id, a.ref, a.title, a.status FROM action_dependency d JOIN "
            f"action a ON a.id = d.action_id WHERE d.depends_on_id IN ({p.each(batch)}) "
            "ORDER BY a.ref", p.values,
        ):  # fmt: skip
            out.setdefault(ids[on], []).append(LinkedAction(ref=ref, title=title, status=status))
    return {k: tuple(v) for k, v in out.items()}


def _outcomes(reader: Reader, refs: dict[int, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for batch in chunks(refs):
        p = Params(reader.dialect)
        for action_id, name in reader.rows(
            "SELECT ao.action_id, o.name FROM action_outcome ao JOIN outcome o ON o.id = "
            f"ao.outcome_id WHERE ao.action_id IN ({p.each(batch)}) "
            "ORDER BY ao.action_id, o.position, o.code", p.values,
        ):  # fmt: skip
            out.setdefault(refs[action_id], []).append(name)
    return {k: tuple(v) for k, v in out.items()}
