"""`tracker escalations list|raise|decide`."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.common import Number, TrackerGroup, date_type, emit, state
from tracker.errors import invalid
from tracker.services.governance.escalations import (
    decide_escalation,
    get_escalation,
    list_escalations,
    raise_escalation,
)
from tracker.vocabulary import counted


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "-"


@click.group(cls=TrackerGroup)
def escalations() -> None:
    """Escalations: a board asks its parent board for a decision on an action."""


@escalations.command(
    "list",
    epilog="""\b
Examples:
  tracker escalations list
  tracker escalations list --board supporting-families-board --open
  tracker escalations list --format json""",
)
@click.option("--board", help="Escalations to or from this board (code or name).")
@click.option("--open", "open_only", is_flag=True, help="Only those not yet decided.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def list_cmd(board: str | None, open_only: bool, fmt: str) -> None:
    """List escalations, oldest first."""
    rows = []
    for e in list_escalations(state().tracker(), board, open_only=open_only):
        row = e.as_dict()
        if fmt == "table":
            row["id"] = f"#{e.id}"
            if e.followed_by:
                row["status"] = f"{e.status} (as #{e.followed_by})"
        rows.append(row)
    columns = ("id", "ref", "from", "to", "raised_on", "status", "decision_sought", "decided_on")
    emit(rows, columns, fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'escalations')}", err=True)


@escalations.command(
    "raise",
    epilog="""\b
Examples:
  tracker escalations raise S-02 --from lpb-south --reason "The venue was lost" \\
      --decision "Fund a new venue from the partnership budget"
An escalation goes to the raising board's parent and stays on the parent's next agenda until
decided. --to, if given, must be that parent.""",
)
@click.argument("ref")
@click.option("--from", "from_board", required=True, help="The board that escalates.")
@click.option("--reason", required=True, help="Why it is escalated.")
@click.option("--decision", required=True, help="The decision asked for.")
@click.option("--to", "to_board", help="The parent board (checked; the default).")
def raise_cmd(ref: str, from_board: str, reason: str, decision: str, to_board: str | None) -> None:
    """Escalate an action to the board's parent."""
    from tracker.services.governance.meetings import list_meetings

    t = state().tracker()
    e = raise_escalation(
        t, ref, from_board, reason=reason, decision_sought=decision, to_board=to_board
    )
    click.echo(f"escalation #{e.id}: {e.ref} from {e.from_board_name} to {e.to_board_name}")
    upcoming = list_meetings(t, e.to_board, date_from=e.raised_on, status="scheduled")
    if upcoming:
        click.echo(f"on the agenda of its meeting of {_day(upcoming[0].date)} until decided")
    else:
        click.echo(f"{e.to_board_name} has no meeting scheduled from {_day(e.raised_on)}: "
                   "schedule one with `tracker meetings add`")  # fmt: skip


@escalations.command(
    "decide",
    epilog="""\b
Examples:
  tracker escalations decide 3 --accept --note "Funding agreed" --meeting 2026-02-24
  tracker escalations decide 3 --refer-back --note "Find a venue locally first"
  tracker escalations decide 3 --accept --meeting 2026-02-24 \\
      --action "Head of Early Help: confirm the funding letter by 2026-03-10"
  tracker escalations decide 3 --escalate --note "Needs a Children First Board decision"
--escalate raises a new escalation to this board's parent, following this one. Only open
escalations can be decided; --meeting must be a held meeting of the deciding board.""",
)
@click.argument("escalation_id", metavar="ID", type=Number())
@click.option("--accept", "decision", flag_value="accept", help="Accept what is asked.")
@click.option("--refer-back", "decision", flag_value="refer back",
              help="Refer it back to the raising board.")  # fmt: skip
@click.option("--escalate", "decision", flag_value="escalate",
              help="Escalate it further, to this board's parent.")  # fmt: skip
@click.option("--note", help="The decision as minuted.")
@click.option("--meeting", type=date_type(), help="Date of the held meeting that decided.")
@click.option("--action", "action_texts", multiple=True, metavar="OWNER: TASK",
              help="An action carrying the decision out, chased until closed (repeat; needs "
                   "--meeting): OWNER: TASK [by YYYY-MM-DD].")  # fmt: skip
def decide(escalation_id: int, decision: str | None, note: str | None,
           meeting: dt.datetime | None, action_texts: tuple[str, ...]) -> None:  # fmt: skip
    """Record the decision on an open escalation."""
    from tracker.services.governance.minuted import parse_action

    if decision is None:
        raise invalid("decision", "say which decision", "--accept, --refer-back, --escalate")
    t = state().tracker()
    e = decide_escalation(
        t,
        escalation_id,
        decision,
        note=note,
        meeting=meeting.date() if meeting else None,
        actions=[parse_action(a) for a in action_texts],
    )
    if action_texts:
        click.echo(f"{counted(len(action_texts), 'follow-ups')} created: `tracker followups list` chases "
                   "them")  # fmt: skip
    click.echo(f"escalation #{e.id} ({e.ref}): {e.status} by {e.to_board_name} on "
               f"{_day(e.decided_on)}")  # fmt: skip
    if e.followed_by:
        further = get_escalation(t, e.followed_by)
        click.echo(f"escalated further as #{further.id} to {further.to_board_name}")
