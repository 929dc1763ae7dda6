"""The handle every service takes: the database, who is working, and what day it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.migrations import SCHEMA_HEAD
from tracker.services.errors import NotReady
from tracker.services.plain_sql import Reader, SessionReader, SqliteReader

if TYPE_CHECKING:
    from tracker.db import Database


class Tracker:
    """Opens the SQLAlchemy database on first use. Plain-SQL reads of a SQLite file go through
    sqlite3, so a command that only reads the register never imports SQLAlchemy
    (`tracker.services.plain_sql`)."""

    def __init__(self, settings: Settings, db: Database | None = None) -> None:
        self.settings = settings
        self._db = db
        self._sqlite: SqliteReader | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from tracker.db import Database

            self._db = Database(self.settings.database_url)
        return self._db

    @contextmanager
    def reading_sql(self) -> Iterator[Reader]:
        """One read transaction for plain SQL (`tracker.services.plain_sql`)."""
        sqlite = self._sqlite_reader()
        if sqlite is not None:
            with sqlite.reading() as reader:
                yield reader
            return
        with self.db.reading() as session:
            yield SessionReader(session)

    def _sqlite_reader(self) -> SqliteReader | None:
        """sqlite3 on the file (None for PostgreSQL or an in-memory database)."""
        path = self.settings.sqlite_path()
        if path is None:
            return None
        if self._sqlite is None:
            self._sqlite = SqliteReader(path)
        return self._sqlite

    def schema_version(self) -> str | None:
        sqlite = self._sqlite_reader()
        return sqlite.schema_version() if sqlite is not None else schema_version(self.db)

    @property
    def user(self) -> str:
        return self.settings.user

    def today(self) -> dt.date:
        return self.settings.today or dt.date.today()

    def now(self) -> dt.datetime:
        """When a report is recorded (UTC, whole seconds). With a fixed today (rehearsals,
        tests) it falls on that day, so updates never postdate the meetings that consider them."""
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        if self.settings.today is None:
            return now
        return dt.datetime.combine(self.settings.today, now.time(), tzinfo=dt.UTC)

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._db is not None:
            self._db.dispose()


def schema_version(db: Database) -> str | None:
    """The database's schema version; NotReady (not a traceback) when it cannot be reached."""
    from sqlalchemy.exc import DBAPIError

    try:
        return db.schema_version()
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else exc.__class__.__name__
        raise NotReady(f"cannot open the database at {display_url(db.url)}: {reason}") from None


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    if url.startswith("sqlite"):
        return url
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown as given
        return url


def open_tracker(settings: Settings, *, check_schema: bool = True) -> Tracker:
    """Open the database named in the settings. Refuses one without the current schema."""
    path = settings.sqlite_path()
    if check_schema and path is not None and not path.exists():
        raise NotReady(f"no database at {path}: run `tracker init` to create it from the plans")
    tracker = Tracker(settings)
    if check_schema:
        try:
            version = tracker.schema_version()
        except NotReady:
            tracker.close()
            raise
        if version is None:
            tracker.close()
            raise NotReady(
                f"the database at {display_url(settings.database_url)} has no schema: "
                "run `tracker init`"
            )
        if version != SCHEMA_HEAD:
            tracker.close()
            raise NotReady(
                f"the database schema is at {version}, this tracker needs {SCHEMA_HEAD}: "
                "run `tracker db upgrade`"
            )
    return tracker
