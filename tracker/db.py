"""Engines and transactions.

SQLite (the default, one file) gets foreign keys, WAL and a busy timeout; a write transaction
starts with BEGIN IMMEDIATE so that two writers queue instead of failing half-way. PostgreSQL
(for a shared team) goes through psycopg 3. Schema changes only through Alembic (`migrate`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import mask_password
from tracker.errors import NotReady
from tracker.models import stored_text

_WRITE = "tracker_write"


def normalise_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "do_connect")
        def _sqlite_private(_dialect: Any, _record: Any, cargs: Any, _cparams: Any) -> None:
            if cargs:
                create_private(cargs[0])

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


def create_private(database: str) -> None:
    """Create a new SQLite file without world access before SQLite does (it holds people's
    names): 0600, or 0660 in a setgid folder shared by a group. SQLite gives its -wal and -shm
    files the database file's mode."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    try:
        folder_mode = path.parent.stat().st_mode if str(path.parent) else os.stat(".").st_mode
        mode = 0o660 if folder_mode & stat.S_ISGID else 0o600
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError:
        return  # it exists, or SQLite will report why it cannot be created
    try:
        os.fchmod(fd, mode)  # exactly, whatever the umask
    finally:
        os.close(fd)


class Database:
    """One engine and its session factories. Cheap to share; sessions are not."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        try:
            self.engine = make_engine(self.url)
        except ArgumentError:  # its message repeats the whole URL, password and all
            raise NotReady(f"{mask_password(self.url)!r} is not a valid database URL") from None
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )
        stored_text.guard(self._write)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read.begin() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with self._write.begin() as session:
            yield session

    def schema_version(self) -> str | None:
        """The Alembic revision the database is at; None if it has no schema yet."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    # migrations run on db.engine; the URL is only for Alembic's messages: never the password
    cfg.set_main_option("sqlalchemy.url", mask_password(db.url).replace("%", "%%"))
    cfg.attributes["engine"] = db.engine
    return cfg


def migrate(db: Database, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; never drops user data."""
    from alembic import command

    command.upgrade(alembic_config(db), revision)
