"""The database side of a sheet import: the actions' current positions (locked for the write),
and the bulk write of the valid rows: one batched versioned UPDATE of the actions, then Core
inserts of the status updates and the audit trail, all in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from tracker.errors import Conflict
from tracker.models import Action, AuditEntry, StatusUpdate
from tracker.services.actions.updates import stamp_after

CHUNK = 900  # refs per IN (...): well under every database's parameter limit


@dataclass(frozen=True)
class Current:
    id: int
    ref: str
    status: str
    rag: str | None
    progress: int
    due: dt.date | None
    version: int
    commentary: str | None
    cancelled_reason: str | None
    latest_update_at: dt.datetime | None


@dataclass(frozen=True)
class Planned:
    current: Current
    status: str
    rag: str | None
    progress: int
    commentary: str | None


def load_current(s: Session, refs: list[str], lock: bool) -> dict[str, Current]:
    found: dict[str, Current] = {}
    for i in range(0, len(refs), CHUNK):
        query = select(
            Action.id, Action.ref, Action.status, Action.rag, Action.progress, Action.due,
            Action.version, Action.latest_commentary, Action.cancelled_reason,
            Action.latest_update_at,
        ).where(Action.ref.in_(refs[i : i + CHUNK]))  # fmt: skip
        if lock:
            query = query.with_for_update()  # PostgreSQL; SQLite already holds the write lock
        for row in s.execute(query):
            id_, ref, status, rag, progress, due, version, note, cancelled, latest = row
            found[ref] = Current(
                id_, ref, status, rag, progress, due, version, note, cancelled, latest
            )
    return found


def latest_update_by(s: Session, ids: list[int]) -> dict[int, str]:
    """Who recorded each action's latest update, and when (for showing a conflict)."""
    out: dict[int, str] = {}
    for i in range(0, len(ids), CHUNK):
        latest = (
            select(func.max(StatusUpdate.id))
            .where(StatusUpdate.action_id.in_(ids[i : i + CHUNK]))
            .group_by(StatusUpdate.action_id)
        )
        for action_id, by, at in s.execute(
            select(
                StatusUpdate.action_id, StatusUpdate.recorded_by, StatusUpdate.recorded_at
            ).where(StatusUpdate.id.in_(latest))
        ):
            out[action_id] = f"{by}, {at:%d %b %Y %H:%M} UTC"
    return out


def store_updates(s: Session, plans: list[Planned], author: str, now: dt.datetime) -> None:
    """One batched versioned UPDATE of the actions, then Core inserts of the updates and the
    audit trail. A row whose version moved under us (a concurrent writer) fails the whole import."""
    if not plans:
        return
    table = Action.__table__
    stmt = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            status=bindparam("b_status"),
            rag=bindparam("b_rag"),
            progress=bindparam("b_progress"),
            latest_update_at=bindparam("b_at"),
            latest_commentary=bindparam("b_commentary"),
            cancelled_reason=bindparam("b_reason"),
            version=table.c.version + 1,
        )  # fmt: skip
    )
    params = [
        {
            "b_id": p.current.id,
            "b_version": p.current.version,
            "b_status": p.status,
            "b_rag": p.rag,
            "b_progress": p.progress,
            "b_at": stamp_after(p.current.latest_update_at, now),
            "b_commentary": p.commentary,
            "b_reason": p.commentary if p.status == "cancelled" else p.current.cancelled_reason,
        }  # fmt: skip
        for p in plans
    ]
    conn = s.connection()
    moved = len(plans) - conn.execute(stmt, params).rowcount
    if moved:
        raise Conflict(
            f"{moved} action(s) were changed by someone else during the import; nothing was "
            "stored: import the sheet again"
        )
    conn.execute(
        insert(StatusUpdate.__table__),
        [
            {
                "action_id": p.current.id,
                "recorded_at": stamp_after(p.current.latest_update_at, now),
                "recorded_by": author,
                "status": p.status,
                "rag": p.rag,
                "progress": p.progress,
                "commentary": p.commentary,
            }  # fmt: skip
            for p in plans
        ],
    )
    audit = []
    for p in plans:
        cur = p.current
        changes = {
            name: (old, new)
            for name, old, new in (
                ("status", cur.status, p.status),
                ("rag", cur.rag, p.rag),
                ("progress", cur.progress, p.progress),
            )
            if old != new
        } or {"commentary": (None, p.commentary)}
        for name, (old, new) in changes.items():
            audit.append(
                {
                    "at": now,
                    "actor": author,
                    "operation": "update",
                    "entity": "action",
                    "entity_key": cur.ref,
                    "field": name,
                    "old": None if old is None else str(old),
                    "new": None if new is None else str(new),
                }  # fmt: skip
            )
    conn.execute(insert(AuditEntry.__table__), audit)
