"""A progress bar for long work (plan import, init), on standard error when it is a terminal:
the phase, the count and the rate. Not a terminal (a script, a pipe, cron): nothing at all."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Report = Callable[[str, int, "int | None"], None]


def _quiet(_phase: str, _done: int, _total: int | None) -> None:
    return None


@contextmanager
def progress_bar(title: str) -> Iterator[Report]:
    """Yields the Report a service calls; shows it while the block runs, if anyone can see."""
    if not sys.stderr.isatty():
        yield _quiet
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    started = time.monotonic()
    bar = Progress(
        SpinnerColumn(),
        TextColumn(f"{title}: [bold]{{task.description}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("starting", total=None, rate="")

    def report(phase: str, done: int, total: int | None) -> None:
        elapsed = time.monotonic() - started
        rate = f"{done / elapsed:,.0f} items/s" if done and elapsed > 0 else ""
        bar.update(task, description=phase, completed=done, total=total, rate=rate)

    with bar:
        yield report
