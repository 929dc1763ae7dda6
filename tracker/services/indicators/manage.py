"""Managing an indicator: its target (or target range), direction, unit and reporting frequency,
and correcting or deleting a reading. Each change is checked whole, versioned and audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker import input_rules
from tracker.errors import Conflict, InvalidInput, NotFound, Problem
from tracker.models import AuditEntry, Indicator, IndicatorReading
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.indicators.read import indicator_rows
from tracker.services.indicators.service import _unknown_indicator
from tracker.services.indicators.views import (
    DIRECTIONS,
    FREQUENCY_DAYS,
    IndicatorRow,
    ReadingView,
    format_value,
    frequency_days,
    order_readings,
    parse_number,
    value_problem,
)
from tracker.services.plain_sql import SessionReader
from tracker.services.unset import UNSET, Unset


def _load(s: Session, code: str) -> Indicator:
    indicator = s.scalars(select(Indicator).where(Indicator.code == code.strip())).one_or_none()
    if indicator is None:
        raise _unknown_indicator(s, code.strip())
    return indicator


CLEARS = ("", "none")  # a setting given as one of these is cleared (the CLI and the app alike)


def _word(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() in CLEARS else value.strip()


def _number(value: object, field: str, problems: list[Problem]) -> float | None:
    if value is None or str(value).strip().lower() in CLEARS:
        return None
    number, problem = parse_number(value, field)
    if problem:
        problems.append(problem)
    return number


def set_indicator(
    t: Tracker,
    code: str,
    *,
    target: float | str | None | Unset = UNSET,
    target_max: float | str | None | Unset = UNSET,
    direction: str | None | Unset = UNSET,
    unit: str | None | Unset = UNSET,
    frequency: str | None | Unset = UNSET,
    expected_version: int | None = None,
) -> IndicatorRow:
    """Set or change the target (a range with direction "within"), direction, unit and
    reporting frequency. Fields left out keep their value; None (or "none") clears one."""
    problems: list[Problem] = []
    with t.db.writing() as s:
        require(t, s, "manage indicators")
        ind = _load(s, code)
        if expected_version is not None and ind.version != expected_version:
            raise Conflict(f"indicator {ind.code} changed since you read it "
                           f"(version {expected_version} is now {ind.version})")  # fmt: skip
        new = {
            "target": ind.target if isinstance(target, Unset) else _number(target, "target", problems),
            "target_max": ind.target_max if isinstance(target_max, Unset)
            else _number(target_max, "target_max", problems),
            "direction": ind.direction if isinstance(direction, Unset)
            else (_word(direction) or "").lower() or None,
            "unit": ind.unit if isinstance(unit, Unset) else _word(unit),
            "frequency": ind.frequency if isinstance(frequency, Unset)
            else (_word(frequency) or "").lower() or None,
        }  # fmt: skip
        if new["direction"] is not None and new["direction"] not in DIRECTIONS:
            problems.append(Problem("direction", f"unknown direction {new['direction']!r}",
                                    ", ".join(DIRECTIONS)))  # fmt: skip
        if new["frequency"] is not None and frequency_days(str(new["frequency"])) is None:
            problems.append(Problem("frequency", f"unknown frequency {new['frequency']!r}",
                                    ", ".join(FREQUENCY_DAYS)))  # fmt: skip
        low, high = new["target"], new["target_max"]
        if new["direction"] == "within":
            if low is None or high is None:
                problems.append(Problem("target", "a range needs both ends", "e.g. 40 to 60"))
            elif isinstance(low, float) and isinstance(high, float) and high < low:
                problems.append(Problem("target", f"the range {low:g} to {high:g} is backwards"))
        elif high is not None and not isinstance(target_max, Unset):
            problems.append(Problem("target_max", "only a range (direction within) has a top"))
        unit_now = new["unit"] if isinstance(new["unit"], str) else None
        for name in ("target", "target_max"):
            value = new[name]
            if isinstance(value, float) and (wrong := value_problem(value, unit_now, name)):
                problems.append(wrong)
        if problems:
            raise InvalidInput(problems)
        if new["direction"] != "within":
            new["target_max"] = None
        changes: dict[str, tuple[object, object]] = {
            k: (getattr(ind, k), v) for k, v in new.items() if getattr(ind, k) != v
        }
        for name, (_, changed) in changes.items():
            setattr(ind, name, changed)
        if changes:
            audit.record(s, t.user, "update", "indicator", ind.code, changes)
        s.flush()
        return indicator_rows(SessionReader(s), lambda p: f"indicator.id = {p(ind.id)}")[0]


def _reading(
    s: Session, ind: Indicator, reading_id: int, expected_version: int | None = None
) -> IndicatorReading:
    reading = s.get(IndicatorReading, reading_id)
    if reading is None or reading.indicator_id != ind.id:
        raise NotFound(f"{ind.code} has no reading {reading_id} "
                       f"(`tracker indicators readings {ind.code}` lists them)")  # fmt: skip
    if expected_version is not None and reading.version != expected_version:
        raise Conflict(f"reading {reading_id} of {ind.code} changed since you read it "
                       f"(version {expected_version} is now {reading.version}): "
                       f"{_label(reading, ind.unit)}")  # fmt: skip
    return reading


def _flush(s: Session, ind: Indicator, reading_id: int) -> None:
    """Write, refusing if someone else changed or deleted the reading since it was loaded."""
    try:
        s.flush()
    except StaleDataError:
        raise Conflict(f"reading {reading_id} of {ind.code} was changed by someone else "
                       "while you saved") from None  # fmt: skip


def _label(r: IndicatorReading, unit: str | None) -> str:
    return f"{format_value(r.value, unit)} ({ReadingView(0, r.date, r.period, r.value, None).when})"


def edit_reading(
    t: Tracker, code: str, reading_id: int, *, value: float | str | None = None,
    date: dt.date | str | None | Unset = UNSET, period: str | None | Unset = UNSET,
    note: str | None | Unset = UNSET, expected_version: int | None = None,
) -> IndicatorRow:  # fmt: skip
    """Correct a reading: its value, date (or its text, read by tracker.input_rules), period or
    note. Every problem is reported at once. Audited old -> new. With expected_version, a
    reading changed since it was read at that version is refused (Conflict), not overwritten."""
    problems: list[Problem] = []
    if isinstance(date, str):
        day, why = input_rules.read_date(date)
        if why:
            problems.append(Problem("date", why, input_rules.DATE_ALLOWED))
        date = UNSET if day is None else day  # blank: unchanged
    with t.db.writing() as s:
        require(t, s, "manage indicators")
        ind = _load(s, code)
        r = _reading(s, ind, reading_id, expected_version)
        before = _label(r, ind.unit)
        number = r.value if value is None else _number(value, "value", problems)
        if number is not None and (wrong := value_problem(number, ind.unit)):
            problems.append(wrong)
        if isinstance(date, dt.date) and date > t.today():
            problems.append(Problem("date", f"{date.isoformat()} is in the future"))
        if problems:
            raise InvalidInput(problems)
        assert number is not None
        r.value = number
        if not isinstance(date, Unset):
            r.date = date
        if not isinstance(period, Unset):
            r.period = (period or "").strip() or None
        if not isinstance(note, Unset):
            r.note = (note or "").strip() or None
        if r.date is None and r.period is None:
            raise InvalidInput(Problem("date", "a reading needs a date or a period"))
        after = _label(r, ind.unit)
        if after != before:
            audit.record(s, t.user, "correct", "indicator", ind.code, {"reading": (before, after)})
        _flush(s, ind, reading_id)
        return indicator_rows(SessionReader(s), lambda p: f"indicator.id = {p(ind.id)}")[0]


def delete_reading(
    t: Tracker, code: str, reading_id: int, *, expected_version: int | None = None
) -> IndicatorRow:
    """Delete a reading recorded by mistake. The audit trail keeps what it said. With
    expected_version, a reading changed since it was read at that version is not deleted."""
    with t.db.writing() as s:
        require(t, s, "manage indicators")
        ind = _load(s, code)
        r = _reading(s, ind, reading_id, expected_version)
        audit.record(s, t.user, "delete", "indicator", ind.code,
                     {"reading": (_label(r, ind.unit), None)})  # fmt: skip
        s.delete(r)
        _flush(s, ind, reading_id)
        return indicator_rows(SessionReader(s), lambda p: f"indicator.id = {p(ind.id)}")[0]


@dataclass(frozen=True)
class ReadingEntry:
    """A reading as a list to correct it from shows it: when, value and who recorded it."""

    id: int
    date: dt.date | None
    period: str | None
    value: float
    unit: str | None
    recorded_by: str | None  # the last to record or correct it, from the audit; None: not known
    version: int = 1  # given back when correcting it: a change made meanwhile is refused

    @property
    def shown_value(self) -> str:
        return format_value(self.value, self.unit)


def reading_entries(t: Tracker, code: str) -> tuple[ReadingEntry, ...]:
    """The indicator's readings, newest first, each with who last recorded or corrected it (the
    audit names the reading by its date or period, which is one per indicator)."""
    with t.db.reading() as s:
        ind = _load(s, code)
        readings = s.scalars(
            select(IndicatorReading).where(IndicatorReading.indicator_id == ind.id)
        ).all()
        trail = s.execute(
            select(AuditEntry.actor, AuditEntry.new).where(
                AuditEntry.entity == "indicator", AuditEntry.entity_key == ind.code,
                AuditEntry.field == "reading", AuditEntry.new.is_not(None),
            ).order_by(AuditEntry.id)
        ).all()  # fmt: skip
        views = order_readings([ReadingView(r.id, r.date, r.period, r.value, r.note, r.version)
                                for r in readings])  # fmt: skip
        by_when: dict[str, str] = {}
        for actor, new in trail:  # oldest first: the last to touch a reading wins
            when = str(new).partition(" (")[2].removesuffix(")")  # "26% (when)"
            by_when[when] = actor
        return tuple(
            ReadingEntry(r.id, r.date, r.period, r.value, ind.unit, by_when.get(r.when), r.version)
            for r in reversed(views)
        )
