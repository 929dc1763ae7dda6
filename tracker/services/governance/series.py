"""The dates of a series of meetings, from the rules people use: "second Tuesday of Jan, Apr,
Sep", "every 6 weeks on Wednesday", "monthly", "termly". Recurrence by dateutil.rrule; a date on
a weekend or an England-and-Wales bank holiday (the `holidays` package) moves to the next
working day. No database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import holidays
from dateutil import rrule

from tracker.errors import invalid

EVERY_HELP = (
    "monthly or termly (the start's weekday, e.g. its second Tuesday), weekly, fortnightly, "
    "N-weeks, 'every 6 weeks on Wednesday', 'second Tuesday of Jan, Apr, Sep', "
    "'last Thursday of every month'"
)
MAX_DATES = 60

WEEKDAYS = {
    name: day
    for names, day in (
        (("monday", "mon"), rrule.MO),
        (("tuesday", "tue", "tues"), rrule.TU),
        (("wednesday", "wed"), rrule.WE),
        (("thursday", "thu", "thur", "thurs"), rrule.TH),
        (("friday", "fri"), rrule.FR),
        (("saturday", "sat"), rrule.SA),
        (("sunday", "sun"), rrule.SU),
    )
    for name in names
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "last": -1}  # fmt: skip
MONTHS = {
    name: i
    for i, full in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
    for name in (full, full[:3], full[:4])
}
_DAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORD = "|".join(ORDINALS)
_WEEKS = re.compile(rf"(?:every\s+)?(\d+)[- ]?weeks?(?:\s+on\s+({_DAY})s?)?")
_NTH = re.compile(rf"({_ORD})\s+({_DAY})\s+(?:of\s+)?(.+)")


@dataclass(frozen=True)
class SeriesDate:
    date: dt.date
    moved_from: dt.date | None = None  # the rule's date, when it fell on a non-working day
    reason: str | None = None  # "Saturday", "Spring Bank Holiday"


class WorkingDays:
    """England-and-Wales working days: no weekend, no bank holiday."""

    def __init__(self) -> None:
        self._holidays = holidays.country_holidays("GB", subdiv="ENG")

    def why_not(self, day: dt.date) -> str | None:
        if day.weekday() >= 5:
            return f"{day:%A}"
        name = self._holidays.get(day)
        return str(name) if name else None

    def on_or_after(self, day: dt.date) -> SeriesDate:
        reason = self.why_not(day)
        if reason is None:
            return SeriesDate(day)
        moved = day
        while self.why_not(moved) is not None:
            moved += dt.timedelta(days=1)
        return SeriesDate(moved, day, reason)


def _ordinal_of(day: dt.date) -> int:
    """The start's place among its weekday in the month: 1-4, or -1 for the last."""
    if (day + dt.timedelta(days=7)).month != day.month and (day.day - 1) // 7 + 1 >= 4:
        return -1
    return (day.day - 1) // 7 + 1


def _months(text: str) -> tuple[int, ...] | None:
    text = text.strip()
    if text in ("every month", "each month", "the month", "month", "monthly"):
        return None
    names = [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", text) if n]
    out = []
    for name in names:
        month = MONTHS.get(name.rstrip("."))
        if month is None:
            raise invalid("every", f"{name!r} is not a month", "Jan, Feb, ... or 'every month'")
        out.append(month)
    return tuple(sorted(set(out)))


def _rule(start: dt.date, every: str) -> rrule.rrule:
    text = " ".join(every.strip().lower().split())
    begin = dt.datetime.combine(start, dt.time())
    weekday = WEEKDAYS[("mon", "tue", "wed", "thu", "fri", "sat", "sun")[start.weekday()]]
    weeks = {"weekly": 1, "fortnightly": 2}.get(text)
    m = _WEEKS.fullmatch(text)
    if m:
        weeks = int(m.group(1))
        if m.group(2):
            weekday = WEEKDAYS[m.group(2)]
    if weeks is not None:
        if weeks < 1:
            raise invalid("every", f"{every!r}: at least one week apart", EVERY_HELP)
        return rrule.rrule(rrule.WEEKLY, dtstart=begin, interval=weeks, byweekday=weekday)
    if text in ("monthly", "termly"):
        nth = weekday(_ordinal_of(start))
        if text == "monthly":
            return rrule.rrule(rrule.MONTHLY, dtstart=begin, byweekday=nth)
        months = tuple(sorted({(start.month - 1 + 4 * k) % 12 + 1 for k in range(3)}))
        # a term's meeting never falls in August (school holidays): September instead
        months = tuple(sorted({9 if mo == 8 else mo for mo in months}))
        return rrule.rrule(rrule.MONTHLY, dtstart=begin, byweekday=nth, bymonth=months)
    m = _NTH.fullmatch(text)
    if m:
        nth = WEEKDAYS[m.group(2)](ORDINALS[m.group(1)])
        months_of = _months(m.group(3))
        return rrule.rrule(rrule.MONTHLY, dtstart=begin, byweekday=nth, bymonth=months_of)
    raise invalid("every", f"unknown pattern {every!r}", EVERY_HELP)


def series_plan(
    start: dt.date, every: str, count: int | None = None, until: dt.date | None = None
) -> list[SeriesDate]:
    """The series' dates from `start`: `count` of them, or all up to `until` (at most 60). A
    date on a weekend or bank holiday moves to the next working day. A rule giving no date in
    the range is refused."""
    if count is None and until is None:
        raise invalid("count", "say how many meetings, or until when", "a count (1-60) or a date")
    if count is not None and not 1 <= count <= MAX_DATES:
        raise invalid("count", f"{count} meetings", f"1-{MAX_DATES}")
    if until is not None and until < start:
        raise invalid("until", f"{until.isoformat()} is before the first date, "
                               f"{start.isoformat()}", "a date on or after it")  # fmt: skip
    rule = _rule(start, every)
    working = WorkingDays()
    out: list[SeriesDate] = []
    for occurrence in rule:
        day = occurrence.date()
        if until is not None and day > until:
            break
        placed = working.on_or_after(day)
        if out and placed.date <= out[-1].date:
            continue  # two rule dates moved onto the same working day
        out.append(placed)
        if count is not None and len(out) == count:
            break
        if len(out) > MAX_DATES:
            raise invalid("until", f"{every!r} gives more than {MAX_DATES} meetings by "
                                   f"{until.isoformat() if until else ''}", f"at most {MAX_DATES}")  # fmt: skip
    if not out:
        end = f"by {until.isoformat()}" if until else ""
        raise invalid("every", f"{every!r} gives no date from {start.isoformat()} {end}".rstrip(),
                      "a rule with a date in the range")  # fmt: skip
    return out


def series_dates(start: dt.date, every: str, count: int) -> list[dt.date]:
    """The dates of `count` meetings of a series (see `series_plan`)."""
    return [d.date for d in series_plan(start, every, count)]
