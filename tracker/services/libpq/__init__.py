"""PostgreSQL through libpq itself, for a command's plain-SQL reads and writes (`plain_sql`).

`import psycopg` costs 105-135 ms of CPU before a query (its `__init__` loads every adapter,
`asyncio`, `ssl` and `importlib.metadata`; `psycopg.pq` alone still loads `psycopg.errors` and
most of the rest), which is more than taskwarrior's whole `task info`. Loading the libpq that
psycopg's binary package ships, through `ctypes`, costs about 8 ms. This is the small part of a
driver those commands use, with psycopg's meaning:

- `Connection`: one connection; a transaction starts at the first statement with psycopg's
  BEGIN (isolation level, READ ONLY / READ WRITE), ends with `commit()` / `rollback()`;
- `execute(sql, params)`: `%(name)s` placeholders (and `%%`), values sent apart from the SQL
  (PQsendQueryParams) typed as psycopg types them, rows read back as psycopg reads them
  (int, str, bool, float, Decimal, date, naive or aware datetime, JSON);
- errors by SQLSTATE class, as psycopg's (`OperationalError`, `DataError`, ...), their text
  as psycopg words it;
- every wait (connecting, a statement's result) is Python's own, so Ctrl-C and SIGTERM stop it
  at once, as with psycopg, and a statement stopped is cancelled on the server.

`load()` (`library.py`: finding libpq and declaring its functions) is None where no libpq can
be loaded; the caller then uses psycopg, as before. Values in and out are in `values.py`, the
error classes in `errors.py`. Everything else (the app's sessions, an import's cursor) stays with psycopg through SQLAlchemy.
"""

from __future__ import annotations

import ctypes
import enum
import select
import time
from collections.abc import Iterator, Sequence
from typing import Any

from tracker.services.libpq import errors
from tracker.services.libpq.errors import (
    DatabaseError,
    DataError,
    Error,
    IntegrityError,
    InterfaceError,
    InternalError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    message,
)
from tracker.services.libpq.library import load, quiet
from tracker.services.libpq.values import LOADERS, UNREAD, dumped, query

__all__ = [
    "Connection", "DataError", "DatabaseError", "Error", "IntegrityError", "InterfaceError",
    "InternalError", "IsolationLevel", "NotSupportedError", "OperationalError",
    "ProgrammingError", "Result", "TransactionStatus", "connect", "errors", "load", "pq",
]  # fmt: skip


class IsolationLevel(enum.IntEnum):
    """psycopg.IsolationLevel's values."""

    READ_UNCOMMITTED = 1
    READ_COMMITTED = 2
    REPEATABLE_READ = 3
    SERIALIZABLE = 4


class TransactionStatus(enum.IntEnum):
    """libpq's PQtransactionStatus (psycopg.pq.TransactionStatus)."""

    IDLE = 0
    ACTIVE = 1
    INTRANS = 2
    INERROR = 3
    UNKNOWN = 4


class pq:  # noqa: N801 - read as psycopg.pq is
    TransactionStatus = TransactionStatus


_CONNECTION_OK, _CONNECTION_BAD = 0, 1
_POLL_FAILED, _POLL_READING, _POLL_WRITING, _POLL_OK = 0, 1, 2, 3
_COMMAND_OK, _TUPLES_OK = 1, 2
_DIAG_SQLSTATE = ord("C")

_CANCEL_WAIT = 5.0  # seconds a stopped statement's answer is waited for


class Result:
    """One statement's rows (a list of tuples) and its count of rows changed."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int) -> None:
        self.rows = rows
        self.rowcount = rowcount

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)


class Connection:
    """One libpq connection, its transactions begun as psycopg begins them."""

    def __init__(self, conninfo: str) -> None:
        lib = load()
        if lib is None:
            raise InterfaceError("libpq could not be loaded")
        self._lib = lib
        self.autocommit = False
        self.read_only: bool | None = None
        self.isolation_level: IsolationLevel | None = None
        # the URL as given (libpq reads it); text in UTF-8 unless the URL says otherwise
        keys = (ctypes.c_char_p * 3)(b"client_encoding", b"dbname", None)
        values = (ctypes.c_char_p * 3)(b"UTF8", conninfo.encode(), None)
        # started and polled here, not in one blocking call: a wait on a server that does not
        # answer is then stopped by Ctrl-C or SIGTERM at once, as psycopg's is
        self._pg: int | None = lib.PQconnectStartParams(keys, values, 1)
        if self._pg is None:
            raise OperationalError("connection failed: out of memory")
        try:
            self._connect()
        except BaseException:
            self.close()
            raise
        lib.PQsetNoticeProcessor(self._pg, quiet, None)
        # what the readers below take for granted, set for this connection if the server's
        # defaults differ: ISO dates, and text in UTF-8
        datestyle = self._parameter("DateStyle") or ""
        if not datestyle.startswith("ISO"):
            self._run(b"SET DateStyle TO ISO", ())
        if self._parameter("client_encoding") != "UTF8":
            self._run(b"SET client_encoding TO 'UTF8'", ())

    def _connect(self) -> None:
        lib, pg = self._lib, self._pg
        deadline = self._deadline()
        status = _POLL_WRITING
        while lib.PQstatus(pg) != _CONNECTION_BAD and status not in (_POLL_OK, _POLL_FAILED):
            if not self._wait(status == _POLL_READING, deadline):
                raise OperationalError("connection timeout expired")  # psycopg's words
            status = lib.PQconnectPoll(pg)
        if lib.PQstatus(pg) != _CONNECTION_OK:
            refusal = message(lib.PQerrorMessage(pg))
            raise OperationalError(f"connection failed: {refusal}")

    def _deadline(self) -> float | None:
        """When to give up connecting: the URL's `connect_timeout` (at least 2 s, as libpq's
        own), which libpq leaves to the program when it is polled; None: no limit."""
        options = self._lib.PQconninfo(self._pg)
        if not options:
            return None
        try:
            k = 0
            while options[k].keyword is not None:
                if options[k].keyword == b"connect_timeout" and options[k].val:
                    try:
                        seconds = int(options[k].val)
                    except ValueError:
                        return None
                    return time.monotonic() + max(2, seconds) if seconds > 0 else None
                k += 1
        finally:
            self._lib.PQconninfoFree(options)
        return None

    def _wait(self, reading: bool, deadline: float | None = None) -> bool:
        """Until the socket is ready (False: the deadline passed). Python's own wait, so a
        signal's handler runs (and a KeyboardInterrupt is raised) while it waits."""
        sock = self._lib.PQsocket(self._pg)
        if sock < 0:
            raise OperationalError(message(self._lib.PQerrorMessage(self._pg)))
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN if reading else select.POLLOUT)
            return bool(poller.poll(None if timeout is None else timeout * 1000))
        ready = select.select([sock] if reading else [], [] if reading else [sock], [], timeout)
        return bool(ready[0] or ready[1])

    def _parameter(self, name: str) -> str | None:
        value = self._lib.PQparameterStatus(self._pg, name.encode())
        return value.decode() if value is not None else None

    @property
    def closed(self) -> bool:
        return self._pg is None or self._lib.PQstatus(self._pg) != _CONNECTION_OK

    @property
    def transaction_status(self) -> TransactionStatus:
        if self._pg is None:
            return TransactionStatus.UNKNOWN
        return TransactionStatus(self._lib.PQtransactionStatus(self._pg))

    @property
    def info(self) -> Connection:  # psycopg's `conn.info.transaction_status`
        return self

    def _begin(self) -> bytes:
        parts = [b"BEGIN"]
        if self.isolation_level is not None:
            parts += [b"ISOLATION LEVEL", self.isolation_level.name.replace("_", " ").encode()]
        if self.read_only is not None:
            parts.append(b"READ ONLY" if self.read_only else b"READ WRITE")
        return b" ".join(parts)

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> Result:
        """One statement, in this connection's transaction (begun first if none is open)."""
        if self._pg is None:
            raise OperationalError("the connection is closed")
        text, names = query(sql)
        args = params or {}
        try:
            sent = [dumped(args[name]) for name in names]
        except KeyError as missing:
            raise ProgrammingError(f"query parameter missing: {missing}") from None
        if not self.autocommit and self.transaction_status == TransactionStatus.IDLE:
            self._run(self._begin(), ())
        return self._run(text, sent)

    def _run(self, query: bytes, dumped: Sequence[tuple[int, bytes | None]]) -> Result:
        lib, n = self._lib, len(dumped)
        oids = (ctypes.c_uint * n)(*(d[0] for d in dumped)) if n else None
        texts = (ctypes.c_char_p * n)(*(d[1] for d in dumped)) if n else None
        if not lib.PQsendQueryParams(self._pg, query, n, oids, texts, None, None, 0):
            raise OperationalError(message(lib.PQerrorMessage(self._pg)))
        res = self._result()
        if res is None:
            raise OperationalError(message(lib.PQerrorMessage(self._pg)))
        try:
            status = lib.PQresultStatus(res)
            if status == _TUPLES_OK:
                return Result(self._rows(res), lib.PQntuples(res))
            if status == _COMMAND_OK:
                count = lib.PQcmdTuples(res)
                return Result([], int(count) if count else -1)
            raise self._error(res)
        finally:
            lib.PQclear(res)

    def _result(self) -> int | None:
        """The statement's result, waited for in Python (a signal stops the wait; the server
        is then told to cancel the statement), and the end of its results read."""
        lib, pg = self._lib, self._pg
        first: int | None = None
        try:
            while True:
                if not lib.PQconsumeInput(pg):
                    break  # the connection was lost: PQgetResult says why
                if lib.PQisBusy(pg):
                    self._wait(True)
                    continue
                res = lib.PQgetResult(pg)
                if res is None:
                    break
                if first is None:
                    first = res
                else:
                    lib.PQclear(res)
        except BaseException:
            if first is not None:
                lib.PQclear(first)
            self._cancel()
            raise
        if first is None:
            first = lib.PQgetResult(pg)
        return first

    def _cancel(self) -> None:
        """Ask the server to stop the statement running, and read what it says, waiting in
        Python for a few seconds at most: a cancel the server never gets (or a statement that
        does not stop) must not hold up a stop. The connection is closed after, which ends
        the statement on the server."""
        lib, pg = self._lib, self._pg
        cancel = lib.PQgetCancel(pg)
        if cancel:
            lib.PQcancel(cancel, ctypes.create_string_buffer(256), 256)
            lib.PQfreeCancel(cancel)
        deadline = time.monotonic() + _CANCEL_WAIT
        while lib.PQconsumeInput(pg):
            if lib.PQisBusy(pg):
                if not self._wait(True, deadline):
                    return
                continue
            res = lib.PQgetResult(pg)
            if res is None:
                return
            lib.PQclear(res)

    def _error(self, res: int) -> Error:
        lib = self._lib
        state = lib.PQresultErrorField(res, _DIAG_SQLSTATE)
        sqlstate = state.decode() if state else None
        text = message(lib.PQresultErrorMessage(res) or lib.PQerrorMessage(self._pg))
        return errors.from_state(text, sqlstate)

    def _rows(self, res: int) -> list[tuple[Any, ...]]:
        lib = self._lib
        width, count = lib.PQnfields(res), lib.PQntuples(res)
        loaders = []
        for col in range(width):
            oid = lib.PQftype(res, col)
            if oid in UNREAD:
                raise NotSupportedError(f"a column of type oid {oid} is not read here")
            loaders.append(LOADERS.get(oid))
        value, isnull = lib.PQgetvalue, lib.PQgetisnull
        rows = []
        for row in range(count):
            out: list[Any] = []
            for col, load_ in enumerate(loaders):
                raw = value(res, row, col)
                if not raw and isnull(res, row, col):
                    out.append(None)
                    continue
                text = raw.decode()
                out.append(load_(text) if load_ is not None else text)
            rows.append(tuple(out))
        return rows

    def commit(self) -> None:
        if self.transaction_status != TransactionStatus.IDLE:
            self._run(b"COMMIT", ())

    def rollback(self) -> None:
        if self._pg is not None and self.transaction_status != TransactionStatus.IDLE:
            self._run(b"ROLLBACK", ())

    def executemany(self, sql: str, params: Sequence[dict[str, Any]]) -> None:
        for one in params:
            self.execute(sql, one)

    def close(self) -> None:
        if self._pg is not None:
            self._lib.PQfinish(self._pg)
            self._pg = None


def connect(conninfo: str) -> Connection:
    """A connection, as `psycopg.connect(conninfo)` opens one."""
    return Connection(conninfo)
