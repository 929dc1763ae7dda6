"""`tracker meetings list|add|add-series|agenda|waiting|hold|record|show|review|cancel`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from tracker.cli import meeting_records
from tracker.cli.common import Number, TrackerGroup, date_type, emit, state
from tracker.errors import invalid
from tracker.services.governance.escalations import DECISIONS, Decision
from tracker.services.governance.holding import hold_meeting, record_meeting, review_at_meeting
from tracker.services.governance.meetings import (
    cancel_meeting,
    list_meetings,
    meeting_agenda,
    schedule_meeting,
    schedule_series,
)
from tracker.services.governance.reviews import ReviewedUpdate, Verdict
from tracker.services.governance.series import EVERY_HELP, series_plan
from tracker.services.governance.trail import waiting_updates
from tracker.vocabulary import counted

FORMATS = click.Choice(["table", "csv", "json"])


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "date to be confirmed"


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


@click.group(cls=TrackerGroup)
def meetings() -> None:
    """Board meetings: schedule them, see the agenda, hold them (the secretary's verdicts)."""


@meetings.command(
    "list",
    epilog="""\b
Examples:
  tracker meetings list
  tracker meetings list --board lpb-north
  tracker meetings list --from 2026-01-01 --to 2026-12-31 --format csv""",
)
@click.option("--board", help="Only this board's meetings (code or name).")
@click.option("--from", "date_from", type=date_type(), help="On or after DATE.")
@click.option("--to", "date_to", type=date_type(), help="On or before DATE.")
@click.option(
    "--status", type=click.Choice(["scheduled", "held", "cancelled"], case_sensitive=False)
)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def list_cmd(
    board: str | None, date_from: dt.datetime | None, date_to: dt.datetime | None,
    status: str | None, fmt: str,
) -> None:  # fmt: skip
    """List meetings by date; 'next' marks each board's next scheduled meeting."""
    t = state().tracker()
    views = list_meetings(
        t, board, date_from=_date(date_from), date_to=_date(date_to), status=status
    )
    today = t.today()
    rows = []
    for m in views:
        row = m.as_dict()
        row["board"] = m.board_name if fmt == "table" else m.board
        if fmt == "table":  # beside the board and the date a title saying only those is no news
            row["title"] = m.own_title
        passed = m.status == "scheduled" and m.date is not None and m.date < today
        mark = "next, passed unrecorded" if m.is_next and passed else "next" if m.is_next else ""
        mark = mark or ("passed unrecorded" if passed else "")
        row["status"] = m.status + (f" ({mark})" if mark and fmt == "table" else "")
        row["attendees"] = len(m.attendees) if fmt == "table" else "; ".join(m.attendees)
        rows.append(row)
    emit(rows, ("date", "board", "title", "status", "attendees"), fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'meetings')}", err=True)


@meetings.command(
    "add",
    epilog="""\b
Examples:
  tracker meetings add lpb-north 2026-05-12
  tracker meetings add supporting-families-board 2026-03-24 --title "March meeting"
A meeting in the past cannot be scheduled; a board meets at most once a day.""",
)
@click.argument("board")
@click.argument("date", type=date_type())
@click.option("--title", help="The meeting's title.")
@meeting_records.place_options
def add(board: str, date: dt.datetime, title: str | None, time_range: str | None,
        venue: str | None, online_link: str | None) -> None:  # fmt: skip
    """Schedule one meeting of a board."""
    details = meeting_records.build_details(time_range, venue, online_link)
    m = schedule_meeting(state().tracker(), board, date.date(), title=title, details=details)
    click.echo(f"scheduled: {m.board_name}, {_day(m.date)}" + (f" {m.when}" if m.when else "")
               + (f" ({m.own_title})" if m.own_title else ""))  # fmt: skip


@meetings.command(
    "add-series",
    epilog="""\b
Examples:
  tracker meetings add-series lpb-north --from 2026-03-02 --until 2027-03-01 \\
      --every "second Tuesday of Jan, Apr, Sep" --time 14:00-16:00 --venue "North Hub"
  tracker meetings add-series children-first-board --from 2026-04-01 \\
      --every "every 6 weeks on Wednesday" --count 8 --online https://teams.example/cfb
  tracker meetings add-series supporting-families-board --from 2026-03-24 --every monthly --count 12
monthly and termly keep the first date's weekday (its second Tuesday, say); termly is every four
months, never in August. A date on a weekend or an England-and-Wales bank holiday moves to the
next working day. A clash with an existing meeting refuses the whole series.""",
)
@click.argument("board")
@click.option("--from", "start", type=date_type(), required=True, help="The first date.")
@click.option("--every", required=True, help=EVERY_HELP)
@click.option("--count", type=Number(allowed="1 to 60"), help="How many meetings.")
@click.option("--until", type=date_type(), help="Up to this date (instead of --count).")
@click.option("--title", help="Title for each meeting.")
@meeting_records.place_options
def add_series(board: str, start: dt.datetime, every: str, count: int | None,
               until: dt.datetime | None, title: str | None, time_range: str | None,
               venue: str | None, online_link: str | None) -> None:  # fmt: skip
    """Schedule a series of meetings by a rule ("second Tuesday of Jan, Apr, Sep")."""
    details = meeting_records.build_details(time_range, venue, online_link)
    last = until.date() if until else None
    plan = {d.date: d for d in series_plan(start.date(), every, count, last)}
    views = schedule_series(state().tracker(), board, start.date(), every, count, until=last,
                            title=title, details=details)  # fmt: skip
    click.echo(f"scheduled {counted(len(views), 'meetings')} of {views[0].board_name}:")
    for m in views:
        moved = plan.get(m.date) if m.date else None
        note = (f"  (moved from {_day(moved.moved_from)}: {moved.reason})"
                if moved and moved.moved_from else "")  # fmt: skip
        click.echo(f"  {m.date.isoformat() if m.date else '-'}  {m.date:%a} {_day(m.date)}"
                   f"{' ' + m.when if m.when else ''}{note}")  # fmt: skip


@meetings.command(
    "agenda",
    epilog="""\b
Examples:
  tracker meetings agenda supporting-families-board          the next meeting
  tracker meetings agenda lpb-north 2026-02-10                a given meeting""",
)
@click.argument("board")
@click.argument("date", type=date_type(), required=False)
def agenda(board: str, date: dt.datetime | None) -> None:
    """A meeting's agenda. The next meeting's lists what waits for it: updates for noting,
    child boards' reported positions and open escalations (until decided)."""
    m = meeting_agenda(state().tracker(), board, _date(date))
    click.echo(f"{m.board_name}, {_day(m.date)}" + (f" ({m.own_title})" if m.own_title else "")
               + f": {m.status}" + (", the next meeting" if m.is_next else ""))  # fmt: skip
    if m.attendees:
        click.echo(f"  attendees: {', '.join(m.attendees)}")
    if not m.agenda:
        click.echo("  no agenda items")
    for i, item in enumerate(m.agenda, 1):
        click.echo(f"  {i}. {item.title}")
        if item.notes:
            click.echo(f"     {item.notes}")


@meetings.command(
    "waiting",
    epilog="""\b
Examples:
  tracker meetings waiting lpb-north
  tracker meetings waiting lpb-north --until 2026-02-10 --format json""",
)
@click.argument("board")
@click.option("--until", type=date_type(), help="Only updates recorded on or before DATE.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def waiting(board: str, until: dt.datetime | None, fmt: str) -> None:
    """Status updates waiting for the board's next meeting (no verdict from it yet)."""
    rows = []
    for u in waiting_updates(state().tracker(), board, until=_date(until)):
        row = u.as_dict()
        if fmt == "table":
            row["recorded_at"] = u.recorded_at.strftime("%Y-%m-%d %H:%M")
            row["progress"] = f"{u.progress}%"
            if u.challenged_before:
                row["commentary"] = (
                    f"{u.commentary or ''} [resubmitted; challenged: {u.challenged_before}]"
                )
        rows.append(row)
    emit(rows, ("id", "ref", "recorded_at", "by", "status", "rag", "progress", "commentary"), fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'updates')} waiting", err=True)


def _verdicts(note: tuple[str, ...], challenge: tuple[str, ...]) -> list[Verdict]:
    out = [Verdict(ref.strip(), "noted") for ref in note]
    for item in challenge:
        ref, sep, comment = item.partition(":")
        if not sep or not comment.strip():
            raise invalid("challenge", f"{item!r}: give REF:COMMENT", "e.g. P1-03:'Add dates'")
        out.append(Verdict(ref.strip(), "challenged", comment.strip()))
    return out


def _summary(reviewed: tuple[ReviewedUpdate, ...]) -> None:
    for outcome in ("noted", "challenged"):
        items = [r for r in reviewed if r.outcome == outcome]
        if not items:
            continue
        counts: dict[str, list[ReviewedUpdate]] = {}
        for r in items:
            counts.setdefault(r.ref, []).append(r)
        parts = []
        for ref, rs in counts.items():
            text = ref + (f" ({len(rs)} updates)" if len(rs) > 1 else "")
            if outcome == "challenged" and rs[0].comment:
                text += f": {rs[0].comment}"
            parts.append(text)
        click.echo(f"  {outcome}: " + "; ".join(parts))


def _decisions(decide: tuple[str, ...]) -> list[Decision]:
    out = []
    for item in decide:
        number, _, rest = item.partition(":")
        decision, _, note = rest.partition(":")
        if not number.strip().lstrip("#").isdigit() or decision.strip() not in DECISIONS:
            raise invalid(
                "decision",
                f"{item!r}: give ID:DECISION[:NOTE]",
                f"e.g. 3:accept:'Fund the post'; decisions: {', '.join(DECISIONS)}",
            )
        out.append(Decision(int(number.strip().lstrip("#")), decision.strip(),
                            note.strip() or None))  # fmt: skip
    return out


@meetings.command(
    "hold",
    epilog="""\b
Examples:
  tracker meetings hold lpb-north 2026-02-10 --attendee "Jo Bell (Chair)" --attendee "Sam Lee" \\
      --agenda "Local action plan" --note N-01 --note N-02 --challenge "N-04:Add milestone dates"
  tracker meetings hold supporting-families-board 2026-02-24 --note-all --time 10:00-12:00 \\
      --decision "That the plan be approved" --action "Clerk: circulate the plan by 2026-03-03"
  tracker meetings hold lpb-north 2026-02-10 --held-on 2026-02-12 --note-all
      the meeting scheduled for 10 Feb took place on 12 Feb
  tracker meetings hold lpb-north --held-on 2025-11-04 --note-all
      a past meeting never scheduled (as `tracker meetings record`)
Updates not mentioned stay waiting for the next meeting; --note-all notes every waiting update
not challenged. Updates noted by child boards since are reported at this meeting. A challenged
update stays challenged until the owner answers it (`tracker challenges answer`); the answer
waits for the next meeting.""",
)
@click.argument("board")
@click.argument("date", type=date_type(), required=False)
@click.option("--held-on", type=date_type(), help="The day it actually took place (past).")
@click.option("--attendee", "attendees", multiple=True, help="Who attended (repeat).")
@click.option("--agenda", "agenda_items", multiple=True, help="An agenda item (repeat).")
@click.option("--note", multiple=True, metavar="REF", help="Note REF's waiting updates (repeat).")
@click.option("--challenge", multiple=True, metavar="REF:COMMENT",
              help="Challenge REF's waiting updates, saying what to resubmit (repeat).")  # fmt: skip
@click.option("--note-all", is_flag=True, help="Note every waiting update not challenged.")
@click.option("--decide", multiple=True, metavar="ID:DECISION[:NOTE]",
              help="Decide escalation ID: accept, refer back or escalate (repeat).")  # fmt: skip
@meeting_records.minuting_options
def hold(
    board: str, date: dt.datetime | None, held_on: dt.datetime | None,
    attendees: tuple[str, ...], agenda_items: tuple[str, ...], note: tuple[str, ...],
    challenge: tuple[str, ...], note_all: bool, decide: tuple[str, ...], **minuting: Any,
) -> None:  # fmt: skip
    """Record that a scheduled meeting was held, with the secretary's verdict on the updates
    waiting for it (and what else was minuted)."""
    if date is None and held_on is None:
        raise invalid("date", "give the meeting's DATE (or --held-on for a past meeting)")
    minuted = meeting_records.build_minuted(**minuting)
    t = state().tracker()
    if held_on is not None:
        result = record_meeting(
            t, board, held_on.date(), scheduled_on=date.date() if date else None,
            attendees=attendees, agenda=agenda_items, verdicts=_verdicts(note, challenge),
            note_all=note_all, decisions=_decisions(decide), minuted=minuted,
        )  # fmt: skip
    else:
        assert date is not None
        result = hold_meeting(
            t, board, date.date(), attendees=attendees, agenda=agenda_items,
            verdicts=_verdicts(note, challenge), note_all=note_all,
            decisions=_decisions(decide), minuted=minuted,
        )  # fmt: skip
    meeting_records.print_held(result, _summary)


@meetings.command(
    "review",
    epilog="""\b
Examples:
  tracker meetings review lpb-north 2026-02-10 --note N-03
  tracker meetings review lpb-north 2026-02-10 --challenge "N-02:Give the recovery plan"
Only at a meeting already held.""",
)
@click.argument("board")
@click.argument("date", type=date_type())
@click.option("--note", multiple=True, metavar="REF", help="Note REF's waiting updates (repeat).")
@click.option("--challenge", multiple=True, metavar="REF:COMMENT",
              help="Challenge REF's waiting updates (repeat).")  # fmt: skip
@click.option("--note-all", is_flag=True, help="Note every waiting update not challenged.")
def review(
    board: str, date: dt.datetime, note: tuple[str, ...], challenge: tuple[str, ...],
    note_all: bool,
) -> None:  # fmt: skip
    """Record more verdicts at a meeting already held."""
    reviewed = review_at_meeting(
        state().tracker(), board, date.date(), _verdicts(note, challenge), note_all=note_all
    )
    click.echo(
        f"recorded {counted(len(reviewed), 'verdicts')} at the meeting of {_day(date.date())}:"
    )
    _summary(reviewed)


@meetings.command(
    "cancel",
    epilog="""\b
Examples:
  tracker meetings cancel lpb-north 2026-05-12""",
)
@click.argument("board")
@click.argument("date", type=date_type())
def cancel(board: str, date: dt.datetime) -> None:
    """Cancel a scheduled meeting; what waited for it waits for the next one."""
    m = cancel_meeting(state().tracker(), board, date.date())
    click.echo(f"cancelled: {m.board_name}, {_day(m.date)}")


meeting_records.register(meetings, _verdicts, _summary, _decisions)
