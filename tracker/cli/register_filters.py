"""The register's filters as command options: `tracker actions list` and `tracker actions
export-sheet` take the same ones (--phase ... --search) and read them as one ActionFilter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import click

from tracker.cli.params import Number, RagText, StatusText, date_type
from tracker.services.actions.register import ActionFilter

F = TypeVar("F", bound=Callable[..., object])

_OPTIONS = (
    click.option("--phase", type=Number(), help="Phase number (1-5)."),
    click.option("--stage", type=Number(), help="Stage of support (1-3)."),
    click.option("--board", help="Accountable board (code or name)."),
    click.option("--owner", help="Owner: person code, or part of a name or role."),
    click.option("--status", type=StatusText(), help="Status."),
    click.option("--rag", type=RagText(), help="RAG rating ('none': not assessed)."),
    click.option("--overdue", is_flag=True, help="Only open actions past their due date."),
    click.option(
        "--due-before", type=date_type(), help="Only actions due before DATE (YYYY-MM-DD)."
    ),
    click.option("--search", help="Words to find in ref, title, owner or latest commentary."),
)


def filter_options(command: F) -> F:
    """The filter options, in this order in the command's help."""
    for option in reversed(_OPTIONS):  # a decorator list applies from the bottom up
        command = option(command)
    return command


def action_filter(
    phase: int | None, stage: int | None, board: str | None, owner: str | None,
    status: str | None, rag: str | None, overdue: bool, due_before: dt.datetime | None,
    search: str | None,
) -> ActionFilter:  # fmt: skip
    """The options given, as the register's filter."""
    return ActionFilter(
        phase=phase, stage=stage, board=board, owner=owner, status=status, rag=rag,
        overdue=overdue, due_before=due_before.date() if due_before else None, search=search,
    )  # fmt: skip
