"""Typed options and arguments, read by the same input rules as the app and the sheets: a
number that fits the database, a date, a status, a RAG."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from tracker import input_rules
from tracker.services.plain_sql import INTEGER_MAX, INTEGER_MIN
from tracker.vocabulary import RAGS, STATUSES

# what a database integer column holds: a larger number would overflow it
NUMBER_MIN, NUMBER_MAX = INTEGER_MIN, INTEGER_MAX


class Number(click.IntRange):
    """A whole number that fits the database: an id, a phase, a version. One far too large is
    refused here with a plain message (exit 2) instead of overflowing the database."""

    name = "number"

    def __init__(
        self, min: int | None = None, max: int | None = None, allowed: str | None = None
    ) -> None:
        super().__init__(
            min=NUMBER_MIN if min is None else min, max=NUMBER_MAX if max is None else max
        )
        self.allowed = allowed  # what the field allows, when the service checks the range

    def _describe_range(self) -> str:
        if self.allowed:
            return self.allowed
        if self.min == NUMBER_MIN and self.max == NUMBER_MAX:
            return f"a whole number up to {NUMBER_MAX}"
        if self.max == NUMBER_MAX:
            return f"a whole number from {self.min} up to {NUMBER_MAX}"
        return f"a whole number from {self.min} to {self.max}"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)
        lo, hi = self.min, self.max
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.fail(f"{number} is out of range: {self._describe_range()}", param, ctx)
        return number


class DateText(click.ParamType[dt.datetime]):
    """A typed date, read by the one set of input rules (tracker.input_rules): ISO or UK
    day-first (31/03/2027, 31 Mar 2027); an ambiguous one is refused. Gives a datetime at
    midnight, as click.DateTime did."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        day, problem = input_rules.read_date(value)
        if day is None:
            self.fail(f"{problem or 'required'} (allowed: {input_rules.DATE_ALLOWED})", param, ctx)
        return dt.datetime(day.year, day.month, day.day)


def date_type() -> click.ParamType[dt.datetime]:
    return DateText()


class StatusText(click.ParamType[str]):
    """A status in any case, with the sheet's aliases ('In Progress', 'done')."""

    name = "status"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(STATUSES) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found, problem = input_rules.read_status(value)
        if found is None:
            self.fail(f"{problem or 'required'} (allowed: {', '.join(STATUSES)})", param, ctx)
        return found


class RagText(click.ParamType[str]):
    """A RAG value in any case ('Amber', 'A'), or 'none' (not assessed)."""

    name = "rag"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join((*RAGS, input_rules.NO_RAG)) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found, problem = input_rules.read_rag(value)
        if found is None:
            allowed = ", ".join((*RAGS, input_rules.NO_RAG))
            self.fail(f"{problem or 'required'} (allowed: {allowed})", param, ctx)
        return found
