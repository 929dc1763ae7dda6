"""Creating and upgrading the database."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy import text

from tracker.config import Settings
from tracker.db import Database, migrate
from tracker.errors import InvalidInput, NotFound, NotReady, Problem
from tracker.migrations import SCHEMA_HEAD
from tracker.services.context import Tracker, display_url, schema_version


@dataclass(frozen=True)
class InitResult:
    created: bool  # False: a database was already there and was left as it is
    schema: str
    plans_loaded: tuple[str, ...]
    actions: int


def database_exists(settings: Settings) -> bool:
    """True when the database already has a schema (never overwrite one)."""
    path = settings.sqlite_path()
    if path is not None and not path.exists():
        return False
    db = Database(settings.database_url)
    try:
        return schema_version(db) is not None
    finally:
        db.dispose()


def init_database(settings: Settings) -> InitResult:
    """First run: create the schema and load the plans named in the settings.

    An existing database is never overwritten; it is upgraded if its schema is behind.
    """
    from tracker.services import plans

    missing = [p for p in settings.plans if not p.is_file()]
    if missing:
        raise InvalidInput(
            Problem("plans.load", f"plan file not found: {p}", file=str(settings.source))
            for p in missing
        )
    if database_exists(settings):
        version = upgrade_database(settings)
        return InitResult(created=False, schema=version, plans_loaded=(), actions=0)
    path = settings.sqlite_path()
    # only what this call creates is removed if it fails: never a file that was already there
    created_file = path is not None and not path.exists()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(settings.database_url)
    migrated = False
    try:
        # validate every plan before creating anything, so a bad plan leaves no empty file
        for plan in settings.plans:
            plans.validate_plan(plan)
        migrate(db)
        migrated = True
        tracker = Tracker(db=db, settings=settings)
        actions = 0
        for plan in settings.plans:
            actions += plans.import_plan(tracker, plan).actions_total
    except BaseException:
        if migrated and not created_file:
            # a server database (or a file that was there before): drop the new, empty schema
            # so that the next `tracker init` starts again instead of finding a half-made one
            with contextlib.suppress(Exception):  # the original error matters more
                migrate_down(db)
        db.dispose()
        if created_file and path is not None:
            for leftover in (
                path,
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        raise
    db.dispose()
    return InitResult(
        created=True, schema=SCHEMA_HEAD, plans_loaded=tuple(str(p) for p in settings.plans),
        actions=actions,
    )  # fmt: skip


def upgrade_database(settings: Settings) -> str:
    path = settings.sqlite_path()
    if path is not None and not path.exists():
        raise NotFound(f"no database at {path}", remedy="create the database")
    from alembic.util.exc import CommandError

    db = Database(settings.database_url)
    try:
        if schema_version(db) is None:
            # an empty schema would make `tracker init` think the plans were loaded
            raise NotReady(
                f"the database at {display_url(settings.database_url)} has no schema",
                remedy="create the database",
            )
        try:
            migrate(db)
        except CommandError as exc:  # e.g. a schema made by a newer tracker
            raise NotReady(
                f"cannot upgrade the database schema: {exc} "
                f"(this tracker knows revisions up to {SCHEMA_HEAD})"
            ) from None
        return db.schema_version() or SCHEMA_HEAD
    finally:
        db.dispose()


def schema_status(settings: Settings) -> tuple[str | None, str]:
    """(the database's schema version or None, the version this tracker needs)."""
    if not database_exists(settings):
        return None, SCHEMA_HEAD
    db = Database(settings.database_url)
    try:
        return schema_version(db), SCHEMA_HEAD
    finally:
        db.dispose()


def migrate_down(db: Database) -> None:
    """Remove the schema a failed `init` created (only ever called on a database it made)."""
    from alembic import command

    from tracker.db import alembic_config

    command.downgrade(alembic_config(db), "base")
    with db.engine.begin() as conn:  # Alembic leaves its (now empty) version table
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
