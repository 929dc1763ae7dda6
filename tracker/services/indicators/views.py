"""What an indicator looks like to the faces: its readings in order, its standing against target
and its direction of travel (plain values, no database)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from tracker.errors import Problem

DIRECTIONS = ("higher", "lower", "within")  # which is better; within: target to target_max
PERCENT_UNITS = ("percent", "%", "per cent", "percentage")
# how many days a reading lasts before the next is due, by reporting frequency
FREQUENCY_DAYS = {"weekly": 7, "monthly": 31, "quarterly": 92, "termly": 122, "half-yearly": 183,
                  "six-monthly": 183, "annual": 366, "annually": 366, "yearly": 366}  # fmt: skip
TARGET_STATUSES = ("on target", "off target", "no target", "no reading")


@dataclass(frozen=True)
class ReadingView:
    id: int
    date: dt.date | None  # None: the source gives no date
    period: str | None
    value: float
    note: str | None
    version: int = 1  # what a correction checks: a change made meanwhile is refused

    @property
    def when(self) -> str:
        """The date, else the period text, else "undated"."""
        if self.date is not None:
            return self.date.isoformat() + (f" ({self.period})" if self.period else "")
        return self.period or "undated"


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    name: str
    outcome: str | None  # outcome code
    outcome_name: str | None
    board: str | None  # board code
    board_name: str | None
    unit: str | None
    target: float | None
    direction: str | None  # higher | lower | None (not stated)
    frequency: str | None
    source: str | None
    version: int
    readings: tuple[ReadingView, ...]  # oldest first
    target_max: float | None = None  # direction "within": the range is target to target_max

    @property
    def latest(self) -> ReadingView | None:
        return self.readings[-1] if self.readings else None

    @property
    def previous(self) -> ReadingView | None:
        return self.readings[-2] if len(self.readings) > 1 else None

    @property
    def values(self) -> tuple[float, ...]:
        """The readings' values, oldest first (for a sparkline)."""
        return tuple(r.value for r in self.readings)

    @property
    def status(self) -> str:
        """on target | off target | no target (target or direction not set) | no reading."""
        latest = self.latest
        if latest is None:
            return "no reading"
        if self.target is None or self.direction not in DIRECTIONS:
            return "no target"
        if self.direction == "within":
            top = self.target_max if self.target_max is not None else self.target
            return "on target" if self.target <= latest.value <= top else "off target"
        if self.direction == "higher":
            return "on target" if latest.value >= self.target else "off target"
        return "on target" if latest.value <= self.target else "off target"

    @property
    def travel(self) -> str | None:
        """improving | worsening | steady against the previous reading; rising | falling when
        the direction is not stated; None with fewer than two readings."""
        latest, previous = self.latest, self.previous
        if latest is None or previous is None:
            return None
        if math.isclose(latest.value, previous.value, rel_tol=1e-9, abs_tol=1e-9):
            return "steady"
        up = latest.value > previous.value
        if self.direction == "within" and self.target is not None:
            mid = (self.target + (self.target_max or self.target)) / 2
            nearer = abs(latest.value - mid) < abs(previous.value - mid)
            return "improving" if nearer else "worsening"
        if self.direction == "higher":
            return "improving" if up else "worsening"
        if self.direction == "lower":
            return "worsening" if up else "improving"
        return "rising" if up else "falling"

    def next_due(self) -> dt.date | None:
        """When the next reading is due: the latest dated reading plus its frequency."""
        days = frequency_days(self.frequency)
        dated = [r.date for r in self.readings if r.date is not None]
        if days is None or not dated:
            return None
        return max(dated) + dt.timedelta(days=days)

    def reading_overdue(self, today: dt.date) -> bool:
        """A reading is overdue for the indicator's reporting frequency."""
        due = self.next_due()
        return due is not None and due < today

    def target_text(self) -> str:
        if self.target is None:
            return "-"
        if self.direction == "within" and self.target_max is not None:
            return f"{format_value(self.target, self.unit)} to {format_value(self.target_max, self.unit)}"
        return format_value(self.target, self.unit)

    def as_dict(self) -> dict[str, object]:
        latest = self.latest
        return {
            "code": self.code,
            "name": self.name,
            "outcome": self.outcome,
            "board": self.board,
            "unit": self.unit,
            "latest": latest.value if latest else None,
            "as_of": latest.when if latest else None,
            "target": self.target,
            "target_max": self.target_max,
            "direction": self.direction,
            "next_reading_due": (due := self.next_due()) and due.isoformat(),
            "status": self.status,
            "travel": self.travel,
            "frequency": self.frequency,
            "source": self.source,
            "readings": [
                {
                    "date": r.date.isoformat() if r.date else None,
                    "period": r.period,
                    "value": r.value,
                    "note": r.note,
                }
                for r in self.readings
            ],
        }


@dataclass(frozen=True)
class OutcomeOffTarget:
    code: str
    name: str
    indicators: tuple[IndicatorRow, ...]  # the outcome's indicators that are off target


def format_value(value: float | None, unit: str | None) -> str:
    """26.0 percent -> '26%'; 600 families -> '600 families'; None -> '-'."""
    if value is None:
        return "-"
    text = f"{value:g}" if abs(value) < 1e15 else str(value)
    if unit in ("percent", "%"):
        return text + "%"
    return f"{text} {unit}" if unit else text


def order_readings(readings: list[ReadingView]) -> list[ReadingView]:
    """Oldest first. Dated readings go by date; an undated one (period text only) keeps the
    place it was recorded in: it counts as of the latest date recorded before it."""
    keyed = []
    as_of = dt.date.min
    for r in sorted(readings, key=lambda r: r.id):
        if r.date is not None:
            as_of = max(as_of, r.date)
        keyed.append(((r.date or as_of), r.id, r))
    return [r for _, _, r in sorted(keyed, key=lambda k: (k[0], k[1]))]


def parse_number(value: object, field: str) -> tuple[float | None, Problem | None]:
    """A finite number from a float, an int or text such as '26', '26%' or '1,200'."""
    if isinstance(value, bool):
        return None, Problem(field, f"{value!r} is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "").removesuffix("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None, Problem(field, f"{str(value)!r} is not a number", "a number, e.g. 26")
    if not math.isfinite(number):
        return None, Problem(field, f"{value!r} is not a finite number")
    return number, None


def frequency_days(frequency: str | None) -> int | None:
    """Days between readings for a reporting frequency ('annual', 'Quarterly', ...)."""
    if not frequency:
        return None
    return FREQUENCY_DAYS.get(" ".join(frequency.lower().split()).replace(" ", "-"))


def value_problem(value: float, unit: str | None, field: str = "value") -> Problem | None:
    """What the unit allows: a percentage is 0-100."""
    if unit and unit.strip().lower() in PERCENT_UNITS and not 0 <= value <= 100:
        return Problem(field, f"{value:g} is not a percentage", "0-100")
    return None
