"""What every command shares: settings, the services handle, errors and output formats."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click

from tracker.cells import inert
from tracker.config import Settings, SettingsError, load_settings
from tracker.errors import Conflict, InvalidInput, TrackerError

if TYPE_CHECKING:  # the services (and SQLAlchemy) load only when a command needs them
    from tracker.services.context import Tracker


@dataclass
class CliState:
    config_path: str | None
    _settings: Settings | None = None
    _tracker: Tracker | None = field(default=None)

    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path)
        return self._settings

    def tracker(self) -> Tracker:
        if self._tracker is None:
            from tracker.services.context import open_tracker

            self._tracker = open_tracker(self.settings())
            # release the connections when the command ends (matters for long-lived callers)
            ctx = click.get_current_context(silent=True)
            if ctx is not None:
                ctx.find_root().call_on_close(self._close)
        return self._tracker

    def _close(self) -> None:
        if self._tracker is not None:
            self._tracker.close()
            self._tracker = None


def state(ctx: click.Context | None = None) -> CliState:
    ctx = ctx or click.get_current_context()
    obj = ctx.find_object(CliState)
    if obj is None:
        obj = CliState(config_path=None)
        ctx.obj = obj
    return obj


def report_error(exc: BaseException) -> int:
    if isinstance(exc, InvalidInput):
        count = len(exc.problems)
        noun = "problem" if count == 1 else "problems"
        click.echo(f"error: refused, nothing was changed ({count} {noun}):", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        return exc.exit_code
    if isinstance(exc, Conflict):
        click.echo(f"conflict: {exc}", err=True)
        for fld, mine, theirs in exc.changes:
            click.echo(f"  {fld}: you read {mine!r}, it is now {theirs!r}", err=True)
        click.echo("nothing was overwritten; look at the action again and re-apply.", err=True)
        return exc.exit_code
    if isinstance(exc, TrackerError):
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    if isinstance(exc, SettingsError):
        click.echo(f"error: {exc}", err=True)
        return 2
    raise exc


@contextmanager
def fail_on_errors() -> Iterator[None]:
    try:
        yield
    except (TrackerError, SettingsError) as exc:
        sys.exit(report_error(exc))


class TrackerCommand(click.Command):
    """Turns a service's refusal into a clear message and its exit code (also under CliRunner)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (TrackerError, SettingsError) as exc:
            ctx.exit(report_error(exc))


class TrackerGroup(click.Group):
    command_class = TrackerCommand

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """A group without its own examples shows the first example of each of its commands."""
        if self.epilog:
            super().format_epilog(ctx, formatter)
            return
        examples = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            lines = command.epilog.splitlines() if command and command.epilog else []
            first = next((ln.strip() for ln in lines if ln.strip().startswith("tracker ")), None)
            if first:
                examples.append(first)
        if examples:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text("Examples:")
                for line in examples:  # as written: an example must not be re-wrapped
                    formatter.write(f"{'':>{formatter.current_indent + 2}}{line}\n")


def date_type() -> click.DateTime:
    return click.DateTime(formats=["%Y-%m-%d"])


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Print rows as an aligned table, CSV or JSON."""
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, default=str, ensure_ascii=False))
        return
    if fmt == "csv":
        # text a spreadsheet would run as a formula is written inert (tracker/cells.py)
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: inert(v) for k, v in r.items()} for r in rows)
        click.echo(out.getvalue(), nl=False)
        return
    click.echo(format_table(rows, columns))


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())


def format_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], limit: int = 60) -> str:
    return format_columns(columns, [[_cell(r.get(c)) for r in rows] for c in columns], limit)


def one_line(texts: Iterable[str]) -> list[str]:
    """Each text on one line, every run of whitespace as one space."""
    return [" ".join(t.split()) for t in texts]


def format_columns(
    headers: Sequence[str], columns: Sequence[Sequence[str]], limit: int = 60
) -> str:
    """An aligned table from its columns of text, each column at most `limit` wide. Built a
    column at a time, so 10,000 rows take milliseconds, not a noticeable pause."""
    padded = []
    for name, cells in zip(headers, columns, strict=True):
        longest = max(len(name), max(map(len, cells), default=0))
        width = min(limit, longest)
        if longest > width:
            cells = [c if len(c) <= width else c[: width - 1] + "…" for c in cells]
        padded.append([name.upper().ljust(width), *[c.ljust(width) for c in cells]])
    return "\n".join(["  ".join(line).rstrip() for line in zip(*padded, strict=True)])
