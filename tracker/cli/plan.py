"""`tracker plan validate|import|export`: plan files (YAML, format in plans/README.md)."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import (
    TrackerGroup,
    echo_data,
    exit_code,
    format_table,
    show_conflict,
    state,
)
from tracker.errors import Conflict, InvalidInput
from tracker.plans import read_ahead
from tracker.text import visible
from tracker.vocabulary import counted

FILE = click.Path(dir_okay=False, path_type=Path)


def _refused(exc: InvalidInput, file: Path, what: str) -> None:
    """Every problem on its own line as FILE:LINE:COL: field: message (allowed: ...)."""
    count = len(exc.problems)
    noun = "problem" if count == 1 else "problems"
    click.echo(f"error: {file}: {what} ({count} {noun}):", err=True)
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    click.get_current_context().exit(exit_code(exc))


@click.group(
    cls=TrackerGroup,
    epilog="""\b
Examples:
  tracker plan validate plans/early-help-2024-2029.yaml
  tracker plan import plans/early-help-2024-2029.yaml --dry-run
  tracker plan import plans/early-help-2024-2029.yaml
  tracker plan export backup.yaml
The format is described in plans/README.md.""",
)
def plan() -> None:
    """Plan files: check one, load one into the database, write the database out as one."""


@plan.command(
    epilog="""\b
Examples:
  tracker plan validate plans/early-help-2024-2029.yaml
  tracker plan validate my-plan.yaml || echo "fix the problems listed above"
Exit codes: 0 valid, 2 problems (each as FILE:LINE:COL: field: message (allowed: ...)).""",
)
@click.argument("file", type=FILE)
def validate(file: Path) -> None:
    """Check a plan file without touching the database.

    Prints a one-line summary of what the plan holds, or every problem found.
    """
    try:
        with read_ahead([file]) as ahead:  # parsed while the services load
            from tracker.services.plans import validate_plan

            summary = validate_plan(file, ahead.get(str(file)))
    except InvalidInput as exc:
        _refused(exc, file, "not a valid plan")
        return
    counts = ", ".join(counted(n, name) for name, n in summary.counts)
    click.echo(
        f"{file}: valid: {summary.strategy} ({summary.start_year}-{summary.end_year}): {counts}"
    )


@plan.command(
    "import",
    epilog="""\b
Examples:
  tracker plan import plans/early-help-2024-2029.yaml
  tracker plan import edited-plan.yaml --dry-run     what would change, storing nothing
  tracker plan import last-week.yaml --take-file     its values over newer updates (audited)
All or nothing: a file with any problem changes nothing (exit code 2). Re-importing the same
file changes nothing; an edited one updates what changed, keyed by codes and refs. Items that
are not in the file are never deleted (counted as "left in database"). Status updates are
history: new ones are added, existing ones are never edited. A file written before an
action's latest update would undo it: refused whole (exit code 3), listing each action with
what the file says and what the database holds, unless --take-file.""",
)
@click.argument("file", type=FILE)
@click.option("--dry-run", is_flag=True, help="Check and count the changes, then store nothing.")
@click.option(
    "--take-file", is_flag=True,
    help="Store the file's values even over newer updates; each is audited as taken.",
)  # fmt: skip
def import_cmd(file: Path, dry_run: bool, take_file: bool) -> None:
    """Load a plan file into the database (create new items, update changed ones)."""
    from tracker.cli.progress import progress_bar

    # the file is read and parsed in a thread while SQLAlchemy and the models load
    with read_ahead([file]) as ahead:
        from tracker.services.plans import import_plan

        tracker = state().tracker()
        try:
            with progress_bar(f"importing {file.name}") as progress:
                result = import_plan(
                    tracker, file, dry_run=dry_run, take_file=take_file, progress=progress,
                    ahead=ahead.get(str(file)),
                )  # fmt: skip
        except InvalidInput as exc:
            _refused(exc, file, "refused, nothing was changed")
            return
        except Conflict as exc:
            show_conflict(exc)
            click.echo(
                "nothing was imported. Export the plan again and re-apply your edits to it, or "
                f"keep the file's values over the database's with: tracker plan import {file} "
                "--take-file",
                err=True,
            )
            click.get_current_context().exit(exit_code(exc))
            return
    rows = [
        {
            "section": s.section,
            "created": s.created,
            "updated": s.updated,
            "unchanged": s.unchanged,
            "left in database": s.left,
        }
        for s in result.sections
    ]
    columns = ("section", "created", "updated", "unchanged", "left in database")
    click.echo(format_table(rows, columns))
    click.echo(
        f"{result.strategy}: {result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged; left in database (not in the file, never deleted): "
        f"{result.left}"
    )
    if result.pending:
        click.echo(f"roles kept for logins with no account yet: {', '.join(result.pending)} "
                   "(tracker users add LOGIN gives them)")  # fmt: skip
    if dry_run:
        click.echo("dry run: nothing was stored")
    elif not result.changed:
        click.echo("nothing to change: the database already matches the file")


@plan.command(
    epilog="""\b
Examples:
  tracker plan export plan-backup.yaml
  tracker plan export - | less                       to standard output
  tracker plan export eh.yaml --strategy "Early Help Strategy 2024-2029"
The file is written whole (to a temporary file, then renamed). Exporting, importing the export
into another database and exporting again gives an identical file.""",
)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--strategy", metavar="TITLE", help="The strategy to export (when there are several)."
)
def export(file: str, strategy: str | None) -> None:
    """Write a strategy's plan from the database as a plan file (- for standard output)."""
    from tracker.services.plans import export_plan

    tracker = state().tracker()
    if file == "-":
        result = export_plan(tracker, None, strategy=strategy)
        echo_data(result.text, nl=False)
        return
    from tracker.cli.progress import progress_bar

    with progress_bar(f"exporting {Path(file).name}") as progress:
        result = export_plan(tracker, file, strategy=strategy, progress=progress)
    click.echo(
        f"wrote {result.path}: {result.strategy}, {counted(result.count('actions'), 'actions')}, "
        f"{counted(result.count('updates'), 'updates')}, "
        f"{counted(result.count('meetings'), 'meetings')}"
    )


@plan.command(
    "from-sheet",
    epilog="""\b
Examples:
  tracker plan from-sheet action-log.xlsx                  show the proposed column mapping
  tracker plan from-sheet action-log.xlsx --out plan.yaml  write the plan file
  tracker plan from-sheet log.xlsx --map "Lead officer=owner" --map F=note --out plan.yaml
  tracker plan from-sheet log.xlsx --out plan.yaml --save-map log-map.yaml
  tracker plan from-sheet june.xlsx --mapping log-map.yaml --out plan.yaml --import
Reads any sheet of an .xlsx (or a CSV) and finds the header row (in the first 30 rows; a merged
heading over two rows is read as one). Columns are proposed a field from their header: ref,
title (Action, Description), owner (Lead, Owner), due (By when, Due, Timescale), start, status,
rag (RAG; or the cell's colour), progress (Progress, Update, Comments: the latest update),
percent, board, phase; note keeps a column as notes in the action's description; skip leaves
it out. A RAG kept as a cell colour is read from the colour. Every cell that cannot be read is
listed with its cell, and left out (never guessed). Exit codes: 0 done, 2 a problem (nothing
written).""",
)
@click.argument("log", type=FILE)
@click.option("--out", type=FILE, help="Write the plan file here.")
@click.option("--map", "pairs", multiple=True, metavar="COLUMN=FIELD",
              help="Fix a column's field (COLUMN: its letter or header). Repeatable.")  # fmt: skip
@click.option("--mapping", "saved", type=FILE, help="Use a mapping saved with --save-map.")
@click.option("--save-map", "save_map", type=FILE, help="Save the mapping used, for next time.")
@click.option("--sheet", help="The sheet to read (default: the one whose header reads best).")
@click.option("--header-row", type=int, help="The header's row number (default: found).")
@click.option("--title", help="The strategy's title in the plan (default: from the file name).")
@click.option("--import", "load", is_flag=True,
              help="Import the plan into the database too (needs --out).")  # fmt: skip
def from_sheet(
    log: Path, out: Path | None, pairs: tuple[str, ...], saved: Path | None,
    save_map: Path | None, sheet: str | None, header_row: int | None, title: str | None,
    load: bool,
) -> None:  # fmt: skip
    """Turn a council's own action log (.xlsx or CSV) into a plan file."""
    from tracker.services.onboarding import plan_from_sheet

    if load and out is None:
        raise click.UsageError("--import needs --out: the plan file it imports")
    try:
        result = plan_from_sheet(
            state().settings(), log, title=title, sheet=sheet, header_row=header_row,
            mapping=pairs, saved=saved, out=out, save_mapping=save_map,
        )  # fmt: skip
    except InvalidInput as exc:
        _refused(exc, log, "cannot read it as an action log, nothing was written")
        return
    m = result.mapping
    rows_text = "-".join(str(r) for r in (m.header_rows[0], m.header_rows[-1]))
    header = rows_text if len(m.header_rows) > 1 else str(m.header_rows[0])
    click.echo(f"{log}: sheet {m.sheet!r}, header row {header}; column mapping:")
    table = [{"column": c.letter, "header": visible(c.header) or "(blank)", "field": c.field,
              "how": "proposed" if c.proposed else "fixed"} for c in m.columns]  # fmt: skip
    click.echo(format_table(table, ("column", "header", "field", "how")))
    click.echo(
        f"{counted(result.actions, 'actions')}, {counted(result.people, 'people')}, "
        f"{counted(result.boards, 'boards')}; notes kept on "
        f"{counted(result.with_notes, 'actions')}; {counted(result.sections, 'section headings')}"
    )
    if result.unread:
        click.echo(f"{counted(len(result.unread), 'cells')} could not be read (left out):")
        for u in result.unread:
            click.echo(f"  {u.cell} ({visible(u.column)}): {visible(u.value)!r}: {u.why}")
    if save_map is not None:
        click.echo(f"saved the mapping to {save_map}")
    if out is None:
        click.echo("nothing written: give --out PLAN.yaml to write the plan file")
        return
    click.echo(f"wrote {out}")
    if load:
        click.get_current_context().invoke(import_cmd, file=out, dry_run=False, take_file=False)
