"""Helpers for the tests of the database's life: an empty PostgreSQL database of its own, and
what a database holds, read the same way on both backends so that two states can be compared."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, inspect, text

from tracker.config import Settings
from tracker.db import Database

_STAMP = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d")


@contextmanager
def empty_postgres(pg_server_url: str) -> Iterator[str]:
    """A PostgreSQL database with nothing in it (no schema), dropped afterwards."""
    admin = create_engine(
        Database(pg_server_url).engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    name = f"tracker_edge_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = Database(pg_server_url).engine.url.set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def tables(url: str) -> set[str]:
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        db.dispose()


Contents = dict[str, list[tuple[object, ...]]]


def contents(url: str, *, mask_times: bool = False) -> Contents | None:
    """Every row of every table, sorted; None when there is no database at all (no file, or no
    tables). mask_times: moments of the run itself (when something was recorded) are blanked,
    so two complete runs of the same import compare equal."""
    path = url.split("///", 1)[1] if url.startswith("sqlite") else None
    if path is not None and not Path(path).exists():
        return None
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            if not names:
                return None
            out: Contents = {}
            for name in names:
                rows = [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
                if mask_times:
                    rows = [tuple(_masked(v) for v in r) for r in rows]
                out[name] = sorted(rows, key=repr)
            return out
    finally:
        db.dispose()


def _masked(value: object) -> object:
    if isinstance(value, dt.datetime) or (isinstance(value, str) and _STAMP.match(value)):
        return "<moment>"
    return value


def row_counts(state: Contents | None) -> dict[str, int]:
    return {name: len(rows) for name, rows in (state or {}).items()}


class Saved:
    """A copy of a database's state to go back to: the SQLite file, or a PostgreSQL template
    database. Only while no process has the database open."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = Path(url.split("///", 1)[1]) if url.startswith("sqlite") else None
        if self.path is not None:
            import sqlite3

            conn = sqlite3.connect(self.path)  # fold the WAL into the file before copying it
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            self.copy = self.path.with_name(self.path.name + ".saved")
            self.copy.write_bytes(self.path.read_bytes())
        else:
            self.name = Database(url).engine.url.database
            self.template = f"{self.name}_saved"
            self._admin(f'CREATE DATABASE "{self.template}" TEMPLATE "{self.name}"')

    def _admin(self, *statements: str) -> None:
        admin = create_engine(
            Database(self.url).engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname IN (:a, :b) AND pid <> pg_backend_pid()"
                    ),
                    {"a": self.name, "b": self.template},
                )
                conn.execute(text(statement))
        admin.dispose()

    def restore(self) -> None:
        if self.path is not None:
            for extra in ("-wal", "-shm"):
                self.path.with_name(self.path.name + extra).unlink(missing_ok=True)
            self.path.write_bytes(self.copy.read_bytes())
        else:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.name}"',
                f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"',
            )

    def drop(self) -> None:
        if self.path is None:
            self._admin(f'DROP DATABASE IF EXISTS "{self.template}"')


_RESET_ENGINES: dict[str, Database] = {}


def truncate_all(url: str) -> None:
    """Empty every table and restart the ids. DELETE on near-empty tables is much faster
    than TRUNCATE, which rewrites each table's files."""

    from tracker.models import Base

    db = _RESET_ENGINES.get(url)
    if db is None:
        db = _RESET_ENGINES[url] = Database(url)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    statements = [f'DELETE FROM "{name}"' for name in tables]
    statements += [
        f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), 1, false)"
        for name in tables
        if "id" in Base.metadata.tables[name].c
        and Base.metadata.tables[name].c.id.autoincrement in (True, "auto")
    ]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("; ".join(statements))


@contextmanager
def held_by_another_program(settings: Settings, ref: str) -> Iterator[None]:
    """A second connection holding what a write of `ref` needs: the SQLite file's write lock
    (BEGIN EXCLUSIVE, as a second tracker writing or a backup holds it), or on PostgreSQL the
    action's row (a session with it locked in an open transaction)."""
    path = settings.sqlite_path()
    if path is not None:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    url = settings.database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url) as other:
        other.execute("SELECT * FROM action WHERE ref = %s FOR UPDATE", (ref,))
        try:
            yield
        finally:
            other.rollback()
