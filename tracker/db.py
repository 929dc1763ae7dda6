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
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert, inspect, text
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import mask_password
from tracker.database_url import scrub_password
from tracker.errors import InvalidInput, NotPermitted, NotReady, Problem
from tracker.files import private_mode
from tracker.models import AuditEntry, stored_text
from tracker.storage import BUSY_TIMEOUT, _shown_file, read_only_problem, unreachable_problem
from tracker.storage import sqlite_file as sqlite_file
from tracker.storage import storage_problem as storage_problem
from tracker.stored_values import bound
from tracker.text import ALLOWED

_WRITE = "tracker_write"
_PG_READ = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def normalise_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, busy_timeout: float = BUSY_TIMEOUT) -> Engine:
    """The engine; each connection waits up to `busy_timeout` seconds for another program's
    lock (SQLite's busy timeout, PostgreSQL's lock_timeout), then its statement is refused."""
    url = normalise_url(url)
    wait_ms = max(1, round(busy_timeout * 1000))
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout})

        @event.listens_for(engine, "do_connect")
        def _sqlite_private(_dialect: Any, _record: Any, cargs: Any, _cparams: Any) -> None:
            if cargs:
                create_private(cargs[0])

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={wait_ms}")
            mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
            if mode not in ("memory", "wal") and _ours_or_empty(cur):
                # WAL is written into the file: never into another program's database
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "handle_error")
        def _sqlite_read_only(context: Any) -> None:
            # SQLite opened the file read-only (it was, then): that connection never writes,
            # so it is dropped from the pool as a lost one, and the next try opens a new one
            if "readonly database" in str(context.original_exception):
                context.is_disconnect = True

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # IMMEDIATE takes the write lock up front: a writer waits for another rather than
            # reading a snapshot it can no longer write from.
            mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN"
            conn.exec_driver_sql(mode)

        return engine
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _pg_connect(dbapi_conn: Any, _record: Any) -> None:
        # a row or table another session holds (an open transaction, a backup's lock) is
        # waited for this long, not for ever: then refused as busy (tracker.storage.BUSY)
        dbapi_conn.autocommit = True  # a SET in a transaction would be rolled back with it
        dbapi_conn.execute(f"SET lock_timeout = {wait_ms}")
        dbapi_conn.autocommit = False

    return engine


def _ours_or_empty(cur: Any) -> bool:
    names = {row[0] for row in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return not names or "alembic_version" in names


def create_private(database: str) -> None:
    """Create a new SQLite file without world access before SQLite does (it holds people's
    names): 0600, or 0660 in a setgid folder shared by a group. SQLite gives its -wal and -shm
    files the database file's mode."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    try:
        mode = private_mode(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError:
        return  # it exists, or SQLite will report why it cannot be created
    try:
        os.fchmod(fd, mode)  # exactly, whatever the umask
    finally:
        os.close(fd)


class Database:
    """One engine and its session factories. Cheap to share; sessions are not.

    `clock` says when a write happens: each write transaction reads it once, into
    `session.info["now"]`, so its audit entries share one instant on the tracker's clock."""

    def __init__(
        self, url: str, clock: Callable[[], dt.datetime] | None = None,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> None:  # fmt: skip
        self.clock = clock or _wall_clock
        self.url = normalise_url(url)
        try:
            self.engine = make_engine(self.url, busy_timeout)
        except ArgumentError:  # its message repeats the whole URL, password and all
            raise NotReady(f"{mask_password(self.url)!r} is not a valid database URL") from None
        self.connection: Connection | None = None  # set inside `one_transaction`
        # told of each permission refusal, after its audit entry (the app re-reads the acting
        # account's rights: a refusal is proof they are not what it showed)
        self.on_refusal: Callable[[NotPermitted], None] | None = None
        reads = self.engine.execution_options(**_PG_READ) if self.dialect == "postgresql" else None
        self._read = sessionmaker(reads or self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False
        )
        stored_text.guard(self._write)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._storage_errors(), self._read.begin() as session:
                yield session
        except NotPermitted as refusal:
            self._audit_refusal(refusal)  # a read refused is audited too
            raise

    def with_clock(self, clock: Callable[[], dt.datetime]) -> Database:
        """The same engine and sessions, writing on another clock (a tracker's fixed today)."""
        view = copy.copy(self)
        view.clock = clock
        return view

    @contextmanager
    def writing(self) -> Iterator[Session]:
        path = sqlite_file(self.url)
        made_read_only = read_only_problem(path) if path is not None else None
        if made_read_only is not None:  # chmod'ed since this engine's connections were opened
            raise InvalidInput(Problem("database", made_read_only, file=str(path)))
        try:
            with self._storage_errors(), self._write.begin() as session:
                session.info["now"] = self.clock()
                yield session
        except NotPermitted as refusal:
            self._audit_refusal(refusal)  # after the refused transaction was rolled back
            raise

    def _audit_refusal(self, refusal: NotPermitted) -> None:
        """A permission refusal's audit entry, in a transaction of its own (the refused one
        was rolled back, and changed nothing)."""
        if self.connection is not None:
            return  # inside `one_transaction` (tracker init): nothing is refused there
        entry = {"at": self.clock(), "actor": (refusal.actor or "unknown")[:200],
                 "operation": "refused", "entity": "permission",
                 "entity_key": f"{refusal.what} {refusal.target}".strip()[:200],
                 "field": None, "old": None, "new": str(refusal)}  # fmt: skip
        with self._write.begin() as session:
            session.execute(insert(AuditEntry.__table__), entry)
        if self.on_refusal is not None:
            self.on_refusal(refusal)

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        """A database that cannot be written (read-only file or folder, full disk) is refused
        in words a user can act on; the transaction was rolled back, so nothing changed."""
        try:
            yield
        except OperationalError as exc:
            message = storage_problem(self.url, exc.orig)
            if message is None:
                self._raise_if_unreachable(exc)
                raise
            raise InvalidInput(Problem("database", message, file=_shown_file(self.url))) from None
        except DBAPIError as exc:  # InterfaceError: a connection already closed
            self._raise_if_unreachable(exc)
            raise
        except DataError as exc:
            if "NUL" not in str(exc.orig):
                raise
            # PostgreSQL cannot store U+0000; a face that let one through is refused here
            raise InvalidInput(
                Problem("text", "contains the control character U+0000 NUL", allowed=ALLOWED)
            ) from None

    def _raise_if_unreachable(self, exc: DBAPIError) -> None:
        """A lost or refused connection (the server restarted, the session terminated) or a
        SQLite file busy beyond the wait, as a refusal the user can act on: try again. The pool
        has dropped the dead connection (and pings the others), so the next try reconnects."""
        message = unreachable_problem(self.url, exc.orig, lost=exc.connection_invalidated)
        if message is not None:
            raise NotReady(scrub_password(message, self.url)) from exc

    def schema_version(self) -> str | None:
        """The Alembic revision the database is at; None if it has no schema yet."""
        with self._connected() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @contextmanager
    def _connected(self) -> Iterator[Connection]:
        if self.connection is not None:
            yield self.connection
            return
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


# column types whose stored form `stored_values.bound` gives exactly (any other: SQLAlchemy's)
_PLAIN_TYPES = ("INTEGER", "VARCHAR", "TEXT", "DATETIME", "DATE", "BOOLEAN")


def insert_many(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows in one executemany, as `s.execute(insert(table), rows)` does. On SQLite,
    rows of plain columns that give every column with a Python-side default go straight to the
    driver with their values bound as SQLAlchemy would bind them (`stored_values.bound`): an
    import's 100,000 updates and 113,000 audit entries spent more time in SQLAlchemy's
    per-value processing than in SQLite."""
    if not rows:
        return
    names = list(rows[0])
    if any(len(r) != len(names) for r in rows):
        s.execute(insert(table), rows)
        return
    pick = itemgetter(*names)
    try:
        values = [pick(r) for r in rows] if len(names) > 1 else [(pick(r),) for r in rows]
    except KeyError:  # rows with other keys: as SQLAlchemy takes them
        s.execute(insert(table), rows)
        return
    insert_tuples(s, table, names, values)


def insert_tuples(
    s: Session, table: Table, names: Sequence[str], values: list[tuple[Any, ...]]
) -> None:
    """`insert_many` of rows given as tuples in the order of `names`, without a dict per row
    (the 100,000 status updates of a large plan import)."""
    if not values:
        return
    conn = s.connection()
    # columns not given whose default SQLAlchemy would fill in: a constant one (an action's
    # version 1) goes in as that constant; any other keeps SQLAlchemy's own path
    defaults = [c for c in table.c if c.default is not None and c.name not in names]
    constants = tuple(getattr(c.default, "arg", None) for c in defaults)
    columns = [table.c[n] for n in names if n in table.c] + defaults
    kinds = [c.type.compile(conn.dialect).split("(")[0] for c in columns]
    plain = (
        conn.dialect.name == "sqlite"
        and len(columns) == len(names) + len(defaults)
        and all(kind in _PLAIN_TYPES for kind in kinds)
        and all(getattr(c.default, "is_scalar", False) for c in defaults)
    )
    if not plain:
        s.execute(insert(table), [dict(zip(names, v, strict=True)) for v in values])
        return
    if constants:
        values = [v + constants for v in values]
    quoted = ", ".join(f'"{c.name}"' for c in columns)  # the column's name, not its key
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
    dated = [i for i, kind in enumerate(kinds) if kind in ("DATETIME", "DATE")]
    if dated:
        rows = [list(v) for v in values]
        for v in rows:
            for i in dated:
                v[i] = bound("sqlite", v[i])
        values = [tuple(v) for v in rows]
    conn.exec_driver_sql(sql, values)


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    # migrations run on db.engine; the URL is only for Alembic's messages: never the password
    cfg.set_main_option("sqlalchemy.url", mask_password(db.url).replace("%", "%%"))
    cfg.attributes["engine"] = db.engine
    cfg.attributes["connection"] = db.connection  # None unless inside `one_transaction`
    return cfg


# the tables with row-security policies (migration 0010_rowsecurity): every table a write use
# case changes (tests/accounts/test_row_security.py checks this against the policies)
ROW_SECURITY_TABLES = (
    "strategy", "phase", "stage", "commitment", "outcome", "organisation", "person",
    "action_dependency", "action_outcome", "indicator", "indicator_reading", "board", "action",
    "status_update", "update_review", "meeting", "meeting_attendee", "agenda_item", "escalation",
    "issued_paper", "return_import", "chaser", "resolution", "followup", "followup_response",
    "saved_view", "account", "account_role", "pending_role", "sign_in_ticket", "web_session",
    "audit_entry", "sign_in_failure",
)  # fmt: skip


def set_row_security(db: Database, on: bool) -> None:
    """Switch PostgreSQL row security on or off for the tables with policies (`[database]
    row_security`). Binds every login but the tables' owner. Nothing on SQLite."""
    if db.dialect != "postgresql":
        return
    verb = "ENABLE" if on else "DISABLE"
    statements = [f"ALTER TABLE {name} {verb} ROW LEVEL SECURITY" for name in ROW_SECURITY_TABLES]
    if db.connection is not None:
        for statement in statements:
            db.connection.exec_driver_sql(statement)
        return
    with db.engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)


def migrate(db: Database, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`; never drops user data."""
    from alembic import command

    try:
        command.upgrade(alembic_config(db), revision)
    except OperationalError as exc:
        message = storage_problem(db.url, exc.orig)
        if message is None:
            raise
        raise InvalidInput(Problem("database", message, file=_shown_file(db.url))) from None


@contextmanager
def one_transaction(url: str) -> Iterator[Database]:
    """A Database whose migrations and sessions all run in one transaction on one connection:
    committed when the block ends, rolled back if it raises or the process dies. PostgreSQL's
    DDL is transactional, so `tracker init` makes a whole database or none. Each session
    inside is a savepoint, so a refused plan import undoes only its own part."""
    db = Database(url)
    try:
        with db.engine.connect() as conn, conn.begin():
            db.connection = conn
            db._read = db._write = sessionmaker(
                bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False
            )
            yield db
    finally:
        db.connection = None
        db.dispose()
