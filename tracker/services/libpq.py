"""PostgreSQL through libpq itself, for a command's plain-SQL reads and writes (`plain_sql`).

`import psycopg` costs 105-135 ms of CPU before a query (its `__init__` loads every adapter,
`asyncio`, `ssl` and `importlib.metadata`; `psycopg.pq` alone still loads `psycopg.errors` and
most of the rest), which is more than taskwarrior's whole `task info`. Loading the libpq that
psycopg's binary package ships, through `ctypes`, costs about 8 ms. This is the small part of a
driver those commands use, with psycopg's meaning:

- `Connection`: one connection; a transaction starts at the first statement with psycopg's
  BEGIN (isolation level, READ ONLY / READ WRITE), ends with `commit()` / `rollback()`;
- `execute(sql, params)`: `%(name)s` placeholders (and `%%`), values sent apart from the SQL
  (PQexecParams) typed as psycopg types them, rows read back as psycopg reads them
  (int, str, bool, float, Decimal, date, naive or aware datetime, JSON);
- errors by SQLSTATE class, as psycopg's (`OperationalError`, `DataError`, ...), their text
  as psycopg words it.

`load()` is None where no libpq can be loaded; the caller then uses psycopg, as before.
Everything else (the app's sessions, an import's cursor) stays with psycopg through SQLAlchemy.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import enum
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any


class Error(Exception):
    """A refusal from the server or libpq; `sqlstate` (and `diag.sqlstate`, as psycopg's) when
    the server sent one."""

    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.diag = _Diag(sqlstate)


class _Diag:
    def __init__(self, sqlstate: str | None) -> None:
        self.sqlstate = sqlstate


class InterfaceError(Error): ...


class DatabaseError(Error): ...


class OperationalError(DatabaseError): ...


class DataError(DatabaseError): ...


class IntegrityError(DatabaseError): ...


class InternalError(DatabaseError): ...


class ProgrammingError(DatabaseError): ...


class NotSupportedError(DatabaseError): ...


class UndefinedTable(ProgrammingError): ...


class errors:  # noqa: N801 - read as psycopg.errors is
    UndefinedTable = UndefinedTable


# psycopg's classes of SQLSTATE (psycopg.errors._base_exc_map), by the state's first two characters
_CLASSES: dict[str, type[Error]] = {
    "08": OperationalError, "0A": NotSupportedError, "20": ProgrammingError,
    "21": ProgrammingError, "22": DataError, "23": IntegrityError, "24": InternalError,
    "25": InternalError, "26": InternalError, "27": InternalError, "28": OperationalError,
    "2B": InternalError, "2D": InternalError, "2F": InternalError, "34": ProgrammingError,
    "38": InternalError, "39": InternalError, "3B": InternalError, "3D": ProgrammingError,
    "3F": ProgrammingError, "40": OperationalError, "42": ProgrammingError,
    "44": ProgrammingError, "53": OperationalError, "54": OperationalError,
    "55": OperationalError, "57": OperationalError, "58": OperationalError,
    "F0": InternalError, "HV": OperationalError, "P0": InternalError, "XX": InternalError,
}  # fmt: skip
_STATES: dict[str, type[Error]] = {"42P01": UndefinedTable}


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


_CONNECTION_OK = 0
_COMMAND_OK, _TUPLES_OK = 1, 2
_DIAG_SQLSTATE = ord("C")
_SEVERITY = re.compile(r"^(?:ERROR|FATAL|PANIC|WARNING|NOTICE):\s+")

_lib: ctypes.CDLL | None = None
_tried = False

# the server's notices (a WARNING, a NOTICE) are not printed: psycopg, too, only passes them to
# handlers a program adds, and tracker adds none
_NOTICE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)
_quiet = _NOTICE(lambda _arg, _message: None)


def _candidates() -> Iterator[str]:
    """The libpq psycopg's binary package ships (the one psycopg itself runs on), then the
    system's."""
    import importlib.util

    spec = importlib.util.find_spec("psycopg_binary")
    if spec is not None and spec.origin:
        package = os.path.dirname(spec.origin)
        for folder in (f"{package}.libs", os.path.join(package, ".dylibs")):
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            for name in names:
                if name.startswith("libpq") and (
                    ".so" in name or name.endswith((".dylib", ".dll"))
                ):
                    yield os.path.join(folder, name)
    yield {"darwin": "libpq.5.dylib", "win32": "libpq.dll"}.get(sys.platform, "libpq.so.5")


def load() -> ctypes.CDLL | None:
    """libpq, its functions declared; None if none loads (or it is older than 10)."""
    global _lib, _tried
    if _tried:
        return _lib
    _tried = True
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            if lib.PQlibVersion() < 100000:
                continue
        except (OSError, AttributeError):
            continue
        _declare(lib)
        _lib = lib
        break
    return _lib


def _declare(lib: ctypes.CDLL) -> None:
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    for name, args, result in (
        ("PQconnectdbParams", [ctypes.POINTER(s), ctypes.POINTER(s), i], p),
        ("PQstatus", [p], i), ("PQerrorMessage", [p], s), ("PQfinish", [p], None),
        ("PQtransactionStatus", [p], i), ("PQparameterStatus", [p, s], s),
        ("PQexecParams", [p, s, i, ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(s),
                          p, p, i], p),
        ("PQresultStatus", [p], i), ("PQresultErrorMessage", [p], s),
        ("PQresultErrorField", [p, i], s), ("PQclear", [p], None), ("PQntuples", [p], i),
        ("PQnfields", [p], i), ("PQftype", [p, i], ctypes.c_uint),
        ("PQgetvalue", [p, i, i], s), ("PQgetisnull", [p, i, i], i),
        ("PQgetlength", [p, i, i], i), ("PQcmdTuples", [p], s),
        ("PQsetNoticeProcessor", [p, _NOTICE, p], p),
    ):  # fmt: skip
        fn = getattr(lib, name)
        fn.argtypes, fn.restype = args, result


# ---- values in: typed as psycopg types them -----------------------------------------------------

_INT2, _INT4, _INT8, _NUMERIC = 21, 23, 20, 1700
_TEXT_NUL = "PostgreSQL text fields cannot contain NUL (0x00) bytes"


def _dumped(value: Any) -> tuple[int, bytes | None]:
    """(type oid, text) of one parameter; oid 0 lets the server infer it, as psycopg's str."""
    if value is None:
        return 0, None
    if isinstance(value, str):
        if "\x00" in value:
            raise DataError(_TEXT_NUL)
        return 0, value.encode()
    if isinstance(value, bool):
        return 16, b"t" if value else b"f"
    if isinstance(value, int):
        if -(2**15) <= value < 2**15:
            oid = _INT2
        elif -(2**31) <= value < 2**31:
            oid = _INT4
        elif -(2**63) <= value < 2**63:
            oid = _INT8
        else:
            oid = _NUMERIC
        return oid, str(value).encode()
    if isinstance(value, float):
        return 701, repr(value).encode()
    if isinstance(value, dt.datetime):
        return (1114 if value.tzinfo is None else 1184), value.isoformat().encode()
    if isinstance(value, dt.date):
        return 1082, value.isoformat().encode()
    if type(value).__name__ == "Decimal":
        return _NUMERIC, str(value).encode()
    raise NotSupportedError(f"cannot send a {type(value).__name__} to PostgreSQL here")


_PLACEHOLDER = re.compile(rb"%\((\w+)\)s|%%|%")
_converted: dict[str, tuple[bytes, tuple[str, ...]]] = {}


def _query(sql: str) -> tuple[bytes, tuple[str, ...]]:
    """psycopg's `%(name)s` placeholders as libpq's `$n` (a name used twice is one parameter),
    `%%` as `%`; the parameters' names in order."""
    if sql in _converted:
        return _converted[sql]
    names: dict[str, int] = {}

    def one(m: re.Match[bytes]) -> bytes:
        if m.group(0) == b"%%":
            return b"%"
        if m.group(1) is None:
            raise ProgrammingError(f"only %(name)s placeholders are read here: {sql[:80]!r}")
        name = m.group(1).decode()
        return b"$%d" % names.setdefault(name, len(names) + 1)

    done = (_PLACEHOLDER.sub(one, sql.encode()), tuple(names))
    if len(_converted) >= 500:  # the app's long runs: a list's placeholders vary in number
        _converted.clear()
    _converted[sql] = done
    return done


# ---- values out: read as psycopg reads them ----------------------------------------------------


def _json(text: str) -> Any:
    import json

    return json.loads(text)


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


def _bytea(text: str) -> bytes:
    return bytes.fromhex(text[2:]) if text.startswith("\\x") else text.encode("latin-1")


_LOADERS: dict[int, Any] = {
    16: lambda v: v == "t", 20: int, 21: int, 23: int, 26: int,
    700: float, 701: float, 1700: _decimal, 1082: dt.date.fromisoformat,
    1114: dt.datetime.fromisoformat, 1184: dt.datetime.fromisoformat,
    114: _json, 3802: _json, 17: _bytea,
}  # fmt: skip
# arrays, intervals, times and ranges: psycopg makes Python objects of them; none is read here
_UNREAD = frozenset({
    199, 1000, 1001, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1115, 1182, 1183,
    1185, 1186, 1231, 1270, 2951, 3807, 1083, 1266, 3904, 3906, 3908, 3910, 3912, 3926,
})  # fmt: skip


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
        self._pg: int | None = lib.PQconnectdbParams(keys, values, 1)
        if self._pg is None:
            raise OperationalError("connection failed: out of memory")
        if lib.PQstatus(self._pg) != _CONNECTION_OK:
            message = self._message(lib.PQerrorMessage(self._pg))
            self.close()
            raise OperationalError(f"connection failed: {message}")
        lib.PQsetNoticeProcessor(self._pg, _quiet, None)
        # what the readers below take for granted, set for this connection if the server's
        # defaults differ: ISO dates, and text in UTF-8
        datestyle = self._parameter("DateStyle") or ""
        if not datestyle.startswith("ISO"):
            self._run(b"SET DateStyle TO ISO", ())
        if self._parameter("client_encoding") != "UTF8":
            self._run(b"SET client_encoding TO 'UTF8'", ())

    def _parameter(self, name: str) -> str | None:
        value = self._lib.PQparameterStatus(self._pg, name.encode())
        return value.decode() if value is not None else None

    @staticmethod
    def _message(raw: bytes | None) -> str:
        text = (raw or b"").decode("utf-8", "replace")
        return _SEVERITY.sub("", text).strip() or "no error details available"

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
        query, names = _query(sql)
        args = params or {}
        try:
            dumped = [_dumped(args[name]) for name in names]
        except KeyError as missing:
            raise ProgrammingError(f"query parameter missing: {missing}") from None
        if not self.autocommit and self.transaction_status == TransactionStatus.IDLE:
            self._run(self._begin(), ())
        return self._run(query, dumped)

    def _run(self, query: bytes, dumped: Sequence[tuple[int, bytes | None]]) -> Result:
        lib, n = self._lib, len(dumped)
        oids = (ctypes.c_uint * n)(*(d[0] for d in dumped)) if n else None
        texts = (ctypes.c_char_p * n)(*(d[1] for d in dumped)) if n else None
        res = lib.PQexecParams(self._pg, query, n, oids, texts, None, None, 0)
        if res is None:
            raise OperationalError(self._message(lib.PQerrorMessage(self._pg)))
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

    def _error(self, res: int) -> Error:
        lib = self._lib
        state = lib.PQresultErrorField(res, _DIAG_SQLSTATE)
        sqlstate = state.decode() if state else None
        message = self._message(lib.PQresultErrorMessage(res) or lib.PQerrorMessage(self._pg))
        if sqlstate is None:
            return OperationalError(message)  # the connection was lost
        kind = _STATES.get(sqlstate) or _CLASSES.get(sqlstate[:2], DatabaseError)
        return kind(message, sqlstate)

    def _rows(self, res: int) -> list[tuple[Any, ...]]:
        lib = self._lib
        width, count = lib.PQnfields(res), lib.PQntuples(res)
        loaders = []
        for col in range(width):
            oid = lib.PQftype(res, col)
            if oid in _UNREAD:
                raise NotSupportedError(f"a column of type oid {oid} is not read here")
            loaders.append(_LOADERS.get(oid))
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
