"""An action without a due date is due by the end of its phase (31 March of the phase's last
year), shown as such, and late after it: the date, and the same in SQL for the reads that sort
or count by it. Standard library only: a public paper imports it without the register."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

PHASE_END = (3, 31)  # a phase "2024-2025" runs to the end of the council's year: 31 March 2025


class _Dialect(Protocol):
    dialect: str


def phase_end(end_year: int | None) -> dt.date | None:
    """The implied due date of an action in a phase that ends in `end_year`."""
    return None if end_year is None else dt.date(int(end_year), *PHASE_END)


def phase_end_sql(p: _Dialect) -> str:
    """`phase_end(phase.end_year)` in SQL, as the dialect stores a date (SQLite: ISO text)."""
    month, day = PHASE_END
    if p.dialect == "sqlite":
        return (f"CASE WHEN phase.end_year IS NOT NULL "
                f"THEN printf('%04d-%02d-%02d', phase.end_year, {month}, {day}) END")  # fmt: skip
    return f"make_date(phase.end_year, {month}, {day})"
