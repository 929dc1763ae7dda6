"""One loaded database per backend and test session (the small test plan, its meetings,
resolutions and follow-ups, and escalation #1 on P1-02), copied for each SQLite case and shared,
restored when a case changed it, on PostgreSQL; and the sheets exported from it."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_helpers import (
    CLEAR_ENV,
    SMALL_PLAN,
    Workspace,
    checkpoint_sqlite,
    rows_hash,
    run_cli,
    settings_text,
    table_rows,
)
from sqlalchemy import create_engine, text

from tracker.db import Database, migrate


def _load(folder: Path, url: str) -> dict[str, Path]:
    """Load the base data through the CLI; export the sheets and the plan a user would get."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    config = folder / "tracker.toml"
    config.write_text(settings_text(url, folder), encoding="utf-8")
    env: dict[str, str | None] = {k: None for k in CLEAR_ENV}
    env["TRACKER_CONFIG"] = str(config)
    steps = [
        ["plan", "import", str(SMALL_PLAN)],
        ["escalations", "raise", "P1-02", "--from", "families-board",
         "--reason", "The venue was lost", "--decision", "Fund a new venue"],
        ["actions", "export-sheet", str(folder / "base.csv")],
        ["actions", "export-sheet", str(folder / "base.xlsx")],
    ]  # fmt: skip
    for step in steps:
        outcome = run_cli(step, env)
        assert outcome.exit_code == 0 and not outcome.traceback, (step, outcome)
    return {"csv": folder / "base.csv", "xlsx": folder / "base.xlsx"}


@pytest.fixture(scope="session")
def hostile_sqlite_base(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("hostile-sqlite")
    path = folder / "base.db"
    shutil.copy(sqlite_template, path)
    sheets = _load(folder, f"sqlite:///{path}")
    checkpoint_sqlite(path)
    return path, sheets


class PgBase:
    """A loaded template database and a working copy that cases run on; the copy is made
    again from the template whenever a case left it different."""

    def __init__(self, server_url: str, folder: Path) -> None:
        self.admin = create_engine(
            Database(server_url).engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        stem = f"hostile_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template, self.work = f"{stem}_tpl", f"{stem}_work"
        base = Database(server_url).engine.url
        self.template_url = base.set(database=self.template).render_as_string(hide_password=False)
        self.work_url = base.set(database=self.work).render_as_string(hide_password=False)
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}"'))
        db = Database(self.template_url)
        migrate(db)
        db.dispose()
        self.sheets = _load(folder, self.template_url)
        self.pristine = rows_hash(table_rows(self.template_url))
        self.recreate()

    def _drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))

    def recreate(self) -> None:
        self._drop(self.work)
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.work}" TEMPLATE "{self.template}"'))

    def close(self) -> None:
        self._drop(self.work)
        self._drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def hostile_pg_base(
    pg_server_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PgBase]:
    base = PgBase(pg_server_url, tmp_path_factory.mktemp("hostile-pg"))
    yield base
    base.close()


@pytest.fixture
def hostile_ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A case's folder (tracker.toml, templates/, papers/) over a loaded database; the backend
    comes from the test's parameters (indirect), "sqlite" or "postgresql"."""
    backend = request.param
    (tmp_path / "templates").mkdir()
    if backend == "sqlite":
        base, sheets = request.getfixturevalue("hostile_sqlite_base")
        db_file = tmp_path / "tracker.db"
        shutil.copy(base, db_file)
        url, pg = f"sqlite:///{db_file}", None
    else:
        pg = request.getfixturevalue("hostile_pg_base")
        db_file, url, sheets = None, pg.work_url, pg.sheets
    config = tmp_path / "tracker.toml"
    config.write_text(settings_text(url, tmp_path), encoding="utf-8")
    env: dict[str, str | None] = {k: None for k in CLEAR_ENV}
    env["TRACKER_CONFIG"] = str(config)
    ws = Workspace(backend, tmp_path, url, db_file, sheets, env)
    yield ws
    if pg is not None and rows_hash(table_rows(pg.work_url)) != pg.pristine:
        pg.recreate()
