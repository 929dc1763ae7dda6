"""`tracker actions pace` and `tracker exceptions list|escalate`: the suggested RAG, the
forecast finish and the exceptions to each board's tolerances, with their rules shown."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.common import TrackerGroup, date_type, emit, state
from tracker.vocabulary import counted

PACE_COLUMNS = ("ref", "rag", "suggested", "expected", "ratio", "forecast", "slip_days")
EXCEPTION_COLUMNS = (
    "ref", "title", "board", "owner", "due", "rag", "suggested", "progress", "forecast",
    "causes", "decision",
)  # fmt: skip


@click.command(
    "pace",
    epilog="""\b
Examples:
  tracker actions pace
  tracker actions pace --board supporting-families-board
  tracker actions pace R-01 R-02 --format json
The rule (and the plan's thresholds) is printed under the table.""",
)
@click.argument("refs", nargs=-1)
@click.option("--board", help="Only this board's actions (code or name).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def pace(refs: tuple[str, ...], board: str | None, fmt: str) -> None:
    """The RAG each action's progress suggests beside the owner's, and its forecast finish."""
    from tracker.services.actions.pace import action_paces

    report = action_paces(state().tracker(), refs or None, board)
    rows = [
        {
            "ref": a.ref,
            "rag": a.rag,
            "suggested": a.pace.suggested,
            "expected": None if a.pace.expected is None else f"{a.pace.expected * 100:.0f}%",
            "ratio": None if a.pace.ratio is None else round(a.pace.ratio, 2),
            "forecast": a.pace.forecast_text,
            "slip_days": a.pace.slip_days,
        }
        for a in report.actions
    ]
    emit(rows, PACE_COLUMNS, fmt)
    if fmt == "table":
        click.echo(report.rule, err=True)


@click.group(cls=TrackerGroup)
def exceptions() -> None:
    """Actions outside their board's tolerances, rising to the parent board's paper."""


@exceptions.command(
    "list",
    epilog="""\b
Examples:
  tracker exceptions list children-first-board
  tracker exceptions list supporting-families-board --as-of 2026-01-31 --format json
Lists the exceptions that rise to the board: those of its child boards' actions (and its own,
when it has no parent), worst first, with the cause and the decision proposed.""",
)
@click.argument("board")
@click.option("--as-of", "as_of", type=date_type(), help="Assess as of a past date.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def list_cmd(board: str, as_of: dt.datetime | None, fmt: str) -> None:
    """The exceptions rising to a board's paper."""
    from tracker.services.governance.exceptions import list_exceptions

    found = list_exceptions(state().tracker(), board, as_of.date() if as_of else None)
    rows = [
        {
            "ref": a.ref,
            "title": a.title,
            "board": a.board,
            "owner": a.owner,
            "due": a.due.isoformat() if a.due else None,
            "rag": a.rag,
            "suggested": a.suggested,
            "progress": f"{a.progress}%",
            "forecast": a.forecast,
            "causes": "; ".join(a.causes),
            "decision": a.decision,
        }
        for a in found.exceptions
    ]
    emit(rows, EXCEPTION_COLUMNS, fmt)
    if fmt == "table":
        n = len(rows)
        click.echo(f"{counted(n, 'exceptions')} rising to {found.board_name}", err=True)
        for name, words in found.tolerances:
            click.echo(f"{name} tolerances: {words}", err=True)
        click.echo(found.rule, err=True)


@exceptions.command(
    "escalate",
    epilog="""\b
Examples:
  tracker exceptions escalate R-02
One step: an escalation from the action's board to its parent, its reason the causes and the
forecast, the decision sought the one proposed. Refused for an action within tolerance.""",
)
@click.argument("ref")
def escalate(ref: str) -> None:
    """Escalate an exception to the parent board, with its cause and proposed decision."""
    from tracker.services.governance.exceptions import escalate_exception

    e = escalate_exception(state().tracker(), ref)
    click.echo(f"escalation #{e.id}: {e.ref} from {e.from_board_name} to {e.to_board_name}")
    click.echo(f"reason: {e.reason}")
    click.echo(f"decision sought: {e.decision_sought}")
