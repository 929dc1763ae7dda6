"""`tracker indicators list|add|record`: outcome measures and their readings."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.common import TrackerGroup, date_type, emit, state
from tracker.services.indicators import (
    DIRECTIONS,
    IndicatorRow,
    add_indicator,
    format_value,
    list_indicators,
    record_reading,
)

LIST_COLUMNS = ("code", "outcome", "latest", "as_of", "target", "status", "travel", "trend")
CSV_COLUMNS = (
    "code", "name", "outcome", "board", "unit", "latest", "as_of", "target", "direction",
    "status", "travel", "frequency", "source",
)  # fmt: skip
BARS = "▁▂▃▄▅▆▇█"


def spark(values: tuple[float, ...], width: int = 12) -> str:
    """A text sparkline of the latest `width` values."""
    values = values[-width:]
    if not values:
        return "-"
    low, high = min(values), max(values)
    if high == low:
        return BARS[3] * len(values)
    return "".join(BARS[round((v - low) / (high - low) * (len(BARS) - 1))] for v in values)


def _table_row(r: IndicatorRow) -> dict[str, object]:
    latest = r.latest
    target = format_value(r.target, r.unit)
    if r.target is not None and r.direction:
        target += " or " + ("more" if r.direction == "higher" else "less")
    return {
        "code": r.code,
        "outcome": r.outcome or "-",
        "latest": format_value(latest.value if latest else None, r.unit),
        "as_of": latest.when if latest else "-",
        "target": target,
        "status": r.status,
        "travel": r.travel or "-",
        "trend": spark(r.values),
    }


@click.group(cls=TrackerGroup)
def indicators() -> None:
    """Outcome measures: their readings against target, and how they are moving."""


@indicators.command(
    "list",
    epilog="""\b
Examples:
  tracker indicators list
  tracker indicators list --outcome early-years
  tracker indicators list --board supporting-families-board --off-target
  tracker indicators list --format json > indicators.json
STATUS is "on target" or "off target" when the indicator has a target and a direction,
"no target" otherwise. TRAVEL compares the latest reading with the one before it.""",
)
@click.option("--outcome", help="Only this outcome's indicators (outcome code).")
@click.option("--board", help="Only indicators this board watches (board code).")
@click.option("--off-target", is_flag=True, help="Only indicators whose latest reading misses.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def list_cmd(outcome: str | None, board: str | None, off_target: bool, fmt: str) -> None:
    """List indicators with their latest value against target and direction of travel."""
    rows = list_indicators(state().tracker(), outcome=outcome, board=board, off_target=off_target)
    if fmt == "table":
        emit([_table_row(r) for r in rows], LIST_COLUMNS, fmt)
        click.echo(f"{len(rows)} indicator{'s' if len(rows) != 1 else ''}", err=True)
        return
    data = [r.as_dict() for r in rows]
    if fmt == "csv":
        for d in data:
            d.pop("readings")
    emit(data, CSV_COLUMNS, fmt)


@indicators.command(
    "add",
    epilog="""\b
Examples:
  tracker indicators add eyfs-good-level --name "Children reaching a good level of development" \\
      --unit percent --outcome early-years --target 70 --direction higher --frequency annual
  tracker indicators add families-turned-around --name "Families with sustained outcomes" \\
      --unit families --outcome financial-stability --board supporting-families-board \\
      --target 600 --direction higher --source "Herefordshire Cabinet, 2016-18 strategy"
CODE: lower-case letters, digits and '-'. Leave --target or --direction out when the source
does not give them: the indicator shows "no target" until they are set.""",
)
@click.argument("code")
@click.option("--name", required=True, help="What is measured.")
@click.option("--unit", help="percent, number, families, ...")
@click.option("--outcome", help="The headline outcome it measures (outcome code).")
@click.option("--board", help="The board that watches it (board code).")
@click.option("--target", help="The target value (a number).")
@click.option("--direction", type=click.Choice(DIRECTIONS), help="Which is better.")
@click.option("--frequency", help="How often it is measured: annual, termly, ...")
@click.option("--source", help="Where the figures come from.")
def add(
    code: str, name: str, unit: str | None, outcome: str | None, board: str | None,
    target: str | None, direction: str | None, frequency: str | None, source: str | None,
) -> None:  # fmt: skip
    """Add an outcome measure (indicator)."""
    row = add_indicator(
        state().tracker(), code, name=name, unit=unit, outcome=outcome, board=board,
        target=target, direction=direction, frequency=frequency, source=source,
    )  # fmt: skip
    click.echo(
        f"added {row.code}: {row.name} (outcome {row.outcome or 'not set'}, "
        f"target {format_value(row.target, row.unit)}, {row.direction or 'direction not set'})"
    )


@indicators.command(
    "record",
    epilog="""\b
Examples:
  tracker indicators record eyfs-not-expected-level 24 --date 2025-09-01
  tracker indicators record referrals-schools 41 --period "2025/26 Q1" --note "Provisional"
  tracker indicators record eyfs-not-expected-level 22       (dated today)
A reading needs a date (not in the future) or, when the source gives none, a --period text.""",
)
@click.argument("code")
@click.argument("value")
@click.option("--date", "date_", type=date_type(), help="When it was measured (YYYY-MM-DD).")
@click.option("--period", help="The period it covers, e.g. '2025/26 Q1' (when undated).")
@click.option("--note", help="Context or source of this reading.")
def record(
    code: str, value: str, date_: dt.datetime | None, period: str | None, note: str | None
) -> None:
    """Record a reading of an indicator."""
    row = record_reading(
        state().tracker(), code, value, date=date_.date() if date_ else None, period=period,
        note=note,
    )  # fmt: skip
    new = max(row.readings, key=lambda r: r.id)
    latest = row.latest
    assert latest is not None
    click.echo(f"recorded {row.code}: {format_value(new.value, row.unit)} for {new.when}")
    click.echo(
        f"latest {format_value(latest.value, row.unit)} ({latest.when}): {row.status}, "
        f"{row.travel or 'first reading'}"
    )
