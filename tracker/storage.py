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
    if not os.access(folder, os.W_OK, effective_ids=True):
        return (
            f"cannot write: the database folder {folder} is read-only (SQLite writes its "
            "journal beside the file); nothing was changed. "
            f"Make the folder writable (chmod u+w {folder}) or move the database"
        )
    return None
