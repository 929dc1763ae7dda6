"""libpq's refusals as psycopg's exception classes, by SQLSTATE, worded as psycopg words them
(`tracker.services.libpq`)."""

from __future__ import annotations

import re


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

_SEVERITY = re.compile(r"^(?:ERROR|FATAL|PANIC|WARNING|NOTICE):\s+")


def message(raw: bytes | None) -> str:
    """A libpq message as psycopg words it: without its severity, stripped."""
    text = (raw or b"").decode("utf-8", "replace")
    return _SEVERITY.sub("", text).strip() or "no error details available"


def from_state(text: str, sqlstate: str | None) -> Error:
    """The refusal of that SQLSTATE's class; none: the connection was lost."""
    if sqlstate is None:
        return OperationalError(text)
    kind = _STATES.get(sqlstate) or _CLASSES.get(sqlstate[:2], DatabaseError)
    return kind(text, sqlstate)
