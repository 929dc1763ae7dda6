"""`tracker followups list|show|update|close|arising`: chasing committee follow-ups."""

from __future__ import annotations

from typing import Any

import click

from tracker.cli.common import Number, TrackerGroup, echo_json, emit, format_table, state
from tracker.services.committees.arising import matters_arising
from tracker.services.committees.followup_updates import close_followup, update_followup
from tracker.services.committees.followups import (
    CLOSED_FOLLOWUP_STATUSES,
    OPEN_FOLLOWUP_STATUSES,
    FollowUpFilter,
    FollowUpRow,
    get_followup,
    list_followups,
)
from tracker.services.lookup import parse_date
from tracker.services.unset import UNSET
from tracker.vocabulary import counted

# every status is open or closed (a face takes them from the services, never the models)
FOLLOWUP_STATUSES = OPEN_FOLLOWUP_STATUSES + CLOSED_FOLLOWUP_STATUSES

LIST_COLUMNS = (
    "id", "committee", "meeting", "resolution", "source", "owner", "due", "status", "text",
)  # fmt: skip
# where each came from, in the table (csv and json give the stored word)
SOURCE_CELLS = {
    "resolution": "resolution", "minuted": "action line", "review": "taken in review",
    "hand": "by hand", "escalation": "escalation", "unrecorded": "not recorded",
}  # fmt: skip
FORMATS = click.Choice(["table", "csv", "json"])


@click.group(cls=TrackerGroup)
def followups() -> None:
    """Follow-ups arising from committee resolutions and ACTION lines, chased until closed."""


def table_rows(rows: tuple[FollowUpRow, ...], fmt: str) -> list[dict[str, Any]]:
    out = [r.as_dict() for r in rows]
    if fmt == "table":
        for d, r in zip(out, rows, strict=True):
            d["owner"] = r.owner or "unassigned"
            d["meeting"] = d["meeting"] or "undated"
            d["source"] = SOURCE_CELLS.get(r.source, r.source)
            if r.overdue:
                d["due"] = f"{d['due']} OVERDUE"
            if r.closed_on:
                d["status"] = f"{r.status} {r.closed_on.isoformat()}"
    return out


@followups.command(
    "list",
    epilog="""\b
Examples:
  tracker followups list --open
  tracker followups list --committee improving-lives-select-commission --overdue
  tracker followups list --owner "assistant director" --status "in progress"
  tracker followups list --open --format csv > chase.csv
The ID column is what `followups update` and `followups close` take. SOURCE says where each
came from: a resolution, an action line the minutes import read, a line taken in the import's
review, typed by hand, a decision on an escalation, or not recorded (made before the
tracker kept it).""",
)
@click.option("--committee", help="Only this committee's (code or name).")
@click.option(
    "--owner", help="Owner: person code, or part of a name, role or the owner as minuted."
)
@click.option(
    "--status", type=click.Choice(FOLLOWUP_STATUSES, case_sensitive=False), help="Only this status."
)
@click.option("--open", "open_", is_flag=True, help="Only open or in progress.")
@click.option("--overdue", is_flag=True, help="Only open ones past their due date.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def list_cmd(
    committee: str | None, owner: str | None, status: str | None, open_: bool, overdue: bool,
    fmt: str,
) -> None:  # fmt: skip
    """List follow-ups, oldest meeting first; overdue ones are flagged."""
    f = FollowUpFilter(committee=committee, owner=owner, status=status, open=open_,
                       overdue=overdue)  # fmt: skip
    rows = list_followups(state().tracker(), f)
    emit(table_rows(rows, fmt), LIST_COLUMNS, fmt)
    if fmt == "table":
        late = sum(r.overdue for r in rows)
        click.echo(f"{counted(len(rows), 'follow-ups')}, {late} overdue", err=True)


@followups.command(
    "show",
    epilog="""\b
Examples:
  tracker followups show 12
  tracker followups show 12 --format json""",
)
@click.argument("followup_id", metavar="ID", type=Number())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def show(followup_id: int, fmt: str) -> None:
    """Show one follow-up with its resolution and its responses over time."""
    d = get_followup(state().tracker(), followup_id)
    r = d.row
    if fmt == "json":
        data = {
            **r.as_dict(),
            "resolution_text": d.resolution_text,
            "responses": [
                {
                    "at": x.recorded_at.isoformat(),
                    "by": x.recorded_by,
                    "status": x.status,
                    "text": x.text,
                }
                for x in d.responses
            ],
        }
        echo_json(data)
        return
    click.echo(f"Follow-up {r.id}: {r.text}")
    meeting = r.meeting_date.isoformat() if r.meeting_date else "undated meeting"
    lines = [
        ("committee", f"{r.committee_name} ({r.committee}), {meeting}"),
        ("resolution", f"{r.resolution}: {d.resolution_text}" if r.resolution else "-"),
        ("came from", r.came_from),
        ("owner", (r.owner or "unassigned") + (f" [{r.owner_code}]" if r.owner_code else "")),
        ("as minuted", r.owner_text or "-"),
        ("due", (r.due.isoformat() + (" (overdue)" if r.overdue else "")) if r.due else "-"),
        ("status", r.status + (f" on {r.closed_on.isoformat()}" if r.closed_on else "")),
        ("plan action", r.action or "-"),
        ("version", str(r.version)),
    ]
    for label, value in lines:
        click.echo(f"  {label:<12} {value}")
    click.echo("")
    if not d.responses:
        click.echo("No responses yet.")
    for x in d.responses:
        click.echo(f"  {x.recorded_at:%Y-%m-%d %H:%M}  {x.recorded_by}: {x.status}")
        if x.text:
            click.echo(f"      {x.text}")


def _clearable(value: str | None) -> str | None:
    return None if value is None or value.strip().lower() in ("", "none") else value


@followups.command(
    "update",
    epilog="""\b
Examples:
  tracker followups update 3 --owner assistant-director-early-help --due 2026-04-30
  tracker followups update 3 --owner "Head of Service" --due none      (role as free text)
  tracker followups update 3 --status "in progress" --response "Data requested from schools"
  tracker followups update 3 --action P1-03                             (link a plan action)
  tracker followups update 3 --due 2026-05-31 --expect-version 2        (refuse if changed)
--owner takes a person code, or a role or name as free text. "none" clears --due, --owner
and --action. Closing needs a response: see `tracker followups close`.""",
)
@click.argument("followup_id", metavar="ID", type=Number())
@click.option("--owner", help="Person code, or a role/name as free text ('none' to clear).")
@click.option("--due", help="Due date YYYY-MM-DD ('none' to clear).")
@click.option(
    "--status", type=click.Choice(FOLLOWUP_STATUSES, case_sensitive=False), help="New status."
)
@click.option("--response", help="A response: what has been done, or why.")
@click.option("--action", "action_ref", help="Link to a plan action by ref ('none' to unlink).")
@click.option("--text", help="Correct the follow-up's text.")
@click.option("--by", help="Who responds (default: user.name from tracker.toml).")
@click.option("--expect-version", type=Number(), help="Refuse unless still at this version.")
def update(
    followup_id: int, owner: str | None, due: str | None, status: str | None,
    response: str | None, action_ref: str | None, text: str | None, by: str | None,
    expect_version: int | None,
) -> None:  # fmt: skip
    """Change a follow-up's owner, due date, status or plan action, or add a response."""
    clean_due = _clearable(due)
    row = update_followup(
        state().tracker(), followup_id, status=status, response=response, text=text, by=by,
        expected_version=expect_version,
        owner=UNSET if owner is None else _clearable(owner),
        due=UNSET if due is None else None if clean_due is None else parse_date(clean_due, "--due"),
        action=UNSET if action_ref is None else _clearable(action_ref),
    )  # fmt: skip
    _echo_row(row)


def _echo_row(r: FollowUpRow) -> None:
    due = r.due.isoformat() if r.due else "no due date"
    if r.overdue:
        due += " (overdue)"
    closed = f" on {r.closed_on.isoformat()}" if r.closed_on else ""
    action = f"; plan action {r.action}" if r.action else ""
    click.echo(
        f"follow-up {r.id}: {r.status}{closed}; owner {r.owner or 'unassigned'}; {due}"
        f"{action} (version {r.version})"
    )


@followups.command(
    "close",
    epilog="""\b
Examples:
  tracker followups close 3 --response "Data sent to members on 12 March"
  tracker followups close 5 --dropped --response "Superseded by the Family Hub review"
A closed follow-up leaves the matters arising of the committee's next meeting.""",
)
@click.argument("followup_id", metavar="ID", type=Number())
@click.option("--response", required=True, help="What was done (or why it was dropped).")
@click.option("--dropped", is_flag=True, help="Close as dropped rather than done.")
@click.option("--by", help="Who responds (default: user.name from tracker.toml).")
@click.option("--expect-version", type=Number(), help="Refuse unless still at this version.")
def close(
    followup_id: int, response: str, dropped: bool, by: str | None, expect_version: int | None
) -> None:
    """Close a follow-up as done (or dropped), with the response that closes it."""
    row = close_followup(
        state().tracker(), followup_id, response, dropped=dropped, by=by,
        expected_version=expect_version,
    )  # fmt: skip
    _echo_row(row)


@followups.command(
    "arising",
    epilog="""\b
Examples:
  tracker followups arising --committee improving-lives-select-commission
  tracker followups arising --committee cabinet --meeting 2026-04-14
  tracker followups arising --committee cabinet --format json
Without --meeting: the committee's next meeting on or after today, else as of today.""",
)
@click.option("--committee", required=True, help="The committee (code or name).")
@click.option("--meeting", "meeting", help="The meeting's date, YYYY-MM-DD.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def arising(committee: str, meeting: str | None, fmt: str) -> None:
    """Matters arising at a meeting: follow-ups from earlier meetings still open, and those
    closed since the previous meeting."""
    day = parse_date(meeting, "--meeting") if meeting is not None else None
    m = matters_arising(state().tracker(), committee, day)
    if fmt != "table":
        rows = [{**r.as_dict(), "arising": "open"} for r in m.open] + [
            {**r.as_dict(), "arising": "closed since last meeting"} for r in m.closed_since
        ]
        emit(rows, ("arising", *LIST_COLUMNS, "last_response"), fmt)
        return
    held = f"meeting id {m.meeting_id}" if m.meeting_id else "no meeting recorded on that date"
    click.echo(f"Matters arising: {m.committee_name}, {m.date.isoformat()} ({held})")
    prev = m.previous_date.isoformat() if m.previous_date else "none recorded"
    click.echo(f"Previous meeting: {prev}")
    click.echo("")
    late = sum(r.overdue for r in m.open)
    click.echo(f"Still open from earlier meetings ({len(m.open)}, {late} overdue):")
    if m.open:
        columns: tuple[str, ...] = ("id", "meeting", "resolution", "owner", "due", "status", "text")
        click.echo(_indent(format_table(table_rows(m.open, "table"), columns)))
    else:
        click.echo("  none")
    click.echo("")
    click.echo(f"Closed since the previous meeting ({len(m.closed_since)}):")
    if m.closed_since:
        columns = ("id", "meeting", "owner", "status", "text", "last_response")
        click.echo(_indent(format_table(table_rows(m.closed_since, "table"), columns)))
    else:
        click.echo("  none")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
