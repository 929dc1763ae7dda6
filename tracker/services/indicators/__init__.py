"""Outcome measures: indicators, their dated readings, and how they stand against target.

Shared by the CLI, the app's Outcomes screen, the dashboard and the outcomes paper template.
"""

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
