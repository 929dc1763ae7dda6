"""Reads written as plain SQL, for the paths a user feels on every keystroke or command.

Importing SQLAlchemy takes about 0.3 s, as long as taskwarrior's whole `task list`. The register
(`tracker actions list`, the app's table) is therefore one portable SQL query, built in one
place (`tracker.services.actions.register`), that runs on any of three readers:

- `SessionReader`: inside a SQLAlchemy session (the app, and every service that already has one);
- `SqliteReader`: the standard library's sqlite3 on the database file;
- `PostgresReader`: libpq alone (`tracker.services.libpq`; psycopg where it cannot be
  loaded), for a command that has not needed SQLAlchemy for anything else (once a process has
  SQLAlchemy's pool open, its reads use that).

All take the same SQL and return the same raw rows; `as_date`/`as_utc` read dates either way.
The one plain-SQL write, a status update, has its writers in `tracker.services.plain_write`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.errors import NotReady
from tracker.storage import BUSY_TIMEOUT
from tracker.stored_values import bound

if TYPE_CHECKING:  # importing SQLAlchemy is what this module lets a command avoid
    from sqlalchemy.orm import Session

Row = Sequence[Any]

# a database integer (64-bit signed): a larger id or number would overflow the query
INTEGER_MIN, INTEGER_MAX = -(2**63), 2**63 - 1


def fits_integer(value: int) -> bool:
    """False for a number no row can have: it is not found, without asking the database."""
    return INTEGER_MIN <= value <= INTEGER_MAX


class Reader(Protocol):
    dialect: str  # "sqlite" or "postgresql"

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]: ...


class Params:
    """Collects bound values and writes each one's placeholder in the driver's own style (or,
    `style="named"`, as `:name` for SQLAlchemy's `text()`, values still stored the dialect's way)."""

    def __init__(self, dialect: str, *, style: str = "driver") -> None:
        self.dialect = dialect
        self.values: dict[str, Any] = {}
        self._named = style == "named" or dialect == "sqlite"

    def __call__(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = bound(self.dialect, value)
        return f":{name}" if self._named else f"%({name})s"

    def each(self, values: Iterable[Any]) -> str:
        return ", ".join(self(v) for v in values)


def as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)  # SQLite: 'YYYY-MM-DD'


def as_utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """A stored timestamp (naive UTC, as `UTCDateTime` writes it) as an aware UTC datetime."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(value)  # SQLite: 'YYYY-MM-DD HH:MM:SS[.ffffff]'
    return value.replace(tzinfo=dt.UTC)


class SessionReader:
    """Plain SQL inside a SQLAlchemy session, in its transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.dialect = session.get_bind().dialect.name

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        return list(self._session.connection().exec_driver_sql(sql, params).all())


class SqliteReader:
    """The database file through sqlite3, read-only: `query_only` refuses any write, and a
    transaction per `reading()` gives its queries one consistent snapshot. The app's thread
    workers share one reader, taking turns."""

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.dialect = "sqlite"
        self.path = path
        self._turn = threading.Lock()
        try:
            # mode=rw: never create a missing file; the busy timeout waits out a writer's commit
            self._conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=rw",
                uri=True,
                timeout=busy_timeout,
                isolation_level=None,
                check_same_thread=False,  # guarded by self._turn instead
            )
            self._conn.execute("PRAGMA query_only=ON")
        except sqlite3.Error as exc:
            raise self._not_ready(exc) from None

    def _not_ready(self, exc: sqlite3.Error) -> NotReady:
        from tracker.storage import BUSY, storage_problem

        if "database is locked" in str(exc):  # held exclusively by another program, too long
            return NotReady(BUSY)
        # a WAL database is written beside even to be read: a read-only one says how to fix it
        return NotReady(
            f"cannot read the database at {self.path}: "
            f"{storage_problem(f'sqlite:///{self.path}', exc) or exc}"
        )

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._not_ready(exc) from None

    @contextmanager
    def reading(self) -> Iterator[SqliteReader]:
        with self._turn:
            self.rows("BEGIN", {})
            try:
                yield self
            finally:
                self._conn.execute("COMMIT")  # nothing was written: this only ends the snapshot

    def schema_version(self) -> str | None:
        """The Alembic revision the file is at; None if it has no schema yet."""
        with self.reading():
            return _alembic_version(
                self,
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'",
            )

    def close(self) -> None:
        with self._turn:
            self._conn.close()


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq reads it: the same URI without the driver name."""
    scheme, sep, rest = url.partition("://")
    return (
        f"postgresql://{rest}"
        if sep and scheme.split("+")[0] in ("postgresql", "postgres")
        else url
    )


class CannotConnect(Exception):
    """The link could not connect; `error` is the driver's own refusal (its text is the reason)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class PostgresLink:
    """The one connection a command's plain SQL runs on, its reads and its write alike:
    a second connection would start a second server process, with its own start-up and its own
    cold catalogue caches (about a tenth of `tracker actions update`'s wait). Transactions take
    turns; each sets its own kind (read-only snapshot, or a write), which the driver sends in
    that transaction's BEGIN, so switching costs no round trip.

    The driver is libpq itself (`tracker.services.libpq`, about 8 ms to load) where it loads,
    else psycopg (105-135 ms to import); `cursor=True` asks for psycopg's connection, for a
    writer whose cursor is used (an import's bulk writes). `driver` is the module either way:
    its `Error`, `OperationalError`, `DataError`, `IsolationLevel`, `errors.UndefinedTable` and
    `pq.TransactionStatus` are read alike. CannotConnect if it cannot connect: the reader or
    writer opening it words the refusal."""

    def __init__(
        self, url: str, *, cursor: bool = False, lock_timeout: float = BUSY_TIMEOUT
    ) -> None:
        from tracker.services import libpq

        driver: Any = libpq
        if cursor or libpq.load() is None:
            import psycopg

            driver = psycopg
        self.driver = driver
        self.has_cursor = driver is not libpq
        self._url = url
        self._lock_ms = max(1, round(lock_timeout * 1000))
        self.conn = self._connect()
        self._turn = threading.Lock()
        self._holder: int | None = None

    @contextmanager
    def turn(self, *, read_only: bool | None = None, isolation: Any = None) -> Iterator[Any]:
        """The connection for one transaction of this kind (None: the server's default); the
        app's thread workers wait their turn. A transaction opened inside another on the same
        thread would share (and end) it: refused."""
        if self._holder == threading.get_ident():
            raise RuntimeError("a plain-SQL transaction was opened inside another one")
        with self._turn:
            self._holder = threading.get_ident()
            try:
                if self.conn.closed:  # lost (the server restarted, the session was ended):
                    # connect again; still away, the first query words the refusal
                    with suppress(CannotConnect):
                        self.conn = self._connect()
                conn = self.conn
                if not conn.closed:
                    status = self.driver.pq.TransactionStatus
                    if conn.info.transaction_status in (status.INTRANS, status.INERROR):
                        conn.rollback()  # a query run outside `reading()` left one open
                    # a lost connection is left to the first query, which words the refusal
                    if conn.info.transaction_status == status.IDLE:
                        if conn.read_only != read_only:
                            conn.read_only = read_only
                        if conn.isolation_level != isolation:
                            conn.isolation_level = isolation
                yield conn
            finally:
                self._holder = None

    def _connect(self) -> Any:
        try:
            conn = self.driver.connect(libpq_url(self._url))
        except self.driver.Error as exc:
            raise CannotConnect(exc) from None
        # a row or table another session holds is waited for this long, not for ever: then
        # refused as busy (tracker.storage.BUSY). Outside a transaction, so that it stays set.
        conn.autocommit = True
        try:
            conn.execute(f"SET lock_timeout = {self._lock_ms}")
        except self.driver.Error as exc:
            conn.close()
            raise CannotConnect(exc) from None
        conn.autocommit = False
        return conn

    def close(self) -> None:
        with self._turn:
            self.conn.close()


class PostgresReader:
    """Reads on the command's `PostgresLink`, each `reading()` one read-only transaction
    (REPEATABLE READ: one snapshot for all its queries) rolled back at its end."""

    def __init__(
        self, url: str, shown_as: str, link: PostgresLink | None = None, *,
        lock_timeout: float = BUSY_TIMEOUT,
    ) -> None:  # fmt: skip
        self.dialect = "postgresql"
        self._shown_as = shown_as
        self._url = url
        if link is None:
            try:
                link = PostgresLink(url, lock_timeout=lock_timeout)
            except CannotConnect as exc:
                raise self._not_ready(exc) from None
        self.link = link
        self._driver = link.driver

    @property
    def _conn(self) -> Any:
        return self.link.conn  # a new one after a lost one (PostgresLink.turn)

    def _not_ready(self, exc: Exception) -> NotReady:
        from tracker.database_url import scrub_password
        from tracker.storage import unreachable_problem

        gone = unreachable_problem(self._url, exc)
        if gone is not None:
            return NotReady(scrub_password(gone, self._url))
        reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        reason = scrub_password(reason, self._url)
        return NotReady(f"cannot open the database at {self._shown_as}: {reason}")

    def rows(self, sql: str, params: dict[str, Any]) -> list[Row]:
        try:
            return list(self._conn.execute(sql, params))
        except self._driver.OperationalError as exc:
            raise self._not_ready(exc) from None

    @contextmanager
    def reading(self) -> Iterator[PostgresReader]:
        repeatable = self._driver.IsolationLevel.REPEATABLE_READ
        with self.link.turn(read_only=True, isolation=repeatable) as conn:
            try:
                yield self
            finally:
                if not conn.closed:
                    conn.rollback()  # nothing was written: this only ends the snapshot

    def schema_version(self) -> str | None:
        """The Alembic revision the database is at; None if it has no schema yet (no
        `alembic_version` table in the current schema). One statement, outside a transaction:
        one round trip, where a transaction and a look in `information_schema` took four."""
        repeatable = self._driver.IsolationLevel.REPEATABLE_READ
        with self.link.turn(read_only=True, isolation=repeatable) as conn:
            conn.autocommit = True
            try:
                found = self.rows(
                    "SELECT version_num FROM alembic_version WHERE 'alembic_version'::regclass "
                    "= to_regclass(quote_ident(current_schema()) || '.alembic_version')",
                    {},
                )
            except self._driver.errors.UndefinedTable:
                return None
            finally:
                if not conn.closed:
                    conn.autocommit = False
            return found[0][0] if found else None

    def close(self) -> None:
        self.link.close()


def _alembic_version(reader: Reader, table_exists: str) -> str | None:
    if not reader.rows(table_exists, {}):
        return None
    version = reader.rows("SELECT version_num FROM alembic_version", {})
    return version[0][0] if version else None
