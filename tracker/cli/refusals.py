"""A service's refusal as a command shows it: one line per problem, naming the flag the user
typed; the command that puts it right; and the exit code (see `tracker --help`)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace

import click

from tracker.config import SettingsError
from tracker.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    NotPermitted,
    NotReady,
    Problem,
    Remedy,
    SignInRefused,
    TrackerError,
)

# Exit codes: 2 bad input or not found, 3 conflict with another change, 4 not permitted (the
# acting account's roles do not allow it, or it could not sign in) (see `tracker --help`).
EXIT_CODES: tuple[tuple[type[TrackerError], int], ...] = (
    (InvalidInput, 2),
    (NotFound, 2),
    (NotReady, 2),
    (Conflict, 3),
    (NotPermitted, 4),
    (SignInRefused, 4),
)

# The domain fields a command takes as a flag or argument: "command": {field: what was typed}.
FLAGS: dict[str, dict[str, str]] = {
    "actions list": {"status": "--status", "rag": "--rag", "sort": "--sort"},
    "actions export-sheet": {"status": "--status", "rag": "--rag", "file": "FILE"},
    "indicators list": {"outcome": "--outcome", "board": "--board"},
    "paper render": {"format": "--format", "file": "--out", "as of": "--as-of"},
    "calendar export": {"file": "FILE"},
    "minutes import": {"file": "FILE"},
    "returns send": {"grouping": "--by", "folder": "--out"},
    "returns chase": {"folder": "--out"},
    "returns import": {"file": "PATHS", "folder": "PATHS"},
    "meetings add": {"end time": "--time", "online link": "--online", "location": "--venue"},
    "meetings add-series": {
        "end time": "--time",
        "online link": "--online",
        "location": "--venue",
        "every": "--every",
        "count": "--count",
        "until": "--until",
        "from": "--from",
    },
    "meetings record": {
        "end time": "--time",
        "online link": "--online",
        "location": "--venue",
        "note": "--note",
        "challenge": "--challenge",
        "owner": "--action",
        "due": "--action",
        "action": "--action",
        "escalation": "--action",
    },
    "meetings hold": {
        "end time": "--time",
        "online link": "--online",
        "location": "--venue",
        "owner": "--action",
        "due": "--action",
        "action": "--action",
        "escalation": "--action",
    },
}

# What puts a refusal right, as a command to run.
REMEDIES: dict[Remedy, str] = {
    "schedule the meeting": "schedule it first with `tracker meetings add`",
    "review the meeting": "record more verdicts with `tracker meetings review`",
    "create the database": "run `tracker init` to create it from the plans",
    "upgrade the database": "run `tracker db upgrade`",
    "confirm another meeting": "import them with that meeting's date; or, if they are another "
    "meeting's minutes, run the same command with --not-a-duplicate",
}


def exit_code(exc: TrackerError) -> int:
    return next((code for cls, code in EXIT_CODES if isinstance(exc, cls)), 1)


def flags_of(ctx: click.Context | None) -> Mapping[str, str]:
    """The FLAGS of the command being run (its path without the program's name)."""
    if ctx is None:
        return {}
    return FLAGS.get(ctx.command_path.partition(" ")[2], {})


def as_typed(problems: Iterable[Problem], flags: Mapping[str, str]) -> list[Problem]:
    """Problems naming the flag or argument the user typed where the command has one."""
    return [replace(p, field=flags.get(p.field, p.field)) for p in problems]


def remedy_text(exc: TrackerError) -> str:
    return f"; {REMEDIES[exc.remedy]}" if exc.remedy else ""


def report_error(exc: BaseException, flags: Mapping[str, str] | None = None) -> int:
    if isinstance(exc, InvalidInput):
        count = len(exc.problems)
        noun = "problem" if count == 1 else "problems"
        click.echo(f"error: refused, nothing was changed ({count} {noun}):", err=True)
        for problem in as_typed(exc.problems, flags or {}):
            click.echo(f"  {problem}", err=True)
        if exc.remedy:
            click.echo(f"  {REMEDIES[exc.remedy]}", err=True)
        return exit_code(exc)
    if isinstance(exc, Conflict):
        show_conflict(exc)
        click.echo("nothing was overwritten; look at the action again and re-apply.", err=True)
        return exit_code(exc)
    if isinstance(exc, NotPermitted):
        click.echo(f"not permitted: {exc}; nothing was changed", err=True)
        return exit_code(exc)
    if isinstance(exc, TrackerError):
        click.echo(f"error: {exc}{remedy_text(exc)}", err=True)
        return exit_code(exc)
    if isinstance(exc, SettingsError):
        click.echo(f"error: {exc}", err=True)
        return 2
    raise exc


def show_conflict(exc: Conflict) -> None:
    """The service's explanation, as it gives it: one line per changed field."""
    click.echo(f"conflict: {exc}", err=True)
    for c in exc.changes:
        record = f"{c.record}: " if c.record else ""
        click.echo(
            f"  {record}{c.field}: {exc.yours} {c.yours!r}, it is now {c.theirs!r} "
            f"(changed by {c.changed_by()})",
            err=True,
        )


@contextmanager
def fail_on_errors() -> Iterator[None]:
    try:
        yield
    except (TrackerError, SettingsError) as exc:
        sys.exit(report_error(exc))
