"""Ordinary memory pages, not huge ones, while a large plan is read, checked and written.

Where the system hands out transparent huge pages to any process ("always", as on this
project's machines), the first touch of each 2 MB region of new memory costs the kernel the
zeroing of the whole 2 MB page. A 100,000-update plan is a few hundred MB of short-lived
memory (yaml-rs's own tree, then the Python data, then the rows), allocated and given back in
large blocks: measured on the benchmark plan, the parse alone took 0.05-0.29 s of system time
with huge pages and 0.06-0.12 s without, and a whole import about 0.07 s less CPU on average,
with less spread. So a process reading a large plan asks for ordinary pages (Linux's
`PR_SET_THP_DISABLE`, for this process only) while it does, and puts the setting back after.
It changes nothing but speed; where it cannot be asked for (not Linux, no C library), nothing
is done.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

LARGE = 4_000_000  # bytes of plan files; below it the parse is a few ms and this is not worth it
_SET_THP_DISABLE = 41  # prctl(2) options, from <linux/prctl.h>
_GET_THP_DISABLE = 42


def _libc() -> Any:
    import ctypes  # about 3 ms to load: only for a large plan

    return ctypes.CDLL(None, use_errno=True)


def huge_pages_off() -> bool | None:
    """Whether this process has asked for ordinary pages; None where that cannot be told."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        got = int(_libc().prctl(_GET_THP_DISABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None
    return None if got < 0 else bool(got)


def _size(paths: Iterable[str | os.PathLike[str]]) -> int:
    total = 0
    for p in paths:
        with suppress(OSError):  # missing or unreadable: refused when it is read, as before
            total += os.stat(p).st_size
    return total


@contextmanager
def small_pages(paths: Iterable[str | os.PathLike[str]]) -> Iterator[None]:
    """Ordinary pages for this process while the block runs, if the files are large (together
    at least LARGE bytes); the setting it had is back when the block ends, however it ends."""
    was = huge_pages_off() if _size(paths) >= LARGE else None
    turned = False
    if was is False:
        try:
            turned = int(_libc().prctl(_SET_THP_DISABLE, 1, 0, 0, 0)) == 0
        except (OSError, AttributeError):
            turned = False
    try:
        yield
    finally:
        if turned:
            _libc().prctl(_SET_THP_DISABLE, 0, 0, 0, 0)
