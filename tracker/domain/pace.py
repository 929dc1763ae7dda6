"""An action's pace: the RAG its progress suggests, and when it will finish at this pace.

The rules are written out for the reader (RULE_TEXT, `Thresholds.describe`), never hidden:

- expected progress by a day = the time elapsed since the start over the action's duration
  (start to due), between 0 and 1;
- actual ÷ expected at or above the green threshold suggests green, below the red threshold red,
  else amber (defaults 0.9 and 0.7, as Camms publishes; the plan file may set its own);
- the pace is the least-squares trend of % complete per day over the action's updates (with 0%
  on its start date); the forecast finish is today plus what is left at that pace.

Pure functions: no database, no clock (the day is given), so every face and paper agrees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.vocabulary import greener

__all__ = [
    "Pace", "Thresholds", "TrendSums", "expected_progress", "greener", "pace_of", "slope",
    "suggest", "trend",
]  # fmt: skip

GREEN = 0.9
RED = 0.7
HORIZON_DAYS = 3650  # a forecast further out than ten years is "not at this pace"

RULE_TEXT = (
    "Suggested RAG: expected progress = time elapsed since the start ÷ the time from start to "
    "due; actual ÷ expected at or above {green} is green, below {red} red, else amber. "
    "Forecast: the trend of % complete over the action's updates (0% at its start), carried on "
    "from today until 100%."
)


@dataclass(frozen=True)
class Thresholds:
    green: float = GREEN
    red: float = RED

    def describe(self) -> str:
        return RULE_TEXT.format(green=f"{self.green:g}", red=f"{self.red:g}")


@dataclass(frozen=True)
class Pace:
    expected: float | None  # expected progress by today, 0-1 (None: no start or due date)
    ratio: float | None  # actual ÷ expected (None: nothing expected yet, or no dates)
    suggested: str | None  # green | amber | red; None: no suggestion (no dates, not begun, closed)
    per_day: float | None  # % complete per day, from the updates (None: too few points)
    forecast: dt.date | None  # when it reaches 100% at this pace (None: cannot say)
    slip_days: int | None  # forecast - due in days (positive: late); None: cannot say
    forecast_text: str  # "at this pace, 6 weeks after due", "no pace yet: one update", ...


def expected_progress(start: dt.date | None, due: dt.date | None, today: dt.date) -> float | None:
    if start is None or due is None:
        return None
    if today >= due:
        return 1.0
    if today <= start or due <= start:
        return 0.0
    return (today - start).days / (due - start).days


def suggest(ratio: float | None, th: Thresholds) -> str | None:
    if ratio is None:
        return None
    if ratio >= th.green:
        return "green"
    return "red" if ratio < th.red else "amber"


def trend(points: Iterable[tuple[int, int]]) -> float | None:
    """Least-squares slope (% per day) of (day number, % complete) points; None under two days."""
    n = sx = sy = sxy = sxx = 0.0
    for x, y in points:
        n += 1
        sx += x
        sy += y
        sxy += x * y
        sxx += x * x
    return slope(n, sx, sy, sxy, sxx)


@dataclass(frozen=True)
class TrendSums:
    """An action's updates (day number, % complete) summed, as one GROUP BY reads them: the
    trend's inputs without the points. `first` is the earliest day number (None: no update)."""

    n: int = 0
    sx: int = 0
    sy: int = 0
    sxy: int = 0
    sxx: int = 0
    first: int | None = None

    def with_start(self, start: dt.date | None) -> TrendSums:
        """The sums with 0% on the start date, when it comes before every update (pace's rule)."""
        if start is None or (self.first is not None and start.toordinal() >= self.first):
            return self
        x = start.toordinal()
        return TrendSums(self.n + 1, self.sx + x, self.sy, self.sxy, self.sxx + x * x, x)

    def per_day(self) -> float | None:
        """As `trend` of the points: the exact sums as floats, then the same float arithmetic."""
        return slope(float(self.n), float(self.sx), float(self.sy), float(self.sxy),
                     float(self.sxx))  # fmt: skip


def slope(n: float, sx: float, sy: float, sxy: float, sxx: float) -> float | None:
    """The least-squares slope from the sums of x, y, xy and xx over n points."""
    denominator = n * sxx - sx * sx
    if n < 2 or denominator <= 0:
        return None
    return (n * sxy - sx * sy) / denominator


def _weeks(days: int) -> str:
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 120:
        return f"{round(days / 7)} weeks"
    return f"{round(days / 30.4)} months"


def pace_of(
    *,
    start: dt.date | None,
    due: dt.date | None,
    status: str,
    progress: int,
    today: dt.date,
    per_day: float | None,
    th: Thresholds,
) -> Pace:
    """The suggestion and forecast for one action, given its pace (`trend` of its history)."""
    if status in ("complete", "cancelled"):
        return Pace(None, None, None, None, None, None, status)
    expected = expected_progress(start, due, today)
    ratio = None if not expected else (progress / 100) / expected
    suggested = suggest(ratio, th)
    if progress >= 100:
        return Pace(expected, ratio, suggested, per_day, today, None, "at 100%, not yet closed")
    if per_day is None:
        return Pace(expected, ratio, suggested, None, None, None, "no pace yet: too few updates")
    if per_day <= 0:
        return Pace(expected, ratio, suggested, per_day, None, None, "no progress: cannot finish")
    days_left = (100 - progress) / per_day
    if days_left > HORIZON_DAYS:
        return Pace(expected, ratio, suggested, per_day, None, None,
                    "more than ten years at this pace")  # fmt: skip
    finish = today + dt.timedelta(days=round(days_left))
    if due is None:
        return Pace(expected, ratio, suggested, per_day, finish, None,
                    f"at this pace, done {finish.isoformat()} (no due date)")  # fmt: skip
    slip = (finish - due).days
    if slip > 0:
        text = f"at this pace, {_weeks(slip)} after due"
    elif slip < 0:
        text = f"at this pace, {_weeks(-slip)} before due"
    else:
        text = "at this pace, on the due date"
    return Pace(expected, ratio, suggested, per_day, finish, slip, text)


def day_number(d: dt.date) -> int:
    return d.toordinal()
