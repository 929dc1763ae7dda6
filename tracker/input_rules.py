"""The one set of rules for what a person types, whichever face they type it in (the CLI, the
app, a spreadsheet): statuses, RAG values and refs in any case with the sheet's aliases, dates
as ISO or UK day-first (31/03/2027, 31 Mar 2027) with ambiguous ones refused, progress that
agrees with the status, and "did you mean" for a mistyped name.

Import-light on purpose (the standard library, tracker.errors and tracker.vocabulary only):
the fastest CLI paths read their input through it before SQLAlchemy is loaded."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from tracker.errors import InvalidInput, Problem
from tracker.vocabulary import RAGS, STATUSES

STATUS_ALIASES = {
    "completed": "complete", "done": "complete", "canceled": "cancelled",
    "not yet started": "not started", "started": "in progress", "ongoing": "in progress",
}  # fmt: skip
RAG_ALIASES = {"g": "green", "a": "amber", "r": "red", "n/a": "none", "not assessed": "none",
               "-": "none"}  # fmt: skip
NO_RAG = "none"
DATE_ALLOWED = "a date such as 31/03/2027, 31 Mar 2027 or 2027-03-31 (YYYY-MM-DD)"

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
_WORDS_US = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def _norm(value: object) -> str:
    return " ".join(str(value).lower().replace("-", " ").replace("_", " ").split())


def read_status(value: object) -> tuple[str | None, str | None]:
    """(status, problem): 'In Progress', 'in-progress', 'IN_PROGRESS', 'done' -> a status.
    Blank is (None, None)."""
    if value is None or not str(value).strip():
        return None, None
    norm = _norm(value)
    norm = STATUS_ALIASES.get(norm, norm)
    if norm in STATUSES:
        return norm, None
    return None, f"unknown status {str(value).strip()!r}{did_you_mean(str(value), STATUSES)}"


def read_rag(value: object) -> tuple[str | None, str | None]:
    """(rag, problem): 'Amber', 'A', 'AMBER' -> 'amber'; 'none', 'n/a', 'not assessed' ->
    'none' (not assessed). Blank is (None, None)."""
    if value is None or not str(value).strip():
        return None, None
    norm = " ".join(str(value).lower().split())
    norm = RAG_ALIASES.get(norm, norm)
    if norm == NO_RAG or norm in RAGS:
        return norm, None
    return None, f"unknown RAG {str(value).strip()!r}{did_you_mean(str(value), RAGS)}"


def status(value: object, field: str = "status") -> str:
    """A status, or InvalidInput naming the field and the statuses allowed."""
    found, problem = read_status(value)
    if found is None:
        raise InvalidInput(Problem(field, problem or "required", ", ".join(STATUSES)))
    return found


def rag(value: object, field: str = "rag") -> str:
    """A RAG value or 'none', or InvalidInput naming the field."""
    found, problem = read_rag(value)
    if found is None:
        raise InvalidInput(Problem(field, problem or "required", ", ".join((*RAGS, NO_RAG))))
    return found


def ref(value: object) -> str:
    """An action ref as stored: 'p1-02 ' -> 'P1-02'."""
    return str(value).strip().upper()


def read_date(value: object) -> tuple[dt.date | None, str | None]:
    """(date, problem). ISO (2027-03-31), UK day-first numbers (31/03/2027, 31.03.2027) and
    words (31 Mar 2027, 31st March 2027, March 31 2027). A numeric date that reads two ways
    (04/05/2027: 4 May or 5 April?) and two-digit years are refused, saying how to write it.
    Blank is (None, None)."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    raw = " ".join(str(value).split())
    if not raw:
        return None, None
    text = raw.lower()
    if m := _ISO.fullmatch(text):
        return _make(raw, int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), m[3]
        if len(year) != 4:
            return None, f"{raw!r} has a two-digit year: write the year in full ({DATE_ALLOWED})"
        if day <= 12 and month <= 12 and day != month:
            uk, us = _make(raw, int(year), month, day)[0], _make(raw, int(year), day, month)[0]
            if uk and us:
                return None, (
                    f"{raw!r} is ambiguous: {long_date(uk)} or {long_date(us)}? "
                    f"Write the month as a word ({short_date(uk)}) or as {uk.isoformat()}"
                )
        return _make(raw, int(year), month, day)
    for pattern, d, mo in ((_WORDS, 1, 2), (_WORDS_US, 2, 1)):
        if m := pattern.fullmatch(text):
            month_no = _MONTHS.get(m[mo])
            if month_no is None:
                return None, f"{raw!r}: {m[mo]!r} is not a month ({DATE_ALLOWED})"
            return _make(raw, int(m[3]), month_no, int(m[d]))
    return None, f"{raw!r} is not a date"


def _make(raw: str, year: int, month: int, day: int) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, f"{raw!r} is not a date"


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """How a date is shown to a person: 31 Mar 2027."""
    return f"{day.day} {day:%b %Y}"


def date(value: object, field: str = "date") -> dt.date:
    """A date as `read_date` reads it, or InvalidInput naming the field."""
    found, problem = read_date(value)
    if found is None:
        raise InvalidInput(Problem(field, problem or "required", DATE_ALLOWED))
    return found


def progress_problem(status: str | None, progress: int | None) -> str | None:
    """Whether a status and a % complete disagree: not started is 0%, complete is 100%."""
    if status == "not started" and progress not in (None, 0):
        return f"an action not started is 0% done, not {progress}%: set the status to in progress"
    if status == "complete" and progress not in (None, 100):
        return f"a complete action is 100% done, not {progress}%"
    return None


def settle(
    status: str | None, progress: int | None, current_status: str, current_progress: int
) -> tuple[str, int]:
    """The status and % an update means when it gives only one of them: complete is 100% and
    not started 0% unless a % is given; a % above 0 on an action not started starts it."""
    new_status = status if status is not None else current_status
    new_progress = progress if progress is not None else current_progress
    if progress is None and status in ("complete", "not started"):
        new_progress = 100 if status == "complete" else 0
    if status is None and current_status == "not started" and new_progress > 0:
        new_status = "in progress"
    return new_status, new_progress


def close_matches(value: str, names: Iterable[str], n: int = 5) -> list[str]:
    """The names closest to a mistyped one, as they are spelt (case and spaces do not matter)."""
    import difflib

    by_lower = {" ".join(str(x).lower().split()): str(x) for x in names if x}
    wanted = " ".join(value.lower().split())
    close = difflib.get_close_matches(wanted, list(by_lower), n=n, cutoff=0.6)
    return [by_lower[c] for c in close]


def did_you_mean(value: str, names: Iterable[str]) -> str:
    """'; did you mean: a, b?' for the close names, or '' when none is close."""
    close = close_matches(value, names)
    return f"; did you mean: {', '.join(close)}?" if close else ""
