"""The outcomes paper's context (every indicator by outcome against its target), and the
indicator groups the cover report shows off target: read in plain SQL
(indicators/read.py) on the paper's one read transaction, sqlite3 or psycopg alone for a public
`tracker paper render outcomes`, a session's `SessionReader` otherwise."""

from __future__ import annotations

import datetime as dt

from tracker.services.indicators.read import indicator_rows
from tracker.services.indicators.views import IndicatorRow, format_value
from tracker.services.papers.context import Frame
from tracker.services.papers.data.outcomes import IndicatorItem, OutcomeGroup, OutcomesContext
from tracker.services.plain_sql import Reader

NOT_LINKED = "Not linked to an outcome"


def _indicator(r: IndicatorRow, today: dt.date) -> IndicatorItem:
    latest, previous = r.latest, r.previous
    return IndicatorItem(
        code=r.code, name=r.name, outcome=r.outcome, board=r.board, unit=r.unit,
        target=r.target_text() if r.target is not None else None,
        target_value=r.target, direction=r.direction,
        latest=format_value(latest.value, r.unit) if latest else None,
        latest_value=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        latest_period=latest.period if latest else None,
        previous=format_value(previous.value, r.unit) if previous else None,
        previous_date=previous.date if previous else None,
        previous_period=previous.period if previous else None, travel=r.travel, status=r.status,
        source=r.source, readings=len(r.readings),
        chart=f"outcomes-{r.code}.svg" if len(r.readings) > 1 else None,
        points=tuple((x.date.isoformat() if x.date else x.period or "undated", x.value)
                     for x in r.readings),
        target_max=r.target_max, next_due=r.next_due(), overdue=r.reading_overdue(today),
    )  # fmt: skip


def groups(reader: Reader, today: dt.date) -> list[OutcomeGroup]:
    groups: dict[str | None, list[IndicatorItem]] = {}
    names: dict[str | None, str] = {}
    for row in indicator_rows(reader):  # by outcome in plan order, unlinked last
        groups.setdefault(row.outcome, []).append(_indicator(row, today))
        names[row.outcome] = row.outcome_name or NOT_LINKED
    return [
        OutcomeGroup(code=code, name=names[code], indicators=tuple(items),
                     off_target=sum(1 for i in items if i.status == "off target"))
        for code, items in groups.items()
    ]  # fmt: skip


def outcomes(reader: Reader, fr: Frame) -> OutcomesContext:
    """Every indicator by outcome: target, latest reading, direction of travel."""
    found = groups(reader, fr.paper.today)
    every = reader.rows("SELECT code, name FROM outcome ORDER BY position, code", {})
    measured = {g.code for g in found}
    items = [i for g in found for i in g.indicators]

    def count(status: str) -> int:
        return sum(1 for i in items if i.status == status)

    return OutcomesContext(
        **fr.common(),
        outcomes=tuple(found),
        on_target=count("on target"), off_target=count("off target"),
        no_target=count("no target"), no_reading=count("no reading"),
        without_indicators=tuple(name for code, name in every if code not in measured),
    )  # fmt: skip
