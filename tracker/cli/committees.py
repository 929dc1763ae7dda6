"""`tracker resolutions list` and `tracker calendar export`."""

from __future__ import annotations

import click

from tracker.cli.common import TrackerGroup, emit, state
from tracker.services.calendar import export_calendar
from tracker.services.committees.resolutions import list_resolutions
from tracker.vocabulary import counted

RESOLUTION_COLUMNS = ("id", "committee", "meeting", "number", "kind", "followups", "text")


@click.group(cls=TrackerGroup)
def resolutions() -> None:
    """What committees resolved, with their follow-ups."""


@resolutions.command(
    "list",
    epilog="""\b
Examples:
  tracker resolutions list
  tracker resolutions list --committee improving-lives-select-commission
  tracker resolutions list --open                  with a follow-up still open
  tracker resolutions list --overdue --format csv  with an open follow-up past its due date""",
)
@click.option("--committee", help="Only this committee's (code or name).")
@click.option("--open", "open_", is_flag=True, help="Only those with a follow-up still open.")
@click.option("--overdue", is_flag=True, help="Only those with an overdue follow-up.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def list_cmd(committee: str | None, open_: bool, overdue: bool, fmt: str) -> None:
    """List resolutions as minuted, oldest meeting first."""
    rows = list_resolutions(state().tracker(), committee=committee, open_only=open_,
                            overdue=overdue)  # fmt: skip
    out = [r.as_dict() for r in rows]
    if fmt == "table":
        for d, r in zip(out, rows, strict=True):
            d["meeting"] = d["meeting"] or "undated"
            d["number"] = r.number or "-"
            d["followups"] = (
                f"{r.open_followups} open of {r.followups}" if r.followups else "none"
            ) + (" OVERDUE" if r.overdue else "")
    emit(out, RESOLUTION_COLUMNS, fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'resolutions')}", err=True)


@click.group(cls=TrackerGroup)
def calendar() -> None:
    """Meetings and follow-up due dates as an iCalendar file (Outlook, Google, Apple)."""


@calendar.command(
    "export",
    epilog="""\b
Examples:
  tracker calendar export governance.ics
  tracker calendar export cabinet.ics --committee cabinet
  tracker calendar export lpb.ics --board locality-partnership-board
  tracker calendar export archive.ics --all       every follow-up, however long closed
Every meeting and due date is an all-day event. Import the file again after changes: events
keep their identity (UID), so the calendar updates them rather than adding copies.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--committee", help="Only this committee (code or name).")
@click.option("--board", help="Only this board (code or name).")
@click.option("--all", "everything", is_flag=True,
              help="Include follow-ups closed more than 90 days ago.")  # fmt: skip
def export(file: str, committee: str | None, board: str | None, everything: bool) -> None:
    """Write meetings and follow-up due dates to FILE.ics.

    Follow-ups closed in the last 90 days are included (marked Done or Dropped, so importing
    the file again updates them); older closed ones are left out unless --all.
    """
    result = export_calendar(
        state().tracker(), file, committee=committee, board=board,
        closed_within=None if everything else 90,
    )  # fmt: skip
    click.echo(
        f"wrote {result.path}: {counted(result.meetings, 'meetings')}, "
        f"{counted(result.followups, 'follow-up due dates')}"
    )
