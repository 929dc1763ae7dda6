"""`tracker returns status|send|import|chase`: the reporting cycle before a board meets."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from tracker.cli.common import TrackerGroup, echo_json, emit, state
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.returns.ledger import OwedAction, ReturnLedger
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
        f"{p.board_name}: returns for the meeting of {_day(p.meeting)} ({_in_days(p.days_to_meeting)}"
        + (", passed unrecorded: hold it late, or cancel it)" if p.passed else ")"),
        f"Reporting period {since}; returns due {_day(p.deadline)} ({_in_days(p.days_to_deadline)})",
    ]


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
            "implied_due": a.implied_due,
            "status": a.status,
            "rag": a.rag,
            "progress": a.progress,
            "last_update": a.last_update.date() if a.last_update else None,
        }
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
            },
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
                    "due": _due(a, today),
                    "last update": _day(a.last_update),
                }
                for a in o.owed
            ]
            from tracker.cli.common import format_table

            for line in format_table(rows, ["ref", "title", "due", "last update"], 50).splitlines():
                click.echo(f"    {line}")


@returns.command(
    "send",
    epilog="""\b
Examples:
  tracker returns send supporting-families-board
  tracker returns send supporting-families-board --by organisation --out returns/march
Writes one .xlsx per owner (or organisation) who owes a return, holding only their outstanding
actions: the sheet of `tracker actions export-sheet` (same columns, drop-downs and import), with a
Return sheet naming the board, the meeting and who returns it. Send them out, then bring them
back with `tracker returns import`. Nothing is e-mailed: see `tracker returns chase`.""",
)
@click.argument("board")
@click.option(
    "--by", "by", type=click.Choice(["owner", "organisation"]), default="owner",
    show_default=True, help="One sheet per owner, or per organisation.",
)  # fmt: skip
@click.option(
    "--out", "folder", type=click.Path(file_okay=False),
    help="Folder for the sheets (default: the papers output folder's returns/).",
)  # fmt: skip
def send(board: str, by: str, folder: str | None) -> None:
    """Write a return sheet for each owner who owes BOARD a return."""
    from tracker.services.returns.sheets import write_return_sheets

    result = write_return_sheets(state().tracker(), board, folder, by=by)
    for line in period_lines(result.period):
        click.echo(line)
    if not result.sheets:
        click.echo("Nobody owes a return: no sheet written.")
    for sheet in result.sheets:
        click.echo(f"  {sheet.file}  {sheet.reporter}: {_n(sheet.actions, 'action')}")
    if result.sheets:
        total = sum(x.actions for x in result.sheets)
        click.echo(
            f"wrote {_n(len(result.sheets), 'sheet')} ({_n(total, 'action')}) to {result.folder}"
        )
    if result.unassigned:
        click.echo(
            f"{_n(len(result.unassigned), 'action')} owing a return {'has' if len(result.unassigned) == 1 else 'have'} "
            f"no owner, so no sheet: {', '.join(result.unassigned)}",
            err=True,
        )


@returns.command(
    "import",
    epilog="""\b
Examples:
  tracker returns import supporting-families-board returns/*.xlsx
  tracker returns import supporting-families-board returns/ --dry-run
Each sheet's rows are recorded as status updates reported by the person (or organisation) the
sheet was sent to, as `tracker actions import-sheet` would: all or nothing per sheet (unless
--partial). A sheet for another board, or for an earlier meeting, is refused saying so; a sheet
already imported is not recorded again. Exit codes: 0 all recorded (or nothing to record);
2 a sheet refused or held back; 5 (--partial) some rows refused.""",
)
@click.argument("board")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--dry-run", is_flag=True, help="Check every sheet and report; store nothing.")
@click.option("--partial", is_flag=True, help="Record a sheet's valid rows even if others fail.")
@click.option("--quiet", is_flag=True, help="Show only refused rows.")
@click.pass_context
def import_cmd(
    ctx: click.Context, board: str, paths: tuple[str, ...], dry_run: bool, partial: bool,
    quiet: bool,
) -> None:  # fmt: skip
    """Record the returned sheets (files or folders) for BOARD's next meeting."""
    from tracker.cli.sheets import print_row
    from tracker.services.returns.receive import import_returns

    result = import_returns(state().tracker(), board, paths, dry_run=dry_run, partial=partial)
    for line in period_lines(result.period):
        click.echo(line)
    for f in result.files:
        who = f" ({f.reporter})" if f.reporter else ""
        if f.outcome == "recorded":
            n = f.result.count("recorded") if f.result else 0
            verb = "would record" if result.dry_run else "recorded"
            click.echo(f"{f.file}{who}: {verb} {_n(n, 'update')}")
        else:
            click.echo(f"{f.file}{who}: {f.outcome}" + (f": {f.reason}" if f.reason else ""))
        if f.result is not None:
            for r in f.result.rows:
                if quiet and r.outcome in ("recorded", "unchanged"):
                    continue
                if r.outcome == "unchanged" and r.reason == "nothing filled in":
                    continue
                print_row(r, f.result.stored)
    verb = "would be recorded" if result.dry_run else "recorded"
    total = sum(
        f.result.count("recorded") for f in result.files if f.outcome == "recorded" and f.result
    )
    still = " (as it stands)" if result.dry_run else ""
    click.echo(
        f"{_n(total, 'update')} {verb} from {_n(len(result.files), 'sheet')}; "
        f"{counted(result.outstanding, 'returns')} still outstanding{still}"
    )
    refused = result.count("refused") + result.count("held back")
    partly = any(f.result and f.result.stored and f.result.refused for f in result.files)
    ctx.exit(2 if refused else 5 if partly else 0)


@returns.command(
    "chase",
    epilog="""\b
Examples:
  tracker returns chase supporting-families-board            what would go (nothing is sent)
  tracker returns chase supporting-families-board --send     send them ([mail] in tracker.toml)
  tracker returns chase supporting-families-board --send --again   chase again this period
Each owner with returns outstanding gets a message from the chaser template
(board_reports/chaser.txt.j2; copy it into your papers.templates folder to change it) with their
actions, the deadline and their return sheet attached. Each is written as an .eml draft, which
Outlook and Thunderbird open ready to send. With --send and [mail] in tracker.toml they go by
SMTP, one message per owner; an owner chased already for this meeting is not chased again
unless --again. Exit codes: 0 done; 2 a message not sent (the reason is given).""",
)
@click.argument("board")
@click.option("--out", "folder", type=click.Path(file_okay=False),
              help="Folder for the drafts and sheets (default: the papers output folder's chasers/).")  # fmt: skip
@click.option("--send", is_flag=True, help="Send them by SMTP ([mail] in tracker.toml).")
@click.option("--again", is_flag=True, help="Also chase owners already chased for this meeting.")
@click.pass_context
def chase(ctx: click.Context, board: str, folder: str | None, send: bool, again: bool) -> None:
    """Chase each owner who owes BOARD a return: .eml drafts, sent only with --send."""
    from tracker.services.returns.chasers import draft_chasers, record_chasers_sent
    from tracker.services.returns.mail import deliver

    t = state().tracker()
    mail = t.settings.mail
    if send and mail is None:
        click.echo(
            "no [mail] section in tracker.toml (host, sender): nothing can be sent. Add one, "
            "or open the drafts in Outlook or Thunderbird and send them from there.",
            err=True,
        )
        ctx.exit(2)
    chasers = draft_chasers(t, board, folder, again=again)
    for line in period_lines(chasers.period):
        click.echo(line)
    if not chasers.drafts:
        click.echo("Nobody owes a return: nobody to chase.")
        return
    click.echo(
        f"{_n(len(chasers.drafts), 'chaser')} from {chasers.template}, drafts in {chasers.folder}:"
    )
    for d in chasers.drafts:
        to = f" <{d.to}>" if d.to else ""
        state_ = ("would send" if not send else "sending") if d.goes else f"not sent: {d.why_not}"
        click.echo(
            f"  {d.name}{to}: {_n(len(d.actions), 'action')} ({', '.join(d.actions)}); {state_}"
        )
        click.echo(f"      {d.draft}")
    if not send:
        going = len(chasers.outgoing)
        click.echo(
            f"Dry run: nothing sent. {_n(going, 'message')} would go with --send"
            + ("" if mail else " (and [mail] in tracker.toml)")
            + "."
        )
        return
    assert mail is not None
    if not chasers.outgoing:
        click.echo("Nothing to send.")
        return
    delivery = deliver(mail, chasers.outgoing)
    counts = {d.owner: len(d.actions) for d in chasers.drafts}
    record_chasers_sent(t, board, chasers.period.meeting, delivery.sent, counts)
    for x in delivery.sent:
        click.echo(f"sent to {x.to} ({x.owner})")
    for n in delivery.not_sent:
        click.echo(f"NOT sent to {n.to or n.owner}: {n.reason}", err=True)
    click.echo(
        f"{_n(len(delivery.sent), 'chaser')} sent and logged; {len(delivery.not_sent)} not sent"
    )
    if delivery.error:
        click.echo(f"error: {delivery.error}", err=True)
    ctx.exit(2 if delivery.not_sent else 0)


def _due(a: OwedAction, today: dt.date) -> str:
    """'31 Mar 2026 (overdue)'; without a date of its own, its phase's end: 'by 31 Mar 2025'."""
    if a.due_or_implied is None:
        return "-"
    late = " (overdue)" if a.overdue(today) else ""
    return ("" if a.due else "by ") + _day(a.due_or_implied) + late
