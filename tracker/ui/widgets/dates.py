"""Every date field in the app, by one rule: it asks for a UK date, shows one it is given as
"31 Mar 2027", and reads what is typed by the rules every face shares (input_rules, through
tracker.services.lookup): 31/03/2027, 31 Mar 2027 or 2027-03-31, ambiguous ones refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import Input

from tracker.ui.widgets.text import day

DATE_HINT = "31/03/2027 or 31 Mar 2027"


def typed(value: dt.date | str | None) -> str:
    """A date as a date field shows it ("31 Mar 2027"); a text already typed stays as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return day(value)
    return str(value)


def read(text: str, field: str) -> dt.date | None:
    """What was typed in a date field: None when empty, else the date or a refusal naming it."""
    from tracker.services.lookup import parse_date

    text = text.strip()
    return parse_date(text, field) if text else None


class DateInput(Input):
    """An Input for a date: the UK hint as its placeholder, a date shown as "31 Mar 2027"."""

    def __init__(self, value: dt.date | str | None = None, *, placeholder: str = DATE_HINT,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(typed(value), placeholder=placeholder, **kwargs)

    def show(self, value: dt.date | str | None) -> None:
        self.value = typed(value)
