"""The one writer of the append-only audit trail: who, when, what, old value, new value.

Every entry of a write transaction carries the instant that transaction started on the tracker's
clock (`session.info["now"]`, set by Database.writing), so a rehearsal's fixed today holds and
one write's entries read as one change. Values are written in one wording (`text`), and each
change's entries built in one place (`rows_at`), whichever road stores them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the plain-SQL writers (`tracker.services.plain_write`) word entries here
    from sqlalchemy.orm import Session  # without loading SQLAlchemy

KEY_MAX = 200  # AuditEntry.entity_key is String(200)


def now(s: Session) -> dt.datetime:
    """When this write transaction happens, on the tracker's clock."""
    stamp = s.info.get("now")
    return stamp if isinstance(stamp, dt.datetime) else dt.datetime.now(dt.UTC)


def text(value: object) -> str | None:
    """How a value reads in the trail: dates and times ISO (UTC, no offset), lists as JSON."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rows(
    s: Session,
    actor: str,
    operation: str,
    entity: str,
    key: str,
    changes: Mapping[str, tuple[object, object]] | None = None,
    batch: int | None = None,
) -> list[dict[str, Any]]:
    """The entries of one change: one per changed field, or one without a field (a create).
    `batch`: the bulk edit they belong to (`open_batch`)."""
    return rows_at(now(s), actor, operation, entity, key, changes, batch)


def rows_at(
    at: dt.datetime,
    actor: str,
    operation: str,
    entity: str,
    key: str,
    changes: Mapping[str, tuple[object, object]] | None = None,
    batch: int | None = None,
) -> list[dict[str, Any]]:
    """`rows` for a transaction whose instant is `at` (a plain-SQL writer's)."""
    base = {"at": at, "actor": actor, "operation": operation, "entity": entity,
            "entity_key": key[:KEY_MAX], "batch_id": batch}  # fmt: skip
    if not changes:
        return [{**base, "field": None, "old": None, "new": None}]
    return [
        {**base, "field": name, "old": text(old), "new": text(new)}
        for name, (old, new) in changes.items()
    ]


def said_at(
    at: dt.datetime, actor: str, operation: str, entity: str, key: str, new: object
) -> dict[str, Any]:
    """The one entry of a change that names no field: `new` says what happened ("created",
    or what a bulk import added)."""
    entry = rows_at(at, actor, operation, entity, key)[0]
    entry["new"] = text(new)
    return entry


def said_of_each(
    at: dt.datetime, actor: str, operation: str, entity: str, keys: Iterable[str], new: object
) -> list[dict[str, Any]]:
    """`said_at` for each key in turn, the same `new` for all (a plan import's "created" of
    10,000 actions): one entry made, then copied with each key."""
    entry = said_at(at, actor, operation, entity, "", new)
    return [{**entry, "entity_key": key[:KEY_MAX]} for key in keys]


def write(s: Session, entries: list[dict[str, Any]]) -> None:
    """Store entries built by `rows`, in one executemany INSERT. It does not flush the caller's
    pending changes: a versioned write's conflict surfaces at the caller's own flush."""
    if entries:
        from tracker.db import insert_many
        from tracker.models import AuditEntry

        with s.no_autoflush:
            insert_many(s, AuditEntry.__table__, entries)


def record(
    s: Session,
    actor: str,
    operation: str,
    entity: str,
    key: str,
    changes: Mapping[str, tuple[object, object]] | None = None,
) -> None:
    """Audit one change now, inside the caller's transaction."""
    write(s, rows(s, actor, operation, entity, key, changes))


def open_batch(s: Session, actor: str, operation: str, summary: str) -> int:
    """Begin a bulk edit: one entry (entity "batch", keyed by its own id) says what it did;
    the entries of each action it changed carry that id as their `batch_id`."""
    from sqlalchemy import insert, update

    from tracker.models import AuditEntry

    table = AuditEntry.__table__
    entry = {"at": now(s), "actor": actor, "operation": operation[:20], "entity": "batch",
             "entity_key": "", "field": None, "old": None, "new": summary}  # fmt: skip
    with s.no_autoflush:
        batch = int(s.execute(insert(table).returning(table.c.id), entry).scalar_one())
        s.execute(
            update(table).where(table.c.id == batch).values(entity_key=str(batch), batch_id=batch)
        )
    return batch
