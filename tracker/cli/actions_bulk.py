"""`tracker actions set|undo|batches|log|views`: bulk edits, their undo, an action's change log,
saved views. Attached to the `actions` group lazily (tracker/cli/actions.py)."""

from __future__ import annotations

from collections.abc import Sequence

import click

from tracker import input_rules
from tracker.cli.common import Number, TrackerCommand, echo_json, emit, state, wrapped
from tracker.errors import InvalidInput, Problem
from tracker.services.actions.register import ActionFilter
from tracker.text import visible
from tracker.vocabulary import counted

FILTER_KEYS = ("phase", "stage", "board", "owner", "status", "rag", "overdue", "due-before",
               "search", "unassigned")  # fmt: skip
FILTER_HELP = ", ".join(FILTER_KEYS)


def parse_filter(items: Sequence[str]) -> ActionFilter | None:
    """--filter KEY=VALUE, repeated: the register's filters. 'owner=none', 'board=none',
    'due=none' pick the actions without one."""
    if not items:
        return None
    numbers: dict[str, int] = {}
    words: dict[str, str] = {}
    due_before = None
    overdue = False
    unassigned: list[str] = []
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip().lower().replace("_", "-"), value.strip()
        if key in ("owner", "board", "due") and value.lower() in ("none", "unassigned"):
            unassigned.append(key)
            continue
        if not sep or key not in FILTER_KEYS:
            raise InvalidInput(Problem("filter", f"{item!r} is not KEY=VALUE", FILTER_HELP))
        if key in ("phase", "stage"):
            if not value.isdigit():
                raise InvalidInput(Problem("filter", f"{key} {value!r} is not a number"))
            numbers[key] = int(value)
        elif key == "status":
            words[key] = input_rules.status(value, "filter")
        elif key == "rag":
            words[key] = input_rules.rag(value, "filter")
        elif key == "due-before":
            due_before = input_rules.date(value, "filter")
        elif key == "overdue":
            overdue = value.lower() in ("", "yes", "true", "1")
        elif key == "unassigned":
            unassigned.append(value.lower())
        else:
            words[key] = value
    return ActionFilter(
        phase=numbers.get("phase"), stage=numbers.get("stage"), board=words.get("board"),
        owner=words.get("owner"), status=words.get("status"), rag=words.get("rag"),
        overdue=overdue, due_before=due_before, search=words.get("search"),
        unassigned=tuple(unassigned),
    )  # fmt: skip


def _value(text: str | None) -> object:
    """A typed value: 'none' (or empty) clears the field."""
    if text is None:
        return None
    return None if text.strip().lower() in ("", "none", "-") else text.strip()


@click.command(
    "set",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions set --filter phase=1 --filter owner=none --owner kelly-white
  tracker actions set P1-01 P1-02 P1-03 --board supporting-families-board --due 31/03/2025
  tracker actions set --filter board=none --filter phase=2 --board sfb --yes
  tracker actions set --filter search=roadmap --due none       (clear the due date)
Shows how many actions would change and asks first (--yes skips the question). The whole
batch is one entry in the audit trail: `tracker actions undo BATCH` puts it back.""",
)
@click.argument("refs", nargs=-1)
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE",
              help=f"Pick actions as the register does ({FILTER_HELP}); repeat to narrow. "
              "owner=none, board=none, due=none: the actions without one.")  # fmt: skip
@click.option("--owner", help="New owner (a person's code or name; 'none' clears).")
@click.option("--board", help="New accountable board (its code or name; 'none' clears).")
@click.option("--phase", type=Number(min=1), help="New phase number.")
@click.option("--stage", help="New stage number ('none' clears).")
@click.option("--start", help="New start date (31/03/2025, 31 Mar 2025, 2025-03-31; 'none').")
@click.option("--due", help="New due date (31/03/2025, 31 Mar 2025, 2025-03-31; 'none').")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def set_cmd(
    refs: tuple[str, ...], filters: tuple[str, ...], owner: str | None, board: str | None,
    phase: int | None, stage: str | None, start: str | None, due: str | None, yes: bool,
) -> None:  # fmt: skip
    """Set owner, board, phase, stage, start or due on many actions in one batch."""
    from tracker.services.actions.bulk import plan_set, set_fields

    f = parse_filter(filters)
    if f is not None and refs:
        raise InvalidInput(Problem("actions", "give refs or --filter, not both"))
    if f is None and not refs:
        raise InvalidInput(Problem("actions", "which actions?", "refs, or --filter KEY=VALUE"))
    values: dict[str, object] = {}
    for name, given in (("owner", owner), ("board", board), ("stage", stage)):
        if given is not None:
            values[name] = _value(given)
    if phase is not None:
        values["phase"] = phase
    for name, given in (("start", start), ("due", due)):
        if given is not None:
            text = _value(given)
            values[name] = None if text is None else input_rules.date(text, name)
    t = state().tracker()
    plan = plan_set(t, values, refs, f)
    click.echo(f"{counted(plan.count, 'actions')} match: "
               f"{_refs(plan.refs)}")  # fmt: skip
    click.echo(f"This will {plan.describe()}.")
    if not plan.changing:
        click.echo("Nothing to change.")
        return
    if not yes and not click.confirm("Go ahead?", default=False, err=True):
        click.echo("Nothing was changed.")
        return
    result = set_fields(t, values, plan.refs, expected=plan.versions)
    click.echo(f"Batch {result.batch}: {result.summary}. "
               f"Undo with `tracker actions undo {result.batch}`.")  # fmt: skip


def _refs(refs: Sequence[str], most: int = 12) -> str:
    return ", ".join(refs[:most]) + (f", ... ({len(refs) - most} more)" if len(refs) > most else "")


@click.command(
    "undo",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions batches          (the latest bulk edits, with their numbers)
  tracker actions undo 1234
An action changed again since the batch keeps its newer value and is named.""",
)
@click.argument("batch", type=Number(min=1))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def undo_cmd(batch: int, yes: bool) -> None:
    """Undo a bulk edit, as one batch."""
    from tracker.services.actions.bulk import list_batches, undo_batch

    t = state().tracker()
    known = {b.batch: b for b in list_batches(t, limit=1000)}
    if batch in known and not yes:
        b = known[batch]
        click.echo(f"Batch {batch} by {b.actor}, {b.at:%d %b %Y %H:%M}: {b.summary}")
        if not click.confirm(f"Put back the values on {counted(b.count, 'actions')}?", default=False,
                             err=True):  # fmt: skip
            click.echo("Nothing was changed.")
            return
    result = undo_batch(t, batch)
    click.echo(f"Batch {result.batch}: {result.summary}.")
    if result.skipped:
        click.echo(f"Left as they are (changed since): {_refs(result.skipped)}")


@click.command(
    "batches",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions batches
  tracker actions batches --limit 5 --format json""",
)
@click.option("--limit", type=Number(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def batches_cmd(limit: int, fmt: str) -> None:
    """The latest bulk edits (newest first): who, when, what, and whether undone."""
    from tracker.services.actions.bulk import list_batches

    rows = [
        {
            "batch": b.batch,
            "when": f"{b.at:%Y-%m-%d %H:%M}",
            "by": b.actor,
            "actions": b.count,
            "what": b.summary,
            "undone": f"by batch {b.undone_by}" if b.undone_by else "-",
        }
        for b in list_batches(state().tracker(), limit=limit)
    ]
    emit(rows, ("batch", "when", "by", "actions", "what", "undone"), fmt)


@click.command(
    "log",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions log P1-03
  tracker actions log P1-03 --edits          (only the edits: dates, owner, board, ...)
  tracker actions log P1-03 --format json""",
)
@click.argument("ref")
@click.option("--edits", is_flag=True, help="Only edits, not status updates.")
@click.option("--limit", type=Number(min=1), default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def log_cmd(ref: str, edits: bool, limit: int, fmt: str) -> None:
    """An action's change log: who changed what, when, each field old → new."""
    from tracker.services.actions.changes import action_log

    entries = action_log(state().tracker(), ref, edits_only=edits, limit=limit)
    if fmt == "json":
        echo_json([e.as_dict() for e in entries])
        return
    if not entries:
        click.echo("No changes recorded.")
    for e in entries:
        click.echo(wrapped(visible(format_entry(e).lstrip()), "  "))


def format_entry(e: object) -> str:
    from tracker.services.actions.changes import ChangeEntry

    assert isinstance(e, ChangeEntry)
    batch = f" (batch {e.batch})" if e.batch else ""
    return f"  {e.at:%Y-%m-%d %H:%M}  {e.by}  {e.kind}{batch}: {e.describe()}"


@click.command(
    "views",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions views
  tracker actions views --save late-sfb --filter board=sfb --filter overdue=yes --sort due
  tracker actions views --delete late-sfb
  tracker actions list --view late-sfb
"My actions" is always there: the open actions whose owner matches user.name; and
"My actions, closed too" (complete and cancelled as well).""",
)
@click.option("--save", "save", metavar="NAME", help="Save the filters as a view called NAME.")
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE", help=FILTER_HELP)
@click.option("--sort", default="ref", show_default=True, help="Sort column of the view.")
@click.option("--desc", is_flag=True, help="Sort descending.")
@click.option("--delete", "delete", metavar="NAME", help="Delete the view called NAME.")
def views_cmd(
    save: str | None, filters: tuple[str, ...], sort: str, desc: bool, delete: str | None
) -> None:
    """List, save or delete saved views of the register."""
    from tracker.services.actions import views_saved as views

    t = state().tracker()
    if save:
        f = parse_filter(filters) or ActionFilter()
        v = views.save_view(t, save, f, sort=sort, descending=desc)
        click.echo(f"Saved view {v.name!r}: {v.describe()}")
        return
    if delete:
        views.delete_view(t, delete)
        click.echo(f"Deleted view {delete!r}.")
        return
    for v in views.list_views(t):
        click.echo(visible(f"  {v.name:<24} {v.describe()}"))


@click.command(
    "export-plan-sheet",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions export-plan-sheet plan.xlsx
  tracker actions export-plan-sheet phase1.csv --filter phase=1 --filter owner=none
Fill in Phase, Stage, Board, Owner, Start and Due, then `tracker actions import-plan-sheet`.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE", help=FILTER_HELP)
def export_plan_sheet_cmd(file: str, filters: tuple[str, ...]) -> None:
    """Write the plan's owners, boards, phases, stages and dates to a sheet to fill in."""
    from tracker.services.sheets.plan_sheet import export_plan_sheet

    count = export_plan_sheet(state().tracker(), file, parse_filter(filters))
    click.echo(f"wrote {counted(count, 'actions')} to {file}")


@click.command(
    "import-plan-sheet",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker actions import-plan-sheet plan.xlsx --dry-run     (check it; store nothing)
  tracker actions import-plan-sheet plan.xlsx
Every row is checked first (codes, phases, dates, due before start, versions); nothing is
stored unless every row is right. The changes are one batch: `tracker actions undo BATCH`.""",
)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the sheet and say what would change.")
def import_plan_sheet_cmd(file: str, dry_run: bool) -> None:
    """Import a filled-in plan-editing sheet as one bulk edit."""
    from tracker.services.sheets.plan_sheet import import_plan_sheet

    result = import_plan_sheet(state().tracker(), file, dry_run=dry_run)
    for r in result.rows:
        if r.outcome == "unchanged":
            continue
        what = "; ".join(f"{f} {old or '-'} → {new or '-'}" for f, old, new in r.changes)
        click.echo(visible(f"row {r.line:<5} {r.ref or '-':<10} {r.outcome:<9} {what}"))
        for p in r.problems:
            click.echo(visible(f"                 {p}"))
    counts = ", ".join(
        f"{result.count(o)} {o}" for o in ("changed", "unchanged", "invalid", "conflict")
    )
    if result.stored:
        click.echo(f"Batch {result.batch}: stored; {counts}. Undo with "
                   f"`tracker actions undo {result.batch}`.")  # fmt: skip
        return
    bad = result.count("invalid") + result.count("conflict")
    click.echo(("nothing was stored: fix the invalid and conflicting rows first; " if bad
                else "nothing stored (dry run); " if dry_run else "nothing to change; ") + counts)  # fmt: skip
    if bad:
        raise SystemExit(2)
