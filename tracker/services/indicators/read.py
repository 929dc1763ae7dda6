"""Indicators with their readings, read in plain SQL (no SQLAlchemy): the one query behind
every list of them (`tracker indicators list`, the Outcomes screen, the dashboard, the outcomes
and cover papers), on any `Reader`: a session's `SessionReader`, or sqlite3 / psycopg alone for
a public `tracker paper render outcomes`. indicators/service.py writes them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tracker.services.indicators.views import IndicatorRow, ReadingView, order_readings
from tracker.services.plain_sql import Params, Reader, as_date

# which indicators: SQL on indicator, outcome, board (given the bound values)
Where = Callable[[Params], str]


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def indicator_rows(reader: Reader, where: Where | None = None) -> list[IndicatorRow]:
    """The indicators `where` selects (None: all) with their readings (oldest first), by
    outcome as the plan lists them, indicators without one last."""
    p = Params(reader.dialect)
    found = reader.rows(
        "SELECT indicator.id, indicator.code, indicator.name, outcome.code, outcome.name, "
        "board.code, board.name, indicator.unit, indicator.target, indicator.direction, "
        "indicator.frequency, indicator.source, indicator.version, indicator.target_max "
        "FROM indicator LEFT OUTER JOIN outcome ON indicator.outcome_id = outcome.id "
        "LEFT OUTER JOIN board ON indicator.board_id = board.id "
        f"WHERE {where(p) if where else '1 = 1'} "
        "ORDER BY outcome.id IS NULL, outcome.position, outcome.id, indicator.code",
        p.values)  # fmt: skip
    ids = [r[0] for r in found]
    by_indicator: dict[int, list[ReadingView]] = defaultdict(list)
    for i in range(0, len(ids), 500):  # one query per 500 indicators, not one per indicator
        q = Params(reader.dialect)
        for rid, iid, day, period, value, note, version in reader.rows(
            "SELECT id, indicator_id, date, period, value, note, version FROM indicator_reading "
            f"WHERE indicator_id IN ({q.each(ids[i : i + 500])})", q.values,
        ):  # fmt: skip
            by_indicator[iid].append(ReadingView(id=rid, date=as_date(day), period=period,
                                                 value=float(value), note=note,
                                                 version=version))  # fmt: skip
    return [
        IndicatorRow(
            code=r[1],
            name=r[2],
            outcome=r[3],
            outcome_name=r[4],
            board=r[5],
            board_name=r[6],
            unit=r[7],
            target=_number(r[8]),
            direction=r[9],
            frequency=r[10],
            source=r[11],
            version=r[12],
            readings=tuple(order_readings(by_indicator.get(r[0], []))),
            target_max=_number(r[13]),
        )
        for r in found
    ]
