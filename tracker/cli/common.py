"""What every command shares: settings, the services handle, and the command and group classes
that turn a refusal into its message and exit code. The rest of the toolkit lives beside it and
is re-exported here, where the commands import it from: refusals (refusals.py), output formats
and tables (output.py), typed options (params.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click

from tracker.cli.output import (
    WIDE,
    echo_data,
    echo_json,
    echo_table,
    emit,
    format_columns,
    format_table,
    one_line,
    showing_text_visibly,
    wide_option,
    wrapped,
)
from tracker.cli.params import Number, RagText, StatusText, date_type
from tracker.cli.refusals import (
    REMEDIES,
    as_typed,
    exit_code,
    fail_on_errors,
    flags_of,
    remedy_text,
    report_error,
    show_conflict,
)
from tracker.config import Settings, SettingsError, load_settings
from tracker.errors import TrackerError

__all__ = [
    "REMEDIES", "WIDE", "CliState", "Number", "RagText", "StatusText", "TrackerCommand",
    "TrackerGroup", "as_typed", "date_type", "echo_data", "echo_json", "echo_table", "emit",
    "exit_code", "fail_on_errors", "flags_of", "format_columns", "format_table", "one_line",
    "remedy_text", "show_conflict", "state", "wide_option", "wrapped",
]  # fmt: skip

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


class TrackerCommand(click.Command):
    """Turns a service's refusal into a clear message and its exit code (also under CliRunner);
    what it prints shows control characters visibly."""

    def invoke(self, ctx: click.Context) -> Any:
        with showing_text_visibly():
            try:
                return super().invoke(ctx)
            except (TrackerError, SettingsError) as exc:
                ctx.exit(report_error(exc, flags_of(ctx)))


class TrackerGroup(click.Group):
    command_class = TrackerCommand

    def invoke(self, ctx: click.Context) -> Any:
        with showing_text_visibly():  # a group's own output too (`tracker boards`)
            return super().invoke(ctx)

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
