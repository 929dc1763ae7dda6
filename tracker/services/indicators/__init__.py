"""Outcome measures: indicators, their dated readings, and how they stand against target.

Shared by the CLI, the app's Outcomes screen, the dashboard and the outcomes paper template.
Each name loads its module on first use: a paper that reads indicators in plain SQL
(indicators/read.py, views.py) does not load the services' SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.services.lazy_names import names_on_first_use

if TYPE_CHECKING:
    from tracker.services.indicators.service import (
        add_indicator,
        get_indicator,
        list_indicators,
        outcomes_off_target,
        record_reading,
    )
    from tracker.services.indicators.views import (
        DIRECTIONS,
        TARGET_STATUSES,
        IndicatorRow,
        OutcomeOffTarget,
        ReadingView,
        format_value,
        order_readings,
        parse_number,
    )

_WHERE = {
    **dict.fromkeys(("add_indicator", "get_indicator", "list_indicators", "outcomes_off_target",
                     "record_reading"), "service"),
    **dict.fromkeys(("DIRECTIONS", "TARGET_STATUSES", "IndicatorRow", "OutcomeOffTarget",
                     "ReadingView", "format_value", "order_readings", "parse_number"), "views"),
}  # fmt: skip


__getattr__ = names_on_first_use(__name__, _WHERE, globals())


__all__ = [
    "DIRECTIONS",
    "TARGET_STATUSES",
    "IndicatorRow",
    "OutcomeOffTarget",
    "ReadingView",
    "add_indicator",
    "format_value",
    "get_indicator",
    "list_indicators",
    "order_readings",
    "outcomes_off_target",
    "parse_number",
    "record_reading",
]
