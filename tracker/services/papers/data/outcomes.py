"""The outcomes paper's context (its groups are on a committee's cover too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.papers.data import PaperContext


@dataclass(frozen=True)
class IndicatorItem:
    code: str
    name: str
    outcome: str | None
    board: str | None
    unit: str | None
    target: str | None  # formatted, e.g. "20%"
    target_value: float | None
    direction: str | None  # higher | lower (which is better) | None
    latest: str | None  # formatted, e.g. "26%"; None: no reading
    latest_value: float | None
    latest_date: dt.date | None  # None: the source gives no date
    latest_period: str | None  # the period as given, e.g. "2025/26 Q3"
    previous: str | None  # the reading before the latest
    previous_date: dt.date | None
    previous_period: str | None
    travel: str | None  # improving | worsening | steady | rising | falling | None
    status: str  # on target | off target | no target | no reading
    source: str | None
    readings: int
    chart: str | None = None  # the trend chart's file, written beside the paper (2+ readings)
    points: tuple[tuple[str, float], ...] = ()  # the readings (when, value), oldest first
    target_max: float | None = None  # the top of a target range
    next_due: dt.date | None = None  # when the next reading is due, by its frequency
    overdue: bool = False  # that date has passed by the paper's day, with no newer reading


@dataclass(frozen=True)
class OutcomeGroup:
    code: str | None  # None: indicators not linked to an outcome
    name: str
    indicators: tuple[IndicatorItem, ...]
    off_target: int


@dataclass(frozen=True)
class OutcomesContext(PaperContext):
    outcomes: tuple[OutcomeGroup, ...]
    on_target: int
    off_target: int
    no_target: int
    no_reading: int
    without_indicators: tuple[str, ...]  # outcomes with no indicator yet
