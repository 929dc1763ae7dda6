"""Loaded databases shared per backend and test session (the cache is the session fixture
`hostile_bases` in conftest.py), each loaded once:
- "corpus": the small test plan, its meetings, resolutions and follow-ups, escalation #1 on
  P1-02, and the sheets exported from it;
- "export": the same plan with every text field hostile (hostile_helpers.hostile_plan).
A SQLite test works on a copy of the file; a PostgreSQL test works on a database made from a
template, made again after a test that left it different."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from hostile_texts import load_hostile
from sqlalchemy import create_engine, text

from tracker.db import Database, migrate

Loaded = dict[str, Any]  # what a loader gives back: sheets, texts


def _load_corpus(folder: Path, url: str) -> Loaded:
    """Load the base data through the CLI; export the sheets a user would get."""
    env: dict[str, str | None] = {k: None for k in CLEAR_ENV}
    env["TRACKER_CONFIG"] = str(folder / "tracker.toml")
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
    return {"sheets": {"csv": folder / "base.csv", "xlsx": folder / "base.xlsx"}}


def _load_export(folder: Path, url: str) -> Loaded:
    return {"sheets": {}, "texts": load_hostile(folder, url)}


LOADERS: dict[str, Callable[[Path, str], Loaded]] = {
    "corpus": _load_corpus,
    "export": _load_export,
}


def _prepare(folder: Path, url: str, kind: str) -> Loaded:
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    (folder / "tracker.toml").write_text(settings_text(url, folder), encoding="utf-8")
    return LOADERS[kind](folder, url)


class SqliteBase:
    def __init__(self, template: Path, folder: Path, kind: str) -> None:
        self.path = folder / "base.db"
        shutil.copy(template, self.path)
        self.loaded = _prepare(folder, f"sqlite:///{self.path}", kind)
        checkpoint_sqlite(self.path)


class PgBase:
    """A loaded template database and a working copy that tests run on; the copy is made
    again from the template whenever a test left it different."""

    def __init__(self, server_url: str, folder: Path, kind: str) -> None:
        self.admin = create_engine(
            Database(server_url).engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        stem = f"hostile_{kind}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template, self.work = f"{stem}_tpl", f"{stem}_work"
        base = Database(server_url).engine.url
        self.template_url = base.set(database=self.template).render_as_string(hide_password=False)
        self.work_url = base.set(database=self.work).render_as_string(hide_password=False)
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}"'))
        db = Database(self.template_url)
        migrate(db)
        db.dispose()
        self.loaded = _prepare(folder, self.template_url, kind)
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

    def restore_if_changed(self) -> None:
        if rows_hash(table_rows(self.work_url)) != self.pristine:
            self.recreate()

    def close(self) -> None:
        self._drop(self.work)
        self._drop(self.template)
        self.admin.dispose()


def workspace(request: pytest.FixtureRequest, tmp_path: Path, backend: str, kind: str) -> Workspace:
    """A test's folder (tracker.toml, templates/, papers/) over a loaded database of `kind`;
    on PostgreSQL the database is restored after the test if the test changed it."""
    bases = request.getfixturevalue("hostile_bases")
    if (backend, kind) not in bases:
        folder = request.getfixturevalue("tmp_path_factory").mktemp(f"hostile-{backend}-{kind}")
        if backend == "sqlite":
            template = request.getfixturevalue("sqlite_template")
            bases[backend, kind] = SqliteBase(template, folder, kind)
        else:
            bases[backend, kind] = PgBase(request.getfixturevalue("pg_server_url"), folder, kind)
    base = bases[backend, kind]
    (tmp_path / "templates").mkdir(exist_ok=True)
    if backend == "sqlite":
        db_file: Path | None = tmp_path / "tracker.db"
        shutil.copy(base.path, db_file)
        url = f"sqlite:///{db_file}"
    else:
        db_file, url = None, base.work_url
        request.addfinalizer(base.restore_if_changed)
    config = tmp_path / "tracker.toml"
    config.write_text(settings_text(url, tmp_path), encoding="utf-8")
    env: dict[str, str | None] = {k: None for k in CLEAR_ENV}
    env["TRACKER_CONFIG"] = str(config)
    loaded = base.loaded
    return Workspace(
        backend, tmp_path, url, db_file, loaded["sheets"], env, list(loaded.get("texts", []))
    )
