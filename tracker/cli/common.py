"""What every command shares: settings, the services handle, errors and output formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import click

from tracker import input_rules
from tracker.cells import inert
from tracker.config import Settings, SettingsError, load_settings
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
from tracker.services.plain_sql import INTEGER_MAX, INTEGER_MIN
from tracker.text import visible
from tracker.vocabulary import RAGS, STATUSES

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
    "meetings add-series": {"end time": "--time", "online link": "--online",
                            "location": "--venue", "every": "--every", "count": "--count",
                            "until": "--until", "from": "--from"},
    "meetings record": {"end time": "--time", "online link": "--online", "location": "--venue",
                        "note": "--note", "challenge": "--challenge", "owner": "--action",
                        "due": "--action", "action": "--action", "escalation": "--action"},
    "meetings hold": {"end time": "--time", "online link": "--online", "location": "--venue",
                      "owner": "--action", "due": "--action", "action": "--action",
                      "escalation": "--action"},
}

# What puts a refusal right, as a command to run.
REMEDIES: dict[Remedy, str] = {
    "schedule the meeting": "schedule it first with `tracker meetings add`",
    "review the meeting": "record more verdicts with `tracker meetings review`",
    "create the database": "run `tracker init` to create it from the plans",
    "upgrade the database": "run `tracker db upgrade`",
}

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


class _Visible:
    """A text stream that shows control characters as visible marks (tracker.text.visible):
    stored text (a title, a returned sheet's commentary) holding an escape sequence cannot
    retitle, clear or recolour the reader's terminal, whatever prints it."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def showing_text_visibly() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _raw_stdout() -> Any:
    stream: Any = sys.stdout
    while isinstance(stream, _Visible):
        stream = stream._stream
    return stream


def echo_table(table: str) -> None:
    """A table from `format_columns`, whose cells are already shown visibly: written without
    scanning its whole text a second time (10,000 rows of it)."""
    click.echo(table, file=_raw_stdout())


def echo_data(text: str, *, nl: bool = True) -> None:
    """Data (CSV, YAML, a paper) exactly as stored when it goes to a file or a pipe; on a
    terminal, with control characters visible like everything else."""
    raw = _raw_stdout()
    click.echo(text, nl=nl, file=None if raw.isatty() else raw)


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def echo_json(data: Any, **dumps: Any) -> None:
    """JSON with every control character escaped (json itself leaves DEL, C1 and bidi
    overrides raw): the same data, safe on a terminal."""
    text = json.dumps(data, indent=2, ensure_ascii=False, **dumps)
    click.echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


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


# what a database integer column holds: a larger number would overflow it
NUMBER_MIN, NUMBER_MAX = INTEGER_MIN, INTEGER_MAX


class Number(click.IntRange):
    """A whole number that fits the database: an id, a phase, a version. One far too large is
    refused here with a plain message (exit 2) instead of overflowing the database."""

    name = "number"

    def __init__(
        self, min: int | None = None, max: int | None = None, allowed: str | None = None
    ) -> None:
        super().__init__(
            min=NUMBER_MIN if min is None else min, max=NUMBER_MAX if max is None else max
        )
        self.allowed = allowed  # what the field allows, when the service checks the range

    def _describe_range(self) -> str:
        if self.allowed:
            return self.allowed
        if self.min == NUMBER_MIN and self.max == NUMBER_MAX:
            return f"a whole number up to {NUMBER_MAX}"
        if self.max == NUMBER_MAX:
            return f"a whole number from {self.min} up to {NUMBER_MAX}"
        return f"a whole number from {self.min} to {self.max}"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)
        lo, hi = self.min, self.max
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.fail(f"{number} is out of range: {self._describe_range()}", param, ctx)
        return number


class DateText(click.ParamType[dt.datetime]):
    """A typed date, read by the one set of input rules (tracker.input_rules): ISO or UK
    day-first (31/03/2027, 31 Mar 2027); an ambiguous one is refused. Gives a datetime at
    midnight, as click.DateTime did."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        day, problem = input_rules.read_date(value)
        if day is None:
            self.fail(f"{problem or 'required'} (allowed: {input_rules.DATE_ALLOWED})", param, ctx)
        return dt.datetime(day.year, day.month, day.day)


def date_type() -> click.ParamType[dt.datetime]:
    return DateText()


class StatusText(click.ParamType[str]):
    """A status in any case, with the sheet's aliases ('In Progress', 'done')."""

    name = "status"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(STATUSES) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found, problem = input_rules.read_status(value)
        if found is None:
            self.fail(f"{problem or 'required'} (allowed: {', '.join(STATUSES)})", param, ctx)
        return found


class RagText(click.ParamType[str]):
    """A RAG value in any case ('Amber', 'A'), or 'none' (not assessed)."""

    name = "rag"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join((*RAGS, input_rules.NO_RAG)) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        found, problem = input_rules.read_rag(value)
        if found is None:
            allowed = ", ".join((*RAGS, input_rules.NO_RAG))
            self.fail(f"{problem or 'required'} (allowed: {allowed})", param, ctx)
        return found


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Print rows as an aligned table, CSV or JSON."""
    if fmt == "json":
        echo_json(list(rows), default=str)
        return
    if fmt == "csv":
        # text a spreadsheet would run as a formula is written inert (tracker/cells.py)
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: inert(v) for k, v in r.items()} for r in rows)
        echo_data(out.getvalue(), nl=False)
        return
    echo_table(format_table(rows, columns))


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())


def format_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], limit: int = 60) -> str:
    return format_columns(columns, [[_cell(r.get(c)) for r in rows] for c in columns], limit)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def one_line(texts: Iterable[str]) -> list[str]:
    """Each text on one line, every run of whitespace as one space."""
    return [" ".join(t.split()) for t in texts]


WIDE = {"on": os.environ.get("TRACKER_WIDE", "") not in ("", "0")}  # `tracker --wide`
MIN_COLUMN = 6  # a column cut to fit the terminal keeps at least this much (and its heading)


def terminal_width() -> int | None:
    """The width a table must fit: $TRACKER_WIDTH if set, else the terminal's; None when
    writing to a pipe or a file, or with --wide: then every cell is whole."""
    if WIDE["on"]:
        return None
    width = os.environ.get("TRACKER_WIDTH", "")
    if width.isdigit() and int(width) > 0:
        return int(width)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def wrapped(text: str, indent: str = "", hang: str = "    ") -> str:
    """A line of free text (a commentary, a log entry) wrapped to the terminal's width, its
    later lines indented by `hang` more than the first; whole in a pipe or with --wide."""
    room = terminal_width()
    if room is None or len(indent) + len(text) <= room:
        return indent + text
    import textwrap

    return textwrap.fill(
        text, width=max(room, len(indent + hang) + 20), initial_indent=indent,
        subsequent_indent=indent + hang, break_on_hyphens=False,
    )  # fmt: skip


def wide_option(command: click.Command) -> click.Command:
    """`--wide` on a command (and each of its subcommands): the same as `tracker --wide`, so
    that it can be given where people add it, after the command."""

    def on(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            WIDE["on"] = True

    if not any("--wide" in p.opts for p in command.params):
        command.params.append(click.Option(
            ["--wide"], is_flag=True, expose_value=False, is_eager=True, callback=on,
            help="Tables show every cell whole, however wide (default: cut with … to fit).",
        ))  # fmt: skip
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            wide_option(sub)
    return command


def fitted(headers: Sequence[str], longest: list[int], room: int | None) -> list[int]:
    """Column widths that fit `room` (two spaces between columns): the widest column gives a
    character at a time (so short columns, dates and codes, stay whole longest), none below
    MIN_COLUMN."""
    widths = list(longest)
    if room is None:
        return widths
    floors = [min(w, MIN_COLUMN) for w in widths]
    excess = sum(widths) + 2 * (len(widths) - 1) - room
    while excess > 0:
        i = max(range(len(widths)), key=lambda k: (widths[k] > floors[k], widths[k]))
        if widths[i] <= floors[i]:
            break  # as narrow as it goes: the terminal wraps the rest
        widths[i] -= 1
        excess -= 1
    return widths


def format_columns(
    headers: Sequence[str], columns: Sequence[Sequence[str]], limit: int = 60
) -> str:
    """An aligned table from its columns of text, each column at most `limit` wide, and all of
    them within the terminal's width (cut with "…"; `tracker --wide` shows every cell whole).
    Built a column at a time, so 10,000 rows take milliseconds, not a noticeable pause."""
    cleaned = []
    for cells in columns:
        joined = "".join(cells)  # one C-speed check a column: rarely anything to show
        if not joined.isprintable() and visible(joined) is not joined:
            cells = [visible(c) for c in cells]
        cleaned.append(cells)
    room = terminal_width()
    longest = [
        min(limit if room is not None or not WIDE["on"] else 10**6,
            max(len(name), max(map(len, cells), default=0)))
        for name, cells in zip(headers, cleaned, strict=True)
    ]  # fmt: skip
    padded = []
    for name, cells, width in zip(headers, cleaned, fitted(headers, longest, room), strict=True):
        if any(len(c) > width for c in cells):
            cells = [c if len(c) <= width else c[: width - 1] + "…" for c in cells]
        padded.append([_cut(name.upper(), width).ljust(width), *[c.ljust(width) for c in cells]])
    lines = ["  ".join(line).rstrip() for line in zip(*padded, strict=True)]
    if room is not None:  # too many columns to fit even cut down: the last ones are cut off
        lines = [_cut(line, room) for line in lines]
    return "\n".join(lines)
