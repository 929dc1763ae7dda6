"""A new SQLite database file, made as `tracker init` makes it: under a temporary name beside its
target (named for the process, so a later init can tell a dead one's leftovers), with a
connection of its own, then renamed into place without clobbering a file another init put there
first. Split from `setup`, which decides what goes into the file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.config import Settings
from tracker.errors import InvalidInput, Problem
from tracker.files import TEMP_SUFFIX, why
from tracker.services.database_check import look_at_file


def temporary_for(path: Path) -> Path:
    # the process id in the name tells a later init which leftovers are from a dead process
    token = secrets.token_hex(4)
    return path.with_name(f".{path.name}.init-{os.getpid()}-{token}{TEMP_SUFFIX}")


def companions(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))


def remove_dead_temporaries(path: Path) -> None:
    """Files a SIGKILLed init left (no handler runs then); never those of a running one."""
    for stray in path.parent.glob(f".{path.name}.init-*{TEMP_SUFFIX}*"):
        pid = stray.name.split(".init-", 1)[1].split("-", 1)[0]
        if pid.isdigit() and _running(int(pid)):
            continue
        with contextlib.suppress(OSError):
            stray.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cannot_write(path: Path, exc: OSError) -> InvalidInput:
    return InvalidInput(
        Problem("database", f"cannot create the database in {path.parent}: {why(exc)}",
                file=str(path))
    )  # fmt: skip


def sqlite_script(settings: Settings, path: Path, run: Callable[[Any], object]) -> None:
    """`run` on a connection of its own to the new file; a storage problem (a full disk, a
    folder that cannot be written) refused in the user's words."""
    import sqlite3

    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            run(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        from tracker.storage import storage_problem  # only on the way out

        message = storage_problem(settings.database_url, exc)
        if message is None:
            raise
        raise InvalidInput(Problem("database", message, file=str(path))) from None


def put_in_place(temporary: Path, path: Path, *, replace: bool) -> bool:
    """Rename the finished file onto its name. False if another init put one there first."""
    if replace:
        # an empty database an interrupted init left: checked again, then replaced
        if not look_at_file(path).holds_nothing:
            return False
        for companion in companions(path):  # never replay an old WAL into the new file
            companion.unlink(missing_ok=True)
        os.replace(temporary, path)
    else:
        if path.exists():
            return False
        for companion in companions(path):  # strays of a file deleted by hand
            companion.unlink(missing_ok=True)
        try:
            os.link(temporary, path)  # fails if the name was taken meanwhile: never clobbers
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            os.replace(temporary, path)  # a file system without hard links
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    finally:
        os.close(dir_fd)
    return True
