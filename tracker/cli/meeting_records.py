"""`tracker meetings record|show` and the options that minute a meeting (time, place, chair,
apologies, decisions, actions arising), shared with `meetings hold`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from tracker.cli.common import date_type, echo_json, state
from tracker.services.governance.holding import HoldResult, Minuted, record_meeting
from tracker.services.governance.meeting_record import MeetingRecord, meeting_record
from tracker.services.governance.minuted import (
    ACTION_HELP,
    MeetingDetails,
    parse_action,
    parse_time_range,
)
from tracker.vocabulary import FOLLOWUP_SOURCE_WORDS, counted


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "date to be confirmed"


def place_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--time, --venue, --online: for scheduling."""
    options = [
        click.option("--time", "time_range", metavar="HH:MM[-HH:MM]",
                     help="When it starts (and ends), London time."),
        click.option("--venue", help="Where it is held."),
        click.option("--online", "online_link", metavar="URL", help="The online meeting link."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def build_details(
    time_range: str | None, venue: str | None, online_link: str | None
) -> MeetingDetails:
    starts, ends = parse_time_range(time_range)
    return MeetingDetails(starts=starts, ends=ends, location=venue, online_link=online_link)


def minuting_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options that minute a meeting, for `hold` and `record`."""
    options = [
        click.option("--time", "time_range", metavar="HH:MM[-HH:MM]",
                     help="When it started (and ended), London time."),
        click.option("--venue", help="Where it was held."),
        click.option("--online", "online_link", metavar="URL", help="The online meeting link."),
        click.option("--chair", help="Who chaired it."),
        click.option("--apologies", multiple=True, help="Who sent apologies (repeat)."),
        click.option("--decision", "decision_texts", multiple=True,
                     help="A decision as minuted, 'That ...' (repeat; numbered 1, 2, ...)."),
        click.option("--action", "action_texts", multiple=True, metavar="OWNER: TASK",
                     help=f"An action arising (repeat): {ACTION_HELP}."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def build_minuted(
    time_range: str | None, venue: str | None, online_link: str | None, chair: str | None,
    apologies: tuple[str, ...], decision_texts: tuple[str, ...], action_texts: tuple[str, ...],
    title: str | None = None,
) -> Minuted:  # fmt: skip
    starts, ends = parse_time_range(time_range)
    return Minuted(
        details=MeetingDetails(starts=starts, ends=ends, location=venue,
                               online_link=online_link, chair=chair),
        apologies=apologies, decisions=decision_texts,
        actions=tuple(parse_action(a) for a in action_texts), title=title,
    )  # fmt: skip


def print_held(result: HoldResult, summary: Callable[[Any], None]) -> None:
    m = result.meeting
    click.echo(f"held: {m.board_name}, {_day(m.date)}" + (f" {m.when}" if m.when else "")
               + (f" ({m.own_title})" if m.own_title else ""))  # fmt: skip
    if m.attendees:
        click.echo(f"  attendees: {', '.join(m.attendees)}")
    if m.apologies:
        click.echo(f"  apologies: {', '.join(m.apologies)}")
    summary(result.reviewed)
    if result.reported:
        by_child: dict[str, int] = {}
        for r in result.reported:
            by_child[r.child or "-"] = by_child.get(r.child or "-", 0) + 1
        parts = ", ".join(f"{c} {n}" for c, n in by_child.items())
        click.echo(f"  reported from child boards: {_n(len(result.reported), 'update')} ({parts})")
    for e in result.decided:
        click.echo(f"  escalation #{e.id} ({e.ref}): {e.status}")
    if result.decisions or result.actions:
        click.echo(
            f"  minuted: {_n(result.decisions, 'decision')}, {_n(result.actions, 'action')} arising"
        )
    click.echo(f"  still waiting for the next meeting: {_n(result.still_waiting, 'update')}")


def register(meetings: click.Group, verdicts: Callable[..., Any], summary: Callable[..., Any],
             decide: Callable[[tuple[str, ...]], Any]) -> None:  # fmt: skip
    """Add `record` and `show` to the meetings group."""

    @meetings.command(
        "record",
        epilog="""\b
Examples:
  tracker meetings record supporting-families-board 2025-11-12 --time 10:00-12:00 \\
      --venue "Civic Centre, Room 2" --chair "Cllr Jo Bell" --attendee "Sam Lee" \\
      --apologies "Ann Kay" --note-all --challenge "P1-03:Give the milestone dates" \\
      --decision "That the refreshed delivery plan be approved" \\
      --action "Head of Early Help: write to schools by 2025-12-12 (decision 1)"
  tracker meetings record lpb-north 2026-01-20 --scheduled 2026-01-13 --note-all
A meeting in the future cannot be recorded. The board's meeting scheduled that day is held;
with none, one is created. Updates recorded by its date wait for it, later ones for the next
meeting; what a later meeting already decided cannot be changed.""",
    )
    @click.argument("board")
    @click.argument("date", type=date_type())
    @click.option("--scheduled", type=date_type(),
                  help="The scheduled meeting that took place on DATE instead.")  # fmt: skip
    @click.option("--title", help="The meeting's title (a new meeting).")
    @click.option("--attendee", "attendees", multiple=True, help="Who attended (repeat).")
    @click.option("--agenda", "agenda_items", multiple=True, help="An agenda item (repeat).")
    @click.option("--note", multiple=True, metavar="REF", help="Note REF's updates (repeat).")
    @click.option("--challenge", multiple=True, metavar="REF:COMMENT",
                  help="Challenge REF's updates (repeat).")  # fmt: skip
    @click.option("--note-all", is_flag=True, help="Note every waiting update not challenged.")
    @click.option("--decide", multiple=True, metavar="ID:DECISION[:NOTE]",
                  help="Decide escalation ID: accept, refer back or escalate (repeat).")  # fmt: skip
    @minuting_options
    def record(
        board: str, date: dt.datetime, scheduled: dt.datetime | None, title: str | None,
        attendees: tuple[str, ...], agenda_items: tuple[str, ...], note: tuple[str, ...],
        challenge: tuple[str, ...], note_all: bool, decide: tuple[str, ...], **minuting: Any,
    ) -> None:  # fmt: skip
        """Record a meeting that has taken place (today or any past date) in one step."""
        result = record_meeting(
            state().tracker(), board, date.date(),
            scheduled_on=scheduled.date() if scheduled else None, attendees=attendees,
            agenda=agenda_items, verdicts=verdicts(note, challenge), note_all=note_all,
            decisions=decide_list(decide), minuted=build_minuted(**minuting, title=title),
        )  # fmt: skip
        print_held(result, summary)

    decide_list = decide

    @meetings.command(
        "show",
        epilog="""\b
Examples:
  tracker meetings show supporting-families-board 2026-02-10
  tracker meetings show lpb-north 2026-02-10 --format json""",
    )
    @click.argument("board")
    @click.argument("date", type=date_type())
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                  show_default=True)  # fmt: skip
    def show(board: str, date: dt.datetime, fmt: str) -> None:
        """A meeting's record: attendance, verdicts, escalations, decisions, actions arising."""
        rec = meeting_record(state().tracker(), board, date.date())
        if fmt == "json":
            echo_json(rec.as_dict(), default=str)
            return
        print_record(rec)


def print_record(rec: MeetingRecord) -> None:
    m = rec.meeting
    click.echo(f"{m.board_name}, {_day(m.date)}" + (f" {m.when}" if m.when else "")
               + (f" ({m.own_title})" if m.own_title else "") + f": {m.status}")  # fmt: skip
    for label, value in (("venue", m.location), ("online", m.online_link), ("chair", m.chair),
                         ("present", ", ".join(m.attendees)),
                         ("apologies", ", ".join(m.apologies))):  # fmt: skip
        if value:
            click.echo(f"  {label}: {value}")
    click.echo(f"Updates ({len(rec.verdicts)}):")
    for v in rec.verdicts:
        extra = f': "{v.comment}"' if v.comment else ""
        answered = " (answered)" if v.answered else ""
        click.echo(f"  {v.ref} update of {_day(v.recorded_at.date())}, {v.status}, "
                   f"{v.rag or 'no RAG'}, {v.progress}%: {v.outcome}{extra}{answered}")  # fmt: skip
    if rec.reported:
        click.echo(f"Reported from child boards: {counted(len(rec.reported), 'updates')}")
    click.echo(f"Escalations received ({len(rec.escalations)}):")
    for e in rec.escalations:
        decided = f"{e.status} {_day(e.decided_on)}" if e.status != "open" else "open"
        note = f": {e.decision_note}" if e.decision_note else ""
        click.echo(f"  #{e.id} {e.ref} from {e.from_board_name}: {decided}{note}")
    click.echo(f"Decisions ({len(rec.decisions)}):")
    for d in rec.decisions:
        click.echo(f"  {d.number}. {d.text}")
    click.echo(f"Actions arising ({len(rec.actions)}):")
    for a in rec.actions:
        source = f" (decision {a.decision})" if a.decision else ""
        source += f" (escalation #{a.escalation_id})" if a.escalation_id else ""
        source = source or f" ({FOLLOWUP_SOURCE_WORDS.get(a.source, a.source)})"
        due = f" by {_day(a.due)}" if a.due else ""
        click.echo(f"  [{a.id}] {a.owner or 'unassigned'} to {a.text}{due}{source}: {a.status}")
    click.echo(f"Papers issued ({len(rec.papers)}):")
    for p in rec.papers:
        click.echo(
            f"  #{p.id} {p.template} ({p.format}) version {p.version}, issued "
            f"{_day(p.issued_at.date())} by {p.issued_by}: tracker paper show {p.id}"
        )
