"""Upserting rows keyed by their identity in a plan, in bulk, with an audit entry per change.

Existing rows are read with one query per table; new rows go in with one executemany INSERT;
changed rows with one executemany UPDATE (bumping `version` where the table has one). Nothing is
ever deleted: rows absent from the plan are counted as "left in database".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from tracker.db import insert_many, insert_tuples
from tracker.domain import audit as trail
from tracker.plans.bulk import ROOMY_CACHE_KIB, roomy_sqlite_cache
from tracker.plans.document import PlanDocument

OPERATION = "import"


@dataclass
class Count:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    left: int = 0


def naive(value: dt.datetime | None) -> dt.datetime | None:
    """Timestamps compare as naive UTC (the models return them aware)."""
    return None if value is None or value.tzinfo is None else value.replace(tzinfo=None)


class Syncer:
    """Holds the session, who is importing and when, and the audit entries still to write
    (built by the one audit writer, tracker.domain.audit)."""

    def __init__(self, session: Session, actor: str, now: dt.datetime) -> None:
        self.s = session
        self.actor = actor
        self.now = now
        self.audit_rows: list[dict[str, Any]] = []

    def audit(
        self, entity: str, key: str, field: str | None = None, old: object = None,
        new: object = None, operation: str = OPERATION,
    ) -> None:  # fmt: skip
        if field is None:
            self.audit_rows.append(
                trail.said_at(trail.now(self.s), self.actor, operation, entity, key, new)
            )
            return
        self.audit_rows.extend(
            trail.rows(self.s, self.actor, operation, entity, key, {field: (old, new)})
        )

    def created(self, entity: str, key: str) -> None:
        """The one audit entry of a created record: no field, new = "created"."""
        self.audit(entity, key, None, None, "created")

    def flush_audit(self) -> None:
        trail.write(self.s, self.audit_rows)
        self.audit_rows = []

    def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        insert_many(self.s, table, rows)

    def insert_tuples(
        self, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        insert_tuples(self.s, table, names, rows)

    def sync(
        self,
        count: Count,
        table: Table,
        entity: str,
        desired: Iterable[tuple[Hashable, str, dict[str, Any]]],
        existing: Mapping[Hashable, Mapping[str, Any]],
        compare: Sequence[str],
        *,
        versioned: bool = False,
        derived: frozenset[str] = frozenset(),
        labels: Mapping[str, tuple[str, Mapping[Any, Any] | None]] | None = None,
        forced: Mapping[Hashable, list[tuple[str, object, object]]] | None = None,
        ids: dict[Hashable, int] | None = None,
        operations: Mapping[Hashable, str] | None = None,
    ) -> set[Hashable]:
        """Insert what is new and update what changed; returns the keys of updated rows.

        desired: (key, audit key, column values) per item, in plan order. existing: key -> row
        (with "id" and the `compare` columns), limited to the rows this plan could match.
        derived: columns written but not audited. labels: column -> (field name in the plan,
        id -> code). forced: key -> extra audited changes (lists of links) that make a row
        updated. ids: when given, rows are inserted one by one and their ids put there (so a
        later item can refer to an earlier new one, as a child board to its parent).
        operations: key -> the audit operation of its changes, when not "import".
        """
        labels = labels or {}
        forced = forced or {}
        operations = operations or {}
        inserts: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        updated: set[Hashable] = set()
        matched = 0
        for key, audit_key, values in desired:
            row = existing.get(key)
            if row is None:
                count.created += 1
                self.created(entity, audit_key)
                if ids is None:
                    inserts.append(values)
                else:
                    ids[key] = self.s.execute(
                        insert(table).returning(table.c.id), values
                    ).scalar_one()
                continue
            matched += 1
            diff = [c for c in compare if row[c] != values[c]]
            extra = forced.get(key, ())
            if not diff and not extra:
                count.unchanged += 1
                continue
            count.updated += 1
            updated.add(key)
            changes.append({"_id": row["id"], **{"_" + c: values[c] for c in compare}})
            operation = operations.get(key, OPERATION)
            for c in diff:
                if c in derived:
                    continue
                name, names = labels.get(c, (c, None))
                old, new = row[c], values[c]
                if names is not None:
                    old, new = names.get(old, old), names.get(new, new)
                self.audit(entity, audit_key, name, old, new, operation)
            for name, old, new in extra:
                self.audit(entity, audit_key, name, old, new, operation)
        count.left += len(existing) - matched
        self.insert_rows(table, inserts)
        if changes:
            values_: dict[str, Any] = {c: bindparam("_" + c) for c in compare}
            if versioned:
                values_["version"] = table.c.version + 1
            stmt = update(table).where(table.c.id == bindparam("_id")).values(values_)
            self.s.execute(stmt, changes)
        return updated


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """On SQLite, a 128 MB page cache while a plan is written (`bulk.roomy_sqlite_cache`, on the
    session's own connection), then the connection's own again."""
    conn = session.connection()
    dbapi = conn.connection.dbapi_connection
    if conn.dialect.name != "sqlite" or dbapi is None:
        yield
        return
    with roomy_sqlite_cache(dbapi.cursor()):
        yield


def rows(session: Session, table: Any, key: Any, *where: Any) -> dict[Hashable, dict[str, Any]]:
    """Every row of a table (or those matching `where`) as plain dicts by their key."""
    stmt = select(*table.c)
    for clause in where:
        stmt = stmt.where(clause)
    return {key(r): r for r in (dict(m) for m in session.execute(stmt).mappings())}


def ids_by(session: Session, table: Any, column: str) -> dict[Any, int]:
    return {v: i for v, i in session.execute(select(table.c[column], table.c.id))}


__all__ = [
    "ROOMY_CACHE_KIB",
    "Count",
    "Importing",
    "Syncer",
    "ids_by",
    "naive",
    "roomy_cache",
    "rows",
]


class Importing(Protocol):
    """What each part of a plan import works with: the session, the plan, the syncer and the
    counts (tracker.plans.importer.PlanImport; import_actions and import_meetings see only this,
    so they need not import the importer that calls them)."""

    s: Session
    doc: PlanDocument
    w: Syncer
    counts: dict[str, Count]
    file: str
    take_file: bool
