"""Writes in plain SQL, for the one write a user waits on most: a status update from the CLI.

`tracker actions update` spent about 0.5 s of its 0.7 s importing and setting up SQLAlchemy to
run four statements. Like the register's reads (`tracker.services.plain_sql`), the update's
write is portable SQL run by one of three writers, each one transaction:

- `SessionWriter`: inside a SQLAlchemy session (the app with PostgreSQL's pool open, an
  in-memory database, and a use case that composes the update, such as answering a challenge);
- `SqliteWriter`: the standard library's sqlite3 on the database file, `BEGIN IMMEDIATE` (two
  writers queue, as `tracker.db` makes them), foreign keys on, the same busy timeout;
- `PostgresWriter`: libpq alone (psycopg where a cursor is wanted, or libpq cannot be loaded),
  READ COMMITTED as SQLAlchemy's sessions run, on the connection the command's plain-SQL reads
  use (`plain_sql.PostgresLink`).

What is written through them lives with its rules: an action's position (`store`, `stale`)
in `tracker.services.actions.position_sql`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.domain import audit as trail
from tracker.errors import InvalidInput, NotReady, Problem
from tracker.services.plain_sql import CannotConnect, PostgresLink, Reader, Row
from tracker.storage import BUSY_TIMEOUT
from tracker.text import ALLOWED

if TYPE_CHECKING:  # importing SQLAlchemy is what this module lets a command avoid
    from sqlalchemy.orm import Session


class Writer(Reader, Protocol):
    now: dt.datetime  # the transaction's instant on the tracker's clock (its audit entries')

    def execute(self, sql: str, params: dict[str, Any]) -> int: ...  # rows changed

    def execute_many(self, sql: str, params: Sequence[dict[str, Any]]) -> None: ...

    def cursor(self) -> AbstractContextManager[Any]: ...  # the driver's own, in the transaction


class SessionWriter:
    """Plain SQL in a SQLAlchemy write session, in its transaction. Flushes the session's own
    pending changes first, and expires what it loaded afterwards, so the ORM and the SQL see one
    state."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.dialect = session.get_bind().dialect.name
        self.now = trail.now(session)
        session.flush()

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        return list(self._session.connection().exec_driver_sql(sql, params).all())

    def execute(self, sql: str, params: dict[str, Any]) -> int:
        changed = self._session.connection().exec_driver_sql(sql, params).rowcount
        self._session.expire_all()
        return int(changed)

    def execute_many(self, sql: str, params: Sequence[dict[str, Any]]) -> None:
        if params:
            self._session.connection().exec_driver_sql(sql, list(params))
            self._session.expire_all()

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """The DB-API cursor of the session's connection (sqlite3 or psycopg), in its
        transaction; what it writes, the session reads afresh."""
        dbapi = self._session.connection().connection.dbapi_connection
        assert dbapi is not None
        cur = dbapi.cursor()
        try:
            yield cur
        finally:
            cur.close()
            self._session.expire_all()


class SqliteWriter:
    """The database file through sqlite3: one connection, one `BEGIN IMMEDIATE` transaction per
    `writing()`, committed at its end or rolled back if it raises."""

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.dialect = "sqlite"
        self.path = path
        self._busy = busy_timeout  # seconds: another program's write lock waited for
        self.now = dt.datetime.now(dt.UTC)
        self._turn = threading.Lock()
        self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        # SQLite would open a file it may not write read-only, and the file's shared memory
        # with it, for as long as the process has the file open: even made writable again, no
        # connection of this process could then write it. Refused instead, nothing opened.
        from tracker.storage import read_only_problem

        made_read_only = read_only_problem(self.path)
        if made_read_only is not None:
            raise InvalidInput(Problem("database", made_read_only, file=str(self.path)))
        self._read_only = not os.access(self.path, os.W_OK, effective_ids=True)
        try:
            # mode=rw: never create a missing file
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw", uri=True, timeout=self._busy,
                isolation_level=None, check_same_thread=False,
            )  # fmt: skip
            wait_ms = max(1, round(self._busy * 1000))
            for pragma in ("foreign_keys=ON", f"busy_timeout={wait_ms}", "synchronous=NORMAL"):
                conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error as exc:
            raise self._refused(exc) from None
        return conn

    def _refused(self, exc: sqlite3.Error) -> InvalidInput | NotReady:
        from tracker.storage import storage_problem, unreachable_problem  # only on the way out

        url = f"sqlite:///{self.path}"
        message = storage_problem(url, exc)
        if message is not None:
            return InvalidInput(Problem("database", message, file=str(self.path)))
        busy = unreachable_problem(url, exc)
        if busy is not None:
            return NotReady(busy)
        return NotReady(f"cannot write the database at {self.path}: {exc}")

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from None

    def execute(self, sql: str, params: dict[str, Any]) -> int:
        try:
            return self._conn.execute(sql, params).rowcount
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from None

    def execute_many(self, sql: str, params: Sequence[dict[str, Any]]) -> None:
        try:
            self._conn.executemany(sql, params)
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A SQLAlchemy session on this connection, inside this writer's transaction (which
        the writer alone ends: the session's commit and rollback do nothing to it). For a use
        case that first tried plain SQL and finds it needs the ORM, still in one transaction.
        Loads SQLAlchemy."""
        from sqlalchemy import create_engine
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.orm import Session
        from sqlalchemy.pool import StaticPool

        lent = _Lent(self._conn)
        engine = create_engine("sqlite://", creator=lambda: lent, poolclass=StaticPool)
        try:
            with Session(engine, expire_on_commit=False) as session:
                session.info["now"] = self.now
                yield session
                session.flush()
        except OperationalError as exc:
            if isinstance(exc.orig, sqlite3.Error):
                raise self._refused(exc.orig) from None
            raise
        finally:
            engine.dispose()

    @contextmanager
    def cursor(self) -> Iterator[sqlite3.Cursor]:
        """A sqlite3 cursor in this transaction; a full disk or a locked file is refused as
        the other calls refuse it."""
        cur = self._conn.cursor()
        try:
            yield cur
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from None
        finally:
            cur.close()

    @contextmanager
    def writing(self, now: dt.datetime) -> Iterator[SqliteWriter]:
        from tracker.storage import read_only_problem

        made_read_only = read_only_problem(self.path)
        if made_read_only is not None:  # chmod'ed since this connection was opened
            raise InvalidInput(Problem("database", made_read_only, file=str(self.path)))
        with self._turn:
            if self._read_only:  # opened while the file was read-only: it is writable now
                self._conn.close()
                self._conn = self._open()
            self.now = now
            self.execute("BEGIN IMMEDIATE", {})
            try:
                yield self
            except BaseException:
                self._rollback()
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._rollback()
                raise self._refused(exc) from None

    def _rollback(self) -> None:
        # SQLite has rolled a transaction back itself after some errors (a full disk)
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def close(self) -> None:
        with self._turn:
            self._conn.close()


class PostgresWriter:
    """Writes on the command's `PostgresLink` (the connection its reads use, if one is open);
    each `writing()` one read-write transaction at the server's isolation level (READ
    COMMITTED unless set otherwise, as SQLAlchemy's sessions write), committed at its end or
    rolled back if it raises."""

    def __init__(
        self, url: str, shown_as: str, link: PostgresLink | None = None, *, cursor: bool = False,
        lock_timeout: float = BUSY_TIMEOUT,
    ) -> None:  # fmt: skip
        self.dialect = "postgresql"
        self.now = dt.datetime.now(dt.UTC)
        self._shown_as = shown_as
        self._url = url
        self._driver: Any = None  # the link's, once connected
        if link is None:
            try:
                link = PostgresLink(url, cursor=cursor, lock_timeout=lock_timeout)
            except CannotConnect as exc:
                raise self._refused(exc.error) from None
        self.link = link
        self._driver = link.driver

    @property
    def _conn(self) -> Any:
        return self.link.conn  # a new one after a lost one (PostgresLink.turn)

    def _refused(self, exc: Exception) -> InvalidInput | NotReady:
        from tracker.database_url import scrub_password
        from tracker.storage import storage_problem, unreachable_problem  # on the way out

        data_error = self._driver.DataError if self._driver is not None else ()
        if "NUL" in str(exc) and isinstance(exc, data_error):
            return InvalidInput(Problem("text", "contains the control character U+0000 NUL",
                                        allowed=ALLOWED))  # fmt: skip
        message = storage_problem(self._url, exc)
        if message is not None:
            return InvalidInput(Problem("database", message))
        gone = unreachable_problem(self._url, exc)
        if gone is not None:
            return NotReady(scrub_password(gone, self._url))
        reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        reason = scrub_password(reason, self._url)
        return NotReady(f"cannot write the database at {self._shown_as}: {reason}")

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        try:
            return list(self._conn.execute(sql, params))
        except (self._driver.OperationalError, self._driver.DataError) as exc:
            raise self._refused(exc) from None

    def execute(self, sql: str, params: dict[str, Any]) -> int:
        try:
            return int(self._conn.execute(sql, params).rowcount)
        except (self._driver.OperationalError, self._driver.DataError) as exc:
            raise self._refused(exc) from None

    def execute_many(self, sql: str, params: Sequence[dict[str, Any]]) -> None:
        try:
            if not self.link.has_cursor:
                self._conn.executemany(sql, params)  # libpq: a statement a row (a write has few)
                return
            with self._conn.cursor() as cur:
                cur.executemany(sql, params)
        except (self._driver.OperationalError, self._driver.DataError) as exc:
            raise self._refused(exc) from None

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """A psycopg cursor in this transaction, its refusals worded as the other calls'. Only
        on a writer opened with `cursor=True` (`Tracker.writing_sql(cursor=True)`)."""
        if not self.link.has_cursor:
            raise RuntimeError("this writer runs on libpq: open it with writing_sql(cursor=True)")
        try:
            with self._conn.cursor() as cur:
                yield cur
        except (self._driver.OperationalError, self._driver.DataError) as exc:
            raise self._refused(exc) from None

    @contextmanager
    def writing(self, now: dt.datetime) -> Iterator[PostgresWriter]:
        # a plain BEGIN: the server's default isolation and access, as SQLAlchemy's sessions
        with self.link.turn() as conn:
            self.now = now
            try:
                yield self
            except BaseException:
                if not conn.closed:
                    conn.rollback()
                raise
            try:
                conn.commit()
            except (self._driver.OperationalError, self._driver.DataError) as exc:
                raise self._refused(exc) from None

    def close(self) -> None:
        self.link.close()


class _Lent:
    """A sqlite3 connection lent to SQLAlchemy inside a transaction its writer owns: commit,
    rollback and close leave it to the writer; everything else is the connection's."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)
