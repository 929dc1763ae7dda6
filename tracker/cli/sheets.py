"""`tracker actions export-sheet|import-sheet`: the spreadsheet round trip with owners.

Attached to the `actions` group at the end of tracker/cli/actions.py. openpyxl is imported by the
services only when a sheet is read or written, so `tracker actions list` does not load it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import click

from tracker.cli.common import TrackerCommand, state
from tracker.cli.register_filters import action_filter, filter_options
from tracker.services import sheets as service
from tracker.services.sheets import ImportResult, RowResult
from tracker.text import visible
from tracker.vocabulary import counted

STATUS_CHOICES = ("not started", "in progress", "complete", "cancelled")
RAG_CHOICES = ("green", "amber", "red", "none")


@click.command(
    "export-sheet",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions export-sheet return.xlsx
  tracker actions export-sheet sfb.xlsx --board supporting-families-board
  tracker actions export-sheet late.csv --overdue
  tracker actions export-sheet partners.ods                 for LibreOffice
  tracker actions export-sheet kw.xlsx --owner "Kelly White" --status "in progress"
The sheet lists each action (ref, title, phase, board, owner, due, current status, RAG, %,
latest commentary) with blank columns for the owner: New status, New RAG, New % complete,
Commentary. The Version column (hidden in .xlsx and .ods, last in .csv) lets the import notice
actions changed since the export: leave it as it is. A workbook is protected without a password:
only the fill-in columns can be edited.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@filter_options
@click.option(
    "--encoding", type=click.Choice(["utf-8-bom", "utf-8", "windows-1252", "utf-16"]),
    default="utf-8-bom", show_default=True,
    help="A CSV's encoding: UTF-8 with a byte-order mark opens correctly in Excel.",
)  # fmt: skip
def export_sheet(
    file: str, phase: int | None, stage: int | None, board: str | None, owner: str | None,
    status: str | None, rag: str | None, overdue: bool, due_before: dt.datetime | None,
    search: str | None, encoding: str,
) -> None:  # fmt: skip
    """Write the register to FILE.xlsx, FILE.ods or FILE.csv for owners to fill in."""
    f = action_filter(phase, stage, board, owner, status, rag, overdue, due_before, search)
    from tracker.cli.progress import progress_bar

    with _stopped_cleanly(), progress_bar(f"exporting {Path(file).name}") as progress:
        result = service.export_sheet(
            state().tracker(), file, f, encoding=encoding, progress=progress
        )
    noun = "action" if result.rows == 1 else "actions"
    click.echo(f"wrote {result.rows} {noun} to {result.file}")
    if not result.rows:
        click.echo("no action matches these filters: the sheet has only its header", err=True)


@contextlib.contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """A `kill` (SIGTERM) during the write stops it like Ctrl-C does: the half-written temporary
    file is removed and the previous sheet is left as it was."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _letter(index: int | None) -> str:
    if index is None:
        return "?"
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _position(r: RowResult) -> str:
    rag = r.rag or "RAG not assessed"
    text = f"{r.status}, {rag}, {r.progress}%"
    return text + (" + commentary" if r.commentary else "")


def print_row(r: RowResult, stored: bool) -> None:
    head = f"row {r.row:<5} {r.ref or '-':<10}"
    if r.outcome == "recorded":
        verb = "recorded" if stored else "would record"
        extra = f" ({r.reason})" if r.reason else ""
        click.echo(f"{head} {verb:<12} {_position(r)}{extra}")
        for note in r.notes:
            click.echo(f"{'':<17} note: {_cut(note, 200)}")
    elif r.outcome == "unchanged":
        click.echo(f"{head} {'unchanged':<12} {r.reason}")
        for note in r.notes:
            click.echo(f"{'':<17} note: {_cut(note, 200)}")
    elif r.outcome == "invalid":
        click.echo(f"{head} {'invalid':<12} {r.reason}")
        for p in r.problems:
            allowed = f" (allowed: {p.allowed})" if p.allowed else ""
            click.echo(f"{'':<17} {p.field} (column {_letter(p.column)}): {p.message}{allowed}")
    else:
        click.echo(f"{head} {'conflict':<12} {r.reason}")
        click.echo(f"{'':<17} {'':<16} {'in the sheet':<30} now")
        for name, sheet, now in r.compare:
            click.echo(f"{'':<17} {name:<16} {_cut(sheet):<30} {_cut(now, 60)}")


def _cut(text: str, width: int = 30) -> str:
    text = " ".join(visible(text).split())  # stored text: no control character reaches the terminal
    return text if len(text) <= width else text[: width - 1] + "…"


def _summary(result: ImportResult) -> str:
    counts = {o: result.count(o) for o in ("recorded", "unchanged", "invalid", "conflict")}
    parts = [
        f"{counts['unchanged']} unchanged",
        f"{counts['invalid']} invalid",
        f"{counts['conflict']} conflicting",
    ]
    rest = ", ".join(parts)
    if result.dry_run:
        if result.refused and counts["recorded"] and not result.partial:
            return (
                f"dry run, nothing was stored: {counts['recorded']} valid, but as it stands "
                f"nothing would be recorded (all or nothing: fix the other rows, or use "
                f"--partial); {rest}"
            )
        return f"dry run, nothing was stored: {counts['recorded']} would be recorded; {rest}"
    if result.blocked:
        return (
            f"nothing was stored: fix the invalid and conflicting rows first (or import with "
            f"--partial to record the valid ones); {counts['recorded']} valid; {rest}"
        )
    if result.stored:
        noun = "status update" if counts["recorded"] == 1 else "status updates"
        some = " (the other rows were refused)" if result.refused else ""
        return f"recorded {counts['recorded']} {noun} in one transaction{some}; {rest}"
    return f"nothing to record; {rest}"


@click.command(
    "import-sheet",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions import-sheet return.xlsx --dry-run        check it, store nothing
  tracker actions import-sheet return.xlsx --by "K White"   record it (as reported by K White)
  tracker actions import-sheet return.csv --partial         record the valid rows, refuse the rest
  tracker actions import-sheet return.xlsx --force          also rows whose action changed since
Each row is reported: recorded, unchanged (nothing filled in, or the same as now), invalid
(row, column, why, what is allowed) or conflict (the action changed since the export: the
sheet's values and the current ones side by side; not applied unless --force). Rows follow the
rules of `tracker actions update`: commentary is required for amber or red, past the due date,
and when cancelling. Cells may be as Excel leaves them: 'Amber', 'A', 'In Progress', 40%, 0.4;
formulas are not read (type the value) and control characters other than tabs and line breaks
are refused. All or nothing: one invalid or conflicting row and nothing is stored.
Exit codes: 0 every filled-in row recorded (or unchanged); 2 a row or the file is invalid,
nothing stored; 3 a row conflicts (and --force was not given), nothing stored; 5 (--partial)
some rows recorded, some refused.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check every row and report; store nothing.")
@click.option(
    "--partial",
    is_flag=True,
    help="Record the valid rows even if others are invalid or conflicting (exit 5).",
)
@click.option("--all-or-nothing", is_flag=True, hidden=True,
              help="The default: store nothing if any row is invalid or conflicting.")  # fmt: skip
@click.option("--force", is_flag=True,
              help="Record rows whose action changed since the export, too.")  # fmt: skip
@click.option("--by", help="Who reported these updates (default: user.name from tracker.toml).")
@click.option("--quiet", is_flag=True, help="Show only invalid and conflicting rows.")
@click.pass_context
def import_sheet(
    ctx: click.Context, file: str, dry_run: bool, partial: bool, all_or_nothing: bool,
    force: bool, by: str | None, quiet: bool,
) -> None:  # fmt: skip
    """Record the filled-in rows of a sheet as status updates, in one transaction."""
    if partial and all_or_nothing:
        raise click.UsageError("--partial and --all-or-nothing contradict each other")
    from tracker.cli.progress import progress_bar

    t = state().tracker()
    with progress_bar(f"importing {Path(file).name}") as progress:
        result = service.import_sheet(
            t, file, dry_run=dry_run, partial=partial, force=force, by=by, progress=progress
        )
    encoding = f", {result.encoding}" if result.encoding else ""
    click.echo(f"{result.file} ({result.kind}{encoding}): {counted(len(result.rows), 'rows')}")
    for r in result.rows:
        if quiet and r.outcome in ("recorded", "unchanged"):
            continue
        print_row(r, result.stored)
    click.echo(_summary(result))
    if result.count("conflict") and not force:
        click.echo(
            "conflicting rows were not applied: check them, then export a fresh sheet or "
            "import again with --force",
            err=True,
        )
    ctx.exit(_exit_code(result))


PARTLY_RECORDED = 5


def _exit_code(result: ImportResult) -> int:
    """0 all recorded (or unchanged); 2 invalid or 3 conflicting rows and nothing was stored;
    5 some rows recorded, some refused (only with --partial)."""
    if result.stored and result.refused:
        return PARTLY_RECORDED
    if result.count("invalid"):
        return 2
    return 3 if result.count("conflict") else 0
