"""Outcome measures in the database: listing indicators with their readings, adding them,
recording readings; one short transaction each."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker import input_rules
from tracker.errors import InvalidInput, Problem
from tracker.models import Board, Indicator, IndicatorReading, Outcome
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.indicators.read import indicator_rows
from tracker.services.indicators.views import (
    DIRECTIONS,
    IndicatorRow,
    OutcomeOffTarget,
    ReadingView,
    format_value,
    parse_number,
    value_problem,
)
from tracker.services.plain_sql import Params, SessionReader

CODE_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
OLDEST_READING_YEARS = 30  # a baseline may predate the strategy, but not by decades


def _codes(s: Session, column: InstrumentedAttribute[str]) -> list[str]:
    return list(s.scalars(select(column).order_by(column)))


def _allowed(codes: list[str]) -> str:
    return ", ".join(codes) if codes else "none defined yet"


def list_indicators(
    t: Tracker, outcome: str | None = None, board: str | None = None, off_target: bool = False
) -> tuple[IndicatorRow, ...]:
    """Indicators with their readings (oldest first), grouped by outcome in plan order."""
    with t.db.reading() as s:
        wheres: list[Callable[[Params], str]] = []
        problems = []
        if outcome is not None:
            if s.scalar(select(Outcome.id).where(Outcome.code == outcome)) is None:
                problems.append(
                    Problem("outcome", f"unknown outcome {outcome!r}", _allowed(_codes(s, Outcome.code)))
                )  # fmt: skip
            wheres.append(lambda p: f"outcome.code = {p(outcome)}")
        if board is not None:
            if s.scalar(select(Board.id).where(Board.code == board)) is None:
                problems.append(
                    Problem("board", f"unknown board {board!r}", _allowed(_codes(s, Board.code)))
                )
            wheres.append(lambda p: f"board.code = {p(board)}")
        if problems:
            raise InvalidInput(problems)
        rows = indicator_rows(
            SessionReader(s), lambda p: " AND ".join(["1 = 1", *(w(p) for w in wheres)])
        )
    if off_target:
        rows = [r for r in rows if r.status == "off target"]
    return tuple(rows)


def indicators_in(s: Session, *, off_target: bool = False) -> tuple[IndicatorRow, ...]:
    """Every indicator (or those off target), inside an open session (a paper's)."""
    rows = indicator_rows(SessionReader(s))
    return tuple(r for r in rows if not off_target or r.status == "off target")


def get_indicator(t: Tracker, code: str) -> IndicatorRow:
    with t.db.reading() as s:
        rows = indicator_rows(SessionReader(s), lambda p: f"indicator.code = {p(code)}")
        if not rows:
            raise _unknown_indicator(s, code)
        return rows[0]


def outcomes_off_target(t: Tracker) -> tuple[OutcomeOffTarget, ...]:
    """The outcomes (plan order) having at least one indicator off target, with those
    indicators. Indicators without an outcome are not counted here."""
    grouped: dict[str, list[IndicatorRow]] = {}
    names: dict[str, str] = {}
    with t.db.reading() as s:
        rows = indicators_in(s, off_target=True)
    for row in rows:
        if row.outcome is None:
            continue
        grouped.setdefault(row.outcome, []).append(row)
        names[row.outcome] = row.outcome_name or row.outcome
    return tuple(
        OutcomeOffTarget(code=code, name=names[code], indicators=tuple(items))
        for code, items in grouped.items()
    )


def _unknown_indicator(s: Session, code: str) -> InvalidInput:
    return InvalidInput(
        Problem("indicator", f"unknown indicator {code!r}", _allowed(_codes(s, Indicator.code)))
    )


def _clean(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def add_indicator(
    t: Tracker,
    code: str,
    *,
    name: str,
    unit: str | None = None,
    outcome: str | None = None,
    board: str | None = None,
    target: float | str | None = None,
    direction: str | None = None,
    frequency: str | None = None,
    source: str | None = None,
) -> IndicatorRow:
    """Add an outcome measure. Refused whole, naming every bad field, if anything is wrong."""
    code = code.strip()
    problems: list[Problem] = []
    if not CODE_PATTERN.match(code):
        problems.append(
            Problem("code", f"{code!r} is not a code", "lower-case letters, digits and '-'")
        )
    if not (name and name.strip()):
        problems.append(Problem("name", "an indicator needs a name"))
    number = None
    if target is not None and str(target).strip() != "":
        number, problem = parse_number(target, "target")
        if problem:
            problems.append(problem)
    if direction is not None and direction not in DIRECTIONS:
        problems.append(
            Problem("direction", f"unknown direction {direction!r}", ", ".join(DIRECTIONS))
        )
    with t.db.writing() as s:
        require(t, s, "manage indicators")
        outcome_id = board_id = None
        if outcome:
            outcome_id = s.scalar(select(Outcome.id).where(Outcome.code == outcome))
            if outcome_id is None:
                problems.append(
                    Problem("outcome", f"unknown outcome {outcome!r}", _allowed(_codes(s, Outcome.code)))
                )  # fmt: skip
        if board:
            board_id = s.scalar(select(Board.id).where(Board.code == board))
            if board_id is None:
                problems.append(
                    Problem("board", f"unknown board {board!r}", _allowed(_codes(s, Board.code)))
                )
        if problems:
            raise InvalidInput(problems)
        if s.scalar(select(Indicator.id).where(Indicator.code == code)) is not None:
            raise InvalidInput(
                Problem("code", f"an indicator with code {code!r} already exists", "a new code")
            )
        indicator = Indicator(
            code=code, name=name.strip(), outcome_id=outcome_id, board_id=board_id,
            unit=_clean(unit), target=number, direction=direction, frequency=_clean(frequency),
            source=_clean(source),
        )  # fmt: skip
        s.add(indicator)
        fields = {
            "name": indicator.name, "outcome": outcome, "board": board, "unit": indicator.unit,
            "target": number, "direction": direction, "frequency": indicator.frequency,
            "source": indicator.source,
        }  # fmt: skip
        audit.record(
            s, t.user, "create", "indicator", code,
            {k: (None, v) for k, v in fields.items() if v is not None},
        )  # fmt: skip
        s.flush()
        return indicator_rows(SessionReader(s), lambda p: f"indicator.id = {p(indicator.id)}")[0]


def record_reading(
    t: Tracker,
    code: str,
    value: float | str | None,
    date: dt.date | str | None = None,
    period: str | None = None,
    note: str | None = None,
) -> IndicatorRow:
    """Record a reading. With neither a date nor a period it is dated today. A date (or its
    text, read by tracker.input_rules) must not be in the future nor decades back; one reading
    per (date, period). Every problem with what is given is reported at once."""
    problems: list[Problem] = []
    number: float | None = None
    if value is None or str(value).strip() == "":
        problems.append(Problem("value", "required", "a number, e.g. 26"))
    else:
        number, problem = parse_number(value, "value")
        if problem:
            problems.append(problem)
    typed = date if isinstance(date, str) and date.strip() else None
    if isinstance(date, str):
        date, why = input_rules.read_date(date)
        if why:
            problems.append(Problem("date", why, input_rules.DATE_ALLOWED))
    period = _clean(period)
    if date is None and period is None and typed is None:
        date = t.today()
    if date is not None:
        today = t.today()
        oldest = dt.date(today.year - OLDEST_READING_YEARS, 1, 1)
        if date > today:
            problems.append(
                Problem("date", f"{date.isoformat()} is in the future", f"up to {today.isoformat()}")
            )  # fmt: skip
        elif date < oldest:
            problems.append(
                Problem("date", f"{date.isoformat()} is too far back", f"from {oldest.isoformat()}")
            )
    with t.db.writing() as s:
        require(t, s, "manage indicators")
        indicator = s.scalars(select(Indicator).where(Indicator.code == code)).one_or_none()
        if indicator is None:
            problems.insert(0, _unknown_indicator(s, code).problems[0])
        if indicator is not None and number is not None:
            wrong = value_problem(number, indicator.unit)
            if wrong:
                problems.append(wrong)
        if problems:
            raise InvalidInput(problems)
        assert indicator is not None and number is not None
        same = s.scalars(
            select(IndicatorReading).where(
                IndicatorReading.indicator_id == indicator.id,
                IndicatorReading.date.is_(None) if date is None else IndicatorReading.date == date,
                IndicatorReading.period.is_(None)
                if period is None
                else IndicatorReading.period == period,
            )
        ).first()
        if same is not None:
            when = ReadingView(same.id, same.date, same.period, same.value, same.note).when
            raise InvalidInput(
                Problem(
                    "date" if date else "period",
                    f"{code} already has a reading for {when} ({format_value(same.value, indicator.unit)})",
                    "another date or period",
                )
            )
        reading = IndicatorReading(
            indicator_id=indicator.id, date=date, period=period, value=number, note=_clean(note)
        )
        s.add(reading)
        label = ReadingView(0, date, period, number, None).when
        audit.record(
            s, t.user, "record", "indicator", code,
            {"reading": (None, f"{format_value(number, indicator.unit)} ({label})")},
        )  # fmt: skip
        s.flush()
        return indicator_rows(SessionReader(s), lambda p: f"indicator.id = {p(indicator.id)}")[0]
