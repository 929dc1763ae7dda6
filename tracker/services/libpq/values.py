"""Values across libpq as psycopg sends and reads them (`tracker.services.libpq`): each
parameter typed with psycopg's type (a str untyped, for the server to infer), `%(name)s`
placeholders as `$n`, and each column of a row read by its type as psycopg's loaders read it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tracker.services.libpq.errors import DataError, NotSupportedError, ProgrammingError

# ---- values in: typed as psycopg types them -----------------------------------------------------

_INT2, _INT4, _INT8, _NUMERIC = 21, 23, 20, 1700
_TEXT_NUL = "PostgreSQL text fields cannot contain NUL (0x00) bytes"


def dumped(value: Any) -> tuple[int, bytes | None]:
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


def query(sql: str) -> tuple[bytes, tuple[str, ...]]:
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


LOADERS: dict[int, Any] = {
    16: lambda v: v == "t", 20: int, 21: int, 23: int, 26: int,
    700: float, 701: float, 1700: _decimal, 1082: dt.date.fromisoformat,
    1114: dt.datetime.fromisoformat, 1184: dt.datetime.fromisoformat,
    114: _json, 3802: _json, 17: _bytea,
}  # fmt: skip
# arrays, intervals, times and ranges: psycopg makes Python objects of them; none is read here
UNREAD = frozenset({
    199, 1000, 1001, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1115, 1182, 1183,
    1185, 1186, 1231, 1270, 2951, 3807, 1083, 1266, 3904, 3906, 3908, 3910, 3912, 3926,
})  # fmt: skip
