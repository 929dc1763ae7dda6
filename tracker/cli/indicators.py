"""`tracker indicators list|add|record`: outcome measures and their readings."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.common import Number, TrackerGroup, date_type, emit, state
from tracker.services.indicators import (
    DIRECTIONS,
    IndicatorRow,
    add_indicator,
    format_value,
    list_indicators,
    record_reading,
)
from tracker.vocabulary import counted

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


def _table_row(r: IndicatorRow, today: dt.date | None = None) -> dict[str, object]:
    latest = r.latest
    target = r.target_text()
    if r.target is not None and r.direction in ("higher", "lower"):
        target += " or " + ("more" if r.direction == "higher" else "less")
    late = today is not None and r.reading_overdue(today)
    return {
        "code": r.code,
        "outcome": r.outcome or "-",
        "latest": format_value(latest.value if latest else None, r.unit),
        "as_of": (latest.when if latest else "-") + (" (reading overdue)" if late else ""),
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
    t = state().tracker()
    rows = list_indicators(t, outcome=outcome, board=board, off_target=off_target)
    if fmt == "table":
        emit([_table_row(r, t.today()) for r in rows], LIST_COLUMNS, fmt)
        click.echo(f"{counted(len(rows), 'indicators')}", err=True)
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
@click.option(
    "--direction", type=click.Choice(DIRECTIONS, case_sensitive=False), help="Which is better."
)
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


@indicators.command(
    "set",
    epilog="""\b
Examples:
  tracker indicators set eyfs-not-expected-level --target 20 --direction lower --unit percent
  tracker indicators set referrals-schools --range 35-45 --frequency quarterly
  tracker indicators set referrals-self --target none       (no target)
Frequencies: weekly, monthly, quarterly, termly, half-yearly, annual. A reading is marked
overdue once the latest is older than its frequency.""",
)
@click.argument("code")
@click.option("--target", help="The target value ('none' clears it).")
@click.option("--range", "range_", metavar="LOW-HIGH", help="A target range (direction within).")
@click.option("--direction", help="Which is better: higher, lower, within (a range).")
@click.option("--unit", help="percent, number, families, ... (a percentage is 0-100).")
@click.option("--frequency", help="How often it is reported: monthly, quarterly, annual, ...")
def set_cmd(
    code: str, target: str | None, range_: str | None, direction: str | None, unit: str | None,
    frequency: str | None,
) -> None:  # fmt: skip
    """Set or change an indicator's target, direction, unit and reporting frequency."""
    from tracker.errors import InvalidInput, Problem
    from tracker.services.indicators.manage import set_indicator
    from tracker.services.unset import UNSET, Unset

    low: str | None | Unset = UNSET
    high: str | None | Unset = UNSET
    words: dict[str, str | None | Unset] = {"direction": UNSET, "unit": UNSET, "frequency": UNSET}
    if range_ is not None:
        first, sep, last = range_.replace(" to ", "-").partition("-")
        if not sep:
            raise InvalidInput(
                Problem("target", f"{range_!r} is not a range", "LOW-HIGH, e.g. 35-45")
            )
        low, high, words["direction"] = first.strip(), last.strip(), "within"
    if target is not None:
        low = target  # "none" clears it (the service's rule)
    for name, value in (("direction", direction), ("unit", unit), ("frequency", frequency)):
        if value is not None:
            words[name] = value
    if isinstance(low, Unset) and all(isinstance(w, Unset) for w in words.values()):
        raise InvalidInput(Problem("indicator", "nothing to set",
                                   "--target, --range, --direction, --unit, --frequency"))  # fmt: skip
    row = set_indicator(
        state().tracker(), code, target=low, target_max=high, direction=words["direction"],
        unit=words["unit"], frequency=words["frequency"],
    )  # fmt: skip
    click.echo(f"{row.code}: target {row.target_text()}, {row.direction or 'direction not set'}, "
               f"unit {row.unit or '-'}, {row.frequency or 'frequency not set'}: {row.status}")  # fmt: skip


@indicators.command(
    "readings",
    epilog="""\b
Examples:
  tracker indicators readings eyfs-not-expected-level
  tracker indicators readings referrals-schools --format json""",
)
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def readings_cmd(code: str, fmt: str) -> None:
    """An indicator's readings with their numbers (to correct or delete one)."""
    from tracker.services.indicators import get_indicator

    t = state().tracker()
    row = get_indicator(t, code)
    rows = [
        {"id": r.id, "when": r.when, "value": format_value(r.value, row.unit), "note": r.note or "",
         "version": r.version}
        for r in row.readings
    ]  # fmt: skip
    emit(rows, ("id", "when", "value", "note", "version"), fmt)
    if fmt == "table" and row.reading_overdue(t.today()):
        due = row.next_due()
        assert due is not None
        click.echo(
            f"A {row.frequency} reading is OVERDUE: the next was due {due.isoformat()}.", err=True
        )


@indicators.command(
    "edit-reading",
    epilog="""\b
Examples:
  tracker indicators edit-reading eyfs-not-expected-level 12 --value 15
  tracker indicators edit-reading referrals-schools 7 --date 30/06/2025 --note "Revised"
  tracker indicators edit-reading referrals-schools 7 --value 16 --expect-version 2
`tracker indicators readings CODE` gives each reading's number and version.
Exit code 3: somebody else changed the reading first; nothing was lost.""",
)
@click.argument("code")
@click.argument("reading", type=int)
@click.option("--value", help="The corrected value.")
@click.option("--date", "date_", type=date_type(), help="The corrected date.")
@click.option("--period", help="The corrected period text.")
@click.option("--note", help="The corrected note.")
@click.option("--expect-version", type=Number(),
              help="Refuse unless the reading is still at this version.")  # fmt: skip
def edit_reading_cmd(
    code: str, reading: int, value: str | None, date_: dt.datetime | None, period: str | None,
    note: str | None, expect_version: int | None,
) -> None:  # fmt: skip
    """Correct a reading (value, date, period, note); the audit trail keeps the old one."""
    from tracker.services.indicators.manage import edit_reading
    from tracker.services.unset import UNSET

    row = edit_reading(
        state().tracker(), code, reading, value=value,
        date=UNSET if date_ is None else date_.date(),
        period=UNSET if period is None else period, note=UNSET if note is None else note,
        expected_version=expect_version,
    )  # fmt: skip
    click.echo(
        f"corrected {row.code}: latest {format_value(row.latest.value if row.latest else None, row.unit)}, {row.status}"
    )


@indicators.command(
    "delete-reading",
    epilog="""\b
Examples:
  tracker indicators delete-reading eyfs-not-expected-level 12
  tracker indicators delete-reading eyfs-not-expected-level 12 --expect-version 1
Exit code 3: somebody else changed the reading first; nothing was deleted.""",
)
@click.argument("code")
@click.argument("reading", type=int)
@click.option("--expect-version", type=Number(),
              help="Refuse unless the reading is still at this version.")  # fmt: skip
def delete_reading_cmd(code: str, reading: int, expect_version: int | None) -> None:
    """Delete a reading recorded by mistake; the audit trail keeps what it said."""
    from tracker.services.indicators.manage import delete_reading

    row = delete_reading(state().tracker(), code, reading, expected_version=expect_version)
    click.echo(f"deleted reading {reading} of {row.code}; {len(row.readings)} left")
