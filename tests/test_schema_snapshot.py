"""`tracker init` gives an empty database the schema from `tracker/migrations/snapshot/`, which
is generated from the migrations. These tests fail when a migration is added or changed without
generating the snapshot again; the one command that does it:

    .venv/bin/python -m tracker.migrations.snapshot

and they check, on SQLite and PostgreSQL, that a database made by `tracker init` has exactly the
schema the migrations make (tables, columns, types, defaults, constraints, indexes, triggers,
functions, row-security policies, alembic_version)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from tracker.cli import cli
from tracker.db import Database, migrate, set_row_security
from tracker.migrations import SCHEMA_HEAD
from tracker.migrations.snapshot import (
    REGENERATE,
    canonical_sqlite,
    generate,
    stored,
    stored_head,
)

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_stored_snapshot_is_what_the_migrations_make(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    pg_url = request.getfixturevalue("pg_server_url") if dialect == "postgresql" else ""
    fresh = generate(dialect, pg_url) if pg_url else generate(dialect)
    assert stored_head(fresh) == SCHEMA_HEAD
    assert stored(dialect) == fresh, (
        f"the {dialect} schema snapshot differs from what the migrations make: run {REGENERATE}"
    )


def _init(folder: Path, url: str, *plans: Path, row_security: bool = False) -> None:
    listed = ", ".join(f'"{p}"' for p in plans)
    settings = folder / "tracker.toml"
    settings.write_text(
        f'[database]\nurl = "{url}"\nrow_security = {str(row_security).lower()}\n\n'
        f'[plans]\nload = [{listed}]\n\n[user]\nname = "Installer"\n\n'
        '[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    os.environ["TRACKER_CONFIG"] = str(settings)
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert "created the database" in result.stdout


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("TRACKER_CONFIG", "TRACKER_DB_URL", "TRACKER_TODAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRACKER_CONFIG", "")  # set by _init; restored afterwards
    return monkeypatch


def sqlite_schema(path: Path) -> dict[str, Any]:
    """Everything SQLite holds of a schema. A table's constraints are compared as a set (the
    migrations write them in an order that differs run to run), so are its foreign keys and
    indexes (an index made for a UNIQUE constraint is named by that order)."""
    conn = sqlite3.connect(path)
    try:
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        tables = sorted(r[1] for r in master if r[0] == "table")

        def indexes(table: str) -> list[tuple[Any, ...]]:
            found = []
            for _, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
                columns = tuple(r[2] for r in conn.execute(f'PRAGMA index_xinfo("{name}")'))
                shown = "(made by SQLite)" if name.startswith("sqlite_autoindex_") else name
                found.append((shown, unique, origin, partial, columns))
            return sorted(found)

        return {
            "statements": canonical_sqlite([(t, n, sql) for t, n, _, sql in master]),
            "objects": sorted((t, tbl) for t, _, tbl, _ in master),
            "pragmas": [
                conn.execute(f"PRAGMA {p}").fetchall()
                for p in (
                    "journal_mode",
                    "user_version",
                    "application_id",
                    "auto_vacuum",
                    "encoding",
                )
            ],
            "columns": {t: conn.execute(f'PRAGMA table_xinfo("{t}")').fetchall() for t in tables},
            "foreign keys": {
                t: sorted(r[2:] for r in conn.execute(f'PRAGMA foreign_key_list("{t}")'))
                for t in tables
            },
            "indexes": {t: indexes(t) for t in tables},
            "alembic_version": conn.execute("SELECT * FROM alembic_version").fetchall(),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("plans", [(), (REGISTER,)], ids=["no plan", "a plan"])
def test_init_of_a_new_sqlite_file_has_the_schema_the_migrations_make(
    tmp_path: Path, clean_env: pytest.MonkeyPatch, plans: tuple[Path, ...]
) -> None:
    by_init = tmp_path / "init" / "tracker.db"
    by_init.parent.mkdir()
    _init(by_init.parent, f"sqlite:///{by_init}", *plans)
    by_migrations = tmp_path / "migrated.db"
    db = Database(f"sqlite:///{by_migrations}")
    migrate(db)
    db.dispose()
    made, expected = sqlite_schema(by_init), sqlite_schema(by_migrations)
    assert made["alembic_version"] == [(SCHEMA_HEAD,)]
    assert made["pragmas"][0] == [("wal",)]
    for part in expected:
        assert made[part] == expected[part], part


PG_CATALOG = {
    "columns": "SELECT table_name, column_name, ordinal_position, data_type, "
    "character_maximum_length, numeric_precision, is_nullable, column_default "
    "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 3",
    "constraints": "SELECT cl.relname, co.conname, co.contype, pg_get_constraintdef(co.oid) "
    "FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid "
    "JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public' ORDER BY 1, 2",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes "
    "WHERE schemaname = 'public' ORDER BY 1, 2",
    "triggers": "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2",
    "policies": "SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check "
    "FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2",
    "row security": "SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public' ORDER BY 1",
    "functions": "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
    "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1, 2",
    "sequences": "SELECT sequence_name, data_type, start_value, increment FROM "
    "information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1",
    "types": "SELECT t.typname, t.typtype FROM pg_type t JOIN pg_namespace n "
    "ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1",
    "alembic_version": "SELECT version_num FROM alembic_version",
}


def pg_schema(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            return {
                part: [tuple(r) for r in conn.execute(text(sql))]
                for part, sql in PG_CATALOG.items()
            }
    finally:
        db.dispose()


@pytest.fixture
def two_empty_pg(pg_server_url: str) -> Iterator[tuple[str, str]]:
    """Two PostgreSQL databases with nothing in them, dropped afterwards."""
    admin = create_engine(
        Database(pg_server_url).engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    names = [f"tracker_snap_{os.getpid()}_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = Database(pg_server_url).engine.url
    urls = [base.set(database=n).render_as_string(hide_password=False) for n in names]
    yield urls[0], urls[1]
    with admin.connect() as conn:
        for name in names:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = :n AND pid <> pg_backend_pid()"),
                {"n": name},
            )  # fmt: skip
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.mark.parametrize("row_security", [False, True], ids=["open", "row security"])
def test_init_of_an_empty_postgresql_database_has_the_schema_the_migrations_make(
    tmp_path: Path, clean_env: pytest.MonkeyPatch, two_empty_pg: tuple[str, str],
    row_security: bool,
) -> None:  # fmt: skip
    by_init, by_migrations = two_empty_pg
    _init(tmp_path, by_init, REGISTER, row_security=row_security)
    db = Database(by_migrations)
    migrate(db)
    set_row_security(db, row_security)
    db.dispose()
    made, expected = pg_schema(by_init), pg_schema(by_migrations)
    assert made["alembic_version"] == [(SCHEMA_HEAD,)]
    assert len(made["policies"]) > 100
    assert any(r[2] for r in made["row security"]) is row_security
    for part in expected:
        assert made[part] == expected[part], part


LOADED = (
    "import sys\n"
    "from tracker.cli import main\n"
    "sys.argv = ['tracker', 'init']\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "names = ('alembic', 'sqlalchemy', 'tracker.models')\n"
    "print('LOADED', code, *[n for n in names if n in sys.modules], file=sys.stderr)\n"
)


def test_init_of_a_new_sqlite_file_runs_without_alembic_or_sqlalchemy(
    tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tracker.db"
    settings = tmp_path / "tracker.toml"
    settings.write_text(
        f'[database]\nurl = "sqlite:///{path}"\n\n[plans]\nload = ["{REGISTER}"]\n\n'
        '[user]\nname = "Installer"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "TRACKER_CONFIG": str(settings)}
    done = subprocess.run([sys.executable, "-c", LOADED], env=env, capture_output=True,
                          text=True, check=True)  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "LOADED 0"
    assert "8 actions in the plan" in done.stdout
    assert sqlite_schema(path)["alembic_version"] == [(SCHEMA_HEAD,)]


def test_a_snapshot_behind_the_migrations_is_not_used(
    tmp_path: Path, clean_env: pytest.MonkeyPatch, two_empty_pg: tuple[str, str]
) -> None:
    """A tree with a migration newer than its stored snapshot (a developer's, before they run
    the regenerate command) still gets a database from init, made by the migrations themselves,
    on SQLite and PostgreSQL; the snapshot's SQL is never run."""
    import tracker.migrations.snapshot as snapshot

    def refuse(*_: object) -> None:
        raise AssertionError("the stale snapshot was applied")

    clean_env.setattr(snapshot, "is_current", lambda dialect: False)
    clean_env.setattr(snapshot, "apply_sqlite", refuse)
    clean_env.setattr(snapshot, "apply_postgresql", refuse)
    path = tmp_path / "new" / "tracker.db"
    path.parent.mkdir()
    _init(path.parent, f"sqlite:///{path}", REGISTER)
    migrated = tmp_path / "migrated.db"
    db = Database(f"sqlite:///{migrated}")
    migrate(db)
    db.dispose()
    made, expected = sqlite_schema(path), sqlite_schema(migrated)
    assert made["alembic_version"] == [(SCHEMA_HEAD,)]
    for part in expected:
        assert made[part] == expected[part], part
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM action").fetchone()[0] > 0

    by_init, _ = two_empty_pg
    _init(tmp_path, by_init, REGISTER)
    assert pg_schema(by_init)["alembic_version"] == [(SCHEMA_HEAD,)]
