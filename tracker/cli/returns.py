"""`tracker returns status|send|import|chase`: the reporting cycle before a board meets."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from tracker.cli.common import TrackerGroup, echo_json, emit, state

if TYPE_CHECKING:
    from tracker.services.returns.ledger import ReturnLedger
    from tracker.services.returns.period import ReportingPeriod

FORMATS = click.Choice(["text", "csv", "json"])


def _n(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def _day(value: dt.date | dt.datetime | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "never"


def _in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days < 0:
        return f"{_n(-days, 'day')} ago"
    return f"in {_n(days, 'day')}"


def period_lines(p: ReportingPeriod) -> list[str]:
    since = f"since {_day(p.start)}" if p.start else "since the board began (no earlier meeting)"
    return [
        f"{p.board_name}: returns for the meeting of {_day(p.meeting)} ({_in_days(p.days_to_meeting)})",
        f"Reporting period {since}; returns due {_day(p.deadline)} ({_in_days(p.days_to_deadline)})",
    ]  # fmt: skip


@click.group(cls=TrackerGroup)
def returns() -> None:
    """Returns owed to a board's next meeting: who owes what, sheets out and back, chasers."""


@returns.command(
    "status",
    epilog="""\b
Examples:
  tracker returns status supporting-families-board
  tracker returns status "Children First Board" --format csv > owed.csv
An action owes a return when it is open, belongs to the board, and has had no update since the
board's last meeting. Returns are due [returns] days_before (tracker.toml, default 7) days before
the meeting.""",
)
@click.argument("board")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
def status(board: str, fmt: str) -> None:
    """Who owes BOARD a return for its next meeting, by organisation and owner."""
    from tracker.services.returns.ledger import return_ledger

    ledger = return_ledger(state().tracker(), board)
    if fmt == "text":
        _show_ledger(ledger)
        return
    rows = [
        {
            "organisation": o.organisation,
            "owner": o.owner,
            "email": o.email,
            "ref": a.ref,
            "title": a.title,
            "due": a.due,
            "status": a.status,
            "rag": a.rag,
            "progress": a.progress,
            "last_update": a.last_update.date() if a.last_update else None,
        }  # fmt: skip
        for o in ledger.owners
        for a in o.owed
    ]
    if fmt == "json":
        p = ledger.period
        echo_json(
            {
                "board": p.board,
                "meeting": p.meeting,
                "period_start": p.start,
                "deadline": p.deadline,
                "days_to_meeting": p.days_to_meeting,
                "days_to_deadline": p.days_to_deadline,
                "expected": ledger.expected,
                "received": ledger.received,
                "outstanding": ledger.outstanding,
                "owed": rows,
            },  # fmt: skip
            default=str,
        )
        return
    emit(rows, list(rows[0]) if rows else ["organisation", "owner", "ref"], "csv")


def _show_ledger(ledger: ReturnLedger) -> None:
    for line in period_lines(ledger.period):
        click.echo(line)
    owing = ledger.owing()
    click.echo(
        f"{_n(ledger.expected, 'return')} expected, {ledger.received} received, "
        f"{ledger.outstanding} outstanding from {_n(len(owing), 'owner')}"
    )
    if not owing:
        click.echo("Every return is in." if ledger.expected else "No action reports to this board.")
        return
    today = ledger.period.today
    for org in ledger.organisations:
        if not org.owed:
            continue
        click.echo("")
        click.echo(
            f"{org.organisation}: {org.owed} outstanding from {_n(org.owners, 'owner')}"
            f", {org.received} received"
        )
        for o in owing:
            if o.organisation != org.organisation:
                continue
            click.echo(f"  {o.owner}: {len(o.owed)} owed, {o.received} received")
            rows = [
                {
                    "ref": a.ref,
                    "title": a.title,
                    "due": _day(a.due) + (" (overdue)" if a.overdue(today) else "")
                    if a.due
                    else "-",
                    "last update": _day(a.last_update),
                }  # fmt: skip
                for a in o.owed
            ]
            from tracker.cli.common import format_table

            for line in format_table(rows, ["ref", "title", "due", "last update"], 50).splitlines():
                click.echo(f"    {line}")
