"""`tracker boards [add|edit]`: the board tree (`tracker board position` is in cli/position.py)."""

from __future__ import annotations

from collections.abc import Sequence

import click

from tracker.cli.common import (
    Number,
    TrackerGroup,
    emit,
    format_columns,
    state,
)
from tracker.services.governance.board_read import BoardInfo
from tracker.services.governance.boards import (
    add_board,
    edit_board,
    get_board,
    list_boards,
)
from tracker.services.unset import UNSET, Unset

KINDS = ("board", "committee")
TREE_COLUMNS = ("board", "code", "kind", "chair", "meets", "area")


@click.group(
    cls=TrackerGroup,
    invoke_without_command=True,
    epilog="""\b
Examples:
  tracker boards                         the tree of boards and committees
  tracker boards --format json
  tracker boards add lpb-rother-valley "Locality Partnership Board Rother Valley" \\
      --parent supporting-families-board --chair-description "a community representative" \\
      --meets termly --area "Rother Valley"
  tracker boards edit lpb-rother-valley --chair kirsty-woodhead
  tracker boards edit supporting-families-board --parent children-first-board""",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
@click.pass_context
def boards(ctx: click.Context, fmt: str) -> None:
    """The boards and committees as a tree, with chair, meeting pattern and area."""
    if ctx.invoked_subcommand is not None:
        return
    infos = list_boards(state().tracker())
    if fmt != "table":
        emit([b.as_dict() for b in infos], ("code", "name", "kind", "parent", "chair",
                                             "meets", "area", "version"), fmt)  # fmt: skip
        return
    if not infos:
        click.echo("No boards yet: add one with `tracker boards add`.")
        return
    click.echo(render_tree(infos))


def render_tree(infos: Sequence[BoardInfo]) -> str:
    """The boards with ├─/└─ branches, in the order list_boards gives (parents first)."""
    rows = []
    for i, b in enumerate(infos):
        prefix = ""
        for depth in range(1, b.depth + 1):
            last = _last_at(infos, i, depth)
            if depth == b.depth:
                prefix += "└─ " if last else "├─ "
            else:
                prefix += "   " if last else "│  "
        rows.append({
            "board": prefix + b.name, "code": b.code, "kind": b.kind,
            "chair": b.chair_label or "-", "meets": b.meets or "-", "area": b.area or "-",
        })  # fmt: skip
    return format_columns(TREE_COLUMNS, [[r[c] for r in rows] for c in TREE_COLUMNS], limit=80)


def _last_at(infos: Sequence[BoardInfo], index: int, depth: int) -> bool:
    """Is the ancestor of infos[index] at `depth` (or the board itself) its parent's last child?"""
    for later in infos[index + 1 :]:
        if later.depth < depth:
            return True
        if later.depth == depth:
            return False
    return True


def _print_board(b: BoardInfo) -> None:
    click.echo(f"{b.name} ({b.code}), {b.kind}, version {b.version}")
    for label, value in (
        ("reports to", b.parent_name or "- (top board)"), ("chair", b.chair_label or "-"),
        ("meets", b.meets or "-"), ("area", b.area or "-"),
    ):  # fmt: skip
        click.echo(f"  {label:<11} {value}")


@boards.command(
    "add",
    epilog="""\b
Examples:
  tracker boards add lpb-wentworth "Locality Partnership Board Wentworth" \\
      --parent supporting-families-board --meets termly --area Wentworth \\
      --chair-description "a community representative"
  tracker boards add cabinet Cabinet --kind committee""",
)
@click.argument("code")
@click.argument("name")
@click.option("--kind", type=click.Choice(KINDS), default="board", show_default=True)
@click.option("--parent", help="The board it reports to (code or name).")
@click.option("--chair", help="The chair, as a person code.")
@click.option("--chair-description", help='Who chairs it, e.g. "a community representative".')
@click.option("--meets", help='Meeting pattern, e.g. "termly".')
@click.option("--area", help="The district or borough it covers.")
@click.option("--description", help="What the board does.")
def add(
    code: str, name: str, kind: str, parent: str | None, chair: str | None,
    chair_description: str | None, meets: str | None, area: str | None,
    description: str | None,
) -> None:  # fmt: skip
    """Add a board or committee."""
    b = add_board(
        state().tracker(), code, name, kind=kind, parent=parent, chair=chair,
        chair_description=chair_description, meets=meets, area=area, description=description,
    )  # fmt: skip
    click.echo("added:")
    _print_board(b)


def _maybe_clear(value: str | None) -> str | None | Unset:
    """An option not given leaves the field; 'none' (or '') clears it."""
    if value is None:
        return UNSET
    return None if value.strip().lower() in ("", "none", "-") else value


@boards.command(
    "edit",
    epilog="""\b
Examples:
  tracker boards edit lpb-north --chair kirsty-woodhead
  tracker boards edit lpb-north --meets "six-weekly" --area "North District"
  tracker boards edit scrutiny --parent none               (make it a top board)
  tracker boards edit lpb-north --parent sfb --expect-version 3
A new parent that would make a cycle is refused. Exit code 3: the board changed since
--expect-version (or since this command read it); nothing was overwritten.""",
)
@click.argument("board")
@click.option("--name", help="New name.")
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--parent", help="The board it reports to (code or name; 'none': a top board).")
@click.option("--chair", help="The chair as a person code ('none' clears it).")
@click.option("--chair-description", help="Who chairs it, in words ('none' clears it).")
@click.option("--meets", help="Meeting pattern ('none' clears it).")
@click.option("--area", help="District or borough ('none' clears it).")
@click.option("--description", help="What the board does ('none' clears it).")
@click.option("--expect-version", type=Number(), help="Refuse unless the board is at this version.")
def edit(
    board: str, name: str | None, kind: str | None, parent: str | None, chair: str | None,
    chair_description: str | None, meets: str | None, area: str | None,
    description: str | None, expect_version: int | None,
) -> None:  # fmt: skip
    """Change a board: its name, chair, parent (reporting line) or meeting pattern."""
    t = state().tracker()
    expected = expect_version if expect_version is not None else get_board(t, board).version
    b = edit_board(
        t, board, expected_version=expected,
        name=name if name is not None else UNSET, kind=kind if kind is not None else UNSET,
        parent=_maybe_clear(parent), chair=_maybe_clear(chair),
        chair_description=_maybe_clear(chair_description), meets=_maybe_clear(meets),
        area=_maybe_clear(area), description=_maybe_clear(description),
    )  # fmt: skip
    click.echo("saved:")
    _print_board(b)
