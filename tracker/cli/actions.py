"""`tracker actions list|show|update`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from tracker.cli.common import (
    Number,
    RagText,
    StatusText,
    TrackerGroup,
    echo_json,
    echo_table,
    emit,
    format_columns,
    one_line,
    state,
    wrapped,
)
from tracker.cli.register_filters import action_filter, filter_options
from tracker.errors import InvalidInput, Problem
from tracker.services.actions.register import SORT_COLUMNS, ActionFilter, ActionRow, list_actions
from tracker.vocabulary import NO_RAG, RAGS, STATUSES, counted

if TYPE_CHECKING:
    from tracker.services.actions.detail_read import ActionDetail
    from tracker.services.governance.trail_steps import TrailStep

STATUS_CHOICES = STATUSES
RAG_CHOICES = (*RAGS, NO_RAG)
LIST_COLUMNS = (
    "ref", "title", "phase", "stage", "board", "owner", "due", "status", "rag", "progress",
    "last_update",
)  # fmt: skip


class _ActionsGroup(TrackerGroup):
    """Imports the spreadsheet commands only when one is asked for (or listed by --help):
    list, show and update start faster without them."""

    LAZY = {
        "export-sheet": ("sheets", "export_sheet"), "import-sheet": ("sheets", "import_sheet"),
        "pace": ("reporting", "pace"),
        "set": ("actions_bulk", "set_cmd"), "undo": ("actions_bulk", "undo_cmd"),
        "batches": ("actions_bulk", "batches_cmd"), "log": ("actions_bulk", "log_cmd"),
        "views": ("actions_bulk", "views_cmd"),
        "export-plan-sheet": ("actions_bulk", "export_plan_sheet_cmd"),
        "import-plan-sheet": ("actions_bulk", "import_plan_sheet_cmd"),
    }  # fmt: skip

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY and name not in self.commands:
            import importlib

            module, attr = self.LAZY[name]
            self.add_command(getattr(importlib.import_module(f"tracker.cli.{module}"), attr))
        return super().get_command(ctx, name)


@click.group(cls=_ActionsGroup)
def actions() -> None:
    """The plan's actions: find them, see their history, record status updates."""


@actions.command(
    "list",
    epilog="""\b
Examples:
  tracker actions list
  tracker actions list --phase 2 --status "in progress"
  tracker actions list --overdue --format csv > overdue.csv
  tracker actions list --board supporting-families-board --rag red --format json
  tracker actions list --search "roadmap"  --due-before 2025-04-01""",
)
@filter_options
@click.option("--sort", type=click.Choice(SORT_COLUMNS), default="ref", show_default=True)
@click.option("--desc", is_flag=True, help="Sort in descending order.")
@click.option("--limit", type=Number(min=1), help="Show at most N actions.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
@click.option("--view", help="A saved view's filters and sort ('My actions': your open ones; "
              "'My actions, closed too').")  # fmt: skip
def list_cmd(
    phase: int | None, stage: int | None, board: str | None, owner: str | None,
    status: str | None, rag: str | None, overdue: bool, due_before: dt.datetime | None,
    search: str | None, sort: str, desc: bool, limit: int | None, fmt: str, view: str | None,
) -> None:  # fmt: skip
    """List actions, filtered and sorted."""
    f = action_filter(phase, stage, board, owner, status, rag, overdue, due_before, search)
    if view is not None:
        from tracker.services.actions.views_saved import find_view

        if f != ActionFilter():
            raise InvalidInput(
                Problem("view", "a view brings its own filters: give one or the other")
            )
        saved = find_view(state().tracker(), view)
        f, sort, desc = saved.filter, saved.sort, saved.descending
    page = list_actions(state().tracker(), f, sort=sort, descending=desc, limit=limit)
    if fmt != "table":
        emit([r.as_dict() for r in page.rows], LIST_COLUMNS, fmt)
        return
    echo_table(_register_table(page.rows))
    if any(r.due is None and r.implied_due for r in page.rows):
        click.echo("* no due date set: the end of the action's phase", err=True)
    count = len(page.rows)
    click.echo(f"{counted(count, 'actions')}", err=True)


def _register_table(rows: Sequence[ActionRow]) -> str:
    """The register as a table, a column at a time (fast enough for every action)."""
    return format_columns(
        LIST_COLUMNS,
        [
            [r.ref for r in rows],
            one_line(r.title for r in rows),
            [str(r.phase) for r in rows],
            ["-" if r.stage is None else str(r.stage) for r in rows],
            [r.board or "unassigned" for r in rows],
            one_line(r.owner or "unassigned" for r in rows),
            [_due_cell(r) for r in rows],
            [r.status for r in rows],
            [r.rag or "-" for r in rows],
            [f"{r.progress}%" for r in rows],
            ["-" if r.last_update is None else r.last_update.date().isoformat() for r in rows],
        ],
    )


def _due_cell(r: ActionRow) -> str:
    """The due date; '*' marks one implied by the end of the action's phase."""
    day = r.due_or_implied
    if day is None:
        return "-"
    return day.isoformat() + ("*" if r.due is None else "") + (" LATE" if r.overdue else "")


def _print_detail(
    d: ActionDetail, history: int | None, trails: dict[int, tuple[TrailStep, ...]] | None = None
) -> None:
    r = d.row
    click.echo(f"{r.ref}  {r.title}")
    lines = [
        ("phase", f"{r.phase} {r.phase_name or '(to be confirmed)'}"),
        ("stage", f"{r.stage} {r.stage_name}" if r.stage else "-"),
        ("board", r.board_name or "unassigned"),
        ("owner", r.owner or "unassigned"),
        ("lead organisation", d.lead_organisation or "-"),
        ("start", d.start.isoformat() if d.start else "-"),
        (
            "due",
            (r.due.isoformat() if r.due else r.due_words()) + (" (overdue)" if r.overdue else ""),
        ),
        ("status", r.status),
        ("RAG", r.rag or "not assessed"),
        ("suggested RAG", _suggested(d)),
        ("forecast", d.pace.forecast_text if d.pace else "-"),
        ("progress", f"{r.progress}%"),
        ("outcomes", "; ".join(d.outcomes) or "-"),
        ("depends on", ", ".join(f"{x.ref} ({x.status})" for x in d.depends_on) or "-"),
        ("needed by", ", ".join(f"{x.ref} ({x.status})" for x in d.dependents) or "-"),
        ("version", str(d.version)),
    ]
    if d.cancelled_reason:
        lines.append(("cancelled because", d.cancelled_reason))
    for label, value in lines:
        click.echo(f"  {label:<18} {value}")
    if d.rule:
        click.echo(wrapped(f"({d.rule})", "  ", " "))
    if d.description:
        click.echo("")
        click.echo(wrapped(d.description, "  ", ""))
    click.echo("")
    total = len(d.updates)
    click.echo(f"Update history ({total} shown, newest first):" if total else "No updates yet.")
    for u in d.updates:
        when = u.recorded_at.strftime("%Y-%m-%d %H:%M")
        rag = u.rag or "-"
        click.echo(f"  {when}  {u.recorded_by}: {u.status}, {rag}, {u.progress}%")
        if u.commentary:
            click.echo(wrapped(u.commentary, "      ", ""))
        if trails and trails.get(u.id):
            from tracker.services.governance.trail_steps import describe_trail

            click.echo(wrapped(f"trail: {describe_trail(trails[u.id])}", "      ", "  "))
    if history is not None and total == history:
        click.echo("  (older updates may be hidden; use --history N for more)")


def _suggested(d: ActionDetail) -> str:
    p = d.pace
    if p is None or p.suggested is None:
        return "-"
    return f"{p.suggested} (expected {p.expected * 100:.0f}% by now)" if p.expected else p.suggested


@actions.command(
    "show",
    epilog="""\b
Examples:
  tracker actions show P1-03
  tracker actions show P1-03 --history 50
  tracker actions show P1-03 --format json""",
)
@click.argument("ref")
@click.option("--history", type=Number(min=1), default=20, show_default=True,
              help="How many of the latest updates to show.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def show(ref: str, history: int, fmt: str) -> None:
    """Show one action with its update history."""
    from tracker.services.actions.detail_read import action_page

    page = action_page(state().tracker(), ref, history=history)
    d, trails, edits = page.detail, page.trails, page.edits
    if fmt == "json":
        data = {
            **d.row.as_dict(),
            "description": d.description,
            "start": d.start.isoformat() if d.start else None,
            "lead_organisation": d.lead_organisation,
            "outcomes": list(d.outcomes),
            "depends_on": [x.ref for x in d.depends_on],
            "dependents": [x.ref for x in d.dependents],
            "version": d.version,
            "changes": [e.as_dict() for e in edits],
            "updates": [
                {
                    "recorded_at": u.recorded_at.isoformat(),
                    "by": u.recorded_by,
                    "status": u.status,
                    "rag": u.rag,
                    "progress": u.progress,
                    "commentary": u.commentary,
                    "trail": [step.as_dict() for step in trails.get(u.id, ())],
                }
                for u in d.updates
            ],
        }
        echo_json(data)
        return
    _print_detail(d, history, trails)
    if edits:
        from tracker.cli.actions_bulk import format_entry

        click.echo("")
        click.echo("Changes (newest first):")
        for e in edits:
            click.echo(wrapped(format_entry(e).lstrip(), "  "))


@actions.command(
    "update",
    epilog="""\b
Examples:
  tracker actions update P1-03 --status "in progress" --progress 40
  tracker actions update P2-01 --rag amber --note "Terms of reference not yet agreed"
  tracker actions update P1-06 --status complete --note "Project board established" --by "K White"
  tracker actions update P1-03 --progress 60 --expect-version 4    (refuse if changed since v4)
Commentary (--note) is required when the RAG is amber or red, when the action is past due,
and when cancelling. Exit code 3: somebody else changed the action first; nothing was lost.""",
)
@click.argument("ref")
@click.option("--status", type=StatusText(), help="New status.")
@click.option("--rag", type=RagText(), help="New RAG ('none': not assessed).")
@click.option("--progress", type=Number(allowed="0-100"), help="Per cent complete, 0-100.")
@click.option("--note", help="Commentary for this update.")
@click.option("--by", help="Who reports it (default: user.name from tracker.toml).")
@click.option("--expect-version", type=Number(),
              help="Refuse unless the action is still at this version.")  # fmt: skip
def update(
    ref: str, status: str | None, rag: str | None, progress: int | None, note: str | None,
    by: str | None, expect_version: int | None,
) -> None:  # fmt: skip
    """Record a status update on an action (status, RAG, % complete, commentary)."""
    if status is None and rag is None and progress is None and not (note and note.strip()):
        raise InvalidInput(
            Problem("update", "nothing to record", "--status, --rag, --progress or --note")
        )
    # imported here, as `list` needs none of them (none loads SQLAlchemy: plain SQL)
    from tracker.services.actions.updates import record_update
    from tracker.services.unset import UNSET

    # One transaction reads the action and writes the update. Without --expect-version the
    # write is checked against the version that transaction read (a writer in between is a
    # conflict, exit 3), so no read of its own first: that cost a transaction of a dozen queries.
    result = record_update(
        state().tracker(), ref, status=status, progress=progress, note=note, by=by,
        expected_version=expect_version,
        rag=UNSET if rag is None else None if rag == "none" else rag,
    )  # fmt: skip
    click.echo(
        f"{result.ref}: {result.status}, {result.rag or 'RAG not assessed'}, "
        f"{result.progress}% (recorded by {result.recorded_by}; version {result.version})"
    )
