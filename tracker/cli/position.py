"""`tracker board position BOARD`: a board's rolled-up position and its direction of travel.

Read in plain SQL (tracker.services.governance.position): the command loads no SQLAlchemy
(tests/test_position_start.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.common import TrackerGroup, date_type, echo_json, format_table, state
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.governance.position_types import BoardPosition, GroupCounts


@click.group(cls=TrackerGroup)
def board() -> None:
    """One board's rolled-up position (its own and all descendant boards' actions)."""


@board.command(
    "position",
    epilog="""\b
Examples:
  tracker board position supporting-families-board
  tracker board position "Children First Board" --as-of 2026-01-31
  tracker board position lpb-north --format json > position.json
As of a date, each action counts with its latest update on or before that date; an action with
no update by then counts with its plan values. Without --as-of: the current position.""",
)
@click.argument("board_name", metavar="BOARD")
@click.option("--as-of", type=date_type(), help="The position as it stood on DATE (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
def position(board_name: str, as_of: dt.datetime | None, fmt: str) -> None:
    """Counts by status and RAG (per phase, per stage), % complete, overdue actions, RAG
    worsened since the board's last meeting, what each child board reported, escalations."""
    from tracker.services.governance.position import board_position
    from tracker.services.papers.travel import board_travel

    on = as_of.date() if as_of else None
    p = board_position(state().tracker(), board_name, on)
    travel = board_travel(state().tracker(), board_name, on)
    if fmt == "json":
        echo_json({**jsonable(p), "travel": jsonable(travel)})
        return
    _print_position(p)
    click.echo("")
    if travel.compared_with is None:
        click.echo("Direction of travel: no earlier meeting to compare with.")
        return
    click.echo(
        f"Direction of travel since {_day(travel.compared_with)}: {travel.status_moves} "
        f"changed status; RAG {travel.rag_improved} better ↑, {travel.rag_worsened} worse ↓; "
        f"exceptions {travel.exceptions_new} new, {travel.exceptions_resolved} resolved; "
        f"returns from {travel.returns_received} of {travel.returns_owed} open actions"
    )
    click.echo(format_table([
        {"measure": r.measure, "then": r.before, "now": r.now, "change": r.change,
         "": f"{r.arrow} {r.verdict}"} for r in travel.rows
    ], ("measure", "then", "now", "change", "")))  # fmt: skip


def jsonable(value: Any) -> Any:
    """A position (nested frozen dataclasses) as JSON-ready data; count pairs become objects."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in ("by_status", "by_rag"):
                out[f.name] = dict(item)
            else:
                out[f.name] = jsonable(item)
        return out
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _day(value: dt.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "-"


def _counts_row(label: dict[str, object], g: GroupCounts) -> dict[str, object]:
    row = dict(label)
    row["total"] = g.total
    row.update(dict(g.by_status))
    row.update({f"rag {k}": v for k, v in g.by_rag})
    row["progress"] = f"{g.progress:.1f}%"
    return row


def _print_position(p: BoardPosition) -> None:
    b = p.board
    click.echo(f"{b.name} ({b.code}): position as of {_day(p.as_of)}")
    click.echo(f"  chair {b.chair_label or '-'}; meets {b.meets or '-'}; "
               f"reports to {b.parent_name or '-'}")  # fmt: skip
    click.echo(f"  boards included: {', '.join(p.boards_included)}")
    click.echo(f"  last meeting: {_day(p.last_meeting) if p.last_meeting else 'none held'}")
    status = ", ".join(f"{n} {s}" for s, n in p.by_status)
    rag = ", ".join(f"{n} {r}" for r, n in p.by_rag)
    click.echo(f"  {counted(p.total, 'actions')}: {status}")
    click.echo(f"  RAG: {rag}; {p.progress:.1f}% complete on average (cancelled excluded)")
    statuses = [s for s, _ in p.by_status]
    rags = [f"rag {r}" for r, _ in p.by_rag]
    cols = ["phase", "name", "total", *statuses, *rags, "progress"]
    click.echo("")
    click.echo(format_table([
        _counts_row({"phase": g.number, "name": g.name or "to be confirmed"}, g)
        for g in p.phases
    ], cols))  # fmt: skip
    click.echo("")
    click.echo(format_table([
        _counts_row({"stage": g.number if g.number is not None else "-", "name": g.name}, g)
        for g in p.stages
    ], ["stage", *cols[1:]]))  # fmt: skip
    click.echo("")
    click.echo(f"Overdue ({len(p.overdue)}):" if p.overdue else "Overdue: none.")
    if p.overdue:
        click.echo(format_table([
            {"ref": r.ref, "title": r.title, "board": r.board, "status": r.status,
             "due": f"{r.due_or_implied}{'*' if r.due is None else ''}",
             "rag": r.rag, "progress": f"{r.progress}%"} for r in p.overdue
        ], ("ref", "title", "board", "due", "status", "rag", "progress")))  # fmt: skip
        if any(r.due is None for r in p.overdue):  # as `actions list` marks it
            click.echo("* no due date set: the end of the action's phase")
    click.echo("")
    since = f"since the last meeting ({_day(p.last_meeting)})" if p.last_meeting else ""
    if not p.last_meeting:
        click.echo("RAG worsened: no meeting held yet to compare with.")
    elif p.worsened:
        click.echo(f"RAG worsened {since} ({len(p.worsened)}):")
        click.echo(format_table([
            {"ref": w.ref, "title": w.title, "board": w.board, "before": w.before,
             "after": w.after, "changed": _day(w.changed_on)} for w in p.worsened
        ], ("ref", "title", "board", "before", "after", "changed")))  # fmt: skip
    else:
        click.echo(f"RAG worsened {since}: none.")
    for c in p.children:
        click.echo("")
        status = ", ".join(f"{n} {s}" for s, n in c.by_status if n) or "no actions"
        click.echo(f"{c.name} ({c.code}): {counted(c.total, 'actions')} ({status}); {c.progress:.1f}% "
                   f"complete; last meeting {_day(c.last_meeting)}")  # fmt: skip
        if c.reported:
            click.echo(f"  reported at the meeting of {_day(p.last_meeting)}: "
                       f"{counted(c.reported_updates, 'updates')} on "
                       f"{counted(len(c.reported), 'actions')}; "
                       "the latest for each:")  # fmt: skip
            for u in c.reported:
                click.echo(f"    {u.ref} {u.status}, {u.rag or '-'}, {u.progress}% "
                           f"(recorded {_day(u.recorded_on)}, noted {_day(u.noted_on)})"
                           + (f": {u.commentary}" if u.commentary else ""))  # fmt: skip
        if c.to_report:
            click.echo(f"  to report at the next meeting: {counted(c.to_report_updates, 'updates')} "
                       f"on {counted(len(c.to_report), 'actions')}")  # fmt: skip
    click.echo("")
    if p.escalations_open:
        click.echo(f"Open escalations to this board ({len(p.escalations_open)}):")
        for e in p.escalations_open:
            click.echo(f"  #{e.id} {e.ref} from {e.from_board_name}, raised {_day(e.raised_on)}: "
                       f"{e.reason}; decision sought: {e.decision_sought}")  # fmt: skip
    else:
        click.echo("Open escalations to this board: none.")
