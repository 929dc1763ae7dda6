"""The handle every service takes: the database, who is working, and what day it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.config import Settings
from tracker.db import SCHEMA_HEAD, Database
from tracker.services.errors import NotReady


@dataclass
class Tracker:
    db: Database
    settings: Settings

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
        self.db.dispose()


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
    tracker = Tracker(db=Database(settings.database_url), settings=settings)
    if check_schema:
        try:
            version = schema_version(tracker.db)
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
