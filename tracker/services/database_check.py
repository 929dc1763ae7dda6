"""What is at the database's address, looked at without changing a byte of it.

`tracker init` and the `tracker db` commands look first, so that they never add tables to another
program's database, never switch its file to WAL, and never take an empty or half-made database
(left by an init that was killed) for a finished one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tracker.config import Settings
from tracker.database_url import mask_password
from tracker.errors import NotReady
from tracker.migrations import is_newer, newer_schema_message
from tracker.storage import BUSY, BUSY_TIMEOUT

Kind = Literal["missing", "empty", "half-made", "tracker", "newer", "foreign"]
SQLITE_HEADER = b"SQLite format 3\x00"
# tables every tracker schema has had; a database with none of them is not a tracker's
_CORE = {"strategy", "action"}


@dataclass(frozen=True)
class Found:
    kind: Kind
    version: str | None = None
    detail: str = ""  # for "foreign": what is there instead

    @property
    def holds_nothing(self) -> bool:
        """Nothing to lose: no database, an empty one, or a schema without a single row."""
        return self.kind in ("missing", "empty", "half-made")


def look(settings: Settings) -> Found:
    path = settings.sqlite_path()
    if path is not None:
        return look_at_file(path, busy_timeout=settings.busy_timeout)
    if settings.is_sqlite:  # in memory: nothing persists
        return Found("missing")
    return _look_at_server(settings.database_url, busy_timeout=settings.busy_timeout)


def refuse_unless_ours(found: Found, where: str) -> None:
    if found.kind == "foreign":
        raise NotReady(
            f"{where} is not a tracker database ({found.detail}); it was left exactly as it was. "
            "Point the tracker at a new file or an empty database ([database] url in "
            "tracker.toml, or TRACKER_DB_URL)"
        )
    if found.kind == "newer":
        raise NotReady(f"{where}: {newer_schema_message(found.version or '?')}")


def _our_tables() -> set[str]:
    from tracker.models import Base

    return set(Base.metadata.tables) | {"alembic_version"}


def _classify(names: Iterable[str], version: str | None, has_rows: Callable[[str], bool]) -> Found:
    names = set(names)
    if not names:
        return Found("empty")
    ours = _our_tables()
    if "alembic_version" in names and version is not None:
        if not names & _CORE:
            return Found("foreign", version, f"its schema {version} is another program's")
        if is_newer(version):
            return Found("newer", version)
        data = sorted(names & ours - {"alembic_version"})
        if not any(has_rows(n) for n in data):
            return Found("half-made", version)
        return Found("tracker", version)
    if names <= ours and not any(has_rows(n) for n in names):
        return Found("half-made")  # tables of ours, no version, no rows: a schema cut short
    shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
    return Found("foreign", None, f"it has tables {shown}")


def look_at_file(path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> Found:
    """What the file holds; another program holding it whole (a backup writing) is waited for
    `busy_timeout` seconds (`[database] busy_timeout`), then refused as busy, never taken for
    another program's database."""
    if not path.exists():
        return Found("missing")
    if path.is_dir():
        return Found("foreign", None, "it is a folder")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotReady(f"cannot read the database at {path}: {exc.strerror}") from None
    if not header:
        return Found("empty")
    if header != SQLITE_HEADER:
        return Found("foreign", None, "it is not a SQLite database")
    try:
        # read-only: looking never changes the file (no WAL switch, no journal)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=busy_timeout)  # fmt: skip
    except sqlite3.Error as exc:
        raise NotReady(f"cannot read the database at {path}: {exc}") from None
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        version = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else None

        def has_rows(name: str) -> bool:
            return conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None

        return _classify(names, version, has_rows)
    except sqlite3.OperationalError as exc:
        if "database is locked" in str(exc):  # held past the wait: busy, not another's file
            raise NotReady(f"cannot read the database at {path}: {BUSY}") from None
        return Found("foreign", None, f"SQLite cannot read it: {exc}")
    except sqlite3.DatabaseError as exc:  # encrypted, corrupt, another format
        return Found("foreign", None, f"SQLite cannot read it: {exc}")
    finally:
        conn.close()


def _look_at_server(url: str, *, busy_timeout: float = BUSY_TIMEOUT) -> Found:
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DBAPIError

    from tracker.db import Database

    db = Database(url, busy_timeout=busy_timeout)
    try:
        with db.engine.connect() as conn:
            names = inspect(conn).get_table_names()
            version = None
            if "alembic_version" in names:
                version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

            def has_rows(name: str) -> bool:
                row = conn.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first()
                return row is not None

            return _classify(names, version, has_rows)
    except DBAPIError as exc:
        if getattr(getattr(exc.orig, "diag", None), "sqlstate", None) == "55P03":
            # a table held past the wait (lock_timeout): busy, not unopenable
            raise NotReady(f"cannot read the database at {mask_password(url)}: {BUSY}") from None
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else exc.__class__.__name__
        raise NotReady(f"cannot open the database at {mask_password(url)}: {reason}") from None
    finally:
        db.dispose()
