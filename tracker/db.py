"""Engines and transactions.

SQLite (the default, one file) gets foreign keys, WAL and a busy timeout; a write transaction
starts with BEGIN IMMEDIATE so that two writers queue instead of failing half-way. PostgreSQL
(for a shared team) goes through psycopg 3. Schema changes only through Alembic (`migrate`).

A read transaction is one snapshot, so that a paper, a roll-up or the dashboard never mixes data
from before and after someone else's commit: SQLite's BEGIN (WAL) holds the snapshot of its first
read to the end; on PostgreSQL a read runs REPEATABLE READ, READ ONLY (its default, READ
COMMITTED, takes a new snapshot for every statement).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

_WRITE = "tracker_write"
_PG_READ = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def normalise_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # IMMEDIATE takes the write lock up front: a writer waits for another rather than
            # reading a snapshot it can no longer write from.
            mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN"
            conn.exec_driver_sql(mode)

        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One engine and its session factories. Cheap to share; sessions are not.

    `clock` says when a write happens: each write transaction reads it once, into
    `session.info["now"]`, so its audit entries share one instant on the tracker's clock."""

    def __init__(self, url: str, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.clock = clock or _wall_clock
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        reads = self.engine.execution_options(**_PG_READ) if self.dialect == "postgresql" else None
        self._read = sessionmaker(reads or self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read.begin() as session:
            yield session

    def with_clock(self, clock: Callable[[], dt.datetime]) -> Database:
        """The same engine and sessions, writing on another clock (a tracker's fixed today)."""
        view = copy.copy(self)
        view.clock = clock
        return view

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with self._write.begin() as session:
            session.info["now"] = self.clock()
            yield session

    def schema_version(self) -> str | None:
        """The Alembic revision the database is at; None if it has no schema yet."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def dispose(self) -> None:
        self.engine.dispose()


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    cfg.attributes["engine"] = db.engine
    return cfg


def migrate(db: Database, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; never drops user data."""
    from alembic import command

    command.upgrade(alembic_config(db), revision)
