"""Large data a command leaves to the end of its process instead of freeing it.

A large plan is a million small Python objects: its document (100,000 status updates, each a
tuple and its values) and the rows written from it. Freed one by one as the import returns and
as Python shuts down, they cost about 40-60 ms of CPU on a 100,000-update plan, just before the
system takes the whole process's memory back at once. So a command's own process
(`tracker.cli.run` turns this on) holds them with `keep` and, once the command has succeeded,
ends with `os._exit` after flushing its output (as mypy does for the same reason). The parsed
YAML is not held: freed as the document is made, its memory is reused by the rows. Anywhere
else (the app, a test, a caller of `tracker.cli.main`) `keep` holds nothing and the data is
freed as usual.
"""

from __future__ import annotations

import os
import sys

_kept: list[object] = []
_on = [False]


def turn_on() -> None:
    """This process ends when its one command does (`tracker.cli.main`)."""
    _on[0] = True


def keep(*objects: object) -> None:
    """Hold the objects until the process ends, if it is a command's own process."""
    if _on[0]:
        _kept.extend(objects)


def end_now(code: object) -> None:
    """With data held and the command done (exit code 0): flush the output and end the process
    without freeing it. Returns (the usual exit follows) when nothing is held, on any other
    code, or if the output cannot be flushed (the usual exit then reports it)."""
    if not _kept or code not in (0, None):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream: the usual exit reports it
        return
    os._exit(0)
