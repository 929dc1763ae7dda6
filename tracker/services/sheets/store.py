"""The database side of a sheet import: the actions' current positions (locked for the write),
and the bulk write of the valid rows through the one position rule (tracker.domain.position):
one batched versioned UPDATE of the actions, then inserts of the status updates and the audit
trail, all in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain import position
from tracker.domain.position import Position
from tracker.errors import Conflict
from tracker.models import Action, Phase, StatusUpdate
from tracker.services.actions.implied_due import phase_end

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
    start: dt.date | None = None
    title: str = ""
    implied_due: dt.date | None = None  # no due date: its phase's end, as the sheet shows it


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
            Action.latest_update_at, Action.start, Action.title, Phase.end_year,
        ).join(Phase, Action.phase_id == Phase.id).where(Action.ref.in_(refs[i : i + CHUNK]))  # fmt: skip
        if lock:  # PostgreSQL; SQLite already holds the write lock
            query = query.with_for_update(of=Action)
        for row in s.execute(query):
            (id_, ref, status, rag, progress, due, version, note, cancelled, latest, start, title,
             end_year) = row  # fmt: skip
            found[ref] = Current(
                id_, ref, status, rag, progress, due, version, note, cancelled, latest, start, title,
                implied_due=None if due is not None else phase_end(end_year),
            )  # fmt: skip
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
    """Each row's move of its action's position (tracker.domain.position), written in one batch:
    a row whose version moved under us (a concurrent writer) fails the whole import."""
    moves = []
    for p in plans:
        cur = p.current
        before = Position(cur.status, cur.rag, cur.progress, cur.commentary, cur.latest_update_at)
        moves.append(
            position.move(
                cur.ref,
                cur.id,
                cur.version,
                before,
                status=p.status,
                rag=p.rag,
                progress=p.progress,
                commentary=p.commentary,
                at=position.stamp_after(cur.latest_update_at, now),
                by=author,
                operation="update",
                reason=cur.cancelled_reason,
            )
        )
    try:
        position.write_all(s, moves)
    except Conflict as exc:
        raise Conflict(f"{exc}: import the sheet again", exc.changes) from None
