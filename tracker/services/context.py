"""The handle every service takes: the database, who is working, and what day it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.database_url import mask_password, scrub_password
from tracker.errors import NotPermitted, NotReady
from tracker.migrations import SCHEMA_HEAD
from tracker.services.plain_sql import PostgresReader, Reader, SessionReader, SqliteReader

if TYPE_CHECKING:
    from tracker.db import Database
    from tracker.services.accounts.types import AccountView
    from tracker.services.plain_write import PostgresWriter, SqliteWriter, Writer


class Tracker:
    """Opens the SQLAlchemy database on first use. Plain-SQL reads go through sqlite3 (a SQLite
    file) or libpq alone (PostgreSQL, until SQLAlchemy's pool is open), so a command that only
    reads the register never imports SQLAlchemy (`tracker.services.plain_sql`)."""

    def __init__(
        self, settings: Settings, db: Database | None = None, account: AccountView | None = None
    ) -> None:
        self.settings = settings
        # who is acting: an account a face already knows (a browser session's, redeemed from
        # its sign-in ticket), or the one the permission check finds (tracker.services.accounts.permissions)
        self._acting = account
        self._db = db.with_clock(self.clock) if db is not None else None
        self._light: SqliteReader | PostgresReader | None = None
        self._light_writer: SqliteWriter | PostgresWriter | None = None
        self._on_refusal: Callable[[NotPermitted], None] | None = None

    @property
    def _busy(self) -> float:
        """Seconds a statement waits for another program's lock (`[database] busy_timeout`)."""
        return self.settings.busy_timeout

    @property
    def db(self) -> Database:
        if self._db is None:
            from tracker.db import Database

            self._db = Database(
                self.settings.database_url, clock=self.clock, busy_timeout=self._busy
            )
            if self._on_refusal is not None:
                self._db.on_refusal = self._on_refusal
        return self._db

    @property
    def on_refusal(self) -> Callable[[NotPermitted], None] | None:
        """Told of each permission refusal (`Database.on_refusal`). Set here, it waits for the
        database to open: setting it on `db` would import SQLAlchemy before a plain-SQL read."""
        return self._on_refusal

    @on_refusal.setter
    def on_refusal(self, told: Callable[[NotPermitted], None] | None) -> None:
        self._on_refusal = told
        if self._db is not None:
            self._db.on_refusal = told

    @contextmanager
    def reading_sql(self) -> Iterator[Reader]:
        """One read transaction for plain SQL (`tracker.services.plain_sql`)."""
        light = self._light_reader()
        if light is not None:
            with light.reading() as reader:
                yield reader
            return
        with self.db.reading() as session:
            yield SessionReader(session)

    def _light_reader(self) -> SqliteReader | PostgresReader | None:
        """A reader without SQLAlchemy: always for a SQLite file; for PostgreSQL only while
        SQLAlchemy's pool is not open (then its pooled, pre-pinged connections serve). None for
        an in-memory database."""
        if self._light is not None and (self._db is None or self._light.dialect == "sqlite"):
            return self._light
        path = self.settings.sqlite_path()
        if path is not None:
            self._light = SqliteReader(path, busy_timeout=self._busy)
        elif self._db is None and not self.settings.is_sqlite:
            shown = display_url(self.settings.database_url)
            writer = self._light_writer  # its connection, if a write opened one first
            self._light = PostgresReader(
                self.settings.database_url, shown, getattr(writer, "link", None),
                lock_timeout=self._busy,
            )  # fmt: skip
        else:
            return None
        return self._light

    @contextmanager
    def writing_sql(self, *, cursor: bool = False) -> Iterator[Writer]:
        """One write transaction for plain SQL (`tracker.services.plain_write`): sqlite3 on a
        SQLite file, libpq (or psycopg) alone while SQLAlchemy's pool is not open, else a
        session. `cursor=True`: the writer's `cursor()` is used (on PostgreSQL, psycopg's)."""
        from tracker.services.plain_write import PostgresWriter, SessionWriter, SqliteWriter

        now = self.clock()  # one instant per write transaction, as Database.writing reads it
        light = self._light_writer
        if (
            light is not None
            and (self._db is None or light.dialect == "sqlite")
            and (not cursor or not isinstance(light, PostgresWriter) or light.link.has_cursor)
        ):
            with light.writing(now) as writer:
                yield writer
            return
        path = self.settings.sqlite_path()
        if path is not None:
            self._light_writer = SqliteWriter(path, busy_timeout=self._busy)
        elif self._db is None and not self.settings.is_sqlite:
            shown = display_url(self.settings.database_url)
            # the connection the reads use: one server process for the command, not two
            # (unless they run on libpq and this write needs psycopg's cursor)
            link = getattr(self._light, "link", None)
            if link is not None and cursor and not link.has_cursor:
                link = None
            shared = getattr(self._light, "link", None)
            if isinstance(light, PostgresWriter) and light.link not in (link, shared):
                light.close()  # libpq's, shared with no reader: this write needs psycopg
            self._light_writer = PostgresWriter(
                self.settings.database_url, shown, link, cursor=cursor, lock_timeout=self._busy
            )
        else:
            with self.db.writing() as session:
                yield SessionWriter(session)
            return
        with self._light_writer.writing(now) as writer:
            yield writer

    def schema_version(self) -> str | None:
        light = self._light_reader()
        return light.schema_version() if light is not None else schema_version(self.db)

    @property
    def user(self) -> str:
        """The name the audit trail and every update record: the acting account's, else the
        `[user] name` of tracker.toml (a SQLite file's single local user)."""
        return self._acting.display_name if self._acting is not None else self.settings.user

    @property
    def acting(self) -> AccountView | None:
        """The account acting, once known; None for the local user of a tracker without
        accounts (who may do everything)."""
        return self._acting

    def act_as(self, account: AccountView | None) -> None:
        self._acting = account

    @property
    def unrestricted(self) -> bool:
        """No permission check can refuse anything here, known without reading the database:
        a SQLite file's local user (no account known, no `[auth] required`). A fast path that
        skips `require` (plain SQL, without SQLAlchemy) may run only then."""
        return self._acting is None and self.settings.is_sqlite and not self.settings.auth_required

    def today(self) -> dt.date:
        return self.settings.today or dt.date.today()

    def now(self) -> dt.datetime:
        """When a report is recorded (UTC, whole seconds). With a fixed today (rehearsals,
        tests) it falls on that day, so updates never postdate the meetings that consider them."""
        return self.clock().replace(microsecond=0)

    def clock(self) -> dt.datetime:
        """The instant, to the microsecond, on this tracker's day: what the audit trail is
        stamped with (one reading per write transaction, see Database.writing)."""
        now = dt.datetime.now(dt.UTC)
        if self.settings.today is None:
            return now
        return dt.datetime.combine(self.settings.today, now.time(), tzinfo=dt.UTC)

    def close(self) -> None:
        if self._light is not None:
            self._light.close()
            self._light = None
        if self._light_writer is not None:
            self._light_writer.close()
            self._light_writer = None
        if self._db is not None:
            self._db.dispose()


def warm_up(t: Tracker) -> None:
    """Load SQLAlchemy, the models and the database pool before the first use case that needs
    them: the app calls this in idle time once its first screen shows, so that the screens
    after it (boards, resolutions, forms) do not pay that start-up on their first key. Reads
    one row in one transaction; changes nothing."""
    from sqlalchemy import select
    from sqlalchemy.orm import configure_mappers

    from tracker.models import Action

    configure_mappers()
    with t.db.reading() as s:
        s.execute(select(Action.id).limit(1)).first()


def schema_version(db: Database) -> str | None:
    """The database's schema version; NotReady (not a traceback) when it cannot be reached."""
    from sqlalchemy.exc import DBAPIError

    try:
        return db.schema_version()
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else exc.__class__.__name__
        reason = scrub_password(reason, db.url)
        raise NotReady(f"cannot open the database at {display_url(db.url)}: {reason}") from None


def display_url(url: str) -> str:
    """The URL with any password as ***, for messages."""
    return mask_password(url)


def open_tracker(settings: Settings, *, check_schema: bool = True) -> Tracker:
    """Open the database named in the settings. Refuses one without the current schema."""
    path = settings.sqlite_path()
    if check_schema and path is not None and not path.exists():
        raise NotReady(f"no database at {path}", remedy="create the database")
    if check_schema and path is not None and path.is_dir():
        raise NotReady(f"the database at {path} is a folder, not a SQLite database file")
    tracker = Tracker(settings)
    if check_schema:
        try:
            version = tracker.schema_version()
        except NotReady:
            tracker.close()
            raise
        if version is None:
            tracker.close()
            from tracker.services.database_check import look, refuse_unless_ours

            where = f"the database at {display_url(settings.database_url)}"
            refuse_unless_ours(look(settings), where)  # somebody else's: not "run init" on it
            raise NotReady(
                f"the database at {display_url(settings.database_url)} has no schema",
                remedy="create the database",
            )
        if version != SCHEMA_HEAD:
            tracker.close()
            from tracker.migrations import is_newer, newer_schema_message

            if is_newer(version):
                raise NotReady(newer_schema_message(version))
            raise NotReady(
                f"the database schema is at {version}, this tracker needs {SCHEMA_HEAD}",
                remedy="upgrade the database",
            )
    return tracker
