"""Status updates written in bulk, on the driver's own connection (a DB-API cursor): shared by
the importer on a SQLAlchemy session and the plain writer of a fresh plan (`fresh`). Imports no
SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from tracker.plans.document import UpdateSpec
from tracker.plans.rows import UPDATE_COLUMNS
from tracker.stored_values import bound

SQLITE_INSERT_UPDATES = (
    f"INSERT INTO status_update ({', '.join(UPDATE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in UPDATE_COLUMNS)})"
)

SQLITE_INDEXES = (  # a table's own indexes (not its primary key's or a unique constraint's)
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
    "AND sql IS NOT NULL ORDER BY name"
)


def stamp(at: dt.datetime) -> str:
    """A timestamp as SQLAlchemy's DateTime stores it in SQLite (stored_values.bound)."""
    if at.tzinfo is not None:
        return str(bound("sqlite", at))
    return at.isoformat(" ", "microseconds")


def update_rows(aid: int, updates: Iterable[UpdateSpec], sqlite: bool) -> list[tuple[Any, ...]]:
    """One action's status updates as rows in UPDATE_COLUMNS' order, their timestamps bound as
    the driver stores them (on SQLite as SQLAlchemy's text: one pass, no copy per row)."""
    if sqlite:
        return [
            (
                aid,
                at.isoformat(" ", "microseconds") if at.tzinfo is None else stamp(at),
                u.by,
                u.status,
                u.rag,
                u.progress,
                u.commentary,
            )
            for u in updates
            for at in (u.at,)
        ]  # fmt: skip  (stamp's naive case inline: no call per update)
    return [(aid, u.at, u.by, u.status, u.rag, u.progress, u.commentary) for u in updates]


@contextmanager
def sqlite_indexes_after(cur: Any, table: str) -> Iterator[None]:
    """On a sqlite3 cursor: into an empty table (a first import, `tracker init`), the table's
    indexes are dropped while the block writes its rows and made again after, from their own
    definitions, in the caller's transaction (a kill leaves them as they were): built once from
    the sorted rows, they cost less than an insert into each for every row."""
    empty = cur.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
    indexes = cur.execute(SQLITE_INDEXES, (table,)).fetchall() if empty else []
    for name, _ in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    yield
    for _, definition in indexes:
        cur.execute(definition)


def sqlite_insert_updates(cur: Any, rows: list[tuple[Any, ...]]) -> None:
    """The rows (from `update_rows`) in one executemany on a sqlite3 cursor, the table's indexes
    made after them when it was empty (`sqlite_indexes_after`)."""
    with sqlite_indexes_after(cur, "status_update"):
        cur.executemany(SQLITE_INSERT_UPDATES, rows)


ROOMY_CACHE_KIB = 131_072  # 128 MB: a 100,000-update plan's pages and index sorts fit in it


@contextmanager
def roomy_sqlite_cache(cur: Any) -> Iterator[None]:
    """On a sqlite3 cursor: a 128 MB page cache while a plan is written, then the connection's
    own again.

    With SQLite's default 2 MB, the writes of a large plan spill pages and the rebuilt indexes'
    sorts out of memory as they go; with room they stay in it until the commit (measured on the
    benchmark plan: about 5% of the import's CPU, 28 MB more at the peak). Only the pages used
    are held, and only during the import."""
    was = int(cur.execute("PRAGMA cache_size").fetchone()[0])
    cur.execute(f"PRAGMA cache_size=-{ROOMY_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(Exception):  # a connection that broke takes its cache with it
            cur.execute(f"PRAGMA cache_size={was}")
