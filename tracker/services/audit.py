"""Writing the append-only audit trail, inside the caller's transaction, and reading it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import audit as trail
from tracker.models import AuditEntry
from tracker.services.context import Tracker


def record(
    s: Session,
    actor: str,
    operation: str,
    entity: str,
    key: str,
    changes: dict[str, tuple[object, object]] | None = None,
) -> None:
    """One row per changed field (or one row with no field for a create/delete), stamped on the
    tracker's clock: the one audit writer (tracker.domain.audit)."""
    trail.record(s, actor, operation, entity, key, changes)


@dataclass(frozen=True)
class AuditView:
    at: dt.datetime
    actor: str
    operation: str
    entity: str
    key: str
    field: str | None
    old: str | None
    new: str | None


def history(t: Tracker, entity: str, key: str, limit: int = 200) -> tuple[AuditView, ...]:
    """The audit trail of one record, newest first."""
    with t.db.reading() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_key == key)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        )
        return tuple(
            AuditView(
                at=r.at,
                actor=r.actor,
                operation=r.operation,
                entity=r.entity,
                key=r.entity_key,
                field=r.field,
                old=r.old,
                new=r.new,
            )
            for r in rows
        )
