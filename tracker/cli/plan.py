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
from tracker.services.plans import export_plan, import_plan, validate_plan

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
        summary = validate_plan(file)
    except InvalidInput as exc:
        _refused(exc, file, "not a valid plan")
        return
    counts = ", ".join(f"{n} {name}" for name, n in summary.counts)
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

    tracker = state().tracker()
    try:
        with progress_bar(f"importing {file.name}") as progress:
            result = import_plan(
                tracker, file, dry_run=dry_run, take_file=take_file, progress=progress
            )
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
    tracker = state().tracker()
    if file == "-":
        result = export_plan(tracker, None, strategy=strategy)
        echo_data(result.text, nl=False)
        return
    from tracker.cli.progress import progress_bar

    with progress_bar(f"exporting {Path(file).name}") as progress:
        result = export_plan(tracker, file, strategy=strategy, progress=progress)
    click.echo(
        f"wrote {result.path}: {result.strategy}, {result.count('actions')} actions, "
        f"{result.count('updates')} updates, {result.count('meetings')} meetings"
    )
