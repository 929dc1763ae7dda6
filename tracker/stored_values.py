"""How a value is stored where SQLAlchemy's types would store it, for SQL written without them
(the plain-SQL reads and writes, and the bulk inserts of an import). Imports nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any


def bound(dialect: str, value: Any) -> Any:
    """A value as the driver stores it where SQLAlchemy would: a timestamp naive in UTC (on
    SQLite as the text its DateTime writes, microseconds and all), a date as ISO text on SQLite."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        if dialect != "sqlite":
            return value
        return value.isoformat(" ", "microseconds")  # 2026-03-01 09:30:00.000000
    if dialect == "sqlite" and isinstance(value, dt.date):
        return value.isoformat()  # how SQLAlchemy stores a Date in SQLite
    return value


def new_uid() -> str:
    """A new calendar UID: a random UUID, unique across every council's calendars."""
    return str(uuid.uuid4())
