"""What every task's run shares: the words for done, required fields, dates."""

from __future__ import annotations

from typing import Any

from rich.text import Text


def ok(text: str) -> Text:
    return Text(text, style="bold green")


def date_of(values: dict[str, Any], name: str, field: str | None = None) -> Any:
    from tracker.services.lookup import parse_date

    text = values.get(name) or ""
    return parse_date(text, field or name) if text else None


def required(values: dict[str, Any], *names: str) -> None:
    from tracker.errors import InvalidInput, Problem

    missing = [Problem(n, "required") for n in names if values.get(n) in (None, "")]
    if missing:
        raise InvalidInput(missing)
