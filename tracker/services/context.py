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

    def close(self) -> None:
        self.db.dispose()


def open_tracker(settings: Settings, *, check_schema: bool = True) -> Tracker:
    """Open the database named in the settings. Refuses one without the current schema."""
    path = settings.sqlite_path()
    if check_schema and path is not None and not path.exists():
        raise NotReady(f"no database at {path}: run `tracker init` to create it from the plans")
    tracker = Tracker(db=Database(settings.database_url), settings=settings)
    if check_schema:
        version = tracker.db.schema_version()
        if version is None:
            raise NotReady(
                f"the database at {settings.database_url} has no schema: run `tracker init`"
            )
        if version != SCHEMA_HEAD:
            raise NotReady(
                f"the database schema is at {version}, this tracker needs {SCHEMA_HEAD}: "
                "run `tracker db upgrade`"
            )
    return tracker
