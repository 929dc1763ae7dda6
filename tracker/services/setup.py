"""Creating, upgrading and downgrading the database.

`tracker init` makes a whole database or none: a SQLite file is built under a temporary name
beside its target and renamed into place only once the plans are in it; on PostgreSQL the schema
and the plans go in one transaction, which the server rolls back if the process dies. A database
an older, killed init left empty is recognised and built again; another program's database, or
one made by a newer tracker, is refused and left exactly as it was."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.errors import InvalidInput, NotFound, NotReady, Problem
from tracker.files import private_mode, target_mode
from tracker.migrations import SCHEMA_HEAD, known_revisions
from tracker.services.context import Tracker, display_url
from tracker.services.database_check import Found, look, refuse_unless_ours
from tracker.services.sqlite_file import (
    cannot_write,
    companions,
    put_in_place,
    remove_dead_temporaries,
    sqlite_script,
    temporary_for,
)

if TYPE_CHECKING:  # the plan reader is loaded only when a plan is read; SQLAlchemy only
    # where the migrations run (a new SQLite file is made without it: `migrations.snapshot`)
    from tracker.db import Database
    from tracker.plans import LoadedPlan, ReadAhead, Report

# PostgreSQL advisory lock key: two `tracker init`s at once take turns ("trkinit" in ASCII)
_INIT_LOCK = 0x74726B696E6974


@dataclass(frozen=True)
class InitResult:
    created: bool  # False: a database was already there and was left as it is
    schema: str
    plans_loaded: tuple[str, ...]
    actions: int
    rebuilt: bool = False  # True: an empty database left by an interrupted init was replaced


def database_exists(settings: Settings) -> bool:
    """True when a database with something in it is there (never overwrite one)."""
    return not look(settings).holds_nothing


def init_database(
    settings: Settings, progress: Report | None = None,
    ahead: Mapping[str, ReadAhead] | None = None,
) -> InitResult:  # fmt: skip
    """First run: create the schema and load the plans named in the settings.

    An existing database is never overwritten; it is upgraded if its schema is behind.
    progress: told each phase of reading and loading the plans. ahead: plan files already
    being read, by name (tracker.plans.read_ahead).
    """
    if ahead and settings.sqlite_path() is None:
        # on a server SQLAlchemy loads while the plans parse, not after; a new SQLite file is
        # made without it (tracker.migrations.snapshot)
        import tracker.db  # noqa: F401
    missing = [p for p in settings.plans if not p.is_file()]
    if missing:
        raise InvalidInput(
            Problem("plans.load", f"plan file not found: {p}", file=str(settings.source))
            for p in missing
        )
    where = _where(settings)
    found = look(settings)
    refuse_unless_ours(found, where)
    if found.kind == "tracker":
        version = upgrade_database(settings)
        return InitResult(created=False, schema=version, plans_loaded=(), actions=0)
    from tracker.plans import collection_paused, quiet

    with collection_paused():
        return _init_with_plans(settings, found, progress or quiet, ahead or {})


def _init_with_plans(
    settings: Settings, found: Found, progress: Report, ahead: Mapping[str, ReadAhead]
) -> InitResult:
    from tracker.plans import load_plan

    # read and validate every plan (once) before creating anything, so a bad plan leaves
    # nothing behind
    loaded = tuple(load_plan(plan, progress, ahead.get(str(plan))) for plan in settings.plans)
    load = _Load(loaded, progress)
    path = settings.sqlite_path()
    if path is not None:
        return _create_sqlite_file(settings, path, found, load)
    if settings.is_sqlite:  # in memory
        from tracker.db import Database

        return _load_plans(
            settings, Database(settings.database_url, busy_timeout=settings.busy_timeout), load,
            rebuilt=False,
        )  # fmt: skip
    return _create_on_server(settings, found, load)


@dataclass(frozen=True)
class _Load:
    plans: tuple[LoadedPlan, ...]
    progress: Report


def _where(settings: Settings) -> str:
    path = settings.sqlite_path()
    return str(path) if path is not None else display_url(settings.database_url)


def _load_plans(
    settings: Settings, db: Database, load: _Load, *, rebuilt: bool, empty: bool = False
) -> InitResult:
    """The schema (empty: the database holds nothing at all, so the snapshot of the
    migrations serves; else the migrations themselves), then every plan, on `db`."""
    from tracker.db import migrate, set_row_security
    from tracker.services import plans

    load.progress("creating the schema", 0, None)
    from tracker.migrations.snapshot import is_current

    if (
        empty
        and db.connection is not None
        and db.dialect == "postgresql"
        and is_current("postgresql")
    ):
        from tracker.migrations.snapshot import apply_postgresql

        dbapi = db.connection.connection.dbapi_connection
        assert dbapi is not None
        cur = dbapi.cursor()
        try:
            apply_postgresql(cur)
        finally:
            cur.close()
    else:
        migrate(db)
    set_row_security(db, settings.row_security)
    tracker = Tracker(db=db, settings=settings)
    try:
        with tracker.db.writing() as s:  # every plan or none, in one transaction
            actions = sum(
                plans.import_in(s, tracker, plan, progress=load.progress).actions_total
                for plan in load.plans
            )
    finally:
        tracker.close()
    return InitResult(
        created=True, schema=SCHEMA_HEAD, plans_loaded=tuple(str(p) for p in settings.plans),
        actions=actions, rebuilt=rebuilt,
    )  # fmt: skip


def _create_on_server(settings: Settings, found: Found, load: _Load) -> InitResult:
    from sqlalchemy import text

    from tracker.db import one_transaction

    if found.kind == "half-made" and found.version is None:
        raise NotReady(
            f"the database at {_where(settings)} holds part of a tracker schema, without its "
            "version: drop it and create it again empty (dropdb, createdb), then run "
            "`tracker init`"
        )
    with one_transaction(settings.database_url) as db:
        assert db.connection is not None
        db.connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _INIT_LOCK})
        again = look(settings)  # another init may have finished while this one waited
        refuse_unless_ours(again, _where(settings))
        if again.kind == "tracker":
            return InitResult(created=False, schema=again.version or "", plans_loaded=(), actions=0)
        # an empty schema an older, killed init left is loaded in place: it holds nothing
        return _load_plans(settings, db, load, rebuilt=again.kind == "half-made",
                           empty=again.kind in ("missing", "empty"))  # fmt: skip


def _create_sqlite_file(settings: Settings, path: Path, found: Found, load: _Load) -> InitResult:
    from tracker.migrations.snapshot import is_current

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    remove_dead_temporaries(path)
    # an empty database being rebuilt keeps its mode; a new one holds people's names: private
    mode = target_mode(path) if path.exists() else private_mode(path)
    temporary = temporary_for(path)
    url = f"sqlite:///{temporary}"
    # from the moment the temporary exists, a signal (SIGTERM raises SystemExit) removes it
    try:
        temporary.touch(mode=0o600, exist_ok=False)
        # the last connection is closed on return: the WAL is checkpointed into the file
        if is_current("sqlite"):
            result = _load_into_new_file(dataclasses.replace(settings, database_url=url),
                                         temporary, load)  # fmt: skip
        else:  # a migration newer than the stored snapshot: the migrations themselves
            from tracker.db import Database

            db = Database(url, busy_timeout=settings.busy_timeout)
            try:
                result = _load_plans(
                    dataclasses.replace(settings, database_url=url), db, load, rebuilt=False
                )
            finally:
                db.dispose()
        for companion in companions(temporary):
            if companion.exists() and companion.stat().st_size:
                raise NotReady(f"the new database {temporary} is still in use; try again")
        with temporary.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(temporary, mode)
        if not put_in_place(temporary, path, replace=found.kind != "missing"):
            return InitResult(created=False, schema=SCHEMA_HEAD, plans_loaded=(), actions=0)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    except InvalidInput as exc:  # name the database the user asked for, not the temporary
        raise InvalidInput(
            dataclasses.replace(p, file=str(path)) if p.file == str(temporary) else p
            for p in exc.problems
        ) from None
    finally:
        for leftover in (temporary, *companions(temporary)):
            leftover.unlink(missing_ok=True)
    return dataclasses.replace(result, rebuilt=found.kind != "missing")


def _load_into_new_file(settings: Settings, path: Path, load: _Load) -> InitResult:
    """The schema snapshot (`tracker.migrations.snapshot`), then every plan, in one sqlite3
    transaction on the new file: without SQLAlchemy, unless a plan needs the importer."""
    from tracker.migrations.snapshot import apply_sqlite
    from tracker.services.plans import import_on

    load.progress("creating the schema", 0, None)
    # The file is filled with SQLite's rollback journal, then turned to WAL as `tracker.db`
    # opens it. Into a new file the journal holds next to nothing (every page is new), where
    # WAL writes every page twice, to the log and back into the file (about 50 ms of CPU on
    # a 100,000-update plan). A failure rolls back as ever; a kill leaves only the temporary,
    # which is never renamed into place and which the next init removes.
    sqlite_script(settings, path, lambda conn: apply_sqlite(conn, wal=False))
    tracker = Tracker(settings=settings)
    try:
        with tracker.writing_sql(cursor=True) as w:  # every plan or none, in one transaction
            actions = sum(import_on(w, tracker, plan, load.progress).actions_total
                          for plan in load.plans)  # fmt: skip
    finally:
        tracker.close()
    sqlite_script(settings, path, lambda conn: conn.execute("PRAGMA journal_mode=WAL"))
    return InitResult(
        created=True, schema=SCHEMA_HEAD, plans_loaded=tuple(str(p) for p in settings.plans),
        actions=actions, rebuilt=False,
    )  # fmt: skip


def upgrade_database(settings: Settings) -> str:
    found = _existing(settings)
    from alembic.util.exc import CommandError

    from tracker.db import Database, migrate, set_row_security

    db = Database(settings.database_url, busy_timeout=settings.busy_timeout)
    try:
        try:
            migrate(db)
            set_row_security(db, settings.row_security)
        except CommandError as exc:
            raise NotReady(
                f"cannot upgrade the database schema: {exc} "
                f"(this tracker knows revisions up to {SCHEMA_HEAD})"
            ) from None
        return db.schema_version() or found.version or SCHEMA_HEAD
    finally:
        db.dispose()


def _existing(settings: Settings) -> Found:
    """The database, if it is a tracker's with a schema; NotFound / NotReady otherwise."""
    found = look(settings)
    where = _where(settings)
    refuse_unless_ours(found, where)
    if found.kind == "missing":
        raise NotFound(f"no database at {where}", remedy="create the database")
    if found.version is None:
        # making an empty schema here would make `tracker init` think the plans were loaded
        raise NotReady(
            f"the database at {where} has no tracker schema", remedy="create the database"
        )
    return found


def schema_status(settings: Settings) -> tuple[str | None, str]:
    """(the database's schema version or None, the version this tracker needs)."""
    found = look(settings)
    refuse_unless_ours(found, _where(settings))
    return found.version, SCHEMA_HEAD


def downgrade_database(settings: Settings, revision: str, *, delete_all_data: bool = False) -> str:
    """Take the schema back to an older revision (through the migrations' own downgrade
    steps), for going back to an older tracker. Returns the revision it is at now."""
    from tracker.db import Database

    allowed = ", ".join([*sorted(known_revisions()), "base"])
    if revision != "base" and revision not in known_revisions():
        raise InvalidInput(Problem("revision", f"unknown schema {revision!r}", allowed=allowed))
    found = _existing(settings)
    current = found.version or ""
    if revision != "base" and revision >= current:
        raise InvalidInput(
            Problem("revision", f"{revision} is not older than the database's schema {current}",
                    allowed="an older schema; `tracker db upgrade` goes forward")
        )  # fmt: skip
    if revision == "base" and not delete_all_data:
        raise InvalidInput(
            Problem("revision", "going back before the first schema deletes every table and "
                    "all the data; confirm that this is what you want")
        )  # fmt: skip
    from alembic import command
    from sqlalchemy import text

    from tracker.db import alembic_config

    db = Database(settings.database_url, busy_timeout=settings.busy_timeout)
    try:
        command.downgrade(alembic_config(db), revision)
        if revision == "base":
            with db.engine.begin() as conn:  # Alembic leaves its (now empty) version table
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        return db.schema_version() or "base"
    finally:
        db.dispose()
