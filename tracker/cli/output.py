"""How commands print: control characters shown visibly, data (CSV, JSON, a paper) exactly as
stored when it goes to a file or a pipe, and tables fitted to the terminal's width."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from tracker.cells import inert
from tracker.text import visible


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
