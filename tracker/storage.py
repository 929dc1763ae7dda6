"""Why a database cannot store anything (a full disk, a read-only file, folder, mount or login),
in the user's words with how to fix it; and the file of a SQLite URL. No SQLAlchemy: the plain-SQL
writers word their refusals with it too. Split from `tracker.db`."""

from __future__ import annotations

import os
from pathlib import Path


def _shown_file(url: str) -> str | None:
    path = sqlite_file(url)
    return str(path) if path is not None else None


def sqlite_file(url: str) -> Path | None:
    if not url.startswith("sqlite") or "///" not in url:
        return None
    tail = url.split("///", 1)[1].split("?", 1)[0]
    return None if tail in ("", ":memory:") else Path(tail)


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.resolve().parent).free < 1024 * 1024
    except OSError:
        return False


def storage_problem(url: str, error: BaseException | None) -> str | None:
    """Why the database cannot store anything, with how to fix it; None for other errors."""
    text_ = str(error).lower()
    pgcode = getattr(getattr(error, "diag", None), "sqlstate", None) or ""
    path = sqlite_file(url)
    full = "disk is full" in text_ or "no space left" in text_ or pgcode == "53100"
    if path is not None and "disk i/o error" in text_ and _nearly_full(path):
        full = True  # SQLite's shared-memory file could not grow
    if full:
        return (
            "cannot write: the disk is full; nothing was changed. "
            "Free some space on the disk that holds the database and try again"
        )
    if path is None:
        if pgcode == "25006":  # read_only_sql_transaction: a standby or a read-only role
            return "cannot write: the database is read-only for this login; ask its administrator"
        return None
    if "readonly" not in text_ and "read-only" not in text_ and "unable to open" not in text_:
        return None
    made_read_only = read_only_problem(path)
    if made_read_only is not None:
        return made_read_only
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK, effective_ids=True):
        return (
            f"cannot write: the database folder {folder} is read-only (SQLite writes its "
            "journal beside the file); nothing was changed. "
            f"Make the folder writable (chmod u+w {folder}) or move the database"
        )
    return None


def read_only_problem(path: Path) -> str | None:
    """Why a SQLite file cannot be written, looked at before writing: its file system mounted
    read-only or the file made read-only (chmod). A connection opened earlier could still write
    through its open file, so a write checks this first: made read-only while the app is open,
    the file is refused as it would be to a program started now. None when writable."""
    folder = path.resolve().parent
    if _read_only_mount(folder):
        return (
            "cannot write: the file system holding the database is read-only; "
            "nothing was changed. Remount it writable or move the database"
        )
    if path.exists() and not os.access(path, os.W_OK, effective_ids=True):
        return (
            "cannot write: the database file is read-only; nothing was changed. "
            f"Make it writable (chmod u+w {path}) or ask its owner"
        )
    return None


BUSY_TIMEOUT = 30.0  # seconds a statement waits for another program's lock on the database
# (`[database] busy_timeout`): SQLite's busy timeout, PostgreSQL's lock_timeout

BUSY = (
    "the database is busy: another program is writing to it (a second tracker, a backup); "
    "nothing was changed. Try again in a moment"
)

# PostgreSQL's codes for a connection lost or refused: class 08 (connection exception), and the
# server shutting down, crashed or starting (57P01 also: the session was terminated)
_GONE = ("57P01", "57P02", "57P03")


def unreachable_problem(url: str, error: BaseException | None, *, lost: bool = False) -> str | None:
    """The database could not be reached (the server stopped or restarted, the session ended, a
    network failure) or is busy beyond the wait (another program holds a SQLite file's write
    lock, or a PostgreSQL lock this statement needs, for longer than `BUSY_TIMEOUT`): in the
    user's words, with what to do; None for other errors. `lost`: the driver's wrapper said the
    connection was invalidated. Nothing was changed: the transaction it interrupted was not
    committed."""
    if error is None:
        return None
    reason = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
    if sqlite_file(url) is not None or url.startswith("sqlite"):
        if "database is locked" in reason or "database is busy" in reason:
            return BUSY
        if "readonly database" in reason:  # it was read-only; the file is writable now
            return (
                "the database could not be written (it was read-only a moment ago); "
                "nothing was changed. Try again"
            )
        return None
    pgcode = getattr(getattr(error, "diag", None), "sqlstate", None) or ""
    if pgcode == "55P03":  # lock_not_available: lock_timeout ran out (another session's lock)
        return BUSY
    client_side = error.__class__.__name__ in ("OperationalError", "InterfaceError") and not pgcode
    if not (lost or pgcode.startswith("08") or pgcode in _GONE or client_side):
        return None
    return (
        f"the database could not be reached ({reason}); nothing was changed. "
        "Try again once it is back (ask its administrator if it stays away)"
    )
